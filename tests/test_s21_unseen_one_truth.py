"""One truth on plans nobody has seen (H-unseen21): :func:`s21_plan` draws plans that stress what the earlier rounds'
generators (tests/unseen_plans.py) leave fixed: stage ids in another order than their names, one to six stages,
durations in days (multiples of 1/7 week) and thirds of weeks, a status date written as a date in mid-week, actual
dates as dates, blocked work, risks at 0, 1 and in between with three-point impacts, a budget and a target date,
run rates, a baseline kept by ``planner baseline`` before the plan was edited, and scenarios of every kind of override
(durations, stages, owners, not_before, team capacity, risk probability, decisions added and dropped, links added and
removed).

The checks compare the commands the earlier sweeps do not cover on such plans: ``analyze --scenario`` (text, JSON)
against ``scenarios``, ``compare`` and ``simulate --scenario``, and each chart drawn with ``--scenario``;
``--estimate pert`` in analyze and export; ``--level`` text against its JSON; ``--baseline`` text against its JSON;
``--status-date`` given as a date; ``simulate --by`` text against JSON. tests/test_s18_unseen_one_truth.py's checks
(analyze, check, explain, simulate, charts, the report) run on them too.

Run as a script for a wide sweep::

    .venv/bin/python -m tests.test_s21_unseen_one_truth OUTDIR FIRST_SEED COUNT
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from planner import units
from tests.test_s18_unseen_one_truth import _line, disagreements, run, svg_text, sweep
from tests.unseen_plans import random_links

START_DATES = ["2027-01-04", "2028-02-29", "2026-12-30", "2031-07-16"]


def _day(start: str, days: int) -> str:
    return (dt.date.fromisoformat(start) + dt.timedelta(days=days)).isoformat()


def s21_plan(seed: int) -> dict[str, Any]:
    """A valid plan drawn from ``seed`` (see the module docstring); no baseline yet (:func:`write` keeps one)."""
    rng = random.Random(seed)
    nst = rng.randint(1, 6)
    names = ["Discover", "Prove", "Wire in", "Harden", "Roll out", "Embed"][:nst]
    ids = [f"st-{k}" for k in range(nst)]
    rng.shuffle(ids)  # ids in another order than the stages
    stages = [
        {"id": i, "name": n, "gate_criteria": [{"text": "signed off", "met": rng.random() < 0.5}]}
        for i, n in zip(ids, names, strict=True)
    ]
    start = rng.choice(START_DATES)
    teams = [
        {
            "id": "core",
            "name": "Core team",
            "capacity": rng.choice([1, 2, 3.5]),
            "rate": rng.choice([0, 3200]),
        },
        {"id": "ops", "name": "Ops", "capacity": rng.choice([0.5, 2])},
    ]
    n = rng.randint(3, 16)
    status_days = rng.choice([None, 3, 10, 17, 38, 61])
    ds: list[dict[str, Any]] = []
    for i in range(n):
        d: dict[str, Any] = {
            "id": f"x{i}",
            "title": f"Decision {i} of seed {seed}",
            "stage": ids[min(nst - 1, i * nst // n) if rng.random() < 0.8 else rng.randrange(nst)],
            "owner": rng.choice(["core", "ops", None]),
            "headcount": rng.choice([0.5, 1, 2]),
        }
        r = rng.random()
        if r < 0.1:
            d["milestone"] = True
        elif r < 0.18:
            d["duration"] = 0
        elif r < 0.5:
            o = rng.choice([1, 2, 5]) / 7
            lk = o + rng.choice([0, 1 / 3, 3])
            d["duration"] = {"optimistic": o, "likely": lk, "pessimistic": lk + rng.choice([0, 2 / 7, 6])}
        else:
            d["duration"] = rng.choice([1 / 7, 3 / 7, 1 / 3, 2.5, 4, 13 / 7])
        if rng.random() < 0.12:
            d["not_before"] = rng.choice([1 / 7, 2.5, 9])
        if rng.random() < 0.3:
            d["cost"] = rng.choice([999.99, 12000, 250000])
        if rng.random() < 0.15:
            d["run_rate"] = rng.choice([75, 1500.5])
        if status_days is not None and i < n // 3:
            state = rng.choice(["done", "in_progress", "blocked", "not_started"])
            if state == "done":
                d.update(
                    status="done", progress=100, actual_start=_day(start, i), actual_finish=_day(start, i + 2)
                )
            elif state == "in_progress":
                d.update(status="in_progress", progress=rng.choice([33, 50, 90]), actual_start=_day(start, i))
            elif state == "blocked":
                d.update(status="blocked", progress=rng.choice([0, 20]))
        d = {k: v for k, v in d.items() if v is not None}
        ds.append(d)
    deps = random_links(
        rng, n, lambda k: f"x{k}", ["FS", "FS", "FS", "SS", "FF", "SF"], [0, 0, 1 / 7, -2 / 7, 1.5, -1]
    )
    risks = [
        {"id": "never", "title": "Never happens", "probability": 0, "impact": 8, "decisions": [f"x{n // 2}"]},
        {"id": "always", "title": "Always happens", "probability": 1, "impact": 2 / 7, "decisions": ["x0"]},
        {
            "id": "maybe",
            "title": "Might happen",
            "probability": 0.35,
            "impact": {"optimistic": 1, "likely": 2, "pessimistic": 5},
            "decisions": [f"x{n - 1}", "x1"],
        },
    ]
    data: dict[str, Any] = {
        "schema_version": 1,
        "title": f"Unseen plan {seed}",
        "start_date": start,
        "currency": rng.choice(["EUR", "JPY", "CHF"]),
        "stages": stages,
        "teams": teams,
        "decisions": ds,
        "dependencies": deps,
        "risks": risks,
    }
    if status_days is not None:
        data["status_date"] = _day(start, status_days)
    if rng.random() < 0.5:
        data["budget"] = rng.choice([10000, 400000])
        data["target"] = _day(start, rng.choice([20, 45, 200]))
    # scenarios: one of each kind of override, each on a decision of this plan
    pick = [d for d in ds if not d.get("milestone") and d.get("status", "not_started") == "not_started"]
    scen: list[dict[str, Any]] = []
    if pick:
        a = rng.choice(pick)
        scen.append({"name": "Faster", "decisions": {a["id"]: {"duration": 1 / 7, "not_before": 2 / 7}}})
        scen.append(
            {
                "name": "Restaged & staffed",
                "decisions": {rng.choice(pick)["id"]: {"stage": ids[0], "owner": "ops", "headcount": 3}},
                "teams": {"ops": {"capacity": 4}},
                "risks": {"maybe": {"probability": 1}},
            }
        )
    extra = {"id": "added", "title": "Added review", "stage": ids[-1], "duration": 13 / 7}
    scen.append(
        {
            "name": "Added & dropped",
            "add_decisions": [extra],
            "drop_decisions": [ds[-1]["id"]] if len(ds) > 3 else [],
            "add_dependencies": [{"from": "x0", "to": "added", "type": "SS", "lag": 3 / 7}],
            "remove_dependencies": [{"from": deps[0]["from"], "to": deps[0]["to"]}] if deps else [],
        }
    )
    data["scenarios"] = scen
    return data


def write(seed: int, folder: Path) -> Path:
    """The plan of ``seed`` written to ``folder``, with a baseline kept by ``planner baseline`` and then an edit
    (each decision's likely duration one day longer), so the baseline reads slips."""
    data = s21_plan(seed)
    path = folder / f"s21-{seed}.plan.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    rc, _, err = run(["baseline", str(path), "--name", "Before the edit"])
    assert rc in (0, 1), err
    kept = json.loads(path.read_text(encoding="utf-8"))
    for d in kept["decisions"]:
        dur = d.get("duration")
        if isinstance(dur, (int, float)) and not d.get("milestone"):
            d["duration"] = dur + 1 / 7
    path.write_text(json.dumps(kept, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _when(start: str | None, week: float | None) -> str:
    return units.format_when(dt.date.fromisoformat(start) if start else None, week)


def check_scenarios(path: Path, folder: Path) -> list[str]:
    """Each scenario's finish, gated finish and critical set: ``analyze --scenario`` text and JSON, ``scenarios``,
    ``compare``, ``simulate --scenario``'s CPM line and the Gantt chart drawn with ``--scenario``."""
    bad: list[str] = []
    p = str(path)
    rc, raw, err = run(["scenarios", p, "--format", "json"])
    if rc not in (0, 1):
        return [f"scenarios exits {rc}: {err[-300:]}"]
    listed = {x["name"]: x for x in json.loads(raw)["scenarios"]}
    rc, raw, err = run(["compare", p, "-n", "200", "--seed", "5", "--format", "json"])
    if rc not in (0, 1):
        return [f"compare exits {rc}: {err[-300:]}"]
    compared = {x["name"]: x for x in json.loads(raw)["scenarios"]}
    rc, ctext, _ = run(["compare", p, "-n", "200", "--seed", "5"])
    for name, row in listed.items():
        rc, raw, err = run(["analyze", p, "--scenario", name, "--format", "json"])
        if rc != 0:
            if compared.get(name, {}).get("ok", True) or row.get("finish") is not None:
                bad.append(
                    f"analyze --scenario {name!r} exits {rc} but scenarios/compare give figures: {err[-200:]}"
                )
            continue
        one = json.loads(raw)
        item = compared.get(name)
        if item is None:
            bad.append(f"compare has no column for {name!r}")
            continue
        if not (row["finish"] == item["finish"] == one["finish"]):
            bad.append(
                f"{name}: finish scenarios {row['finish']}, compare {item['finish']}, analyze {one['finish']}"
            )
        if item["gated_finish"] != one["gated_finish"] or sorted(item["critical"]) != sorted(one["critical"]):
            bad.append(f"{name}: compare gated finish/critical differ from analyze --scenario")
        for g, s in zip(item["stages"], one["stages"], strict=True):
            if g["gate"] != s["gate"]:
                bad.append(f"{name}: compare gate of {g['id']} {g['gate']}, analyze {s['gate']}")
        rc, text, _ = run(["analyze", p, "--scenario", name])
        want = _when(one["start_date"], one["finish"])
        if _line(text, "Finish (rolling stages):") != want:
            bad.append(
                f"{name}: analyze text finish {_line(text, 'Finish (rolling stages):')!r}, JSON {want!r}"
            )
        if _line(text, "Finish (strict gates):") != _when(one["start_date"], one["gated_finish"]):
            bad.append(f"{name}: analyze text gated finish {_line(text, 'Finish (strict gates):')!r}")
        rc, stext, _ = run(["simulate", p, "--scenario", name, "-n", "100", "--seed", "5"])
        cpm = next((x for x in stext.splitlines() if x.strip().startswith("CPM plan")), "")
        if f" {units.format_weeks(one['finish'])} " not in cpm:
            bad.append(f"{name}: simulate --scenario {cpm.strip()!r}, analyze --scenario {one['finish']}")
        out = folder / f"{path.name.split('.')[0]}-{re.sub(r'[^a-z]+', '-', name.lower())}-gantt.svg"
        rc, _, err = run(["export", p, "--scenario", name, "--chart", "gantt", "-o", str(out)])
        if rc != 0:
            bad.append(f"export --scenario {name!r} exits {rc}: {err[-200:]}")
        elif one["finish"] > 0 and f"wk {units.format_weeks(one['finish'])}" not in svg_text(out):
            bad.append(
                f"{name}: the Gantt chart with --scenario has no 'wk {units.format_weeks(one['finish'])}'"
            )
        # compare's text: the scenario's finish in its column (names are cut to the column's width)
        fin = next((x for x in ctext.splitlines() if x.startswith("Finish (rolling), week")), "")
        if units.format_weeks(one["finish"]) not in fin.split():
            bad.append(f"{name}: compare text {fin!r} has no {units.format_weeks(one['finish'])}")
    return bad


def check_options(path: Path, folder: Path) -> list[str]:
    """--estimate pert, --level, --baseline, --status-date as a date and simulate --by: text against JSON."""
    bad: list[str] = []
    p = str(path)
    # PERT: analyze text and JSON, and the Gantt chart drawn with the same estimate
    rc, raw, err = run(["analyze", p, "--estimate", "pert", "--format", "json"])
    if rc != 0:
        return [f"analyze --estimate pert exits {rc}: {err[-200:]}"]
    js = json.loads(raw)
    start = js["start_date"]
    rc, text, _ = run(["analyze", p, "--estimate", "pert"])
    if _line(text, "Finish (rolling stages):") != _when(start, js["finish"]):
        bad.append(
            f"pert: analyze text finish {_line(text, 'Finish (rolling stages):')!r}, JSON {js['finish']}"
        )
    out = folder / f"{path.name.split('.')[0]}-pert-gantt.svg"
    rc, _, err = run(["export", p, "--estimate", "pert", "--chart", "gantt", "-o", str(out)])
    if rc != 0:
        bad.append(f"export --estimate pert exits {rc}: {err[-200:]}")
    elif js["finish"] > 0 and f"wk {units.format_weeks(js['finish'])}" not in svg_text(out):
        bad.append(f"pert: the Gantt chart has no 'wk {units.format_weeks(js['finish'])}'")
    # levelling: the text's levelled finish is the JSON's
    rc, raw, _ = run(["analyze", p, "--level", "--format", "json"])
    lv = json.loads(raw)["levelled"]
    rc, text, _ = run(["analyze", p, "--level"])
    got = _line(text, "Finish (levelled):") or ""
    if not got.startswith(_when(start, lv["finish"])):
        bad.append(f"level: text {got!r}, JSON {lv['finish']}")
    # the baseline: finish, finish now, each stage's gate and its slip
    rc, raw, _ = run(["analyze", p, "--baseline", "latest", "--format", "json"])
    b = json.loads(raw)["baseline"]
    rc, text, _ = run(["analyze", p, "--baseline", "latest"])
    if _line(text, "  Finish in the baseline:") != _when(start, b["baseline_finish"]):
        bad.append(
            f"baseline: text {_line(text, '  Finish in the baseline:')!r}, JSON {b['baseline_finish']}"
        )
    now = _line(text, "  Finish now:") or ""
    if not now.startswith(_when(start, b["finish"])):
        bad.append(f"baseline: text finish now {now!r}, JSON {b['finish']}")
    # --status-date as a date: the same figures as the plan's own status date written as a date
    plan = json.loads(path.read_text(encoding="utf-8"))
    if plan.get("status_date"):
        rc, raw2, _ = run(["analyze", p, "--status-date", plan["status_date"], "--format", "json"])
        rc, raw1, _ = run(["analyze", p, "--format", "json"])
        if json.loads(raw1) != json.loads(raw2):
            bad.append("--status-date given as the plan's own status date changes the figures")
    # simulate --by a date: the text's probability is the JSON's, and the date is the week's date
    by = _day(start, 30)
    rc, raw, _ = run(["simulate", p, "-n", "300", "--seed", "9", "--by", by, "--format", "json"])
    pb = json.loads(raw)["probability_by"]
    rc, text, _ = run(["simulate", p, "-n", "300", "--seed", "9", "--by", by])
    line = next((x for x in text.splitlines() if "Probability of finishing by week" in x), "")
    want = f"Probability of finishing by week {units.format_weeks(pb['week'])} ({units.format_date(dt.date.fromisoformat(by))}): {units.format_share(pb['probability'])}"
    if line.strip() != want:
        bad.append(f"simulate --by: text {line.strip()!r}, JSON gives {want!r}")
    return bad


SEEDS = [21001, 21002, 21003, 21004, 21005, 21006]


@pytest.mark.parametrize("seed", SEEDS)
def test_scenarios_and_options_agree_on_unseen_plans(seed: int, tmp_path: Path) -> None:
    path = write(seed, tmp_path)
    assert check_scenarios(path, tmp_path) + check_options(path, tmp_path) == []


@pytest.mark.filterwarnings("ignore:Glyph:UserWarning")
@pytest.mark.parametrize("seed", SEEDS[:2])
def test_every_output_agrees_on_unseen_plans(seed: int, tmp_path: Path) -> None:
    path = write(seed, tmp_path)
    assert disagreements(path, tmp_path) == []


def test_the_generator_makes_what_it_says() -> None:
    # Over the test seeds: a status date, a date target, blocked work, each kind of scenario, stages out of order.
    plans = [s21_plan(s) for s in SEEDS]
    assert any("status_date" in p for p in plans) and any("target" in p for p in plans)
    assert any(d.get("status") == "blocked" for p in plans for d in p["decisions"])
    assert all({s["name"] for s in p["scenarios"]} >= {"Added & dropped"} for p in plans)
    assert any([s["id"] for s in p["stages"]] != sorted(s["id"] for s in p["stages"]) for p in plans)


def _sweep_seed(seed: int, folder: Path, deep: bool) -> list[str]:
    path = write(seed, folder)
    found = check_scenarios(path, folder) + check_options(path, folder)
    return found + (disagreements(path, folder) if deep else [])


if __name__ == "__main__":
    deep = sys.argv[4:5] == ["--deep"]
    sys.exit(sweep(lambda seed, folder: _sweep_seed(seed, folder, deep), sys.argv[1:]))
