"""Exports of plans whose text is hostile to the formats (H-export21): what TaskJuggler reads as its own syntax and
what P6 reads in its own code page. The tool checks (tj3, MPXJ) are optional and skip without the tool; the file
checks run everywhere."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from planner.io import export_file, export_notes, import_file
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


WESTERN = "Ünïcödé façade — “quoted” €5k"
CJK_STAGE = "验证"
ANSI_NOTE = "characters outside Windows-1252"


def _western_plan(stage_name: str = "Validate") -> Plan:
    plan = _plan("Plan für Café", WESTERN)
    stages = [plan.stages[0].model_copy(update={"name": stage_name}), *plan.stages[1:]]
    return plan.model_copy(update={"stages": stages})


def test_xer_is_written_in_the_code_page_p6_and_mpxj_read(tmp_path: Path) -> None:
    # P6 writes XER in the exporting machine's Windows code page and declares none; P6 and MPXJ read it so. Written
    # as UTF-8, 'façade' came to both as 'faÃ§ade' (MPXJ's UniversalProjectReader, by hand below).
    path = tmp_path / "p.xer"
    export_file(_western_plan(), path)
    raw = path.read_bytes()
    assert "Ünïcödé façade — “quoted” €5k".encode("cp1252") in raw
    assert "façade".encode() not in raw  # no UTF-8 text
    back, _ = import_file(path)
    assert [d.title for d in back.decisions] == [WESTERN, "B"]
    assert back.title == "Plan für Café"
    assert not any(ANSI_NOTE in n for n in export_notes(_western_plan(), "xer"))  # nothing was lost


def test_what_windows_1252_cannot_hold_is_said_for_xer_and_mpx_stage_names_included(tmp_path: Path) -> None:
    plan = _western_plan(CJK_STAGE)
    for suffix, fmt in ((".xer", "xer"), (".mpx", "mpx")):
        path = tmp_path / f"p{suffix}"
        export_file(plan, path)
        assert b"??" in path.read_bytes() and CJK_STAGE.encode() not in path.read_bytes()
        said = [n for n in export_notes(plan, fmt) if ANSI_NOTE in n]
        assert len(said) == 1 and said[0].endswith("are written as '?'"), export_notes(plan, fmt)


MPXJ_NAMES = r"""
import json, sys, jpype, mpxj
jpype.startJVM()
from org.mpxj.reader import UniversalProjectReader
p = UniversalProjectReader().read(sys.argv[1])
print(json.dumps([str(t.getName()) for t in p.getTasks()], ensure_ascii=False))
"""


@pytest.mark.skipif(
    not os.environ.get("MPXJ_PYTHON") or shutil.which("java") is None,
    reason="optional: set MPXJ_PYTHON to a Python with mpxj and JPype1 (and install Java) to read exports with MPXJ",
)
def test_mpxj_reads_the_xer_names_as_written(tmp_path: Path) -> None:
    path = tmp_path / "p.xer"
    export_file(_western_plan(), path)
    res = subprocess.run(
        [os.environ["MPXJ_PYTHON"], "-c", MPXJ_NAMES, str(path)], capture_output=True, text=True, timeout=300
    )
    assert res.returncode == 0, res.stderr[-500:]
    names = json.loads(res.stdout.strip().splitlines()[-1])
    assert WESTERN in names and "Plan für Café" in names, names


def test_xer_progress_comes_back_as_the_plan_has_it_when_the_hours_are_rounded(tmp_path: Path) -> None:
    # A third of a week is 13.333 h of the export's 40-hour week (kept to 1/1000 h), half done 6.667 h left:
    # the import read (13.333 - 6.667) / 13.333 = 49.9962 % where the plan (and the file's percent) has 50 %.
    plan = build_plan(
        [
            {
                "id": "a",
                "duration": 1 / 3,
                "status": "in_progress",
                "progress": 50,
                "actual_start": "2027-01-04",
            },
            {
                "id": "b",
                "duration": 1 / 7,
                "status": "in_progress",
                "progress": 90,
                "actual_start": "2027-01-05",
            },
            {"id": "c", "duration": 2, "status": "in_progress", "progress": 25},
        ],
        [],
        start_date="2027-01-04",
        status_date="2027-01-06",
    )
    path = tmp_path / "p.xer"
    export_file(plan, path)
    assert b"\t13.333\t" in path.read_bytes() and b"\t6.667\t" in path.read_bytes()
    back, _ = import_file(path)
    assert {d.id: d.progress for d in back.decisions} == {"a": 50.0, "b": 90.0, "c": 25.0}
