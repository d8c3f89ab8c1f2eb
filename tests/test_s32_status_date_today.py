"""``--status-date today``: the app's Today button has a command-line twin (session 32)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from planner.cli import main
from planner.model import dump_plan


def _plan_file(tmp_path: Path, make_plan: Any, start: str | None) -> Path:
    path = tmp_path / "p.plan.json"
    kw = {"start_date": start} if start else {}
    path.write_text(dump_plan(make_plan([{"id": "a", "duration": 2}], [], **kw)), encoding="utf-8")
    return path


@pytest.mark.parametrize("word", ["today", "Today", " TODAY "])
def test_today_is_this_computers_date(tmp_path: Path, make_plan: Any, capsys, word: str) -> None:
    today = dt.date.today()
    start = today - dt.timedelta(days=14)
    path = _plan_file(tmp_path, make_plan, start.isoformat())
    code = main(["analyze", str(path), "--format", "json", "--status-date", word])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    data = json.loads(out)
    # the same answer as the date written out (midnight rollover between the two calls aside)
    assert data["status_date_iso"] in {today.isoformat(), dt.date.today().isoformat()}
    assert data["status_week"] == pytest.approx(2.0, abs=1 / 7)


def test_today_without_a_start_date_says_what_to_do(tmp_path: Path, make_plan: Any, capsys) -> None:
    path = _plan_file(tmp_path, make_plan, None)
    code = main(["analyze", str(path), "--status-date", "today"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert "no start_date" in err and "weeks from the plan start" in err
    assert "Traceback" not in err


def test_a_word_it_does_not_read_names_today_among_the_choices(
    tmp_path: Path, make_plan: Any, capsys
) -> None:
    path = _plan_file(tmp_path, make_plan, "2027-01-04")
    code = main(["analyze", str(path), "--status-date", "yesterday"])
    _, err = capsys.readouterr()
    assert code == 2
    assert "YYYY-MM-DD" in err and "'today'" in err and "weeks from the plan start" in err
