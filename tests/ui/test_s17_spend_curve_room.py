"""The spend curve in presentation type (s17 workshop sweep). Presentation mode draws charts at a higher dpi on the
same pixels; the spend curve had no readable size, so at 1366x768 its title and two date axes took nearly all of
its height and the curve was a line with its money labels drawn over each other
(/tmp/s17ws/png/pt-1366-09-Cost.png; after: pt-after1366-09-Cost.png). It keeps ~0.9 in for the curve now and
scrolls, like the cost-by-stage chart under it."""

from __future__ import annotations

import time

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication


def _settle(seconds: float = 0.5) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def test_the_spend_curve_keeps_its_height_in_presentation_type(sample_window, qtbot):
    w = sample_window
    w.resize(1366, 768)
    qtbot.waitUntil(lambda: w.size() == QSize(1366, 768))
    w.doc.wait_for_analysis()
    p = w.presentation
    p.enter(full_screen=False)
    try:
        w.views.setCurrentWidget(w.cost_tab)
        chart = w.cost_tab.spend_chart
        qtbot.waitUntil(lambda: chart.draw_count > 0 and chart.figure is not None)
        _settle()
        width, height = chart.figure.get_size_inches()
        assert height >= 2.4 - 0.02, (width, height, chart.figure.dpi, chart.height())
        assert width >= 3.6 - 0.02
        # the view scrolls to it rather than squeezing it
        assert chart.canvas.height() >= int(2.4 * chart.figure.dpi / chart.canvas.device_pixel_ratio) - 2
    finally:
        if p.leave_prompt is not None:
            p.leave_prompt.done(0)
        p.leave()
