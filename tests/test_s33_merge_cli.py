"""``planner merge`` (session 33): as a user runs it, and as git's merge driver for *.plan.json."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.cli import main

SAMPLE = Path(__file__).resolve().parents[1] / "sample_plans" / "fraud-detection.plan.json"


def _sides(tmp_path: Path) -> tuple[Path, Path, Path, dict[str, Any]]:
    base = json.loads(SAMPLE.read_text(encoding="utf-8"))
    ours, theirs = json.loads(json.dumps(base)), json.loads(json.dumps(base))
    ours["decisions"][0]["duration"] = 5
    theirs["decisions"][2]["notes"] = "their note"
    paths = []
    for name, data in (("base", base), ("ours", ours), ("theirs", theirs)):
        path = tmp_path / f"{name}.plan.json"
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1], paths[2], base


def _plan(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_a_clean_merge_is_written_into_ours_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base, ours, theirs, data = _sides(tmp_path)
    assert main(["merge", str(base), str(ours), str(theirs)]) == 0
    assert capsys.readouterr().out == f"Merged into {ours}: no conflicts.\n"
    merged = _plan(ours)
    assert merged["decisions"][0]["duration"] == 5 and merged["decisions"][2]["notes"] == "their note"
    assert _plan(theirs)["decisions"][0]["duration"] == data["decisions"][0]["duration"]  # only OURS written


def test_conflicts_are_listed_written_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base, ours, theirs, data = _sides(tmp_path)
    o, t = _plan(ours), _plan(theirs)
    o["title"], t["title"] = "Ours", "Theirs"
    ours.write_text(json.dumps(o), encoding="utf-8")
    theirs.write_text(json.dumps(t), encoding="utf-8")
    out = tmp_path / "merged.plan.json"
    code = main(["merge", str(base), str(ours), str(theirs), "-o", str(out), "--prefer", "theirs"])
    text = capsys.readouterr().out
    assert code == 1 and _plan(out)["title"] == "Theirs" and _plan(ours)["title"] == "Ours"
    assert "1 conflict (both sides changed it differently):" in text
    assert f"plan title: base '{data['title']}'; ours 'Ours'; theirs 'Theirs' -> kept theirs" in " ".join(
        text.split()
    )
    assert main(["merge", str(base), str(ours), str(theirs), "-o", str(out), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["conflicts"] == [
        {
            "where": "plan title",
            "base": data["title"],
            "ours": "Ours",
            "theirs": "Theirs",
            "kept": "ours",
            "deleted": [],
            "cleared": [],
        }
    ]
    assert report["clean"] is False and report["errors"] == []


def test_a_loop_made_of_both_sides_links_is_an_error_of_the_merged_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base, ours, theirs, data = _sides(tmp_path)
    data["decisions"] += [{"id": i, "title": i, "stage": "scale", "duration": 1} for i in ("x", "y")]
    base.write_text(json.dumps(data), encoding="utf-8")
    for path, link in ((ours, ("x", "y")), (theirs, ("y", "x"))):  # each side alone schedules
        side = json.loads(json.dumps(data))
        side["dependencies"].append({"from": link[0], "to": link[1], "type": "FS"})
        path.write_text(json.dumps(side), encoding="utf-8")
        assert main(["check", str(path)]) == 0
    capsys.readouterr()
    assert main(["merge", str(base), str(ours), str(theirs)]) == 1
    text = capsys.readouterr().out
    assert "The merged plan has" in text and "cycle" in text.lower()


def test_print_the_merged_plan_and_refuse_what_cannot_be_done(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base, ours, theirs, _ = _sides(tmp_path)
    before = ours.read_bytes()
    assert main(["merge", str(base), str(ours), str(theirs), "-o", "-"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["decisions"][2]["notes"] == "their note"
    assert captured.err.startswith("Merged into standard output: no conflicts.")
    assert ours.read_bytes() == before
    bad = tmp_path / "bad.plan.json"
    bad.write_text('{"schema_version": 1, "title": ', encoding="utf-8")
    assert main(["merge", str(base), str(ours), str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "Traceback" not in err and ours.read_bytes() == before
    assert (
        main(["merge", str(base), str(ours), str(theirs), "-o", str(theirs)]) == 2
    )  # would destroy an input
    assert "is the input file" in capsys.readouterr().err


def git_repo_with_the_driver(tmp_path: Path) -> tuple[Path, Callable[..., subprocess.CompletedProcess[str]]]:
    """A new git repository under ``tmp_path`` with the planner as the merge driver of ``*.plan.json`` (README
    "Plans in git"), and a function running git in it."""
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t"}
    env["GIT_COMMITTER_EMAIL"] = "t@e"

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=False)

    git("init", "-q", "-b", "main")
    git("config", "merge.planner.driver", f"{sys.executable} -m planner merge %O %A %B --name %P")
    (repo / ".gitattributes").write_text("*.plan.json merge=planner\n", encoding="utf-8")
    return repo, git


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_merges_plan_files_with_it_as_its_merge_driver(tmp_path: Path) -> None:
    repo, git = git_repo_with_the_driver(tmp_path)
    plan = repo / "roadmap.plan.json"
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    plan.write_text(json.dumps(data, indent=2), encoding="utf-8")
    git("add", ".")
    git("commit", "-q", "-m", "base")
    git("checkout", "-q", "-b", "theirs")
    # their edit and ours are on adjacent lines of the file: a line merge conflicts, the plan merge does not
    data["decisions"][0]["title"] = "Their title"
    plan.write_text(json.dumps(data, indent=2), encoding="utf-8")
    git("commit", "-q", "-am", "theirs")
    git("checkout", "-q", "main")
    data["decisions"][0]["title"] = json.loads(SAMPLE.read_text(encoding="utf-8"))["decisions"][0]["title"]
    data["decisions"][0]["area"] = data["decisions"][1]["area"]
    data["decisions"][0]["duration"] = 11
    plan.write_text(json.dumps(data, indent=2), encoding="utf-8")
    git("commit", "-q", "-am", "ours")
    done = git("merge", "-q", "--no-edit", "theirs")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Merged into roadmap.plan.json: no conflicts." in done.stdout + done.stderr  # named by --name %P
    merged = _plan(plan)["decisions"][0]
    assert (merged["title"], merged["duration"]) == ("Their title", 11)


def test_a_risk_naming_a_decision_the_other_side_deleted_no_longer_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base, ours, theirs, data = _sides(tmp_path)
    data["risks"] = [{"id": "r1", "title": "Risk", "probability": 0.2, "impact": 2, "decisions": []}]
    base.write_text(json.dumps(data), encoding="utf-8")
    gone = data["decisions"][3]["id"]
    o, t = json.loads(json.dumps(data)), json.loads(json.dumps(data))
    o["decisions"].pop(3)
    o["dependencies"] = [x for x in o["dependencies"] if gone not in (x["from"], x["to"])]
    t["risks"][0]["decisions"] = [gone]
    ours.write_text(json.dumps(o), encoding="utf-8")
    theirs.write_text(json.dumps(t), encoding="utf-8")
    assert main(["merge", str(base), str(ours), str(theirs)]) == 1
    text = " ".join(capsys.readouterr().out.split())
    assert f"risk 'r1' no longer names decision '{gone}': it was deleted on the other side" in text
    assert "error" not in text and _plan(ours)["risks"][0].get("decisions", []) == []
