"""Waiting for charts to settle by their state, not by the clock: a fixed wait of a few debounce periods passes on
a quiet machine and fails on a loaded one (CI on a busy machine saw a chart's resize debounce fire after the
test's wait, and a Gantt not yet built after 0.8 s)."""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

from PySide6.QtWidgets import QApplication


def settled(view: Any) -> bool:
    """A chart (a FigureView or a ChartTab) with nothing left to draw: no debounce timer running (the resize
    debounce, the redraw debounce) and, shown, nothing stale."""
    timers = [getattr(view, name) for name in ("_resize_timer", "_timer") if hasattr(view, name)]
    return not any(t.isActive() for t in timers) and not (view.isVisible() and view._dirty)


def wait_settled(views: Iterable[Any], timeout: float = 30.0, quiet: float = 0.3) -> None:
    """Process events until every view is :func:`settled` and has stayed so, draw count unchanged, for ``quiet``
    seconds (a layout pass may start one more debounce); at most ``timeout`` seconds."""
    views = list(views)
    end = time.monotonic() + timeout
    calm_since: float | None = None
    counts: list[int] = []
    while time.monotonic() < end:
        QApplication.processEvents()
        now = [v.draw_count for v in views]
        if all(settled(v) for v in views) and now == counts:
            calm_since = calm_since or time.monotonic()
            if time.monotonic() - calm_since >= quiet:
                return
        else:
            calm_since = None
        counts = now
        time.sleep(0.02)
    raise AssertionError(f"charts still drawing after {timeout} s: {[v.objectName() for v in views]}")
