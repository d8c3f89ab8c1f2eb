"""Every command line writer interrupted mid-write (Ctrl-C arrives while the data goes to disk): the old file is
left as it was, no temporary file is left beside it, and the command says 'interrupted' with exit code 130 (no
traceback). Simulated: the interrupt is raised by the fsync of the one atomic write."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import planner.model.io as model_io
from planner.commands.common import sample_plan_path
from tests.test_s18_unseen_one_truth import run


@pytest.mark.parametrize(
    "argv",
    [
        ["baseline", "{plan}", "--name", "Kept"],
        ["export", "{plan}", "-o", "{out}.png", "--chart", "gantt"],
        ["export", "{plan}", "-o", "{out}.csv"],
        ["report", "{plan}", "-o", "{out}.pdf", "--sections", "cover"],
        ["new", "-o", "{out}.plan.json", "--force"],
        ["import", "{csv}", "-o", "{out}.plan.json", "--force"],
    ],
    ids=lambda a: "-".join(a[:1] + [x for x in a if x.startswith("{out}")]).replace("{out}", ""),
)
def test_an_interrupted_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    sample = sample_plan_path()
    assert sample is not None
    plan = tmp_path / "plan.plan.json"
    shutil.copyfile(sample, plan)
    csv = tmp_path / "tasks.csv"
    csv.write_text("id,title,duration\na,Alpha,2\n", encoding="utf-8")
    out = tmp_path / "out"
    args = [
        x.replace("{plan}", str(plan)).replace("{out}", str(out)).replace("{csv}", str(csv)) for x in argv
    ]
    target = plan if argv[0] == "baseline" else Path(next(a for a in args if a.startswith(str(out))))
    if target != plan:
        target.write_bytes(b"the old file")
    before = target.read_bytes()
    names = sorted(p.name for p in tmp_path.iterdir())

    def interrupted(_fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(model_io.os, "fsync", interrupted)
    rc, _, err = run(args)
    monkeypatch.undo()
    assert rc == 130 and err.endswith("planner: interrupted\n") and "Traceback" not in err
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == names  # no temporary file left
