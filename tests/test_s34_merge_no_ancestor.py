"""``planner merge`` with no common ancestor (session 34): git gives its merge driver an empty BASE when both
branches added the plan file (an add/add conflict). Before, the merge stopped with "base.plan.json: the file is
empty" and git fell back to conflict markers in the JSON; now both plans are put together and what they hold
differently is listed as a conflict."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from planner.cli import main
from tests.test_s33_merge_cli import git_repo_with_the_driver

SAMPLE = Path(__file__).resolve().parent.parent / "sample_plans" / "fraud-detection.plan.json"


def _write(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def test_an_empty_base_merges_both_plans_and_lists_what_differs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    base = tmp_path / "base.plan.json"
    base.write_bytes(b"")
    ours_data = json.loads(json.dumps(data))
    ours_data["decisions"].append(
        {"id": "ours-only", "title": "Ours only", "stage": "validate", "duration": 1}
    )
    theirs_data = json.loads(json.dumps(data))
    theirs_data["decisions"][0]["title"] = "Their title"
    ours, theirs = (
        _write(tmp_path / "ours.plan.json", ours_data),
        _write(tmp_path / "theirs.plan.json", theirs_data),
    )
    out = tmp_path / "out.plan.json"
    assert main(["merge", str(base), str(ours), str(theirs), "-o", str(out), "--prefer", "theirs"]) == 1
    text = " ".join(capsys.readouterr().out.split())
    assert "No common ancestor (BASE is empty, as git gives when both sides added the file)" in text
    first = data["decisions"][0]
    assert "1 conflict (the two sides hold it differently):" in text
    assert (
        f"decision '{first['id']}' title: base (none); ours '{first['title']}'; theirs 'Their title'" in text
    )
    merged = json.loads(out.read_text(encoding="utf-8"))
    ids = [d["id"] for d in merged["decisions"]]
    assert "ours-only" in ids and merged["decisions"][0]["title"] == "Their title"
    assert len(ids) == len(data["decisions"]) + 1 and len(merged["dependencies"]) == len(data["dependencies"])
    assert main(["merge", str(base), str(ours), str(theirs), "-o", str(out), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["common_ancestor"] is False and [c["where"] for c in report["conflicts"]] == [
        f"decision '{first['id']}' title"
    ]


def test_a_base_that_is_not_empty_but_not_a_plan_is_still_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = tmp_path / "base.plan.json"
    base.write_text("{", encoding="utf-8")
    ours = tmp_path / "ours.plan.json"
    shutil.copyfile(SAMPLE, ours)
    before = ours.read_bytes()
    assert main(["merge", str(base), str(ours), str(SAMPLE)]) == 2
    assert "base.plan.json" in capsys.readouterr().err and ours.read_bytes() == before


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_merges_a_plan_file_both_branches_added(tmp_path: Path) -> None:
    repo, git = git_repo_with_the_driver(tmp_path)
    git("add", ".")
    git("commit", "-q", "-m", "start")
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    plan = repo / "roadmap.plan.json"
    git("checkout", "-q", "-b", "theirs")
    data["decisions"][1]["duration"] = 7
    _write(plan, data)
    git("add", ".")
    git("commit", "-q", "-m", "theirs adds the plan")
    git("checkout", "-q", "main")
    data["decisions"][1]["duration"] = json.loads(SAMPLE.read_text(encoding="utf-8"))["decisions"][1][
        "duration"
    ]
    data["decisions"][2]["notes"] = "ours"
    _write(plan, data)
    git("add", ".")
    git("commit", "-q", "-m", "ours adds the plan")
    done = git("merge", "--no-edit", "theirs")
    said = done.stdout + done.stderr
    assert "No common ancestor" in " ".join(said.split())
    merged = json.loads(plan.read_text(encoding="utf-8"))  # a plan, not conflict markers
    assert merged["decisions"][2]["notes"] == "ours"
    assert (
        merged["decisions"][1]["duration"] != 7
    )  # held differently: ours kept, listed; git stops to be told
    assert "decision" in said and "duration" in said
