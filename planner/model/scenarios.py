"""Scenarios (issue 13): named sets of overrides on the base plan, kept in the plan file.

A scenario is never analysed by a second code path: :func:`materialise` turns it into an ordinary
:class:`~planner.model.plan.Plan`, and every analysis (schedule, stages, Monte Carlo, capacity, report) runs on
that plan unchanged. :func:`derive_scenario` is the inverse: given the base and an edited copy of it, it writes
the overrides that turn one into the other (the app records edits made while a scenario is active this way).

Order of application in :func:`materialise`:

1. ``drop_decisions``: the decisions leave the plan with every dependency that touches them and their mentions
   in risks (and card positions);
2. ``remove_dependencies``: every base link from ``from`` to ``to`` goes;
3. ``decisions`` / ``teams`` / ``risks``: field overrides (a field left out keeps the base value; overrides that
   name an id the base does not have are skipped and reported by :func:`scenario_problems`);
4. ``add_decisions`` are appended, then ``add_dependencies``.

>>> from planner.model import new_plan, Decision, Scenario, DecisionOverride
>>> plan = new_plan()
>>> plan.decisions.append(Decision(id="a", title="A", stage="validate", duration=3))
>>> plan.scenarios.append(Scenario(name="Faster", decisions={"a": DecisionOverride(duration=2)}))
>>> materialise(plan, "Faster").decisions[0].duration
2.0
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from planner.model import edits, names
from planner.model.names import name_key
from planner.model.plan import (
    Decision,
    DecisionOverride,
    Dependency,
    LinkRef,
    Plan,
    Risk,
    RiskOverride,
    Scenario,
    Team,
    TeamOverride,
    duration_value,
)
from planner.units import agree, format_money, format_percent, quoted

BASE = "Base"
"""What the base plan is called wherever scenarios are listed beside it."""

DECISION_FIELDS: tuple[str, ...] = tuple(DecisionOverride.model_fields)
"""The decision fields a scenario can override."""


class ScenarioError(ValueError):
    """An unknown scenario name; the message lists the valid ones."""


def scenario_names(plan: Plan) -> list[str]:
    """The scenarios of ``plan`` in file order (the base not included)."""
    return [s.name for s in plan.scenarios]


def named(plan: Plan, name: str) -> Scenario | None:
    """The scenario called ``name``: the first of the same :func:`name_key` (the first of two alike is the one used,
    as the ``duplicate-scenario`` warning says)."""
    key = name_key(name)
    return next((s for s in plan.scenarios if name_key(s.name) == key), None)


def find_scenario(plan: Plan, name: str) -> Scenario:
    """The scenario called ``name`` (:func:`named`); :class:`ScenarioError` naming the valid ones otherwise."""
    found = named(plan, name)
    if found is not None:
        return found
    raise _no_scenario(plan, name, scenario_names(plan))


def is_base(name: str | None) -> bool:
    """True for None, '' and 'Base' (case-insensitive), which all mean the plan without overrides."""
    return name is None or name == "" or name.casefold() == BASE.casefold()


def resolve(plan: Plan, name: str | None) -> Plan:
    """``plan`` itself for the base, else the scenario materialised (ScenarioError for an unknown name).

    A scenario literally named like the base wins over the base."""
    found = None if name is None else named(plan, name)
    if found is not None:
        return materialise(plan, found)
    if is_base(name):
        return plan
    raise _no_scenario(plan, str(name), [BASE, *scenario_names(plan)])


def _no_scenario(plan: Plan, name: str, valid: list[str]) -> ScenarioError:
    """The error for a scenario ``name`` the plan does not have, naming the ``valid`` ones (quoted on one line,
    :func:`planner.units.quoted`)."""
    listed = ", ".join(quoted(n) for n in valid) if valid else "none (the plan has no scenarios)"
    return ScenarioError(
        f"no scenario called {quoted(name)} in {quoted(plan.title)}; valid scenarios: {listed}"
    )


def materialise(plan: Plan, scenario: str | Scenario) -> Plan:
    """The plan that ``scenario`` (a name or a :class:`Scenario`) describes: a new :class:`Plan`, with no
    scenarios of its own, that every analysis accepts as it is. ``plan`` is not modified."""
    sc = find_scenario(plan, scenario) if isinstance(scenario, str) else scenario
    out = plan.model_copy(deep=True)
    out.scenarios = []
    mentions = [list(r.decisions) for r in out.risks]
    go_live = out.ai_system.go_live if out.ai_system is not None else None
    layout = dict(out.layout)
    edits.drop_decisions(out, sc.drop_decisions)  # the delete cascade the app's delete uses
    removed = {(x.from_, x.to) for x in sc.remove_dependencies}
    if removed:
        out.dependencies = [x for x in out.dependencies if (x.from_, x.to) not in removed]
    by_id = {d.id: d for d in out.decisions}
    for did, ov in sc.decisions.items():
        dec = by_id.get(did)
        if dec is None:
            continue
        changes = {k: v for k, v in ov.model_dump(exclude_none=True).items()}
        if changes:
            # validate the merged decision as a whole (a milestone keeps 0 weeks, estimates stay ordered)
            merged = Decision.model_validate(
                {**dec.model_dump(by_alias=True, exclude_unset=False), **changes}
            )
            out.decisions[out.decisions.index(dec)] = merged
            by_id[did] = merged
    teams = {t.id: t for t in out.teams}
    for tid, tov in sc.teams.items():
        if tid in teams and tov.capacity is not None:
            teams[tid].capacity = tov.capacity
    risks = {r.id: r for r in out.risks}
    for rid, rov in sc.risks.items():
        found = risks.get(rid)
        if found is None:
            continue
        risk = found
        if rov.probability is not None:
            risk.probability = rov.probability
        if rov.impact is not None:
            risk.impact = rov.impact
    out.decisions.extend(d.model_copy(deep=True) for d in sc.add_decisions)
    out.dependencies.extend(x.model_copy(deep=True) for x in sc.add_dependencies)
    readded = set(sc.drop_decisions) & {d.id for d in sc.add_decisions}
    # Dropped and added again (how an edit of a title is recorded): still the risks' and the go-live's.
    if readded:
        dropped = set(sc.drop_decisions) - readded
        for risk, before in zip(out.risks, mentions, strict=True):
            risk.decisions = [x for x in before if x not in dropped]
        if go_live in readded and out.ai_system is not None:
            out.ai_system.go_live = go_live
        out.layout.update({k: v for k, v in layout.items() if k in readded})
    return out


def _removals(plan: Plan, scenario: Scenario, *, made: bool) -> list[LinkRef]:
    """The scenario's ``remove_dependencies`` that name a link of the plan (``made``), or the others (skipped)."""
    pairs = {(x.from_, x.to) for x in plan.dependencies}
    return [x for x in scenario.remove_dependencies if ((x.from_, x.to) in pairs) == made]


def _links_kept(plan: Plan, scenario: Scenario) -> set[tuple[str, str]]:
    """The base links ``(from, to)`` that :func:`materialise` keeps: not removed, neither end dropped."""
    dropped = set(scenario.drop_decisions)
    removed = {(x.from_, x.to) for x in scenario.remove_dependencies}
    return {
        (x.from_, x.to) for x in plan.dependencies if x.from_ not in dropped and x.to not in dropped
    } - removed


def _links_made_twice(plan: Plan, scenario: Scenario) -> list[bool]:
    """For each of the scenario's ``add_dependencies``: True when its materialised plan has that link already (a
    base link it keeps, or one the scenario added before), so that it links the two decisions twice (the
    ``duplicate-dependency`` of ``check --scenario``; the tightest link wins)."""
    made = _links_kept(plan, scenario)
    out = []
    for x in scenario.add_dependencies:
        out.append((x.from_, x.to) in made)
        made.add((x.from_, x.to))
    return out


CANNOT_SCHEDULE = "the scenario cannot be scheduled"
"""The end of a :func:`scenario_problems` item about a change that is made and leaves the scenario with an error."""


class ScenarioProblem(str):
    """One item of :func:`scenario_problems`: its words, and the code of the warning `planner check` gives it
    (``scenario-unknown-reference``, ``scenario-duplicate-id``, ``scenario-case-duplicate-id``, ``scenario-cycle``,
    ``scenario-milestone-duration``, ``scenario-duplicate-dependency``), so that nobody reads the code back out of
    the words."""

    code: str

    def __new__(cls, text: str, code: str) -> ScenarioProblem:
        out = super().__new__(cls, text)
        out.code = code
        return out

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]  # (copies and pickles keep the code)
        return str(self), self.code

    @property
    def unschedulable(self) -> bool:
        """The change is made and leaves the scenario with an error (its words end in :data:`CANNOT_SCHEDULE`);
        otherwise it is skipped, or (an id the base has) made and the two share the id."""
        return self.endswith(CANNOT_SCHEDULE)

    @property
    def skipped(self) -> bool:
        """The change names what the plan does not have and is left out of the scenario (not made)."""
        return self.code == "scenario-unknown-reference" and not self.unschedulable


def _ids_alike_but_case(ids: set[str], scenario: Scenario) -> list[str]:
    """Added decisions whose id differs only in case from a decision the scenario keeps or adds before it (``GPU``
    beside the plan's ``gpu``): the scenario schedules, but Microsoft Project, Primavera P6 and spreadsheet lookups
    take the two for one id (the ``case-duplicate-id`` warning of the scenario's own plan, said by `planner check`
    of the file). Ids are ASCII (SPEC §2), so ``lower`` is their case rule; an id given exactly twice is
    ``scenario-duplicate-id`` instead."""
    seen: dict[str, str] = {}
    for i in sorted(ids - set(scenario.drop_decisions)):
        seen.setdefault(i.lower(), i)
    out = []
    for d in scenario.add_decisions:
        other = seen.setdefault(d.id.lower(), d.id)
        if other != d.id:
            out.append(f"adds decision {quoted(d.id)}, whose id differs only in case from {quoted(other)}")
    return out


TYPOS_LOOKED_UP = 20
"""Unknown ids of one scenario for which the id meant is looked for (:func:`planner.model.names.typo_for`)."""


def scenario_problems(plan: Plan, scenario: Scenario) -> list[ScenarioProblem]:
    """The scenario's changes that name something the plan does not have, in words: an override of an unknown
    decision, team or risk, an unknown drop or a link removed that the plan lacks (all skipped); an added decision
    whose id the base has; and, ending in :data:`CANNOT_SCHEDULE`, a change that is made but names a stage, area
    or team the plan does not define, a link end that is no decision of the scenario or a link that closes a loop
    (the scenario's plan then has an unknown-reference, self-dependency or cycle error), an id added twice or a
    milestone given a duration (a duplicate-id or milestone-duration error)."""
    unknown, duplicate = "scenario-unknown-reference", "scenario-duplicate-id"
    problems: list[ScenarioProblem] = []

    def say(code: str, texts: Iterable[str]) -> None:
        problems.extend(ScenarioProblem(t, code) for t in texts)

    ids = {d.id for d in plan.decisions}
    looked_up = [0]

    def typo_for(name: str, known: set[str]) -> str:  # the first few unknown names only: each is a search
        looked_up[0] += 1
        return names.typo_for(name, known) if looked_up[0] <= TYPOS_LOOKED_UP else ""

    say(
        unknown,
        (
            f"drops unknown decision {quoted(x)}{typo_for(x, ids)}"
            for x in scenario.drop_decisions
            if x not in ids
        ),
    )
    say(
        unknown,
        (
            f"overrides unknown decision {quoted(x)}{typo_for(x, ids)}"
            for x in scenario.decisions
            if x not in ids
        ),
    )
    teams = {t.id for t in plan.teams}
    say(
        unknown,
        (f"overrides unknown team {quoted(x)}{typo_for(x, teams)}" for x in scenario.teams if x not in teams),
    )
    risks = {r.id for r in plan.risks}
    say(
        unknown,
        (f"overrides unknown risk {quoted(x)}{typo_for(x, risks)}" for x in scenario.risks if x not in risks),
    )
    say(
        unknown,
        (
            f"removes a dependency {x.from_} -> {x.to} the plan does not have"
            for x in _removals(plan, scenario, made=False)
        ),
    )
    clash = [d.id for d in scenario.add_decisions if d.id in ids and d.id not in scenario.drop_decisions]
    say(duplicate, (f"adds decision {quoted(x)}, which the base plan already has" for x in clash))
    say("scenario-case-duplicate-id", _ids_alike_but_case(ids, scenario))
    added = Counter(d.id for d in scenario.add_decisions)
    say(
        duplicate,
        (f"adds decision {quoted(x)} more than once: {CANNOT_SCHEDULE}" for x, n in added.items() if n > 1),
    )
    milestones = {d.id for d in plan.decisions if d.milestone}
    timed = f"a duration, which a milestone does not take: {CANNOT_SCHEDULE}"
    say(
        "scenario-milestone-duration",
        (
            f"gives the milestone {quoted(did)} {timed}"
            for did, ov in scenario.decisions.items()
            if did in milestones
            and did not in scenario.drop_decisions
            and ov.duration is not None
            and duration_value(ov.duration, "pessimistic") != 0
        ),
    )
    say(
        "scenario-milestone-duration",
        (
            f"gives the added milestone {quoted(d.id)} {timed}"
            for d in scenario.add_decisions
            if d.milestone and duration_value(d.duration, "pessimistic") != 0
        ),
    )
    stages, areas = {x.id for x in plan.stages}, {x.id for x in plan.areas}
    undefined = f"which the plan does not define: {CANNOT_SCHEDULE}"
    for did, ov in scenario.decisions.items():
        if did not in ids or did in scenario.drop_decisions:  # skipped, said above, or dropped first
            continue
        if ov.stage is not None and ov.stage not in stages:
            say(unknown, [f"puts {quoted(did)} in stage {quoted(ov.stage)}, {undefined}"])
        if ov.owner is not None and ov.owner not in teams:
            say(unknown, [f"gives {quoted(did)} to team {quoted(ov.owner)}, {undefined}"])
    for d in scenario.add_decisions:
        if d.stage not in stages:
            say(unknown, [f"puts the added decision {quoted(d.id)} in stage {quoted(d.stage)}, {undefined}"])
        if d.area is not None and d.area not in areas:
            say(unknown, [f"puts the added decision {quoted(d.id)} in area {quoted(d.area)}, {undefined}"])
        if d.owner is not None and d.owner not in teams:
            say(unknown, [f"gives the added decision {quoted(d.id)} to team {quoted(d.owner)}, {undefined}"])
    if not scenario.add_dependencies:
        return problems
    have = (ids - set(scenario.drop_decisions)) | {d.id for d in scenario.add_decisions}
    # the scenario's links as materialise leaves them before its own are added, to find a loop one of them closes
    # (a base link of a decision dropped and added again went with the drop)
    kept = _links_kept(plan, scenario)
    succ: dict[str, list[str]] = {}
    for u, v in sorted(kept):
        succ.setdefault(u, []).append(v)
    for x, again in zip(scenario.add_dependencies, _links_made_twice(plan, scenario), strict=True):
        if again:
            said = ", which the base plan already has" if (x.from_, x.to) in kept else " more than once"
            say(
                "scenario-duplicate-dependency",
                [f"adds the dependency {x.from_} -> {x.to}{said}: both links are made and the tightest wins"],
            )
    for x in scenario.add_dependencies:
        missing = [m for m in dict.fromkeys((x.from_, x.to)) if m not in have]
        if missing:
            say(
                unknown,
                [
                    f"adds a dependency {x.from_} -> {x.to} naming {' and '.join(quoted(m) for m in missing)}, "
                    f"which {agree(len(missing), 'is not a decision', 'are not decisions')} of the scenario "
                    f"(dropped or never in the plan): {CANNOT_SCHEDULE}"
                ],
            )
        else:
            loop = edits.closes_cycle(succ, x.from_, x.to)  # a link of a decision to itself: [a, a]
            if loop is not None:
                say(
                    "scenario-cycle",
                    [
                        f"adds a dependency {x.from_} -> {x.to} that closes the loop {' -> '.join(loop)}: {CANNOT_SCHEDULE}"
                    ],
                )
            succ.setdefault(x.from_, []).append(x.to)
    return problems


def override_count(scenario: Scenario, base: Plan | None = None) -> int:
    """How many changes a scenario makes (each overridden field, added or dropped decision, link).

    With ``base``, a decision dropped and added again (how :func:`derive_scenario` records an edit no override
    holds, a title say) counts as the fields that differ from the base's, and its links added again as they were
    do not count (a link of the base's it lost does): a title edited in a scenario was "5 changes to Base" (the
    drop, the add, and each of its three links)."""
    fields = sum(len(ov.model_dump(exclude_none=True)) for ov in scenario.decisions.values())
    fields += sum(len(ov.model_dump(exclude_none=True)) for ov in scenario.teams.values())
    fields += sum(len(ov.model_dump(exclude_none=True)) for ov in scenario.risks.values())
    total = (
        fields
        + len(scenario.add_decisions)
        + len(scenario.drop_decisions)
        + len(scenario.add_dependencies)
        + len(scenario.remove_dependencies)
    )
    if base is None:
        return total
    readded = _readded(base, scenario)
    if not readded:
        return total
    for old, new in readded.values():  # the drop and the add are one change of each field that differs
        total += max(1, len(_changed_fields(old, new))) - 2
    restored, lost = _readded_links(base, scenario, readded)
    return total - sum(restored) + len(lost)


def _readded(plan: Plan, scenario: Scenario) -> dict[str, tuple[Decision, Decision]]:
    """The decisions of ``plan`` that ``scenario`` drops and adds again (how :func:`derive_scenario` records an
    edit no override holds, a title say): id -> (the plan's decision, the scenario's)."""
    dropped = set(scenario.drop_decisions)
    return {
        d.id: (old, d)
        for d in scenario.add_decisions
        if d.id in dropped and (old := plan.decision(d.id)) is not None
    }


def _changed_fields(old: Decision, new: Decision) -> list[str]:
    """The fields of a decision dropped and added again that differ, in the model's order."""
    return [key for key in type(new).model_fields if getattr(old, key) != getattr(new, key)]


def _readded_links(
    plan: Plan, scenario: Scenario, readded: Mapping[str, object]
) -> tuple[list[bool], list[Dependency]]:
    """A decision dropped and added again leaves with its links, and the scenario adds back those it keeps. For
    each link the scenario adds: is it such a link, added back as it was (not a change)? And the plan's links of
    those decisions it does not add back (each a link removed). The links of a decision only dropped went with it
    (its drop is the change)."""
    dropped_only = set(scenario.drop_decisions) - readded.keys()

    def theirs(x: Dependency) -> bool:
        return (x.from_ in readded or x.to in readded) and not {x.from_, x.to} & dropped_only

    left = Counter(_dep_key(x) for x in plan.dependencies if theirs(x))
    restored = []
    for x in scenario.add_dependencies:
        key = _dep_key(x)
        restored.append(left[key] > 0)
        if left[key] > 0:
            left[key] -= 1
    lost = []
    for x in plan.dependencies:
        key = _dep_key(x)
        if theirs(x) and left[key] > 0:
            left[key] -= 1
            lost.append(x)
    return restored, lost


def _dep_key(dep: Dependency) -> tuple[Any, ...]:
    return dep.from_, dep.to, str(dep.type), float(dep.lag), dep.note


def derive_scenario(base: Plan, edited: Plan, name: str, description: str = "") -> Scenario:
    """The overrides that turn ``base`` into ``edited``: ``materialise(base, derive_scenario(base, edited, n))``
    schedules exactly like ``edited`` for every change a scenario can express (decision fields in
    :data:`DECISION_FIELDS`, team capacity, risk probability and impact, decisions and links added or removed).

    A base decision whose title, area or other field outside that list changed is recorded as dropped and added
    again (with its links), so the materialised plan carries the edit too. Clearing a field (an owner, an
    earliest start) cannot be expressed as an override; an earliest start is recorded as 0."""
    base_by_id = {d.id: d for d in base.decisions}
    edited_ids = {d.id for d in edited.decisions}
    sc = Scenario(name=name, description=description)
    replaced: set[str] = set()
    for dec in edited.decisions:
        old = base_by_id.get(dec.id)
        if old is None or dec.__dict__ == old.__dict__:  # (every field alike: most of a large plan, at once)
            continue
        changes: dict[str, Any] = {}
        other_change = False
        for key in type(dec).model_fields:
            new_v, old_v = getattr(dec, key), getattr(old, key)
            if new_v == old_v:
                continue
            if key in DECISION_FIELDS:
                if new_v is None:
                    if key == "not_before":
                        changes[key] = 0.0
                    else:
                        other_change = True
                else:
                    changes[key] = new_v
            else:
                other_change = True
        if other_change:
            replaced.add(dec.id)
        elif changes:
            sc.decisions[dec.id] = DecisionOverride(**changes)
    sc.drop_decisions = [d.id for d in base.decisions if d.id not in edited_ids or d.id in replaced]
    gone = set(sc.drop_decisions)
    sc.add_decisions = [
        d.model_copy(deep=True) for d in edited.decisions if d.id not in base_by_id or d.id in replaced
    ]
    # Links, pair by pair: a (from, to) pair whose links differ between the surviving base links and the edited
    # plan is removed and its edited links are added back, in the edited order.
    surviving = [x for x in base.dependencies if x.from_ not in gone and x.to not in gone]
    have: dict[tuple[str, str], list[tuple[Any, ...]]] = {}
    want: dict[tuple[str, str], list[tuple[Any, ...]]] = {}
    for links, table in ((surviving, have), (edited.dependencies, want)):
        for x in links:
            table.setdefault((x.from_, x.to), []).append(_dep_key(x))

    def differ(a: list[tuple[Any, ...]] | None, b: list[tuple[Any, ...]] | None) -> bool:
        """The pair's links differ, in any order (a Counter only where the lists are not alike as they are: a
        Counter for each of a 10,000-decision plan's 30,000 links took 0.4 s of every edit in a scenario)."""
        return a != b and (a is None or b is None or Counter(a) != Counter(b))

    changed = {p for p in have.keys() | want.keys() if differ(have.get(p), want.get(p))}
    sc.remove_dependencies = [LinkRef(**{"from": f, "to": t}) for f, t in sorted(changed & have.keys())]
    sc.add_dependencies = [x.model_copy(deep=True) for x in edited.dependencies if (x.from_, x.to) in changed]
    base_teams = {t.id: t for t in base.teams}
    for team in edited.teams:
        old_t = base_teams.get(team.id)
        if old_t is not None and team.capacity != old_t.capacity and team.capacity is not None:
            sc.teams[team.id] = TeamOverride(capacity=team.capacity)
    base_risks = {r.id: r for r in base.risks}
    for risk in edited.risks:
        old_r = base_risks.get(risk.id)
        if old_r is None:
            continue
        rov = RiskOverride(
            probability=risk.probability if risk.probability != old_r.probability else None,
            impact=risk.impact if risk.impact != old_r.impact else None,
        )
        if rov.probability is not None or rov.impact is not None:
            sc.risks[risk.id] = rov
    return sc


_PLAN_FIELD_WORDS = {
    "start_date": "start date",
    "status_date": "status date",
    "cost_of_delay": "cost of delay",
    "ai_system": "AI system",
}
_KEPT = ("title", "decisions", "dependencies", "scenarios", "layout")


def _team_kept(edited: Team, base: Team) -> bool:
    """A scenario holds the team's change: a capacity (not one taken away, 'no limit': :class:`TeamOverride` has
    no word for it, and :func:`materialise` keeps the base's)."""
    return (edited.id, edited.name, edited.rate) == (base.id, base.name, base.rate) and (
        edited.capacity is not None or base.capacity is None
    )


def _risk_kept(edited: Risk, base: Risk, ids: set[str]) -> bool:
    """A scenario holds the risk's change: its probability and impact, and a decision of it dropped (``ids``: the
    decisions of the edited plan); not its title, its other decisions, owner or mitigation."""
    odds = {"probability", "impact", "decisions"}
    return edited.model_dump(exclude=odds) == base.model_dump(exclude=odds) and edited.decisions == [
        x for x in base.decisions if x in ids
    ]


def unrecorded_changes(base: Plan, edited: Plan) -> list[str]:
    """What ``edited`` changes on ``base`` that no scenario can hold (:func:`derive_scenario` records decisions,
    links, team capacity and risk odds), in words and in the plan's order: ``['start date', 'stages', 'teams']``;
    empty when a scenario keeps every change. Such an edit made while a scenario is shown is lost when the scenario
    is left. Not counted: the title (the app titles a scenario's plan after it), card positions and the scenarios
    themselves. Fields are compared, nothing is copied.

    >>> from planner.model import new_plan
    >>> base = new_plan()
    >>> edited = base.model_copy(update={"currency": "EUR", "stages": base.stages[:1]})
    >>> unrecorded_changes(base, edited), unrecorded_changes(base, base)
    (['currency', 'stages'], [])
    """
    out = []
    ids = {d.id for d in edited.decisions}
    for f in type(base).model_fields:
        if f in _KEPT:
            continue
        new, old = getattr(edited, f), getattr(base, f)
        if f == "teams":
            kept = len(new) == len(old) and all(_team_kept(t, b) for t, b in zip(new, old, strict=True))
        elif f == "risks":
            kept = len(new) == len(old) and all(_risk_kept(r, b, ids) for r, b in zip(new, old, strict=True))
            if not kept and len(new) == len(old):
                alike = (
                    b.model_copy(update={"decisions": r.decisions}) for r, b in zip(new, old, strict=True)
                )
                if all(_risk_kept(r, b, ids) for r, b in zip(new, alike, strict=True)):
                    # only those (a decision's id changed, which its risks follow)
                    out.append("risks' decisions")
                    continue
        elif f == "ai_system" and new is not None and old is not None and old.go_live not in ids:
            kept = new == old.model_copy(update={"go_live": None})  # its go-live decision dropped
        else:
            kept = new == old
        if not kept:
            out.append(_PLAN_FIELD_WORDS.get(f, f.replace("_", " ")))
    return out


def _duration_text(value: Any) -> str:
    from planner.model import units
    from planner.model.plan import duration_triple

    o, lk, p = duration_triple(value)
    if o == lk == p:
        return units.plural_weeks(lk)
    return f"{units.format_weeks(o)}\u2013{units.format_weeks(lk)}\u2013{units.format_weeks(p)} weeks"


def _field_text(key: str, value: Any, plan: Plan) -> str:
    from planner.model import units

    if key == "duration":
        return _duration_text(value)
    if key == "stage":
        return quoted(next((s.name for s in plan.stages if s.id == value), str(value)))
    if key == "owner":
        return quoted(next((t.name for t in plan.teams if t.id == value), str(value)))
    if key == "not_before":
        return f"week {units.format_weeks(value)}"
    if key == "cost":
        return format_money(value, plan.currency)
    if key in ("headcount", "capacity"):
        return units.format_weeks(value)
    if key == "probability":
        return format_percent(value * 100.0)  # entered odds, as the register shows them: 12.5%
    if key == "impact":
        return _duration_text(value)
    return str(value)


_FIELD_WORDS = {
    "duration": "takes",
    "stage": "in stage",
    "owner": "owned by",
    "headcount": "headcount",
    "not_before": "not before",
    "cost": "costs",
    "capacity": "capacity",
    "probability": "probability",
    "impact": "impact",
}


def _edits(old: Decision, new: Decision, plan: Plan) -> str:
    """A decision a scenario drops and adds again (how it records an edit an override cannot hold, a title say), in
    words: ``'A' renamed 'A2', in area 'Data' (was 'Ops'), notes changed``. It said ``edits 'A2'``: not what
    changed, and under the new title only."""

    def value(key: str, v: Any) -> str:
        if v is None:
            return "none"
        if key == "area":
            return quoted(next((a.name for a in plan.areas if a.id == v), str(v)))
        return _field_text(key, v, plan)

    parts = []
    for key in _changed_fields(old, new):
        was, now = getattr(old, key), getattr(new, key)
        if key == "title":
            parts.append(f"renamed {quoted(now)}")
        elif key == "area" or key in _FIELD_WORDS:
            parts.append(f"{_FIELD_WORDS.get(key, 'in area')} {value(key, now)} (was {value(key, was)})")
        else:
            parts.append(f"{key.replace('_', ' ')} changed")
    return f"{quoted(old.title)} {', '.join(parts) or 'edited'}"


def describe_changes(plan: Plan, scenario: Scenario) -> list[str]:
    """What ``scenario`` changes on ``plan``, one line each, in words (was → now), for the report and the app."""
    from planner.model import units

    titles = {d.id: d.title for d in plan.decisions}
    out: list[str] = []
    for did, ov in scenario.decisions.items():
        d = plan.decision(did)
        if d is None:
            continue
        parts = []
        for key in ov.model_dump(exclude_none=True):
            new = getattr(ov, key)
            old = getattr(d, key)
            was = "none" if old is None else _field_text(key, old, plan)
            now = _field_text(key, new, plan)
            if new == old or now == was:  # an override that keeps the value changes nothing to say
                continue
            parts.append(f"{_FIELD_WORDS.get(key, key)} {now} (was {was})")
        if parts:
            out.append(f"{quoted(d.title)} {', '.join(parts)}")
    readded = _readded(plan, scenario)
    for did in scenario.drop_decisions:
        if did in titles and did not in readded:
            out.append(f"drops {quoted(titles[did])}")
    for d in scenario.add_decisions:
        pair = readded.get(d.id)
        out.append(f"adds {quoted(d.title)}" if pair is None else _edits(pair[0], d, plan))
    new_titles = {**titles, **{d.id: d.title for d in scenario.add_decisions}}
    for ref in _removals(plan, scenario, made=True):  # a link the plan does not have: skipped, not a change
        out.append(
            f"no longer makes {quoted(new_titles.get(ref.to, ref.to))} wait for "
            f"{quoted(new_titles.get(ref.from_, ref.from_))}"
        )
    # The links of a decision dropped and added again that come back as they were are not a change (they were
    # listed as 'makes ... wait for ...', as if new); one that does not come back is a link removed.
    restored, lost = _readded_links(plan, scenario, readded)
    for x in lost:
        out.append(
            f"no longer makes {quoted(new_titles.get(x.to, x.to))} wait for "
            f"{quoted(new_titles.get(x.from_, x.from_))}"
        )
    made = zip(scenario.add_dependencies, _links_made_twice(plan, scenario), restored, strict=True)
    for x, again in ((x, again) for x, again, back in made if not back):
        lag = f", lag {units.plural_weeks(x.lag)}" if x.lag else ""
        kind = "" if str(x.type) == "FS" and not x.lag else f" ({x.type}{lag})"
        out.append(
            f"makes {quoted(new_titles.get(x.to, x.to))} wait for {quoted(new_titles.get(x.from_, x.from_))}"
            f"{kind}"
            + (" a second time (the two are already linked: the tightest link wins)" if again else "")
        )
    for tid, tov in scenario.teams.items():
        team = next((t for t in plan.teams if t.id == tid), None)
        if team is not None and tov.capacity is not None:
            was = "none" if team.capacity is None else _field_text("capacity", team.capacity, plan)
            out.append(
                f"{quoted(team.name)} capacity {_field_text('capacity', tov.capacity, plan)} (was {was})"
            )
    for rid, rov in scenario.risks.items():
        risk = next((r for r in plan.risks if r.id == rid), None)
        if risk is None:
            continue
        parts = [
            f"{_FIELD_WORDS[k]} {_field_text(k, getattr(rov, k), plan)} (was "
            f"{_field_text(k, getattr(risk, k), plan)})"
            for k in ("probability", "impact")
            if getattr(rov, k) is not None
        ]
        out.append(f"risk {quoted(risk.title)} {', '.join(parts)}")
    return out


def rename_decision(scenarios: list[Scenario], old: str, new: str) -> list[Scenario]:
    """``scenarios`` with the base decision ``old`` called ``new`` in every override, drop and link (and in a
    re-added copy of it, which is how :func:`derive_scenario` records an edit of its title). Scenarios that do
    not mention it are returned as they are; the list is new."""
    out = []
    for s in scenarios:
        mentioned = (
            old in s.decisions
            or old in s.drop_decisions
            or any(old in (x.from_, x.to) for x in s.add_dependencies)
            or any(old in (x.from_, x.to) for x in s.remove_dependencies)
        )
        if not mentioned:
            out.append(s)
            continue

        def ends(link: Any) -> Any:
            changes = {k: new for k, v in (("from_", link.from_), ("to", link.to)) if v == old}
            return link.model_copy(update=changes) if changes else link

        readded = old in s.drop_decisions
        out.append(
            s.model_copy(
                update={
                    "decisions": {(new if k == old else k): v for k, v in s.decisions.items()},
                    "drop_decisions": [new if x == old else x for x in s.drop_decisions],
                    "add_decisions": [
                        d.model_copy(update={"id": new}) if readded and d.id == old else d
                        for d in s.add_decisions
                    ],
                    "add_dependencies": [ends(x) for x in s.add_dependencies],
                    "remove_dependencies": [ends(x) for x in s.remove_dependencies],
                }
            )
        )
    return out


def apply_to_base(plan: Plan, name: str) -> Plan:
    """The plan with scenario ``name`` made the base: its overrides applied, the scenario removed, and the other
    scenarios kept (their overrides now apply to the new base)."""
    out = materialise(plan, name)
    out.scenarios = [s.model_copy(deep=True) for s in plan.scenarios if s.name != name]
    return out


__all__ = [
    "BASE",
    "DECISION_FIELDS",
    "ScenarioError",
    "apply_to_base",
    "derive_scenario",
    "describe_changes",
    "find_scenario",
    "is_base",
    "materialise",
    "override_count",
    "rename_decision",
    "resolve",
    "scenario_names",
    "scenario_problems",
    "unrecorded_changes",
    "CANNOT_SCHEDULE",
    "ScenarioProblem",
]
