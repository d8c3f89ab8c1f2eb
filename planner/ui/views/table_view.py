"""The decisions table: a filter bar over a sortable, inline-editable table, synchronised with the selection."""

from __future__ import annotations

import weakref
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRegularExpression,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QRegion,
    QRegularExpressionValidator,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionFocusRect,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner import units
from planner.model.plan import ID_PATTERN
from planner.ui.presentation.workshop import FlowLayout
from planner.ui.state.document import PlanDocument
from planner.ui.views import format as fmt
from planner.ui.views.columns import LEAST_CHARS, ColumnFit
from planner.ui.views.delegates import EditorDelegate, PercentSpin, cell_spin
from planner.ui.views.elided import ElidedComboBox, ElidedLabel
from planner.ui.views.empty_hint import EmptyHint
from planner.ui.views.models import (
    COLUMN_INDEX,
    COLUMNS,
    DATE_COLUMNS,
    VARIANCE_COLUMNS,
    DecisionFilterProxy,
    DecisionIdRole,
    DecisionTableModel,
)


def reference_choices(doc: PlanDocument, key: str) -> list[tuple[str, str | None]]:
    """(label, id) pairs for a reference combo box; area and owner may be empty."""
    plan = doc.plan
    if key == "stage":
        return [(s.name, s.id) for s in plan.stages]
    if key == "area":
        return [("(none)", None), *[(a.name, a.id) for a in plan.areas]]
    if key == "owner":
        return [("(none)", None), *[(t.name, t.id) for t in plan.teams]]
    if key == "status":
        return [(label, value) for value, label in fmt.STATUS_LABELS.items()]
    raise KeyError(key)


def fill_combo(combo: QComboBox, choices: list[tuple[str, str | None]], current: str | None) -> None:
    combo.blockSignals(True)
    # (the inspector refreshes after every edit: refill only on a change, or when the items are not all there)
    if _FILLED.get(combo) != choices or combo.count() < len(choices):
        combo.clear()
        for label, value in choices:
            combo.addItem(label, value)
        _FILLED[combo] = list(choices)
    elif combo.count() > len(choices):  # an '(unknown)' entry added for an earlier value
        combo.removeItem(combo.count() - 1)
    pos = combo.findData(current)
    if pos < 0 and current is not None:
        combo.addItem(f"{current} (unknown)", current)
        pos = combo.count() - 1
    combo.setCurrentIndex(max(pos, 0))
    combo.blockSignals(False)


_FILLED: weakref.WeakKeyDictionary[QComboBox, list[tuple[str, str | None]]] = weakref.WeakKeyDictionary()
"""The choices each combo box was last filled with by :func:`fill_combo`."""

UNCLAMPED = 1e9


class DecisionDelegate(EditorDelegate):
    """Editors per column: combo boxes for references and status, spin boxes for numbers, a checked id field."""

    def __init__(self, doc: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        key = COLUMNS[index.column()].key
        if key in ("area", "stage", "owner", "status"):
            return self.make_combo(
                parent, reference_choices(self.doc, key), name=COLUMNS[index.column()].header
            )
        if key in ("optimistic", "likely", "pessimistic", "progress"):
            name = COLUMNS[index.column()].header
            # A wide range: the spin box must not clamp what is typed (150 % became 15 %, an optimistic above
            # likely was cut silently); the model checks the value and says why it refuses one.
            if key == "progress":
                spin = PercentSpin(parent, -UNCLAMPED, UNCLAMPED)  # reads as the cell: 12.5%
                spin.setSingleStep(10)
                spin.setFrame(False)
                cell_spin(spin)
                spin.setAccessibleName(name)
                return spin
            return self.make_spin(parent, -UNCLAMPED, UNCLAMPED, 2, 0.5, frame=False, name=name)
        editor = super().createEditor(parent, option, index)
        if key == "id" and isinstance(editor, QLineEdit):
            editor.setValidator(QRegularExpressionValidator(QRegularExpression(ID_PATTERN), editor))
        if key == "title" and isinstance(editor, QLineEdit):
            editor.setMaxLength(300)
        return editor

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        elide_ids_in_the_middle(option, index)

    def set_combo_value(
        self, combo: QComboBox, index: QModelIndex | QPersistentModelIndex, value: Any
    ) -> None:
        # fill_combo keeps a value the plan no longer lists, as "(unknown)", rather than changing it silently.
        fill_combo(combo, reference_choices(self.doc, COLUMNS[index.column()].key), value)


def elide_ids_in_the_middle(option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
    """An id too long for its cell is cut in the middle, as on the graph's cards: at a narrow table or a large
    font the ID column is 12 characters wide, and 23 of the portfolio's ids read 'screening-…' (cut at the
    right, the ids of one family all read the same; their ends tell them apart)."""
    if 0 <= index.column() < len(COLUMNS) and COLUMNS[index.column()].key == "id":
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class FrozenDelegate(QStyledItemDelegate):
    """The frozen pane's cells: drawn as the table draws its text, an id cut in the middle
    (:func:`elide_ids_in_the_middle`); the pane's editors open in the table."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        elide_ids_in_the_middle(option, index)


FROZEN_KEYS = ("id", "title")
"""The columns that stay in view while the others scroll sideways (the row's name, as MS Project and P6 keep it)."""

FROZEN_SHARE = 0.45
"""The most of the table's width the frozen columns take: the title is narrowed (eliding, down to
:data:`~planner.ui.views.columns.LEAST_CHARS` characters) to leave the rest to the figures (at 1280x720 the id and
the whole title took 61 % of it, and Likely was seen with no more than two columns beside it)."""

ID_SHARE = 0.4
TITLE_CHARS = 20
"""The frozen title is at least this many characters wide when the table has room (:data:`FROZEN_ROOM_MOST`): at
1024x600 with a 150 % font the 45 % share left it 17 ('Set up use-ca…') beside an id cut to 12 characters."""
FROZEN_ROOM_MOST = 0.5
"""The most of the table's width the frozen columns grow to for :data:`TITLE_CHARS` of the title."""
"""The least of the frozen room the id gives up width for: an id elides before the title does, to this share."""

FROZEN_MOST = 0.6
"""Frozen columns wider than this share of the table (its least title beside a long id, a narrow window, a large
font) are not frozen: the table scrolls as a whole, every column reachable."""


class FrozenPane(QTableView):
    """The frozen ID and Title, drawn over the left of :class:`DecisionsTable` (Qt's "Frozen Column" example):
    the same model and selection, the table's vertical scroll, no focus of its own. Every editor opens in the
    table (the pane shows it through a hole in its mask), so focus, Tab and committing stay the table's."""

    def __init__(self, table: DecisionsTable) -> None:
        super().__init__(table)
        self.table = table
        self.setObjectName("frozenDecisionsPane")
        self.setAccessibleName("Decision ids and titles")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QTableView.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        hh = self.horizontalHeader()
        hh.setSectionsMovable(False)
        hh.setHighlightSections(False)
        hh.setStretchLastSection(False)
        hh.setSectionsClickable(True)
        hh.setSortIndicatorShown(True)
        hh.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    # The table scrolls; the pane follows its rows and never scrolls sideways.
    def scrollTo(
        self,
        index: QModelIndex | QPersistentModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        pass

    def edit(self, index: Any, trigger: Any = None, event: Any = None) -> Any:
        if trigger is None:
            return super().edit(index)
        return self.table.edit(index, trigger, event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        # The table's wheel: sideways (a touchpad, Shift+wheel) over the titles scrolled nothing.
        self.table.wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.table.setFocus(Qt.FocusReason.MouseFocusReason)  # the keyboard goes on in the table
        super().mousePressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        try:
            current = self.currentIndex()
            if self.table.hasFocus() and current.isValid() and not self.isColumnHidden(current.column()):
                # The keyboard's cell, framed as the table frames it (the pane has no focus of its own: after
                # Left into the title nothing showed which cell typing would edit).
                option = QStyleOptionFocusRect()
                option.initFrom(self)
                option.rect = self.visualRect(current)
                option.state |= QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
                if self.selectionModel().isSelected(current):
                    option.state |= QStyle.StateFlag.State_Selected
                option.backgroundColor = self.palette().highlight().color()
                self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, self)
            # The frozen edge: a line the height of the rows, so the scrolled columns read as passing under it.
            painter.setPen(self.palette().mid().color())
            x = self.viewport().width() - 1
            painter.drawLine(x, 0, x, self.viewport().height())
        finally:
            painter.end()


class DecisionsTable(QTableView):
    """The decisions table with the ID and Title frozen at its left (:class:`FrozenPane`): editing a figure at
    the right scrolled the row's name out of sight, at 1280x720 the title of the row being edited was lost."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frozen_columns = [COLUMN_INDEX[k] for k in FROZEN_KEYS]
        self.pane: FrozenPane | None = None
        self._syncing_sort = False
        self._following = False
        self._natural: dict[int, int] = {}
        self._current_at: tuple[QPersistentModelIndex, int] | None = None
        self.user_sized: set[int] = set()  # (the ColumnFit's columns sized by the user: their widths kept)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is None:
            return
        pane = self.pane = FrozenPane(self)
        pane.setModel(model)
        pane.setSelectionModel(self.selectionModel())
        pane.setSelectionBehavior(self.selectionBehavior())
        pane.setSelectionMode(self.selectionMode())
        pane.setEditTriggers(self.editTriggers())
        for c in range(model.columnCount()):
            pane.setColumnHidden(c, c not in self.frozen_columns)
        hh, ph = self.horizontalHeader(), pane.horizontalHeader()
        hh.sectionResized.connect(self._section_resized)
        ph.sectionResized.connect(self._pane_section_resized)
        hh.sectionMoved.connect(lambda *_a: self.keep_frozen_first())
        hh.sortIndicatorChanged.connect(self._sort_changed)
        ph.sortIndicatorChanged.connect(self._sort_changed)
        self.verticalHeader().sectionResized.connect(
            lambda row, _old, new: pane.verticalHeader().resizeSection(row, new)
        )
        self.verticalScrollBar().valueChanged.connect(pane.verticalScrollBar().setValue)
        self.selectionModel().currentChanged.connect(lambda *_a: pane.viewport().update())
        pane.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        for sig in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.layoutChanged):
            sig.connect(self.place_pane)
        model.layoutAboutToBeChanged.connect(self._note_current)
        model.layoutChanged.connect(self._keep_current)
        pane.setItemDelegate(FrozenDelegate(pane))  # (its editors open in the table)
        # A right click on a frozen cell is the table's (its menu acts on that row): the pane showed none.
        pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        pane.customContextMenuRequested.connect(
            lambda pos: self.customContextMenuRequested.emit(
                self.viewport().mapFromGlobal(pane.viewport().mapToGlobal(pos))
            )
        )
        self.place_pane()

    # The pane selects and edits as the table does.
    def setSelectionBehavior(self, behavior: QAbstractItemView.SelectionBehavior) -> None:
        super().setSelectionBehavior(behavior)
        if self.pane is not None:
            self.pane.setSelectionBehavior(behavior)

    def setSelectionMode(self, mode: QAbstractItemView.SelectionMode) -> None:
        super().setSelectionMode(mode)
        if self.pane is not None:
            self.pane.setSelectionMode(mode)

    def setEditTriggers(self, triggers: QAbstractItemView.EditTrigger) -> None:
        super().setEditTriggers(triggers)
        if self.pane is not None:
            self.pane.setEditTriggers(triggers)

    def first_column_in_sight(self) -> int:
        """The leftmost column seen whole right of the frozen pane (the first when none is): a cell picked there
        does not scroll the table sideways (Down from the text filter jumped the figures out of sight)."""
        hh = self.horizontalHeader()
        edge = self.frozen_width()
        for visual in range(hh.count()):
            c = hh.logicalIndex(visual)
            if not hh.isSectionHidden(c) and hh.sectionViewportPosition(c) >= edge:
                return c
        return max(0, hh.logicalIndexAt(edge))

    def frozen_width(self) -> int:
        """The width of the frozen columns (0: the table does not freeze them)."""
        pane = self.pane
        if pane is None or pane.isHidden():
            return 0
        return sum(
            self.horizontalHeader().sectionSize(c) for c in self.frozen_columns if not self.isColumnHidden(c)
        )

    # -- a re-sort keeps the current row where it is seen ------------------------------------------------------
    def _note_current(self, *_args: object) -> None:
        current = self.currentIndex()
        y = self.rowViewportPosition(current.row()) if current.isValid() else -1
        seen = current.isValid() and 0 <= y < self.viewport().height()
        self._current_at = (QPersistentModelIndex(current), y) if seen else None

    def _keep_current(self, *_args: object) -> None:
        """The row in sight before a sort (a header clicked, or an edit that moved it in a sorted table) at the
        same height after it: it went out of sight, the rows around it changed and the table did not follow."""
        noted, self._current_at = self._current_at, None
        if noted is None or not noted[0].isValid():
            return
        index, y = noted
        bar = self.verticalScrollBar()
        moved = self.rowViewportPosition(index.row()) - y
        if self.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem:
            moved = round(moved / max(1, self.rowHeight(index.row())))
        bar.setValue(bar.value() + moved)

    def fit_frozen(self, natural: bool = False) -> None:
        """The id and the title no wider together than :data:`FROZEN_SHARE` of the table, the rest left to the
        other columns: the id gives up width first, down to :data:`ID_SHARE` of that room (a 24-letter id took
        238 of its 374 px at a 150 % font and the title showed 'Set up use-...'), then the title; neither below
        its least (:data:`~planner.ui.views.columns.LEAST_CHARS` characters). ``natural``: their widths now are
        the ones their words want (just fitted), kept for a wider table. A width the user dragged is kept."""
        hh = self.horizontalHeader()
        if natural:
            self._natural = {c: hh.sectionSize(c) for c in self.frozen_columns}
        if not self._natural:
            return
        id_col, title = self.frozen_columns
        char = max(1, self.fontMetrics().averageCharWidth())
        least = {
            c: min(self._natural[c], max(hh.sectionSizeHint(c), LEAST_CHARS * char)) for c in self._natural
        }
        width = self.viewport().width()
        # a narrow table: the id at its least and TITLE_CHARS of the title, if they take no more than half of it
        title_least = min(self._natural[title], TITLE_CHARS * char)
        room = max(int(width * FROZEN_SHARE), min(int(width * FROZEN_ROOM_MOST), least[id_col] + title_least))
        want = dict(self._natural)
        if want[id_col] + want[title] > room and id_col not in self.user_sized:
            want[id_col] = max(
                least[id_col], min(want[id_col], max(room - want[title], int(room * ID_SHARE)))
            )
            # the id (cut in the middle, whole in its tooltip) gives way before the title's first words do
            want[id_col] = max(least[id_col], min(want[id_col], room - title_least))
        if title not in self.user_sized:
            want[title] = max(least[title], min(want[title], room - want[id_col]))
        for c in self.frozen_columns:
            if c not in self.user_sized and not self.isColumnHidden(c) and hh.sectionSize(c) != want[c]:
                hh.resizeSection(c, want[c])

    def keep_frozen_first(self) -> None:
        """ID and Title the first columns: a column dragged before them went under the pane, out of reach."""
        hh = self.horizontalHeader()
        for visual, c in enumerate(self.frozen_columns):
            if hh.visualIndex(c) != visual:
                hh.moveSection(hh.visualIndex(c), visual)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if self._syncing_sort or self.pane is None:
            return
        self._syncing_sort = True
        try:
            for header in (self.horizontalHeader(), self.pane.horizontalHeader()):
                if header.sortIndicatorSection() != column or header.sortIndicatorOrder() != order:
                    header.setSortIndicator(column, order)  # the table's sorts (sortingEnabled)
        finally:
            self._syncing_sort = False

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if self.pane is not None and column in self.frozen_columns:
            if self.pane.horizontalHeader().sectionSize(column) != new:
                self._following = True  # (the pane follows the table: no drag to hold back)
                try:
                    self.pane.horizontalHeader().resizeSection(column, new)
                finally:
                    self._following = False
            self.place_pane()

    def _pane_section_resized(self, column: int, _old: int, new: int) -> None:
        # A drag of the pane's header edge widens the table's column (ColumnFit keeps a width the user chose),
        # the frozen columns no wider than FROZEN_MOST of the table (wider, the pane vanished under the mouse).
        if column not in self.frozen_columns or self.pane is None or self._following:
            return
        hh = self.horizontalHeader()
        others = sum(
            hh.sectionSize(c) for c in self.frozen_columns if c != column and not self.isColumnHidden(c)
        )
        most = max(hh.sectionSizeHint(column), int(self.viewport().width() * FROZEN_MOST) - others)
        if new > most:
            self.pane.horizontalHeader().resizeSection(column, most)  # (which comes back here)
            return
        if hh.sectionSize(column) != new:
            hh.resizeSection(column, new)

    def place_pane(self, *_args: object) -> None:
        """The pane over the frozen columns, from the header's top to the rows' foot; hidden when there are no
        rows (the empty table's hint is not covered) or when the frozen columns would take most of the width."""
        pane = self.pane
        if pane is None:
            return
        width = sum(
            self.horizontalHeader().sectionSize(c) for c in self.frozen_columns if not self.isColumnHidden(c)
        )
        model = self.model()
        # (Right to left the id and title stand at the right, where this pane is not: the table scrolls whole.)
        show = (
            model is not None
            and model.rowCount() > 0
            and 0 < width <= self.viewport().width() * FROZEN_MOST
            and not self.isRightToLeft()
        )
        if show:
            vh = pane.verticalHeader()
            if vh.defaultSectionSize() != self.verticalHeader().defaultSectionSize():
                vh.setDefaultSectionSize(self.verticalHeader().defaultSectionSize())
            hh = self.horizontalHeader()
            ph = pane.horizontalHeader()
            if ph.height() != hh.height():
                ph.setFixedHeight(hh.height())
            top = self.viewport().y() - hh.height() if hh.isVisible() else self.viewport().y()
            pane.setGeometry(
                self.viewport().x(), top, width, self.viewport().y() - top + self.viewport().height()
            )
            pane.verticalScrollBar().setValue(self.verticalScrollBar().value())
        pane.setVisible(show)
        self._mask_editors()

    def _mask_editors(self) -> None:
        """A hole in the pane where an editor of a frozen cell is open (the editor is the table's)."""
        pane = self.pane
        if pane is None:
            return
        holes = QRegion()
        for child in self.viewport().children():
            if isinstance(child, QWidget) and child.isVisible():
                rect = QRect(
                    self.viewport().mapTo(self, child.geometry().topLeft()) - pane.pos(), child.size()
                )
                holes = holes.united(QRegion(rect.intersected(pane.rect())))
        if holes.isEmpty():
            pane.clearMask()
        else:
            pane.setMask(QRegion(pane.rect()).subtracted(holes))

    # -- the frozen cells where the pane shows them -------------------------------------------------------------
    def visualRect(self, index: QModelIndex | QPersistentModelIndex) -> QRect:
        rect = super().visualRect(index)
        if self.frozen_width() and index.column() in self.frozen_columns and rect.isValid():
            rect.moveLeft(self.horizontalHeader().sectionPosition(index.column()))  # (not scrolled)
        return rect

    def scrollTo(
        self,
        index: QModelIndex | QPersistentModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        bar = self.horizontalScrollBar()
        before = bar.value()
        super().scrollTo(index, hint)
        frozen = self.frozen_width()
        if not frozen or not index.isValid():
            return
        if index.column() in self.frozen_columns:
            bar.setValue(before)  # the row into view; the columns stay
            return
        left = self.columnViewportPosition(index.column())
        if left < frozen:  # under the pane: scrolled just right of it
            bar.setValue(bar.value() - (frozen - left))

    def edit(self, index: Any, trigger: Any = None, event: Any = None) -> Any:
        if trigger is None:
            return super().edit(index)
        opened = super().edit(index, trigger, event)
        self._mask_editors()
        return opened

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        self._mask_editors()

    def updateEditorGeometries(self) -> None:
        super().updateEditorGeometries()
        self._mask_editors()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if (
            dx
        ):  # (scrolling moves the viewport's children: a frozen cell's editor stays where its cell is shown)
            self.updateEditorGeometries()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        self.place_pane()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self.place_pane()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.pane is not None:
            self.pane.viewport().update()  # (its frame of the keyboard's cell)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.pane is not None:
            self.pane.viewport().update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_frozen()
        self.place_pane()


FILTER_CHARS = 12
"""The widest a filter of the table's bar is, in characters of its font (its list shows the choices whole; a longer
chosen name ends in "…", whole in its tooltip). At 40, beside the inspector at 800x600 with a 150 % font, each
filter took its longest choice's width and the bar four rows."""


class DecisionsView(QWidget):
    """Filter bar, table and count; ``table``, ``model`` and ``proxy`` are public for the window and tests."""

    message = Signal(str)  # for the status bar (refused edits)

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.model = DecisionTableModel(doc, self)
        self.proxy = DecisionFilterProxy(self.model, self)
        self._syncing = False

        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Filter by text (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Filter decisions by text")
        self.search.setToolTip(
            "Show only decisions whose id, title, notes, tags or references contain this text"
        )
        self.stage_filter = self._filter_combo("All stages", "Show only decisions of this stage")
        self.area_filter = self._filter_combo("All areas", "Show only decisions of this area")
        self.owner_filter = self._filter_combo("All owners", "Show only decisions owned by this team")
        self.status_filter = self._filter_combo("Any status", "Show only decisions with this status")
        self.critical_only = QCheckBox("Critical only", self)
        self.critical_only.setToolTip("Show only decisions on a critical chain")
        self.count_label = ElidedLabel(parent=self)
        self.count_label.setAccessibleName("Number of decisions shown")

        # A bar that wraps: beside the inspector on a 1024x768 projector (or at a large system font) one row
        # cut each filter to "All stag"; the filters now keep their whole text and go onto a second row, and
        # the bar never pushes the window wider (800x600).
        bar = FlowLayout(spacing=6)
        bar.setContentsMargins(6, 6, 6, 2)
        for w in (self.search, self.stage_filter, self.area_filter, self.owner_filter, self.status_filter):
            bar.addWidget(w)
        bar.addWidget(self.critical_only)
        bar.addWidget(self.count_label)

        self.table = DecisionsTable(self)
        self.table.setObjectName("decisionsTable")
        self.table.setAccessibleName("Decisions")
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(DecisionDelegate(doc, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        vh = self.table.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        hh = self.table.horizontalHeader()
        hh.setSectionsMovable(True)
        hh.setHighlightSections(False)
        hh.setStretchLastSection(False)
        # Figures, dates and statuses whole in the table's font (a 150 % font cut them at the desk's pixel
        # widths: "Engineering workfl…"); ids, titles and the names of areas, stages and teams up to 56
        # characters, eliding (a 200-character area name made its column 1,400 px wide).
        self.columns = ColumnFit(
            self.table,
            [COLUMN_INDEX[key] for key in ("id", "title", "area", "stage", "owner")],
            fill=False,
            flex_chars=56,
            rows=60,
            on_wanted=lambda _least: self.table.fit_frozen(natural=True),
        )
        self.table.user_sized = self.columns.user

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.empty_hint = EmptyHint(self.table, "emptyTableHint")
        self._fit_font()

        self.search.textChanged.connect(self._apply_filters)
        self.search.installEventFilter(self)  # Down, Enter and Esc go on to the rows shown
        for combo in (self.stage_filter, self.area_filter, self.owner_filter, self.status_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.critical_only.toggled.connect(self._apply_filters)
        doc.baseline_changed.connect(lambda _n: self._refresh_baselines())
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection)
        self.model.edit_refused.connect(self.message)
        self.model.edit_held.connect(self.message)
        doc.selection_changed.connect(self._on_doc_selection)
        doc.plan_meta_changed.connect(self._refresh_filter_choices)
        doc.plan_reset.connect(self._refresh_filter_choices)
        for sig in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            sig.connect(self._update_count)
        self._refresh_filter_choices()
        self._update_count()

    def _filter_combo(self, all_label: str, tip: str) -> QComboBox:
        combo = ElidedComboBox(self)
        combo.setToolTip(tip)
        combo.setAccessibleName(tip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # its longest choice whole
        combo.addItem(all_label, None)
        return combo

    def _refresh_filter_choices(self) -> None:
        plan = self.doc.plan
        for combo, items in (
            (self.stage_filter, [(s.name, s.id) for s in plan.stages]),
            (self.area_filter, [(a.name, a.id) for a in plan.areas]),
            (self.owner_filter, [(t.name, t.id) for t in plan.teams]),
            (self.status_filter, [(label, v) for v, label in fmt.STATUS_LABELS.items()]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            all_label = combo.itemText(0)
            combo.clear()
            combo.addItem(all_label, None)
            for label, value in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
            fm = combo.fontMetrics()  # the list: the names whole
            combo.view().setMinimumWidth(
                max(fm.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())) + 24
            )
        no_dates = plan.start_date is None
        for c in DATE_COLUMNS:
            self.table.setColumnHidden(c, no_dates)
        self._refresh_baselines()
        self._apply_filters()

    def _refresh_baselines(self) -> None:
        """The variance columns are shown only while the plan has a baseline (chosen in the status bar)."""
        has = bool(self.doc.plan.baselines)
        for c in VARIANCE_COLUMNS:
            self.table.setColumnHidden(c, not has)

    def _apply_filters(self) -> None:
        self.proxy.set_filters(
            text=self.search.text(),
            stage=self.stage_filter.currentData(),
            area=self.area_filter.currentData(),
            owner=self.owner_filter.currentData(),
            status=self.status_filter.currentData(),
            critical_only=self.critical_only.isChecked(),
        )
        self._update_count()
        self._on_doc_selection(self.doc.selection)

    def _update_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        noun = units.agree(total, "decision", "decisions")
        self.count_label.setText(
            units.count(total, "decision") if shown == total else f"{units.part_of(shown, total)} {noun}"
        )
        # An empty table says what to do: a new plan showed a blank grid, and a filter that matches nothing
        # looked like a plan without decisions.
        hint = ""
        if total == 0:
            hint = (
                "No decisions yet.\n\nEdit > Add Decision (Ctrl+Return) adds one: type its title, then Tab "
                "through area, stage, owner and the three duration estimates."
            )
        elif shown == 0:
            hint = f"The filters hide every decision ({total} in the plan).\n\nEdit > Clear Filters shows them all."
        self.empty_hint.show_text(hint)

    def _fit_font(self) -> None:
        """Sizes that follow the font: the search field's (its hint whole), the filters' widest (a choice's
        first :data:`FILTER_CHARS` characters: a 200-character team name made its filter 1,600 px wide and the
        window 1,890 px on a 1280 px screen; the list shows the whole names) and the rows' height. Again when the
        font changes (a system font made larger while the app runs)."""
        self.search.setMinimumWidth(
            self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 24
        )
        for combo in (self.stage_filter, self.area_filter, self.owner_filter, self.status_filter):
            widest = combo.fontMetrics().horizontalAdvance("M" * FILTER_CHARS) * 2 // 3
            combo.setMaximumWidth(widest + combo.iconSize().width() + 40)  # (with the arrow and the frame)
        self.table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.7))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_font()

    def clear_filters(self) -> None:
        for combo in (self.stage_filter, self.area_filter, self.owner_filter, self.status_filter):
            combo.setCurrentIndex(0)
        self.search.clear()
        self.critical_only.setChecked(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down, Enter or Return in the text filter go into the rows it shows (the first picked when none is),
        Esc back to the table, the filter kept. The keyboard stayed in the field after Ctrl+F and a few letters:
        Enter, Down and Esc did nothing, and the 9 decisions found could not be reached without the mouse."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)
        ):
            table = self.table
            picked = table.selectionModel().hasSelection()
            if event.key() != Qt.Key.Key_Escape and not picked and self.proxy.rowCount() > 0:
                first = self.proxy.index(0, table.first_column_in_sight())
                flags = QItemSelectionModel.SelectionFlag
                table.selectionModel().setCurrentIndex(first, flags.ClearAndSelect | flags.Rows)
                table.scrollTo(first)
            table.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        return super().eventFilter(watched, event)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- selection sync --------------------------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [str(self.proxy.index(r, 0).data(DecisionIdRole)) for r in rows]

    def _on_table_selection(self, *_args: Any) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            self.doc.select(self.selected_ids())
        finally:
            self._syncing = False

    def _on_doc_selection(self, ids: list[str]) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            by_id = {d.id: d for d in self.doc.plan.decisions}
            selection = QItemSelection()
            first: QModelIndex | None = None
            last_col = self.proxy.columnCount() - 1
            for did in ids:
                d = by_id.get(did)
                if d is None:
                    continue
                src_row = self.model.row_of(d)
                pidx = self.proxy.mapFromSource(self.model.index(src_row, 0))
                if not pidx.isValid():
                    continue
                selection.select(pidx, self.proxy.index(pidx.row(), last_col))
                first = first or pidx
            sm = self.table.selectionModel()
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            sm.select(selection, flags)
            if first is not None:
                sm.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.table.scrollTo(first)
        finally:
            self._syncing = False

    def focus_cell(self, decision_id: str, key: str) -> bool:
        """Make ``key``'s cell of the decision the table's current cell (keeping the row selection), so that
        typing edits it: after Add Decision the title, not the generated id (typing a title renamed the id)."""
        d = self.doc.decision(decision_id)
        if d is None:
            return False
        pidx = self.proxy.mapFromSource(self.model.index(self.model.row_of(d), COLUMN_INDEX[key]))
        if not pidx.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(pidx, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.table.scrollTo(pidx)
        return True

    def commit_editor(self) -> None:
        """Commit an open cell editor, so that nothing typed is lost (before save, close, undo)."""
        from PySide6.QtWidgets import QApplication

        w = QApplication.focusWidget()
        while w is not None and w is not self.table:
            if w.parent() is self.table.viewport():
                delegate = self.table.itemDelegate()
                delegate.commitData.emit(w)
                delegate.closeEditor.emit(w, QStyledItemDelegate.EndEditHint.NoHint)
                return
            w = w.parentWidget()

    def header_state(self) -> bytes:
        return bytes(self.table.horizontalHeader().saveState().data())

    def restore_header_state(self, state: Any) -> None:
        if state:
            self.table.horizontalHeader().restoreState(state)
            self.table.keep_frozen_first()  # (a layout saved with Area dragged first)
            self._refresh_filter_choices()


FIND_SHORTCUT = QKeySequence.StandardKey.Find
