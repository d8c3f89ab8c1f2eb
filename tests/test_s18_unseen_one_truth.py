"""One truth on plans built to stress the rules (H-unseen, session 18): for the stress shapes of
``tests/unseen_plans.py`` (two and seven stages, renamed and reordered, an empty stage, inversions, strict gates that
cost weeks, fractional weeks, zero-length work that is no milestone, milestones on every link type with leads, SF
links, a late not_before, progress before/on/after, several baselines and scenarios, teams over capacity with rates
and a cost of delay in other currencies, risks at probability 0 and 1, one decision, everything done, 300 decisions)
every output gives the analysis's figures, each written by its one function (``planner.units``,
``planner.analysis.cost.format_money``): ``analyze`` text and JSON, ``check`` text and JSON, ``analyze --explain``,
``simulate`` text and JSON (fixed seed), each chart's SVG text and the PDF report's text. The app's side is
tests/ui/test_s18_unseen_app.py.

Every check returns the disagreements it found as sentences, so the same code serves the tests (a handful of
shapes) and the wide sweep, run as a script::

    .venv/bin/python -m tests.test_s18_unseen_one_truth OUTDIR [SHAPE ...]

which writes each stress shape with its outputs (SVG, PDF) to OUTDIR and prints each disagreement.
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from pypdf import PdfReader

from planner import units
from planner.analysis import analyze
from planner.analysis.cost import cost_breakdown, format_money
from planner.analysis.montecarlo import simulate
from planner.analysis.progress import shown_float
from planner.cli import main
from planner.model import load_plan
from tests.unseen_plans import STRESS_SHAPES, stress_random

ITER, SEED = 300, 11


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main(argv)
    return rc, out.getvalue(), err.getvalue()


def sweep(found_of: Callable[[int, Path], list[str]], argv: list[str]) -> int:
    """The wide sweep of the one-truth modules run as scripts (``OUTDIR FIRST_SEED COUNT``): ``found_of(seed,
    folder)`` is a seed's disagreements; each seed's count and disagreements are printed (a checker that raises is
    one, and the sweep goes on); the exit code is 1 when any was found."""
    target = Path(argv[0])
    target.mkdir(parents=True, exist_ok=True)
    first, count = int(argv[1]), int(argv[2])
    total = 0
    for seed in range(first, first + count):
        try:
            found = found_of(seed, target)
        except Exception as exc:  # noqa: BLE001 -- a sweep reports and goes on
            found = [f"checker raised {type(exc).__name__}: {exc}"]
        total += len(found)
        print(f"seed {seed}: {len(found)} disagreement(s)", flush=True)
        for x in found:
            print("   ", x, flush=True)
    return 1 if total else 0


def write(name: str, folder: Path) -> Path:
    """A stress shape by name, or ``stress-N-SEED``: :func:`stress_random` of ``N`` decisions drawn from ``SEED``."""
    if name in STRESS_SHAPES:
        data = STRESS_SHAPES[name]()
    else:
        _, n, seed = name.split("-")
        data = stress_random(int(n), int(seed))
    path = folder / f"{name}.plan.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _line(text: str, label: str) -> str | None:
    for x in text.splitlines():
        if x.startswith(label):
            return x[len(label) :].strip()
    return None


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def svg_text(path: Path) -> str:
    """The text of an SVG chart (matplotlib writes text as text), one string per <text>, joined by ' | '."""
    raw = path.read_text(encoding="utf-8")
    pieces = [
        html.unescape(re.sub(r"<[^>]+>", "", x)) for x in re.findall(r"<text[^>]*>(.*?)</text>", raw, re.S)
    ]
    return " | ".join(_flat(p).strip() for p in pieces)


class Truth:
    """The figures of one plan, from the analysis, each written by its one function."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.plan = plan = load_plan(path)
        self.a = a = analyze(plan)
        assert a.schedule is not None and a.stages is not None, [f.message for f in a.findings]
        self.s, self.stg = a.schedule, a.stages
        self.start = plan.start_date
        self.sim = simulate(plan, ITER, SEED)
        self.ids = [d.id for d in plan.decisions]
        self.cost = cost_breakdown(plan, self.s, self.stg)

    def when(self, week: float | None) -> str:
        return units.format_when(self.start, week)

    def date(self, week: float | None) -> str:
        return units.format_date(units.week_to_date(self.start, week))

    def counts(self) -> dict[str, int]:
        found = self.a.all_findings
        return {s: sum(f.severity == s for f in found) for s in ("error", "warning", "info")}


def check_analyze(t: Truth) -> list[str]:
    bad: list[str] = []
    p = str(t.path)
    rc, text, err = run(["analyze", p])
    if rc != 0 or "Traceback" in err:
        return [f"analyze exits {rc}: {err[-300:]}"]
    rc, raw, _ = run(["analyze", p, "--format", "json"])
    data = json.loads(raw)
    s, stg = t.s, t.stg
    for label, week in (("Finish (rolling stages):", s.finish), ("Finish (strict gates):", stg.gated_finish)):
        if _line(text, label) != t.when(week):
            bad.append(f"analyze text {label} {_line(text, label)!r}, the analysis {t.when(week)!r}")
    if data["critical_path"] != list(s.critical_path):
        bad.append(f"analyze JSON critical path {data['critical_path']}")
    # the critical path section lists the same ids in the same order
    section = (
        text.split("Critical path\n-------------\n")[1].split("\n\n")[0]
        if "Critical path\n---" in text
        else ""
    )
    shown = re.findall(r"^\s+\d+\. .*\(([^()\s]+)\)", section, re.M)
    if shown != data["critical_path"]:
        bad.append(f"analyze text critical path {shown}, JSON {data['critical_path']}")
    # the decisions table: start, finish and float of each decision as the JSON has them
    table = text.split("Decisions\n---------\n")[1].split("\n\n")[0].splitlines()[1:]
    rows = {r.split()[0]: r for r in table}
    for d in data["decisions"]:
        row = rows.get(d["id"])
        if row is None:
            bad.append(f"analyze text: no row for {d['id']}")
            continue
        cells = row.split()
        want = [units.format_weeks(d["es"]), units.format_weeks(d["ef"])]
        tail = cells[-4:] if cells[-1] == "yes" else cells[-3:]
        fl = "-" if d.get("state") == "done" else units.format_weeks(d["total_float"])
        if tail[:3] != [*want, fl] and tail[:3] != [*want, units.format_weeks(d["total_float"])]:
            bad.append(f"analyze text row {row.strip()!r}: JSON start {want[0]} finish {want[1]} float {fl}")
    # the stages table: rolling window, gated window, gate, each by format_weeks
    table = text.split("Stages\n------\n")[1].split("\n\n")[0].splitlines()[1:]
    for js, r in zip(data["stages"], stg.stages, strict=True):
        row = next((x for x in table if x.strip().startswith(r.name)), None)
        if row is None:
            bad.append(f"analyze text: no stage row for {r.name}")
            continue
        rolling = (
            "(empty)"
            if js["start"] is None
            else f"{units.format_weeks(js['start'])}-{units.format_weeks(js['finish'])}"
        )
        gated = (
            "-"
            if js["gated_start"] is None
            else f"{units.format_weeks(js['gated_start'])}-{units.format_weeks(js['gated_finish'])}"
        )
        cells = row.strip()[len(r.name) :].split()
        if cells[:3] != [rolling, gated, units.format_weeks(js["gate"])]:
            bad.append(f"analyze text stage row {row.strip()!r}: JSON {rolling} {gated} {js['gate']}")
    # cost: the total by the one money formatter
    if t.cost.total > 0 and t.plan.currency:
        got = _line(text, "Cost (spend):") or ""
        if not got.startswith(format_money(t.cost.total, t.plan.currency)):
            bad.append(
                f"analyze text cost {got!r}, the analysis {format_money(t.cost.total, t.plan.currency)}"
            )
        if data["cost"]["total"] != pytest.approx(t.cost.total):
            bad.append(f"analyze JSON cost {data['cost']['total']}, the analysis {t.cost.total}")
    # counts of findings: analyze JSON, check JSON, check text
    n = t.counts()
    counted = {k: sum(f["severity"] == k for f in data["findings"]) for k in n}
    if counted != n:
        bad.append(f"analyze JSON findings {counted}, the analysis {n}")
    rc, raw, _ = run(["check", p, "--format", "json"])
    c = json.loads(raw)
    if c["findings"] != data["findings"]:
        bad.append("check JSON findings differ from analyze JSON's")
    rc, ctext, _ = run(["check", p])
    head = f": {units.count(n['error'], 'error')}, {units.count(n['warning'], 'warning')}, {units.count(n['info'], 'note')}"
    if not ctext.splitlines()[0].endswith(head):
        bad.append(f"check text {ctext.splitlines()[0]!r}, the analysis {head}")
    return bad


def check_explain(t: Truth) -> list[str]:
    """``analyze --explain ID``: the start week and date and the total float are the schedule's."""
    bad: list[str] = []
    s = t.s
    for ident in t.ids[:40]:
        j = s.index[ident]
        rc, text, err = run(["analyze", str(t.path), "--explain", ident])
        if rc != 0:
            bad.append(f"explain {ident} exits {rc}: {err[-200:]}")
            continue
        why = _flat(text.split("Why '")[-1])
        es, tf = float(s.es[j]), float(s.total_float[j])
        if f"week {units.format_weeks(es)}" not in why and "done" not in why:
            bad.append(f"explain {ident}: no 'week {units.format_weeks(es)}' in {why[:200]!r}")
        if t.start is not None and t.date(es) not in why and "done" not in why:
            bad.append(f"explain {ident}: no {t.date(es)} in {why[:200]!r}")
        if tf > 1e-7 and f"{units.format_weeks(tf)} week" not in why and "done" not in why:
            bad.append(f"explain {ident}: float {units.format_weeks(tf)} not in {why[:300]!r}")
    return bad


def reference_schedule(plan: Any) -> dict[str, Any]:
    """SPEC §3.2 and §3.3 written out again, the slow plain way, for plans without progress: ES/EF, LS/LF, total and
    free float, and the gated schedule's gates (likely estimates)."""
    import networkx as nx

    from planner.model.plan import duration_triple

    ids = [d.id for d in plan.decisions]
    dur = {d.id: 0.0 if d.milestone else duration_triple(d.duration)[1] for d in plan.decisions}
    nb = {d.id: float(d.not_before or 0.0) for d in plan.decisions}
    links = [(x.from_, x.to, str(x.type), float(x.lag)) for x in plan.dependencies]
    g = nx.DiGraph()
    g.add_nodes_from(ids)
    g.add_edges_from((a, b) for a, b, _, _ in links)
    order = list(nx.lexicographical_topological_sort(g, key=ids.index))

    def c(a: str, b: str, kind: str, lag: float, es: dict[str, float], ef: dict[str, float]) -> float:
        return {"FS": ef[a] + lag, "SS": es[a] + lag, "FF": ef[a] + lag - dur[b], "SF": es[a] + lag - dur[b]}[
            kind
        ]

    def forward(floor: dict[str, float]) -> tuple[dict[str, float], dict[str, float]]:
        es: dict[str, float] = {}
        ef: dict[str, float] = {}
        for j in order:
            es[j] = max(
                [0.0, nb[j], floor.get(j, 0.0)]
                + [c(a, b, k, lag, es, ef) for a, b, k, lag in links if b == j]
            )
            ef[j] = es[j] + dur[j]
        return es, ef

    es, ef = forward({})
    finish = max(ef.values(), default=0.0)
    ls: dict[str, float] = {}
    lf: dict[str, float] = {}

    def b(j: str, k: str, kind: str, lag: float) -> float:
        return {"FS": ls[k] - lag, "SS": ls[k] - lag + dur[j], "FF": lf[k] - lag, "SF": lf[k] - lag + dur[j]}[
            kind
        ]

    for j in reversed(order):
        lf[j] = min([finish] + [b(j, k, kind, lag) for a, k, kind, lag in links if a == j])
        ls[j] = lf[j] - dur[j]
    tf = {j: ls[j] - es[j] for j in ids}
    ff = {
        j: min([finish - ef[j]] + [es[b] - c(a, b, k, lag, es, ef) for a, b, k, lag in links if a == j])
        for j in ids
    }
    stage_of = {s.id: k for k, s in enumerate(plan.stages)}
    seq = {j: stage_of[d.stage] for j, d in zip(ids, plan.decisions, strict=True)}
    for j in order:
        seq[j] = max([seq[j]] + [seq[a] for a, b, _, _ in links if b == j])
    # gated: stage by stage, each stage's decisions start no earlier than the previous gate
    gates: list[float] = []
    floor: dict[str, float] = {}
    gate = 0.0
    for k in range(len(plan.stages)):
        for j in ids:
            if seq[j] == k:
                floor[j] = gate
        ges, gef = forward(floor)
        gate = max([gate] + [gef[j] for j in ids if seq[j] == k])
        gates.append(gate)
    return {"es": es, "ef": ef, "tf": tf, "ff": ff, "finish": finish, "gates": gates}


def check_spec(t: Truth) -> list[str]:
    """The schedule, the floats and the gates are SPEC's formulas (plans without progress only)."""
    if t.plan.status_date is not None or any(d.status != "not_started" for d in t.plan.decisions):
        return []
    ref = reference_schedule(t.plan)
    bad: list[str] = []
    s = t.s
    tol = 1e-6 * max(1.0, ref["finish"])
    if abs(s.finish - ref["finish"]) > tol:
        bad.append(f"finish {s.finish}, SPEC {ref['finish']}")
    for j, i in s.index.items():
        for key, arr in (("es", s.es), ("ef", s.ef), ("tf", s.total_float), ("ff", s.free_float)):
            want = ref[key][j]
            if key == "ff":
                want = min(want, ref["tf"][j])  # SPEC: free float never exceeds total float
            if abs(float(arr[i]) - want) > tol:
                bad.append(f"{j} {key} {float(arr[i])}, SPEC {want}")
    for r, g in zip(t.stg.stages, ref["gates"], strict=True):
        if abs(r.gate - g) > tol:
            bad.append(f"gate of {r.name} {r.gate}, SPEC {g}")
    return bad


def check_simulate(t: Truth) -> list[str]:
    bad: list[str] = []
    p = str(t.path)
    rc, raw, err = run(["simulate", p, "-n", str(ITER), "--seed", str(SEED), "--format", "json"])
    if rc != 0:
        return [f"simulate exits {rc}: {err[-300:]}"]
    js = json.loads(raw)
    p50, p80 = t.sim.percentile(50), t.sim.percentile(80)
    if (js["finish"]["p50"], js["finish"]["p80"]) != (p50, p80):
        bad.append(
            f"simulate JSON P50/P80 {js['finish']['p50']}/{js['finish']['p80']}, the simulation {p50}/{p80}"
        )
    rc, text, _ = run(["simulate", p, "-n", str(ITER), "--seed", str(SEED)])
    for q, w in ((50, p50), (80, p80)):
        row = next((x for x in text.splitlines() if x.strip().startswith(f"P{q} ")), "")
        if f" {units.format_weeks(w)} " not in row + " " or (t.start and t.date(w) not in row):
            bad.append(f"simulate text P{q} {row.strip()!r}, the simulation {t.when(w)}")
    cpm = next((x for x in text.splitlines() if x.strip().startswith("CPM plan")), "")
    if f" {units.format_weeks(t.s.finish)} " not in cpm or (t.start and t.date(t.s.finish) not in cpm):
        bad.append(f"simulate text {cpm.strip()!r}, analyze finish {t.when(t.s.finish)}")
    return bad


def check_charts(t: Truth, folder: Path) -> list[str]:
    """Each chart's SVG text gives the figures of its kind: finish, gated finish, gates, P50/P80, total cost,
    critical count."""
    bad: list[str] = []
    p, s, stg = str(t.path), t.s, t.stg
    short = f"wk {units.format_weeks(s.finish)}" + (f" ({t.date(s.finish)})" if t.start else "")
    gated = f"wk {units.format_weeks(stg.gated_finish)}" + (
        f" ({t.date(stg.gated_finish)})" if t.start else ""
    )
    n_crit = int(s.critical.sum())
    texts: dict[str, str] = {}
    for chart in ("gantt", "roadmap", "stages", "critical-path", "risk", "cost", "graph", "load"):
        out = folder / f"{t.path.name.split('.')[0]}-{chart}.svg"
        rc, _, err = run(["export", p, "--chart", chart, "-o", str(out)])
        if rc != 0:
            if "no cost" in err or "nothing" in err:
                continue
            bad.append(f"export {chart} exits {rc}: {err[-200:]}")
            continue
        texts[chart] = svg_text(out)
    for chart in ("gantt", "roadmap", "stages"):
        if chart in texts and short not in texts[chart] and s.finish > 0:
            bad.append(f"{chart} SVG: no '{short}' in {texts[chart][-400:]!r}")
    if "stages" in texts:
        if gated not in texts["stages"]:
            bad.append(f"stages SVG: no gated finish '{gated}'")
        for r in stg.stages:
            g = f"gate wk {units.format_weeks(r.gate)}" + (f" · {t.date(r.gate)}" if t.start else "")
            if g not in texts["stages"]:
                bad.append(f"stages SVG: no '{g}' for {r.name}")
        price = stg.gating_price
        if price > 0 and f"+{units.format_weeks(price)} wk" not in texts["stages"]:
            bad.append(f"stages SVG: price of gates +{units.format_weeks(price)} wk missing")
    for chart in ("gantt", "roadmap"):
        if chart in texts and t.ids and n_crit and f"{n_crit}" not in texts[chart]:
            bad.append(f"{chart} SVG: critical count {n_crit} missing")
    if "graph" in texts and len(t.ids) <= 20:  # one page: every card gives its float, as the table does
        for i, d in enumerate(t.plan.decisions):
            tf = shown_float(d.status, float(s.total_float[i]))
            if (
                tf is not None
                and not s.critical[i]
                and f"float {units.format_weeks(tf)}" not in texts["graph"]
            ):
                bad.append(f"graph SVG: no 'float {units.format_weeks(tf)}' for {d.id}")
    if "cost" in texts and t.cost.total > 0:
        total = format_money(t.cost.total, t.plan.currency)
        if f"Total {total}" not in texts["cost"]:
            bad.append(f"cost SVG: no 'Total {total}' in {texts['cost'][-300:]!r}")
    return bad


def check_report(t: Truth, folder: Path) -> list[str]:
    """The PDF report's text: finish, gated finish and the price of gates, each stage's gate and window end with
    its week, P50/P80 (the same seed), the total cost, the critical count and the findings' counts."""
    bad: list[str] = []
    out = folder / f"{t.path.name.split('.')[0]}-report.pdf"
    rc, _, err = run(
        [
            "report",
            str(t.path),
            "-o",
            str(out),
            "--simulate",
            "--iterations",
            str(ITER),
            "--seed",
            str(SEED),
            "-q",
        ]
    )
    if rc != 0:
        return [f"report exits {rc}: {err[-300:]}"]
    pages = [_flat(pg.extract_text() or "") for pg in PdfReader(out).pages]
    rep = " ".join(pages)
    s, stg = t.s, t.stg
    p50, p80 = t.sim.percentile(50), t.sim.percentile(80)
    if t.start is not None:
        for label, w in (("finish", s.finish), ("P80", p80)):
            if t.date(w) not in pages[0]:
                bad.append(f"report cover: no {label} {t.date(w)}")
        if f"P50 {t.date(p50)}" not in pages[0]:
            bad.append(f"report cover: no 'P50 {t.date(p50)}'")
        for r in stg.stages:
            g = f"{t.date(r.gate)} (wk {units.format_weeks(r.gate)})"
            if g not in rep:
                bad.append(f"report: no gate {g} for {r.name}")
            if r.finish is not None and f"{t.date(r.finish)} (wk {units.format_weeks(r.finish)})" not in rep:
                bad.append(
                    f"report: no window end {t.date(r.finish)} (wk {units.format_weeks(r.finish)}) for {r.name}"
                )
        for week, date in re.findall(r"week ([0-9.]+) \((\d{1,2} [A-Z][a-z]{2} \d{4})\)", rep):
            w = float(week)
            if date not in {t.date(x) for x in (w - 0.005, w, w + 0.005)}:
                bad.append(f"report: week {week} written beside {date}")
        for date, week in re.findall(r"(\d{1,2} [A-Z][a-z]{2} \d{4}) \(wk ([0-9.]+)\)", rep):
            w = float(week)
            if date not in {t.date(x) for x in (w - 0.005, w, w + 0.005)}:
                bad.append(f"report: {date} written beside wk {week}")
    else:
        for label, w in (("finish", s.finish), ("P80", p80)):
            if f"week {units.format_weeks(w)}" not in pages[0]:
                bad.append(f"report cover: no {label} week {units.format_weeks(w)}")
    price = stg.gating_price
    if price > 0 and units.plural_weeks(price) not in rep:
        bad.append(f"report: price of gates {units.plural_weeks(price)} missing")
    n_crit = int(s.critical.sum())
    if n_crit and f"{n_crit} critical" not in pages[0]:
        bad.append(f"report cover: no '{n_crit} critical'")
    if t.cost.total > 0 and t.plan.currency and format_money(t.cost.total, t.plan.currency) not in rep:
        bad.append(f"report: no total {format_money(t.cost.total, t.plan.currency)}")
    n = t.counts()
    if n["warning"] or n["info"]:
        words = f"{units.count(n['warning'], 'warning')} and {units.count(n['info'], 'note')}"
        if words not in rep:
            bad.append(f"report: findings counted otherwise than '{words}'")
    return bad


def disagreements(path: Path, folder: Path) -> list[str]:
    t = Truth(path)
    return (
        check_spec(t)
        + check_analyze(t)
        + check_explain(t)
        + check_simulate(t)
        + check_charts(t, folder)
        + check_report(t, folder)
    )


# -- the tests: every check on a handful of shapes (the sweep runs them all) ----------------------------------------
QUICK = [k for k in STRESS_SHAPES if k != "stress-300"]
DEEP = ["seven-stages", "progress-week-boundary", "costs-and-capacity"]


@pytest.mark.parametrize("name", QUICK)
def test_analyze_check_explain_and_simulate_agree_on_stress_plans(name: str, tmp_path: Path) -> None:
    t = Truth(write(name, tmp_path))
    assert check_spec(t) + check_analyze(t) + check_explain(t) + check_simulate(t) == []


@pytest.mark.filterwarnings("ignore:Glyph:UserWarning")
@pytest.mark.parametrize("name", DEEP)
def test_charts_and_report_agree_on_stress_plans(name: str, tmp_path: Path) -> None:
    t = Truth(write(name, tmp_path))
    assert check_charts(t, tmp_path) + check_report(t, tmp_path) == []


def test_the_checks_see_a_disagreement(tmp_path: Path) -> None:
    # The checks are not blind: an analysis whose finish is 0.01 week later than the one the outputs computed is
    # reported by the text's finish line and by the simulation's CPM line.
    import dataclasses

    t = Truth(write("seven-stages", tmp_path))
    t.s = dataclasses.replace(t.s, finish=t.s.finish + 0.01)
    assert any("Finish (rolling stages)" in x for x in check_analyze(t))
    assert any("CPM plan" in x for x in check_simulate(t))


def test_a_risk_that_never_fires_bears_on_nothing(tmp_path: Path) -> None:
    # 'Never fires' (probability 0) names the critical 'Inference service': the report's "Needs the board's
    # attention" said 'risk "Never fires" bears on it' beside simulate's 'adds 0 wk' and 'fired 0%'.
    from planner.analysis.board import attention

    t = Truth(write("certain-risks", tmp_path))
    asks = {a.id: a.reasons for a in attention(t.plan, t.a, t.sim, None)}
    assert not any("Never fires" in r for reasons in asks.values() for r in reasons)
    assert "risk \u201cAlways fires\u201d bears on it" in asks["ops"]  # probability 1: it does
    rc, text, _ = run(["simulate", str(t.path), "-n", str(ITER), "--seed", str(SEED)])
    assert "fired   0%" in text.split("Never fires")[1].splitlines()[1]
    out = tmp_path / "r.pdf"
    argv = [
        "report",
        str(t.path),
        "-o",
        str(out),
        "--simulate",
        "--iterations",
        str(ITER),
        "--sections",
        "summary",
    ]
    assert run([*argv, "-q"])[0] == 0
    report = _flat(" ".join(pg.extract_text() or "" for pg in PdfReader(out).pages))
    assert "Never fires\u201d bears" not in report and "Always fires\u201d bears on it" in report


def test_a_team_that_can_never_staff_work_counts_people_one_by_one(tmp_path: Path) -> None:
    # Team Data has 0.5 people; 'Inference service' needs 1.75 and 'Drift detection' 1 (hand-set in the shape):
    # the warning said "... needs 1.75, ... needs 1 people".
    path = write("costs-and-capacity", tmp_path)
    rc, text, _ = run(["check", str(path)])
    line = next(x for x in text.splitlines() if "Team 'Data' (data) can never staff" in x)
    assert (
        "'Inference service' (arch) needs 1.75 people, 'Drift detection' (ops) needs 1 person, more than"
        in line
    )
    assert "1 people" not in text


def test_the_graph_chart_gives_every_float_the_table_gives(tmp_path: Path) -> None:
    # At the status date (week 4) 'Data pipeline' has 0.8 weeks left and 5.15 of float: its card's line
    # "0.8 wk · wk 4–4.8 · float 5.15" did not fit and the float was the piece left out, so the card read like the
    # critical 'Inference service' beside it ("1.95 wk · wk 4–5.95"). The duration (which the span repeats) goes
    # first now.
    t = Truth(write("progress-week-boundary", tmp_path))
    out = tmp_path / "graph.svg"
    assert run(["export", str(t.path), "--chart", "graph", "-o", str(out)])[0] == 0
    text = svg_text(out)
    assert "Data pipeline | wk 4–4.8 · float 5.15" in text
    assert check_charts(t, tmp_path) == []


def test_the_roadmap_axis_reaches_a_status_date_after_the_finish(tmp_path: Path) -> None:
    # Everything is done by week 6.85; the status date is 1 Mar 2027 (week 8). The roadmap's axis ended at the
    # finish: the status line was drawn past the right edge and its label 'status 1 Mar' sat at about week 5
    # (8 Feb), clamped beside the finish label. The Gantt and the stage timeline take the status date into
    # their axes; the roadmap now does too.
    from planner.charts.roadmap import geometry

    t = Truth(write("everything-done", tmp_path))
    assert t.s.finish == pytest.approx(6.85)
    g = geometry(t.a, 13.0, 7.5)
    assert g.t_end == pytest.approx(8.0)  # the status week, past the finish
    assert g.x0 < g.x(t.s.finish) < g.x(8.0) <= g.x1 + 1e-9


def test_a_share_of_runs_is_written_one_way(tmp_path: Path) -> None:
    # The budget is the dearest simulated run but one: 299 of 300 runs stay within it (99.67%). simulate's text
    # said '99.7%', the report 'stays within budget in 100% of runs' (and a share of 1 in 300 read '0%' there).
    # Every view writes a share by units.format_share now: '>99%', '<1%', else whole percentages.
    data = STRESS_SHAPES["costs-and-capacity"]()
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    cost = simulate(load_plan(path), ITER, SEED).cost
    assert cost is not None
    spend = np.sort(cost)
    data["budget"] = float(spend[-2])
    path.write_text(json.dumps(data), encoding="utf-8")
    rc, raw, _ = run(["simulate", str(path), "-n", str(ITER), "--seed", str(SEED), "--format", "json"])
    assert json.loads(raw)["cost"]["p_within_budget"] == pytest.approx(299 / 300)  # the JSON keeps the figure
    rc, text, _ = run(["simulate", str(path), "-n", str(ITER), "--seed", str(SEED)])
    assert f"Probability of staying within the budget ({format_money(spend[-2], 'JPY')}): >99%" in text
    out = tmp_path / "r.pdf"
    argv = ["report", str(path), "-o", str(out), "--simulate", "--iterations", str(ITER), "--seed", str(SEED)]
    assert run([*argv, "--sections", "summary,cost", "-q"])[0] == 0
    report = _flat(" ".join(pg.extract_text() or "" for pg in PdfReader(out).pages))
    assert "stays within budget in >99% of runs" in report
    assert "100% of runs" not in report
    assert units.format_share(1 / 300) == "<1%" and units.format_share(299 / 300) == ">99%"


def nearly_done_plan() -> dict[str, Any]:
    """Stage Pilot: 'Build' (24.9 weeks) done, 'Polish' (0.1 week) not started: 24.9 / 25 = 99.6% of its work done."""
    data = STRESS_SHAPES["single"]()
    data["decisions"] = [
        {
            "id": "build",
            "title": "Build",
            "stage": "only",
            "duration": 24.9,
            "status": "done",
            "progress": 100,
            "actual_start": 0,
            "actual_finish": 24.9,
        },
        {"id": "polish", "title": "Polish", "stage": "only", "duration": 0.1},
    ]
    data["dependencies"] = [{"from": "build", "to": "polish"}]
    return data


def test_a_stage_nearly_done_is_not_written_done(tmp_path: Path) -> None:
    # 99.6% of the stage's work is done: the CLI's stage table, the stage timeline and the report's stage details
    # wrote '100%' (and the app's workshop '100 %'), a stage with work left. units.format_share: '>99%'.
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(nearly_done_plan()), encoding="utf-8")
    a = analyze(load_plan(path))
    assert a.stages is not None and a.stages.stages[0].done_share == pytest.approx(0.996)
    rc, text, _ = run(["analyze", str(path)])
    row = next(x for x in text.split("Stages\n------\n")[1].splitlines() if x.strip().startswith("Only"))
    assert row.split()[-1] == ">99%"
    out = tmp_path / "stages.svg"
    assert run(["export", str(path), "--chart", "stages", "-o", str(out)])[0] == 0
    assert "done >99%" in svg_text(out)
    pdf = tmp_path / "r.pdf"
    assert run(["report", str(path), "-o", str(pdf), "--sections", "stages-detail", "-q"])[0] == 0
    report = _flat(" ".join(pg.extract_text() or "" for pg in PdfReader(pdf).pages))
    assert ">99% of its work done" in report and "100%" not in report


def test_a_scenario_gate_delta_is_the_difference_of_the_gates_written(tmp_path: Path) -> None:
    # Base gate week 5.996, the scenario's 6.004: both are written 'wk 6'. The report's comparison (and the app's
    # Compare view, by the same rule) wrote the exact difference, '+0.01', beside two equal figures; P50/P80 and
    # finish deltas were already units.week_delta ('='), the gates now are too.
    data = STRESS_SHAPES["single"]()
    data["decisions"][0]["duration"] = 5.996
    data["scenarios"] = [{"name": "Longer", "decisions": {"only": {"duration": 6.004}}}]
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "r.pdf"
    assert (
        run(["report", str(path), "-o", str(out), "--scenarios", "Longer", "--sections", "comparison", "-q"])[
            0
        ]
        == 0
    )
    text = _flat(" ".join(pg.extract_text() or "" for pg in PdfReader(out).pages))
    assert "Only gate wk 6" in text and "+0.01" not in text, text
    assert units.week_delta(6.004, 5.996) == 0.0


def test_the_critical_path_chart_names_the_status_date_it_waits_for(tmp_path: Path) -> None:
    # At the status date, week 4, the path 'Inference service' -> 'Drift detection' -> 'Go live' starts at week 4
    # (work not done is scheduled from the status date): 6.95 weeks of work, finish 10.95. The chart said
    # '4 wk of lags and start constraints', which the plan has none of on that path.
    t = Truth(write("progress-week-boundary", tmp_path))
    assert t.s.critical_path[0] == "arch" and float(t.s.es[t.s.index["arch"]]) == 4.0
    out = tmp_path / "cp.svg"
    assert run(["export", str(t.path), "--chart", "critical-path", "-o", str(out)])[0] == 0
    assert "6.95 wk of work" in svg_text(out)
    assert "4 wk of lags, start constraints and the status date" in svg_text(out)
    # without a status date on the path's start, the words are as before
    t2 = Truth(write("milestone-links", tmp_path))
    out2 = tmp_path / "cp2.svg"
    assert run(["export", str(t2.path), "--chart", "critical-path", "-o", str(out2)])[0] == 0
    assert "40.5 wk of lags and start constraints" in svg_text(out2)


if __name__ == "__main__":
    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=True)
    names = sys.argv[2:] or list(STRESS_SHAPES)
    total = 0
    for name in names:
        found = disagreements(write(name, target), target)
        total += len(found)
        print(f"{name}: {len(found)} disagreement(s)", flush=True)
        for x in found:
            print("   ", x, flush=True)
    sys.exit(1 if total else 0)
