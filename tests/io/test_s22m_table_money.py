"""Running costs and cost categories through the tables (H-money22). The CSV and Excel exports wrote a decision's
one-off ``cost`` but not its ``run_rate`` (running cost per week from its finish) or its ``cost_category``, and the
table import did not read them: a plan's running costs came back as nothing and every cost as 'other'. Now the
exports write a ``run_rate (per week)`` and a ``cost_category`` column when the plan has any, the import reads them
(and 'Run rate', 'Running cost per week', 'Cost category'), and the export notes no longer list them as lost. The
teams' rates have no place in a one-row-per-decision table, so the labour is left aside (the notes say so).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.analysis.cost import CostSummary, cost_summary
from planner.cli import main
from planner.io import export_notes, export_text
from planner.io.common import InteropError
from planner.io.csvfile import import_csv
from planner.io.xlsx import import_xlsx
from planner.model import Plan
from planner.model.plan import CostCategory


def _plan(**extra: object) -> Plan:
    return Plan.model_validate(
        {
            "schema_version": 1,
            "title": "Running costs",
            "start_date": "2027-01-04",
            "currency": "EUR",
            "budget": 50000,
            "stages": [{"id": "v", "name": "Validate"}],
            "teams": [{"id": "ds", "name": "Data science", "rate": 4000}],
            "decisions": [
                # weeks 0-3, a one-off 1,500 for a vendor, and labour 3 x 4,000 (not in a table)
                {"id": "a", "title": "A", "stage": "v", "owner": "ds", "duration": 3, "cost": 1500,
                 "cost_category": "vendor"},
                # weeks 3-5: finishes at the plan's finish, so its running cost counts nothing
                {"id": "b", "title": "B", "stage": "v", "duration": 2, "run_rate": 250, "cost_category": "cloud"},
                # weeks 0-1: 100.5 a week for the 4 weeks to the finish = 402
                {"id": "c", "title": "C", "stage": "v", "duration": 1, "run_rate": 100.5, "cost_category": "cloud"},
                # weeks 3-4: 300 a week for 1 week = 300
                {"id": "d", "title": "D", "stage": "v", "duration": 1, "run_rate": 300, "cost_category": "vendor"},
                {"id": "e", "title": "E", "stage": "v", "duration": 1},
            ],
            "dependencies": [{"from": "a", "to": "b"}, {"from": "a", "to": "d"}],
            **extra,
        }
    )  # fmt: skip


def _summary(plan: Plan) -> CostSummary:
    summary = cost_summary(plan, analyze(plan))
    assert summary is not None
    return summary


def _by_category(summary: CostSummary) -> dict[str, float]:
    return {key: cost for key, _name, cost in summary.breakdown.by_category}


def _round_trip(plan: Plan, fmt: str, tmp_path: Path) -> Plan:
    out = export_text(plan, fmt)
    path = tmp_path / f"plan.{fmt}"
    if isinstance(out, bytes):
        path.write_bytes(out)
    else:
        path.write_text(out, encoding="utf-8")
    back, _ = (import_csv if fmt == "csv" else import_xlsx)(path)
    return back


def test_the_hand_checked_figures() -> None:
    b = _summary(_plan()).breakdown
    assert (b.one_off, b.run) == (pytest.approx(1500.0), pytest.approx(402.0 + 300.0))


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_keeps_running_costs_and_categories(fmt: str, tmp_path: Path) -> None:
    plan = _plan()
    back = _round_trip(plan, fmt, tmp_path)
    assert [(d.id, d.run_rate, d.cost_category) for d in back.decisions] == [
        (d.id, d.run_rate, d.cost_category) for d in plan.decisions
    ]
    before, after = _summary(plan).breakdown, _summary(back).breakdown
    assert (after.one_off, after.run) == (pytest.approx(1500.0), pytest.approx(702.0))  # run was 0 before
    assert (after.one_off, after.run) == (pytest.approx(before.one_off), pytest.approx(before.run))
    # the categories' money, labour (people) aside: vendor 1,500 + 300, cloud 402 (before: all 'other')
    kept = {k: v for k, v in _by_category(_summary(back)).items() if k != "people"}
    assert kept == {"vendor": pytest.approx(1800.0), "cloud": pytest.approx(402.0)}
    assert kept == {k: v for k, v in _by_category(_summary(plan)).items() if k != "people"}


def test_csv_cells_and_header() -> None:
    rows = list(csv.DictReader(io.StringIO(str(export_text(_plan(), "csv")))))
    assert [(r["run_rate (per week)"], r["cost_category"]) for r in rows] == [
        ("", "vendor"),
        ("250", "cloud"),
        ("100.5", "cloud"),
        ("300", "vendor"),
        ("", "other"),
    ]


def test_columns_only_when_the_plan_has_them() -> None:
    plain = _plan()
    for d in plain.decisions:
        d.run_rate, d.cost_category = None, CostCategory.OTHER
    header = str(export_text(plain, "csv")).splitlines()[0].split(",")
    assert "run_rate (per week)" not in header and "cost_category" not in header
    assert header[header.index("cost") + 1] == "status"  # the columns it always wrote
    plain.decisions[0].cost_category = CostCategory.PEOPLE  # a category alone: only its column
    header = str(export_text(plain, "csv")).splitlines()[0].split(",")
    assert "cost_category" in header and "run_rate (per week)" not in header


def test_notes_no_longer_say_running_costs_or_categories_are_lost() -> None:
    for fmt in ("csv", "xlsx"):
        assert (
            (
                "money not carried: the rates of 1 team (the labour cost), the budget"  # the currency: plan_currency (s23)
            )
            in export_notes(_plan(), fmt)
        )
    # with a horizon, the running costs come back counted to the finish: said
    notes = export_notes(_plan(horizon=10), "csv")
    assert (
        "money not carried: the rates of 1 team (the labour cost), the horizon (week 10; without it the running "
        "costs count up to the finish), the budget"
    ) in notes


def test_import_reads_other_names_and_money_cells() -> None:
    text = "Task Name;Duration (weeks);Run rate;Cost category\nA;2;€2.000;Cloud\nB;1;;\nC;1;12,5;VENDOR\n"
    plan, report = import_csv("team.csv", text.encode())
    assert [(d.run_rate, d.cost_category) for d in plan.decisions] == [
        (2000.0, CostCategory.CLOUD),
        (None, CostCategory.OTHER),
        (12.5, CostCategory.VENDOR),
    ]
    assert plan.currency == "EUR"
    assert not [i for i in report.items if "not a plan field" in i.message]
    plan, _ = import_csv("team.csv", b"Title,Running cost per week\nA,40\n")
    assert [d.run_rate for d in plan.decisions] == [40.0]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "id,title,cost_category\na,A,cloud\nb,B,cloudy\n",
            "line 3, column 'cost_category': 'cloudy' is not a cost category; use one of people, cloud, vendor, "
            "other, or leave it blank (other)",
        ),
        # the export's own header: a bad cell is refused with its row, not the column dropped
        (
            "id,title,run_rate (per week)\na,A,2\nb,B,lots\n",
            "line 3, column 'run_rate': 'lots' is not a number",
        ),
        ("id,title,Run rate\na,A,-5\n", "line 2, column 'run_rate'"),
        # so was a weeks column of the export's (its whole column was ignored: every decision 1 week)
        (
            "id,title,likely (weeks)\na,A,2\nb,B,soon\n",
            "line 3, column 'likely': 'soon' is not a number",
        ),
    ],
)
def test_bad_cells_name_their_line(text: str, said: str) -> None:
    with pytest.raises(InteropError) as err:
        import_csv("bad.csv", text.encode())
    assert said in str(err.value)


def test_cli_refuses_a_bad_category_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out = tmp_path / "bad.csv", tmp_path / "out.plan.json"
    src.write_text("id,title,cost_category\na,A,hardware\n", encoding="utf-8")
    assert main(["import", str(src), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "line 2, column 'cost_category': 'hardware' is not a cost category" in err
    assert "Traceback" not in err and not out.exists()
