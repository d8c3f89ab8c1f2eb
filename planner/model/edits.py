"""The edit layer: the rules of changing a plan, and the changes themselves, without Qt.

Every change the app makes to a plan goes through a function here; so do scenarios and imports where they
change a plan. The app's undo commands (:mod:`planner.ui.state.undo`) are thin wrappers: each one calls the
document's public ``apply_*`` API, which calls one of these functions and emits the signals the views listen to
(orange-canvas-core's commands call ``scheme.add_node`` the same way).

Two kinds of functions:

- *rules*, which change nothing and answer a question: :func:`unique_id`, :func:`check_new_id`,
  :func:`check_dependency` (naming the cycle a link would close, found by :func:`find_path`, the search the
  validation uses too), :func:`delete_cascade` (what deleting decisions takes with it);
- *changes*, which apply one change and return what undoing it needs: :func:`set_fields` returns the old values,
  :func:`remove_decision` the removed decision, :func:`set_layout` the old card positions, :class:`Rename` the
  objects a rename touched. Undo applies the inverse change to the very same objects (never copies), so that later
  steps of an undo history keep pointing at the right things.

>>> from planner.model import Decision, Dependency, new_plan
>>> plan = new_plan()
>>> plan.decisions += [Decision(id=i, title=i.upper(), stage="validate") for i in "abc"]
>>> insert_dependencies(plan, [(0, Dependency.model_validate({"from": "a", "to": "b"}))])
>>> insert_dependencies(plan, [(1, Dependency.model_validate({"from": "b", "to": "c"}))])
>>> check_dependency(plan, "c", "a")
'c -> a would create a cycle: c -> a -> b -> c'
>>> unique_id(plan, "a")
'a-2'
>>> cascade = delete_cascade(plan, ["b"])
>>> cascade.dependencies
[0, 1]
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel

from planner.model.plan import ID_PATTERN, Decision, Dependency, Plan, Position, Risk, Scenario

__all__ = [
    "DeleteCascade",
    "Rename",
    "check_dependency",
    "check_new_ends",
    "check_new_id",
    "closes_cycle",
    "delete_cascade",
    "drop_decisions",
    "find_path",
    "insert_decision",
    "insert_dependencies",
    "insert_item",
    "numbered_id",
    "remove_decision",
    "remove_dependencies",
    "remove_item",
    "set_fields",
    "status_changes",
    "set_layout",
    "successors",
    "unique_id",
]

ID_MAX_BASE = 56
"""An id made from another keeps at most this many of its characters, so that a ``-copy-12`` suffix still fits
the 64 characters an id may have."""

N = TypeVar("N", bound=Hashable)


# -- rules: ids -----------------------------------------------------------------------------------------------
def numbered_id(base: str, taken: set[str]) -> str:
    """``base-2``, ``base-3`` … whichever is not in ``taken``."""
    k = 2
    while f"{base}-{k}" in taken:
        k += 1
    return f"{base}-{k}"


def unique_id(plan: Plan | set[str], base: str) -> str:
    """``base`` (at most :data:`ID_MAX_BASE` characters; ``decision`` when empty), or ``base-2``, ``base-3`` …,
    whichever no decision of ``plan`` (or no id in the set) has yet."""
    taken = plan if isinstance(plan, set) else {d.id for d in plan.decisions}
    base = base[:ID_MAX_BASE] or "decision"
    return base if base not in taken else numbered_id(base, taken)


def check_new_id(plan: Plan, new_id: str) -> str | None:
    """None when a decision may take the id ``new_id``, else why not (in words)."""
    if not re.match(ID_PATTERN, new_id):
        return (
            f"'{new_id}' is not a valid id: use letters, digits, '-', '_' or '.', starting with a letter "
            "or digit (at most 64 characters)"
        )
    if plan.decision(new_id) is not None:
        return f"another decision already has the id '{new_id}'"
    return None


# -- rules: dependencies and cycles ---------------------------------------------------------------------------
def successors(dependencies: Iterable[Dependency]) -> dict[str, list[str]]:
    """Decision id -> the ids that depend on it, in file order."""
    succ: dict[str, list[str]] = {}
    for dep in dependencies:
        succ.setdefault(dep.from_, []).append(dep.to)
    return succ


def find_path(succ: Mapping[N, Iterable[N]], source: N, target: N) -> list[N] | None:
    """The shortest path ``[source, …, target]`` along ``succ`` (breadth first, so the loop a message names is the
    shortest one), or None. With ``source == target`` it is the shortest cycle through ``source``, closed
    (``[a, b, a]``). The validation's cycle findings and the edit checks both use this one search."""
    parent: dict[N, N | None] = {source: None}
    queue: deque[N] = deque([source])
    while queue:
        node = queue.popleft()
        for nxt in succ.get(node, ()):
            if nxt == target:
                path = [nxt]
                cur: N | None = node
                while cur is not None:
                    path.append(cur)
                    cur = parent[cur]
                path.reverse()
                return path
            if nxt in parent:
                continue
            parent[nxt] = node
            queue.append(nxt)
    return None


def closes_cycle(succ: Mapping[str, Iterable[str]], from_id: str, to_id: str) -> list[str] | None:
    """The cycle that a new link ``from_id -> to_id`` would close, as a closed list of ids (first == last, e.g.
    ``['a', 'b', 'c', 'a']``), or None. A self-dependency is ``[a, a]``."""
    if from_id == to_id:
        return [from_id, from_id]
    path = find_path(succ, to_id, from_id)  # to_id … from_id: with the new link, a loop
    return [from_id, *path] if path is not None else None


def check_dependency(
    plan: Plan, from_id: str, to_id: str, succ: Mapping[str, Iterable[str]] | None = None
) -> str | None:
    """None when ``from_id -> to_id`` may be added to ``plan``, else why not (naming the cycle it would close).
    ``succ`` is :func:`successors` of the plan when the caller keeps it cached."""
    for did in (from_id, to_id):
        if plan.decision(did) is None:
            return f"there is no decision '{did}'"
    if from_id == to_id:
        return f"a decision cannot depend on itself ({from_id} -> {to_id})"
    if any(dep.from_ == from_id and dep.to == to_id for dep in plan.dependencies):
        return f"{from_id} -> {to_id} already exists"
    cycle = closes_cycle(successors(plan.dependencies) if succ is None else succ, from_id, to_id)
    if cycle:
        return f"{from_id} -> {to_id} would create a cycle: {' -> '.join(cycle)}"
    return None


def check_new_ends(plan: Plan, index: int, new_from: str, new_to: str) -> str | None:
    """None when dependency ``index`` may be moved to join ``new_from -> new_to``, else why not."""
    dep = plan.dependencies[index]
    if (new_from, new_to) == (dep.from_, dep.to):
        return None
    if new_from == new_to:
        return "a decision cannot depend on itself"
    # The cycle is checked without the link being moved.
    succ = successors(d for k, d in enumerate(plan.dependencies) if k != index)
    cycle = closes_cycle(succ, new_from, new_to)
    if cycle:
        return f"{new_from} -> {new_to} would create a cycle: {' -> '.join(cycle)}"
    return None


# -- rules: what a delete takes with it -----------------------------------------------------------------------
@dataclass
class DeleteCascade:
    """What deleting some decisions changes besides removing them."""

    decisions: list[Decision]
    """The decisions deleted, in plan order."""
    dependencies: list[int]
    """Indices into ``plan.dependencies`` of every link that names one of them."""
    risks: list[tuple[Risk, list[str]]] = field(default_factory=list)
    """Each risk that names one of them, with the decisions it keeps (an unknown id in a risk is an error)."""
    go_live: bool = False
    """One of them is ``ai_system.go_live``: go-live then falls back to the last stage's start (it is cleared, not
    left naming a decision that is gone)."""


def delete_cascade(plan: Plan, ids: Iterable[str]) -> DeleteCascade:
    """What deleting the decisions ``ids`` takes with it (nothing is changed). Their card positions go with them
    (:func:`remove_decision` callers, :func:`drop_decisions`)."""
    wanted = set(ids)
    risks = []
    for risk in plan.risks:
        kept = [x for x in risk.decisions if x not in wanted]
        if len(kept) != len(risk.decisions):
            risks.append((risk, kept))
    return DeleteCascade(
        decisions=[d for d in plan.decisions if d.id in wanted],
        dependencies=[
            k for k, dep in enumerate(plan.dependencies) if dep.from_ in wanted or dep.to in wanted
        ],
        risks=risks,
        go_live=plan.ai_system is not None and plan.ai_system.go_live in wanted,
    )


def drop_decisions(plan: Plan, ids: Iterable[str]) -> None:
    """Delete the decisions ``ids`` with their cascade (:func:`delete_cascade`) and card positions, in one go and
    without undo: for plans being built (a scenario materialised, an import)."""
    dropped = set(ids)
    if not dropped:
        return
    cascade = delete_cascade(plan, dropped)
    plan.decisions = [d for d in plan.decisions if d.id not in dropped]
    gone = set(cascade.dependencies)
    plan.dependencies = [x for k, x in enumerate(plan.dependencies) if k not in gone]
    for risk, kept in cascade.risks:
        risk.decisions = kept
    if cascade.go_live and plan.ai_system is not None:
        plan.ai_system.go_live = None
    plan.layout = {k: v for k, v in plan.layout.items() if k not in dropped}


# -- changes --------------------------------------------------------------------------------------------------
MARKS = ("done", "in_progress", "not_started")


def status_changes(plan: Plan, ids: Iterable[str], status: str) -> list[tuple[Decision, dict[str, Any]]]:
    """A rule (issue 16): the fields to set to mark the decisions ``ids`` ``done``, ``in_progress`` or
    ``not_started``, per decision that changes, in plan order. Done sets progress to 100 % (recorded actual dates
    stay); in progress keeps a partial progress (100 % goes back to 0) and drops an actual finish; not started
    clears progress and both actual dates. Raises ValueError for another status.

    >>> from planner.model import new_plan
    >>> plan = new_plan()
    >>> plan.decisions += [Decision(id="a", title="A", stage="validate", progress=40),
    ...                    Decision(id="b", title="B", stage="validate", status="done", progress=100)]
    >>> [(d.id, c) for d, c in status_changes(plan, ["a", "b"], "done")]
    [('a', {'status': 'done', 'progress': 100.0})]
    >>> [(d.id, c) for d, c in status_changes(plan, ["b"], "in_progress")]
    [('b', {'status': 'in_progress', 'progress': 0.0})]
    """
    if status not in MARKS:
        raise ValueError(f"cannot mark decisions '{status}': choose done, in progress or not started")
    wanted = set(ids)
    out: list[tuple[Decision, dict[str, Any]]] = []
    for d in plan.decisions:
        if d.id not in wanted:
            continue
        new: dict[str, Any] = {"status": status}
        if status == "done":
            new["progress"] = 100.0
        elif status == "in_progress":
            new["actual_finish"] = None
            if d.progress >= 100:
                new["progress"] = 0.0
        else:
            new.update(progress=0.0, actual_start=None, actual_finish=None)
        new = {k: v for k, v in new.items() if getattr(d, k) != v}
        if new:
            out.append((d, new))
    return out


def moved_order(order: list[str], ids: Iterable[str], step: int) -> list[str] | None:
    """The order of ``order`` (decision ids) after moving ``ids`` one place up (``step`` -1) or down (+1), each
    past one neighbour that is not moved itself (a block moves as a block; one at the edge stays); None when
    nothing moves.

    >>> moved_order(["a", "b", "c", "d"], ["c"], -1)
    ['a', 'c', 'b', 'd']
    >>> moved_order(["a", "b", "c", "d"], ["a", "c"], -1)
    ['a', 'c', 'b', 'd']
    >>> moved_order(["a", "b", "c", "d"], ["b", "c"], 1)
    ['a', 'd', 'b', 'c']
    >>> moved_order(["a", "b"], ["b"], 1) is None
    True
    """
    if step not in (-1, 1):
        raise ValueError(f"step must be -1 or 1, not {step}")
    moving = set(ids)
    new = list(order)
    positions = range(1, len(new)) if step < 0 else range(len(new) - 2, -1, -1)
    for i in positions:
        j = i + step
        if new[i] in moving and new[j] not in moving:
            new[i], new[j] = new[j], new[i]
    return None if new == order else new


def set_fields(obj: BaseModel, values: Mapping[str, Any]) -> dict[str, Any]:
    """Set fields of a plan object (decision, dependency, risk, stage, area, team, criterion or the plan itself);
    returns their old values (undo is ``set_fields(obj, old)``). The values must be known to validate."""
    old = {k: getattr(obj, k) for k in values}
    for key, value in values.items():
        setattr(obj, key, value)
    return old


def insert_decision(plan: Plan, index: int, decision: Decision) -> None:
    plan.decisions.insert(index, decision)


def remove_decision(plan: Plan, index: int) -> Decision:
    """Remove ``plan.decisions[index]``; returns it (undo re-inserts the very same object)."""
    return plan.decisions.pop(index)


def insert_dependencies(plan: Plan, items: Iterable[tuple[int, Dependency]]) -> None:
    """Insert links at their final indices (``items`` in ascending index order)."""
    deps = plan.dependencies
    for index, dep in items:
        deps.insert(index, dep)


def remove_dependencies(plan: Plan, indices: Iterable[int]) -> list[tuple[int, Dependency]]:
    """Remove the links at ``indices``; returns ``(index, link)`` in ascending order, what
    :func:`insert_dependencies` needs to put them back."""
    deps = plan.dependencies
    items = [(i, deps[i]) for i in sorted(set(indices))]
    for index, _dep in reversed(items):
        del deps[index]
    return items


def set_layout(plan: Plan, positions: Mapping[str, Position | None]) -> dict[str, Position | None]:
    """Set card positions (None forgets one, so the graph lays it out); returns the old ones, for undo."""
    layout = plan.layout
    old = {k: layout.get(k) for k in positions}
    for key, pos in positions.items():
        if pos is None:
            layout.pop(key, None)
        else:
            layout[key] = pos
    return old


def insert_item(owner: BaseModel, attr: str, index: int, item: Any) -> None:
    """Insert ``item`` into the list field ``attr`` of ``owner`` (stages, areas, teams, risks, criteria …)."""
    getattr(owner, attr).insert(index, item)


def remove_item(owner: BaseModel, attr: str, index: int) -> Any:
    """Remove item ``index`` of the list field ``attr`` of ``owner``; returns it."""
    return getattr(owner, attr).pop(index)


@dataclass
class Rename:
    """A decision's change of id and every reference to it: the links that name it, the risks, ``ai_system.go_live``,
    its card position, the baselines' figures and the scenarios' overrides. The references are found when the rename is made
    (:meth:`of`), so that :meth:`apply` and :meth:`revert` touch the very same objects however often they run."""

    decision: Decision
    old_id: str
    new_id: str
    from_deps: list[Dependency]
    to_deps: list[Dependency]
    risks: list[Risk]
    scenarios_before: list[Scenario] | None = None
    go_live: bool = False

    @classmethod
    def of(cls, plan: Plan, decision: Decision, new_id: str) -> Rename:
        old = decision.id
        return cls(
            decision=decision,
            old_id=old,
            new_id=new_id,
            from_deps=[d for d in plan.dependencies if d.from_ == old],
            to_deps=[d for d in plan.dependencies if d.to == old],
            risks=[r for r in plan.risks if old in r.decisions],
            go_live=plan.ai_system is not None and plan.ai_system.go_live == old,
        )

    def apply(self, plan: Plan) -> None:
        """Rename ``old_id`` to ``new_id`` everywhere."""
        self._rename(plan, self.old_id, self.new_id)
        if plan.scenarios:  # the scenarios' overrides follow it (issue 13); revert puts the same ones back
            from planner.model.scenarios import rename_decision

            self.scenarios_before = plan.scenarios
            plan.scenarios = rename_decision(plan.scenarios, self.old_id, self.new_id)

    def revert(self, plan: Plan) -> None:
        """Undo :meth:`apply`."""
        self._rename(plan, self.new_id, self.old_id)
        if self.scenarios_before is not None:
            plan.scenarios = self.scenarios_before

    def _rename(self, plan: Plan, old: str, new: str) -> None:
        self.decision.id = new
        for d in self.from_deps:
            d.from_ = new
        for d in self.to_deps:
            d.to = new
        for r in self.risks:
            r.decisions = [new if x == old else x for x in r.decisions]
        if self.go_live and plan.ai_system is not None:
            plan.ai_system.go_live = new
        if old in plan.layout:
            # Rebuild to keep the key order stable (the file diffs well).
            plan.layout = {(new if k == old else k): v for k, v in plan.layout.items()}
        for baseline in plan.baselines:  # a renamed decision keeps its baseline figures (variance)
            if old in baseline.decisions:
                baseline.decisions = {(new if k == old else k): v for k, v in baseline.decisions.items()}
