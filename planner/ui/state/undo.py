"""Undo: one small :class:`QUndoCommand` per change of the plan (orange-canvas-core style).

Each command is a thin wrapper: its ``redo`` and ``undo`` call the document's public ``apply_*`` API
(:class:`planner.ui.state.document.PlanDocument`), which makes the change through the Qt-free edit layer
(:mod:`planner.model.edits`) and emits the signals the item models and the canvas listen to (``rowsInserted``,
``dataChanged`` … instead of a reset). The document is the only place that pushes commands; multi-step edits are
macros.

Objects are referenced directly (not by index or id), and deleted objects are re-inserted as the very same
objects on undo, so that later commands on the stack keep pointing at the right thing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from planner.model import Decision, Dependency, Plan, Position
from planner.model.edits import Rename

if TYPE_CHECKING:
    from pydantic import BaseModel

    from planner.ui.state.document import PlanDocument


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
        obj: BaseModel,
        changes: dict[str, Any],
        text: str,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(doc, text, parent)
        self.obj = obj
        self.new = dict(changes)
        self.old = {k: getattr(obj, k) for k in changes}

    def redo(self) -> None:
        self.doc.apply_fields(self.obj, self.new)

    def undo(self) -> None:
        self.doc.apply_fields(self.obj, self.old)


class RenameDecisionCommand(DocCommand):
    """Change a decision's id and every reference to it (:class:`planner.model.edits.Rename`)."""

    def __init__(
        self, doc: PlanDocument, decision: Decision, new_id: str, parent: QUndoCommand | None = None
    ) -> None:
        super().__init__(doc, "Rename Decision", parent)
        self.rename = Rename.of(doc.plan, decision, new_id)

    def redo(self) -> None:
        self.doc.apply_rename(self.rename)

    def undo(self) -> None:
        self.doc.apply_rename(self.rename, forward=False)


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
        self.layout: dict[str, Position | None] = dict(layout or {})
        self.old_layout: dict[str, Position | None] = {}
        self._pushed = False

    def redo(self) -> None:
        for index, decision in self.items:
            self.doc.apply_insert_decision(index, decision)
        self.old_layout = self.doc.apply_layout(self.layout)
        if self._pushed:  # Redo selects what it brings back (the first run's caller selects for itself)
            self.doc.select_after_step([d.id for _i, d in self.items])
        self._pushed = True

    def undo(self) -> None:
        self.doc.apply_layout(self.old_layout)
        for index, _decision in reversed(self.items):
            self.doc.apply_remove_decision(index)


class RemoveDecisionsCommand(DocCommand):
    """Remove decisions (by object) and their card positions. Dependencies are removed by a sibling command."""

    def __init__(
        self, doc: PlanDocument, decisions: list[Decision], text: str, parent: QUndoCommand | None = None
    ) -> None:
        super().__init__(doc, text, parent)
        wanted = {id(d) for d in decisions}
        self.items = [(i, d) for i, d in enumerate(doc.plan.decisions) if id(d) in wanted]
        self.layout: dict[str, Position | None] = {}

    def redo(self) -> None:
        layout = self.doc.plan.layout
        placed = {d.id: None for _i, d in self.items if d.id in layout}
        for index, _d in reversed(self.items):
            self.doc.apply_remove_decision(index)
        self.layout = self.doc.apply_layout(placed)

    def undo(self) -> None:
        for index, d in self.items:
            self.doc.apply_insert_decision(index, d)
        self.doc.apply_layout(self.layout)
        self.doc.select_after_step([d.id for _i, d in self.items])  # Undo of a delete shows what came back


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
        self.doc.apply_insert_dependencies(self.items)

    def undo(self) -> None:
        self.doc.apply_remove_dependencies([index for index, _dep in self.items])


class RemoveDependenciesCommand(DocCommand):
    def __init__(
        self, doc: PlanDocument, indices: list[int], text: str, parent: QUndoCommand | None = None
    ) -> None:
        super().__init__(doc, text, parent)
        self.indices = sorted(set(indices))
        self.items: list[tuple[int, Dependency]] = []

    def redo(self) -> None:
        self.items = self.doc.apply_remove_dependencies(self.indices)

    def undo(self) -> None:
        self.doc.apply_insert_dependencies(self.items)


class MoveCardsCommand(DocCommand):
    """Store graph-canvas card positions in ``plan.layout``."""

    def __init__(
        self, doc: PlanDocument, positions: dict[str, tuple[float, float]], parent: QUndoCommand | None = None
    ) -> None:
        super().__init__(doc, "Move Cards", parent)
        layout = doc.plan.layout
        self.new: dict[str, Position | None] = {
            k: Position(x=float(x), y=float(y)) for k, (x, y) in positions.items()
        }
        self.old = {k: layout.get(k) for k in positions}

    def redo(self) -> None:
        self.doc.apply_layout(dict(self.new))

    def undo(self) -> None:
        self.doc.apply_layout(dict(self.old))


class ResetLayoutCommand(MoveCardsCommand):
    """Forget the saved card positions of ``ids`` (the graph lays them out again): "Tidy Layout"."""

    def __init__(self, doc: PlanDocument, ids: list[str], parent: QUndoCommand | None = None) -> None:
        super().__init__(doc, {}, parent)
        self.setText("Tidy Layout")
        layout = doc.plan.layout
        self.new = {k: None for k in ids}
        self.old = {k: layout.get(k) for k in ids}


class InsertItemCommand(DocCommand):
    """Insert an item into a list field of a plan object (stages, areas, teams, gate criteria, ...)."""

    def __init__(
        self,
        doc: PlanDocument,
        owner: BaseModel,
        attr: str,
        index: int,
        item: Any,
        text: str,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(doc, text, parent)
        self.owner, self.attr, self.index, self.item = owner, attr, index, item

    def redo(self) -> None:
        self.doc.apply_insert_item(self.owner, self.attr, self.index, self.item)

    def undo(self) -> None:
        self.doc.apply_remove_item(self.owner, self.attr, self.index)


class RemoveItemCommand(DocCommand):
    def __init__(
        self,
        doc: PlanDocument,
        owner: BaseModel,
        attr: str,
        index: int,
        text: str,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(doc, text, parent)
        self.owner, self.attr, self.index = owner, attr, index
        self.item = getattr(owner, attr)[index]

    def redo(self) -> None:
        self.doc.apply_remove_item(self.owner, self.attr, self.index)

    def undo(self) -> None:
        self.doc.apply_insert_item(self.owner, self.attr, self.index, self.item)


class ReplacePlanCommand(DocCommand):
    """Swap the whole plan for another (e.g. the edits of a presentation, kept as one step). The two plan objects
    are swapped, never copied, so that the commands before and after this one keep pointing at their objects."""

    def __init__(self, doc: PlanDocument, plan: Plan, text: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(doc, text, parent)
        self.other = plan

    def redo(self) -> None:
        self.other = self.doc.apply_plan(self.other)

    def undo(self) -> None:
        self.other = self.doc.apply_plan(self.other)
