"""File > Export Report: the options of the PDF report, then :func:`planner.report.build_report` off the GUI
thread with a progress bar and Cancel.

The report is built from a snapshot of the plan, analysed by :func:`export_report` on the app's one background
runner (:mod:`planner.ui.state.background`), so the app can go on (the dialog is window-modal; the snapshot
makes the build safe even so). ReportLab and matplotlib are imported in the worker on
first use, not when the app starts.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSettings, QStandardPaths, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner import units
from planner.model.io import disk_full_text
from planner.ui.dialogs.save_name import completed_save_name
from planner.ui.state.background import (
    BackgroundTask,
    TaskCancelled,
    TaskFailed,
    TaskSignals,
    TaskState,
    snapshot,
)
from planner.ui.state.file_guard import shown_path

if TYPE_CHECKING:
    from planner.analysis.montecarlo import SimulationResult
    from planner.model import Plan
    from planner.ui.state.document import PlanDocument

PAPERS = (("A4", "a4"), ("Letter", "letter"))
ORIENTATIONS = (("Portrait", "portrait"), ("Landscape", "landscape"))


def available_sections() -> list[tuple[str, str, str]]:
    """(name, title, description) of every report section, the registered extra ones included. Imported when the
    dialog opens, not with the app (ReportLab)."""
    from planner.report import available_sections as registry

    return registry()


def default_report_path(doc: PlanDocument) -> Path:
    """Next to the plan file (``roadmap.plan.json`` -> ``roadmap-report.pdf``), else in Documents by title."""
    if doc.path:
        p = Path(doc.path)
        stem = p.name.removesuffix(".json").removesuffix(".plan")
        return p.with_name(f"{stem}-report.pdf")
    title = doc.plan.title or "plan"
    from planner.io.common import file_stem

    slug = file_stem(title)
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
        Path.home()
    )
    return Path(folder) / f"{slug}-report.pdf"


def export_report(
    plan: Plan,
    estimate: str,
    path: Path,
    options: dict[str, Any],
    simulation: SimulationResult | None,
    state: TaskState,
) -> str:
    """The export itself, plain Python (no Qt): analyse ``plan`` (a snapshot) and write the report to ``path``,
    reporting to ``state`` and stopping when it is cancelled. Returns the path written; raises
    :class:`TaskCancelled` (no file written) or :class:`TaskFailed` with the message for the user."""
    from planner.analysis import analyze
    from planner.report import ReportCancelled, ReportError, build_report

    try:
        if state.cancelled:
            raise ReportCancelled("cancelled before it started")
        state.step(0.0, "Analysing the plan")
        analysis = analyze(plan, estimate)
        build_report(analysis, path, simulation=simulation, progress=state.step, **options)
    except ReportCancelled as exc:
        raise TaskCancelled(str(exc)) from exc
    except (ReportError, OSError) as exc:
        # The builder names a write's failure in a ReportError; the system's error is its context.
        cause = exc if isinstance(exc, OSError) else exc.__context__
        full = disk_full_text(cause) if isinstance(cause, OSError) else None
        if full:
            raise TaskFailed(
                f"{shown_path(path)} was not written: {full[0].lower()}{full[1:]}. Free some space and export "
                "again, or save the report on another disk."
            ) from exc
        if isinstance(exc, OSError):
            raise TaskFailed(f"{path}: cannot write: {exc.strerror or exc}") from exc
        raise TaskFailed(str(exc)) from exc
    except Exception as exc:  # reported in the dialog; the app keeps running
        raise TaskFailed(f"The report could not be made ({type(exc).__name__}: {exc}).") from exc
    return str(path)


class ExportRun:
    """The export running now: its :class:`TaskState` (cancel) and whether its worker has returned.
    ``isFinished()`` is named as ``QThread``'s, which the export ran on before the one background runner."""

    def __init__(self, state: TaskState, finished: threading.Event) -> None:
        self.state, self._finished = state, finished

    def cancel(self) -> None:
        self.state.cancel()

    def isFinished(self) -> bool:
        return self._finished.is_set()


class ReportDialog(QDialog):
    """Options (file, paper, orientation, sections, P-dates), then the export with progress and Cancel.

    Signals: ``export_started``; ``report_written(path)`` on success (the dialog then closes);
    ``export_cancelled``; ``export_failed(message)``.
    """

    export_started = Signal()
    report_written = Signal(str)
    export_cancelled = Signal()
    export_failed = Signal(str)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.export_thread: ExportRun | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = TaskSignals(self)
        self._signals.step.connect(self._on_step)
        self._signals.finished.connect(self._on_finished)
        self._run_id = 0
        self.last_outcome: tuple[str, str] | None = None
        self.setObjectName("reportDialog")
        self.setWindowTitle("Export Report")
        self.setMinimumWidth(520)
        settings = QSettings()

        form = QFormLayout()
        self.path_edit = QLineEdit(str(default_report_path(document)))
        self.path_edit.setObjectName("reportPath")
        browse = QPushButton("Browse\u2026")
        browse.setAutoDefault(False)  # Enter exports; it must not open the file chooser
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow("Save as:", row)

        self.paper = QComboBox()
        for label, value in PAPERS:
            self.paper.addItem(label, value)
        self.paper.setCurrentIndex(max(0, self.paper.findData(settings.value("report/paper", "a4"))))
        form.addRow("Paper:", self.paper)
        self.orientation = QComboBox()
        for label, value in ORIENTATIONS:
            self.orientation.addItem(label, value)
        self.orientation.setCurrentIndex(
            max(0, self.orientation.findData(settings.value("report/orientation", "landscape")))
        )
        form.addRow("Orientation:", self.orientation)

        self.sections = QListWidget()
        self.sections.setObjectName("reportSections")
        for name, title, description in available_sections():
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(description)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.sections.addItem(item)
        self.sections.setMinimumHeight(self.sections.sizeHintForRow(0) * min(11, self.sections.count()) + 6)
        form.addRow("Sections:", self.sections)

        self.simulation = self._simulation_result()
        # Short, under a "Monte Carlo:" label: "Risk: P50 / P80 finish from the last Monte Carlo run" needed 481 px
        # at 15 pt and was cut at 385 in the dialog on an 800x600 screen. Where the dates come from: the tooltip.
        self.use_simulation = QCheckBox("P50 / P80 finish dates")
        self.use_simulation.setChecked(self.simulation is not None)
        self.use_simulation.setEnabled(self.simulation is not None)
        self.use_simulation.setToolTip(
            "Add the P50 / P80 finish dates of the last Monte Carlo run (Risk tab) to the report"
            if self.simulation is not None
            else "Run a Monte Carlo simulation (Risk tab) to add P50 / P80 dates to the report"
        )
        form.addRow("Monte Carlo:", self.use_simulation)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.status = QLabel("Choose the options and press Export.")
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel_or_close)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._option_widgets = [
            self.path_edit,
            browse,
            self.paper,
            self.orientation,
            self.sections,
            self.use_simulation,
        ]
        # Every section in sight where the screen has room: at its least height the list showed 11 of 16, the
        # twelfth cut in half over a scroll bar, in the middle of a 2560x1440 panel.
        self._fit_to_sections()

    def _fit_to_sections(self) -> None:
        from planner.ui.screen_fit import available_area

        parent = self.parentWidget()
        room = available_area(parent.window() if parent is not None else None).height()
        self.resize(max(self.width(), self.sizeHint().width()), self.preferred_height(room))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            # Opened while presenting: given the room's type as it is shown, its rows taller (8 of 17 in sight).
            # Once its widgets have the type too (their font changes come after the dialog's), and on the screen.
            QTimer.singleShot(0, self, self._refit)

    def _refit(self) -> None:
        from planner.ui.screen_fit import fit_window

        self._fit_to_sections()
        if self.isVisible():
            fit_window(self)

    def preferred_height(self, room: int) -> int:
        """The dialog's height with every section of its list in sight (no scroll bar), at most ``room`` px (there
        the list scrolls)."""
        s = self.sections
        rows = sum(s.sizeHintForRow(k) for k in range(s.count())) + 2 * s.frameWidth() + 2 * s.spacing() + 2
        layout = self.layout()
        if layout is None:
            return room
        listed = max(s.minimumHeight(), s.sizeHint().height())
        return min(room, layout.sizeHint().height() - listed + max(rows, s.minimumHeight()))

    # -- options -----------------------------------------------------------------------------------------------
    def _simulation_result(self) -> Any:
        """The parent window's last Monte Carlo result, when it is current for this plan."""
        runner = getattr(self.parent(), "simulation", None)
        if runner is None or getattr(runner, "stale", True):
            return None
        return getattr(runner, "result", None)

    def chosen_sections(self) -> list[str]:
        return [
            self.sections.item(k).data(Qt.ItemDataRole.UserRole)
            for k in range(self.sections.count())
            if self.sections.item(k).checkState() == Qt.CheckState.Checked
        ]

    def options(self) -> dict[str, Any]:
        return {
            "paper": self.paper.currentData(),
            "orientation": self.orientation.currentData(),
            "sections": self.chosen_sections(),
        }

    def browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save report as", self.path_edit.text(), "PDF files (*.pdf)"
        )
        completed = completed_save_name(self, path, ".pdf", (".pdf",)) if path else None
        if completed:
            self.path_edit.setText(completed)

    # -- running ---------------------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.export_thread is not None

    def start(self) -> bool:
        """Start the export with the chosen options; False (with the reason shown) when they are not usable."""
        if self.running:
            return False
        text = self.path_edit.text().strip()
        if not text:
            return self._refuse("Choose a file to save the report to.")
        path = Path(text).expanduser()
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
            self.path_edit.setText(str(path))
        if not path.parent.is_dir():
            if os.path.lexists(path.parent):  # (notes.txt/report.pdf: the "folder" is there, as a file)
                return self._refuse(
                    f"{shown_path(path.parent)} is a file, not a folder: choose a folder to save the report in."
                )
            return self._refuse(f"The folder {shown_path(path.parent)} does not exist.")
        analysis = self.document.analysis if self.document.analysis_current else None
        if analysis is not None and analysis.errors:  # the export would analyse the plan only to refuse it
            return self._refuse(
                f"The plan has {units.count(len(analysis.errors), 'error')} to fix first (see Findings): a "
                "report needs a schedule."
            )
        options = self.options()
        if not options["sections"]:
            return self._refuse("Choose at least one section.")
        settings = QSettings()
        settings.setValue("report/paper", options["paper"])
        settings.setValue("report/orientation", options["orientation"])
        plan = snapshot(self.document.plan)  # the GUI may go on editing the original
        estimate = self.document.estimate
        simulation = self.simulation if self.use_simulation.isChecked() else None
        self._run_id += 1
        run_id = self._run_id
        state = TaskState(
            on_step=lambda fraction, message: self._signals.step.emit(run_id, fraction, message)
        )
        task = BackgroundTask(
            run_id,
            lambda: export_report(plan, estimate, path, options, simulation, state),
            self._signals,
        )
        self.export_thread = ExportRun(state, task.finished_event)
        self._set_running(True)
        self.progress.setValue(0)
        self.status.setText("Starting\u2026")
        self.last_outcome = None
        self._pool.start(task)
        self.export_started.emit()
        return True

    def keyPressEvent(self, event: Any) -> None:
        """Enter exports, wherever the focus is in the dialog (the sections list and the buttons included)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            if not self.running:
                self.start()
            event.accept()
            return
        super().keyPressEvent(event)

    def _refuse(self, message: str) -> bool:
        self.status.setText(message)
        return False

    def _set_running(self, running: bool) -> None:
        for w in self._option_widgets:
            w.setEnabled(not running and (w is not self.use_simulation or self.simulation is not None))
        self.export_button.setEnabled(not running)

    def cancel_export(self) -> None:
        """Ask the running export to stop; ``export_cancelled`` follows and no file is written."""
        if self.export_thread is not None:
            self.export_thread.cancel()
            self.status.setText("Cancelling\u2026")

    def cancel_or_close(self) -> None:
        if self.running:
            self.cancel_export()
        else:
            self.reject()

    def _on_step(self, run_id: int, fraction: float, message: str) -> None:
        if run_id != self._run_id or self.export_thread is None:
            return  # an export closed or superseded since
        self.progress.setValue(int(round(fraction * 1000)))
        if not self.export_thread.state.cancelled:
            self.status.setText(message)

    def _on_finished(self, run_id: int, result: str | None, error: str | None, _seconds: float) -> None:
        if run_id != self._run_id or self.export_thread is None:
            return
        if error is not None:
            self._on_outcome("failed", error)
        elif result is None:
            self._on_outcome("cancelled", "")
        else:
            self._on_outcome("done", result)

    def _on_outcome(self, kind: str, text: str) -> None:
        self._pool.waitForDone()  # the task has returned once it emits its outcome; this joins the worker
        self.export_thread = None
        self.last_outcome = (kind, text)
        self._set_running(False)
        if kind == "done":
            self.progress.setValue(1000)
            self.status.setText(f"Wrote {text}")
            self.report_written.emit(text)
            self.accept()
        elif kind == "cancelled":
            self.progress.setValue(0)
            self.status.setText("Cancelled: no file was written.")
            self.export_cancelled.emit()
        else:
            self.status.setText(text)
            self.export_failed.emit(text)

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until the worker has stopped (tests, closing); its outcome is delivered by the event loop."""
        if self.export_thread is None:
            return True
        return bool(self._pool.waitForDone(-1 if timeout_ms < 0 else timeout_ms))

    def done(self, result: int) -> None:
        # Closing while an export runs (Escape, the window's close button, the app quitting): stop it and join
        # the thread before the dialog and the thread object go away.
        if self.export_thread is not None:
            self.export_thread.cancel()
            self._run_id += 1  # its outcome, still queued, is no longer this dialog's business
            self._pool.waitForDone()
            self.export_thread = None
            self._set_running(False)
        super().done(result)
