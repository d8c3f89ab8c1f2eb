"""An earliest start of week 0 (the plan start: 'not before week 0', which the app's inspector shows as 0, not as
'no constraint') comes back from the planner's own MS Project XML, P6 XER and GanttProject exports. It was written
as nothing (MS Project XML, XER) or left out (GanttProject's own field), and the imports read a constraint at the
start as none, so the decision came back without it (left alone in session 33). The exports now write it (a
start-no-earlier-than at the start and the plan's own field) and the imports keep it when the plan's own field says
0 beside a constraint at the start; a task the export holds at the start against a lead (a constraint at the start,
no such field of the plan's) still comes back without one, and so does a decision whose earliest start is the
status date's. MPX has no field of the plan's own: there week 0 stays a documented loss (the same schedule)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.io import export_file, export_notes, import_file
from planner.io.common import HELPER_TAG
from tests.conftest import build_plan

FORMATS = (".xml", ".xer", ".gan", ".csv", ".xlsx")


def _floors(path: Path) -> dict[str, float | None]:
    plan, _ = import_file(path)
    return {d.title: d.not_before for d in plan.decisions if HELPER_TAG not in d.tags}


@pytest.mark.parametrize("suffix", FORMATS)
def test_s34_an_earliest_start_of_week_zero_comes_back(tmp_path: Path, suffix: str) -> None:
    plan = build_plan(
        [
            {"id": "a", "title": "Alpha", "duration": 2, "not_before": 0},
            {"id": "b", "title": "Beta", "duration": 1, "not_before": 0},
            {"id": "c", "title": "Gamma", "duration": 1, "not_before": 1.4},
            {"id": "d", "title": "Delta", "duration": 1},
            # a lead from Alpha's start would pull Epsilon before the plan start: held there, no earliest start
            {"id": "e", "title": "Epsilon", "duration": 1},
        ],
        [("a", "b"), ("a", "e", "SS", -1)],
        start_date="2027-01-04",
    )
    path = tmp_path / f"p{suffix}"
    export_file(plan, path)
    assert _floors(path) == {"Alpha": 0.0, "Beta": 0.0, "Gamma": 1.4, "Delta": None, "Epsilon": None}


@pytest.mark.parametrize("suffix", FORMATS)
def test_s34_with_a_status_date_week_zero_and_none_stay_apart(tmp_path: Path, suffix: str) -> None:
    plan = build_plan(
        [
            {
                "id": "a",
                "title": "Alpha",
                "duration": 2,
                "not_before": 0,
                "status": "in_progress",
                "progress": 50,
            },
            {"id": "b", "title": "Beta", "duration": 1, "not_before": 0.0, "status": "done", "progress": 100},
            {
                "id": "c",
                "title": "Gamma",
                "duration": 1,
            },  # not started: the export holds it at the status date
        ],
        [("b", "c")],
        start_date="2027-01-04",
        status_date="2027-01-18",
    )
    path = tmp_path / f"p{suffix}"
    export_file(plan, path)
    assert _floors(path) == {"Alpha": 0.0, "Beta": 0.0, "Gamma": None}


def test_s34_mpx_says_it_does_not_keep_week_zero(tmp_path: Path) -> None:
    plan = build_plan(
        [{"id": "a", "title": "Alpha", "duration": 2, "not_before": 0}, {"id": "b", "duration": 1}],
        start_date="2027-01-04",
    )
    path = tmp_path / "p.mpx"
    export_file(plan, path)
    assert _floors(path)["Alpha"] is None  # the documented loss
    assert (
        "1 decision not before week 0: written as a start no earlier than the start, which an import reads as no "
        "earliest start (the same schedule; MS Project XML keeps it)"
    ) in export_notes(plan, "mpx")
    assert not any("week 0" in n for n in export_notes(build_plan([{"id": "a", "duration": 1}]), "mpx"))
