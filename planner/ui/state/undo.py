"""The edit layer: one small :class:`QUndoCommand` per mutation of the plan (orange-canvas-core style).

Only these commands mutate ``document.plan``. Each command captures what it needs to undo itself, and reports
what it changed through the document's private ``_notify_*`` / ``_insert_*`` / ``_remove_*`` primitives so that
item models can emit precise signals (``rowsInserted``, ``dataChanged``) instead of resetting. Multi-step edits are
built as macros by :class:`planner.ui.state.document.PlanDocument`, which is the only place that pushes commands.

Objects are referenced directly (not by index or id), and deleted objects are re-inserted as the very same
objects on undo, so that later commands on the stack keep pointing at the right thing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from planner.model import Decision, Dependency, Plan, Position

if TYPE_CHECKING:
    from planner.ui.state.document import PlanDocument

# Command ids for mergeWith (see SetAttrCommand.id()).
_MERGE_MOVE = 1001


class DocCommand(QUndoCommand):
    """Base: holds the document."""

    def __init__(self, doc: PlanDocument, text: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self.doc = doc


class SetAttrCommand(DocCommand):
    """Set one or more fields of a plan object (a decision, dependency, stage, area, team, criterion or the plan).

    The values must already be known to validate (the document checks them before pushing).
    """

    def __init__(
        self,
        doc: PlanDocument,
        obj: Any,
        changes: dict[str, Any],
        text: str,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(doc, text, parent)
        self.obj = obj
        self.new = dict(changes)
        self.old = {k: getattr(obj, k) for k in changes}

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)

    def _apply(self, values: dict[str, Any]) -> None:
        for key, value in values.items():
            setattr(self.obj, key, value)
        self.doc._notify_object_changed(self.obj, list(values))


class RenameDecisionCommand(DocCommand):
    """Change a decision's id and every reference to it (dependencies, risks, layout, baselines)."""

    def __init__(
        self, doc: PlanDocument, decision: Decision, new_id: str, parent: QUndoCommand | None = None
    ) -> None:
        super().__init__(doc, "Rename Decision", parent)
        self.decision = decision
        self.old_id = decision.id
        self.new_id = new_id
        plan = doc.plan
        self.from_deps = [d for d in plan.dependencies if d.from_ == self.old_id]
        self.to_deps = [d for d in plan.dependencies if d.to == self.old_id]
        self.risks = [r for r in plan.risks if self.old_id in r.decisions]

    def _apply(self, old: str, new: str) -> None:
        plan = self.doc.plan
        self.decision.id = new
        for d in self.from_deps:
            d.from_ = new
        for d in self.to_deps:
            d.to = new
        for r in self.risks:
            r.decisions = [new if x == old else x for x in r.decisions]
        if old in plan.layout:
            # Rebuild to keep the key order stable (the file diffs well).
            plan.layout = {(new if k == old else k): v for k, v in plan.layout.items()}
        for baseline in plan.baselines:  # a renamed decision keeps its baseline figures (variance)
            if old in baseline.decisions:
                baseline.decisions = {(new if k == old else k): v for k, v in baseline.decisions.items()}
        if plan.scenarios:  # the scenarios' overrides follow it (issue 13); undo restores the very same list
            if new == self.new_id:
                from planner.model.scenarios import rename_decision

                self.scenarios_before = plan.scenarios
                plan.scenarios = rename_decision(plan.scenarios, old, new)
            else:
                plan.scenarios = self.scenarios_before
        self.doc._notify_object_changed(self.decision, ["id"])
        self.doc._notify_dependencies_changed()
        self.doc._rename_in_selection(old, new)

    def redo(self) -> None:
        self._apply(self.old_id, self.new_id)

    def undo(self) -> None:
        self._apply(self.new_id, self.old_id)


class InsertDecisionsCommand(DocCommand):
    """Insert decisions at given plan positions (and, optionally, their card positions)."""

    def __init__(
        self,
        doc: PlanDocument,
        items: list[tuple[int, Decision]],
        text: str,
        layout: dict[str, Position] | None = None,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(doc, text, parent)
        self.items = sorted(items, key=lambda t: t[0])
        self.layout = dict(layout or {})
        self.old_layout: dict[str, Position | None] = {}

    def redo(self) -> None:
        for index, decision in self.items:
            self.doc._insert_decision(index, decision)
        layout = self.doc.plan.layout
        for did, pos in self.layout.items():
            self.old_layout[did] = layout.get(did)
            layout[did] = pos
        if self.layout:
            self.doc._notify_layout_changed(list(self.layout))

    def undo(self) -> None:
        layout = self.doc.plan.layout
        for did, pos in self.old_layout.items():
            if pos is None:
                layout.pop(did, None)
            else:
                layout[did] = pos
        for index, _decision in reversed(self.items):
            self.doc._remove_decision(index)
        if self.layout:
            self.doc._notify_layout_changed(list(self.layout))


class RemoveDecisionsCommand(DocCommand):
    """Remove decisions (by object) and their card positions. Dependencies are removed by a sibling command."""

    def __init__(
        self, doc: PlanDocument, decisions: list[Decision], text: str, parent: QUndoCommand | None = None
    ) -> None:
        super().__init__(doc, text, parent)
        wanted = {id(d) for d in decisions}
        self.items = [(i, d) for i, d in enumerate(doc.plan.decisions) if id(d) in wanted]
        self.layout: dict[str, Position] = {}

    def redo(self) -> None:
        layout = self.doc.plan.layout
        self.layout = {}
        for _i, d in self.items:
            if d.id in layout:
                self.layout[d.id] = layout.pop(d.id)
        for index, _d in reversed(self.items):
            self.doc._remove_decision(index)
        if self.layout:
            self.doc._notify_layout_changed(list(self.layout))

    def undo(self) -> None:
        for index, d in self.items:
            self.doc._insert_decision(index, d)
        self.doc.plan.layout.update(self.layout)
        if self.layout:
            self.doc._notify_layout_changed(list(self.layout))


class InsertDependenciesCommand(DocCommand):
    def __init__(
        self,
        doc: PlanDocument,
        items: list[tuple[int, Dependency]],
        text: str,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(doc, text, parent)
        self.items = sorted(items, key=lambda t: t[0])

    def redo(self) -> None:
        deps = self.doc.plan.dependencies
        for index, dep in self.items:
            deps.insert(index, dep)
        self.doc._notify_dependencies_changed()

    def undo(self) -> None:
        deps = self.doc.plan.dependencies
        for index, _dep in reversed(self.items):
            del deps[index]
        self.doc._notify_dependencies_changed()


class RemoveDependenciesCommand(DocCommand):
    def __init__(
        self, doc: PlanDocument, indices: list[int], text: str, parent: QUndoCommand | None = None
    ) -> None:
        super().__init__(doc, text, parent)
        deps = doc.plan.dependencies
        self.items = [(i, deps[i]) for i in sorted(set(indices))]

    def redo(self) -> None:
        deps = self.doc.plan.dependencies
        for index, _dep in reversed(self.items):
            del deps[index]
        self.doc._notify_dependencies_changed()

    def undo(self) -> None:
        deps = self.doc.plan.dependencies
        for index, dep in self.items:
            deps.insert(index, dep)
        self.doc._notify_dependencies_changed()


class MoveCardsCommand(DocCommand):
    """Store graph-canvas card positions in ``plan.layout``."""

    def __init__(
        self, doc: PlanDocument, positions: dict[str, tuple[float, float]], parent: QUndoCommand | None = None
    ) -> None:
        super().__init__(doc, "Move Cards", parent)
        layout = doc.plan.layout
        self.new = {k: Position(x=float(x), y=float(y)) for k, (x, y) in positions.items()}
        self.old = {k: layout.get(k) for k in positions}

    def _apply(self, values: dict[str, Position | None]) -> None:
        layout = self.doc.plan.layout
        for key, pos in values.items():
            if pos is None:
                layout.pop(key, None)
            else:
                layout[key] = pos
        self.doc._notify_layout_changed(list(values))

    def redo(self) -> None:
        self._apply(dict(self.new))

    def undo(self) -> None:
        self._apply(dict(self.old))


class ResetLayoutCommand(MoveCardsCommand):
    """Forget the saved card positions of ``ids`` (the graph lays them out again): "Tidy Layout"."""

    def __init__(self, doc: PlanDocument, ids: list[str], parent: QUndoCommand | None = None) -> None:
        super().__init__(doc, {}, parent)
        self.setText("Tidy Layout")
        layout = doc.plan.layout
        self.new = {k: None for k in ids}  # type: ignore[misc]
        self.old = {k: layout.get(k) for k in ids}


class InsertItemCommand(DocCommand):
    """Insert an item into a list field of a plan object (stages, areas, teams, gate criteria, ...)."""

    def __init__(
        self,
        doc: PlanDocument,
        owner: Any,
        attr: str,
        index: int,
        item: Any,
        text: str,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(doc, text, parent)
        self.owner, self.attr, self.index, self.item = owner, attr, index, item

    def redo(self) -> None:
        getattr(self.owner, self.attr).insert(self.index, self.item)
        self.doc._notify_object_changed(self.owner, [self.attr])

    def undo(self) -> None:
        del getattr(self.owner, self.attr)[self.index]
        self.doc._notify_object_changed(self.owner, [self.attr])


class RemoveItemCommand(DocCommand):
    def __init__(
        self,
        doc: PlanDocument,
        owner: Any,
        attr: str,
        index: int,
        text: str,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(doc, text, parent)
        self.owner, self.attr, self.index = owner, attr, index
        self.item = getattr(owner, attr)[index]

    def redo(self) -> None:
        del getattr(self.owner, self.attr)[self.index]
        self.doc._notify_object_changed(self.owner, [self.attr])

    def undo(self) -> None:
        getattr(self.owner, self.attr).insert(self.index, self.item)
        self.doc._notify_object_changed(self.owner, [self.attr])


class ReplacePlanCommand(DocCommand):
    """Swap the whole plan for another (e.g. the edits of a presentation, kept as one step). The two plan objects
    are swapped, never copied, so that the commands before and after this one keep pointing at their objects."""

    def __init__(self, doc: PlanDocument, plan: Plan, text: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(doc, text, parent)
        self.other = plan

    def redo(self) -> None:
        self.other = self.doc._swap_plan(self.other)

    def undo(self) -> None:
        self.other = self.doc._swap_plan(self.other)


def is_plan_meta(obj: Any) -> bool:
    """True for objects whose changes concern the plan/stage view rather than decisions or dependencies."""
    return not isinstance(obj, Decision | Dependency) or isinstance(obj, Plan)
