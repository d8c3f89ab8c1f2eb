"""Charts read by a board on plans it has not seen (session 17, H-board): each test is a defect found by drawing
unseen plans (one decision, many stages and areas, long names, scripts) and looking at the result."""

from __future__ import annotations

import re

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from planner.analysis import analyze
from planner.charts import draw_chart, style
from planner.model import plan_from_dict
from tests.unseen_plans import shape


def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


_ONE_NOUN = re.compile(r"(?<![.\d])\b1 (decisions|weeks|stages|areas|teams|risks|dependencies|links|days)\b")


@pytest.mark.parametrize("chart", ["gantt", "graph"])
def test_a_plan_of_one_decision_is_not_1_of_1_decisions(chart: str) -> None:
    # Before: the Gantt's subtitle said "1 of 1 decisions critical".
    texts = " | ".join(_texts(draw_chart(chart, analyze(plan_from_dict(shape("one-decision"), "<one>")))))
    assert not _ONE_NOUN.search(texts), texts
    assert "its 1 decision critical" in texts


@pytest.mark.parametrize(
    ("critical", "total", "text"),
    [
        (1, 1, "its 1 decision critical"),
        (0, 1, "its 1 decision not critical"),
        (3, 12, "3 of 12 decisions critical"),
    ],
)
def test_critical_share(critical: int, total: int, text: str) -> None:
    assert style.critical_share(critical, total) == text


def test_load_chart_of_teams_without_work_says_so() -> None:
    # Before: teams but no decision owned by one drew empty panels ("peak 0 / cap 2") under a capacity line.
    data = shape("one-decision")
    data["teams"] = [{"id": "t", "name": "Team", "capacity": 2}]
    del data["decisions"][0]["owner"]
    texts = _texts(draw_chart("load", analyze(plan_from_dict(data, "<no owner>"))))
    assert "No load on any team yet" in texts
    assert not any(t.startswith("peak 0") for t in texts)
    data["decisions"][0]["owner"] = "t"
    texts = _texts(draw_chart("load", analyze(plan_from_dict(data, "<owned>"))))
    assert "No load on any team yet" not in texts and any(t.startswith("peak ") for t in texts)


def test_roadmap_key_follows_its_lanes_on_a_tall_page() -> None:
    # Before: the key was pinned to the foot of the figure, so a plan whose lanes do not fill the report's page
    # left a band of white between the chart and its key.
    fig = draw_chart("roadmap", analyze(plan_from_dict(shape("one-decision"), "<one>")), size=(11.0, 7.5))
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    r = canvas.get_renderer()
    boxes = {
        t.get_text(): t.get_window_extent(r) for t in fig.findobj(Text) if t.get_visible() and t.get_text()
    }
    finish = next(b for k, b in boxes.items() if k.startswith("finish wk"))
    key = boxes["Critical: sets the finish"]
    gap_in = (finish.y0 - key.y1) / fig.dpi
    assert 0 < gap_in < 0.6, gap_in


def _overlaps(fig: Figure) -> list[tuple[str, str]]:
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    r = canvas.get_renderer()
    boxes = [
        (t.get_text(), t.get_window_extent(r)) for t in fig.findobj(Text) if t.get_visible() and t.get_text()
    ]
    out = []
    for k, (a, ba) in enumerate(boxes):
        for b, bb in boxes[k + 1 :]:
            if min(ba.x1, bb.x1) - max(ba.x0, bb.x0) > 1 and min(ba.y1, bb.y1) - max(ba.y0, bb.y0) > 1:
                out.append((a[:40], b[:40]))
    return out


@pytest.mark.parametrize("gated", [False, True])
def test_gantt_stage_end_labels_of_long_stage_names_stay_off_the_row_labels(gated: bool) -> None:
    # Before: on a portrait page, "Validate — the long stage name ... ends · wk 26 (5 Jul)" found no room beside
    # its line and was drawn whole, boxed, from the plot's right edge leftwards over the stage's row label.
    from tests.report.test_s17_board_report import long_names_plan

    a = analyze(plan_from_dict(long_names_plan(), "<long names>"))
    fig = draw_chart("gantt", a, size=(7.0, 6.0), gated=gated)
    assert _overlaps(fig) == []


def test_risk_chart_at_the_reports_half_width_keeps_its_labels_off_the_axis() -> None:
    # Before: at the report's half-page width the bold "P80: wk 40.7 (13 Nov 2027)" found no free place inside the
    # axes and ran over the right axis, hiding its "80%" tick label; it now drops the bracketed date (the subtitle
    # gives it) to fit.
    from pathlib import Path

    from planner.analysis.montecarlo import simulate
    from planner.model import load_plan

    plan = load_plan(Path(__file__).resolve().parents[2] / "sample_plans" / "fraud-detection.plan.json")
    sim = simulate(plan, iterations=500, seed=0)
    fig = draw_chart("risk", analyze(plan), size=(4.9, 3.2), result=sim)
    assert _overlaps(fig) == []
    texts = _texts(fig)
    p80 = style.fmt_weeks(sim.percentile(80))
    assert any(t.startswith(f"P80: wk {p80}") for t in texts)
    assert any(f"P80 wk {p80} (" in t for t in texts), "the subtitle keeps the date"


def test_critical_path_numbers_to_scale_do_not_run_together() -> None:
    # Before: on the fraud sample's path, decisions 3 and 1 overlap in time (an SF link) and their numbers on the
    # to-scale strip were drawn over each other as "31".
    from pathlib import Path

    from planner.model import load_plan

    plan = load_plan(Path(__file__).resolve().parents[2] / "sample_plans" / "fraud-detection.plan.json")
    assert _overlaps(draw_chart("critical-path", analyze(plan), size=(7.0, 6.0))) == []


def test_critical_path_cards_of_a_long_chain_keep_title_and_duration_apart() -> None:
    # Before: on a 10.5 x 6 in figure the 42 cards of a long path shrank, their titles kept two lines and ran
    # into the "4 wk · wk 1–5" line under them.
    titles = ["Classify the use case under the EU AI Act", "Decouple the model behind an inference service"]
    data = shape("one-decision")
    data["decisions"] = [
        {
            "id": f"d{k:02d}",
            "title": f"Decision {k} {titles[k % 2]}",
            "stage": "validate",
            "duration": 1 + k % 4,
        }
        for k in range(42)
    ]
    data["dependencies"] = [{"from": f"d{k:02d}", "to": f"d{k + 1:02d}"} for k in range(41)]
    a = analyze(plan_from_dict(data, "<chain>"))
    assert a.schedule is not None and len(a.schedule.critical_path) == 42
    assert _overlaps(draw_chart("critical-path", a, size=(10.5, 6.0))) == []


def test_graph_cards_shorten_a_long_assigned_stage_to_the_card() -> None:
    # Before: "assigned Validate — the long stage name for the board and beyond" under a card's title ran out of
    # the card and across the next card and its link.
    from planner.charts.graph_pages import draw_page, graph_pages
    from tests.report.test_s17_board_report import long_names_plan

    a = analyze(plan_from_dict(long_names_plan(), "<long names>"))
    pages = graph_pages(a, 10.7, 6.6)
    assert pages
    assigned = []
    for page in pages:
        fig = Figure(figsize=(10.7, 6.6), dpi=72)
        draw_page(fig, a, page, set())
        assert _overlaps(fig) == []
        assigned += [t for t in _texts(fig) if "assigned " in t]
    assert assigned and all("\u2026" in t for t in assigned), assigned
