"""`planner diff` / `planner compare` against a plan that cannot be scheduled (session 31): its date cells read
'-' like its week cells, and no 'vs' row of blanks is printed when no plan but the reference has the figure (the
table printed '  vs a.plan.json' rows with nothing after them under every figure)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.cli import main
from planner.model import dump_plan
from planner.model.plan import Dependency
from planner.templates import load_template


def _table(tmp_path: Path, capsys: pytest.CaptureFixture[str], broken: bool) -> list[str]:
    a, b = tmp_path / "a.plan.json", tmp_path / "b.plan.json"
    plan = load_template("ai-scaling")
    plan.start_date = dt.date(2027, 1, 4)  # (the template has none: the table then has no date rows)
    a.write_text(dump_plan(plan), encoding="utf-8")
    if broken:  # a link to a decision the plan does not have: an error, no schedule
        plan.dependencies.append(Dependency.model_validate({"from": plan.decisions[0].id, "to": "no-such"}))
    else:
        plan.decisions[0].duration = 9
    b.write_text(dump_plan(plan), encoding="utf-8")
    main(["diff", str(a), str(b), "--iterations", "50"])
    return capsys.readouterr().out.splitlines()


def test_an_unscheduled_plan_has_dashes_and_no_blank_vs_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _table(tmp_path, capsys, broken=True)
    assert not [x for x in lines if x.strip().startswith("vs ")], lines
    dates = [x.split() for x in lines if x.strip().startswith("date ")]
    assert len(dates) >= 3  # finish, gated finish, P50, P80
    assert all(cells[-1] == "-" for cells in dates), dates  # the unscheduled plan's date cell
    finish = next(x.split() for x in lines if x.startswith("Finish (rolling), week"))
    assert finish[-1] == "-"


def test_a_scheduled_plan_keeps_its_vs_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = _table(tmp_path, capsys, broken=False)
    vs = [x for x in lines if x.strip().startswith("vs a.plan.json")]
    assert len(vs) >= 5  # finish, gated finish, price of gating, P50, P80 (and spend when the plan has costs)
    assert all(len(x.split()) >= 3 for x in vs), vs  # 'vs', the name, b's difference
