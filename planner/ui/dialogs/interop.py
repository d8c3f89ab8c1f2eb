"""File > Import… / Export As… and opening other tools' files (MS Project XML, GanttProject, CSV, Excel).

The conversion is :mod:`planner.io` (no Qt); this module only asks for files, shows the import step and the
report, and hands the result to the window as a new, unsaved plan. The import step lets the user map each top-level
summary task of an outline file to a stage and an area before the plan is built; the report says what could not be
carried. Dialogs open window-modal with ``open()`` so tests can drive them.
"""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.io import (
    EXPORT_NAMES,
    EXPORT_SUFFIXES,
    IMPORT_FORMATS,
    IMPORT_SUFFIXES,
    UNREADABLE_SUFFIXES,
    ImportReport,
    InteropError,
    Mapping,
    Outline,
    export_blocker,
    export_file,
    export_notes,
    import_file,
    import_format,
    read_outline,
    top_level_summaries,
)
from planner.io.mpxj_bridge import MPXJ_SUFFIXES
from planner.io.outline import build_plan
from planner.model.plan import Plan, new_plan
from planner.ui.dialogs.save_name import completed_save_name
from planner.ui.state.file_guard import shown_path
from planner.ui.views.busy import wait_cursor
from planner.ui.views.elided import ElidedComboBox

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow

IMPORTABLE = "*.xml *.mpx *.xer *.gan *.csv *.xlsx *.xls *.ods"
"""The suffixes File > Open and File > Import offer first (main_window.FILE_FILTER repeats them: a test keeps the
two and planner.io's formats the same)."""
THROUGH_MPXJ = " ".join(f"*{s}" for s in MPXJ_SUFFIXES)
IMPORT_FILTER = (
    f"Project files ({IMPORTABLE} {THROUGH_MPXJ});;MS Project XML (*.xml);;MS Project MPX (*.mpx);;"
    "Primavera P6 (*.xer *.xml);;GanttProject (*.gan);;"
    "CSV (*.csv);;Excel workbook (*.xlsx *.xls);;LibreOffice spreadsheet (*.ods);;Trello board, JSON export (*.json);;"
    f"MS Project .mpp, ProjectLibre .pod and others, through MPXJ ({THROUGH_MPXJ});;All files (*)"
)
EXPORT_FILTERS = [  # (filter text, suffix, csv byte-order mark)
    ("MS Project XML (*.xml)", ".xml", False),
    ("MS Project MPX (*.mpx)", ".mpx", False),
    ("Primavera P6 XER (*.xer)", ".xer", False),
    ("GanttProject (*.gan)", ".gan", False),
    ("Excel workbook (*.xlsx)", ".xlsx", False),
    ("CSV for Excel, UTF-8 with BOM (*.csv)", ".csv", True),
    ("CSV, UTF-8 (*.csv)", ".csv", False),
    ("TaskJuggler (*.tjp)", ".tjp", False),
    ("Mermaid gantt (*.mmd)", ".mmd", False),
    ("Graphviz DOT (*.dot)", ".dot", False),
    ("iCalendar (*.ics)", ".ics", False),
]
AUTO = "(from the file: custom field, name, else start time)"
AUTO_AREA = "(from the file: custom field, name, else Imported)"


def is_import_path(path: str | Path) -> bool:
    """True for files File > Open hands to the import step instead of loading as a plan (also the formats it
    cannot read, such as .mpp: the import step says how to save them readable)."""
    name = str(path).lower()
    suffix = Path(name).suffix
    return not name.endswith(".json") and (suffix in IMPORT_SUFFIXES or suffix in UNREADABLE_SUFFIXES)


def offer_import(window: MainWindow, path: str, fmt: str) -> QMessageBox:
    """Say that ``path`` is another tool's file in format ``fmt`` under a plan's name, and offer the import step."""
    SB = QMessageBox.StandardButton

    def done(button: QMessageBox.StandardButton) -> None:
        if button == SB.Open:
            start_import(window, path, fmt)

    box = window._prompt(
        QMessageBox.Icon.Warning,
        "Cannot open plan",
        f"{shown_path(Path(path).name)} is not a plan file but another tool's: {IMPORT_FORMATS[fmt]}.",
        SB.Open | SB.Cancel,
        done,
        "Import\u2026 reads it as a new, unsaved plan (the file is not changed).",
        SB.Open,
    )
    box.button(SB.Open).setText("Import\u2026")
    return box


class _MappingTable(QTableWidget):
    """The summary-to-stage-and-area table: as wide as its columns by default (the dialog opened 662 px wide on any
    screen, the Area column cut off behind a scroll bar), as tall as any table; the dialog is then kept to the
    screen (:mod:`planner.ui.screen_fit`), scrolling only where the screen is narrower."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        header = self.horizontalHeader()
        columns = sum(
            max(self.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(self.columnCount())
        )
        width = columns + 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), width), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.share_columns()

    def share_columns(self) -> None:
        """The summary names whole, the Stage and Area columns their entries' widths where the view has room, else
        sharing what the names leave in proportion (their choosers end in "…"): at 13.5 pt on an 800 px screen the
        Stage choosers took the whole view and the Area column was behind the scroll bar."""
        if self.columnCount() != 3:
            return
        names = self.sizeHintForColumn(0)
        room = self.viewport().width() - names
        need = [max(self.sizeHintForColumn(c), self.horizontalHeader().sectionSizeHint(c)) for c in (1, 2)]
        if room <= 0:
            return
        if sum(need) <= room:
            widths = [need[0], room - need[0]]
        else:
            first = room * need[0] // sum(need)
            widths = [first, room - first]
        header = self.horizontalHeader()
        header.resizeSection(0, names)
        header.resizeSection(1, widths[0])
        header.resizeSection(2, widths[1])


class ImportDialog(QDialog):
    """The import step: map top-level summaries (outline files) and read the report; OK makes the new plan."""

    def __init__(
        self,
        parent: QWidget | None,
        path: str,
        fmt: str,
        outline: Outline | None,
        report: ImportReport,
        plan: Plan | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(f"Import {Path(path).name}")
        self.path, self.fmt, self.outline = path, fmt, outline
        self._reader_report = report
        self.plan: Plan | None = plan
        self.report: ImportReport = report
        layout = QVBoxLayout(self)
        self.summaries = top_level_summaries(outline) if outline is not None else []
        self.table: QTableWidget | None = None
        if self.summaries:
            intro = QLabel(
                "Summary tasks become structure. Choose the stage and area for the tasks under "
                "each top-level summary (the import guesses from the names):"
            )
            intro.setWordWrap(True)  # one line was ~880 px: wider than an 800 px screen
            layout.addWidget(intro)
            base = new_plan()
            stages = [(s.id, s.name) for s in (outline.stages or base.stages)] if outline else []
            areas = [(a.id, a.name) for a in base.areas]
            table = _MappingTable(len(self.summaries), 3, self)
            table.setObjectName("summaryMapping")
            table.setHorizontalHeaderLabels(["Summary task", "Stage", "Area"])
            table.verticalHeader().setVisible(False)
            for row, task in enumerate(self.summaries):
                item = QTableWidgetItem(task.name or f"Task {task.key}")
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(row, 0, item)
                for col, (choices, auto) in ((1, (stages, AUTO)), (2, (areas, AUTO_AREA))):
                    combo = ElidedComboBox(table)  # narrower than an entry: it ends in …
                    combo.addItem(auto, None)
                    for item_id, name in choices:
                        combo.addItem(name, item_id)
                    key = task.name.strip().casefold()
                    for i, (item_id, name) in enumerate(choices, start=1):
                        if key in (item_id.casefold(), name.casefold()):
                            combo.setCurrentIndex(i)
                    combo.currentIndexChanged.connect(self.rebuild)
                    table.setCellWidget(row, col, combo)
            table.resizeColumnsToContents()
            table.share_columns()  # (and at each resize: the last column to the view's edge)
            table.setMinimumHeight(min(300, 40 + 30 * len(self.summaries)))
            self.table = table
            layout.addWidget(table)
        layout.addWidget(QLabel("What the import carried, and what it could not:"))
        self.report_view = QPlainTextEdit(self)
        self.report_view.setObjectName("importReport")
        self.report_view.setReadOnly(True)
        self.report_view.setFont(QFont("monospace"))
        self.report_view.setMinimumSize(640, 200)
        # Selectable from the keyboard too (Tab to it, Ctrl+A, Ctrl+C), not only with the mouse
        self.report_view.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        layout.addWidget(
            self.report_view, 1
        )  # (the room it is given goes to the report, not the table's foot)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create Plan")
        self.copy_button = buttons.addButton("Copy Report", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setToolTip("Copy the whole report, to paste it into an e-mail or a ticket")
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.report_view.toPlainText())
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)
        self.rebuild()
        # As wide as the mapping's columns: left to Qt, a first show is at most 2/3 of the screen wide (and the
        # table's hint was ignored: 662 px on any screen). Kept to the screen when shown (screen_fit).
        self.resize(self.sizeHint())
        self._report_fitted = False

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._report_fitted:
            self._report_fitted = True
            # After screen_fit has placed it (its timer comes first): the report's lines are laid out by then.
            QTimer.singleShot(0, self, self._show_report_whole)

    def _show_report_whole(self) -> None:
        """Taller by the report's lines out of sight (wrapped as shown), up to the screen's available height: at
        its layout's size eight lines of 26 were in sight over a scroll bar, on a 1920x1080 screen at a 150 % font
        with 500 px of it free."""
        from planner.ui.screen_fit import available_area, fit_window

        view = self.report_view
        if not self.isVisible() or view.verticalScrollBar().maximum() <= 0:
            return  # (closed already: answered at once)
        lines, block = 0.0, view.document().firstBlock()
        while block.isValid():  # (at most 50 items: report.text(limit=50)) each as tall as it wraps
            lines += view.blockBoundingRect(block).height()
            block = block.next()
        more = round(lines + 2 * view.document().documentMargin()) - view.viewport().height()
        if more <= 0:
            return
        area = available_area(self)
        extra = self.frameGeometry().height() - self.height()
        height = min(self.height() + more, area.height() - max(0, extra))
        if height > self.height():
            self.resize(self.width(), height)
            fit_window(self, area)

    def set_choice(self, row: int, stage: str | None = None, area: str | None = None) -> None:
        """Choose a stage and/or area id for summary ``row`` (what the combo boxes do; for tests and scripts)."""
        assert self.table is not None
        for col, value in ((1, stage), (2, area)):
            if value is None:
                continue
            combo = self.table.cellWidget(row, col)
            assert isinstance(combo, QComboBox)
            combo.setCurrentIndex(max(0, combo.findData(value)))

    def mapping(self) -> Mapping:
        out = Mapping()
        if self.table is None:
            return out
        for row, task in enumerate(self.summaries):
            stage = self.table.cellWidget(row, 1)
            area = self.table.cellWidget(row, 2)
            assert isinstance(stage, QComboBox) and isinstance(area, QComboBox)
            if stage.currentData() is not None or area.currentData() is not None:
                out.summaries[task.key] = (stage.currentData(), area.currentData())
        return out

    def rebuild(self, *_args: Any) -> None:
        """Build the plan with the current mapping and show its report. A file the plan cannot be built from
        raises :class:`InteropError` while the dialog is made (start_import shows it); later (another mapping), the
        report says why and Create Plan is off."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if self.outline is not None:
            self.report = copy.deepcopy(self._reader_report)
            try:
                self.plan = _build(self.path, self.fmt, self.outline, self.report, self.mapping())
            except InteropError as exc:
                if not self.isVisible():
                    raise
                self.plan = None
                ok.setEnabled(False)
                self.report_view.setPlainText(f"The plan cannot be made with this mapping:\n{exc}")
                return
        ok.setEnabled(self.plan is not None)
        self.report_view.setPlainText(self.report.text(limit=50))


def _build(path: str, fmt: str, outline: Outline, report: ImportReport, mapping: Mapping) -> Plan:
    """The plan from an outline read before, as :func:`planner.io.import_file` builds it, refusing as it does: a
    date or duration past what a calendar holds (a summary dated 9999) or a value a plan cannot take was a
    traceback from the import step, where ``planner import`` says what is wrong in one line (exit 2)."""
    from pydantic import ValidationError

    try:
        return build_plan(outline, report, mapping)
    except (OverflowError, ValidationError):
        # import_file reads the file again and refuses it in its words (raises InteropError)
        return import_file(path, fmt, mapping)[0]


def imported_message(report: ImportReport, path: str) -> str:
    """The status bar's line once an import is accepted: what came in and from which file, each said once (it
    was "Imported x.csv: Imported 5 decisions, 4 dependencies from x.csv (CSV).")."""
    if not report.source:
        report = dataclasses.replace(report, source=Path(path).name)
    return report.summary()


def start_import(window: MainWindow, path: str, fmt: str | None = None) -> ImportDialog | None:
    """Read ``path`` and open the import step (window-modal). On OK the window gets the new, unsaved plan.
    An unreadable file shows one clear message and changes nothing."""
    # a big file, or one read through MPXJ (Java starts in a child process), takes seconds
    try:
        with wait_cursor():
            fmt = import_format(path, fmt)
            found = read_outline(path, fmt)
            if found is not None:
                dialog = ImportDialog(window, path, fmt, found[0], found[1])
            else:
                plan, report = import_file(path, fmt)
                dialog = ImportDialog(window, path, fmt, None, report, plan)
    except InteropError as exc:
        window.show_error("Cannot import", f"{shown_path(Path(path).name)} could not be imported.", str(exc))
        return None

    def finished(result: int) -> None:
        window.import_dialog = None
        if result == QDialog.DialogCode.Accepted and dialog.plan is not None:
            window.adopt_imported(dialog.plan, imported_message(dialog.report, path))
        dialog.deleteLater()

    dialog.finished.connect(finished)
    window.import_dialog = dialog
    dialog.open()
    return dialog


def ask_import(window: MainWindow) -> None:
    """File > Import…: choose a file (after offering to save changes), then the import step."""

    def go() -> None:
        start = str(Path(window.doc.path).parent) if window.doc.path else str(Path.home())
        target, _ = QFileDialog.getOpenFileName(window, "Import a project", start, IMPORT_FILTER)
        if target:
            start_import(window, target)

    window.maybe_save(go, "importing a project")


def export_to(window: MainWindow, path: str, *, bom: bool = False) -> bool:
    """Write the plan to ``path`` in the format of its suffix; a failure shows a message and returns False."""
    window.commit_pending()
    blocker = export_blocker(window.doc.plan, EXPORT_SUFFIXES.get(Path(path).suffix.lower(), ""))
    if blocker is not None:  # the problem, then what to do: as planner export says it
        problem, todo = blocker.split("\n", 1)
        window.show_error("Cannot export", f"The plan was not exported to {Path(path).name}: {problem}", todo)
        return False
    try:
        fmt = export_file(window.doc.plan, path, bom=bom)
    except InteropError as exc:
        window.show_error("Cannot export", f"The plan could not be exported to {Path(path).name}.", str(exc))
        return False
    done = f"Exported {Path(path).name} ({EXPORT_NAMES[fmt]})"
    window.show_message(done)
    notes = export_notes(window.doc.plan, fmt)
    if notes:  # what the other tool will not see, said as `planner export` says it
        window.show_info(
            "Exported",
            f"{done}. What the file does not carry, or carries only approximately:",
            "\n".join(f"\u2022 {line}" for line in notes),
        )
    return True


def ask_export(window: MainWindow) -> bool:
    """File > Export As…: every plan format (charts are in their tabs, the PDF in Export Report)."""
    stem = (
        Path(window.doc.path).name.removesuffix(".json").removesuffix(".plan") if window.doc.path else "plan"
    )
    start = str((Path(window.doc.path).parent if window.doc.path else Path.home()) / stem)
    filters = ";;".join(f for f, _, _ in EXPORT_FILTERS)
    path, chosen = QFileDialog.getSaveFileName(window, "Export plan as", start, filters)
    if not path:
        return False
    suffix, bom = next(((s, b) for f, s, b in EXPORT_FILTERS if f == chosen), (".xml", False))
    completed = completed_save_name(window, path, suffix, EXPORT_SUFFIXES)
    if completed is None:
        return False
    return export_to(window, completed, bom=bom and completed.lower().endswith(".csv"))
