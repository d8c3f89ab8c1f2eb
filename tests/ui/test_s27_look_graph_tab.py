"""The Dependency graph tab reads at any plan size: its card text is never below the house minimum at the size the
tab shows it (at a 2400 px cap the 48-decision sample's cards were in 3-4 pt type), and two scroll bars, the wheel
and the selection bring every card into the view."""

from __future__ import annotations

from pathlib import Path

import pytest
from matplotlib.text import Text
from PySide6.QtCore import QObject, Signal

from benchmarks._plans import random_plan
from planner.analysis import Analysis, analyze
from planner.charts import style
from planner.charts.graph import card_box, layout
from planner.model import Plan, load_plan
from planner.ui.tabs.chart_tab import ChartTab
from planner.ui.views import type_scale

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"


class _Doc(QObject):
    analysis_updated = Signal(object)
    selection_changed = Signal(list)
    baseline_changed = Signal(object)

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.plan = plan
        self.analysis: Analysis | None = analyze(plan)
        self.selection: list[str] = []
        self.baseline_name: str | None = None

    @property
    def drawable_analysis(self) -> Analysis | None:
        return self.analysis

    def select(self, ids: list[str]) -> None:
        self.selection = ids
        self.selection_changed.emit(ids)


def _tab(qtbot, plan: Plan, size: tuple[int, int]) -> tuple[ChartTab, _Doc]:
    doc = _Doc(plan)
    tab = ChartTab(doc, "graph")
    qtbot.addWidget(tab)
    tab.resize(*size)
    tab.show()
    qtbot.waitExposed(tab)
    qtbot.waitUntil(
        lambda: tab.draw_count > 0 and not tab._dirty and not tab._timer.isActive(), timeout=10000
    )
    return tab, doc


def _settled(qtbot, tab: ChartTab, count: int) -> None:
    qtbot.waitUntil(lambda: tab.draw_count > count and not tab._timer.isActive(), timeout=10000)


def _texts(tab: ChartTab) -> list[Text]:
    return [t for t in tab.figure.findobj(Text) if t.get_visible() and t.get_text().strip()]


def _sizes(tab: ChartTab) -> list[float]:
    """The size in points of every text the figure draws (the figure is the canvas: points on the screen)."""
    return [float(t.get_fontsize()) for t in _texts(tab)]


def _titles_shown(tab: ChartTab, plan: Plan) -> set[str]:
    """Ids of the decisions whose card title the figure draws (its first line starts the title)."""
    firsts = [t.get_text().split("\n")[0].rstrip("\u2026 ") for t in _texts(tab)]
    return {d.id for d in plan.decisions if any(f and d.title.startswith(f) and len(f) > 3 for f in firsts)}


@pytest.mark.parametrize(
    ("sample", "size"),
    [("bank-assistant", (905, 535)), ("bank-assistant", (1394, 813)), ("ai-portfolio", (905, 535))],
)
def test_card_text_reads_at_the_size_the_tab_shows(qtbot, sample: str, size: tuple[int, int]) -> None:
    plan = load_plan(SAMPLES / f"{sample}.plan.json")
    tab, _ = _tab(qtbot, plan, size)
    dpi = type_scale.logical_dpi(tab.canvas)
    w_in, h_in = tab.figure.get_size_inches()
    # The figure is the canvas, and the canvas is what the viewport shows: points are points on the screen.
    assert abs(w_in * dpi - tab.canvas.width()) <= 2 and abs(h_in * dpi - tab.canvas.height()) <= 2
    assert tab.canvas.width() <= tab.scroll_area.viewport().width()
    assert tab.canvas.height() <= tab.scroll_area.viewport().height()
    sizes = _sizes(tab)
    assert min(sizes) >= style.MIN_PT - 0.05, sorted(sizes)[:5]
    assert len(_titles_shown(tab, plan)) >= 3  # the view opens on cards, not on an empty corner
    assert tab.cols_bar.isVisible()  # the rest is a scroll away


def test_the_bars_reach_every_card(qtbot) -> None:
    plan = load_plan(SAMPLES / "bank-assistant.plan.json")
    tab, _ = _tab(qtbot, plan, (905, 535))
    seen: set[str] = set()

    def stops(bar) -> list[int]:
        return sorted({*range(0, bar.maximum(), max(1, bar.pageStep() // 2)), bar.maximum()})

    for x in stops(tab.cols_bar):
        for y in stops(tab.rows_bar):
            count = tab.draw_count
            if (tab.cols_bar.value(), tab.rows_bar.value()) != (x, y):
                tab.cols_bar.setValue(x)
                tab.rows_bar.setValue(y)
                _settled(qtbot, tab, count)
            seen |= _titles_shown(tab, plan)
    assert seen == {d.id for d in plan.decisions}


def test_selecting_a_decision_scrolls_its_card_into_view(qtbot) -> None:
    plan = load_plan(SAMPLES / "bank-assistant.plan.json")
    tab, doc = _tab(qtbot, plan, (905, 535))
    analysis = doc.analysis
    assert analysis is not None
    xs = layout(analysis).x
    far = plan.decisions[int(xs.argmax())]
    assert far.id not in _titles_shown(tab, plan)
    count = tab.draw_count
    doc.select([far.id])
    _settled(qtbot, tab, count)
    assert far.id in _titles_shown(tab, plan)
    box = card_box(analysis, far.id)
    assert box is not None and tab.cols_bar.value() / 100 <= box[0]


def test_a_thousand_decisions_draw_only_the_view(qtbot) -> None:
    plan = random_plan(1000, seed=1)
    tab, doc = _tab(qtbot, plan, (905, 535))
    assert min(_sizes(tab)) >= style.MIN_PT - 0.05
    assert len(_texts(tab)) < 150  # the cards in sight, not a thousand shrunk ones
    last = plan.decisions[-1]  # far right of the layout
    count = tab.draw_count
    doc.select([last.id])
    _settled(qtbot, tab, count)
    assert last.id in _titles_shown(tab, plan)


def test_a_graph_that_fits_is_drawn_whole_without_bars(qtbot) -> None:
    plan = random_plan(5, seed=1)
    tab, _ = _tab(qtbot, plan, (2200, 700))
    assert not tab.cols_bar.isVisible() and not tab.rows_bar.isVisible()
    assert _titles_shown(tab, plan) == {d.id for d in plan.decisions}
    assert min(_sizes(tab)) >= style.MIN_PT - 0.05


def test_the_wheel_scrolls_the_view(qtbot) -> None:
    from matplotlib.backend_bases import MouseEvent

    plan = load_plan(SAMPLES / "ai-portfolio.plan.json")
    tab, _ = _tab(qtbot, plan, (905, 535))
    assert tab.rows_bar.isVisible() and tab.cols_bar.isVisible()
    tab.rows_bar.setValue(0)
    tab.cols_bar.setValue(0)
    x, y = tab.canvas.width() / 2, tab.canvas.height() / 2
    down = MouseEvent("scroll_event", tab.canvas, x, y, step=-1)
    tab.canvas.callbacks.process("scroll_event", down)
    assert tab.rows_bar.value() == tab.rows_bar.singleStep() and tab.cols_bar.value() == 0
    sideways = MouseEvent("scroll_event", tab.canvas, x, y, step=-1, key="shift")
    tab.canvas.callbacks.process("scroll_event", sideways)
    assert tab.cols_bar.value() == tab.cols_bar.singleStep()
