"""The report's "Progress since baseline" section and the status date on the cover (issue 16)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planner.analysis import analyze
from planner.analysis.baselines import make_baseline, with_baseline
from planner.model import Plan, Status
from planner.report.sections import resolve_sections
from tests.report.report_helpers import make_report, normalise, sample


def _half_done() -> Plan:
    """The bank sample (5 done, 3 in progress) against a baseline taken before anything was done, with the
    status date at 3 May 2027 (week 9) and one actual finish (contact-drivers, 22 Mar 2027 = week 3)."""
    plan = sample("bank-assistant")
    fresh = plan.model_copy(deep=True)
    for d in fresh.decisions:
        d.status, d.progress = Status.NOT_STARTED, 0
    a = analyze(fresh)
    assert a.schedule is not None
    plan = with_baseline(
        plan, make_baseline(a.schedule, "Board approval", dt.datetime(2027, 3, 1), stages=a.stages)
    )
    plan.status_date = dt.date(2027, 5, 3)
    for d in plan.decisions:  # only what this case records: one actual finish, the rest at the status date
        d.actual_start = d.actual_finish = None
    first = plan.decisions[0]
    assert first.id == "contact-drivers" and first.status is Status.DONE
    first.actual_start, first.actual_finish = dt.date(2027, 3, 1), dt.date(2027, 3, 22)
    return plan


def test_progress_section_and_cover(tmp_path: Path) -> None:
    plan = _half_done()
    a = analyze(plan)
    assert a.schedule is not None and a.stages is not None
    report = make_report(a, tmp_path / "progress.pdf", sections=["cover", "progress"])
    cover = normalise(report.pages[0])
    assert "status date 3 May 2027 (wk 9)" in cover and "Forecast finish" in cover
    flat = report.flat
    assert "Progress since baseline" in flat
    assert "Progress is recorded up to the status date, 3 May 2027 (wk 9)" in flat
    # counts and the share of planned work done, worked out from the plan itself
    weeks = [d.weeks() for d in plan.decisions]
    done_weeks = sum(
        w * (1.0 if d.status is Status.DONE else d.progress / 100)
        for w, d in zip(weeks, plan.decisions, strict=True)
    )
    assert f"5 of {len(plan.decisions)} decisions are done and 3 in progress" in flat
    assert f"{done_weeks / sum(weeks):.0%} of the planned work" in flat
    base = plan.baselines[-1]
    slip = a.schedule.finish - base.finish
    assert slip > 0
    from planner.units import format_date, plural_weeks

    assert (
        f"The forecast finish is {format_date(plan.date_of(a.schedule.finish))}, {plural_weeks(slip)} later than the "
        f"baseline \u201cBoard approval\u201d ({format_date(plan.date_of(base.finish))})"
    ) in flat
    # what finished: the actual finish, and the others at the status date
    assert "Finished (5)" in flat and "contact-drivers" in flat and "22 Mar 2027" in flat
    assert "at the status date (no actual finish)" in flat
    assert "Slipped (" in flat and "Stage gates against the baseline" in flat
    assert "Late at the status date" in flat and "should have finished by" in flat


def test_no_progress_no_section_and_no_baseline_says_so(tmp_path: Path) -> None:
    plan = sample("bank-assistant")
    for d in plan.decisions:
        d.status, d.progress = Status.NOT_STARTED, 0
    section = resolve_sections(["progress"])[0]
    report = make_report(analyze(plan), tmp_path / "none.pdf", sections=["cover", "progress"])
    assert section.title not in report.flat and "status date" not in report.flat
    # statuses alone (the sample as shipped: no status date, no baseline) leave no section either
    # (with the cover: a report of no section at all is refused, not written as a PDF of no pages)
    report = make_report(
        analyze(sample("bank-assistant")), tmp_path / "plain.pdf", sections=["cover", "progress"]
    )
    assert section.title not in report.flat
    plan = sample("bank-assistant")
    plan.status_date = 9.0
    report = make_report(analyze(plan), tmp_path / "nobase.pdf", sections=["progress"])
    assert "The plan has no baseline to compare with: save one to see what slipped." in report.flat
    assert "Finished (5)" in report.flat and "Slipped (" not in report.flat
