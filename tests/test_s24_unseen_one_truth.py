"""One truth on unseen plans, combinations the earlier rounds did not sweep (H-unseen24).

:func:`s24_plan` takes tests/test_s22_unseen_one_truth.py's plan of a seed (kept with a baseline, then edited) and
adds, together:

- a start date in a holiday week (24 Dec, 31 Dec, the leap day, 1 Jan), with the s22 plan's progress and status
  date and teams too small for their work, so the levelled schedule crosses the year end;
- a scenario that drops the base plan's critical decisions, read against the baseline kept before;
- costs with a budget, a target and a cost of delay on a plan whose strict gates cost weeks (team rates, so the
  weeks have a price).

The checks:

- the scenario that drops critical work: ``analyze --scenario --baseline latest`` JSON marks each dropped decision
  ``removed`` and its text names them ("1 removed: x2", which it did not say before, H-unseen24); its finish is the
  one ``compare`` and ``scenarios`` give, and ``compare`` counts the dropped critical ones as having left the
  critical path;
- money: the budget and its headroom or overrun, the cost of delay and the price of strict gates are the same
  figures, by :func:`planner.analysis.cost.format_money`, in ``analyze`` text and JSON, ``compare``'s cost and the
  report's cost section;
- the s22 and s23 checks (levelling with progress, baselines, PERT gates, the levelled finish in the report) on
  these plans.

Run as a script for a wide sweep::

    .venv/bin/python -m tests.test_s24_unseen_one_truth OUTDIR FIRST_SEED COUNT
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.analysis.cost import format_money
from tests.test_s18_unseen_one_truth import _flat, _line, run, sweep
from tests.test_s22_unseen_one_truth import checks as s22_checks
from tests.test_s22_unseen_one_truth import write as write_s22
from tests.test_s23_unseen_one_truth import checks as s23_checks

HOLIDAY_STARTS = ["2027-12-24", "2026-12-31", "2028-02-29", "2029-01-01", "2030-12-23"]
DROP = "Drop critical"


def write(seed: int, folder: Path) -> Path:
    """The s22 plan of ``seed`` (with its baseline) moved to a holiday start date, with money and a scenario that
    drops the base's critical decisions (see the module docstring)."""
    path = write_s22(seed, folder)
    data = json.loads(path.read_text(encoding="utf-8"))
    rng = random.Random(seed * 13 + 5)
    # the same week offsets from another start: status date, actuals and the target move with it
    old, new = data["start_date"], rng.choice(HOLIDAY_STARTS)
    shift = (_day(new) - _day(old)).days
    for key in ("status_date", "target"):
        if isinstance(data.get(key), str):
            data[key] = _iso(_day(data[key]), shift)
    for d in data["decisions"]:
        for key in ("actual_start", "actual_finish"):
            if isinstance(d.get(key), str):
                d[key] = _iso(_day(d[key]), shift)
    data["start_date"] = new
    data["teams"][0]["rate"] = rng.choice([800, 3200.5])
    data["budget"] = rng.choice([5000, 60000, 2_500_000])
    data["target"] = _iso(_day(new), rng.choice([7, 20, 45]))
    data["cost_of_delay"] = rng.choice([250, 12000])
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    # the base's critical decisions (after the edit), all but the first and last of the path when it is longer
    rc, raw, err = run(["analyze", str(path), "--format", "json"])
    assert rc in (0, 1), err
    if rc == 0:
        path_ids = json.loads(raw)["critical_path"]
        dropped = path_ids[1:-1] if len(path_ids) > 2 else path_ids[-1:]
        data["scenarios"].append({"name": DROP, "drop_decisions": dropped})
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _iso(day: dt.date, shift_days: int) -> str:
    return (day + dt.timedelta(days=shift_days)).isoformat()


def check_dropped_critical(path: Path) -> list[str]:
    bad: list[str] = []
    p = str(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    scenario = next((s for s in data["scenarios"] if s["name"] == DROP), None)
    if scenario is None:
        return []
    dropped = scenario["drop_decisions"]
    rc, raw, err = run(["analyze", p, "--scenario", DROP, "--baseline", "latest", "--format", "json"])
    if rc != 0:
        return [f"{DROP}: analyze --baseline exits {rc}: {err[-200:]}"]
    js = json.loads(raw)
    removed = [d["id"] for d in js["baseline"]["decisions"] if d["status"] == "removed"]
    if sorted(removed) != sorted(dropped):
        bad.append(f"{DROP}: baseline JSON removed {removed}, the scenario drops {dropped}")
    rc, text, _ = run(["analyze", p, "--scenario", DROP, "--baseline", "latest"])
    section = " ".join(text.split("Against baseline")[-1].split("\n\n")[0].split())
    said = re.search(r"(\d+) removed: (.+?)(?: Longer than in the baseline:|$)", section)
    if said is None or int(said.group(1)) != len(dropped):
        bad.append(f"{DROP}: analyze text does not say {len(dropped)} removed")
    elif re.split(r", | and ", said.group(2))[:5] != removed[:5]:
        bad.append(f"{DROP}: analyze text names {said.group(2)!r}, JSON {removed}")
    rc, raw, _ = run(["scenarios", p, "--format", "json"])
    row = next(r for r in json.loads(raw)["scenarios"] if r["name"] == DROP)
    rc, raw, err = run(["compare", p, "--scenarios", f"Base,{DROP}", "-n", "0", "--format", "json"])
    if rc != 0:
        return [*bad, f"{DROP}: compare exits {rc}: {err[-200:]}"]
    rows = {r["name"]: r for r in json.loads(raw)["scenarios"]}
    if not (js["finish"] == row["finish"] == rows[DROP]["finish"]):
        bad.append(
            f"{DROP}: finish analyze {js['finish']}, scenarios {row['finish']}, compare {rows[DROP]['finish']}"
        )
    if not set(dropped) <= set(rows[DROP]["critical_left"]):
        bad.append(f"{DROP}: compare critical_left {rows[DROP]['critical_left']}, dropped {dropped}")
    if set(rows[DROP]["critical"]) & set(dropped):
        bad.append(f"{DROP}: compare still counts {set(rows[DROP]['critical']) & set(dropped)} critical")
    return bad


def check_money(path: Path, folder: Path) -> list[str]:
    bad: list[str] = []
    p = str(path)
    rc, raw, err = run(["analyze", p, "--format", "json"])
    if rc != 0:
        return [f"money: analyze exits {rc}: {err[-200:]}"]
    js = json.loads(raw)
    cost, cur = js["cost"], js["cost"]["currency"]
    rc, text, _ = run(["analyze", p])
    head = cost["headroom"]
    want = f"{format_money(cost['budget'], cur)} ({'headroom' if head >= 0 else 'over by'} {format_money(abs(head), cur)})"
    if _line(text, "Budget:") != want:
        bad.append(f"money: text budget {_line(text, 'Budget:')!r}, JSON {want!r}")
    if abs(head - (cost["budget"] - cost["total"])) > 1e-6 * max(1.0, cost["budget"]):
        bad.append(f"money: JSON headroom {head} is not budget - total ({cost['budget']} - {cost['total']})")
    delay = cost["cost_of_delay"]
    margin = js["target"]["weeks_to_spare"]
    if delay and _line(text, "Cost of delay:") != format_money(delay, cur):
        bad.append(f"money: text cost of delay {_line(text, 'Cost of delay:')!r}, JSON {delay}")
    if (delay > 0) != (margin < 0):
        bad.append(f"money: cost of delay {delay} with {margin} weeks to spare")
    gating = cost["gating_price"]
    gates = _line(text, "Strict gates in money:")
    if gating["weeks"] > 0 and gating["total"] > 0:
        if gates is None or not gates.startswith(format_money(gating["total"], cur)):
            bad.append(f"money: text strict gates {gates!r}, JSON {gating['total']}")
    elif gates is not None and gating["weeks"] <= 0:
        bad.append(f"money: text strict gates {gates!r} with no gating weeks")
    rc, raw, _ = run(["compare", p, "--scenarios", "Base", "-n", "0", "--format", "json"])
    base = json.loads(raw)["scenarios"][0]
    if base["cost"] != pytest.approx(cost["total"]):
        bad.append(f"money: compare cost {base['cost']}, analyze {cost['total']}")
    out = folder / f"{path.name.split('.')[0]}-money.pdf"
    rc, _, err = run(["report", p, "-o", str(out), "-q"])
    if rc != 0:
        return [*bad, f"money: report exits {rc}: {err[-200:]}"]
    rep = " ".join(_flat(pg.extract_text() or "") for pg in PdfReader(out).pages)
    budget = f"Against the budget of {format_money(cost['budget'], cur)} that leaves " + (
        f"{format_money(head, cur)} of headroom" if head >= 0 else f"an overrun of {format_money(-head, cur)}"
    )
    if budget not in rep:
        bad.append(f"money: report has no {budget!r}")
    if delay and f"{format_money(delay, cur)} on the planned finish" not in rep:
        bad.append(f"money: report has no cost of delay {format_money(delay, cur)}")
    if (
        gating["weeks"] > 0
        and gating["total"] > 0
        and f"worth {format_money(gating['total'], cur)}" not in rep
    ):
        bad.append(f"money: report has no strict gates worth {format_money(gating['total'], cur)}")
    return bad


def checks(path: Path, folder: Path) -> list[str]:
    found = check_dropped_critical(path) + check_money(path, folder) + s22_checks(path, folder)
    if "status_date" not in json.loads(path.read_text(encoding="utf-8")):
        found += s23_checks(path, folder, report=False)  # (its levelling check is of plans without one)
    return found


SEEDS = [10007]  # the sweep (run as a script) covers more


@pytest.mark.parametrize("seed", SEEDS)
def test_dropped_critical_work_money_and_holiday_levelling_agree(seed: int, tmp_path: Path) -> None:
    path = write(seed, tmp_path)
    assert checks(path, tmp_path) == []


def test_the_generator_makes_what_it_says(tmp_path: Path) -> None:
    data = json.loads(write(SEEDS[0], tmp_path).read_text(encoding="utf-8"))
    assert data["start_date"] in HOLIDAY_STARTS
    assert {"budget", "target", "cost_of_delay"} <= set(data)
    drop = next(s for s in data["scenarios"] if s["name"] == DROP)
    assert drop["drop_decisions"]


if __name__ == "__main__":
    sys.exit(sweep(lambda seed, folder: checks(write(seed, folder), folder), sys.argv[1:]))


def test_the_text_names_the_work_a_scenario_dropped(tmp_path: Path) -> None:
    # a 0-2 -> b 2-5 -> c 5-6, kept as the baseline; the scenario drops b: a 0-2, c 2-3 (3 weeks earlier)
    data = {
        "schema_version": 1,
        "title": "Drop",
        "stages": [{"id": "s", "name": "S"}],
        "decisions": [
            {"id": i, "title": i.upper(), "stage": "s", "duration": w}
            for i, w in (("a", 2), ("b", 3), ("c", 1))
        ],
        "dependencies": [{"from": "a", "to": "b"}, {"from": "b", "to": "c"}, {"from": "a", "to": "c"}],
        "scenarios": [{"name": DROP, "drop_decisions": ["b"]}],
    }
    path = tmp_path / "d.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert run(["baseline", str(path), "--name", "Plan"])[0] == 0
    rc, text, err = run(["analyze", str(path), "--scenario", DROP, "--baseline", "latest"])
    assert rc == 0, err
    assert _line(text, "  Finish now:") == "week 3, 3 weeks earlier"
    section = " ".join(text.split("Against baseline")[1].split("\n\n")[0].split())
    assert section.endswith(
        "0 decisions finish later than in the baseline, 1 earlier (each one's slip: --format json); 1 removed: b"
    )
    assert check_dropped_critical(path) == []
