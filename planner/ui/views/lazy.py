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

    def _on_analysis(self, _a: Any = None) -> None:
        self._dirty = True
        if self.isVisible() and not self._waiting():  # type: ignore[attr-defined]
            self.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)  # type: ignore[misc]
        if self._dirty and not self._waiting():
            self.refresh()
