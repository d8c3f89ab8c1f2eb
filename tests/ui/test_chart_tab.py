"""Chart tabs: live with the document, follow the selection, scroll big Gantts by rows, export and print."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from matplotlib.text import Text
from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrinter

from planner.analysis import Analysis, analyze
from planner.model import load_plan
from planner.ui.state.document import PlanDocument
from planner.ui.tabs.chart_tab import ChartTab

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"
CHART_NAMES = ["gantt", "graph", "roadmap", "stages", "critical-path"]


class FakeDocument(QObject):
    """Just the contract a chart tab relies on."""

    analysis_updated = Signal(object)
    selection_changed = Signal(list)
    baseline_changed = Signal(object)

    def __init__(self, plan) -> None:
        super().__init__()
        self.plan = plan
        self.analysis: Analysis | None = None
        self.selection: list[str] = []
        self.baseline_name: str | None = None

    @property
    def drawable_analysis(self) -> Analysis | None:
        return self.analysis  # no edits here: the analysis is always the plan's

    def set_analysis(self, analysis) -> None:
        self.analysis = analysis
        self.analysis_updated.emit(analysis)

    def select(self, ids: list[str]) -> None:
        self.selection = ids
        self.selection_changed.emit(ids)


def _shown(qtbot, tab: ChartTab) -> ChartTab:
    qtbot.addWidget(tab)
    tab.resize(1100, 700)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


@pytest.mark.parametrize("name", CHART_NAMES)
def test_tab_draws_and_redraws_after_analysis_and_selection(qtbot, name: str) -> None:
    plan = load_plan(SAMPLES / "insights-assistant.plan.json")
    doc = FakeDocument(plan)
    tab = _shown(qtbot, ChartTab(doc, name))
    with qtbot.waitSignal(tab.redrawn, timeout=3000):
        pass  # first show draws "Analysing..."
    with qtbot.waitSignal(tab.redrawn, timeout=3000):
        doc.set_analysis(analyze(plan))
    count = tab.draw_count
    assert tab.figure.axes or name == "none"
    with qtbot.waitSignal(tab.redrawn, timeout=3000):
        doc.select([plan.decisions[3].id])
    assert tab.draw_count == count + 1
    tab.close()


def test_updates_are_debounced_and_wait_until_visible(qtbot) -> None:
    plan = load_plan(SAMPLES / "insights-assistant.plan.json")
    doc = FakeDocument(plan)
    tab = ChartTab(doc, "roadmap")
    qtbot.addWidget(tab)
    doc.set_analysis(analyze(plan))
    qtbot.wait(250)
    assert tab.draw_count == 0  # hidden: nothing drawn
    _shown(qtbot, tab)
    qtbot.waitUntil(lambda: tab.draw_count == 1, timeout=3000)
    for k in range(5):  # a burst of edits: one redraw
        doc.select([plan.decisions[k].id])
    qtbot.waitUntil(lambda: tab.draw_count == 2, timeout=3000)
    qtbot.wait(250)
    assert tab.draw_count == 2
    tab.close()


def test_with_the_real_document(qtbot) -> None:
    doc = PlanDocument(load_plan(SAMPLES / "bank-assistant.plan.json"))
    doc.analyze_now()
    tab = _shown(qtbot, ChartTab(doc, "gantt"))
    qtbot.waitUntil(lambda: tab.draw_count >= 1, timeout=3000)
    first = doc.plan.decisions[0].id
    n = tab.draw_count
    doc.select([first])
    qtbot.waitUntil(lambda: tab.draw_count > n, timeout=3000)
    texts = [
        t
        for t in tab.figure.findobj(Text)
        if isinstance(t, Text) and t.get_text().startswith(doc.plan.decisions[0].title[:20])
    ]
    assert texts and all(t.get_fontweight() == "bold" for t in texts)  # the selected row stands out
    tab.close()
    doc.shutdown()


def test_big_gantt_scrolls_by_rows_and_follows_the_selection(qtbot) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "charts"))
    from tests.charts.chart_plans import generated_plan

    plan = generated_plan(300, seed=2)
    doc = FakeDocument(plan)
    doc.analysis = analyze(plan)
    tab = _shown(qtbot, ChartTab(doc, "gantt"))
    qtbot.waitUntil(lambda: tab.draw_count >= 1, timeout=3000)
    assert tab.rows_bar.isVisible()
    assert tab.rows_bar.maximum() > 200
    doc.select([plan.decisions[-1].id])
    qtbot.waitUntil(lambda: tab.rows_bar.value() > 200, timeout=3000)
    tab.close()


def test_gantt_options_redraw(qtbot) -> None:
    plan = load_plan(SAMPLES / "fraud-detection.plan.json")
    doc = FakeDocument(plan)
    doc.analysis = analyze(plan)
    tab = _shown(qtbot, ChartTab(doc, "gantt"))
    qtbot.waitUntil(lambda: tab.draw_count >= 1, timeout=3000)
    n = tab.draw_count
    tab.options["gated"].setChecked(True)
    qtbot.waitUntil(lambda: tab.draw_count > n, timeout=3000)
    assert any("Gated timeline" in t.get_text() for t in tab.figure.texts)
    tab.close()


def test_export_to_svg_and_pdf(qtbot, tmp_path: Path) -> None:
    plan = load_plan(SAMPLES / "fraud-detection.plan.json")
    doc = FakeDocument(plan)
    doc.analysis = analyze(plan)
    tab = ChartTab(doc, "critical-path")
    qtbot.addWidget(tab)
    tab.export_to(str(tmp_path / "cp.svg"))
    ET.parse(tmp_path / "cp.svg")
    tab.export_to(str(tmp_path / "cp.pdf"))
    assert (tmp_path / "cp.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("name", ["gantt", "graph", "stages"])
def test_print_to_pdf_and_preview(qtbot, tmp_path: Path, name: str) -> None:
    plan = load_plan(SAMPLES / "bank-assistant.plan.json")
    doc = FakeDocument(plan)
    doc.analysis = analyze(plan)
    tab = ChartTab(doc, name)
    qtbot.addWidget(tab)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    tab.print_chart(printer)
    assert out.read_bytes().startswith(b"%PDF")
    pages = tab.print_pages(10.0, 7.0)
    if name == "graph":
        assert len(pages) > 1 and all("window" in p for p in pages)  # a wide graph is tiled over pages
    dialog = tab.make_print_preview(printer)
    assert dialog.windowTitle().startswith("Print preview")
    dialog.deleteLater()


def test_unknown_chart_is_refused(qtbot) -> None:
    with pytest.raises(KeyError):
        ChartTab(FakeDocument(None), "pie")
