"""Table columns that show their words whole, in the view's font as it is, on a view of any width.

One rule for the app's tables and lists (the over-capacity stretches, the coverage matrix, the decisions table):

- a *whole* column is as wide as its header and its widest cell: dates, weeks, statuses and figures are never cut
  or elided (the over-capacity dates showed "13 Aug 2027 – 16 Au" at 1280x720, the coverage status "Statu");
- the *flexible* columns (titles, names) share what the whole ones leave of the view's width, eliding (or
  wrapping) down to :data:`LEAST_CHARS` characters, and take any room left over;
- where even that does not fit, the view scrolls sideways: a column is never narrower than its words allow.

Fitted again when the view is resized, its font changes (a larger system font, presentation type) or its rows
change; a column the user widens or narrows with the mouse keeps that width. :meth:`ColumnFit.least` is the
width at which no column is cut (a side pane asks its splitter for it: ``AdaptiveSplitter.want_side``), and
:meth:`ColumnFit.wanted` the width at which every column shows whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView, QTreeView

LEAST_CHARS = 12
"""The narrowest a flexible column is fitted (characters of the view's font): a name's first word or two."""

COLUMN_MARGIN = 12
"""What a cell adds to its text's width (the style's text margins, with a pixel or two to spare)."""


def header_of(view: QAbstractItemView) -> QHeaderView:
    """The horizontal header of a table or a tree (list)."""
    if isinstance(view, QTreeView):
        return view.header()
    assert isinstance(view, QTableView), view
    return view.horizontalHeader()


def whole_width(view: QAbstractItemView, column: int) -> int:
    """The width ``column`` of ``view`` needs to show its header and its cells whole, in the view's font."""
    header = header_of(view)
    cells = view.sizeHintForColumn(column)  # the delegate's widths (the first 1,000 rows of a long table)
    if isinstance(view, QTreeView) and column == 0 and view.rootIsDecorated():
        cells += view.indentation()
    return max(header.sectionSizeHint(column), cells + COLUMN_MARGIN // 2)


class ColumnFit(QObject):
    """Keeps ``view``'s columns fitted (see the module). ``flexible``: the columns that elide or wrap to make
    room (the others show whole). ``fill``: share the view's width (a side list); False, the flexible columns are
    ``flex_chars`` characters wide at most and the view scrolls sideways (the decisions table, which has more
    columns than any screen). ``spread`` (with ``fill``): the room left over goes to the flexible columns; False,
    they are no wider than their words and the room stays empty after the last column, each figure beside its
    name (the cost breakdown on a 2560 px screen: 'Validate' and 'USD 861,500' 400 px apart, the eye lost the
    row between them). ``on_wanted`` is told :meth:`least` after each fit.

    ``rows``: a long table's rows measured (around those in sight) when it is filled or its font changes; when
    cells or rows change or the view scrolls, only the rows in sight are measured and columns widen for them,
    none narrowing (the decisions table: 1,000 rows of 5,000 decisions took 3 s, 100 rows 0.5 s, the rows in
    sight 0.1 s, once an analysis or a scroll has settled). None: every row (up to 1,000), at every change."""

    def __init__(
        self,
        view: QAbstractItemView,
        flexible: Iterable[int] = (),
        *,
        fill: bool = True,
        flex_chars: int = 40,
        least_chars: int = LEAST_CHARS,
        on_wanted: Callable[[int], None] | None = None,
        rows: int | None = None,
        spread: bool = True,
    ) -> None:
        super().__init__(view)
        self.spread = spread
        self.view = view
        self.flexible = set(flexible)
        self.fill = fill
        self.flex_chars = flex_chars
        self.least_chars = least_chars
        self.on_wanted = on_wanted
        self.user: set[int] = set()  # columns the user sized with the mouse
        self._wanted = 0
        self._least = 0
        self._fitting = False
        self._widen_on_show = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        self._widen_timer = QTimer(self)
        self._widen_timer.setSingleShot(True)
        self.rows = rows
        self._widen_timer.setInterval(0 if rows is None else 150)
        self._widen_timer.timeout.connect(lambda: self.fit(widen_only=rows is not None))
        header = header_of(view)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._resized)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (
            model.modelReset,
            model.columnsInserted,
            model.columnsRemoved,
            model.headerDataChanged,
        ):
            signal.connect(self.schedule)
        for signal in (model.dataChanged, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self._widen_timer.start)
        if rows is not None:
            view.verticalScrollBar().valueChanged.connect(self._widen_timer.start)
        self.fit()

    def schedule(self, *_args: object) -> None:
        """Fit once the event loop is back (a burst of row changes fits once)."""
        self._timer.start()

    def least(self) -> int:
        """The view's width with its whole columns whole and the flexible ones at their least (frame and vertical
        scroll bar included), as last fitted: narrower, it scrolls sideways."""
        return self._least

    def wanted(self) -> int:
        """The view's width with every column whole, flexible ones too (frame and vertical scroll bar included),
        as last fitted."""
        return self._wanted

    def _columns(self) -> list[int]:
        header = header_of(self.view)
        return [c for c in range(header.count()) if not header.isSectionHidden(c)]

    def fit(self, widen_only: bool = False) -> None:
        """Give each column its width (see the module); ``widen_only``: none narrower than it is."""
        self._timer.stop()
        self._widen_timer.stop()
        view = self.view
        if widen_only and not view.isVisible():
            # Qt measures "the rows in sight" of a hidden view as every row: at 10,000 decisions each analysis
            # took 6 s this way while the Graph tab was current (issue 12). The widening waits to be seen.
            self._widen_on_show = True
            return
        header = header_of(view)
        columns = self._columns()
        if not columns:
            return
        char = max(1, view.fontMetrics().averageCharWidth())
        # Qt's precision: how many rows sizeHintForColumn measures around those in sight (0: those in sight).
        header.setResizeContentsPrecision(0 if widen_only else (self.rows or 1000))
        need = {c: whole_width(view, c) for c in columns}
        if widen_only:
            need = {c: max(need[c], header.sectionSize(c)) for c in columns}
        if not self.fill:
            for c in self.flexible:
                if c in need:
                    need[c] = min(need[c], max(header.sectionSizeHint(c), self.flex_chars * char))
        width = {c: header.sectionSize(c) if c in self.user else need[c] for c in columns}
        chrome = 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width()
        self._wanted = sum(width.values()) + chrome
        flex = [c for c in columns if c in self.flexible and c not in self.user]
        least = {c: min(need[c], max(header.sectionSizeHint(c), self.least_chars * char)) for c in flex}
        self._least = self._wanted - sum(width[c] - least[c] for c in flex)
        if self.fill and flex:
            room = view.viewport().width() - sum(width.values())
            if room >= 0:
                if not self.spread:
                    flex = []  # whole, and the room left over after the last column
                for i, c in enumerate(flex):  # the room left over, shared out
                    width[c] += room // len(flex) + (1 if i < room % len(flex) else 0)
            else:  # short: the flexible columns give up width in proportion, down to their least
                spare = sum(need[c] - least[c] for c in flex)
                short = min(-room, spare)
                cuts = {c: short * (need[c] - least[c]) // spare if spare else 0 for c in flex}
                # What the rounding down left: a pixel more from each that has it to give.
                rest = short - sum(cuts.values())
                for c in flex:
                    if rest and need[c] - least[c] > cuts[c]:
                        cuts[c] += 1
                        rest -= 1
                    width[c] = need[c] - cuts[c]
        self._fitting = True
        try:
            for c in columns:
                if header.sectionSize(c) != width[c]:
                    header.resizeSection(c, width[c])
        finally:
            self._fitting = False
        if isinstance(view, QTableView) and view.wordWrap():
            view.resizeRowsToContents()  # wrapped text: as many lines as the new widths make
        if self.on_wanted is not None:
            self.on_wanted(self._least)

    def _resized(self, column: int, _old: int, _new: int) -> None:
        # A drag of the header's edge (the mouse held): that column keeps the user's width from now on.
        if not self._fitting and QApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            self.user.add(column)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FontChange and watched is self.view:
            self.schedule()
        elif kind == QEvent.Type.Show and watched is self.view and self._widen_on_show:
            self._widen_on_show = False
            self._widen_timer.start()
        elif kind == QEvent.Type.Resize and watched is self.view.viewport() and self.fill:
            self.fit()
        return False
