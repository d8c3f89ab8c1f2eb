"""Views that redraw only when seen: an analysis arriving while a tab is hidden marks it stale, and the tab
refreshes when it is shown (one mechanism for the Capacity, Cost and Coverage tabs)."""

from __future__ import annotations

from typing import Any


class LazyRefresh:
    """Mix in before ``QWidget``; the class defines ``refresh()``, which starts with ``self._dirty = False``."""

    _dirty = True

    def refresh(self) -> None:  # pragma: no cover - defined by the view
        raise NotImplementedError

    def _waiting(self) -> bool:
        """True while an edit is being analysed: the document's analysis is of the plan before it, and a view
        filled from the two would fail or mix them (``PlanDocument.drawable_analysis``); the next
        ``analysis_updated`` refreshes it."""
        doc = getattr(self, "doc", None)
        return doc is not None and doc.analysis is not None and doc.drawable_analysis is None

    def chart_ready(self) -> bool:
        """``ready`` of the view's charts (:class:`planner.ui.views.figure_view.FigureView`): not while an edit is
        analysed (:meth:`_waiting`), nor while the view has yet to refresh for the latest analysis -- its
        :meth:`refresh` redraws them. A chart shown before its view refreshed drew twice on the first visit
        (the Capacity tab of a 1,000-decision plan: ~0.2 s more before the right picture)."""
        return not self._waiting() and not self._dirty

    def _on_analysis(self, _a: Any = None) -> None:
        self._dirty = True
        if self.isVisible() and not self._waiting():  # type: ignore[attr-defined]
            self.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)  # type: ignore[misc]
        if self._dirty and not self._waiting():
            self.refresh()
