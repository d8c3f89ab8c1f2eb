"""A decision critical only through its start says so (session 32).

Presenting the bank sample, 'rag-prototype' was critical and 'any delay moves the plan's finish'; its only
critical successor waits on its start (start-to-start + 1), so pressing + on its duration moved nothing. The
sentence now says a later start moves the finish and how much longer it could run without moving it."""

from __future__ import annotations

from typing import Any

from hypothesis import given

from planner.analysis import analyze
from planner.analysis.explain import _finish_slack, explain
from planner.model import plan_from_dict
from tests.analysis.test_properties import PROPERTY_SETTINGS, plan_dicts


def _plan(deps: list[dict[str, Any]]) -> Any:
    # a(2) -SS+1-> b(6): T = 7, a critical by its start only; a's finish (2) could reach 7: 5 weeks longer.
    return plan_from_dict(
        {
            "schema_version": 1,
            "title": "t",
            "stages": [{"id": "validate", "name": "Validate"}],
            "decisions": [
                {"id": "a", "title": "A", "stage": "validate", "duration": 2},
                {"id": "b", "title": "B", "stage": "validate", "duration": 6},
            ],
            "dependencies": deps,
        }
    )


def test_critical_through_its_start_says_how_much_longer_it_could_run() -> None:
    a = analyze(_plan([{"from": "a", "to": "b", "type": "SS", "lag": 1}]))
    s = a.schedule
    assert s is not None and s.finish == 7.0 and bool(s.critical[s.index["a"]])
    e = explain(a.plan, s, "a")
    assert e.float_text == (
        "It has no float: a later start moves the plan's finish; it could run 5 weeks longer without moving it "
        "(what waits on it needs only its start)."
    )


def test_critical_through_its_finish_keeps_any_delay() -> None:
    a = analyze(_plan([{"from": "a", "to": "b", "type": "FS"}]))
    assert a.schedule is not None
    assert (
        explain(a.plan, a.schedule, "a").float_text == "It has no float: any delay moves the plan's finish."
    )


@PROPERTY_SETTINGS
@given(plan_dicts())
def test_running_that_much_longer_does_not_move_the_finish(data: dict[str, Any]) -> None:
    """For every decision with a duration: lengthened by half of what the sentence says it could run longer, the
    plan finishes no later; and a decision whose finish bound is tight (slack 0) and has no float is said to move
    it with any delay."""
    plan = plan_from_dict(data)
    a = analyze(plan)
    s = a.schedule
    if s is None:
        return
    for k, d in enumerate(plan.decisions):
        i = s.index[d.id]
        if float(s.duration[i]) <= 0:
            continue
        longer = _finish_slack(s, i)
        assert longer >= 0
        if longer <= s.tolerance:
            continue
        raw = data["decisions"][k]["duration"]
        likely = raw["likely"] if isinstance(raw, dict) else raw
        grown = dict(data)
        grown["decisions"] = [dict(x) for x in data["decisions"]]
        grown["decisions"][k]["duration"] = likely + longer / 2
        after = analyze(plan_from_dict(grown)).schedule
        assert after is not None
        assert after.finish <= s.finish + s.tolerance, (d.id, longer, s.finish, after.finish)
