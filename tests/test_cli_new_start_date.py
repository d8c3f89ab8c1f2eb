"""``planner new --start-date/--currency``: a plan started from a template was in weeks only (the templates have no
start date) and in the template's currency; a strategist had to edit the JSON by hand before any output showed a
date. The options set both, with a clear message (exit 2) for a value the plan file would refuse."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from planner.cli import main
from planner.model import load_plan


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_new_with_a_start_date_and_currency_writes_them_and_analyze_shows_dates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.plan.json"
    code, _, err = run(["new", "-o", str(out), "--start-date", "2027-01-04", "--currency", "eur"], capsys)
    assert code == 0, err
    plan = load_plan(out)
    assert plan.start_date == dt.date(2027, 1, 4)
    assert plan.currency == "EUR"
    code, text, _ = run(["analyze", str(out), "--format", "json"], capsys)
    assert code == 0
    data = json.loads(text)
    # week 39 of the ai-scaling template, 39 x 7 = 273 days after Monday 4 Jan 2027: Monday 4 Oct 2027
    assert data["finish"] == 39.0
    assert data["finish_date"] == "2027-10-04"


def test_new_without_the_options_keeps_the_templates_values(capsys: pytest.CaptureFixture[str]) -> None:
    code, text, _ = run(["new"], capsys)
    assert code == 0
    data = json.loads(text)
    assert "start_date" not in data or data["start_date"] is None
    assert data["currency"] == "USD"


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--start-date", "04/01/2027"], "--start-date '04/01/2027': write the date as YYYY-MM-DD"),
        (["--start-date", "2027-02-30"], "write the date as YYYY-MM-DD"),
        (["--start-date", "9999-12-01"], "past 31 Dec 9999"),
        (["--currency", "EURO"], "three-letter ISO 4217 code"),
        (["--currency", "€"], "three-letter ISO 4217 code"),
    ],
)
def test_new_refuses_a_start_date_or_currency_the_plan_file_would_refuse(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    out = tmp_path / "r.plan.json"
    code, _, err = run(["new", "-o", str(out), *argv], capsys)
    assert code == 2
    assert says in err
    assert "Traceback" not in err
    assert not out.exists()


def test_status_date_names_a_day_the_calendar_lacks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--status-date and --start-date read a date by one rule (commands.common.iso_day): 2027-02-30 is 'no such
    day in the calendar' for both."""
    out = tmp_path / "r.plan.json"
    assert run(["new", "-o", str(out), "--start-date", "2027-01-04"], capsys)[0] == 0
    code, _, err = run(["analyze", str(out), "--status-date", "2027-02-30"], capsys)
    assert code == 2 and "no such day in the calendar" in err
