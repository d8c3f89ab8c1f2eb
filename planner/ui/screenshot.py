"""Off-screen rendering of the app's views (``planner screenshot``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.model import Plan
from planner.ui import SCREENSHOT_VIEWS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from planner.ui.main_window import MainWindow


_TABS = {
    "risk": "risk_tab",
    "capacity": "capacity_tab",
    "table": "table_view",
    "cost": "cost_tab",
    "coverage": "coverage_tab",
}
VIEWS = SCREENSHOT_VIEWS
"""Views ``planner screenshot`` can render; the chart tabs need :mod:`planner.ui.tabs.chart_tab`."""


def _finish_simulation(app: QApplication, window: MainWindow) -> None:
    import time

    runner = window.simulation
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        app.processEvents()
        if runner.result is not None and not runner.running:
            return
        if not runner.running and runner.result is None and not window.risk_tab.run():
            a = window.doc.analysis
            if a is not None and a.schedule is None and window.doc.analysis_current:
                return  # the plan has errors: the tab says so, and that is the picture
        runner.wait(50)
    raise OSError("the simulation did not finish in time")


def _settle_charts(app: QApplication, window: MainWindow) -> None:
    # Let the charts build (first show), lay out, draw and pass their resize debounce.
    import time

    end = time.monotonic() + 0.6
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def _settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def _checked_selection(window: MainWindow, plan: Plan, view: str, select: list[str] | None) -> list[str]:
    """The decisions to select: as asked (each must exist), the first one for the inspector, else none."""
    ids = list(select or [])
    if view == "inspector" and not ids and plan.decisions:
        ids = [plan.decisions[0].id]
    missing = [i for i in ids if window.doc.decision(i) is None]
    if missing:
        raise ValueError(f"no decision with id {', '.join(missing)} in this plan")
    return ids


def _show_view(app: QApplication, window: MainWindow, view: str) -> None:
    """Bring ``view`` to the front (its tab, the Graph view, the plan tab of the inspector)."""
    if view in ("graph", "presentation"):
        window.show_view("Graph")
    tab = _TABS.get(view)
    if view in window.chart_tabs:
        window.views.setCurrentWidget(window.chart_tabs[view])
    elif tab is not None:
        window.views.setCurrentWidget(getattr(window, tab))
    if view in ("risk", "cost"):  # the cost tab shows the simulated cost figures too
        _finish_simulation(app, window)
    if view == "plan":
        window.inspector_tabs.setCurrentWidget(window.plan_view)
    _settle(app)
    scene = getattr(window.canvas, "graph_scene", None)
    if scene is not None:
        scene.complete()  # a big plan's graph is built progressively: capture it finished
    overview = getattr(window.canvas, "overview", None)
    if view in ("graph", "window") and callable(overview):
        overview()


def _select(app: QApplication, window: MainWindow, view: str, ids: list[str]) -> None:
    window.doc.select(ids)
    if view == "graph":
        _settle(app)
        focus_on = getattr(window.canvas, "focus_on", None)  # absent on the placeholder canvas
        if callable(focus_on):
            focus_on(ids)


def _present(app: QApplication, window: MainWindow, step: int) -> None:
    """Presentation mode, at workshop ``step`` (0: the overview)."""
    window.presentation.enter(full_screen=False)  # the offscreen screen is smaller than --size
    _settle(app)
    if step:
        deck = window.presentation.deck
        if not 0 <= step < len(deck):
            raise ValueError(f"--step {step}: this plan's presentation has steps 0 to {len(deck) - 1}")
        window.presentation.go_to(step)
        _settle(app)
    elif (
        not window.doc.selection
    ):  # the overview (Home): the whole plan; a --select keeps its decision in sight
        window.presentation.go_to(0)
        _settle(app)


def _target(window: MainWindow, view: str) -> QWidget:
    """The widget whose picture is ``view``."""
    return {
        "risk": window.risk_tab,
        "capacity": window.capacity_tab,
        "cost": window.cost_tab,
        "coverage": window.coverage_tab,
        **window.chart_tabs,
        "window": window,
        "presentation": window,
        "table": window.table_view,
        "graph": window.canvas,
        "inspector": window.inspector_dock,
        "plan": window.inspector_dock,
        "findings": window.findings_dock,
    }[view]


def _size_dock(app: QApplication, window: MainWindow, view: str, size: tuple[int, int]) -> None:
    """Give the dock a readable size inside the window before grabbing it."""
    from PySide6.QtCore import Qt

    if view == "findings":
        window.resizeDocks([window.findings_dock], [max(200, size[1] // 3)], Qt.Orientation.Vertical)
    else:
        window.resizeDocks([window.inspector_dock], [min(560, size[0] // 2)], Qt.Orientation.Horizontal)
    _settle(app)


def _save_png(pixmap: Any, out: Path) -> None:
    """Encode ``pixmap`` as PNG in memory and write it through the one atomic write: a full disk or a killed
    process leaves the old file (or none), never half an image, and libpng never writes to the device itself."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from planner.model.io import output_target, write_bytes_atomic

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not pixmap.save(buffer, "PNG"):
        raise OSError(f"{out}: the image could not be encoded as PNG")
    buffer.close()
    try:
        write_bytes_atomic(output_target(out), bytes(data.data()))
    except OSError as exc:
        raise OSError(f"{out}: cannot write the image: {exc.strerror or exc}") from None


def render(
    plan: Plan,
    path: str | None,
    output: str,
    view: str = "window",
    select: list[str] | None = None,
    size: tuple[int, int] = (1440, 900),
    theme: str = "light",
    step: int = 0,
) -> Path:
    """Render ``view`` of ``plan`` to the PNG ``output``; returns its path. ``step`` (presentation view): the
    step of the workshop deck to show (0: the overview)."""
    from PySide6.QtWidgets import QApplication

    from planner.ui.app import create_application, quiet_offscreen_messages

    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        quiet_offscreen_messages()
    from planner.ui.theme import apply_theme

    app = create_application()
    apply_theme(app, theme)
    from planner.ui.main_window import MainWindow

    window = MainWindow(plan=plan, persist_layout=False)
    window.doc.set_path(str(Path(path).resolve()) if path else None)
    try:
        window.resize(*size)
        window.show()
        ids = _checked_selection(window, plan, view, select)
        window.doc.wait_for_analysis()
        _show_view(app, window, view)
        if ids:
            _select(app, window, view, ids)
        if view == "plan":
            window.inspector_tabs.setCurrentWidget(window.plan_view)
        _settle(app)
        if view == "presentation":
            _present(app, window, step)
        if view in ("risk", "capacity", "cost") or view in window.chart_tabs:
            _settle_charts(app, window)
        target = _target(window, view)
        if view in ("inspector", "plan", "findings"):
            _size_dock(app, window, view, size)
        out = Path(output)
        if not window.grab().isNull():
            _save_png(target.grab(), out)
        return out
    finally:
        window.discard_and_close()
        window.deleteLater()
