"""One truth on plans nobody has seen, in combinations the earlier rounds did not sweep (H-unseen22).

:func:`s22_plan` starts from tests/test_s21_unseen_one_truth.py's generator (other stage sets, fractional weeks, SF
links and leads, milestones, zero-length work, progress with odd status dates, risks at 0 and 1, costs, scenarios,
a baseline) and adds what it leaves out: stage inversions (early work assigned to the last stage, so strict gates
move it), three-point estimates on most work (PERT and the gates together), teams too small for their work
(levelling with progress), a horizon for the running costs, and a scenario that changes nothing.

The checks compare what the earlier sweeps compare one at a time, together:

- levelling with progress: ``analyze --level`` text against its JSON, the levelled plan never shorter than the
  rolling one, and no work left to do levelled before the status date;
- scenarios with a baseline: ``analyze --scenario S --baseline latest`` (text and JSON) against the base's baseline
  and ``analyze --scenario S``;
- PERT with gates: ``analyze --estimate pert`` stage table (text) against its JSON, and the stage timeline drawn
  with ``--estimate pert`` giving each gate;
- a scenario that changes nothing: ``compare`` and ``scenarios`` give it the base's figures and no change.

Run as a script for a wide sweep::

    .venv/bin/python -m tests.test_s22_unseen_one_truth OUTDIR FIRST_SEED COUNT [--deep]
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from pathlib import Path
from typing import Any

import pytest

from planner import units
from tests.test_s18_unseen_one_truth import _line, disagreements, run, svg_text, sweep
from tests.test_s21_unseen_one_truth import _when, check_options, check_scenarios, s21_plan

TOL = 1e-9


def s22_plan(seed: int) -> dict[str, Any]:
    """A valid plan drawn from ``seed``: :func:`s21_plan`'s, with the additions of the module docstring."""
    data = s21_plan(seed)
    rng = random.Random(seed * 7 + 1)
    ds = data["decisions"]
    stages = [s["id"] for s in data["stages"]]
    # early work assigned to the last stage: its links to later work are stage inversions, which strict gates
    # sequence (the links all run from lower to higher index, so this keeps the graph acyclic)
    if len(stages) > 1:
        for d in ds[: max(1, len(ds) // 5)]:
            if rng.random() < 0.6:
                d["stage"] = stages[-1]
    for d in ds:
        dur = d.get("duration")
        if isinstance(dur, (int, float)) and dur > 0 and not d.get("milestone") and rng.random() < 0.6:
            d["duration"] = {"optimistic": dur / 2, "likely": dur, "pessimistic": dur * 3 + 1 / 7}
    for t in data["teams"]:
        t["capacity"] = rng.choice([0.5, 1, t.get("capacity", 1)])
    for d in ds:
        d.setdefault("owner", rng.choice(["core", "ops"]))
    if rng.random() < 0.5:
        data["horizon"] = rng.choice([30, 52.5])
    data["scenarios"].append({"name": "Same", "description": "no change at all"})
    return data


def write(seed: int, folder: Path) -> Path:
    """The plan of ``seed`` written to ``folder``, with a baseline kept by ``planner baseline`` and then an edit
    (each decision's likely duration one day longer), so the baseline reads slips."""
    data = s22_plan(seed)
    path = folder / f"s22-{seed}.plan.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    rc, _, err = run(["baseline", str(path), "--name", "Before the edit"])
    assert rc in (0, 1), err
    kept = json.loads(path.read_text(encoding="utf-8"))
    for d in kept["decisions"]:
        dur = d.get("duration")
        if isinstance(dur, dict):
            dur = dict(dur, likely=dur["likely"] + 1 / 7, pessimistic=dur["pessimistic"] + 1 / 7)
        elif isinstance(dur, (int, float)) and not d.get("milestone"):
            dur = dur + 1 / 7
        d["duration"] = dur
    path.write_text(json.dumps(kept, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def check_levelling_with_progress(path: Path) -> list[str]:
    bad: list[str] = []
    p = str(path)
    rc, raw, err = run(["analyze", p, "--level", "--format", "json"])
    if rc != 0:
        return [f"analyze --level exits {rc}: {err[-200:]}"]
    js = json.loads(raw)
    lv, start = js["levelled"], js["start_date"]
    if lv["finish"] < js["finish"] - TOL:
        bad.append(f"level: levelled finish {lv['finish']} before the rolling finish {js['finish']}")
    status = js.get("status_week")
    state = {d["id"]: d.get("state") for d in js["decisions"]}
    rolling = {d["id"]: d for d in js["decisions"]}
    for d in lv["decisions"]:
        if status is not None and state[d["id"]] == "not_started" and d["es"] < status - TOL:
            bad.append(
                f"level: {d['id']} not started but levelled to start at {d['es']}, before the status date"
            )
        if d["es"] < rolling[d["id"]]["es"] - TOL:
            bad.append(
                f"level: {d['id']} levelled to start {d['es']}, earlier than unlevelled {rolling[d['id']]['es']}"
            )
    rc, text, _ = run(["analyze", p, "--level"])
    got = _line(text, "Finish (levelled):") or ""
    if not got.startswith(_when(start, lv["finish"])):
        bad.append(f"level: text {got!r}, JSON {lv['finish']}")
    for method in ("classic",):
        rc, raw, _ = run(["analyze", p, "--level-method", method, "--format", "json"])
        other = json.loads(raw)["levelled"]
        if other["finish"] < js["finish"] - TOL:
            bad.append(f"level {method}: finish {other['finish']} before the rolling finish {js['finish']}")
    return bad


def check_scenarios_with_baseline(path: Path) -> list[str]:
    bad: list[str] = []
    p = str(path)
    rc, raw, _ = run(["analyze", p, "--baseline", "latest", "--format", "json"])
    base = json.loads(raw)["baseline"]
    rc, raw, _ = run(["scenarios", p, "--format", "json"])
    for row in json.loads(raw)["scenarios"]:
        name = row["name"]
        if row["finish"] is None:
            continue
        rc, raw, err = run(["analyze", p, "--scenario", name, "--baseline", "latest", "--format", "json"])
        if rc != 0:
            bad.append(f"{name}: analyze --scenario --baseline exits {rc}: {err[-200:]}")
            continue
        js = json.loads(raw)
        b = js["baseline"]
        if b["baseline_finish"] != base["baseline_finish"]:
            bad.append(
                f"{name}: baseline finish {b['baseline_finish']}, the base's {base['baseline_finish']}"
            )
        if b["finish"] != row["finish"] or js["finish"] != row["finish"]:
            bad.append(f"{name}: finish now {b['finish']} / {js['finish']}, scenarios {row['finish']}")
        if abs(b["finish_slip"] - (b["finish"] - b["baseline_finish"])) > 1e-9:
            bad.append(f"{name}: slip {b['finish_slip']} is not finish - baseline finish")
        rc, text, _ = run(["analyze", p, "--scenario", name, "--baseline", "latest"])
        start = js["start_date"]
        if _line(text, "  Finish in the baseline:") != _when(start, b["baseline_finish"]):
            bad.append(
                f"{name}: text {_line(text, '  Finish in the baseline:')!r}, JSON {b['baseline_finish']}"
            )
        now = _line(text, "  Finish now:") or ""
        if not now.startswith(_when(start, b["finish"])):
            bad.append(f"{name}: text finish now {now!r}, JSON {b['finish']}")
    return bad


def check_pert_gates(path: Path, folder: Path) -> list[str]:
    bad: list[str] = []
    p = str(path)
    rc, raw, err = run(["analyze", p, "--estimate", "pert", "--format", "json"])
    if rc != 0:
        return [f"analyze --estimate pert exits {rc}: {err[-200:]}"]
    js = json.loads(raw)
    start = js["start_date"]
    rc, text, _ = run(["analyze", p, "--estimate", "pert"])
    if _line(text, "Finish (strict gates):") != _when(start, js["gated_finish"]):
        bad.append(
            f"pert: text gated finish {_line(text, 'Finish (strict gates):')!r}, JSON {js['gated_finish']}"
        )
    table = text.split("Stages\n------\n")[1].split("\n\n")[0].splitlines()[1:]
    for st_js, row in zip(js["stages"], table, strict=False):
        gated = (
            "-"
            if st_js["gated_start"] is None
            else f"{units.format_weeks(st_js['gated_start'])}-{units.format_weeks(st_js['gated_finish'])}"
        )
        if gated not in row.split() or units.format_weeks(st_js["gate"]) not in row.split():
            bad.append(f"pert: stage row {row.strip()!r}, JSON gated {gated} gate {st_js['gate']}")
    out = folder / f"{path.name.split('.')[0]}-pert-stages.svg"
    rc, _, err = run(["export", p, "--estimate", "pert", "--chart", "stages", "-o", str(out)])
    if rc != 0:
        return [*bad, f"export stages --estimate pert exits {rc}: {err[-200:]}"]
    svg = svg_text(out)
    for st_js in js["stages"]:
        g = f"gate wk {units.format_weeks(st_js['gate'])}"
        if start:
            g += f" · {units.format_date(dt.date.fromisoformat(st_js['gate_date']))}"
        if g not in svg:
            bad.append(f"pert: stage timeline has no {g!r} for {st_js['id']}")
    return bad


def check_scenario_without_change(path: Path) -> list[str]:
    bad: list[str] = []
    p = str(path)
    rc, raw, _ = run(
        ["compare", p, "--scenarios", "Base,Same", "-n", "200", "--seed", "3", "--format", "json"]
    )
    rows = {r["name"]: r for r in json.loads(raw)["scenarios"]}
    base, same = rows.get("Base"), rows.get("Same")
    if base is None or same is None:
        return [f"compare --scenarios Same gives {sorted(rows)}"]
    for key in ("finish", "gated_finish", "p50", "p80", "cost", "critical", "critical_path"):
        if base[key] != same[key]:
            bad.append(f"Same: compare {key} {same[key]}, base {base[key]}")
    if any(v for v in same["delta"].values()) or same["critical_joined"] or same["critical_left"]:
        bad.append(f"Same: compare deltas {same['delta']}")
    rc, raw, _ = run(["scenarios", p, "--format", "json"])
    row = next(r for r in json.loads(raw)["scenarios"] if r["name"] == "Same")
    if row["changes"] != 0 or row["changes_text"] or row["problems"] or row["delta"] != 0:
        bad.append(f"Same: scenarios lists {row}")
    return bad


def checks(path: Path, folder: Path) -> list[str]:
    return (
        check_levelling_with_progress(path)
        + check_scenarios_with_baseline(path)
        + check_pert_gates(path, folder)
        + check_scenario_without_change(path)
    )


SEEDS = [7003, 7011, 7017, 7029]


@pytest.mark.parametrize("seed", SEEDS)
def test_levelling_baselines_pert_and_scenarios_agree_on_unseen_plans(seed: int, tmp_path: Path) -> None:
    path = write(seed, tmp_path)
    assert checks(path, tmp_path) == []


def test_the_checks_see_a_disagreement(tmp_path: Path) -> None:
    # 'Same' made to change a duration: compare and scenarios must then tell it from the base
    path = write(SEEDS[0], tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    victim = next(d for d in data["decisions"] if not d.get("milestone") and d.get("status") != "done")
    data["scenarios"][-1]["decisions"] = {victim["id"]: {"duration": 40}}
    path.write_text(json.dumps(data), encoding="utf-8")
    found = check_scenario_without_change(path)
    assert any(x.startswith("Same: compare finish") for x in found), found
    assert any(x.startswith("Same: scenarios lists") for x in found), found


def test_the_generator_makes_what_it_says() -> None:
    plans = [s22_plan(s) for s in SEEDS]
    # stage inversions, three-point work, status dates, horizons, and the scenario that changes nothing
    assert any(
        len(p["stages"]) > 1 and any(d["stage"] == p["stages"][-1]["id"] for d in p["decisions"][:3])
        for p in plans
    )
    assert all(any(isinstance(d.get("duration"), dict) for d in p["decisions"]) for p in plans)
    assert any("status_date" in p for p in plans) and any("horizon" in p for p in plans)
    assert all(p["scenarios"][-1] == {"name": "Same", "description": "no change at all"} for p in plans)


def _sweep_seed(seed: int, folder: Path, deep: bool) -> list[str]:
    path = write(seed, folder)
    found = checks(path, folder) + check_scenarios(path, folder) + check_options(path, folder)
    return found + (disagreements(path, folder) if deep else [])


if __name__ == "__main__":
    deep = sys.argv[4:5] == ["--deep"]
    sys.exit(sweep(lambda seed, folder: _sweep_seed(seed, folder, deep), sys.argv[1:]))
