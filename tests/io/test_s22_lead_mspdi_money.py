"""Money through MS Project XML (session 22). MSPDI keeps costs in hundredths of the currency (MS Project's and
MPXJ's reading: a Cost of 150000 is 1,500.00) and rates per hour. The export wrote a decision's one-off cost in whole
units as the task's Cost (MS Project and MPXJ read EUR 12,000 as EUR 120) and no team rates (the labour, most of a
plan's spend, arrived as nothing, without a word); the import read a real file's Cost, the total with the work at
its resources' rates, in hundredths as whole units (100 times the money) and dropped the rates.

Now the export writes each team's rate per hour (StandardRate = rate per person-week / 40), each task's FixedCost
(the one-off) and Cost (the one-off and the work at the rate) in hundredths; the import reads FixedCost in hundredths
and the rates per week; a file of the planner's own export from before keeps its whole units. Every export that
drops money says which (money_notes).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.analysis.cost import cost_summary
from planner.io import export_notes, export_text
from planner.io.mspdi import import_mspdi
from planner.model import Plan

DATA = Path(__file__).parent / "data"


def _plan() -> Plan:
    return Plan.model_validate(
        {
            "schema_version": 1,
            "title": "Money",
            "start_date": "2027-01-04",
            "currency": "EUR",
            "budget": 100000,
            "stages": [{"id": "v", "name": "Validate"}],
            "teams": [{"id": "ds", "name": "Data science", "capacity": 3, "rate": 4000}],
            "decisions": [
                # labour 2 people x 3 weeks x 4,000 = 24,000; one-off 1,500
                {
                    "id": "a",
                    "title": "A",
                    "stage": "v",
                    "owner": "ds",
                    "duration": 3,
                    "headcount": 2,
                    "cost": 1500,
                },
                # labour 1 x 2 x 4,000 = 8,000; a running cost the format cannot carry
                {"id": "b", "title": "B", "stage": "v", "owner": "ds", "duration": 2, "run_rate": 100},
            ],
            "dependencies": [{"from": "a", "to": "b"}],
        }
    )


def _tag(xml: str, task: str, tag: str) -> str:
    block = re.search(rf"<Name>{task}</Name>.*?</Task>", xml, re.S)
    assert block is not None
    found = re.search(rf"<{tag}>([^<]*)</{tag}>", block.group(0))
    assert found is not None, (task, tag)
    return found.group(1)


def test_export_writes_rates_per_hour_and_costs_in_hundredths() -> None:
    xml = str(export_text(_plan(), "mspdi"))
    assert "<StandardRate>100</StandardRate><StandardRateFormat>4</StandardRateFormat>" in xml  # 4,000 / 40 h
    assert _tag(xml, "A", "FixedCost") == "150000"  # 1,500.00
    assert _tag(xml, "A", "Cost") == "2550000"  # 1,500 + 24,000
    assert _tag(xml, "B", "FixedCost") == "0" and _tag(xml, "B", "Cost") == "800000"


def test_round_trip_keeps_rates_and_one_off_costs(tmp_path: Path) -> None:
    path = tmp_path / "money.xml"
    path.write_text(str(export_text(_plan(), "mspdi")), encoding="utf-8")
    plan, _ = import_mspdi(path)
    assert [t.rate for t in plan.teams] == [pytest.approx(4000.0)]
    assert {d.title: d.cost for d in plan.decisions if not d.milestone} == {
        "A": pytest.approx(1500.0),
        "B": None,
    }
    summary = cost_summary(plan, analyze(plan))
    assert summary is not None
    assert summary.breakdown.labour == pytest.approx(32_000.0)
    assert summary.breakdown.one_off == pytest.approx(1_500.0)


def test_a_file_of_ms_project_reads_hundredths(tmp_path: Path) -> None:
    # As MS Project writes it: every task has FixedCost and Cost (in hundredths), the resource a rate per hour.
    xml = str(export_text(_plan(), "mspdi"))
    xml = re.sub(r"<ExtendedAttribute>.*?</ExtendedAttribute>", "", xml, flags=re.S)  # not the planner's own
    path = tmp_path / "msp.xml"
    path.write_text(xml, encoding="utf-8")
    plan, _ = import_mspdi(path)
    costs = sorted(d.cost for d in plan.decisions if d.cost)
    assert costs == [pytest.approx(1500.0)]  # was 2,550,000: the total in hundredths as whole units
    assert [t.rate for t in plan.teams] == [pytest.approx(4000.0)]


def test_own_export_from_before_keeps_whole_units() -> None:
    # Written by the export before this change: Cost in whole units, no FixedCost, no rates.
    plan, _ = import_mspdi(DATA / "s22-legacy-cost-mspdi.xml")
    assert sorted(d.cost for d in plan.decisions if d.cost) == [pytest.approx(12000.0)]


def test_mpx_writes_the_one_off_cost_in_units() -> None:
    mpx = export_text(_plan(), "mpx")
    text = mpx.decode("cp1252") if isinstance(mpx, bytes) else mpx
    a = next(line for line in text.splitlines() if line.startswith("70,") and ",A," in line)
    assert a.endswith(",1500.00")


@pytest.mark.parametrize(
    ("fmt", "said"),
    [
        ("mspdi", "money not carried: 1 running cost, the budget"),
        ("mpx", "money not carried: the rates of 1 team (the labour cost), 1 running cost, the budget"),
        ("xer", "money not carried: 1 one-off cost, 1 running cost, the budget"),
        (
            "gan",
            "money not carried: the rates of 1 team (the labour cost), 1 running cost, the budget, the currency (EUR: "
            "the amounts come back without it)",
        ),
        # the tables carry the running costs since H-money22 (run_rate column): only the rates and budget are lost
        (
            "csv",
            "money not carried: the rates of 1 team (the labour cost), the budget",  # the currency: plan_currency
        ),
    ],
)
def test_every_export_says_what_money_it_drops(fmt: str, said: str) -> None:
    assert said in export_notes(_plan(), fmt)
