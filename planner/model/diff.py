"""What changed between two plans, field by field (``planner diff``, issue 13). No Qt, no analysis: the figures
that go with a diff come from :func:`planner.analysis.compare.compare_plans`.

>>> from planner.model import new_plan, Decision
>>> a, b = new_plan(), new_plan()
>>> a.decisions.append(Decision(id="x", title="X", stage="validate", duration=2))
>>> b.decisions.append(Decision(id="x", title="X", stage="integrate", duration=2))
>>> diff_plans(a, b).to_dict()["decisions"]["changed"]
[{'id': 'x', 'fields': {'stage': {'a': 'validate', 'b': 'integrate'}}}]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from planner import units
from planner.model.plan import Dependency, Plan


def _fields(obj: BaseModel) -> dict[str, Any]:
    return obj.model_dump(mode="json", by_alias=True)


def _changed_fields(a: BaseModel, b: BaseModel, skip: tuple[str, ...] = ("id",)) -> dict[str, dict[str, Any]]:
    fa, fb = _fields(a), _fields(b)
    return {
        k: {"a": fa.get(k), "b": fb.get(k)}
        for k in dict.fromkeys([*fa, *fb])
        if k not in skip and fa.get(k) != fb.get(k)
    }


@dataclass
class ListDiff:
    """Items of a list keyed by id: added (in B only), removed (in A only), changed (field by field)."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[tuple[str, dict[str, dict[str, Any]]]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "removed": self.removed,
            "changed": [{"id": i, "fields": f} for i, f in self.changed],
        }


def _diff_by_id(a: list[Any], b: list[Any]) -> ListDiff:
    ia, ib = {x.id: x for x in a}, {x.id: x for x in b}
    out = ListDiff(added=[x.id for x in b if x.id not in ia], removed=[x.id for x in a if x.id not in ib])
    for x in b:
        if x.id in ia:
            ch = _changed_fields(ia[x.id], x)
            if ch:
                out.changed.append((x.id, ch))
    return out


def _link(dep: Dependency) -> dict[str, Any]:
    return {"from": dep.from_, "to": dep.to, "type": str(dep.type), "lag": dep.lag}


@dataclass
class PlanDiff:
    """Everything that differs between plan A and plan B (ids and field values as in the files)."""

    plan: dict[
        str, dict[str, Any]
    ]  # top-level fields (title, dates, money, ai_system; stage_order) that differ
    decisions: ListDiff
    dependencies_added: list[dict[str, Any]]
    dependencies_removed: list[dict[str, Any]]
    dependencies_changed: list[dict[str, Any]]
    teams: ListDiff
    risks: ListDiff
    stages: ListDiff
    scenarios: dict[str, list[str]] = field(default_factory=dict)  # added / removed / changed, by name
    areas: ListDiff = field(default_factory=ListDiff)
    baselines: dict[str, list[str]] = field(default_factory=dict)  # added / removed / changed, by name

    @property
    def empty(self) -> bool:
        return (
            not self.plan
            and self.decisions.empty
            and not self.dependencies_added
            and not self.dependencies_removed
            and not self.dependencies_changed
            and self.teams.empty
            and self.risks.empty
            and self.stages.empty
            and self.areas.empty
            and not any(self.scenarios.values())
            and not any(self.baselines.values())
        )

    def changes(self) -> list[tuple[str, str]]:
        """Each change as ``(sign, text)``: ``+`` added, ``-`` removed, ``~`` edited, no sign for the plan's own
        fields (``plan title: 'A' -> 'B'``, ``decision x: duration 3 -> 4``, ``link a -> b (FS, lag 0)``), in the
        order ``planner diff`` lists them;
        the app's Compare says the same (values by :func:`planner.units.file_value`)."""
        value = units.file_value
        out: list[tuple[str, str]] = [
            ("", f"plan {k}: {value(v['a'])} -> {value(v['b'])}") for k, v in self.plan.items()
        ]
        for label, ld in (
            ("decision", self.decisions),
            ("team", self.teams),
            ("risk", self.risks),
            ("stage", self.stages),
            ("area", self.areas),
        ):
            out += [("+", f"{label} {i}") for i in ld.added]
            out += [("-", f"{label} {i}") for i in ld.removed]
            out += [
                (
                    "~",
                    f"{label} {i}: "
                    + "; ".join(f"{k} {value(v['a'])} -> {value(v['b'])}" for k, v in f.items()),
                )
                for i, f in ld.changed
            ]
        for sign, key in (("+", "added"), ("-", "removed"), ("~", "changed")):
            for kind, named in (("scenario", self.scenarios), ("baseline", self.baselines)):
                out += [(sign, f"{kind} {units.quoted(name)}") for name in named.get(key, [])]
        for sign, links in (("+", self.dependencies_added), ("-", self.dependencies_removed)):
            out += [
                (sign, f"link {x['from']} -> {x['to']} ({x['type']}, lag {units.plain_number(x['lag'])})")
                for x in links
            ]
        out += [
            (
                "~",
                f"link {x['from']} -> {x['to']}: "
                + "; ".join(f"{k} {value(v['a'])} -> {value(v['b'])}" for k, v in x["fields"].items()),
            )
            for x in self.dependencies_changed
        ]
        return out

    def to_dict(self) -> dict[str, Any]:
        """The ``changes`` object of ``planner diff --format json`` (README, "planner diff")."""
        return {
            "plan": self.plan,
            "decisions": self.decisions.to_dict(),
            "dependencies": {
                "added": self.dependencies_added,
                "removed": self.dependencies_removed,
                "changed": self.dependencies_changed,
            },
            "teams": self.teams.to_dict(),
            "risks": self.risks.to_dict(),
            "stages": self.stages.to_dict(),
            "areas": self.areas.to_dict(),
            "scenarios": self.scenarios or _by_name([], []),
            "baselines": self.baselines or _by_name([], []),
        }


_LISTS = ("stages", "areas", "teams", "decisions", "dependencies", "risks", "baselines", "scenarios")
_PLAN_FIELDS = tuple(k for k in Plan.model_fields if k not in (*_LISTS, "layout", "extensions"))
"""The plan's own fields a diff compares: every top-level field but its lists, the app's card positions and the
extensions kept for other tools (title, description, the dates, currency, budget, target, cost of delay, horizon,
ai_system: each moves figures or their meaning)."""


def _by_name(a: list[Any], b: list[Any]) -> dict[str, list[str]]:
    """Named items (scenarios, baselines) added, removed and changed."""
    ia, ib = {x.name: x for x in a}, {x.name: x for x in b}
    return {
        "added": [n for n in ib if n not in ia],
        "removed": [n for n in ia if n not in ib],
        "changed": [n for n in ib if n in ia and ia[n] != ib[n]],
    }


def diff_plans(a: Plan, b: Plan) -> PlanDiff:
    """What changed from ``a`` to ``b``. Links are matched by (from, to): a pair in both plans with one link each
    whose type, lag or note differs is *changed*; otherwise links are added or removed."""
    fa = a.model_dump(mode="json", include=set(_PLAN_FIELDS))
    fb = b.model_dump(mode="json", include=set(_PLAN_FIELDS))
    top = {k: {"a": fa.get(k), "b": fb.get(k)} for k in _PLAN_FIELDS if fa.get(k) != fb.get(k)}
    # The stages' order is the plan's sequence (stage inversions, sequenced stages, the gates follow it).
    order_a = [s.id for s in a.stages if s.id in {x.id for x in b.stages}]
    order_b = [s.id for s in b.stages if s.id in {x.id for x in a.stages}]
    if order_a != order_b:
        top["stage_order"] = {"a": order_a, "b": order_b}
    pairs_a: dict[tuple[str, str], list[Dependency]] = {}
    pairs_b: dict[tuple[str, str], list[Dependency]] = {}
    for deps, table in ((a.dependencies, pairs_a), (b.dependencies, pairs_b)):
        for x in deps:
            table.setdefault((x.from_, x.to), []).append(x)
    added, removed, changed = [], [], []
    for x in b.dependencies:
        key = (x.from_, x.to)
        if key not in pairs_a:
            added.append(_link(x))
    for x in a.dependencies:
        key = (x.from_, x.to)
        if key not in pairs_b:
            removed.append(_link(x))
    for key, links_b in pairs_b.items():
        links_a = pairs_a.get(key)
        if links_a is None:
            continue
        if len(links_a) == 1 and len(links_b) == 1:
            ch = _changed_fields(links_a[0], links_b[0], skip=("from", "to"))
            if ch:
                changed.append({"from": key[0], "to": key[1], "fields": ch})
        else:
            da = [_fields(x) for x in links_a]
            db = [_fields(x) for x in links_b]
            removed += [_link(x) for x, f in zip(links_a, da, strict=True) if f not in db]
            added += [_link(x) for x, f in zip(links_b, db, strict=True) if f not in da]
    return PlanDiff(
        top,
        _diff_by_id(a.decisions, b.decisions),
        added,
        removed,
        changed,
        _diff_by_id(a.teams, b.teams),
        _diff_by_id(a.risks, b.risks),
        _diff_by_id(a.stages, b.stages),
        _by_name(a.scenarios, b.scenarios),
        _diff_by_id(a.areas, b.areas),
        _by_name(a.baselines, b.baselines),
    )


__all__ = ["ListDiff", "PlanDiff", "diff_plans"]
