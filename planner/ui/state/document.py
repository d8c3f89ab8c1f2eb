"""The open plan, its undo stack, its live analysis and the selection: what every view of a window shares.

:class:`PlanDocument` is the edit facade: views call its methods (``edit_decision``, ``add_dependency``,
``delete_decisions`` ...), which check the edit, build :mod:`planner.ui.state.undo` and push them on
``undo_stack``. Nothing else mutates ``plan``.

Analysis is re-run after every edit, undo and redo, debounced so that a burst of edits costs one run: on the GUI
thread when the plan is small (a few milliseconds), in a worker thread when it is large. Every run carries a
generation number; a result whose generation is not the latest is discarded.
"""

from __future__ import annotations

import gc
import logging
import time
from collections import deque
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError
from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtGui import QUndoStack
from shiboken6 import isValid

from planner import units
from planner.model import Decision, Dependency, Plan, Position, ThreePoint, edits, new_plan
from planner.model.plan import Baseline
from planner.ui.state import undo as cmd
from planner.ui.state.background import BackgroundTask, TaskSignals, active_tasks

if TYPE_CHECKING:
    from planner.analysis import Analysis
    from planner.analysis.baselines import Variance
    from planner.analysis.capacity import Levelled, OverStretch
    from planner.analysis.schedule import Schedule

T = TypeVar("T")

log = logging.getLogger(__name__)

FIELD_LABELS = {
    "id": "Id",
    "title": "Title",
    "area": "Area",
    "stage": "Stage",
    "owner": "Owner",
    "duration": "Duration",
    "headcount": "Headcount",
    "cost": "Cost",
    "status": "Status",
    "progress": "Progress",
    "not_before": "Earliest Start",
    "milestone": "Milestone",
    "references": "References",
    "tags": "Tags",
    "notes": "Notes",
    "type": "Dependency Type",
    "lag": "Lag",
    "note": "Dependency Note",
    "from_": "Predecessor",
    "to": "Successor",
    "name": "Name",
    "goal": "Goal",
    "text": "Criterion",
    "met": "Gate Criterion",
    "color": "Color",
    "capacity": "Capacity",
    "description": "Description",
    "start_date": "Start Date",
    "status_date": "Status Date",
    "actual_start": "Actual Start",
    "actual_finish": "Actual Finish",
    "currency": "Currency",
}

MAX_EDIT_WEEKS = 520
"""The longest estimate an edit may set, in weeks (10 years); longer is a typo, refused with a message."""


def active_workers() -> int:
    """Background tasks running in worker threads, analyses included (for tests that check nothing is left
    running): :func:`planner.ui.state.background.active_tasks`."""
    return active_tasks()


def validation_message(exc: ValidationError) -> str:
    """The first problem of a pydantic error, in words (``Progress must be at most 100``, ``Title cannot be
    empty``); pydantic's own words, after the field, for the rarer kinds."""
    err = exc.errors(include_url=False)[0]
    msg = str(err["msg"]).removeprefix("Value error, ")
    parts = [str(x) for x in err.get("loc", ()) if not str(x).startswith(("function-", "constrained"))]
    loc = ".".join(parts)
    label = FIELD_LABELS.get(parts[0], parts[0]) if len(parts) == 1 else loc
    ctx = err.get("ctx") or {}
    kind = err.get("type", "")
    bound = next((ctx[k] for k in ("le", "lt", "ge", "gt") if k in ctx), None)
    if label and isinstance(bound, int | float) and kind.startswith(("less_than", "greater_than")):
        most = "at most" if kind.startswith("less_than") else "at least"
        shown = f"{bound:,.0f}" if float(bound).is_integer() else f"{bound:,}"
        unit = " weeks" if parts[0] in ("not_before", "lag", "optimistic", "likely", "pessimistic") else ""
        return f"{label} must be {most} {shown}{unit}"
    if label and kind == "string_pattern_mismatch":
        from planner.model.io import pattern_words

        words = pattern_words(ctx.get("pattern"))
        if words:
            return f"{label}: {words}"
    if label and kind == "string_too_short" and ctx.get("min_length") == 1:
        return f"{label} cannot be empty"
    if label and kind == "string_too_long" and "max_length" in ctx:
        return f"{label} must be at most {ctx['max_length']:,} characters"
    return f"{loc}: {msg}" if loc else msg


def analyze_snapshot(plan: Plan, estimate: str) -> Analysis:
    """The worker's task: analyse a snapshot of ``plan`` (weeks, under ``estimate``), so that the GUI thread may
    edit the original meanwhile. The copy is made here, in the worker, to keep it off the GUI thread: an edit
    during the copy bumps the document's generation before the result is delivered, so the result is dropped as
    any result of an older plan is."""
    from planner.analysis import analyze
    from planner.model.rows import read_only_copy

    # The analysis only reads: the decisions and links as rows (~25 ms at 10,000 decisions, against ~0.25 s for a
    # deep copy, with the GIL held and the GUI waiting; issue 12). The views never see them: a current result's
    # ``plan`` is set to the live plan (_on_worker_done).
    copy = read_only_copy(plan)
    if plan.scenarios:
        # The validation reads them (a scenario that names a deleted decision: scenario-unknown-reference), and
        # read_only_copy leaves them out: a large plan's status bar and Findings said "0 warnings" where
        # `planner check` and a small plan's window gave one.
        copy.__dict__["scenarios"] = [s.model_copy(deep=True) for s in list(plan.scenarios)]
    return analyze(copy, estimate)


class PlanDocument(QObject):
    """One open plan. See the module docstring; the public surface is the contract with the views."""

    # -- the contract -------------------------------------------------------------------------------------
    plan_changed = Signal()  # after any edit, undo or redo (once per undo step), and after a new plan is set
    analysis_updated = Signal(object)  # planner.analysis.Analysis
    selection_changed = Signal(list)  # list[str]

    # -- finer-grained notifications for item models --------------------------------------------------------
    decisions_about_to_be_inserted = Signal(int)
    decisions_inserted = Signal(int)
    decisions_about_to_be_removed = Signal(int)
    decisions_removed = Signal(int)
    decision_changed = Signal(object, list)  # Decision, field names
    dependencies_changed = Signal()
    layout_changed = Signal(list)  # ids whose card position changed
    plan_meta_changed = Signal()  # title, start date, stages, areas, teams, criteria
    plan_reset = Signal()  # a different plan was set (open, new, revert)
    path_changed = Signal(object)  # str | None
    modified_changed = Signal(bool)
    analysis_started = Signal()
    analysis_failed = Signal(str)
    estimate_changed = Signal(str)
    baseline_changed = Signal(object)  # str | None: the baseline the views compare against (a view setting)

    SYNC_LIMIT = 2000
    """Plans with fewer decisions are analysed on the GUI thread (a few ms); larger ones in a worker."""

    INCREMENTAL_LIMIT = 20_000
    """Edits of plans up to this size are re-analysed incrementally on the GUI thread (at 10,000 decisions ~0.1-0.2
    s when an edit moves half the plan); larger plans keep the full analysis in a worker, so the GUI never waits."""

    def __init__(
        self, plan: Plan | None = None, path: str | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.plan: Plan = plan if plan is not None else new_plan()
        self.analysis: Analysis | None = None
        self.undo_stack = QUndoStack(self)
        self.selection: list[str] = []
        self.path: str | None = path
        self.estimate = "likely"
        self.last_error: str | None = None
        self.baseline_name: str | None = None  # None: the newest baseline
        self._derived: dict[str, tuple[object, Any]] = {}  # name -> (analysis it was computed for, value)
        self._generation = 0
        self._analysed_generation = -1
        self._analysis_generation = (
            -1
        )  # the generation ``analysis`` was computed for (a failed one keeps the older)
        self._succ_cache: dict[str, list[str]] | None = None
        self._resetting = False
        self._select_after: list[str] | None = None  # select_after_step
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._run_analysis)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = TaskSignals(self)
        self._signals.finished.connect(self._on_worker_done)
        self._pending_worker = False
        self.edit_times: deque[float] = deque(maxlen=8)  # perf_counter() of the last edits (benchmarks)
        # Decisions whose durations or earliest starts changed since ``analysis`` was computed; None once anything
        # else changed. Such edits are re-analysed incrementally (planner.analysis.incremental), at once.
        self._since_analysis: set[str] | None = None
        self.incremental_runs = 0  # analyses done incrementally (tests, benchmarks)
        self.decision_changed.connect(self._note_decision_changed)
        for signal in (
            self.decisions_inserted,
            self.decisions_removed,
            self.dependencies_changed,
            self.plan_meta_changed,
            self.plan_reset,
            self.estimate_changed,
        ):
            signal.connect(self._note_other_change)
        self.undo_stack.indexChanged.connect(self._on_index_changed)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._heap_timer = QTimer(self)
        self._heap_timer.setSingleShot(True)
        self._heap_timer.setInterval(self.HEAP_SETTLE_MS)
        self._heap_timer.timeout.connect(self._settle_heap_now)
        self.plan_reset.connect(self._release_heap)
        from planner.ui.state.scenarios import ScenarioState

        self.scenarios = ScenarioState(self)  # the active scenario (issue 13); ``plan`` is then that scenario
        self.request_analysis(immediate=True)

    # -- the garbage collector ------------------------------------------------------------------------------
    HEAP_SETTLE_MS = 1000
    """How long after a large plan's full analysis (or its graph's build) its objects are set aside."""

    def settle_heap(self) -> None:
        """Soon (:data:`HEAP_SETTLE_MS`, restarted by each call), when the plan is large: collect garbage once,
        then move every object alive to the collector's permanent generation (:func:`gc.freeze`).

        A 10,000-decision plan with its views is ~0.5 million objects, and Python's full collection walked all
        of them every few edits (~180 ms on the GUI thread, issue 12); frozen, they are not walked again. Released
        (:func:`gc.unfreeze`) when another plan is set, so that nothing of the old one stays uncollectable."""
        if len(self.plan.decisions) >= self.SYNC_LIMIT:
            self._heap_timer.start()

    def _settle_heap_now(self) -> None:
        gc.collect()
        gc.freeze()

    def _release_heap(self) -> None:
        self._heap_timer.stop()
        gc.unfreeze()

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    # -- state -------------------------------------------------------------------------------------------
    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def generation(self) -> int:
        """Increases with every change of the plan; ``analysis`` is current when ``analysis_current``."""
        return self._generation

    @property
    def analysis_current(self) -> bool:
        return self._analysed_generation == self._generation

    @property
    def drawable_analysis(self) -> Analysis | None:
        """The analysis when no edit has come since it was computed, else None.

        ``analysis.plan`` is the live plan, which edits change in place: between an edit and its analysis the plan
        has decisions (or links) the schedule does not know, and a chart or figure drawn from the two together
        fails or shows a mix. A view that draws from plan and analysis keeps its picture until the next
        ``analysis_updated`` instead (for a few milliseconds after an edit; seconds on a plan analysed in a
        worker). After a failed analysis it is None too: ``analysis`` is then still an older plan's."""
        return self.analysis if self._analysis_generation == self._generation else None

    def decision(self, decision_id: str) -> Decision | None:
        return self.plan.decision(decision_id)

    def set_plan(self, plan: Plan, path: str | None = None) -> None:
        """Replace the plan (open, new, revert): the undo history starts afresh and the plan is clean."""
        self._resetting = True
        try:
            self.undo_stack.clear()
            self.plan = plan
            self.analysis = None
            self._succ_cache = None
            self.undo_stack.setClean()
        finally:
            self._resetting = False
        self.path = path
        self.selection = []
        self.baseline_name = None
        self._derived.clear()
        self.scenarios.reset()
        self.plan_reset.emit()
        self.path_changed.emit(path)
        self.selection_changed.emit([])
        self._changed()
        self.modified_changed.emit(False)

    def file_plan(self) -> Plan:
        """The plan as it is saved: the base plan with its scenarios. While a scenario is active, ``plan`` is that
        scenario materialised (see :mod:`planner.ui.state.scenarios`)."""
        return self.scenarios.file_plan()

    def set_path(self, path: str | None) -> None:
        self.path = path
        self.path_changed.emit(path)

    @property
    def display_name(self) -> str:
        """The file's name as the title bar and the questions show it (on one line, a very long name shortened:
        :func:`planner.ui.state.file_guard.shown_path`), or "Untitled"."""
        from planner.ui.state.file_guard import shown_path

        return shown_path(Path(self.path).name) if self.path else "Untitled"

    def set_estimate(self, estimate: str) -> None:
        """Which estimate the schedule uses (likely, optimistic, pessimistic, pert). A view setting, not an edit."""
        if estimate != self.estimate:
            self.estimate = estimate
            self.estimate_changed.emit(estimate)
            self._generation += 1
            self.request_analysis(immediate=True)

    # -- figures derived from the analysis (computed on demand, cached per analysis) ------------------------------
    def _derive(self, name: str, compute: Callable[[Analysis, Schedule], T]) -> T | None:
        a = self.analysis
        if a is None or a.schedule is None:
            return None
        cached = self._derived.get(name)
        if cached is not None and cached[0] is a:
            return cached[1]
        value = compute(a, a.schedule)
        self._derived[name] = (a, value)
        return value

    def levelled(self) -> Levelled | None:
        """The capacity-levelled schedule of the current analysis (:class:`planner.analysis.capacity.Levelled`),
        or None without a schedule. Computed on first use and cached until the next analysis."""
        from planner.analysis.capacity import DEFAULT_METHOD, level

        return self._derive("levelled", lambda a, s: level(a.plan, s, DEFAULT_METHOD))

    def over_capacity(self) -> list[OverStretch]:
        """Every team's over-capacity stretches under the current schedule
        (:func:`planner.analysis.capacity.over_capacity_stretches`), cached until the next analysis."""
        from planner.analysis.capacity import over_capacity_stretches

        return self._derive("over_capacity", lambda a, s: over_capacity_stretches(a.plan, s.es, s.ef)) or []

    # -- baselines --------------------------------------------------------------------------------------------
    def current_baseline(self) -> Baseline | None:
        """The baseline the views compare against: the chosen one, else the newest; None when there is none."""
        chosen = self.plan.baseline(self.baseline_name) if self.baseline_name is not None else None
        return chosen or self.plan.baseline()

    def set_baseline_name(self, name: str | None) -> None:
        """Compare against the baseline called ``name`` (None: the newest). A view setting, not an edit."""
        if name != self.baseline_name:
            self.baseline_name = name
            self._derived.pop("variance", None)
            self.baseline_changed.emit(name)

    def variance(self) -> Variance | None:
        """The current schedule against :meth:`current_baseline` (:class:`planner.analysis.baselines.Variance`),
        or None when there is no schedule or no baseline."""
        base = self.current_baseline()
        if base is None:
            return None
        a = self.analysis
        if a is None or a.schedule is None:
            return None
        cached = self._derived.get("variance")
        if cached is not None and isinstance(key := cached[0], tuple) and key[0] is a and key[1] is base:
            return cached[1]
        from planner.analysis.baselines import variance

        value = variance(a.schedule, base, a.plan)  # actual starts honoured (issue 16)
        self._derived["variance"] = ((a, base), value)
        return value

    def save_baseline(self, name: str) -> str | None:
        """Keep the current schedule as baseline ``name`` (replacing one of that name) as one undo step, and
        compare against it. Returns None, or why it could not be saved."""
        from planner.analysis.baselines import make_baseline, with_baseline
        from planner.model.names import name_key

        name = name.strip()
        if not name:
            return "a baseline needs a name"
        if self.analysis is None or not self.analysis_current:
            self.analyze_now()
        a = self.analysis
        if a is None or a.schedule is None:
            return "the plan has no schedule (fix the errors first)"
        baseline = make_baseline(a.schedule, name, stages=a.stages, plan=a.plan)
        try:  # the command line's rule: a name alike to the eye replaces; no more than a plan file holds
            with_baseline(self.plan, baseline)
        except ValueError as exc:
            return str(exc)
        key = name_key(name)
        existing = next((k for k, b in enumerate(self.plan.baselines) if name_key(b.name) == key), None)
        if existing is None:
            self.add_item(self.plan, "baselines", baseline, f"Save Baseline '{name}'")
        else:
            self.undo_stack.beginMacro(f"Replace Baseline '{name}'")
            self.undo_stack.push(
                cmd.RemoveItemCommand(self, self.plan, "baselines", existing, "Remove Baseline")
            )
            self.undo_stack.push(
                cmd.InsertItemCommand(self, self.plan, "baselines", existing, baseline, "Add Baseline")
            )
            self.undo_stack.endMacro()
        self.baseline_name = None
        self.set_baseline_name(name)
        return None

    # -- risks ------------------------------------------------------------------------------------------------
    def add_risk(self, title: str = "New risk", **fields: Any) -> str | None:
        """Add a risk to the register (at the end); returns its id, or None when the fields do not validate."""
        from planner.model.plan import Risk

        taken = {r.id for r in self.plan.risks}
        rid = fields.pop("id", None)
        if not rid:
            k = len(self.plan.risks) + 1
            while f"risk-{k}" in taken:
                k += 1
            rid = f"risk-{k}"
        values: dict[str, Any] = {"probability": 0.5, "impact": 1.0}
        values.update(fields)
        try:
            risk = Risk(id=rid, title=title, **values)
        except ValidationError:
            return None
        self.add_item(self.plan, "risks", risk, "Add Risk")
        return rid

    def remove_risks(self, indices: list[int]) -> None:
        """Remove risks by index into ``plan.risks``; one undo step."""
        valid = sorted({i for i in indices if 0 <= i < len(self.plan.risks)}, reverse=True)
        if not valid:
            return
        text = f"Remove {units.agree(len(valid), 'Risk', units.count(len(valid), 'Risk'))}"
        self.undo_stack.beginMacro(text)
        for i in valid:
            self.undo_stack.push(cmd.RemoveItemCommand(self, self.plan, "risks", i, text))
        self.undo_stack.endMacro()

    def edit_risk(self, index: int, **changes: Any) -> str | None:
        """Change fields of ``plan.risks[index]``; an id must stay unique. Returns None, or why it was refused."""
        risk = self.plan.risks[index]
        new_id = changes.get("id", risk.id)
        if new_id != risk.id and any(r.id == new_id for k, r in enumerate(self.plan.risks) if k != index):
            return f"another risk already has the id '{new_id}'"
        labels = {
            "probability": "Probability",
            "impact": "Impact",
            "decisions": "Decisions",
            "mitigation": "Mitigation",
            "owner": "Owner",
            "title": "Title",
            "id": "Id",
        }
        changed = [k for k, v in changes.items() if getattr(risk, k) != v]
        text = "Change Risk " + ", ".join(labels.get(k, k.title()) for k in changed) if changed else None
        return self.edit_object(risk, text, **changes)

    # -- selection -----------------------------------------------------------------------------------------
    def select(self, ids: list[str]) -> None:
        """Select decisions by id (unknown ids are ignored, order kept, duplicates dropped)."""
        known = {d.id for d in self.plan.decisions}
        clean = list(dict.fromkeys(i for i in ids if i in known))
        if clean != self.selection:
            self.selection = clean
            self.selection_changed.emit(list(clean))

    def _prune_selection(self) -> None:
        if not self.selection:
            return
        known = {d.id for d in self.plan.decisions}
        kept = [i for i in self.selection if i in known]
        if kept != self.selection:
            self.selection = kept
            self.selection_changed.emit(list(kept))

    # -- the changes undo commands apply (the only mutation paths) -------------------------------------------
    # Each applies one change through planner.model.edits and emits the signals the views need. Only the commands
    # of planner.ui.state.undo call these (views call the edit methods above, which build and push commands).
    def apply_insert_decision(self, index: int, decision: Decision) -> None:
        """Insert ``decision`` at ``index`` of ``plan.decisions``."""
        self._editing()
        self.decisions_about_to_be_inserted.emit(index)
        edits.insert_decision(self.plan, index, decision)
        self._succ_cache = None
        self.decisions_inserted.emit(index)

    def apply_remove_decision(self, index: int) -> Decision:
        """Remove ``plan.decisions[index]``; returns it."""
        self._editing()
        self.decisions_about_to_be_removed.emit(index)
        decision = edits.remove_decision(self.plan, index)
        self._succ_cache = None
        self.decisions_removed.emit(index)
        return decision

    def apply_fields(self, obj: BaseModel, values: dict[str, Any]) -> dict[str, Any]:
        """Set fields of a plan object; returns the old values."""
        self._editing()
        old = edits.set_fields(obj, values)
        self._object_changed(obj, list(values))
        return old

    def apply_insert_item(self, owner: BaseModel, attr: str, index: int, item: Any) -> None:
        """Insert ``item`` into the list field ``attr`` of ``owner`` (stages, areas, teams, risks, baselines …)."""
        self._editing()
        edits.insert_item(owner, attr, index, item)
        self._object_changed(owner, [attr])

    def apply_remove_item(self, owner: BaseModel, attr: str, index: int) -> Any:
        """Remove item ``index`` of the list field ``attr`` of ``owner``; returns it."""
        self._editing()
        item = edits.remove_item(owner, attr, index)
        self._object_changed(owner, [attr])
        return item

    def apply_insert_dependencies(self, items: list[tuple[int, Dependency]]) -> None:
        """Insert links at their final indices (ascending)."""
        self._editing()
        edits.insert_dependencies(self.plan, items)
        self._dependencies_changed()

    def apply_remove_dependencies(self, indices: list[int]) -> list[tuple[int, Dependency]]:
        """Remove the links at ``indices``; returns ``(index, link)`` pairs for re-insertion."""
        self._editing()
        items = edits.remove_dependencies(self.plan, indices)
        self._dependencies_changed()
        return items

    def apply_layout(self, positions: Mapping[str, Position | None]) -> dict[str, Position | None]:
        """Set card positions (None: laid out again); returns the old ones."""
        old = edits.set_layout(self.plan, positions)
        if positions:
            self.layout_changed.emit(list(positions))
        return old

    def apply_rename(self, rename: edits.Rename, forward: bool = True) -> None:
        """Apply (or, with ``forward=False``, revert) a decision's rename everywhere; the selection follows."""
        self._editing()
        if forward:
            rename.apply(self.plan)
            old, new = rename.old_id, rename.new_id
        else:
            rename.revert(self.plan)
            old, new = rename.new_id, rename.old_id
        self.decision_changed.emit(rename.decision, ["id"])
        self._dependencies_changed()
        if old in self.selection:
            self.selection = [new if x == old else x for x in self.selection]
            self.selection_changed.emit(list(self.selection))

    def apply_plan(self, plan: Plan) -> Plan:
        """Make ``plan`` the document's plan (views reset as for a new plan, the undo history stays); returns the
        plan it replaced. The two are swapped, never copied."""
        self._editing()
        old, self.plan = self.plan, plan
        self._succ_cache = None
        self._derived.clear()
        self.plan_reset.emit()
        return old

    def _editing(self) -> None:
        """The plan is about to change: from now on the analysis is an older plan's (``drawable_analysis`` is
        None). The step's own signals come before the undo stack's index change (:meth:`_changed`), and a view
        answering one of them (the selection following a renamed decision: the presenter bar's cost figure) read
        the new plan against the old schedule and failed on the new id."""
        self._generation += 1

    def _object_changed(self, obj: Any, fields: list[str]) -> None:
        if isinstance(obj, Decision):
            self.decision_changed.emit(obj, fields)
        elif isinstance(obj, Dependency):
            self._dependencies_changed()
        else:
            self.plan_meta_changed.emit()

    def _dependencies_changed(self) -> None:
        self._succ_cache = None
        self.dependencies_changed.emit()

    def select_after_step(self, ids: list[str]) -> None:
        """Select ``ids`` once the undo step being done or undone is complete, when nothing is selected then (an
        undo command brings decisions back: the views have their rows and cards only after the step's signals;
        a selection the user still has is left alone)."""
        self._select_after = list(ids)

    def _on_index_changed(self, _index: int) -> None:
        if self._resetting:
            return
        self._prune_selection()
        self._changed()
        if self._select_after is not None:
            ids, self._select_after = self._select_after, None
            if not self.selection:
                self.select(ids)

    def _changed(self) -> None:
        self._generation += 1
        self.edit_times.append(time.perf_counter())
        self.plan_changed.emit()
        self.request_analysis()

    # -- analysis -----------------------------------------------------------------------------------------
    def request_analysis(self, immediate: bool = False) -> None:
        """Schedule a re-analysis (debounced: a burst of edits costs one run; an incremental one runs at once)."""
        large = len(self.plan.decisions) >= self.SYNC_LIMIT
        incremental = (
            self._since_analysis is not None
            and self.analysis is not None
            and len(self.plan.decisions) <= self.INCREMENTAL_LIMIT
        )
        self._timer.start(0 if (immediate or incremental or not large) else 15)

    def _note_decision_changed(self, decision: Decision, fields: list[str]) -> None:
        from planner.analysis.incremental import FIELDS

        if self._since_analysis is not None and FIELDS.issuperset(fields):
            self._since_analysis.add(decision.id)
        else:
            self._since_analysis = None

    def _note_other_change(self, *_args: object) -> None:
        self._since_analysis = None

    def _run_incremental(self) -> bool:
        """After edits of durations or earliest starts only: re-analyse what they can change, on this thread
        (:func:`planner.analysis.incremental.reanalyze`). False when the full analysis is needed."""
        changed, previous = self._since_analysis, self.analysis
        if changed is None or previous is None or previous.plan is not self.plan:
            return False
        if len(self.plan.decisions) > self.INCREMENTAL_LIMIT:
            return False
        from planner.analysis.incremental import reanalyze

        try:
            result = reanalyze(previous, self.plan, changed, self.estimate)
        except Exception:  # the full analysis decides (and reports a real problem)
            log.exception("incremental analysis failed")
            return False
        if result is None:
            return False
        self.incremental_runs += 1
        self._set_result(self._generation, result, None)
        return True

    def analyze_now(self) -> None:
        """Run the analysis synchronously now (used by tests, screenshots and before saving a report)."""
        self._timer.stop()
        self._set_result(self._generation, *self._analyze(self.plan))

    def _analyze(self, plan: Plan) -> tuple[Analysis | None, str | None]:
        try:
            # Imported here, not at the top: numpy and the analysis load after the window is first shown.
            from planner.analysis import analyze

            return analyze(plan, self.estimate), None
        except Exception as exc:  # an analysis bug must not take the editor down
            log.exception("analysis failed")
            return None, f"{type(exc).__name__}: {exc}"

    def _run_analysis(self) -> None:
        if self._analysed_generation == self._generation:
            return
        self.analysis_started.emit()
        if self._run_incremental():
            return
        if len(self.plan.decisions) < self.SYNC_LIMIT:
            self._set_result(self._generation, *self._analyze(self.plan))
            return
        if self._pending_worker:
            return  # one run at a time; _on_worker_done starts the next if the plan moved on
        self._pending_worker = True
        # The worker analyses its own snapshot (analyze_snapshot); any edit meanwhile bumps the generation, so
        # the result is discarded. The run id of the task is the generation it was started for.
        plan, estimate = self.plan, self.estimate
        self._pool.start(
            BackgroundTask(self._generation, lambda: analyze_snapshot(plan, estimate), self._signals)
        )

    def _on_worker_done(
        self, generation: int, result: Analysis | None, error: str | None, _seconds: float = 0.0
    ) -> None:
        self._pending_worker = False
        if generation != self._generation:
            self._run_analysis()  # stale: the plan changed while it ran
            return
        if result is not None:
            # Nothing changed since the snapshot was taken: the analysis is the live plan's, and views check
            # ``analysis.plan is document.plan`` to know that it is current.
            result.plan = self.plan
        self._set_result(generation, result, error)
        if result is not None:
            self.settle_heap()

    def _set_result(self, generation: int, result: Analysis | None, error: str | None) -> None:
        self._analysed_generation = generation
        if error is not None or result is None:
            self._since_analysis = None  # ``analysis`` stays an older plan's
            self.last_error = error or "analysis failed"
            self.analysis_failed.emit(self.last_error)
            return
        self.last_error = None
        self.analysis = result
        self._analysis_generation = generation
        self._since_analysis = set()
        self.analysis_updated.emit(result)

    def wait_for_analysis(self, timeout: float = 10.0) -> bool:
        """Block (processing events) until the analysis is current. For tests, benchmarks and the CLI."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

        deadline = QDeadlineTimer(int(timeout * 1000))
        while not self.analysis_current and not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            if not self.analysis_current:
                self._pool.waitForDone(5)
        return self.analysis_current

    def shutdown(self) -> None:
        """Stop pending work; call before the document goes away."""
        self._timer.stop()
        self._release_heap()
        self._pool.clear()
        self._pool.waitForDone()

    def __del__(self) -> None:
        """Delete the undo commands while the document's Python side is still whole.

        A document is mostly freed by Python's cycle collector (its commands, its scenario state and the views
        reach back to it). The collector clears the wrappers of a cycle one by one, in no set order, and PySide
        (shiboken 6.x up to 6.11, PYSIDE-2221) hands a cleared command's C++ object back to its Python wrapper,
        which deletes it, while ``undo_stack`` still lists it: the stack deleted it again on its way out and the
        process died (exit 139, at a random allocation or at exit). Python runs every finalizer of a cycle
        before it clears any object of it (PEP 442), so clearing the stack here leaves the collector nothing
        Qt still holds. (``isValid`` is imported with the module: an import here fails when the interpreter is
        shutting down, and Python printed that failure on stderr of every app that quit with a document left.)"""
        stack = self.__dict__.get("undo_stack")
        if stack is not None and isValid(stack):
            stack.blockSignals(True)  # nothing listening is told: the document is going away
            stack.clear()

    # -- edits: decisions -----------------------------------------------------------------------------------
    def _check(self, obj: BaseModel, changes: dict[str, Any]) -> str | None:
        probe = obj.model_copy()
        try:
            for key, value in changes.items():
                setattr(probe, key, value)
        except ValidationError as exc:
            return validation_message(exc)
        return None

    def edit_object(self, obj: BaseModel, text: str | None = None, **changes: Any) -> str | None:
        """Change fields of any plan object as one undo step. Returns None, or why the edit was refused."""
        changes = {k: v for k, v in changes.items() if getattr(obj, k) != v}
        if not changes:
            return None
        problem = self._check(obj, changes)
        if problem:
            return problem
        if text is None:
            text = "Change " + ", ".join(FIELD_LABELS.get(k, k.title()) for k in changes)
        self.undo_stack.push(cmd.SetAttrCommand(self, obj, changes, text))
        return None

    def edit_decision(self, decision_id: str, **changes: Any) -> str | None:
        """Change fields of a decision (``id`` renames it everywhere). Returns None, or why it was refused."""
        d = self.decision(decision_id)
        if d is None:
            return f"no decision '{decision_id}'"
        new_id = changes.pop("id", decision_id)
        if new_id != decision_id:
            problem = edits.check_new_id(self.plan, new_id)
            if problem:
                return problem
        changes = {k: v for k, v in changes.items() if getattr(d, k) != v}
        if changes:
            problem = self._check(d, changes)
            if problem:
                return problem
        if new_id != decision_id and changes:
            self.undo_stack.beginMacro("Edit Decision")
            self.undo_stack.push(cmd.RenameDecisionCommand(self, d, new_id))
            self.edit_object(d, **changes)
            self.undo_stack.endMacro()
        elif new_id != decision_id:
            self.undo_stack.push(cmd.RenameDecisionCommand(self, d, new_id))
        elif changes:
            self.edit_object(d, **changes)
        return None

    def mark_status(self, ids: list[str], status: str) -> str | None:
        """Mark the decisions ``ids`` ``done``, ``in_progress`` or ``not_started`` as ONE undo step (issue 16;
        the fields each mark sets: :func:`planner.model.edits.status_changes`). Returns None, or why nothing was
        changed."""
        try:
            changes = edits.status_changes(self.plan, ids, status)
        except ValueError as exc:
            return str(exc)
        for d, new in changes:
            problem = self._check(d, new)
            if problem:
                return f"'{d.id}': {problem}"
        if not changes:
            return None
        label = {"done": "Done", "in_progress": "In Progress", "not_started": "Not Started"}[status]
        n = len(changes)
        text = f"Mark {units.agree(n, 'Decision', units.count(n, 'Decision'))} {label}"
        self.undo_stack.beginMacro(text)
        for d, new in changes:
            self.undo_stack.push(cmd.SetAttrCommand(self, d, new, text))
        self.undo_stack.endMacro()
        return None

    def set_duration(
        self, decision_id: str, optimistic: float, likely: float, pessimistic: float
    ) -> str | None:
        """Set a three-point estimate (weeks); equal values are stored as one number. "Change Duration".

        An estimate over :data:`MAX_EDIT_WEEKS` is refused: in a roadmap it is a typo (9999 for 9), not a plan."""
        if not (0 <= optimistic <= likely <= pessimistic):
            return (
                f"estimates must satisfy 0 <= optimistic <= likely <= pessimistic "
                f"(got {optimistic:g} / {likely:g} / {pessimistic:g})"
            )
        if pessimistic > MAX_EDIT_WEEKS:
            return (
                f"{pessimistic:g} weeks is longer than one decision can take here (at most {MAX_EDIT_WEEKS} "
                "weeks, 10 years): check the number, or split the work into several decisions"
            )
        value: float | ThreePoint
        if optimistic == likely == pessimistic:
            value = float(likely)
        else:
            value = ThreePoint(optimistic=optimistic, likely=likely, pessimistic=pessimistic)
        d = self.decision(decision_id)
        if d is None:
            return f"no decision '{decision_id}'"
        if d.duration == value:
            return None
        return self.edit_object(d, "Change Duration", duration=value)

    def unique_id(self, base: str) -> str:
        """``base``, or ``base-2``, ``base-3`` ... whichever no decision has yet (:func:`edits.unique_id`)."""
        return edits.unique_id(self.plan, base)

    def add_decision(self, title: str = "New decision", after: str | None = None, **fields: Any) -> str:
        """Add a decision after ``after`` (or at the end) and select it; returns its id. One undo step."""
        plan = self.plan
        ref = self.decision(after) if after else None
        index = plan.decisions.index(ref) + 1 if ref is not None else len(plan.decisions)
        new_id = fields.pop("id", None) or self.unique_id("decision")
        defaults: dict[str, Any] = {
            "stage": ref.stage if ref else plan.stages[0].id,
            "area": ref.area if ref else None,
            "owner": ref.owner if ref else None,
        }
        defaults.update(fields)
        decision = Decision(id=new_id, title=title, **defaults)
        self.undo_stack.push(cmd.InsertDecisionsCommand(self, [(index, decision)], "Add Decision"))
        self.select([new_id])
        return new_id

    def duplicate_decisions(self, ids: list[str]) -> list[str]:
        """Copy the decisions (not their dependencies), each right after its original; one undo step."""
        plan = self.plan
        wanted = set(ids)
        items: list[tuple[int, Decision]] = []
        layout: dict[str, Position] = {}
        taken = {d.id for d in plan.decisions}
        offset = 0
        new_ids = []
        for i, d in enumerate(plan.decisions):
            if d.id not in wanted:
                continue
            base = f"{d.id[: edits.ID_MAX_BASE]}-copy"
            new_id = base if base not in taken else edits.numbered_id(base, taken)
            taken.add(new_id)
            copy = d.model_copy(deep=True)
            copy.id = new_id
            copy.title = (d.title + " (copy)")[:300]
            offset += 1
            items.append((i + offset, copy))
            new_ids.append(new_id)
            if d.id in plan.layout:
                p = plan.layout[d.id]
                layout[new_id] = Position(x=p.x + 40, y=p.y + 40)
        if not items:
            return []
        text = f"Duplicate {units.agree(len(items), 'Decision', units.count(len(items), 'Decision'))}"
        self.undo_stack.push(cmd.InsertDecisionsCommand(self, items, text, layout))
        self.select(new_ids)
        return new_ids

    def delete_decisions(self, ids: list[str]) -> None:
        """Delete decisions with every dependency that names them, as one undo step."""
        cascade = edits.delete_cascade(self.plan, ids)
        doomed = cascade.decisions
        if not doomed:
            return
        text = f"Delete {units.agree(len(doomed), 'Decision', units.count(len(doomed), 'Decision'))}"
        self.undo_stack.beginMacro(text)
        if cascade.dependencies:
            self.undo_stack.push(
                cmd.RemoveDependenciesCommand(self, cascade.dependencies, "Remove Dependencies")
            )
        for risk, kept in cascade.risks:  # risks that named them no longer do
            self.undo_stack.push(cmd.SetAttrCommand(self, risk, {"decisions": kept}, "Update Risk"))
        if (
            cascade.go_live and self.plan.ai_system is not None
        ):  # go-live falls back to the last stage's start
            ai = self.plan.ai_system.model_copy(update={"go_live": None})
            self.undo_stack.push(cmd.SetAttrCommand(self, self.plan, {"ai_system": ai}, "Update AI System"))
        self.undo_stack.push(cmd.RemoveDecisionsCommand(self, doomed, text))
        self.undo_stack.endMacro()

    def move_decisions(self, ids: list[str], step: int) -> bool:
        """Move the decisions one place up (``step`` -1) or down (+1) in the plan's own order (the file's, and
        the order of the Gantt and the report), past their unmoved neighbours; one undo step, the selection kept.
        False when none of them can move."""
        plan = self.plan
        order = edits.moved_order([d.id for d in plan.decisions], ids, step)
        if order is None:
            return False
        wanted = set(ids)
        moving = [d for d in plan.decisions if d.id in wanted]
        where = {did: k for k, did in enumerate(order)}
        positions = {d.id: plan.layout[d.id] for d in moving if d.id in plan.layout}
        n = len(moving)
        text = f"Move {units.agree(n, 'Decision', units.count(n, 'Decision'))} {'Up' if step < 0 else 'Down'}"
        self.undo_stack.beginMacro(text)
        self.undo_stack.push(cmd.RemoveDecisionsCommand(self, moving, text))
        self.undo_stack.push(
            cmd.InsertDecisionsCommand(self, [(where[d.id], d) for d in moving], text, positions)
        )
        self.undo_stack.endMacro()
        self.select([d.id for d in moving])
        return True

    def paste_decisions(
        self,
        decisions: list[Decision],
        dependencies: list[Dependency],
        layout: dict[str, tuple[float, float]] | None = None,
        after: str | None = None,
        text: str = "Paste",
    ) -> list[str]:
        """Insert ``decisions`` (copies) after ``after`` (or at the end) with ``dependencies`` between them, as one
        undo step. Ids already taken get a ``-2``, ``-3`` … suffix and the links follow the new ids; links that
        name a decision outside the pasted set are dropped. Selects and returns the new ids."""
        taken = {d.id for d in self.plan.decisions}
        rename: dict[str, str] = {}
        fresh: list[Decision] = []
        for d in decisions:
            new_id = d.id if d.id not in taken else edits.numbered_id(d.id[: edits.ID_MAX_BASE], taken)
            taken.add(new_id)
            rename[d.id] = new_id
            copy = d.model_copy(deep=True)
            copy.id = new_id
            fresh.append(copy)
        if not fresh:
            return []
        ref = self.decision(after) if after else None
        start = self.plan.decisions.index(ref) + 1 if ref is not None else len(self.plan.decisions)
        items = [(start + k, d) for k, d in enumerate(fresh)]
        links = []
        for dep in dependencies:
            if dep.from_ in rename and dep.to in rename:
                copy_dep = dep.model_copy(deep=True)
                copy_dep.from_, copy_dep.to = rename[dep.from_], rename[dep.to]
                links.append(copy_dep)
        positions = {
            rename[k]: Position(x=float(x), y=float(y)) for k, (x, y) in (layout or {}).items() if k in rename
        }
        self.undo_stack.beginMacro(text)
        self.undo_stack.push(cmd.InsertDecisionsCommand(self, items, text, positions))
        if links:
            n = len(self.plan.dependencies)
            self.undo_stack.push(
                cmd.InsertDependenciesCommand(
                    self, [(n + k, dep) for k, dep in enumerate(links)], "Add Dependencies"
                )
            )
        self.undo_stack.endMacro()
        new_ids = [d.id for d in fresh]
        self.select(new_ids)
        return new_ids

    def tidy_layout(self) -> bool:
        """Forget every card position moved by hand, so the graph is laid out afresh; one undo step "Tidy Layout".
        False when nothing had been moved."""
        if not self.plan.layout:
            return False
        self.undo_stack.push(cmd.ResetLayoutCommand(self, list(self.plan.layout)))
        return True

    # -- edits: dependencies --------------------------------------------------------------------------------
    def _successors(self) -> dict[str, list[str]]:
        if self._succ_cache is None:
            self._succ_cache = edits.successors(self.plan.dependencies)
        return self._succ_cache

    def would_create_cycle(self, from_id: str, to_id: str) -> list[str] | None:
        """The cycle that ``from_id -> to_id`` would close, as a closed list of ids (first == last, e.g.
        ``['a', 'b', 'c', 'a']``), or None. A self-dependency is ``[a, a]`` (:func:`edits.closes_cycle`)."""
        return edits.closes_cycle(self._successors(), from_id, to_id)

    def add_dependency(self, from_id: str, to_id: str, type: str = "FS", lag: float = 0.0) -> str | None:
        """Add ``from_id -> to_id``. Returns None on success, else why not (naming the cycle it would make)."""
        problem = edits.check_dependency(self.plan, from_id, to_id, self._successors())
        if problem:
            return problem
        try:
            dep = Dependency.model_validate({"from": from_id, "to": to_id, "type": type, "lag": lag})
        except ValidationError as exc:
            return validation_message(exc)
        self.undo_stack.push(
            cmd.InsertDependenciesCommand(self, [(len(self.plan.dependencies), dep)], "Add Dependency")
        )
        return None

    def remove_dependencies(self, indices: list[int]) -> None:
        """Remove dependencies by index into ``plan.dependencies``; one undo step."""
        n = len(self.plan.dependencies)
        valid = sorted({i for i in indices if 0 <= i < n})
        if not valid:
            return
        text = f"Remove {units.agree(len(valid), 'Dependency', units.count(len(valid), 'Dependency', 'Dependencies'))}"
        self.undo_stack.push(cmd.RemoveDependenciesCommand(self, valid, text))

    def edit_dependency(self, index: int, **changes: Any) -> str | None:
        """Change a dependency's type, lag or note (changing its ends checks for cycles)."""
        dep = self.plan.dependencies[index]
        problem = edits.check_new_ends(
            self.plan, index, changes.get("from_", dep.from_), changes.get("to", dep.to)
        )
        return problem or self.edit_object(dep, **changes)

    # -- edits: canvas --------------------------------------------------------------------------------------
    def move_cards(self, positions: dict[str, tuple[float, float]]) -> None:
        """Store card positions (scene coordinates) as one undo step "Move Cards"."""
        layout = self.plan.layout
        changed = {
            k: (float(x), float(y))
            for k, (x, y) in positions.items()
            if k not in layout or (layout[k].x, layout[k].y) != (float(x), float(y))
        }
        if changed:
            self.undo_stack.push(cmd.MoveCardsCommand(self, changed))

    # -- edits: plan, stages, areas, teams -------------------------------------------------------------------
    def edit_plan(self, **changes: Any) -> str | None:
        return self.edit_object(self.plan, **changes)

    def add_item(self, owner: Any, attr: str, item: Any, text: str, index: int | None = None) -> None:
        items = getattr(owner, attr)
        self.undo_stack.push(
            cmd.InsertItemCommand(self, owner, attr, len(items) if index is None else index, item, text)
        )

    def remove_item(self, owner: Any, attr: str, index: int, text: str) -> str | None:
        items = getattr(owner, attr)
        if not 0 <= index < len(items):
            return None
        if owner is self.plan and attr == "stages" and len(items) == 1:
            return "a plan needs at least one stage"
        self.undo_stack.push(cmd.RemoveItemCommand(self, owner, attr, index, text))
        return None
