"""Long work off the GUI thread: a pure task function plus one thin Qt runner (Orange ``concurrent.py`` style).

Every background job of the app runs the same way: the analysis of a large plan (``PlanDocument``), the Monte
Carlo (:class:`SimulationRunner`), a scenario comparison (``tabs/compare_view.py``) and the PDF report
(``dialogs/report_dialog.py``). Each is a plain function of a *snapshot* of the plan (:func:`snapshot`; the GUI
keeps editing the original) run by a :class:`BackgroundTask` on a ``QThreadPool`` of one, reporting progress and
checking for cancellation through a :class:`TaskState`, and finishing with one queued :class:`TaskSignals`
``finished`` signal. :func:`active_tasks` counts them, so that shutdown and the tests can wait for them.

:func:`run_simulation` is plain Python: it runs :func:`planner.analysis.montecarlo.simulate` on a plan, reporting
progress to a :class:`TaskState` and stopping when the state is cancelled. It is tested without Qt.

:class:`SimulationRunner` owns one worker thread, starts the task on a snapshot, forwards progress through queued
signals, and knows which plan generation a result belongs to, so views can mark it stale after an edit.
``shutdown()`` cancels and joins.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

if TYPE_CHECKING:
    from planner.analysis.montecarlo import SimulationResult
    from planner.model import Plan
    from planner.ui.state.document import PlanDocument

_ACTIVE: set[int] = set()
_ACTIVE_LOCK = threading.Lock()


def active_tasks() -> int:
    """Background tasks (analyses, simulations, comparisons, reports) running in worker threads now."""
    with _ACTIVE_LOCK:
        return len(_ACTIVE)


active_simulations = active_tasks  # the name the tests and the shutdown path have used since the Monte Carlo


def snapshot(plan: Plan) -> Plan:
    """A copy of ``plan`` that no later edit reaches, for a worker thread to read while the GUI edits the original.

    A deep copy: the edit layer replaces field values and inserts into or removes from the plan's lists and the
    layout, so every model, list and dict must be the worker's own (:func:`planner.model.plan.structural_copy`:
    ~0.1 s at 10,000 decisions, against ~0.43 s for ``model_copy(deep=True)``)."""
    from planner.model.plan import structural_copy

    copy: Plan = structural_copy(plan)
    return copy


class TaskFailed(Exception):
    """Raised by a task with a message written for the user; shown as it is (other errors get their type)."""


class TaskCancelled(Exception):
    """Raised by a task that stopped because it was asked to (as ``SimulationCancelled`` is)."""


class TaskState:
    """Progress and cancellation between a task and whoever runs it; thread-safe, no Qt.

    ``on_progress(done, total)`` (counted work: iterations) and ``on_step(fraction, message)`` (a share of the
    work and what is being done, as the report builder reports it) are called from the task's thread; keep them
    cheap (the Qt runner emits a signal).
    """

    def __init__(
        self,
        on_progress: Callable[[int, int], object] | None = None,
        on_step: Callable[[float, str], object] | None = None,
    ) -> None:
        self._cancelled = threading.Event()
        self.on_progress = on_progress
        self.on_step = on_step
        self.done = 0
        self.total = 0

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def progress(self, done: int, total: int) -> bool:
        """The ``progress`` callback of :func:`simulate`: records, forwards, returns False once cancelled."""
        self.done, self.total = done, total
        if self.on_progress is not None:
            self.on_progress(done, total)
        return not self.cancelled

    def step(self, fraction: float, message: str) -> bool:
        """The ``progress`` callback of :func:`planner.report.build_report`: forwards, returns False once cancelled."""
        if self.on_step is not None:
            self.on_step(fraction, message)
        return not self.cancelled


def run_simulation(plan: Plan, iterations: int, seed: int | None, state: TaskState) -> SimulationResult:
    """Simulate ``plan`` (weeks; see :func:`planner.analysis.montecarlo.simulate`), reporting to ``state``.

    Raises :class:`planner.analysis.montecarlo.SimulationCancelled` when ``state`` is cancelled (before the
    start or at the next chunk), and :class:`planner.analysis.ScheduleError` on a cyclic plan."""
    from planner.analysis.montecarlo import SimulationCancelled, simulate

    if state.cancelled:
        raise SimulationCancelled("cancelled before it started")
    return simulate(plan, iterations, seed, progress=state.progress)


@dataclass
class SimulationRun:
    """A finished run: the result, and the plan generation and settings it was computed for."""

    result: SimulationResult
    generation: int
    iterations: int
    seed: int | None
    seconds: float


class TaskSignals(QObject):
    """What a :class:`BackgroundTask` reports: ``progress(run id, done, total)``; ``step(run id, fraction,
    message)``; ``finished(run id, result or None, error message or None, seconds)`` (both None: cancelled)."""

    progress = Signal(int, int, int)
    step = Signal(int, float, str)
    finished = Signal(int, object, object, float)


class BackgroundTask(QRunnable):
    """One long pure function off the GUI thread: ``work()`` runs on a snapshot of the plan it was given, reports
    through ``signals``, and is counted in :func:`active_tasks` so that shutdown and the tests can wait for it.

    A cancel (:class:`TaskCancelled`, ``SimulationCancelled``) finishes with neither result nor error; a
    :class:`TaskFailed` with its message; any other error with its type and message (the view that asked shows
    it, the app keeps running). ``finished_event`` is set once ``finished`` has been emitted."""

    def __init__(self, run_id: int, work: Callable[[], Any], signals: TaskSignals) -> None:
        super().__init__()
        self.run_id, self.work, self.signals = run_id, work, signals
        self.finished_event = threading.Event()
        self.setAutoDelete(True)

    def run(self) -> None:
        from planner.analysis.montecarlo import SimulationCancelled

        key = id(self)
        with _ACTIVE_LOCK:
            _ACTIVE.add(key)
        try:
            t0 = time.perf_counter()
            result: Any = None
            error: str | None = None
            try:
                result = self.work()
            except (TaskCancelled, SimulationCancelled):
                pass
            except TaskFailed as exc:
                error = str(exc)
            except Exception as exc:  # noqa: BLE001 - shown in the view that asked, the app keeps running
                error = f"{type(exc).__name__}: {exc}"
            self.signals.finished.emit(self.run_id, result, error, time.perf_counter() - t0)
        finally:
            self.finished_event.set()
            with _ACTIVE_LOCK:
                _ACTIVE.discard(key)


class SimulationRunner(QObject):
    """Runs one simulation at a time for a document, off the GUI thread.

    Signals: ``started``; ``progress(done, total)`` (iterations); ``finished(SimulationRun)``; ``cancelled``;
    ``failed(message)``; ``stale_changed(bool)`` when the plan is edited after the last result (or that result
    is current again after a new run).
    """

    started = Signal()
    progress = Signal(int, int)
    finished = Signal(object)  # SimulationRun
    cancelled = Signal()
    failed = Signal(str)
    stale_changed = Signal(bool)

    def __init__(self, doc: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.last: SimulationRun | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = TaskSignals(self)
        self._signals.progress.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._run_id = 0
        self._state: TaskState | None = None
        self._settings: tuple[int, int, int | None] = (0, 0, None)  # generation, iterations, seed
        self._stale = False
        self._edited_during_run = False
        self._closed = False
        doc.plan_changed.connect(self._on_plan_changed)
        doc.plan_reset.connect(self._on_plan_reset)

    # -- state ---------------------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._state is not None

    @property
    def stale(self) -> bool:
        """True when the plan changed after the last result was computed."""
        return self._stale

    @property
    def result(self) -> SimulationResult | None:
        return self.last.result if self.last is not None else None

    # -- control -------------------------------------------------------------------------------------------
    def start(self, iterations: int, seed: int | None) -> bool:
        """Start a run on a snapshot of the plan; a running one is cancelled first. False when closed."""
        if self._closed:
            return False
        self.cancel()
        self._run_id += 1
        run_id = self._run_id
        state = TaskState(on_progress=lambda done, total: self._signals.progress.emit(run_id, done, total))
        self._state = state
        self._settings = (self.doc.generation, iterations, seed)
        self._edited_during_run = False
        # The worker must never see the plan change under it: it gets its own copy, made here on the GUI thread.
        # The simulation only reads it (its result keeps no plan): decisions and links as rows, ~25 ms at 10,000
        # decisions against ~0.25 s for snapshot()'s deep copy (issue 12).
        from planner.model.rows import read_only_copy

        plan = read_only_copy(self.doc.plan)
        self._pool.start(
            BackgroundTask(run_id, lambda: run_simulation(plan, iterations, seed, state), self._signals)
        )
        self.started.emit()
        return True

    def cancel(self) -> None:
        """Ask the running simulation to stop at its next progress tick; ``cancelled`` follows."""
        if self._state is not None:
            self._state.cancel()

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until the worker is idle (tests, shutdown); queued signals are delivered by the event loop."""
        return bool(self._pool.waitForDone(timeout_ms))

    def shutdown(self) -> None:
        """Cancel and join the worker; nothing is started afterwards (the window is closing)."""
        self._closed = True
        self.cancel()
        self._pool.clear()
        self._pool.waitForDone()
        self._state = None

    # -- worker notifications --------------------------------------------------------------------------------
    def _on_progress(self, run_id: int, done: int, total: int) -> None:
        if run_id == self._run_id and self._state is not None:
            self.progress.emit(done, total)

    def _on_finished(
        self, run_id: int, result: SimulationResult | None, error: str | None, seconds: float
    ) -> None:
        if run_id != self._run_id:
            return  # superseded by a newer run; its own notification follows
        state, self._state = self._state, None
        if self._closed:
            return
        if error is not None:
            self.failed.emit(error)
        elif result is None or (state is not None and state.cancelled):
            self.cancelled.emit()
        else:
            generation, iterations, seed = self._settings
            self.last = SimulationRun(result, generation, iterations, seed, seconds)
            self._set_stale(self._edited_during_run)
            self.finished.emit(self.last)

    def _on_plan_changed(self) -> None:
        if self._state is not None:
            self._edited_during_run = True  # the run simulates the plan as it was when it started
        if self.last is not None:
            self._set_stale(True)

    def _on_plan_reset(self) -> None:
        self.cancel()
        if self.last is not None:
            self._set_stale(True)

    def _set_stale(self, stale: bool) -> None:
        if stale != self._stale:
            self._stale = stale
            self.stale_changed.emit(stale)
