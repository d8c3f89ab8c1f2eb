"""Scenarios in the app (issue 13): which scenario the document shows, and the undoable scenario operations.

While a scenario is active, ``document.plan`` is that scenario *materialised* (an ordinary plan, so every view,
chart and analysis works unchanged) and the base plan is kept here. Every edit goes through the document's usual
undoable commands on the materialised plan; after each change (edit, undo, redo) the scenario's overrides are
re-derived from the base and the materialised plan (:func:`planner.model.scenarios.derive_scenario`), so the
overrides always say exactly what the edits did, and undoing an edit takes its override away.

Switching, creating, duplicating, renaming, deleting and applying a scenario to the base are undo steps too
(:class:`ScenarioCommand`): each swaps the document's plan object and the base's scenario list for the ones it
captured, never copies, so the commands before and after it keep pointing at their objects. Saving writes
:meth:`ScenarioState.file_plan`: the base with its scenarios, never the materialised plan.

What a scenario cannot hold (the plan's title, dates, stages, areas, team names, risk texts, baselines...) is
refused while a scenario is shown (:meth:`ScenarioState.refusal`): up front by the Plan & stages page (read-only but
for team capacity) and Save Baseline; made by another editor, the step is taken back at once and the status bar says
why (:meth:`ScenarioState.record`). It was applied to the view and lost when the scenario was left.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand

from planner.model import Plan, Scenario
from planner.model.scenarios import (
    BASE,
    apply_to_base,
    derive_scenario,
    find_scenario,
    materialise,
    named,
    unrecorded_changes,
)
from planner.units import joined, one_line, quoted

if TYPE_CHECKING:
    from planner.ui.state.document import PlanDocument

RECORDED = "decisions, links, team capacity and risk odds"
"""What a scenario records, in words (:func:`planner.model.scenarios.derive_scenario`); the rest is Base's."""


REFERENCE_BASELINE = "Base plan"
"""The baseline a scenario's plan carries for the views: the base's schedule, so that the Gantt can draw the base's
bars under the scenario's and the table's slip columns say what the scenario moved (newest, so chosen by default).
It is not part of the scenario and never saved."""


def display_plan(base: Plan, name: str) -> Plan:
    """The scenario ``name`` of ``base`` materialised, titled so that every view and chart says which it is, with
    the base's schedule as its newest baseline (:data:`REFERENCE_BASELINE`)."""
    from planner.analysis.compare import reference_baseline

    plan = materialise(base, name)
    baselines = [b for b in plan.baselines if b.name != REFERENCE_BASELINE]
    ref = reference_baseline(base, REFERENCE_BASELINE)
    if ref is not None:
        baselines.append(ref)
    return plan.model_copy(update={"title": scenario_title(base.title, name), "baselines": baselines})


def scenario_title(title: str, name: str) -> str:
    """The title a scenario's plan is shown (and charted, reported) under; on one line (:func:`units.one_line`)
    whatever the name holds: a line break in it split the chart titles and the report's running head."""
    return f"{title} \u2014 scenario: {one_line(name)}"


@dataclass
class _Snapshot:
    active: str | None
    base: Plan  # the base plan object (the document's plan when no scenario is active)
    scenarios: list[
        Scenario
    ]  # the base's scenario list (a list copy; the Scenario objects are never mutated)
    shown: Plan  # the document's plan object
    title: str  # the shown plan's title
    fields: dict[str, Any] | None = None  # every field of the base, for apply-to-base


class ScenarioState(QObject):
    """The document's scenario state. ``active`` is None for the base plan."""

    changed = Signal()  # the active scenario, or the list of scenarios, changed
    notice = Signal(str)  # a one-line explanation for the status bar

    def __init__(self, doc: PlanDocument) -> None:
        super().__init__(doc)
        self.doc = doc
        self.active: str | None = None
        self.steps = (
            0  # scenario operations applied (done or undone): tells a what-if session it spanned scenarios
        )
        self._base: Plan | None = None
        self._recording = False
        self._index = 0  # the undo stack's index at the last record: a step done or redone raises it
        self._lost: list[str] = []  # what the scenario shown could not keep at the last record
        self._scenario_step = False  # the last step was a scenario operation (never refused)
        doc.plan_changed.connect(self.record)
        doc.layout_changed.connect(self._share_layout)

    # -- state -----------------------------------------------------------------------------------------------
    @property
    def base(self) -> Plan:
        """The base plan (with the scenarios)."""
        return self._base if self.active is not None and self._base is not None else self.doc.plan

    def names(self) -> list[str]:
        return [s.name for s in self.base.scenarios]

    def scenario(self, name: str) -> Scenario:
        return find_scenario(self.base, name)

    def changed_ids(self) -> set[str]:
        """Decisions the scenario shown changes: overridden, added, or re-added with edits (none at the base)."""
        if self.active is None or self.active not in self.names():
            return set()
        sc = self.scenario(self.active)
        return set(sc.decisions) | {d.id for d in sc.add_decisions}

    def file_plan(self) -> Plan:
        """What is saved: the base plan with every scenario, the active one's overrides up to date."""
        self.record()
        return self.base

    def label(self) -> str:
        return self.active if self.active is not None else BASE

    def reset(self) -> None:
        """A new plan was set (open, new, revert): back to its base."""
        self.active = None
        self._base = None
        self.changed.emit()

    def record(self) -> None:
        """Re-derive the active scenario's overrides from the materialised plan (after every change); a step that
        changed what the scenario cannot keep is refused (:meth:`_refuse`)."""
        index = self.doc.undo_stack.index()
        forward, self._index = index > self._index, index
        scenario_step, self._scenario_step = self._scenario_step, False
        if self.active is None or self._base is None or self._recording:
            self._lost = []
            return
        base, plan = self._base, self.doc.plan
        k = next((i for i, s in enumerate(base.scenarios) if s.name == self.active), None)
        if k is None:
            return
        old = base.scenarios[k]
        self._recording = True
        try:
            new = derive_scenario(base, plan, old.name, old.description)
            if new != old:
                base.scenarios[k] = new
                self.changed.emit()
            lost = self.unrecorded()
            fresh = [x for x in lost if x not in self._lost]
            self._lost = lost
            if fresh and forward and not scenario_step:
                # An editor that does not refuse it up front (the Plan & stages page and Save Baseline do): the step
                # is taken back once the signals of this one are delivered, and leaves no redo behind.
                QTimer.singleShot(0, self, lambda: self._refuse(index, fresh))
            elif lost:  # made some other way (an undo): said, as it will not be kept
                self._say_not_kept(lost)
        finally:
            self._recording = False

    def _share_layout(self, ids: list[str]) -> None:
        """Cards moved (or laid out again) in a scenario are where the base has them too: positions are the graph's
        arrangement, one for the plan and all its scenarios, not something a scenario records. A consultant who
        tidied the graph while showing a scenario lost the arrangement on going back to Base, without a word.
        Decisions only the scenario has keep theirs in it (the base has no card for them)."""
        base = self._base
        if self.active is None or base is None or base is self.doc.plan:
            return
        known = {d.id for d in base.decisions}
        shown = self.doc.plan.layout
        for key in ids:
            if key not in known:
                continue
            if key in shown:
                base.layout[key] = shown[key]
            else:
                base.layout.pop(key, None)

    def _refuse(self, index: int, lost: list[str]) -> None:
        """Take back the step that brought the undo stack to ``index`` and changed ``lost`` (what the scenario shown
        cannot keep), unless something else happened since, and say why: the edit would have been shown, then lost
        on leaving the scenario."""
        stack = self.doc.undo_stack
        if self.active is None or stack.index() != index or stack.index() == 0:
            if self.unrecorded():  # another step came first: it is said, as it will not be kept
                self._say_not_kept(self.unrecorded())
            return
        # Undone by hand and made obsolete, the undo stack deletes it on its undo (leaving nothing to redo) and
        # tells the Undo and Redo actions; an undo then an obsolete command pushed left 'Redo Change Budget' on.
        step = stack.command(index - 1)
        step.undo()
        step.setObsolete(True)
        stack.undo()
        self.notice.emit(f"Not changed: {self.refusal('its ' + joined(lost))}")

    def _say_not_kept(self, lost: list[str]) -> None:
        self.notice.emit(
            f"Scenario {quoted(self.label())} records {RECORDED}; changes to its {joined(lost)} are not kept "
            "\u2014 switch to Base to make them."
        )

    def unrecorded(self) -> list[str]:
        """What the scenario shown was edited in that it cannot keep, in words (:func:`unrecorded_changes`, and its
        title): lost when the scenario is left. Empty at the base."""
        base, plan = self._base, self.doc.plan
        if self.active is None or base is None:
            return []
        refs = [b for b in plan.baselines if b.name != REFERENCE_BASELINE]
        lost = unrecorded_changes(base, plan.model_copy(update={"baselines": refs}))
        return (["title"] if plan.title != scenario_title(base.title, self.active) else []) + lost

    def refusal(self, what: str) -> str | None:
        """None at the base; in a scenario, why an edit of ``what`` ('the plan's dates', 'its budget') is refused,
        as Plan > Save Baseline is: it is made in Base, and a scenario would lose it."""
        if self.active is None:
            return None
        return (
            f"changes to {what} are made in Base, not in scenario {quoted(self.active)}, which records {RECORDED}. "
            "Show Base (Scenario > Show) to make them."
        )

    # -- snapshots -------------------------------------------------------------------------------------------
    def _snapshot(self, *, fields: bool = False) -> _Snapshot:
        base = self.base
        return _Snapshot(
            self.active,
            base,
            list(base.scenarios),
            self.doc.plan,
            self.doc.plan.title,
            {f: getattr(base, f) for f in type(base).model_fields} if fields else None,
        )

    def _apply(self, snap: _Snapshot) -> None:
        self.steps += 1
        self._scenario_step = True
        base = snap.base
        if snap.fields is not None:
            for key, value in snap.fields.items():
                if getattr(base, key) is not value:
                    object.__setattr__(
                        base, key, value
                    )  # the captured objects, unvalidated (they were valid)
        base.scenarios = list(snap.scenarios)
        self.active = snap.active
        self._base = base if snap.active is not None else None
        if snap.shown.title != snap.title:
            snap.shown.title = snap.title
        if self.doc.plan is not snap.shown or snap.fields is not None:
            self.doc.apply_plan(snap.shown)
        # Views compare a scenario with Base (table slips, Gantt baseline bars, status bar); a view setting.
        if snap.active is not None:
            self.doc.set_baseline_name(REFERENCE_BASELINE)
        elif self.doc.baseline_name == REFERENCE_BASELINE:
            self.doc.set_baseline_name(None)
        self.changed.emit()

    def _push(self, text: str, after: _Snapshot, before: _Snapshot) -> None:
        self.doc.undo_stack.push(ScenarioCommand(self, text, before, after))

    # -- operations (each one undo step) -------------------------------------------------------------------------
    def switch(self, name: str | None) -> None:
        """Show scenario ``name`` (None or 'Base': the base plan)."""
        target = None if name is None or name == BASE and name not in self.names() else name
        if target == self.active:
            return
        self.record()
        before = self._snapshot()
        base = before.base
        shown = base if target is None else display_plan(base, target)
        after = _Snapshot(target, base, list(base.scenarios), shown, shown.title)
        self._push(f"Show {'Base' if target is None else 'Scenario ' + quoted(target)}", after, before)

    def unique_name(self, wanted: str) -> str:
        names = set(self.names()) | {BASE}
        if wanted not in names:
            return wanted
        k = 2
        while f"{wanted} {k}" in names:
            k += 1
        return f"{wanted} {k}"

    def create(self, name: str, description: str = "") -> str | None:
        """A new scenario from the current state (the active scenario's overrides, or none at the base), shown
        at once. Returns a problem in words, or None."""
        name = name.strip()
        problem = self._check_name(name)
        if problem:
            return problem
        self.record()
        base = self.base
        current = (
            derive_scenario(base, self.doc.plan, name, description)
            if self.active
            else Scenario(name=name, description=description)
        )
        self._add_and_show(current, f"New Scenario {quoted(name)}")
        return None

    def duplicate(self, source: str, name: str) -> str | None:
        name = name.strip()
        problem = self._check_name(name)
        if problem:
            return problem
        self.record()
        copy = self.scenario(source).model_copy(deep=True, update={"name": name})
        self._add_and_show(copy, f"Duplicate Scenario {quoted(source)}")
        return None

    def _add_and_show(self, scenario: Scenario, text: str) -> None:
        before = self._snapshot()
        base = before.base
        scenarios = [*base.scenarios, scenario]
        base.scenarios = scenarios  # so that display_plan finds it; _apply sets the same list again
        shown = display_plan(base, scenario.name)
        base.scenarios = before.scenarios
        self._push(text, _Snapshot(scenario.name, base, scenarios, shown, shown.title), before)

    def rename(self, old: str, new: str) -> str | None:
        problem = self._check_name(new, renaming=old) if new != old else None
        if problem or new == old:
            return problem
        self.record()
        before = self._snapshot()
        base = before.base
        scenarios = [s.model_copy(update={"name": new}) if s.name == old else s for s in base.scenarios]
        active = new if self.active == old else self.active
        title = scenario_title(base.title, new) if self.active == old else before.title
        self._push(
            f"Rename Scenario {quoted(old)}", _Snapshot(active, base, scenarios, before.shown, title), before
        )
        return None

    def delete(self, name: str) -> None:
        self.record()
        before = self._snapshot()
        base = before.base
        scenarios = [s for s in base.scenarios if s.name != name]
        if self.active == name:
            after = _Snapshot(None, base, scenarios, base, base.title)
        else:
            after = _Snapshot(self.active, base, scenarios, before.shown, before.title)
        self._push(f"Delete Scenario {quoted(name)}", after, before)

    def apply_to_base(self, name: str) -> None:
        """Make scenario ``name`` the base plan (its overrides applied, the scenario removed; the other scenarios
        now apply to the new base) and show the base."""
        self.record()
        before = self._snapshot(fields=True)
        base = before.base
        new = apply_to_base(base, name)
        fields = {f: getattr(new, f) for f in type(new).model_fields}
        fields["title"] = base.title
        after = _Snapshot(None, base, list(new.scenarios), base, base.title, fields)
        self._push(f"Apply Scenario {quoted(name)} to Base", after, before)

    def _check_name(self, name: str, renaming: str | None = None) -> str | None:
        name = name.strip()
        if not name:
            return "A scenario needs a name."
        if len(name) > 100:
            return "A scenario name has at most 100 characters."
        same = named(self.base, name)  # one spelled alike (NFC) would hide behind the first
        if name == BASE or same is not None and same.name != renaming:
            return f"There is already a scenario called {quoted(name)}; choose another name."
        return None


class ScenarioCommand(QUndoCommand):
    """One scenario operation: the state before and after, applied by swapping captured objects."""

    def __init__(self, state: ScenarioState, text: str, before: _Snapshot, after: _Snapshot) -> None:
        super().__init__(text)
        self.state = state
        self.before = before
        self.after = after

    def redo(self) -> None:
        self.state._apply(self.after)

    def undo(self) -> None:
        self.state._apply(self.before)


__all__ = [
    "RECORDED",
    "REFERENCE_BASELINE",
    "ScenarioCommand",
    "ScenarioState",
    "display_plan",
    "scenario_title",
]
