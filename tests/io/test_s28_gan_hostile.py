"""Hand-edited GanttProject files: a start that is no date ('2027-02-30') or a duration that is no number was read
as none, and 'Everything in the file was carried over'; a task id written twice gave the links of the second to the
first and said only that a link 'names a task that is not in the file'. Each is now one line of the report; a
repeated id is kept under a key of its own, so the links naming the id reach the first task."""

from __future__ import annotations

import re
from pathlib import Path

from planner.io import export_file, import_file
from planner.model import Plan
from tests.conftest import build_plan


def _gan(tmp_path: Path) -> bytes:
    plan: Plan = build_plan(
        [{"id": "a", "title": "Alpha", "duration": 1}, {"id": "b", "title": "Beta", "duration": 2},
         {"id": "c", "title": "Gamma", "duration": 1}],
        [("a", "b"), ("b", "c")],
        start_date="2027-01-04",
    )  # fmt: skip
    path = tmp_path / "base.gan"
    export_file(plan, path)
    return path.read_bytes()


def _import(tmp_path: Path, data: bytes) -> list[str]:
    path = tmp_path / "edited.gan"
    path.write_bytes(data)
    _, report = import_file(path)
    return [i.text() for i in report.items]


def test_a_start_that_is_no_date_is_said(tmp_path: Path) -> None:
    data = re.sub(rb'(name="Beta"[^>]*start=")[\d-]+"', rb'\g<1>2027-02-30"', _gan(tmp_path))
    lines = _import(tmp_path, data)
    assert [x for x in lines if "not a date" in x] == [
        "task 6 'Beta': the start '2027-02-30' is not a date; the task is placed by its links"
    ]


def test_a_duration_that_is_no_number_is_said(tmp_path: Path) -> None:
    data = re.sub(rb'(name="Gamma"[^>]*duration=")\d+"', rb'\g<1>five"', _gan(tmp_path))
    lines = _import(tmp_path, data)
    assert [x for x in lines if "not a number of days" in x] == [
        "task 7 'Gamma': the duration 'five' is not a number of days; read as 0"
    ]


def test_a_repeated_task_id_is_said_and_links_reach_the_first(tmp_path: Path) -> None:
    data = _gan(tmp_path)
    assert b'<task id="7" name="Gamma"' in data
    path = tmp_path / "edited.gan"
    path.write_bytes(data.replace(b'<task id="7" name="Gamma"', b'<task id="6" name="Gamma"'))
    plan, report = import_file(path)
    titles = {d.id: d.title for d in plan.decisions}
    assert sorted(titles.values()) == ["Alpha", "Beta", "Gamma"]
    links = sorted((titles[d.from_], titles[d.to]) for d in plan.dependencies)
    assert ("Alpha", "Beta") in links  # the link naming id 6 reaches Beta, the first task of that id
    assert (
        "1 task (id 6 'Gamma') repeats the id of an earlier task: it is carried, and the links and allocations "
        "naming that id go to the first"
    ) in report.text()
