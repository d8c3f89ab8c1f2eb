"""The fast paths of issue 12 give the same answers as the careful ones they stand in for.

- loading: :func:`planner.model.io._parse_fast` (orjson, colon count, extensions walked alone) accepts only what the
  careful path accepts, and into the same plan; every hostile file gets the careful path's message;
- output: compact orjson JSON is the same value as the standard encoder's, NaN as null;
- rows and dates built column by column equal the per-row figures;
- the second cheap bound of ``dates-out-of-range`` (chain length x longest step, per stage) never undercuts the
  exact pessimistic finish, rolling or gated;
- ``PlanGraph.levels`` is the number of decisions on the longest chain.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planner.model.io as model_io
from planner import units
from planner.analysis import analysis_to_dict, analyze, compile_plan
from planner.analysis.schedule import forward_pass
from planner.analysis.stages import gated_schedule, sequenced_stages
from planner.commands.common import dump_json
from planner.model import PlanLoadError, parse_plan
from tests.fuzz_plans import make_case

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "sample_plans").glob("*.plan.json"))


def careful(text: str) -> Any:
    """What the careful path alone makes of ``text``: the plan as JSON data, or the error message."""
    saved = model_io._parse_fast
    model_io._parse_fast = lambda text: None
    try:
        return outcome(text)
    finally:
        model_io._parse_fast = saved


def outcome(text: str) -> Any:
    try:
        return parse_plan(text, "plan.json").model_dump(mode="json")
    except PlanLoadError as exc:
        return str(exc)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_fast_load_of_the_samples_is_the_careful_load(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = model_io._parse_fast(text)
    assert fast is not None  # the samples are current, clean plans: the fast path takes them
    assert fast.model_dump(mode="json") == careful(text)


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t.replace('"title": ', '"title": "first", "title": ', 1),  # a key twice
        lambda t: t.replace('"title": "', '"title": "a\\u003a', 1),  # a colon spelt as an escape
        lambda t: t.replace('"schema_version": 1', '"schema_version": 1.0', 1),
        lambda t: t.replace('"schema_version": 1', '"schema_version": 0', 1),  # a migration
        lambda t: t.replace('"decisions": [', '"decisions": NaN, "x": [', 1),
        lambda t: t.replace('"tags": [', '"tags": [' + "[" * 300 + "]" * 300 + ",", 1),
        lambda t: t[:-10],  # cut short
        lambda t: t.rstrip()[:-1] + ', "extensions": {"a": ' + "[" * 70 + "]" * 70 + "}}",
        lambda t: t.rstrip()[:-1] + ', "extensions": {"a": 1e400}}',
        lambda t: t.rstrip()[:-1] + ', "extensions": {"a": 1, "a": 2}}',
    ],
)
def test_fast_load_refuses_what_the_careful_path_must_word(change: Any) -> None:
    text = change(SAMPLES[0].read_text(encoding="utf-8"))
    assert model_io._parse_fast(text) is None
    assert outcome(text) == careful(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32 - 1))
def test_any_fuzzed_file_loads_or_fails_exactly_as_on_the_careful_path(seed: int) -> None:
    raw = make_case(random.Random(seed))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return  # refused before parsing, the same way on both paths
    if not text.strip():
        return
    assert outcome(text) == careful(text)


def test_compact_json_is_the_same_value(tmp_path: Path) -> None:
    value = {
        "a": [1.5, 2.0, float("nan"), float("inf")],
        "b": np.arange(3.0),
        "c": np.float64(0.1),
        "d": "caf\u00e9 \u2018x\u2019",
        "e": [True, None, np.bool_(True)],
    }
    buf = io.StringIO()
    dump_json(value, buf)
    text = buf.getvalue()
    assert text.endswith("\n") and "\n" not in text[:-1]  # compact: not a terminal
    assert json.loads(text) == {
        "a": [1.5, 2.0, None, None],
        "b": [0.0, 1.0, 2.0],
        "c": 0.1,
        "d": "caf\u00e9 \u2018x\u2019",
        "e": [True, None, True],
    }
    buf = io.StringIO()
    dump_json(value, buf, indent=True)
    assert buf.getvalue().startswith('{\n  "a": [\n    1.5,') and json.loads(buf.getvalue()) == json.loads(
        text
    )


def test_rows_and_dates_by_column_equal_the_figures_row_by_row() -> None:
    from benchmarks._plans import random_plan_dict
    from planner.model import Plan

    data = random_plan_dict(300, seed=3)
    for d in data[
        "decisions"
    ]:  # no progress: the progress columns (issue 16) rewrite a done decision's figures
        d.pop("status", None)
        d.pop("progress", None)
    plan = Plan.model_validate(data)
    assert plan.start_date is not None
    result = analyze(plan)
    s = result.schedule
    assert s is not None and result.stages is not None
    rows = analysis_to_dict(result)["decisions"]
    by_row: list[dict[str, Any]] = []
    for i, d in enumerate(plan.decisions):
        row = s.row(d.id)
        by_row.append(
            {"id": d.id, "stage": d.stage, "sequenced_stage": plan.stages[int(result.stages.sequenced[i])].id}
        )
        by_row[-1].update({k: v for k, v in row.items() if k != "id"})
        by_row[-1]["start_date"] = units.iso_date(plan.start_date, row["es"])
        by_row[-1]["finish_date"] = units.iso_date(plan.start_date, row["ef"])
    keys = list(by_row[0])
    assert [{k: r[k] for k in keys} for r in rows] == by_row  # same figures
    assert [list(r)[: len(keys)] for r in rows] == [keys] * len(rows)  # same keys, same order
    start = plan.start_date or dt.date(2027, 1, 4)
    assert units.iso_dates(start, s.es) == [units.iso_date(start, w) for w in s.es.tolist()]
    assert units.iso_dates(None, s.es) == [None] * len(s.es)


@given(st.lists(st.floats(-1000, 30000, allow_nan=False), max_size=50))
def test_iso_dates_is_iso_date(weeks: list[float]) -> None:
    start = dt.date(2027, 1, 4)
    assert units.iso_dates(start, weeks) == [units.iso_date(start, w) for w in weeks]
    # halves round up, in float64 like the one rule: 1/14 week is half a day
    assert units.iso_dates(start, [1 / 14, 3 / 14]) == ["2027-01-05", "2027-01-06"]


@st.composite
def dags(draw: Any) -> tuple[Any, Any]:
    from planner.model import Decision, Dependency, ThreePoint, new_plan

    n = draw(st.integers(1, 25))
    plan = new_plan()
    stage_ids = [x.id for x in plan.stages]
    for i in range(n):
        lo = draw(st.integers(0, 8)) / 2
        hi = lo + draw(st.integers(0, 8)) / 2
        plan.decisions.append(
            Decision(
                id=f"d{i}",
                title=f"D{i}",
                stage=draw(st.sampled_from(stage_ids)),
                duration=ThreePoint(optimistic=lo, likely=lo, pessimistic=hi),
                not_before=draw(st.one_of(st.none(), st.integers(0, 20).map(float))),
            )
        )
    for v in range(1, n):
        for u in draw(st.sets(st.integers(0, v - 1), max_size=3)):
            plan.dependencies.append(
                Dependency.model_validate(
                    {
                        "from": f"d{u}",
                        "to": f"d{v}",
                        "type": draw(st.sampled_from(["FS", "SS", "FF", "SF"])),
                        "lag": draw(st.integers(-4, 6)) / 2,
                    }
                )
            )
    return plan, compile_plan(plan)


@settings(max_examples=200, deadline=None)
@given(dags())
def test_the_chain_bound_never_undercuts_the_pessimistic_finish(case: tuple[Any, Any]) -> None:
    from dataclasses import replace

    from planner.analysis.graph import durations

    plan, graph = case
    worst = durations(plan, "pessimistic")
    nb = graph.not_before
    step = float(worst.max()) + max(0.0, float(graph.lag.max()) if len(graph.lag) else 0.0)
    bound = len(plan.stages) * (float(nb.max()) + graph.levels * step)
    g = replace(graph, duration=worst)
    w = g.weights()
    es = forward_pass(g, w, np.maximum(nb, 0.0))
    _, gated_ef, gates = gated_schedule(g, w, sequenced_stages(g), len(plan.stages))
    assert float((es + worst).max()) <= bound + 1e-9
    assert max(float(gated_ef.max()), max(gates)) <= bound + 1e-9

    chain = nx.DiGraph()
    chain.add_nodes_from(range(graph.n))
    chain.add_edges_from(zip(graph.src.tolist(), graph.dst.tolist(), strict=True))
    assert graph.levels == len(nx.dag_longest_path(chain))


def test_levels_of_a_hand_checked_graph() -> None:
    from planner.model import Decision, Dependency, new_plan

    plan = new_plan()
    plan.decisions += [Decision(id=x, title=x, stage="validate") for x in "abcde"]
    # a -> b -> c and a -> c, d alone, e after d: the longest chain is a, b, c (three decisions)
    plan.dependencies += [
        Dependency.model_validate({"from": u, "to": v}) for u, v in ("ab", "bc", "ac", "de")
    ]
    graph = compile_plan(plan)
    assert graph.levels == 3
    assert graph.order == [0, 3, 1, 4, 2]  # plan order first, then in order of discovery (unchanged)
    assert compile_plan(new_plan()).levels == 0


def test_a_command_run_in_process_gives_the_gc_back(capsys: pytest.CaptureFixture[str]) -> None:
    import gc

    from planner.cli import main

    before = gc.get_threshold()
    assert main(["check", str(SAMPLES[0]), "--format", "json"]) in (0, 1)
    assert json.loads(capsys.readouterr().out)["file"] == str(SAMPLES[0])
    assert gc.get_freeze_count() == 0  # the plan was frozen out of the cyclic GC only while the command ran
    assert gc.get_threshold() == before
