"""A file its owner made read-only is not replaced by the command line (H-unseen23).

Before: the atomic write renames a new file over its target, which the folder's permission allows, so ``planner
baseline`` wrote its baseline into a plan file marked read-only, and ``export``, ``report``, ``new --force`` and
``import`` replaced a read-only output, without a word (exit 0). Now each refuses with a message that names the
file and says what to do, exit 2, and the file is left as it was.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planner.commands.common import sample_plan_path
from tests.test_s18_unseen_one_truth import run


def _locked(path: Path) -> bytes:
    path.chmod(0o444)
    return path.read_bytes()


@pytest.mark.parametrize(
    "argv",
    [
        ["baseline", "{plan}", "--name", "Kept"],
        ["export", "{plan}", "-o", "{out}.png", "--chart", "gantt"],
        ["export", "{plan}", "-o", "{out}.csv"],
        ["report", "{plan}", "-o", "{out}.pdf"],
        ["new", "-o", "{out}.plan.json", "--force"],
        ["import", "{csv}", "-o", "{out}.plan.json", "--force"],
    ],
    ids=lambda a: "-".join(a[:1] + [x for x in a if x.startswith("{out}")]).replace("{out}", ""),
)
def test_a_read_only_file_is_refused_and_kept(tmp_path: Path, argv: list[str]) -> None:
    sample = sample_plan_path()
    assert sample is not None
    plan = tmp_path / "plan.plan.json"
    shutil.copyfile(sample, plan)
    csv = tmp_path / "tasks.csv"
    csv.write_text("id,title,duration\na,Alpha,2\nb,Beta,3\n", encoding="utf-8")
    out = tmp_path / "out"
    args = [
        x.replace("{plan}", str(plan)).replace("{out}", str(out)).replace("{csv}", str(csv)) for x in argv
    ]
    target = plan if argv[0] == "baseline" else Path(next(a for a in args if a.startswith(str(out))))
    if target != plan:
        target.write_bytes(b"kept")
    before = _locked(target)
    try:
        rc, _, err = run(args)
        assert rc == 2
        assert err == f"planner: {target}: the file is read-only, so it was not changed; make it writable (chmod u+w) or write to another file\n"  # fmt: skip
        assert target.read_bytes() == before
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left
        target.chmod(0o644)  # writable again: the same command writes it
        rc, _, err = run(args)
        assert rc == 0, err
        assert target.read_bytes() != before
    finally:
        target.chmod(0o644)
