"""Schedule analysis (SPEC §3): validation, CPM schedule, stages, explanations. Pure functions, no Qt.

The usual entry point is :func:`analyze`, which compiles the plan once and runs everything that applies::

    result = analyze(plan)            # Analysis
    result.schedule.finish            # weeks, None-safe via result.ok
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from planner.analysis.capacity import capacity_findings, iso_dates_of, teams_json
from planner.analysis.explain import Explanation, driving_chain, explain
from planner.analysis.findings import Finding, Severity, has_errors, sort_findings
from planner.analysis.graph import ESTIMATES, PlanGraph, columns_of, compile_plan, gc_paused, graph_columns
from planner.analysis.json_table import JsonTable
from planner.analysis.progress import (
    progress_columns,
    progress_json,
    progress_schedule,
    schedule_progress_findings,
)
from planner.analysis.schedule import Schedule, ScheduleError, schedule
from planner.analysis.stages import StageAnalysis, StageResult, analyze_stages
from planner.analysis.validation import validate
from planner.model import units
from planner.model.plan import Baseline, Plan


@dataclass
class Analysis:
    """Everything computed for a plan. ``schedule`` and ``stages`` are None while validation errors remain."""

    plan: Plan
    estimate: str
    findings: list[Finding]
    schedule: Schedule | None
    stages: StageAnalysis | None
    extra_findings: list[Finding] = field(default_factory=list)
    baseline: Baseline | None = None  # chosen for slip (``analyze --baseline``): the JSON then has "baseline"
    levelled: Any = None  # set by planner.analysis.capacity.attach_to_analysis (``--level``)
    simulation: Any = None  # a montecarlo.SimulationResult, once someone has run one for this analysis
    comparison: Any = (
        None  # a compare.Comparison of scenarios, for the report's comparison section (issue 13)
    )

    @property
    def ok(self) -> bool:
        return self.schedule is not None

    @property
    def all_findings(self) -> list[Finding]:
        """Every finding of the plan, as `check`, `analyze`, the app's Findings panel and the report list them: the
        analysis's, then those added to it afterwards (``extra_findings``, e.g. levelling's)."""
        return [*self.findings, *self.extra_findings]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.WARNING]

    def explain(self, decision_id: str) -> Explanation:
        if self.schedule is None:
            raise ScheduleError("the plan has validation errors; fix them to get explanations")
        return explain(self.plan, self.schedule, decision_id)


def analyze(plan: Plan, estimate: str = "likely") -> Analysis:
    """Validate ``plan`` and, when it has no errors, compute its schedule and stages under ``estimate``."""
    with gc_paused():  # issue 12: no cyclic collections over the loaded plan while the analysis allocates
        return _analyze(plan, estimate)


def plan_findings(plan: Plan, estimate: str = "likely") -> list[Finding]:
    """Every finding of ``plan`` under ``estimate``, as ``analyze(plan, estimate).all_findings`` lists them (what
    ``planner check`` prints), without the stage analysis none of them needs (issue 12: at 100k decisions a
    tenth of `check`)."""
    with gc_paused():
        return _findings_and_schedule(plan, estimate)[0]


def _analyze(plan: Plan, estimate: str) -> Analysis:
    findings, sched = _findings_and_schedule(plan, estimate)
    if sched is None:
        return Analysis(plan, estimate, findings, None, None)
    return Analysis(plan, estimate, findings, sched, analyze_stages(plan, sched))


def _findings_and_schedule(plan: Plan, estimate: str) -> tuple[list[Finding], Schedule | None]:
    """The plan's findings and its schedule (None while validation errors remain)."""
    graph = compile_plan(plan, estimate)
    findings = validate(plan, graph, scheduled=False)  # the schedule's findings join below, for this estimate
    if has_errors(findings):
        return findings, None
    # The progress pre-pass (issue 16): the passes run on the remaining work from the status date.
    sched = progress_schedule(plan, estimate, graph)
    # over-capacity is a validation warning (SPEC §3.1) but needs the schedule, so it joins here.
    findings = sort_findings(
        findings + capacity_findings(plan, sched) + schedule_progress_findings(plan, sched, estimate)
    )
    return findings, sched


def analysis_to_dict(
    result: Analysis, *, finding_objects: bool = False, tables: bool = False
) -> dict[str, Any]:
    """The JSON object of ``planner analyze --format json`` (SPEC §4), field for field. With ``finding_objects``,
    ``findings`` holds the :class:`Finding` objects themselves, which the command's JSON writer writes as their
    ``to_dict`` (issue 12: a big plan's 14k findings without a dict each first); with ``tables``, ``decisions`` and
    each team's ``load`` (and ``levelled_load``) are a :class:`~planner.analysis.json_table.JsonTable`, which it
    writes as the list of dicts its ``to_list`` is (100k decisions without a dict each)."""
    # issue 12: a dict per decision, per team step and per finding, none in a cycle: no collections over them
    with gc_paused():
        return _analysis_to_dict(result, finding_objects, tables)


def _analysis_to_dict(result: Analysis, finding_objects: bool, tables: bool) -> dict[str, Any]:
    plan = result.plan
    out: dict[str, Any] = {"title": plan.title, "unit": "week", "estimate": result.estimate}
    out.update(progress_json(plan))  # status date (issue 16)
    s, st = result.schedule, result.stages
    if s is None or st is None:
        out.update(
            {
                "start_date": plan.start_date.isoformat() if plan.start_date else None,
                "finish": None,
                "finish_date": None,
                "gated_finish": None,
                "gated_finish_date": None,
                "gating_price": None,
                "critical": [],
                "critical_path": [],
                "critical_chains": 0,
                "decisions": [],
                "stages": [],
                "stage_inversions": [],
            }
        )
    else:
        stage_ids = [x.id for x in plan.stages]
        start = plan.start_date
        # Column by column (issue 12): a table of the decisions' columns, in the order of the keys of Schedule.row
        # and then the progress columns (issue 16); no per-cell lookups, per-row date arithmetic or object per row.
        sequenced = [stage_ids[k] for k in st.sequenced.tolist()]
        cols = columns_of(plan, s.graph)
        state, planned, a_s, a_f = progress_columns(plan, result.estimate, cols)
        dated = start is not None
        starts, finishes = iso_dates_of(start, s.es, s.ef)
        table = JsonTable(
            {
                "id": cols.ids,
                "stage": cols.stage,
                "sequenced_stage": sequenced,
                "duration": s.duration if planned is None else planned,
                "es": s.es,
                "ef": s.ef,
                "ls": s.ls,
                "lf": s.lf,
                "total_float": s.total_float,
                "free_float": s.free_float,
                "critical": s.critical,
                **({"start_date": starts, "finish_date": finishes} if dated else {}),
                "state": state,
                "remaining": s.duration,
                "actual_start": a_s,
                "actual_finish": a_f,
                **(
                    {
                        "actual_start_date": [None if w is None else units.iso_date(start, w) for w in a_s],
                        "actual_finish_date": [None if w is None else units.iso_date(start, w) for w in a_f],
                    }
                    if dated
                    else {}
                ),
            }
        )
        decisions = table if tables else table.to_list()
        out.update(
            {
                "start_date": start.isoformat() if start is not None else None,
                "finish": s.finish,
                "finish_date": units.iso_date(start, s.finish),
                "gated_finish": st.gated_finish,
                "gated_finish_date": units.iso_date(start, st.gated_finish),
                "gating_price": st.gating_price,
                "critical": s.critical_ids,
                "critical_path": s.critical_path,
                # how many equally long critical chains exist: critical_path is one, picked deterministically
                # (SPEC §3.2: "pick deterministically and say so"; the text says it in a note)
                "critical_chains": s.critical_chain_count,
                "decisions": decisions,
                "stages": [x.to_dict(start) for x in st.stages],
                "stage_inversions": [{"from": u, "to": v} for u, v in st.inversions],
            }
        )
        from planner.analysis.cost import target_margin, target_week

        target = target_week(plan)
        if target is not None:  # the finish against the plan's target: weeks to spare (negative: late)
            out["target"] = {
                "week": target,
                "date": units.iso_date(start, target),
                "weeks_to_spare": target_margin(plan, s.finish),
            }
    if result.baseline is not None and s is not None and st is not None:
        from planner.analysis.baselines import baseline_json

        out["baseline"] = baseline_json(plan, s, st, result.baseline)
    if result.levelled is not None:
        out["levelled"] = result.levelled.to_dict()
    if result.schedule is not None:
        from planner.analysis.cost import cost_summary

        costs = cost_summary(plan, result)
        if costs is not None:  # only for plans with rates, costs or a budget (issue 17)
            out["cost"] = costs.to_dict(plan)
    # Team load per team (SPEC §3.4): the step profile the load chart draws, from the same function; [] without
    # teams or without a schedule (a plan with errors).
    lv = result.levelled
    out["teams"] = (
        []
        if s is None
        else teams_json(
            plan, s.es, s.ef, (lv.es, lv.ef) if lv is not None else None, graph_columns(plan, s.graph), tables
        )
    )
    findings = result.all_findings
    out["findings"] = findings if finding_objects else [f.to_dict() for f in findings]
    return out


__all__ = [
    "ESTIMATES",
    "Analysis",
    "Explanation",
    "Finding",
    "PlanGraph",
    "Schedule",
    "ScheduleError",
    "Severity",
    "StageAnalysis",
    "StageResult",
    "analysis_to_dict",
    "analyze",
    "analyze_stages",
    "compile_plan",
    "driving_chain",
    "explain",
    "has_errors",
    "plan_findings",
    "schedule",
    "sort_findings",
    "validate",
]
