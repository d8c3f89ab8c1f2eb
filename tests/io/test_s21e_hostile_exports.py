"""Exports of plans whose text is hostile to the formats (H-export21): what TaskJuggler reads as its own syntax and
what P6 reads in its own code page. The tool checks (tj3, MPXJ) are optional and skip without the tool; the file
checks run everywhere."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from planner.io import export_file
from planner.model import Plan
from tests.conftest import build_plan

MACRO_TITLE = "Budget ${budget} and ${?maybe} approved"
BROKEN_TITLE = 'Roadmap\ntask evil "Injected" { duration 1d }\r\nend'


def _plan(title: str, decision_title: str) -> Plan:
    plan = build_plan(
        [{"id": "a", "duration": 1}, {"id": "b", "duration": 2}], [("a", "b")], start_date="2027-01-04"
    )
    a = plan.decisions[0].model_copy(update={"title": decision_title})
    return plan.model_copy(update={"title": title, "decisions": [a, plan.decisions[1]]})


def test_tjp_strings_hold_no_macro_call_and_the_title_stays_in_its_comment(tmp_path: Path) -> None:
    # tj3 expands '${name}' even inside a string, with no escape: the file stopped at "Undefined macro 'budget'
    # called"; a line break in the plan's title ended the header comment and the rest was read as statements.
    path = tmp_path / "p.tjp"
    export_file(_plan(BROKEN_TITLE, MACRO_TITLE), path)
    text = path.read_text(encoding="utf-8")
    assert "${" not in text
    assert 'task a "Budget $\u2060{budget} and $\u2060{?maybe} approved" {' in text
    lines = text.splitlines()
    assert lines[0].startswith('# Roadmap task evil "Injected" { duration 1d } end - exported by')
    assert not any(line.startswith("task evil") for line in lines)
    assert 'project plan "Roadmap task evil \\"Injected\\" { duration 1d } end" 2027-01-04' in text


@pytest.mark.skipif(shutil.which("tj3") is None, reason="optional: TaskJuggler (tj3) is not installed")
def test_tj3_schedules_a_plan_whose_titles_look_like_its_syntax(tmp_path: Path) -> None:
    path = tmp_path / "p.tjp"
    export_file(_plan(BROKEN_TITLE + " ${x}", MACRO_TITLE), path)
    report = '\ntaskreport "r" {\n  formats csv\n  columns id, name\n}\n'
    path.write_text(path.read_text(encoding="utf-8") + report, encoding="utf-8")
    res = subprocess.run(
        ["tj3", "--no-color", "-o", str(tmp_path), str(path)], capture_output=True, text=True
    )
    assert res.returncode == 0, res.stderr
    rows = (tmp_path / "r.csv").read_text(encoding="utf-8")
    assert "Budget $\u2060{budget} and $\u2060{?maybe} approved" in rows  # drawn as written
    assert "evil" not in rows  # the title's second line made no task
