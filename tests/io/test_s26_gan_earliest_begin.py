"""GanttProject export: a decision's earliest start (not_before) is also GanttProject's own "earliest begin"
(``thirdDate`` with ``thirdDate-constraint="1"``, as GanttProject saves it), so GanttProject holds the task there. It
was only in the planner's custom column, which GanttProject does not schedule by: a strong link pulls a task to
right after its predecessor, and MPXJ read no start-no-earlier constraint (benchmarks/crosscheck_mpxj.py
--exports). A file without the planner's columns (GanttProject saving it again drops nothing, another tool may)
keeps the earliest start. Needs no MPXJ."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.io import export_text, import_file
from planner.model import Plan
from tests.conftest import build_plan


def _plan() -> Plan:
    """Start Mon 4 Jan 2027; b follows a (1 week) but not before week 3 (Mon 25 Jan)."""
    return build_plan(
        [
            {"id": "a", "title": "Design", "duration": 1},
            {"id": "b", "title": "Build", "duration": 2, "not_before": 3},
        ],
        [("a", "b")],
        start_date="2027-01-04",
    )


def _gan() -> str:
    text = export_text(_plan(), "gan")
    assert isinstance(text, str)
    return text


def test_the_earliest_start_is_ganttprojects_earliest_begin() -> None:
    text = _gan()
    build = re.search(r'<task [^>]*name="Build"[^>]*>', text)
    design = re.search(r'<task [^>]*name="Design"[^>]*>', text)
    assert build and design
    assert 'start="2027-01-25"' in build.group(0)
    assert 'thirdDate="2027-01-25" thirdDate-constraint="1"' in build.group(0)
    assert "thirdDate" not in design.group(0)


def test_a_file_without_the_planners_columns_keeps_the_earliest_start(tmp_path: Path) -> None:
    text = re.sub(r"\s*<customproperty [^>]*/>", "", _gan())
    assert "customproperty" not in text
    path = tmp_path / "p.gan"
    path.write_text(text, encoding="utf-8")
    back, _ = import_file(path)
    (build,) = [d for d in back.decisions if d.title == "Build"]
    assert build.not_before == pytest.approx(3.0)
