"""The core commands of ``planner``: ``check``, ``analyze`` (with its text report), ``new``, ``templates`` and
``open``. Their arguments are declared in :func:`planner.cli.build_parser`; this module runs them.
"""

from __future__ import annotations

import argparse
import math
import sys
from typing import TYPE_CHECKING, Any

from planner import units
from planner.commands.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    STDIN,
    STDIN_NAME,
    WIDTH,
    CliError,
    check_plan_suffix,
    chosen_baseline,
    code_if_cut,
    dump_json,
    elide,
    fit,
    fmt_weeks,
    fmt_when,
    keep_to_the_end,
    kept,
    load,
    output_path,
    rule,
    stdin_bytes,
    text_option,
    wrap,
)
from planner.commands.common import count as _count
from planner.commands.common import findings_text as _findings_text

if TYPE_CHECKING:
    from planner.model import Plan


# -- the commands -----------------------------------------------------------------------------------------
def cmd_check(args: argparse.Namespace) -> int:
    """``planner check FILE...``: one file as ever (a load error is the command's one message, exit 2); several
    (a pre-commit hook passes every staged plan) are checked in turn, each load error said and the rest still
    checked, the exit code the worst of theirs; their JSON is a list of the one-file objects (``{"file",
    "error"}`` for a file that cannot be read)."""
    files = args.file if isinstance(args.file, list) else [args.file]
    if len(files) == 1:
        args.file = files[0]
        return _check_one(args, files[0])
    import contextlib
    import io

    codes: list[int] = []
    objects: list[dict[str, Any]] = []
    blocks = 0  # text: the files' reports, a blank line between them
    for path in files:
        text = io.StringIO()
        try:
            with contextlib.redirect_stdout(text):
                codes.append(_check_one(args, path, objects if args.format == "json" else None, hold=False))
        except CliError as exc:
            sys.stderr.write(f"planner: {exc}\n")
            objects.append({"file": path, "error": str(exc)})
            codes.append(EXIT_USAGE)
            code_if_cut(EXIT_USAGE)
        if text.getvalue():
            sys.stdout.write(("\n" if blocks else "") + text.getvalue())
            blocks += 1
    if args.format == "json":
        dump_json(objects, sys.stdout, args.indent or None)
    return max(codes)


def _check_one(
    args: argparse.Namespace, path: str, into: list[dict[str, Any]] | None = None, *, hold: bool = True
) -> int:
    """Check one file (into ``into``, one of several files' JSON objects, when given). ``hold``: keep the plan and
    its findings to the process's end (keep_to_the_end); not when several files are checked in turn, whose plans
    would then all be in memory at once."""
    from planner.analysis import has_errors, plan_findings
    from planner.model.names import one_line_names

    plan = load(path, args.scenario, args.status_date, read_only=True)
    if args.format != "json":
        plan = one_line_names(plan)  # a name stays on its line (JSON keeps it as the file has it)
    # Every finding of the plan, as `analyze`, the app and the report list them: those that need the schedule
    # (over-capacity, and late-start / late-finish against the status date) too, not only validation's.
    findings = plan_findings(plan)
    if hold:
        keep_to_the_end(plan, findings)
    warned = sum(1 for f in findings if str(f.severity) == "warning")
    strict_fail = getattr(args, "strict", False) and warned > 0  # --strict: a warning fails the check too
    code = EXIT_INVALID if strict_fail or has_errors(findings) else EXIT_OK
    code_if_cut(code)
    # The findings go to dump_json as they are: orjson writes a Finding (a dataclass) field by field, as its
    # to_dict would, without a dict per finding first (issue 12: 13 -> 3.5 ms for 14k findings).
    if into is not None:  # one of several files' JSON objects
        into.append({"file": path, "findings": findings})
    elif args.format == "json":
        dump_json({"file": path, "findings": findings}, sys.stdout, args.indent or None)
    else:
        counts = {s: sum(1 for f in findings if str(f.severity) == s) for s in ("error", "warning", "info")}
        sys.stdout.write(
            f"{STDIN_NAME if path == STDIN else path}: {_count(counts['error'], 'error')}, "
            f"{_count(counts['warning'], 'warning')}, "
            f"{_count(counts['info'], 'note')}\n"
        )
        _findings_text(findings, sys.stdout)
    if strict_fail and into is None and args.format != "json" and not has_errors(findings):  # why it exits 1
        sys.stdout.write(
            f"--strict: {_count(warned, 'warning')} {units.agree(warned, 'fails', 'fail')} the check; fix "
            f"{units.agree(warned, 'it', 'them')}, or leave --strict out\n"
        )
    return code


def cmd_analyze(args: argparse.Namespace) -> int:
    from planner.analysis import analysis_to_dict, analyze

    given = getattr(args, "level_time_limit", None)
    limit = DEFAULT_LEVEL_SECONDS if given is None else given
    if not (math.isfinite(limit) and 0 < limit <= MAX_LEVEL_SECONDS):
        raise CliError(
            f"--level-time-limit {limit:g}: give the seconds --level-method exact may take, more than 0 and at most "
            f"{MAX_LEVEL_SECONDS:,} (default 10)"
        )
    if given is not None and getattr(args, "level_method", None) != "exact":
        # only the exact solver searches until a limit; the limit was dropped without a word
        raise CliError(
            f"--level-time-limit {given:g}: only --level-method exact runs for a time (the heuristic and classic "
            "levelling finish at once); add --level-method exact, or leave --level-time-limit out"
        )
    plan = load(args.file, args.scenario, args.status_date, read_only=True)
    base = None
    if args.baseline is not None:
        base = chosen_baseline(plan, args.file, args.baseline)
    explain_ids = _explain_ids(plan, args.file, getattr(args, "explain", None) or [])
    if args.format != "json":  # a name stays on its line (JSON keeps it as the file has it)
        from planner.model.names import one_line_names

        shown = one_line_names(plan)
        if base is not None and shown is not plan:
            base = shown.baselines[next(i for i, b in enumerate(plan.baselines) if b is base)]
        plan = shown
    result = analyze(plan, args.estimate)
    result.baseline = base
    keep_to_the_end(plan, result)
    code_if_cut(EXIT_OK if result.ok else EXIT_INVALID)
    if getattr(args, "level", False) or getattr(args, "level_method", None):
        _attach_levelling(result, args.level_method or "heuristic", limit)
    explanations = _explanations(result, explain_ids)
    if args.format == "json":
        with kept():
            # the findings and tables as they are: dump_json writes each as its to_dict / to_list
            data = analysis_to_dict(result, finding_objects=True, tables=True)
        if explain_ids:
            data["explanations"] = _explanations_json(result, explain_ids, explanations)
        dump_json(data, sys.stdout, args.indent or None)
        keep_to_the_end(data)
    else:
        sys.stdout.write(analysis_text(result))
        if explain_ids:
            sys.stdout.write(_explanations_text(result, explain_ids, explanations))
    return EXIT_OK if result.ok else EXIT_INVALID


def _explain_ids(plan: Any, path: str, wanted: list[str]) -> list[str]:
    """``--explain`` ids, each once, in the order given (:func:`planner.commands.common.wanted_decision_ids`)."""
    from planner.commands.common import wanted_decision_ids

    return wanted_decision_ids(plan, path, wanted, "--explain")


def _explanations(result: Any, ids: list[str]) -> list[Any]:
    """The analysis's explanation of each id (:func:`planner.analysis.explain.explain`); none without a schedule."""
    if not ids or result.schedule is None:
        return []
    from planner.analysis.explain import explain

    return [explain(result.plan, result.schedule, did) for did in ids]


def _explanation_json(e: Any, total_float: float) -> dict[str, Any]:
    return {
        "id": e.decision,
        "critical": e.critical,
        "total_float": total_float,
        "start_reason": e.start_reason,
        "driver": e.driver,
        "driver_kind": e.driver_kind,
        "float_reason": e.float_text,
        "critical_reason": e.critical_text,
        "driving_chain": e.driving_chain,
        "longest_chain": e.longest_chain,
    }


def _explanations_json(result: Any, ids: list[str], explanations: list[Any]) -> list[dict[str, Any]]:
    """One entry per ``--explain`` id: its explanation, or why there is none (no schedule)."""
    s = result.schedule
    if s is None:
        return [{"id": did, "error": "no schedule: the plan has errors to fix first"} for did in ids]
    return [_explanation_json(e, float(s.total_float[s.index[e.decision]])) for e in explanations]


def _explanations_text(result: Any, ids: list[str], explanations: list[Any]) -> str:
    """``--explain``: per decision its reasons, then the chain of decisions that drives its start."""
    from planner.analysis.explain import chain_words

    plan = result.plan
    titles = {d.id: d.title for d in plan.decisions}
    lines: list[str] = []
    for k, did in enumerate(ids):
        room = max(20, WIDTH - len(f"Why '' ({did})"))
        head = f"Why '{elide(titles[did], room)}' ({did})"
        lines += ["", head, rule(head, "-")]
        if k >= len(explanations):
            lines += wrap("No schedule: the plan has errors that must be fixed first (see Findings).")
            continue
        e = explanations[k]
        for text in (e.start_reason, e.float_text, e.critical_text):
            lines += wrap(text)
        if len(e.driving_chain) > 1:
            lines += wrap(
                "Driving chain: " + chain_words(e.driving_chain)
            )  # (as the app says it; JSON: whole)
    return "\n".join(lines) + "\n"


MAX_LEVEL_SECONDS = 3_600
"""--level-time-limit at most (an hour): nan, inf or 1e308 seconds let the exact solver run without end."""

DEFAULT_LEVEL_SECONDS = 10.0
"""--level-time-limit when not given (its help says 10)."""


def _attach_levelling(result: Any, method: str, time_limit: float) -> None:
    """``--level``: the capacity-levelled schedule joins the analysis (:mod:`planner.analysis.capacity`)."""
    from planner.analysis.capacity import attach_to_analysis
    from planner.analysis.levelling_exact import ExactUnavailable

    if time_limit <= 0:
        raise CliError(f"--level-time-limit must be a positive number of seconds, not {time_limit:g}")
    try:
        attach_to_analysis(result, method, time_limit)
    except ExactUnavailable as exc:
        raise CliError(str(exc)) from None


def analysis_text(result: Any) -> str:
    """The readable report of ``planner analyze``."""
    plan = result.plan
    lines: list[str] = []
    add = lines.append
    lines.extend(wrap(plan.title))
    add(rule(plan.title))
    n_dec = len(plan.decisions)
    lines.extend(
        wrap(
            f"{_count(n_dec, 'decision')}, {_count(len(plan.dependencies), 'dependency', 'dependencies')}, "
            f"{_count(len(plan.stages), 'stage')}; "
            f"durations: {result.estimate} estimates, in weeks"
            + (f"; plan starts {units.format_date(plan.start_date)}" if plan.start_date else "")
        )
    )
    add("")
    s, st = result.schedule, result.stages
    if s is None or st is None:
        add("No schedule: the plan has errors that must be fixed first.")
        add("")
        add("Findings")
        add("--------")
        import io

        buf = io.StringIO()
        _findings_text(result.findings, buf)
        lines.append(buf.getvalue().rstrip("\n"))
        return "\n".join(lines) + "\n"
    titles = {d.id: d.title for d in plan.decisions}
    from planner.analysis.progress import shown_float, status_week

    status = status_week(plan)
    if status is not None:  # issue 16: work not done is scheduled from it
        add(f"Status date:               {fmt_when(plan, status)}")
    add(f"Finish (rolling stages):   {fmt_when(plan, s.finish)}")
    add(f"Finish (strict gates):     {fmt_when(plan, st.gated_finish)}")
    from planner.analysis.cost import format_money, gating_money_text, target_margin, target_week

    margin = target_margin(plan, s.finish)
    if margin is not None:  # the rolling finish against the plan's target
        lines.extend(
            wrap(
                f"Target:                    {fmt_when(plan, target_week(plan))}: {units.target_verdict(margin)}",
                rest=" " * 27,
            )
        )
    price = st.gating_price
    add(
        f"Price of strict gates:     {units.plural_weeks(price)}"
        + ("" if price else " (gating costs nothing on this plan)")
    )
    add(f"Critical decisions:        {units.part_of(int(s.critical.sum()), n_dec)}")
    from planner.analysis.cost import cost_summary

    costs = cost_summary(plan, result)  # issue 17: only for plans with rates, costs or a budget
    if costs is not None:
        b, cur = costs.breakdown, costs.currency
        # one line, as tests/analysis/test_cost.py and scripts grep it (it can pass 80 columns); only the kinds of
        # spend the plan has, as the Cost tab, the cost chart and the report (no "labour EUR 0"), and, as they do,
        # up to when running costs are counted (the horizon)
        add(
            f"Cost (spend):              {format_money(b.total, cur)}"
            f"{b.spend_split(cur, f' to {fmt_when(plan, b.horizon)}')}"
        )
        if b.budget is not None:
            head = b.headroom or 0.0
            add(
                f"Budget:                    {format_money(b.budget, cur)} "
                f"({'headroom' if head >= 0 else 'over by'} {format_money(abs(head), cur)})"
            )
        if b.delay:
            add(f"Cost of delay:             {format_money(b.delay, cur)}")
        if b.gating is not None and b.gating.weeks > 0:
            money = gating_money_text(b.gating)
            lines.extend(wrap(f"Strict gates in money:     {money}", rest=" " * 27))
    levelled = getattr(result, "levelled", None)
    if levelled is not None:
        lines.extend(
            wrap(
                f"Finish (levelled):         {fmt_when(plan, levelled.finish)} "
                + (
                    f"(+{units.plural_weeks(levelled.cost)} to respect team capacity)"
                    if units.signed_weeks(levelled.cost) != "="
                    else "(no later: team capacity is respected as planned)"
                ),
                rest=" " * 27,
            )
        )
        margin = target_margin(plan, levelled.finish)
        if margin is not None:  # the Target line above judges the rolling finish; levelled, it may not hold
            add(f"Target (levelled):         {units.target_verdict(margin)}")
    if result.baseline is not None:
        lines.extend(_baseline_lines(result))
    add("")
    add("Critical path")
    add("-------------")
    lines.extend(_critical_path_lines(plan, s, titles))
    for note in s.notes:
        lines.extend(wrap(f"Note: {note}", "  ", "        "))
    add("")
    add("Stages")
    add("------")
    add(
        f"  {'stage':<16} {'rolling window':<15} {'gated window':<15} {'gate':>6}  {'criteria':>8}  {'done':>5}"
    )
    for r in st.stages:
        roll = f"{fmt_weeks(r.start)}-{fmt_weeks(r.finish)}" if r.start is not None else "(empty)"
        gated = (
            f"{fmt_weeks(r.gated_start)}-{fmt_weeks(r.gated_finish)}" if r.gated_start is not None else "-"
        )
        crit = f"{r.criteria_met}/{r.criteria_total}" if r.criteria_total else "-"
        done = units.format_share(r.done_share)
        add(f"  {fit(r.name, 16)} {roll:<15} {gated:<15} {fmt_weeks(r.gate):>6}  {crit:>8}  {done:>5}")
    if plan.start_date and st.stages:
        # the same windows and gates by date, one stage a line (all on one line, a plan of four stages ran past
        # 200 columns)
        add("")
        add(f"  {'stage':<16} {'rolling window (dates)':<28} gate (strict gates)")
        for r in st.stages:
            window = (
                units.date_span(plan.date_of(r.start), plan.date_of(r.finish))
                if r.start is not None
                else "(empty)"
            )
            add(f"  {fit(r.name, 16)} {window:<28} {units.format_date(plan.date_of(r.gate))}")
    lines.extend(_moves_lines(plan, st, titles))
    lines.extend(_team_load_lines(plan, s, levelled))
    add("")
    add("Decisions")
    add("---------")
    from planner.analysis.progress import has_progress

    # With progress recorded, the schedule's durations are the work left (the JSON's `remaining`, beside the planned
    # `duration`): the column says so, rather than a "dur 0" for a decision done in three weeks.
    left = has_progress(plan)
    if left:
        lines.extend(
            wrap(
                "'left' is the work still to do, in weeks; start and finish are the remaining work's (a done "
                "decision's: its actual finish).",
                "  ",
                "  ",
            )
        )
    add(
        f"  {'id':<28} {'stage':<14} {'left' if left else 'dur':>5} {'start':>6} {'finish':>6} {'float':>6}  crit"
    )
    stage_names = {x.id: x.name for x in plan.stages}
    if not plan.decisions:
        add("  (none)")
    for i, d in enumerate(plan.decisions):
        add(
            f"  {fit(d.id, 28)} {fit(stage_names.get(d.stage, d.stage), 14)} {fmt_weeks(s.duration[i]):>5} "
            f"{fmt_weeks(s.es[i]):>6} {fmt_weeks(s.ef[i]):>6} "
            f"{fmt_weeks(shown_float(d.status, s.total_float[i])):>6}  "  # done: nothing left to slip
            f"{'yes' if s.critical[i] else ''}"
        )
    if levelled is not None:
        add("")
        for line in levelled.text(plan).rstrip("\n").splitlines():  # to 80 columns, each under its own start
            indent = line[: len(line) - len(line.lstrip())]
            lines.extend(wrap(line.lstrip(), indent, indent + "  "))
    add("")
    add("Findings")
    add("--------")
    import io

    buf = io.StringIO()
    _findings_text(result.all_findings, buf)
    lines.append(buf.getvalue().rstrip("\n"))
    return "\n".join(lines) + "\n"


def _team_load_lines(plan: Any, s: Any, levelled: Any) -> list[str]:
    """The "Team load" table (SPEC §3.4), when the plan has teams: per team its capacity, peak (people at once)
    and the weeks its load exceeds the capacity, from :func:`planner.analysis.capacity.team_loads` (the loads the
    load chart, the Capacity tab and the JSON's ``teams`` read); with ``--level``, the levelled peak and weeks
    over beside them. 80 columns: the team name is elided to fit (wide characters count as two)."""
    if not plan.teams:
        return []
    from planner.analysis.capacity import team_loads

    loads = team_loads(plan, s.es, s.ef)
    lv = team_loads(plan, levelled.es, levelled.ef) if levelled is not None else None
    name_w = 30 if lv is not None else 50
    head = f"  {fit('team', name_w)} {'capacity':>8} {'peak':>6} {'weeks over':>10}"
    if lv is not None:
        head += f" {'lvl peak':>8} {'lvl over':>8}"
    out = ["", "Team load", "---------", head]
    for k, tl in enumerate(loads):
        cap = fmt_weeks(tl.capacity) if tl.capacity is not None else "-"
        row = f"  {fit(tl.name, name_w)} {cap:>8} {fmt_weeks(tl.peak):>6} {fmt_weeks(tl.over_weeks):>10}"
        if lv is not None:
            row += f" {fmt_weeks(lv[k].peak):>8} {fmt_weeks(lv[k].over_weeks):>8}"
        out.append(row)
    if lv is not None:
        out.append("  lvl: in the levelled schedule (below)")
    return out


def _critical_path_lines(plan: Any, s: Any, titles: dict[str, str]) -> list[str]:
    """The critical path, one entry per decision: ``  1. Title (id)  weeks 2-5, 15 Feb 2027 to 8 Mar 2027``; when
    an entry would pass 80 columns, every entry puts its weeks and dates on a line of their own (the title
    elided to fit, never the id)."""
    if not s.critical_path:
        # An empty plan, or one whose every decision is done (progress): nothing is left to be critical.
        return [
            "  (empty plan)" if not plan.decisions else "  (none: every decision is done, no work is left)"
        ]
    entries = []
    for k, did in enumerate(s.critical_path, 1):
        i = s.index[did]
        if s.duration[i] == 0:
            # a milestone, or a decision of 0 weeks; one whose work is all done is no milestone (H-unseen25)
            d = plan.decision(did)
            left = d is not None and not d.milestone and d.weeks(s.estimate) > 0
            when = f"{'no work left, at' if left else 'milestone at'} {fmt_when(plan, float(s.es[i]))}"
        else:
            when = f"weeks {fmt_weeks(s.es[i])}-{fmt_weeks(s.ef[i])}" + (
                f", {units.format_date(plan.date_of(float(s.es[i])))} to "
                f"{units.format_date(plan.date_of(float(s.ef[i])))}"
                if plan.start_date
                else ""
            )
        entries.append((f"  {k:>2}. ", titles[did], did, when))
    if all(len(f"{n}{t} ({d})  {w}") <= WIDTH for n, t, d, w in entries):
        return [f"{n}{t} ({d})  {w}" for n, t, d, w in entries]
    return [f"{n}{elide(t, max(20, WIDTH - 9 - len(d)))} ({d})\n      {w}" for n, t, d, w in entries]


def _moves_lines(plan: Any, st: Any, titles: dict[str, str]) -> list[str]:
    """The suggested stage moves (SPEC §3.3), ``  Title (id): Integrate -> Operationalize``; past 80 columns,
    every move on a line of its own under its title."""
    if not st.suggested_moves:
        return []
    names = {x.id: x.name for x in plan.stages}
    rows = [(titles[did], did, f"{names[frm]} -> {names[to]}") for did, frm, to in st.suggested_moves]
    out = ["", "Suggested stage moves (the dependency graph puts these later than assigned)"]
    if all(len(f"  {t} ({d}): {m}") <= WIDTH for t, d, m in rows):
        return out + [f"  {t} ({d}): {m}" for t, d, m in rows]
    return out + [f"  {elide(t, max(20, WIDTH - 5 - len(d)))} ({d}):\n      {m}" for t, d, m in rows]


def _baseline_lines(result: Any) -> list[str]:
    """``analyze --baseline NAME``: the finish and each stage's window end and gate against the baseline, and how
    many decisions slipped -- the figures of the JSON's ``baseline`` (:func:`planner.analysis.baselines
    .baseline_json`), written by the one rule for weeks and dates."""
    from planner.analysis.baselines import stage_variance, variance

    plan, s, st, base = result.plan, result.schedule, result.stages, result.baseline
    v = variance(s, base, plan)
    slip = v.shown_finish_slip  # beside the two finishes: their difference as written
    moved = (
        "as in the baseline"
        if units.signed_weeks(slip) == "="
        else f"{units.plural_weeks(abs(slip))} {'later' if slip > 0 else 'earlier'}"
    )
    out = [
        "",
        f"Against baseline '{base.name}'",
        "-" * min(len(base.name) + 19, 80),
        f"  Finish in the baseline:  {fmt_when(plan, v.baseline_finish)}",
        f"  Finish now:              {fmt_when(plan, v.finish)}, {moved}",
        f"  {'stage':<16} {'window end':>10} {'now':>7} {'slip':>6}   {'gate':>6} {'now':>7} {'slip':>6}",
    ]
    for r, x in zip(st.stages, stage_variance(plan, st, base), strict=True):
        out.append(
            f"  {fit(r.name, 16)} {fmt_weeks(x.baseline_finish):>10} {fmt_weeks(x.finish):>7} "
            f"{units.signed_weeks(x.shown_finish_slip):>6}   {fmt_weeks(x.baseline_gate):>6} {fmt_weeks(x.gate):>7} "
            f"{units.signed_weeks(x.shown_gate_slip):>6}"
        )
    later = len(v.slipped())  # as the report's "Slipped" counts them
    earlier = sum(1 for d in v.decisions if (d.finish_slip or 0.0) < 0 and (d.shown_finish_slip or 0.0) < 0)
    new = sum(1 for d in v.decisions if d.status == "new")
    # in the baseline and no longer in the plan (a scenario's dropped work): the finish may have moved for them
    removed = [d.id for d in v.decisions if d.status == "removed"]
    gone = ", ".join(removed[:5]) + (f" and {len(removed) - 5} more" if len(removed) > 5 else "")
    out += wrap(
        f"{_count(later, 'decision')} {units.agree(later, 'finishes', 'finish')} later than in the baseline, "
        f"{earlier} earlier"
        + (f"; {new} not in the baseline" if new else "")
        + " (each one's slip: --format json)"
        + (f"; {len(removed)} removed: {gone}" if removed else ""),
        "  ",
    )
    # the slip they make, not the slip they inherit; one that rounds to 0 weeks is not listed as '+0 weeks'
    grew = [d for d in v.grew() if units.format_weeks(d.span_change or 0.0) != "0"]
    if grew:
        title = {d.id: d.title for d in plan.decisions}
        shown = [
            f"{elide(title[d.id], 40)} ({d.id}) +{units.plural_weeks(d.span_change or 0.0)}" for d in grew[:5]
        ]
        out += wrap(
            f"Longer than in the baseline: {'; '.join(shown)}"
            + (f"; and {len(grew) - 5} more" if len(grew) > 5 else ""),
            "  ",
            "    ",
        )
    return out


def cmd_new(args: argparse.Namespace) -> int:
    from planner.model import dump_plan, save_plan
    from planner.templates import load_template, template_names

    named = getattr(args, "template_name", None)
    if named is not None and args.template is not None and named != args.template:
        raise CliError(
            f"two templates named: {units.quoted(named)} and --template {units.quoted(args.template)}; name one"
        )
    # a name given blank ('' or --template '') is refused below, not taken for no name (the default)
    args.template = next((t for t in (named, args.template) if t is not None), "ai-scaling")
    if args.template not in template_names():
        # `planner new plan.json` (the file to write, as other tools' `new NAME` take it) is a file name, not a template
        hint = (
            f"; to write the plan to a file, name it with -o: planner new -o {args.template}"
            if named is not None and any(c in named for c in "./\\")
            else ""
        )
        raise CliError(
            f"unknown template {units.quoted(args.template)}; choose one of: {', '.join(template_names())}{hint}"
        )
    plan = load_template(args.template)
    if args.title is not None:
        from planner.model.limits import MAX_TITLE_CHARS

        if not text_option("--title", args.title).strip():
            raise CliError("--title: the title is empty; give the plan a title, or leave --title out")
        if len(args.title) > MAX_TITLE_CHARS:
            raise CliError(
                f"--title: {len(args.title):,} characters, more than the {MAX_TITLE_CHARS:,} a plan title may "
                "have; shorten it (the description takes longer text)"
            )
        plan.title = args.title
    plan = _with_start_and_currency(plan, getattr(args, "start_date", None), getattr(args, "currency", None))
    if args.output == STDIN:  # `-o -`: standard output, as `planner merge -o -` (it wrote a file named '-')
        args.output = None
    if args.output is not None:
        if not args.output.strip():
            raise CliError(
                "-o/--output: the file name is empty; give a file name, or leave -o out to print the plan"
            )
        out = output_path(args.output, "roadmap.plan.json")
        check_plan_suffix(out)
        if out.exists() and not args.force:
            raise CliError(f"{out}: already exists; choose another name or pass --force to overwrite it")
        try:  # through a symbolic link, the file it points to is written (the link stays a link)
            save_plan(plan, out)
        except OSError as exc:
            raise CliError(f"{out}: cannot write: {exc.strerror or exc}") from None
        sys.stderr.write(
            f"Wrote {out} from template {units.quoted(args.template)} ({_count(len(plan.decisions), 'decision')}).\n"
        )
    else:
        sys.stdout.write(dump_plan(plan))
    return EXIT_OK


def _with_start_and_currency(plan: Plan, start: str | None, currency: str | None) -> Plan:
    """``plan`` with ``planner new``'s ``--start-date`` and ``--currency`` applied; a value the plan file would
    refuse is a :class:`CliError` that says what to write."""
    import re

    from planner.commands.common import iso_day

    update: dict[str, Any] = {}
    if start is not None:
        try:
            day = iso_day(start.strip())
        except ValueError:  # the form is right, the day is not in the calendar (2027-02-30, 0000-01-01)
            raise CliError(
                f"--start-date {units.quoted(start)}: there is no such day in the calendar; write the date as YYYY-MM-DD "
                "(e.g. 2027-01-04)"
            ) from None
        if day is None:
            from planner.model.io import date_advice, date_readings

            readings = date_readings(start)  # 04/01/2027: 4 Jan or 1 Apr, in the form the option takes
            raise CliError(
                f"--start-date {units.quoted(start)}: write the date as YYYY-MM-DD "
                + (f"({date_advice(start).removeprefix('write ')})" if readings else "(e.g. 2027-01-04)")
            )
        update["start_date"] = day
    if currency is not None:
        code = currency.strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise CliError(
                f"--currency {units.quoted(currency)}: write a three-letter ISO 4217 code such as USD, EUR or GBP"
            )
        update["currency"] = code
    if not update:
        return plan
    plan = plan.model_copy(update=update)
    if "start_date" in update:
        from planner.analysis import validate

        far = [f for f in validate(plan) if f.code == "dates-out-of-range"]
        if far:
            raise CliError(f"--start-date {start}: {far[0].message}")
    return plan


def cmd_templates(args: argparse.Namespace) -> int:
    from planner.templates import template_names, template_summary

    for name in template_names():
        lines = wrap(template_summary(name), f"{name:<14} ", " " * 15)
        sys.stdout.write("".join(f"{x}\n" for x in lines))
    return EXIT_OK


def cmd_open(args: argparse.Namespace) -> int:
    scenario = getattr(args, "scenario", None)
    if scenario is not None and not scenario.strip():  # as every other command says it, before Qt starts
        raise CliError(
            "--scenario: the name is empty; give a scenario's name (`planner scenarios FILE` lists them)"
        )
    piped = None
    if args.file == STDIN:  # `git show HEAD~1:p.plan.json | planner open -`: that version in the app, unsaved
        from planner.model import PlanLoadError, load_plan_bytes

        try:
            piped = load_plan_bytes(stdin_bytes(), STDIN_NAME)
        except PlanLoadError as exc:  # said here, before the app starts, as every command says it
            raise CliError(str(exc)) from None
    # Imported here: Qt costs about a second, which the other commands do not pay.
    try:
        from planner.ui import app
    except ImportError as exc:  # e.g. a system without the Qt libraries (libEGL, libxkbcommon)
        raise CliError(f"the desktop app cannot start: {exc}") from None
    problem = app.qt_problem() or app.display_problem()
    if problem is not None:
        raise CliError(problem)
    present, scenario = getattr(args, "present", False), getattr(args, "scenario", None)
    if piped is not None:
        return int(app.run(None, plan=piped, present=present, scenario=scenario))
    return int(app.run(args.file, present=present, scenario=scenario))
