"""Team load per week in ``planner analyze`` (SPEC §3.4): the JSON's ``teams`` and the text's "Team load" table,
checked by hand, against the load chart (one truth: both read :func:`planner.analysis.capacity.team_loads`), under a
status date, and as a property (the load integrates to headcount x duration of the remaining-work schedule).
The Capacity tab's side of the one truth is in tests/ui/test_team_load_tab.py."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from planner.analysis import analysis_to_dict, analyze
from planner.analysis.capacity import attach_to_analysis, team_loads, teams_json
from planner.cli import main
from planner.commands.common import columns
from planner.model import dump_plan
from tests.conftest import build_plan

# Two teams of capacity 2; five decisions (weeks; FS links a -> c, a -> e, b -> d; b not before week 2):
#   a  Platform, 1 person,  4 weeks: [0, 4)
#   b  Platform, 2 people,  3 weeks: [2, 5)   (not_before 2)
#   c  Data,     2 people,  2 weeks: [4, 6)   (after a)
#   d  Platform, 1 person,  2 weeks: [5, 7)   (after b; finish 7)
#   e  Platform, 1 person,  1 week:  [4, 5)   (after a)
# Platform: [0,2) a = 1; [2,4) a+b = 3; [4,5) b+e = 3 (a hands over to e: the same load, one step); [5,7) d = 1.
#   -> steps (0,2,1), (2,5,3), (5,7,1); peak 3; over its capacity of 2 on [2,5): 3 weeks.
# Data: [4,6) c = 2 -> one step (4,6,2); peak 2; never over (2 is not more than 2): 0 weeks.
# Dates from Monday 4 Jan 2027, week w = start + round(7w) days: wk 2 = 18 Jan, wk 4 = 1 Feb, wk 5 = 8 Feb,
#   wk 6 = 15 Feb, wk 7 = 22 Feb.
DECISIONS = [
    {"id": "a", "duration": 4, "owner": "plat", "headcount": 1},
    {"id": "b", "duration": 3, "owner": "plat", "headcount": 2, "not_before": 2},
    {"id": "c", "duration": 2, "owner": "data", "headcount": 2},
    {"id": "d", "duration": 2, "owner": "plat", "headcount": 1},
    {"id": "e", "duration": 1, "owner": "plat", "headcount": 1},
]
LINKS = [("a", "c"), ("a", "e"), ("b", "d")]
TEAMS = [{"id": "plat", "name": "Platform", "capacity": 2}, {"id": "data", "name": "Data", "capacity": 2}]


def _step(s: float, e: float, p: float, ds: str | None, de: str | None) -> dict[str, Any]:
    return {"start": s, "end": e, "people": p, "start_date": ds, "end_date": de}


EXPECTED = [
    {
        "id": "plat",
        "name": "Platform",
        "capacity": 2.0,
        "peak": 3.0,
        "over_capacity_weeks": 3.0,
        "load": [
            _step(0, 2, 1, "2027-01-04", "2027-01-18"),
            _step(2, 5, 3, "2027-01-18", "2027-02-08"),
            _step(5, 7, 1, "2027-02-08", "2027-02-22"),
        ],
    },
    {
        "id": "data",
        "name": "Data",
        "capacity": 2.0,
        "peak": 2.0,
        "over_capacity_weeks": 0.0,
        "load": [_step(4, 6, 2, "2027-02-01", "2027-02-15")],
    },
]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _write(tmp_path: Path, decisions: list[dict[str, Any]] = DECISIONS, **fields: Any) -> Path:
    fields.setdefault("teams", TEAMS)
    fields.setdefault("start_date", "2027-01-04")
    path = tmp_path / "load.plan.json"
    path.write_text(dump_plan(build_plan(decisions, LINKS, **fields)), encoding="utf-8")
    return path


def _teams(tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str, **fields: Any) -> list[Any]:
    code, out, err = run(["analyze", str(_write(tmp_path, **fields)), "--format", "json", *extra], capsys)
    assert err == ""
    assert code == 0
    teams: list[Any] = json.loads(out)["teams"]
    return teams


def _triples(load: list[dict[str, Any]]) -> list[tuple[float, float, float]]:
    return [(x["start"], x["end"], x["people"]) for x in load]


def test_the_hand_checked_profile_peak_and_weeks_over(tmp_path: Path, capsys) -> None:
    assert _teams(tmp_path, capsys) == EXPECTED


def test_without_a_start_date_the_dates_are_null(tmp_path: Path, capsys) -> None:
    teams = _teams(tmp_path, capsys, start_date=None)
    assert _triples(teams[0]["load"]) == [(0, 2, 1), (2, 5, 3), (5, 7, 1)]
    assert all(x["start_date"] is None and x["end_date"] is None for t in teams for x in t["load"])


def test_a_team_without_capacity_has_null_capacity_and_no_weeks_over(tmp_path: Path, capsys) -> None:
    teams = _teams(tmp_path, capsys, teams=[{"id": "plat", "name": "Platform"}, TEAMS[1]])
    assert (teams[0]["capacity"], teams[0]["peak"], teams[0]["over_capacity_weeks"]) == (None, 3.0, 0.0)


def test_a_plan_without_teams_has_an_empty_list_and_no_table(tmp_path: Path, capsys) -> None:
    plain = [{k: v for k, v in d.items() if k not in ("owner", "headcount")} for d in DECISIONS]
    path = _write(tmp_path, plain, teams=[])
    _, out, _ = run(["analyze", str(path), "--format", "json"], capsys)
    assert json.loads(out)["teams"] == []
    _, text, _ = run(["analyze", str(path)], capsys)
    assert "Team load" not in text


def test_a_plan_with_errors_has_an_empty_list(tmp_path: Path, capsys) -> None:
    path = _write(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["dependencies"].append({"from": "d", "to": "b"})  # b -> d -> b: a cycle, no schedule
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = run(["analyze", str(path), "--format", "json"], capsys)
    assert code == 1 and json.loads(out)["teams"] == []


def test_levelled_load_by_hand(tmp_path: Path, capsys) -> None:
    # --level-method classic: least total float first. CPM floats: b, d 0 (critical), a, c 1, e 2.
    # b [2,5) 2 people; d [5,7) 1; a (1 person, 4 weeks) cannot overlap [2,5) where Platform already has 2 of 2,
    # so from 5: [5,9) beside d (1 + 1 = 2); e [9,10); c (Data) [9,11). Platform: [2,7) 2 (b, then d + a), [7,10) 1
    # (a, then e): no week over. Data: [9,11) 2.
    teams = _teams(tmp_path, capsys, "--level", "--level-method", "classic")
    plat, data = teams
    assert _triples(plat["levelled_load"]) == [(2, 7, 2), (7, 10, 1)]
    assert (plat["levelled_peak"], plat["levelled_over_capacity_weeks"]) == (2.0, 0.0)
    assert _triples(data["levelled_load"]) == [(9, 11, 2)]
    assert plat["levelled_load"][0]["end_date"] == "2027-02-22"
    # the unlevelled figures stay as they were
    assert [{k: t[k] for k in EXPECTED[0]} for t in teams] == EXPECTED


def test_levelled_load_is_the_levelled_schedule_s(tmp_path: Path) -> None:
    result = analyze(build_plan(DECISIONS, LINKS, teams=TEAMS))
    attach_to_analysis(result)  # the default method, as `analyze --level`
    lv = result.levelled
    got = analysis_to_dict(result)["teams"]
    for t, tl in zip(got, team_loads(result.plan, lv.es, lv.ef), strict=True):
        assert _triples(t["levelled_load"]) == tl.steps()
        assert t["levelled_peak"] == tl.peak and t["levelled_over_capacity_weeks"] == tl.over_weeks <= 0


def test_the_json_profile_is_what_the_load_chart_draws(tmp_path: Path, capsys) -> None:
    from planner.charts import default_size
    from planner.charts.capacity import draw_load

    teams = _teams(tmp_path, capsys)
    result = analyze(build_plan(DECISIONS, LINKS, teams=TEAMS, start_date="2027-01-04"))
    fig = Figure(figsize=default_size("load", result))
    FigureCanvasAgg(fig)
    draw_load(fig, result, schedule="unlevelled")
    panels = fig.axes[1:]  # the stacked chart, then one panel per team in plan order
    assert len(panels) == len(teams)
    for t, ax in zip(teams, panels, strict=True):
        line = ax.lines[0]  # the step line of the team's load
        xs = np.asarray(line.get_xdata(), dtype=float).tolist()
        ys = np.asarray(line.get_ydata(), dtype=float).tolist()
        drawn: list[tuple[float, float, float]] = []
        for x0, x1, y in zip(xs, xs[1:], ys, strict=False):
            if y > 0 and x1 > x0:
                if drawn and drawn[-1][1] == x0 and drawn[-1][2] == y:
                    drawn[-1] = (drawn[-1][0], x1, y)
                else:
                    drawn.append((x0, x1, y))
        assert drawn == _triples(t["load"])
        # the panel's label says the same peak
        assert any(f"peak {t['peak']:g} / cap 2" in x.get_text() for x in ax.texts)


def test_status_date_done_work_carries_no_load(tmp_path: Path, capsys) -> None:
    # Status date week 3: a is done (0-3), b is half done (started week 2; 1.5 of 3 weeks left). The analysis schedules
    # the remaining work from the status date, and team_loads integrates that schedule: done work has no load at all
    # (neither before nor after the status date), and b carries only its remaining 1.5 weeks.
    #   b [3, 4.5) 2 people; c (after done a) [3, 5) Data 2; e (after done a) [3, 4) 1; d (after b) [4.5, 6.5) 1.
    #   Platform: [3,4) b+e = 3, [4,4.5) b = 2, [4.5,6.5) d = 1 -> peak 3, over 1 week. Data: [3,5) 2.
    progress: dict[str, dict[str, Any]] = {
        "a": {"status": "done", "actual_start": 0, "actual_finish": 3},
        "b": {"status": "in_progress", "progress": 50, "actual_start": 2},
    }
    decisions = [{**d, **progress.get(str(d["id"]), {})} for d in DECISIONS]
    plat, data = _teams(tmp_path, capsys, "--status-date", "3", decisions=decisions)
    assert _triples(plat["load"]) == [(3, 4, 3), (4, 4.5, 2), (4.5, 6.5, 1)]
    assert (plat["peak"], plat["over_capacity_weeks"]) == (3.0, 1.0)
    assert plat["load"][1]["end_date"] == "2027-02-05"  # 4 Jan + round(31.5) = 32 days (half up): 5 Feb
    assert _triples(data["load"]) == [(3, 5, 2)]


def test_the_text_table(tmp_path: Path, capsys) -> None:
    code, out, _ = run(["analyze", str(_write(tmp_path))], capsys)
    assert code == 0
    lines = out.splitlines()
    k = lines.index("Team load")
    table = lines[k + 2 : k + 5]
    assert table[0].split() == ["team", "capacity", "peak", "weeks", "over"]
    assert table[1].split() == ["Platform", "2", "3", "3"]
    assert table[2].split() == ["Data", "2", "2", "0"]
    code, out, _ = run(["analyze", str(_write(tmp_path)), "--level", "--level-method", "classic"], capsys)
    lines = out.splitlines()
    k = lines.index("Team load")
    assert lines[k + 3].split() == ["Platform", "2", "3", "3", "2", "0"]


def test_the_text_table_fits_80_columns_with_wide_names(tmp_path: Path, capsys) -> None:
    long = [{"id": "plat", "name": "数据平台团队" * 8, "capacity": 2}, {"id": "data", "name": "D" * 90}]
    for extra in ([], ["--level"]):
        _, out, _ = run(["analyze", str(_write(tmp_path, teams=long)), *extra], capsys)
        lines = out.splitlines()
        k = lines.index("Team load")
        rows = lines[k + 2 : k + 5]
        assert all(columns(r) <= 80 for r in rows), rows
        assert "\u2026" in rows[1] and "\u2026" in rows[2]
        assert len({columns(r) for r in rows}) == 1  # the columns line up


# -- the property --------------------------------------------------------------------------------------------
@st.composite
def _plans(draw: st.DrawFn) -> Any:
    n_teams = draw(st.integers(0, 3))
    teams = [
        {"id": f"t{k}", "name": f"T{k}", "capacity": draw(st.none() | st.integers(0, 4))}
        for k in range(n_teams)
    ]
    owners = [None] + [t["id"] for t in teams]
    decisions = []
    n = draw(st.integers(1, 8))
    for i in range(n):
        d: dict[str, Any] = {
            "id": f"d{i}",
            "duration": draw(st.sampled_from([0, 0.5, 1, 1.25, 2, 3, 4.75])),
            "headcount": draw(st.sampled_from([0, 0.5, 1, 2, 3])),
            "not_before": draw(st.none() | st.sampled_from([0.5, 1, 3])),
            "status": draw(st.sampled_from(["not_started", "in_progress", "done"])),
        }
        if d["status"] == "in_progress":
            d["progress"] = draw(st.sampled_from([0, 25, 50]))
        owner = draw(st.sampled_from(owners))
        if owner is not None:
            d["owner"] = owner
        decisions.append({k: v for k, v in d.items() if v is not None})
    links = [(f"d{i}", f"d{j}") for i in range(n) for j in range(i + 1, n) if draw(st.booleans())]
    status = draw(st.none() | st.sampled_from([1, 2.5]))  # the remaining work is scheduled from it
    return build_plan(decisions, links, teams=teams, start_date="2027-01-04", status_date=status)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_plans())
def test_each_team_s_load_integrates_to_headcount_times_duration(plan: Any) -> None:
    # What team_loads integrates: each decision owned by a team, with a headcount, over its scheduled [es, ef) in the
    # analysis's (remaining-work) schedule.
    result = analyze(plan)
    assert result.schedule is not None
    s = result.schedule
    attach_to_analysis(result)  # levelling moves work, never splits or stretches it: the same integral
    lv = result.levelled
    got = teams_json(plan, s.es, s.ef, (lv.es, lv.ef))
    assert [t["id"] for t in got] == [t.id for t in plan.teams]
    for t in got:
        want = sum(
            d.headcount * (float(s.ef[i]) - float(s.es[i]))
            for i, d in enumerate(plan.decisions)
            if d.owner == t["id"]
        )
        steps = _triples(t["load"])
        assert math.isclose(sum((e - b) * p for b, e, p in steps), want, rel_tol=1e-9, abs_tol=1e-9)
        levelled = _triples(t["levelled_load"])
        assert math.isclose(sum((e - b) * p for b, e, p in levelled), want, rel_tol=1e-9, abs_tol=1e-9)
        # a step profile: in time order, without overlaps, only where there is a load, merged when equal
        assert all(e > b and p > 0 for b, e, p in steps)
        assert all(e0 <= b1 for (_, e0, _), (b1, _, _) in zip(steps, steps[1:], strict=False))
        assert not any(
            e0 == b1 and p0 == p1 for (_, e0, p0), (b1, _, p1) in zip(steps, steps[1:], strict=False)
        )
        assert t["peak"] == max((p for _, _, p in steps), default=0.0)
        cap = t["capacity"]
        over = sum(e - b for b, e, p in steps if cap is not None and p > cap + 1e-9)
        assert math.isclose(t["over_capacity_weeks"], over, abs_tol=1e-9)
