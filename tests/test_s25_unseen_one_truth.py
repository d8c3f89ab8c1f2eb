"""One truth on corner plans (H-unseen25): benchmarks/fuzz_corners.py's valid plans at the edges (0 to 3
decisions, durations 0, 1e-9 and the field maximum, lags at their limits, start dates at 1 Jan 1 and in 9999,
status dates, budgets, targets, horizons, scenarios that drop everything, baselines with no entries).

For each plan with a schedule, the headline figures agree between outputs:

- ``analyze --format json`` and ``analyze`` text: the finish and the gated finish (with their dates, by
  :func:`planner.units.format_when`), the price of gates, the critical count;
- ``compare --format json``'s Base column and ``scenarios --format json``'s base: finish, gated finish, price of
  gates, cost, the critical set;
- ``check --format json``: the same findings as ``analyze --format json`` (codes and severities);
- ``simulate --format json``: its deterministic finish is the finish; on a plan without spread (no three-point
  durations, no risks) its P50 and P80 are the finish too, and compare's;
- the CSV export: its latest scheduled finish is the finish date;
- the scenario that drops everything: ``compare`` and ``scenarios`` give it the same finish.

Run as a script for a wide sweep::

    .venv/bin/python -m tests.test_s25_unseen_one_truth OUTDIR FIRST_SEED COUNT
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import sys
from pathlib import Path
from typing import Any

import pytest

from benchmarks.fuzz_corners import corner_plan
from planner import units
from tests.test_s18_unseen_one_truth import _line, run, sweep

ITER, SEED = 40, 7


def write(seed: int, folder: Path) -> Path:
    path = folder / f"corner-{seed}.plan.json"
    path.write_text(json.dumps(corner_plan(random.Random(seed))), encoding="utf-8")
    return path


def _json(argv: list[str]) -> tuple[int, Any]:
    rc, out, err = run([*argv, "--format", "json"])
    assert rc in (0, 1), (argv, rc, err)
    return rc, json.loads(out)


def _same(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (
        a is not None and b is not None and abs(a - b) <= 1e-9 * max(1, abs(a))
    )


def _spread(data: dict[str, Any]) -> bool:
    """True when a Monte Carlo run can draw another finish: a three-point duration or a risk that can fire."""
    three = any(isinstance(d.get("duration"), dict) for d in data["decisions"])
    for s in data.get("scenarios", []):
        three |= any(isinstance(o.get("duration"), dict) for o in s.get("decisions", {}).values())
    return three or any(r["probability"] > 0 for r in data.get("risks", []))


def checks(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    p = str(path)
    _, a = _json(["analyze", p])
    if a["finish"] is None or not data["decisions"]:
        return []  # refused (an error) or empty: nothing to agree on
    found: list[str] = []
    start = dt.date.fromisoformat(a["start_date"]) if a["start_date"] else None

    # analyze text
    _, text, _ = run(["analyze", p])
    for label, key in (("Finish (rolling stages):", "finish"), ("Finish (strict gates):", "gated_finish")):
        shown = _line(text, label)
        if shown != units.format_when(start, a[key]):
            found.append(
                f"analyze text {label} {shown!r}, JSON {a[key]} ({units.format_when(start, a[key])!r})"
            )
    price = _line(text, "Price of strict gates:") or ""
    if price.split(" (")[0] != units.plural_weeks(a["gating_price"]):
        found.append(f"analyze text price of gates {price!r}, JSON {a['gating_price']}")
    crit = _line(text, "Critical decisions:")
    if crit != f"{len(a['critical'])} of {len(a['decisions'])}":
        found.append(f"analyze text critical {crit!r}, JSON {len(a['critical'])}")

    return (
        found
        + check_findings(p, a)
        + check_simulate(p, a, data)
        + check_compare(p, a, data)
        + check_csv(path, a)
    )


def check_csv(path: Path, a: dict[str, Any]) -> list[str]:
    """The CSV export's latest scheduled finish is the finish date (a plan with a start date)."""
    if not a["start_date"]:
        return []
    out = path.with_suffix(".csv")
    rc, _, err = run(["export", str(path), "-o", str(out)])
    if rc != 0:
        return [f"export CSV: exit {rc}: {err[:200]}"]
    with out.open(encoding="utf-8-sig", newline="") as f:
        finishes = [r["scheduled_finish"] for r in csv.DictReader(f) if r["scheduled_finish"]]
    if max(finishes, default=None) != a["finish_date"]:
        return [f"export CSV latest finish {max(finishes, default=None)}, analyze {a['finish_date']}"]
    return []


def check_findings(p: str, a: dict[str, Any]) -> list[str]:
    """``check`` gives the findings ``analyze`` gives (codes and severities)."""
    found: list[str] = []
    _, c = _json(["check", p])
    codes = sorted((f["severity"], f["code"]) for f in c["findings"])
    if codes != sorted((f["severity"], f["code"]) for f in a["findings"]):
        found.append(f"check findings {codes} differ from analyze's")
    return found


def check_simulate(p: str, a: dict[str, Any], data: dict[str, Any]) -> list[str]:
    """``simulate``'s deterministic finish is the finish; without spread its P50 and P80 are too."""
    found: list[str] = []
    # simulate
    _, sim = _json(["simulate", p, "--iterations", str(ITER), "--seed", str(SEED)])
    if not _same(sim["deterministic_finish"], a["finish"]):
        found.append(f"simulate deterministic finish {sim['deterministic_finish']}, analyze {a['finish']}")
    if not _spread(data):
        for q in ("p50", "p80"):
            if not _same(sim["finish"][q], a["finish"]):
                found.append(f"no spread: simulate {q} {sim['finish'][q]}, finish {a['finish']}")
    return found


def check_compare(p: str, a: dict[str, Any], data: dict[str, Any]) -> list[str]:
    """``compare``'s Base and ``scenarios``' base are analyze's figures; each scenario's finish is the same in both."""
    found: list[str] = []
    if not data.get("scenarios"):
        return found  # compare and scenarios need some

    # compare's Base and scenarios' base
    _, cmp = _json(["compare", p, "--iterations", str(ITER), "--seed", str(SEED)])
    base = cmp["scenarios"][0]
    for k in ("finish", "gated_finish", "gating_price"):
        if not _same(base[k], a[k]):
            found.append(f"compare Base {k} {base[k]}, analyze {a[k]}")
    if not _same(base["cost"], a["cost"]["total"] if a.get("cost") else None) and a.get("cost"):
        found.append(f"compare Base cost {base['cost']}, analyze {a['cost']['total']}")
    if sorted(base["critical"]) != sorted(a["critical"]):
        found.append(f"compare Base critical {base['critical']}, analyze {a['critical']}")
    _, sc = _json(["scenarios", p])
    if not _same(sc["base"]["finish"], a["finish"]):
        found.append(f"scenarios base finish {sc['base']['finish']}, analyze {a['finish']}")
    by_name = {s["name"]: s for s in cmp["scenarios"]}
    for s in sc["scenarios"]:
        other = by_name.get(s["name"])
        if other is not None and other["ok"] and not _same(s["finish"], other["finish"]):
            found.append(f"scenario {s['name']}: scenarios finish {s['finish']}, compare {other['finish']}")
    if not _spread(data):
        for q in ("p50", "p80"):
            if not _same(base[q], a["finish"]):
                found.append(f"no spread: compare {q} {base[q]}, finish {a['finish']}")
    return found


SEEDS = [20, 29, 35, 42, 47, 48, 56, 94]
"""Corner plans with a schedule: start dates at 1 Jan 1, in 9999 and none, scenarios, status dates, links."""


@pytest.mark.parametrize("seed", SEEDS)
def test_corner_plans_agree_across_commands(seed: int, tmp_path: Path) -> None:
    assert checks(write(seed, tmp_path)) == []


def test_the_seeds_have_schedules_to_agree_on(tmp_path: Path) -> None:
    starts, scenarios = set(), 0
    for seed in SEEDS:
        data = json.loads(write(seed, tmp_path).read_text(encoding="utf-8"))
        _, a = _json(["analyze", str(tmp_path / f"corner-{seed}.plan.json")])
        assert data["decisions"] and a["finish"] is not None, seed
        starts.add(str(data.get("start_date"))[:4])
        scenarios += bool(data.get("scenarios"))
    assert starts == {"0001", "9999", "2027", "None"} and scenarios >= 3


def test_the_checks_see_a_disagreement(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A plan whose analyze text is doctored: the check names it (the checks are not vacuous)."""
    path = write(SEEDS[0], tmp_path)

    def doctored(argv: list[str], real: Any = run) -> tuple[int, str, str]:
        rc, out, err = real(argv)
        return rc, out.replace("Critical decisions:        ", "Critical decisions:        9"), err

    monkeypatch.setitem(checks.__globals__, "run", doctored)
    found = checks(path)
    assert [f for f in found if f.startswith("analyze text critical")], found


if __name__ == "__main__":
    sys.exit(sweep(lambda seed, folder: checks(write(seed, folder)), sys.argv[1:]))
