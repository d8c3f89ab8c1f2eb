"""Session 28, issue 12: ``planner check`` lists every finding ``analyze`` lists without the stage analysis none
of them needs (:func:`planner.analysis.plan_findings`; at 100k decisions a tenth of the command)."""

from __future__ import annotations

import contextlib
import gc
import io
import json
import random
from pathlib import Path
from typing import Any

import pytest

from benchmarks._plans import random_plan_dict
from benchmarks.same_results import _progress
from planner import analysis
from planner.analysis import analyze, plan_findings
from planner.cli import main
from planner.model import PlanLoadError, load_plan
from tests.fuzz_plans import make_case

ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted((ROOT / "sample_plans").glob("*.plan.json")) + sorted(
    (ROOT / "planner" / "templates").glob("*.plan.json")
)


def _write(folder: Path, data: dict[str, Any] | bytes, name: str) -> Path:
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else json.dumps(data).encode())
    return path


def _plans(folder: Path) -> list[Path]:
    """The samples and templates, generated plans with and without progress, and fuzzed small plans (errors,
    cycles, over-capacity, odd stages), each a file."""
    out = list(PLANS)
    for seed in range(4):
        data = random_plan_dict(200, seed=seed)
        if seed % 2:
            _progress(random.Random(seed), data)
        out.append(_write(folder, data, f"r{seed}.plan.json"))
    for seed in range(150):
        out.append(_write(folder, make_case(random.Random(seed)), f"f{seed}.plan.json"))
    return out


def _dicts(findings: list[Any]) -> list[dict[str, Any]]:
    return [f.to_dict() for f in findings]


def test_plan_findings_are_the_analysis_findings(tmp_path: Path) -> None:
    compared = errors = 0
    for path in _plans(tmp_path):
        try:
            plan = load_plan(path, rows=True)
        except PlanLoadError:
            continue  # a fuzzed file that does not load: no findings to compare
        for estimate in ("likely", "pert", "pessimistic"):
            result = analyze(plan, estimate)
            assert _dicts(plan_findings(plan, estimate)) == _dicts(result.all_findings), (path, estimate)
            compared += 1
            errors += not result.ok
    assert compared > 100 and errors > 0  # plans with and without a schedule were compared


def test_check_runs_no_stage_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    path = ROOT / "sample_plans" / "ai-portfolio.plan.json"
    expected = {"file": str(path), "findings": _dicts(analyze(load_plan(path)).all_findings)}
    assert expected["findings"]  # the sample has findings to list

    def no_stages(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("planner check ran the stage analysis")

    monkeypatch.setattr(analysis, "analyze_stages", no_stages)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", str(path), "--format", "json"])
    assert code in (0, 1)
    assert json.loads(out.getvalue()) == expected


def test_analyze_json_is_built_without_collections() -> None:
    # analyze --format json: a dict per decision, team step and finding, none in a cycle; the cyclic GC's
    # collections over them (9 at 100k decisions; 14 here, at Python's default threshold) only walked them again
    from planner.analysis import analysis_to_dict
    from planner.model import plan_from_dict

    plan = plan_from_dict(random_plan_dict(2000, seed=3), "<generated>")
    result = analyze(plan)
    started: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(info["generation"])

    threshold = gc.get_threshold()
    gc.callbacks.append(count)
    try:
        gc.set_threshold(700, 10, 10)  # Python's default: a collection every 700 new containers
        data = analysis_to_dict(result)
    finally:
        gc.callbacks.remove(count)
        gc.set_threshold(*threshold)
    assert len(data["decisions"]) == 2000
    # at most the young collections on leaving the pause, for what was made meanwhile (one on Python 3.11, two on
    # 3.13, whose collector counts differently), where 14 walked the dicts as they were made without it
    assert len(started) <= 2 and set(started) <= {0}, started
