"""Every format that is read back, as a user checks it: ``planner export`` -> ``planner import`` -> ``planner analyze
--format json`` gives the same finish (weeks and date), the same critical path (by title), as many decisions and
links (by title, with their types and lags), the same milestones, earliest starts, states and status date as
``planner analyze`` of the plan itself. A hypothesis property over random small plans (tests/unseen_plans.py: all
four link types, negative lags, milestones, not_before, three-point estimates, a start on any weekday or none) with
progress drawn on them (tests/io/test_export_round_trips_unusual.py: done, in progress, blocked, actual dates in
weeks, a status date in weeks or as a date) in MS Project XML, MPX, Primavera P6 XER, GanttProject, CSV and Excel.

What a format does not keep is a documented loss (README "Exchanging plans", the export's carry notes): this test
holds each format to exactly that. MS Project XML, XER, GanttProject, CSV and Excel carry the plan's own values, so
everything comes back. MPX has no named custom fields and no status date: without progress it returns the same
schedule; with progress it keeps titles, links, milestones and done/started work, and the export says the finish
can move (README: "with progress an import schedules what MPX keeps"), which is checked here too.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.analysis import analyze
from planner.cli import main
from planner.io import EXPORT_SUFFIXES, export_notes
from planner.io.common import HELPER_TAG
from planner.model import Plan, load_plan, plan_from_dict, save_plan
from tests.io.test_export_round_trips_unusual import with_progress
from tests.unseen_plans import random_plan

SETTINGS = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
# the finish in weeks within the format's own resolution: MS Project tenths of a minute (of a 2400-minute week),
# XER thousandths of an hour (of 40), MPX hundredths of a day (of 5); the others carry the plan's exact weeks
TOLERANCE = {".xml": 1e-4, ".mpx": 1e-3, ".xer": 1e-4, ".gan": 1e-6, ".csv": 1e-6, ".xlsx": 1e-6}
FORMATS = tuple(TOLERANCE)


def _cli(*argv: str) -> str:
    """``planner ARGV...`` in this process: its stdout (exit code 0 asserted)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    assert code == 0, (argv, err.getvalue()[-500:])
    return out.getvalue()


def _analyze(path: Path) -> dict[str, Any]:
    """``planner analyze PATH --format json``."""
    result: dict[str, Any] = json.loads(_cli("analyze", str(path), "--format", "json"))
    return result


def _view(plan: Plan, result: dict[str, Any]) -> dict[str, Any]:
    """What a user compares, by title (an import of MPX makes its own ids)."""
    title = {d.id: d.title for d in plan.decisions}
    own = [d for d in plan.decisions if HELPER_TAG not in d.tags]
    state = {d["id"]: d["state"] for d in result["decisions"]}
    critical = sorted(title[d["id"]] for d in result["decisions"] if d["critical"] and d["id"] in title)
    return {
        "finish": result["finish"],
        "finish_date": result["finish_date"],
        # the path itself when it is the only one (between equal chains the pick goes by plan order, which an
        # outline format changes: decisions are grouped under their stages)
        "critical": (
            critical,
            [title[i] for i in result["critical_path"]] if result["critical_chains"] <= 1 else None,
        ),
        "decisions": sorted(d.title for d in own),
        "links": sorted(
            (title[x.from_], title[x.to], str(x.type), round(x.lag, 4)) for x in plan.dependencies
        ),
        "milestones": sorted(d.title for d in own if d.milestone),
        "not_before": sorted((d.title, round(d.not_before, 4)) for d in own if d.not_before is not None),
        "states": sorted((d.title, state[d.id]) for d in own),
        "status": None if result["status_week"] is None else round(result["status_week"], 4),
    }


def _round_trip(plan: Plan, tmp: Path, suffix: str) -> None:
    source, path, imported = tmp / "plan.plan.json", tmp / f"rt{suffix}", tmp / "back.plan.json"
    save_plan(plan, source)
    want = _view(plan, _analyze(source))
    _cli("export", str(source), "-o", str(path))
    _cli("import", str(path), "-o", str(imported), "--force")
    back = load_plan(imported)
    got = _view(back, _analyze(imported))
    if plan.start_date is None:  # the export dates the plan from this week's Monday; the weeks are the same
        got["finish_date"] = want["finish_date"] = None
    for key in ("decisions", "links"):
        assert got[key] == want[key], key
    # a decision of 0 weeks that is not a milestone can come back as one from an outline format: said by the export
    zero = {d.title for d in plan.decisions if not d.milestone and d.weeks() == 0}
    extra = set(got["milestones"]) - set(want["milestones"])
    assert set(want["milestones"]) <= set(got["milestones"]) and extra <= zero, "milestones"
    if extra:
        assert suffix not in (".csv", ".xlsx")
        assert any(
            "of 0 weeks that" in n and "can come back from an import as" in n
            for n in export_notes(plan, EXPORT_SUFFIXES[suffix])
        )
    progress = bool(plan.status_date is not None or export_schedule_progress(plan))
    if suffix == ".mpx" and progress:
        # the documented loss: said by the export, and what MPX does keep comes back
        assert any("progress comes back as MPX keeps it" in n for n in export_notes(plan, "mpx"))
        assert got["states"] == want["states"], "states"
        return
    if suffix == ".mpx":  # MPX keeps no status date, and a plan without progress has none to keep
        got["status"] = want["status"]
    assert got["finish"] == pytest.approx(want["finish"], abs=TOLERANCE[suffix]), "finish"
    assert got["finish_date"] == want["finish_date"], "finish date"
    assert got["critical"] == want["critical"], "critical path"
    assert got["not_before"] == want["not_before"], "not_before"
    assert got["states"] == want["states"], "states"
    assert got["status"] == want["status"], "status date"


def export_schedule_progress(plan: Plan) -> bool:
    """Whether the plan records progress (what the exports' schedule calls progress)."""
    from planner.io.exporting import export_schedule

    return bool(export_schedule(plan).progress)


@pytest.mark.parametrize("suffix", FORMATS)
@SETTINGS
@given(seed=st.integers(0, 10**6), progress=st.booleans())
def test_every_format_reads_back_to_the_same_analysis(
    tmp_path: Path, seed: int, progress: bool, suffix: str
) -> None:
    data = random_plan(seed)
    plan = plan_from_dict(with_progress(data, seed) if progress else data)
    if not analyze(plan).ok:
        return  # progress drawn onto the plan made it invalid (an actual date it cannot place): nothing to compare
    _round_trip(plan, tmp_path, suffix)


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_hand_checked_plan_reads_back_in_every_format(tmp_path: Path, suffix: str) -> None:
    """Four link types with a lead, a milestone, an earliest start, done and started work, a status date. By hand:
    a done without actual dates sits at its finish, week 2 (shown 2-2); b SS+1 after it, started at week 1 with half
    of its 2 weeks done, has 1 week left from week 3 (a's start 2 + 1, after the status date 2): 3-4; c FF-0.5 after
    b finishes 3.5: 2.5-3.5; the milestone m SF+0 after c at c's start 2.5; d not before week 5: 5-6. Finish 6, the
    critical path d alone (its earliest start drives it)."""
    from tests.conftest import build_plan

    plan = build_plan(
        [
            {"id": "a", "title": "Alpha", "duration": 2, "status": "done", "progress": 100},
            {
                "id": "b",
                "title": "Beta",
                "duration": 2,
                "status": "in_progress",
                "progress": 50,
                "actual_start": 1,
            },
            {"id": "c", "title": "Gamma", "duration": 1},
            {"id": "m", "title": "Mile", "duration": 0, "milestone": True},
            {"id": "d", "title": "Delta", "duration": 1, "not_before": 5},
        ],
        [("a", "b", "SS", 1), ("b", "c", "FF", -0.5), ("c", "m", "SF", 0), ("m", "d")],
        start_date="2027-01-04",
        status_date=2,
    )
    r = analyze(plan).schedule
    assert r is not None and r.finish == pytest.approx(6.0) and r.critical_path == ["d"]
    if (
        suffix == ".mpx"
    ):  # progress: the documented loss, checked by _round_trip; the plan without it is exact
        plan = plan.model_copy(update={"status_date": None})
        plan.decisions = [
            d.model_copy(update={"status": "not_started", "progress": 0, "actual_start": None})
            for d in plan.decisions
        ]
    _round_trip(plan, tmp_path, suffix)


def test_the_notes_name_each_loss_only_where_it_applies() -> None:
    """The carry notes about progress (MPX, XER) are printed for a plan with progress and not for one without; the
    one about 0-week decisions for a plan that has one (not a milestone) and not for one without."""
    from tests.conftest import build_plan

    bare = build_plan([{"id": "a", "duration": 1}], start_date="2027-01-04")
    started = build_plan(
        [{"id": "a", "duration": 1, "status": "in_progress", "progress": 50}], start_date="2027-01-04"
    )
    zero = build_plan([{"id": "a", "duration": 0}, {"id": "m", "duration": 0, "milestone": True}])

    def said(plan: Plan, fmt: str, words: str) -> bool:
        return any(words in n for n in export_notes(plan, fmt))

    assert [said(p, "mpx", "progress comes back as MPX keeps it") for p in (bare, started)] == [False, True]
    assert [said(p, "xer", "rescheduling in P6 (F9)") for p in (bare, started)] == [False, True]
    assert said(started, "xer", "which is the plan start: the plan has no status date")
    dated = started.model_copy(update={"status_date": 0.5})
    assert said(dated, "xer", "rescheduling in P6 (F9)") and not said(
        dated, "xer", "the plan has no status date"
    )
    for fmt in ("mspdi", "mpx", "xer", "gan"):
        assert any("1 decision of 0 weeks" in n for n in export_notes(zero, fmt)), fmt
        assert not said(bare, fmt, "of 0 weeks that"), fmt
