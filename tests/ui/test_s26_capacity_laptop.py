"""The Capacity tab of a 12-team plan on a laptop (1366x768 at 125 %: a 1093x614 window): the team-load chart
showed its stacked chart alone, every team's panel (its load, its peak against its capacity) 1,100 px further
down. Where the view is too short for a panel per team it now has a row per team, each with its peak and capacity
beside it, all in sight at once; stacked over the tables it takes the rows' height."""

from __future__ import annotations

import json
import math
import time
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from planner.analysis.capacity import team_loads
from planner.charts.style import fmt_weeks
from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import opened_sample

EXTRA = [
    ("xops", "MLOps and model operations", 4),
    ("xsec", "Security engineering", 3),
    ("xlaw", "Legal office", 2),
]


def twelve_teams(tmp_path: Path) -> Path:
    """The portfolio sample (nine teams) with three more teams, each owning every twelfth decision."""
    plan = json.loads((SAMPLES / "ai-portfolio.plan.json").read_text(encoding="utf-8"))
    for team_id, name, capacity in EXTRA:
        plan["teams"].append({"id": team_id, "name": name, "capacity": capacity})
    for k, decision in enumerate(plan["decisions"]):
        if k % 4 == 0:
            decision["owner"] = EXTRA[(k // 4) % 3][0]
    path = tmp_path / "twelve-teams.plan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    return path


def _drawn(qtbot: Any, view: Any) -> None:
    """Wait until the chart has drawn at its settled size (the resize debounce), then render it."""
    qtbot.waitUntil(lambda: view.figure is not None and view.draw_count > 0, timeout=20_000)
    end = time.monotonic() + 0.5
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)
    qtbot.waitUntil(lambda: not view._resize_timer.isActive(), timeout=5_000)
    view.canvas.draw()


def test_every_team_s_load_and_peak_against_capacity_in_sight_on_a_laptop(qtbot, isolated_settings, tmp_path):
    with opened_sample(qtbot, twelve_teams(tmp_path), (1093, 614)) as w:
        w.views.setCurrentWidget(w.capacity_tab)
        view = w.capacity_tab.chart
        _drawn(qtbot, view)
        viewport = view.scroll_area.viewport()
        # the whole chart in sight: it does not scroll
        assert view.canvas.height() <= viewport.height(), (view.canvas.height(), viewport.height())
        fig = view.figure
        plan = w.doc.plan
        assert len(fig.axes) == len(plan.teams) == 12  # a row per team
        renderer = fig.canvas.get_renderer()
        canvas_box = fig.bbox
        s = w.doc.analysis.schedule
        for ax, load in zip(fig.axes, team_loads(plan, s.es, s.ef), strict=True):
            name, figures = (t.get_text() for t in ax.texts)
            assert load.name.startswith(name.rstrip("\u2026")), (name, load.name)
            # its peak against its capacity, as the over-capacity list and the findings say them
            assert figures.startswith(f"peak {fmt_weeks(load.peak)} / cap {fmt_weeks(load.capacity)}"), (
                figures
            )
            assert figures.endswith("over") == bool(load.over())
        for text in [t for ax in fig.axes for t in ax.texts]:
            box = text.get_window_extent(renderer)
            assert canvas_box.x0 <= box.x0 and box.x1 <= canvas_box.x1, (text.get_text(), box)  # none cut
        # the rows do not overlap: each row's name is clear of the next one's
        names = sorted((ax.texts[0].get_window_extent(renderer) for ax in fig.axes), key=lambda b: b.y0)
        for a, b in zip(names, names[1:], strict=False):
            assert a.y1 <= b.y0 + 0.5, (a, b)


def test_a_tall_view_draws_every_team_s_panel_in_sight(qtbot, isolated_settings, sample_path):
    # a maximised window on a 1920x1080 screen: tall enough for the stacked chart and the six teams' panels,
    # shorter than their natural height, where the chart scrolled with one panel and a half in sight
    with opened_sample(qtbot, sample_path, (1920, 1040)) as w:
        w.views.setCurrentWidget(w.capacity_tab)
        view = w.capacity_tab.chart
        _drawn(qtbot, view)
        fig = view.figure
        assert len(fig.axes) == len(w.doc.plan.teams) + 1  # the stacked chart and a panel per team
        assert view.canvas.height() <= view.scroll_area.viewport().height(), (
            view.canvas.height(),
            view.scroll_area.viewport().height(),
        )


def test_between_the_two_the_panels_are_at_their_least_height(qtbot, isolated_settings):
    # four teams at 1280x720: room for a panel per team, not for the stacked chart over them at their natural
    # height (744 px), under which the panels were 360 px down; drawn at the least height that holds both
    from planner.charts.capacity import fitted_height

    with opened_sample(qtbot, SAMPLES / "insights-assistant.plan.json", (1280, 720)) as w:
        w.views.setCurrentWidget(w.capacity_tab)
        view = w.capacity_tab.chart
        _drawn(qtbot, view)
        assert len(view.figure.axes) == len(w.doc.plan.teams) + 1  # the stacked chart and a panel per team
        analysis = w.doc.analysis
        assert analysis is not None
        least = math.ceil(fitted_height(analysis) * 100)
        viewport = view.scroll_area.viewport().height()
        assert view.canvas.height() <= max(viewport, least), (view.canvas.height(), viewport, least)
