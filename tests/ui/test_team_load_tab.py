"""One truth for team load (SPEC §3.4): the Capacity tab draws and lists what ``planner analyze --format json``'s
``teams`` says, for the hand-checked plan of tests/test_team_load_json.py."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from planner.cli import main
from planner.model import dump_plan
from tests.conftest import build_plan
from tests.test_team_load_json import DECISIONS, EXPECTED, LINKS, TEAMS


def test_the_capacity_tab_shows_the_json_s_team_load(qtbot, window, tmp_path: Path, capsys) -> None:
    path = tmp_path / "load.plan.json"
    path.write_text(
        dump_plan(build_plan(DECISIONS, LINKS, teams=TEAMS, start_date="2027-01-04")), encoding="utf-8"
    )
    assert main(["analyze", str(path), "--format", "json"]) == 0
    teams = json.loads(capsys.readouterr().out)["teams"]
    assert teams == EXPECTED  # the hand-checked profile (see tests/test_team_load_json.py)

    window.open_file(path)
    tab = window.capacity_tab
    window.views.setCurrentWidget(tab)
    tab.show_levelled.setChecked(False)  # the plan's own (unlevelled) schedule, as analyze without --level
    qtbot.waitUntil(lambda: tab.chart.canvas is not None and tab.chart.draw_count > 0, timeout=20_000)
    assert not tab.show_levelled.isChecked()

    # The chart: one panel per team after the stacked one, each drawing the team's load as a step line.
    panels = tab.chart.figure.axes[1:]
    assert len(panels) == len(teams)
    for t, ax in zip(teams, panels, strict=True):
        line = ax.lines[0]
        xs = np.asarray(line.get_xdata(), dtype=float).tolist()
        ys = np.asarray(line.get_ydata(), dtype=float).tolist()
        drawn: list[tuple[float, float, float]] = []
        for x0, x1, y in zip(xs, xs[1:], ys, strict=False):
            if y > 0 and x1 > x0:
                if drawn and drawn[-1][1] == x0 and drawn[-1][2] == y:
                    drawn[-1] = (drawn[-1][0], x1, y)
                else:
                    drawn.append((x0, x1, y))
        assert drawn == [(x["start"], x["end"], x["people"]) for x in t["load"]]

    # The "Over capacity" list: Platform over weeks 2-5 at 3 of 2 people (3 weeks, as the JSON says); Data never.
    rows = [tab.over.topLevelItem(k) for k in range(tab.over.topLevelItemCount())]
    assert [[r.text(c) for c in range(4)] for r in rows] == [
        ["Platform", "2\u20135", "18 Jan 2027 \u2013 8 Feb 2027", "3 / 2"]
    ]
    assert (teams[0]["over_capacity_weeks"], teams[1]["over_capacity_weeks"]) == (5 - 2, 0)
