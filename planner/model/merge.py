"""Three-way merge of plan files (``planner merge``): two people's edits of one plan, kept in git, put together.

The merge works on the plans as their files hold them (:func:`planner.model.io.plan_to_dict`), item by item and
field by field against their common ancestor, the way ``git merge`` works line by line:

- a field one side changed and the other did not takes the change; both sides making the same change is one change;
- decisions, stages, areas, teams and risks are matched by ``id``, baselines and scenarios by ``name``, links by
  their two ends (the n-th link between the same two decisions with the n-th); an item one side added is added,
  one side deleted (and the other left as it was) is deleted;
- the order of a list follows the side that reordered it; items added are placed after the item they follow on
  their side;
- a **conflict** is a field both sides changed differently (a field cleared on one side, back to its default, and
  changed on the other is one too), or an item one side deleted and the other edited: the preferred side's value
  is kept (``ours`` unless told otherwise), except that an edited item (a decision, a link, a scenario's override
  of a decision...) is never deleted by the other side's deletion, and every conflict is listed;
- a link whose decision the merge no longer has (one side deleted the decision, the other linked to it) is left
  out and listed, and so is a risk's mention of such a decision, so that the merged plan has no dangling name.

Card positions on the graph (``layout``) moved on both sides keep the preferred side's and are counted, not listed
as conflicts: they move no figure. No Qt, no analysis: whether the merged plan schedules (a loop made of two
sides' links) is for :func:`planner.analysis.analyze` to say.

>>> from planner.model import new_plan, Decision
>>> base = new_plan()
>>> base.decisions.append(Decision(id="a", title="A", stage="validate", duration=2))
>>> ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
>>> ours.decisions[0].duration = 3
>>> theirs.decisions[0].title = "A, renamed"
>>> m = merge_plans(base, ours, theirs)
>>> (m.plan.decisions[0].duration, m.plan.decisions[0].title, m.conflicts)
(3.0, 'A, renamed', [])
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any, Literal

from planner.model.plan import Plan
from planner.units import file_value, quoted

Side = Literal["ours", "theirs"]


class _Missing:
    """An item or field a side does not have (deleted, or never added)."""

    def __repr__(self) -> str:
        return "(none)"


MISSING: Any = _Missing()

_KEYED = {
    **dict.fromkeys(("stages", "areas", "teams", "decisions", "risks", "add_decisions"), "id"),
    **dict.fromkeys(("baselines", "scenarios"), "name"),
    **dict.fromkeys(("dependencies", "add_dependencies", "remove_dependencies"), "link"),
}
"""The lists of items merged item by item, and what matches an item with its other versions."""
_KINDS = {
    "stages": "stage",
    "areas": "area",
    "teams": "team",
    "decisions": "decision",
    "add_decisions": "added decision",
    "risks": "risk",
    "baselines": "baseline",
    "scenarios": "scenario",
}
_SCALARS = (str, int, float, bool, type(None))


@dataclass(frozen=True)
class Conflict:
    """A place both sides changed differently: ``where`` names it as a person reads it (``decision 'x'
    duration``), ``base``/``ours``/``theirs`` are the three values (:data:`MISSING` where a side has none),
    ``kept`` the side whose value the merged plan has, and ``item`` whether the place is a whole item (a side
    without it deleted it) or a field of one (a side without it cleared it back to its default)."""

    where: str
    base: Any
    ours: Any
    theirs: Any
    kept: Side
    item: bool = False

    def to_dict(self) -> dict[str, Any]:
        def value(v: Any) -> Any:
            return None if v is MISSING else v

        gone = [s for s, v in (("ours", self.ours), ("theirs", self.theirs)) if v is MISSING]
        return {
            "where": self.where,
            "base": value(self.base),
            "ours": value(self.ours),
            "theirs": value(self.theirs),
            "kept": self.kept,
            "deleted": gone if self.item else [],
            "cleared": [] if self.item else gone,
        }


@dataclass
class MergeResult:
    """The merged plan, the conflicts (in file order), the links and risk mentions left out because the decision
    they name was deleted, and how many card positions both sides moved."""

    plan: Plan
    conflicts: list[Conflict] = field(default_factory=list)
    left_out: list[dict[str, Any]] = field(default_factory=list)
    positions_both_moved: int = 0

    @property
    def clean(self) -> bool:
        return not self.conflicts and not self.left_out

    def described(self) -> list[tuple[str, str]]:
        """What the merge could not decide alone, as sentences: ``("!", ...)`` a conflict with its three values
        and the side kept, ``("-", ...)`` something left out. The command line and the app say the same."""

        def shown(v: Any, gone: str) -> str:
            return gone if v is MISSING else file_value(v)

        out: list[tuple[str, str]] = []
        for c in self.conflicts:
            missing = "(deleted)" if c.item else "(cleared)"
            out.append(
                (
                    "!",
                    f"{c.where}: base {shown(c.base, '(none)')}; ours {shown(c.ours, missing)}; "
                    f"theirs {shown(c.theirs, missing)} -> kept {c.kept}",
                )
            )
        ids = {d.id for d in self.plan.decisions}
        for x in self.left_out:
            if "risk" in x:
                out.append(
                    (
                        "-",
                        f"risk {quoted(str(x['risk']))} no longer names decision {quoted(str(x['decision']))}: "
                        "it was deleted on the other side",
                    )
                )
            else:
                gone = [e for e in (x.get("from"), x.get("to")) if e not in ids]
                out.append(
                    (
                        "-",
                        f"link {x.get('from')} -> {x.get('to')} left out: "
                        + ", ".join(f"decision {quoted(str(e))}" for e in gone)
                        + " was deleted on the other side",
                    )
                )
        return out


def _keys(items: list[Any], kind: str) -> list[Hashable]:
    """Each item's key: its id or name, its two ends for a link, itself for a word of a list of words (tags);
    a key repeated in one list (two links between the same decisions, a file with two decisions of one id) is told
    apart by its place among those that share it, so nothing is lost."""
    seen: dict[Hashable, int] = {}
    keys: list[Hashable] = []
    for x in items:
        k: Hashable
        if kind == "link":
            k = (x.get("from"), x.get("to")) if isinstance(x, dict) else repr(x)
        elif kind == "value":
            k = x if isinstance(x, _SCALARS) else repr(x)
        else:
            k = x.get(kind) if isinstance(x, dict) else repr(x)
            k = k if isinstance(k, Hashable) else repr(k)
        n = seen.get(k, 0)
        seen[k] = n + 1
        keys.append((k, n))
    return keys


def _label(field_name: str, kind: str, key: Hashable) -> str:
    """How a conflict names an item: ``decision 'x'``, ``link a -> b``, ``tags 'pilot'``."""
    k, n = key if isinstance(key, tuple) else (key, 0)
    again = f" (#{n + 1})" if n else ""
    if kind == "link" and isinstance(k, tuple):
        return f"{'link' if field_name == 'dependencies' else field_name} {k[0]} -> {k[1]}{again}"
    return f"{_KINDS.get(field_name, field_name)} {quoted(str(k))}{again}"


def _list_kind(name: str, *values: Any) -> str | None:
    lists = [v for v in values if v is not MISSING]
    if not all(isinstance(v, list) for v in lists):
        return None
    if name in _KEYED:
        return _KEYED[name]
    if all(isinstance(x, _SCALARS) for v in lists for x in v):
        return "value"  # tags, references, gate criteria, a risk's decisions: merged word by word
    return None


def _is_item(path: tuple[str, ...]) -> bool:
    """Whether ``path`` names a whole item, which a side deletes, rather than a field, which a side clears: an
    item of a list matched by key, a card's position, a scenario's override of one decision, team or risk."""
    return bool(path) and (
        path[-1] == "[]"
        or (len(path) == 2 and path[0] == "layout")
        or (len(path) == 4 and path[0] == "scenarios" and path[2] in ("decisions", "teams", "risks"))
    )


def _order(
    base: list[Hashable], ours: list[Hashable], theirs: list[Hashable], keep: set[Hashable]
) -> list[Hashable]:
    """The merged list's order: the side that reordered the items both kept leads (ours when both did), and each
    item only the other side has goes after the item it follows there."""
    common = set(ours) & set(theirs) & set(base)
    o = [k for k in ours if k in common]
    t = [k for k in theirs if k in common]
    b = [k for k in base if k in common]
    lead, other = (theirs, ours) if o == b and t != b else (ours, theirs)
    out = [k for k in lead if k in keep]
    placed = set(out)
    for i, k in enumerate(other):
        if k in keep and k not in placed:
            before = next((x for x in reversed(other[:i]) if x in placed), None)
            out.insert(out.index(before) + 1 if before is not None else 0, k)
            placed.add(k)
    return out


class _Merger:
    def __init__(self, prefer: Side) -> None:
        self.prefer: Side = prefer
        self.conflicts: list[Conflict] = []
        self.positions = 0

    def value(self, where: str, base: Any, ours: Any, theirs: Any, path: tuple[str, ...]) -> Any:
        if ours == theirs:
            return ours
        if ours == base:
            return theirs
        if theirs == base:
            return ours
        if len(path) == 2 and path[0] == "layout" and MISSING not in (ours, theirs):
            self.positions += 1  # a card both sides moved: no figure moves with it
            return ours if self.prefer == "ours" else theirs
        item = _is_item(path)
        if not item and isinstance(base, dict):  # a mapping cleared on one side: each of its entries removed
            ours, theirs = ({} if v is MISSING else v for v in (ours, theirs))
        if isinstance(ours, dict) and isinstance(theirs, dict):
            return self.mapping(where, base if isinstance(base, dict) else {}, ours, theirs, path)
        kind = _list_kind(path[-1], base, ours, theirs) if path else None
        if kind is not None:
            empty: list[Any] = []
            return self.listed(
                where, path, kind, *(empty if v is MISSING else v for v in (base, ours, theirs))
            )
        kept: Side = self.prefer
        if item and (ours is MISSING or theirs is MISSING):  # deleted on one side, edited on the other: kept
            kept = "theirs" if ours is MISSING else "ours"
        self.conflicts.append(Conflict(where, base, ours, theirs, kept, item))
        return ours if kept == "ours" else theirs

    def mapping(
        self,
        where: str,
        base: dict[str, Any],
        ours: dict[str, Any],
        theirs: dict[str, Any],
        path: tuple[str, ...],
    ) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key in _order(list(base), list(ours), list(theirs), {*ours, *theirs}):  # (both deleted: gone)
            k = str(key)
            here = f"{where} {k}" if where else f"plan {k}"
            v = self.value(
                here, base.get(k, MISSING), ours.get(k, MISSING), theirs.get(k, MISSING), (*path, k)
            )
            if v is not MISSING:
                out[k] = v
        return out

    def listed(
        self,
        where: str,
        path: tuple[str, ...],
        kind: str,
        base: list[Any],
        ours: list[Any],
        theirs: list[Any],
    ) -> list[Any]:
        name = path[-1]
        kb, ko, kt = _keys(base, kind), _keys(ours, kind), _keys(theirs, kind)
        mb, mo, mt = (dict(zip(k, v, strict=True)) for k, v in ((kb, base), (ko, ours), (kt, theirs)))
        merged: dict[Hashable, Any] = {}
        for k in dict.fromkeys([*ko, *kt, *kb]):
            label = _label(name, kind, k)
            here = (
                f"{where} {label}" if len(path) > 1 else label
            )  # (an item of a scenario's list: named in it)
            v = self.value(here, mb.get(k, MISSING), mo.get(k, MISSING), mt.get(k, MISSING), (*path, "[]"))
            if v is not MISSING:
                merged[k] = v
        return [merged[k] for k in _order(kb, ko, kt, set(merged))]


def merge_dicts(
    base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any], prefer: Side = "ours"
) -> tuple[dict[str, Any], list[Conflict], int]:
    """The three-way merge of three plans as their files hold them: the merged dict, the conflicts and how many
    card positions both sides moved (module docstring)."""
    merger = _Merger(prefer)
    out = merger.mapping("", base, ours, theirs, ())
    return out, merger.conflicts, merger.positions


def _drop_dangling(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Leave out the links whose ends the merged plan does not have (a decision one side deleted, a link the
    other side made to it), a risk's mention of such a decision, and the card positions of decisions it does not
    have; the links and mentions left out (``{"from", "to", ...}``, ``{"risk", "decision"}``)."""
    ids = {d.get("id") for d in data.get("decisions", []) if isinstance(d, dict)}
    kept: list[Any] = []
    dropped: list[Any] = []
    for x in data.get("dependencies", []):
        (kept if isinstance(x, dict) and x.get("from") in ids and x.get("to") in ids else dropped).append(x)
    if dropped:
        data["dependencies"] = kept
    for risk in data.get("risks", []):
        named = risk.get("decisions") if isinstance(risk, dict) else None
        if isinstance(named, list) and any(x not in ids for x in named):
            dropped += [{"risk": risk.get("id"), "decision": x} for x in named if x not in ids]
            risk["decisions"] = [x for x in named if x in ids]
    layout = data.get("layout")
    if isinstance(layout, dict) and any(k not in ids for k in layout):
        data["layout"] = {k: v for k, v in layout.items() if k in ids}
    return dropped


def merge_plans(base: Plan | None, ours: Plan, theirs: Plan, prefer: Side = "ours") -> MergeResult:
    """Merge ``ours`` and ``theirs``, two edits of ``base`` (module docstring); ``base`` None when they have no
    common ancestor (both sides added the plan): each holds what it holds as added, and what they hold
    differently is a conflict. Raises
    :class:`planner.model.io.PlanLoadError` when the merged plan is not a valid plan file (two sides' changes that
    each hold alone but not together, e.g. more decisions than a plan may have)."""
    from planner.model.io import plan_from_dict, plan_to_dict

    data, conflicts, positions = merge_dicts(
        plan_to_dict(base) if base is not None else {}, plan_to_dict(ours), plan_to_dict(theirs), prefer
    )
    dropped = _drop_dangling(data)
    plan = plan_from_dict(data, "the merged plan")
    return MergeResult(plan, conflicts, dropped, positions)


__all__ = ["MISSING", "Conflict", "MergeResult", "merge_dicts", "merge_plans"]
