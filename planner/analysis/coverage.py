"""What the plan leaves uncovered (issue 17): decisions' references checked against NIST AI RMF 1.0, ISO/IEC 42001
Annex A and the EU AI Act. Pure functions, no Qt.

**Catalogues** ship as package data (``planner/resources/frameworks/*.json``, each with its source and licence):
NIST AI RMF's 72 subcategories, ISO/IEC 42001's 38 Annex A controls (ids with our own paraphrases; the main-body
clauses 4-10 are valid references too but are not counted) and the EU AI Act obligations by role (provider,
deployer) and risk tier (prohibited, high-risk, limited, minimal), general-purpose AI models apart.

**References** are a decision's ``references`` strings. The ones that start with a known framework's prefix are
parsed; an id the catalogue does not have is an *unknown* reference, text that does not parse is *malformed*
(both warnings), a NIST category or ISO group instead of a subcategory or control is *imprecise* (info: it counts
for nothing). Other text (``Google MLOps level 1``, ``NIST AI 600-1``) is left alone.

=========  =====================================================  ================================
framework  reference syntax                                       counts towards
=========  =====================================================  ================================
nist       ``NIST AI RMF GOVERN 1.1`` (GOVERN, MAP, MEASURE,       that subcategory
           MANAGE; ``MAP 4`` is a category)
iso42001   ``ISO/IEC 42001 A.6.2.8`` (also ``ISO 42001``);         that Annex A control; a clause
           ``ISO/IEC 42001 7.2`` is a clause                       counts for nothing
euaiact    ``EU AI Act Art. 14`` (``Article 14``, ``Art. 26(2)``);  the obligation of that article
           ``EU AI Act Annex III``; ``Recital 27``
=========  =====================================================  ================================

**Which EU AI Act obligations apply**: those of the plan's ``ai_system.role`` and ``risk_tier`` (the command line
may override both); Art. 53 when ``general_purpose`` and Art. 55 when also ``systemic_risk``. Without a role and a
tier no EU obligation is required (a finding says so).

**Findings** (each names the article or control):

- ``obligation-missing`` (warning): an applicable obligation no decision covers;
- ``obligation-late`` (warning): every decision covering it finishes after it is due. It is due at **go-live**
  -- the start of ``ai_system.go_live``'s decision, or else the start of the Scale stage (the stage with id
  ``scale``, or the last stage) -- and, when the plan has a ``start_date`` and the obligation starts to apply
  after the plan starts, on its **application date** (Art. 113), whichever comes first. An obligation already in
  force when the plan starts is due at go-live: nothing is on the market before that;
- ``high-risk-gap`` (error): a high-risk system with no decision for human oversight, logging, risk management or
  conformity assessment (the obligations keyed so in the catalogue: provider Art. 14; Art. 12/19; Art. 9; Art. 43/47;
  deployer Art. 26 for oversight and logging);
- ``prohibited-practice`` (error): the tier is ``prohibited`` (Art. 5);
- ``reference-unknown`` / ``reference-malformed`` (warning), ``reference-imprecise`` (info); ``go-live-unknown``
  (warning): ``ai_system.go_live`` names no decision;
- ``framework-coverage`` (info): how many NIST subcategories / ISO controls the plan cites, and which it does not
  (these frameworks are voluntary, so an uncited one is not a warning).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING, Any, TypeVar

from planner.analysis.findings import Finding, Severity, sort_findings
from planner.model.plan import AI_ROLES, COVERAGE_FRAMEWORKS, RISK_TIERS, Plan
from planner.units import quoted

if TYPE_CHECKING:
    from planner.analysis import Analysis

FRAMEWORKS: tuple[str, ...] = COVERAGE_FRAMEWORKS
ROLES: tuple[str, ...] = AI_ROLES
TIERS: tuple[str, ...] = RISK_TIERS
KEY_CHECKS: tuple[tuple[str, str], ...] = (
    ("oversight", "human oversight"),
    ("logging", "logging (record-keeping)"),
    ("risk-management", "risk management"),
    ("conformity", "conformity assessment"),
)
_FILES = {"nist": "nist-ai-rmf-1.0.json", "iso42001": "iso-iec-42001.json", "euaiact": "eu-ai-act.json"}


# -- catalogues -------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Item:
    """One thing a decision can cover: a NIST subcategory, an ISO Annex A control or an EU AI Act obligation."""

    framework: str
    id: str  # canonical: "GOVERN 1.1", "A.6.2.8", "Art. 14"
    title: str  # short name (the obligation's title; the group for NIST/ISO)
    summary: str
    group: str  # NIST category, ISO group, or "obligations"/"general-purpose AI" for the EU AI Act
    roles: tuple[str, ...] = ()
    tiers: tuple[str, ...] = ()
    applies: dt.date | None = None
    applies_annex_i: dt.date | None = None
    scope: str = "system"
    keys: tuple[str, ...] = ()
    condition: str | None = None
    gpai: bool = False

    @property
    def label(self) -> str:
        return (
            {"nist": "NIST AI RMF", "iso42001": "ISO/IEC 42001", "euaiact": "EU AI Act"}[self.framework]
            + " "
            + self.id
        )


@dataclass(frozen=True)
class Catalogue:
    framework: str
    name: str
    source: str
    licence: str
    items: tuple[Item, ...]
    groups: tuple[tuple[str, str], ...]  # (id, summary): NIST categories / ISO groups
    clauses: frozenset[str] = frozenset()  # ISO main-body clause ids
    articles: int = 0
    annexes: frozenset[str] = frozenset()

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)


def catalogue_dir() -> Traversable:
    """The shipped catalogues (and their SOURCES.md), package data read through :mod:`importlib.resources`."""
    return resources.files("planner").joinpath("resources", "frameworks")


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@cache
def load_catalogue(framework: str) -> Catalogue:
    """The shipped catalogue of ``framework`` (``nist``, ``iso42001`` or ``euaiact``)."""
    if framework not in _FILES:
        raise ValueError(f"unknown framework {quoted(framework)}; choose one of: {', '.join(FRAMEWORKS)}")
    raw = json.loads(catalogue_dir().joinpath(_FILES[framework]).read_text(encoding="utf-8"))
    items: list[Item] = []
    groups: list[tuple[str, str]] = []
    if framework == "nist":
        for fn in raw["functions"]:
            for cat in fn["categories"]:
                groups.append((cat["id"], cat["summary"]))
                for sub in cat["subcategories"]:
                    items.append(Item("nist", sub["id"], cat["id"], sub["summary"], cat["id"]))
        return Catalogue("nist", raw["name"], raw["source"], raw["licence"], tuple(items), tuple(groups))
    if framework == "iso42001":
        for grp in raw["groups"]:
            groups.append((grp["id"], grp["summary"]))
            for ctl in grp["controls"]:
                items.append(Item("iso42001", ctl["id"], grp["summary"], ctl["summary"], grp["id"]))
        return Catalogue(
            "iso42001",
            raw["name"],
            raw["source"],
            raw["licence"],
            tuple(items),
            tuple(groups),
            clauses=frozenset(c["id"] for c in raw["clauses"]),
        )
    for key, gpai in (("obligations", False), ("gpai", True)):
        for ob in raw[key]:
            items.append(
                Item(
                    "euaiact",
                    ob["id"],
                    ob["title"],
                    ob["summary"],
                    "general-purpose AI" if gpai else "obligations",
                    roles=tuple(ob["roles"]),
                    tiers=tuple(ob["tiers"]),
                    applies=_date(ob.get("applies")),
                    applies_annex_i=_date(ob.get("applies_annex_i")),
                    scope=ob.get("scope", "system"),
                    keys=tuple(ob.get("key", "").split()),
                    condition=ob.get("condition"),
                    gpai=gpai,
                )
            )
    return Catalogue(
        "euaiact",
        raw["name"],
        raw["source"],
        raw["licence"],
        tuple(items),
        (("obligations", "Obligations"), ("general-purpose AI", "General-purpose AI models")),
        articles=int(raw["articles"]),
        annexes=frozenset(raw["annexes"]),
    )


def catalogues() -> dict[str, Catalogue]:
    return {f: load_catalogue(f) for f in FRAMEWORKS}


# -- references ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Reference:
    """A parsed reference. ``status``: ``ok`` (counts for ``item``), ``valid`` (a real id that counts for nothing:
    an ISO clause, an EU annex or article without an obligation), ``imprecise``, ``unknown``, ``malformed`` or
    ``other`` (not a framework this tool checks)."""

    text: str
    framework: str | None
    id: str | None
    status: str
    problem: str = ""


_PREFIXES = (
    ("nist", re.compile(r"^NIST\s+AI\s+RMF\b\s*(?:1\.0\s+)?(.*)$", re.I)),
    ("iso42001", re.compile(r"^ISO(?:/IEC)?\s*42001(?::2023)?\b\s*(.*)$", re.I)),
    ("euaiact", re.compile(r"^(?:EU\s+)?AI\s+Act\b\s*(.*)$", re.I)),
)
_NIST = re.compile(r"^(GOVERN|MAP|MEASURE|MANAGE)\s*(\d+)(?:\.(\d+))?$", re.I)
_ISO_ANNEX = re.compile(r"^A\.(\d+)((?:\.\d+){0,2})$", re.I)
_ISO_CLAUSE = re.compile(r"^(?:clause\s+)?(\d+)((?:\.\d+)*)$", re.I)
_EU_ART = re.compile(r"^(?:Art\.?|Article)\s*(\d+)((?:\(\s*[0-9a-z]+\s*\))*)$", re.I)
_EU_ANNEX = re.compile(r"^Annex\s+([IVXLC]+)$", re.I)
_EU_RECITAL = re.compile(r"^Recital\s+(\d+)$", re.I)


def parse_reference(text: str) -> Reference:
    """Parse one reference string.

    >>> parse_reference("NIST AI RMF MAP 1.1").id, parse_reference("EU AI Act Art. 26(2)").id
    ('MAP 1.1', 'Art. 26')
    >>> parse_reference("ISO/IEC 42001 A.6.2.9").status, parse_reference("Google MLOps level 1").status
    ('unknown', 'other')
    """
    s = " ".join(text.split())
    for fw, prefix in _PREFIXES:
        m = prefix.match(s)
        if m is None:
            continue
        return _parse_in(fw, m.group(1).strip(), text)
    return Reference(text, None, None, "other")


def _parse_in(fw: str, rest: str, text: str) -> Reference:
    cat = load_catalogue(fw)
    if fw == "nist":
        m = _NIST.match(rest)
        if m is None:
            return Reference(
                text,
                fw,
                None,
                "malformed",
                "write a NIST AI RMF subcategory as FUNCTION n.m, e.g. 'NIST AI RMF MAP 1.1'",
            )
        ident = f"{m.group(1).upper()} {m.group(2)}" + (f".{m.group(3)}" if m.group(3) else "")
        if m.group(3) is None:
            if any(g == ident for g, _ in cat.groups):
                return Reference(
                    text,
                    fw,
                    ident,
                    "imprecise",
                    f"{ident} is a category; name one of its subcategories (e.g. {ident}.1)",
                )
            return Reference(text, fw, ident, "unknown", f"NIST AI RMF has no category {ident}")
        if cat.item(ident) is None:
            return Reference(text, fw, ident, "unknown", f"NIST AI RMF 1.0 has no subcategory {ident}")
        return Reference(text, fw, ident, "ok")
    if fw == "iso42001":
        m = _ISO_ANNEX.match(rest)
        if m is not None:
            ident = f"A.{m.group(1)}{m.group(2)}"
            if cat.item(ident) is not None:
                return Reference(text, fw, ident, "ok")
            if any(g == ident for g, _ in cat.groups):
                return Reference(
                    text,
                    fw,
                    ident,
                    "imprecise",
                    f"{ident} is a group of controls; name a control (e.g. {ident}.2)",
                )
            return Reference(text, fw, ident, "unknown", f"ISO/IEC 42001 Annex A has no control {ident}")
        m = _ISO_CLAUSE.match(rest)
        if m is not None:
            ident = f"{m.group(1)}{m.group(2)}"
            head = ".".join(ident.split(".")[:2])
            if ident in cat.clauses or head in cat.clauses:
                return Reference(text, fw, ident, "valid")
            return Reference(
                text, fw, ident, "unknown", f"ISO/IEC 42001 has no clause {ident} (clauses are 4 to 10)"
            )
        return Reference(
            text,
            fw,
            None,
            "malformed",
            "write an ISO/IEC 42001 control as 'ISO/IEC 42001 A.6.2.8' or a clause as 'ISO/IEC 42001 7.2'",
        )
    m = _EU_ART.match(rest)
    if m is not None:
        number = int(m.group(1))
        ident = f"Art. {number}"
        if not 1 <= number <= cat.articles:
            return Reference(
                text, fw, ident, "unknown", f"the EU AI Act has articles 1 to {cat.articles}, not {number}"
            )
        return Reference(text, fw, ident, "ok" if cat.item(ident) is not None else "valid")
    m = _EU_ANNEX.match(rest)
    if m is not None:
        ident = f"Annex {m.group(1).upper()}"
        if m.group(1).upper() in cat.annexes:
            return Reference(text, fw, ident, "valid")
        return Reference(text, fw, ident, "unknown", f"the EU AI Act has annexes I to XIII, not {m.group(1)}")
    m = _EU_RECITAL.match(rest)
    if m is not None and 1 <= int(m.group(1)) <= 180:
        return Reference(text, fw, f"Recital {m.group(1)}", "valid")
    return Reference(
        text,
        fw,
        None,
        "malformed",
        "write an EU AI Act reference as 'EU AI Act Art. 14', 'EU AI Act Art. 26(2)' or 'EU AI Act Annex III'",
    )


# -- coverage -----------------------------------------------------------------------------------------------------
@dataclass
class ItemCoverage:
    item: Item
    decisions: list[str]  # covering decisions, plan order
    by_stage: dict[str, list[str]]  # stage id -> covering decisions assigned to it
    required: bool  # an obligation that applies (EU AI Act); NIST/ISO items are never required
    due: float | None = None  # weeks
    due_reason: str = ""  # "go-live" or "applies 2 Aug 2026"
    covered_by: float | None = None  # earliest finish of a covering decision (weeks)

    @property
    def status(self) -> str:
        if not self.decisions:
            return "missing" if self.required else "uncovered"
        if self.due is not None and self.covered_by is not None and self.covered_by > self.due + 1e-9:
            return "late"
        return "covered"


@dataclass
class FrameworkCoverage:
    framework: str
    name: str
    items: list[ItemCoverage]

    def covered(self) -> list[ItemCoverage]:
        return [i for i in self.items if i.decisions]

    def missing(self) -> list[ItemCoverage]:
        """Applicable obligations no decision covers."""
        return [i for i in self.items if i.status == "missing"]

    def uncovered(self) -> list[ItemCoverage]:
        """Items no decision covers that are not required (NIST, ISO, obligations of another role or tier)."""
        return [i for i in self.items if i.status == "uncovered"]

    def late(self) -> list[ItemCoverage]:
        return [i for i in self.items if i.status == "late"]


@dataclass
class CoverageReport:
    role: str | None
    tier: str | None
    go_live: float | None
    go_live_label: str
    stages: list[tuple[str, str]]  # (id, name), plan order
    frameworks: list[FrameworkCoverage]
    references: dict[str, list[Reference]]  # decision id -> its parsed references
    findings: list[Finding]
    notes: list[str] = field(default_factory=list)

    def framework(self, name: str) -> FrameworkCoverage:
        return next(f for f in self.frameworks if f.framework == name)

    def to_dict(self, plan: Plan) -> dict[str, Any]:
        from planner.model.units import iso_date

        def row(ic: ItemCoverage) -> dict[str, Any]:
            out: dict[str, Any] = {
                "framework": ic.item.framework,
                "id": ic.item.id,
                "title": ic.item.title,
                "decisions": ic.decisions,
            }
            if ic.due is not None:
                out["due_week"] = ic.due
                out["due"] = ic.due_reason
                if plan.start_date:
                    out["due_date"] = iso_date(plan.start_date, ic.due)
            if ic.covered_by is not None:
                out["covered_by_week"] = ic.covered_by
            if ic.item.applies is not None:
                out["applies"] = ic.item.applies.isoformat()
            return out

        items = [i for f in self.frameworks for i in f.items]
        return {
            "title": plan.title,
            "role": self.role,
            "tier": self.tier,
            "go_live_week": self.go_live,
            "go_live_date": iso_date(plan.start_date, self.go_live),
            "go_live": self.go_live_label,
            "frameworks": [
                {
                    "framework": f.framework,
                    "name": f.name,
                    "items": len(f.items),
                    "covered": len(f.covered()),
                    "required": sum(1 for i in f.items if i.required),
                }
                for f in self.frameworks
            ],
            "covered": [row(i) for i in items if i.decisions],
            "missing": [row(i) for i in items if i.status == "missing"],
            "late": [row(i) for i in items if i.status == "late"],
            "uncovered": [row(i) for i in items if i.status == "uncovered"],
            "matrix": [
                {
                    "framework": i.item.framework,
                    "id": i.item.id,
                    "status": i.status,
                    "stages": {s: i.by_stage.get(s, []) for s, _ in self.stages},
                }
                for i in items
            ],
            "references": [
                {"decision": d, "reference": r.text, "status": r.status, "problem": r.problem}
                for d, refs in self.references.items()
                for r in refs
                if r.status in ("unknown", "malformed", "imprecise")
            ],
            "findings": [f.to_dict() for f in self.findings],
            "notes": self.notes,
        }


def applicable(item: Item, role: str | None, tier: str | None, ai: Any) -> bool:
    """Does EU AI Act obligation ``item`` apply to a system of ``role`` and ``tier``?"""
    if item.framework != "euaiact":
        return False
    if item.gpai:
        if ai is None or not ai.general_purpose:
            return False
        return item.condition != "systemic-risk" or bool(ai.systemic_risk)
    return role in item.roles and tier in item.tiers


T = TypeVar("T")


def fallback_go_live_stage(stages: Sequence[T]) -> T | None:
    """The stage whose start is go-live when ``ai_system.go_live`` names no decision: the one with id ``scale``, else
    the last (None for a plan without stages). One rule for coverage's due dates and validation's warning."""
    return next((x for x in stages if getattr(x, "id", None) == "scale"), stages[-1] if stages else None)


def _go_live(plan: Plan, analysis: Analysis | None) -> tuple[float | None, str]:
    if analysis is None or analysis.schedule is None or analysis.stages is None:
        return None, ""
    s = analysis.schedule
    ai = plan.ai_system
    if ai is not None and ai.go_live and ai.go_live in s.index:
        title = next(d.title for d in plan.decisions if d.id == ai.go_live)
        return float(s.es[s.index[ai.go_live]]), f"the start of {title} ({ai.go_live})"
    st = fallback_go_live_stage(analysis.stages.stages)
    if st is None or st.start is None:
        return float(s.finish), "the plan's finish"
    return float(st.start), f"the start of the {st.name} stage"


def coverage(
    plan: Plan,
    analysis: Analysis | None = None,
    *,
    frameworks: tuple[str, ...] | list[str] | None = None,
    role: str | None = None,
    tier: str | None = None,
) -> CoverageReport:
    """Check the plan's references against the catalogues (see the module docstring).

    ``analysis`` (with a schedule) enables the lateness checks; ``role`` and ``tier`` override the plan's
    ``ai_system``. ``frameworks`` limits the report (all three by default)."""
    from planner.model.units import format_date, format_when

    ai = plan.ai_system
    role = role or (ai.role if ai else None)
    tier = tier or (ai.risk_tier if ai else None)
    if role is not None and role not in ROLES:
        raise ValueError(f"unknown role {quoted(role)}; choose one of: {', '.join(ROLES)}")
    if tier is not None and tier not in TIERS:
        raise ValueError(f"unknown risk tier {quoted(tier)}; choose one of: {', '.join(TIERS)}")
    wanted = list(frameworks) if frameworks else list(FRAMEWORKS)
    for fw in wanted:
        if fw not in FRAMEWORKS:
            raise ValueError(f"unknown framework {quoted(fw)}; choose one of: {', '.join(FRAMEWORKS)}")
    findings: list[Finding] = []
    notes: list[str] = []
    titles = {d.id: d.title for d in plan.decisions}

    def name(did: str) -> str:
        return f"{titles.get(did, did)} ({did})"

    # Parse every reference once; collect which items each decision covers.
    refs: dict[str, list[Reference]] = {}
    covers: dict[tuple[str, str], list[str]] = {}
    for d in plan.decisions:
        parsed = [parse_reference(r) for r in d.references]
        refs[d.id] = parsed
        for r in parsed:
            if r.status == "ok" and r.framework is not None and r.id is not None:
                ids = covers.setdefault((r.framework, r.id), [])
                if d.id not in ids:
                    ids.append(d.id)
            elif r.status in ("unknown", "malformed") and (r.framework in wanted):
                findings.append(
                    Finding(
                        Severity.WARNING,
                        f"reference-{r.status}",
                        f"{name(d.id)} cites '{r.text}': {r.problem}.",
                        [d.id],
                    )
                )
            elif r.status == "imprecise" and r.framework in wanted:
                findings.append(
                    Finding(
                        Severity.INFO,
                        "reference-imprecise",
                        f"{name(d.id)} cites '{r.text}': {r.problem}.",
                        [d.id],
                    )
                )

    go_live, go_live_label = _go_live(plan, analysis)
    if ai is not None and ai.go_live and ai.go_live not in titles:
        findings.append(
            Finding(
                Severity.WARNING,
                "go-live-unknown",
                f"ai_system.go_live names '{ai.go_live}', which is not a decision of the plan; go-live is taken as "
                f"{go_live_label or 'the start of the Scale stage'}.",
            )
        )
    sched = analysis.schedule if analysis is not None else None
    if sched is None:
        notes.append("no schedule (the plan has validation errors), so lateness is not checked")
    stage_of = {d.id: d.stage for d in plan.decisions}
    start = plan.start_date

    results: list[FrameworkCoverage] = []
    for fw in wanted:
        cat = load_catalogue(fw)
        rows: list[ItemCoverage] = []
        for item in cat.items:
            decs = covers.get((fw, item.id), [])
            by_stage: dict[str, list[str]] = {}
            for did in decs:
                by_stage.setdefault(stage_of[did], []).append(did)
            required = applicable(item, role, tier, ai)
            ic = ItemCoverage(item, list(decs), by_stage, required)
            if required and sched is not None and go_live is not None:
                due, reason = go_live, f"go-live ({go_live_label})"
                applies = (
                    item.applies_annex_i
                    if (ai is not None and ai.annex_i_product and item.applies_annex_i)
                    else item.applies
                )
                if start is not None and applies is not None and applies > start:
                    week = (applies - start).days / 7.0
                    if week < due:
                        due, reason = week, f"applies {format_date(applies)}"
                ic.due, ic.due_reason = due, reason
                finishes = [float(sched.ef[sched.index[x]]) for x in decs if x in sched.index]
                if finishes:
                    ic.covered_by = min(finishes)
            rows.append(ic)
        if fw != "euaiact":
            rows_any = [r for r in rows if not r.decisions]
            if rows_any:
                more = len(rows_any) - 12
                shown = ", ".join(r.item.id for r in rows_any[:12]) + (
                    f" and {more} more" if more > 0 else ""
                )
                findings.append(
                    Finding(
                        Severity.INFO,
                        "framework-coverage",
                        f"The plan cites {len(rows) - len(rows_any)} of {len(rows)} {cat.name} "
                        f"{'subcategories' if fw == 'nist' else 'controls'}; not cited: {shown}.",
                    )
                )
        results.append(FrameworkCoverage(fw, cat.name, rows))

    if "euaiact" in wanted:
        eu = next(r for r in results if r.framework == "euaiact")
        if role is None or tier is None:
            findings.append(
                Finding(
                    Severity.INFO,
                    "ai-system-unclassified",
                    "The plan does not say its AI system's role and risk tier under the EU AI Act, so no obligation "
                    "is checked; set them in the plan's ai_system (in the app: the Coverage tab's AI system "
                    "pickers; on the command line: planner coverage --role and --tier).",
                )
            )
        if tier == "prohibited":
            findings.append(
                Finding(
                    Severity.ERROR,
                    "prohibited-practice",
                    "The system is classified as a prohibited AI practice (EU AI Act Art. 5, applies from 2 Feb 2025): "
                    "it may not be placed on the market, put into service or used; redesign or retire it.",
                    covers.get(("euaiact", "Art. 5"), []),
                )
            )
        for ic in eu.items:
            if ic.status == "missing":
                findings.append(
                    Finding(
                        Severity.WARNING,
                        "obligation-missing",
                        f"No decision covers EU AI Act {ic.item.id} ({ic.item.title}), which a {tier} system's {role} "
                        f"must meet"
                        + (f" from {format_date(ic.item.applies)}" if ic.item.applies else "")
                        + ".",
                    )
                )
            elif ic.status == "late" and ic.due is not None and ic.covered_by is not None:
                # weeks and dates in prose by the one rule ('week 33 (16 Aug 2027)'; SPEC §3.3a), not ISO dates
                when = format_when(start, ic.covered_by)
                due_text = format_when(start, ic.due)
                findings.append(
                    Finding(
                        Severity.WARNING,
                        "obligation-late",
                        f"EU AI Act {ic.item.id} ({ic.item.title}) is first covered at {when}, after it is due at {due_text}: "
                        f"{ic.due_reason}. Covered by: {', '.join(name(x) for x in ic.decisions)}.",
                        list(ic.decisions),
                    )
                )
        if tier == "high-risk" and role is not None:
            for key, words in KEY_CHECKS:
                keyed = [ic for ic in eu.items if key in ic.item.keys and ic.required]
                if keyed and not any(ic.decisions for ic in keyed):
                    arts = " / ".join(ic.item.id for ic in keyed)
                    findings.append(
                        Finding(
                            Severity.ERROR,
                            "high-risk-gap",
                            f"A high-risk AI system ({role}) with no {words} decision: nothing covers EU AI Act {arts}.",
                        )
                    )
    stages = [(s.id, s.name) for s in plan.stages]
    return CoverageReport(
        role, tier, go_live, go_live_label, stages, results, refs, sort_findings(findings), notes
    )


def _coverage_row(
    status: str, item_id: str, title: str, who: str, applies: str = "", width: int = 80
) -> list[str]:
    """One row of the coverage table within ``width`` columns (an 80-column terminal): status, id, the title
    elided with an ellipsis, when the item applies, then the covering decisions -- on the lines under the title
    when they do not fit beside it.

    >>> for line in _coverage_row("ok", "Art. 4", "AI literacy", "skills-assessment, pilot-user-training",
    ...                           "applies 2 Feb 2025", 70):
    ...     print(line)
      ok      Art. 4       AI literacy                    applies 2 Feb 2025
                           skills-assessment, pilot-user-training
    """
    import textwrap

    def elide(text: str, room: int) -> str:
        return text if len(text) <= room else text[: max(room - 1, 1)].rstrip() + "\u2026"

    prefix = f"  {status:<7} {item_id:<12} "
    if applies:  # the title keeps its 30 columns, so the dates line up
        head = f"{prefix}{elide(title, 30):<30} {applies}"
        if who and len(head) + 2 + len(who) <= width:
            return [f"{head}  {who}"]
    else:  # the title takes the room the decisions leave beside it, or the whole line with them under it
        beside = width - len(prefix) - 1 - len(who)
        if who and beside >= 30:
            return [f"{prefix}{elide(title, beside):<{beside}} {who}"]
        head = f"{prefix}{elide(title, max(width - len(prefix), 30))}"
    if not who:
        return [head.rstrip()]
    indent = " " * 23  # under the title
    lines = textwrap.wrap(
        who,
        width,
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return [head.rstrip(), *lines]


def coverage_text(report: CoverageReport, plan: Plan) -> str:
    """The readable output of ``planner coverage``."""
    import textwrap

    from planner.model.units import format_date, format_when

    # the title within 80 columns, as `planner analyze` heads its report
    lines = [
        *(textwrap.wrap(plan.title, 80, break_on_hyphens=False) or [plan.title]),
        "=" * min(len(plan.title), 80),
    ]
    role = report.role or "(role not set)"
    tier = report.tier or "(risk tier not set)"

    lines += textwrap.wrap(  # within 80 columns
        f"AI system: {tier}, {role}"
        + (
            f"; go-live {format_when(plan.start_date, report.go_live)}, {report.go_live_label}"
            if report.go_live is not None
            else ""
        ),
        80,
        subsequent_indent="  ",
        break_on_hyphens=False,
    )
    for fw in report.frameworks:
        lines.append("")
        req = [i for i in fw.items if i.required]
        head = f"{fw.name}: {len(fw.covered())} of {len(fw.items)} covered"
        if fw.framework == "euaiact":
            head = f"{fw.name}: {sum(1 for i in req if i.decisions)} of {len(req)} applicable obligations covered"
        lines.append(head)
        lines.append("-" * len(head))
        shown = req if fw.framework == "euaiact" else fw.items
        for ic in shown:
            status = {"covered": "ok", "late": "LATE", "missing": "MISSING", "uncovered": "-"}[ic.status]
            applies = ""
            if fw.framework == "euaiact" and ic.item.applies:
                applies = f"applies {format_date(ic.item.applies)}"
            who = ", ".join(ic.decisions) if ic.decisions else ""
            # an obligation's title names it; a NIST subcategory's or ISO control's "title" is its group, the
            # same on every row of the group, so the row shows what the item asks (its summary)
            label = ic.item.title if fw.framework == "euaiact" else ic.item.summary or ic.item.title
            lines.extend(_coverage_row(status, ic.item.id, label, who, applies))
    lines.append("")
    lines.append("Findings")
    lines.append("--------")
    if not report.findings:
        lines.append("  none: every applicable obligation is covered in time")
    labels = {"error": "ERROR", "warning": "warning", "info": "info"}
    for f in report.findings:  # one a line, as `planner check` writes findings (a line a grep finds whole)
        lines.append(f"  {labels[str(f.severity)]:<7} [{f.code}] {f.message}")
    for n in report.notes:
        lines.append(f"  Note: {n}")
    return "\n".join(lines) + "\n"


__all__ = [
    "FRAMEWORKS",
    "KEY_CHECKS",
    "ROLES",
    "TIERS",
    "Catalogue",
    "CoverageReport",
    "FrameworkCoverage",
    "Item",
    "ItemCoverage",
    "Reference",
    "applicable",
    "catalogues",
    "coverage",
    "coverage_text",
    "load_catalogue",
    "parse_reference",
]
