"""Counts in import reports, export notes and the command's text follow the one rule (planner.units.count, and
planner.units.agree for the word that agrees with the count): '1 task has', '3 tasks have', never 'task(s)'."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest

from planner.io import export_notes
from planner.io.common import ImportReport, report_days_off
from planner.model import Plan
from planner.units import agree, count
from tests.conftest import build_plan

ROOT = Path(__file__).parents[2] / "planner"


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "1 task has"),
        (3, "3 tasks have"),
        (0, "0 tasks have"),
    ],
)
def test_a_count_and_its_verb_agree(n: int, text: str) -> None:
    assert f"{count(n, 'task')} {agree(n, 'has', 'have')}" == text


def test_one_day_off_is_one_and_two_are_two() -> None:
    one, two = ImportReport(), ImportReport()
    report_days_off(one, [dt.date(2027, 1, 8)])
    report_days_off(two, [dt.date(2027, 1, 8), dt.date(2027, 1, 15)], "holiday")
    assert one.items[0].message.startswith(
        "1 non-working day of the project calendar (2027-01-08) is not carried: the plan has no calendar, so work "
        "across it finishes"
    )
    assert two.items[0].message.startswith(
        "2 holidays of the project calendar (2027-01-08, 2027-01-15) are not carried: the plan has no calendar, so "
        "work across them finishes"
    )


def test_export_notes_count_one_and_many() -> None:
    def plan(blocked: int) -> Plan:
        return build_plan(
            [{"id": f"d{k}", "duration": 1, "status": "blocked"} for k in range(blocked)]
            + [{"id": "z", "duration": 0}],
            [],
            start_date="2027-01-04",
        )

    one, two = export_notes(plan(1), "mspdi"), export_notes(plan(2), "mspdi")
    assert "1 blocked decision: MS Project has no such status (kept in the 'Planner status' field)" in one
    assert "2 blocked decisions: MS Project has no such status (kept in the 'Planner status' field)" in two
    # 'z', 0 weeks and not a milestone
    assert any(
        n.startswith(
            "1 decision of 0 weeks that is not a milestone can come back from an import as a milestone"
        )
        for n in one
    )


def test_simulate_counts_the_decisions_that_vary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from planner.cli import main
    from planner.model import save_plan

    for varying, text in (
        (1, "1 decision varies (--top K lists it)"),
        (2, "2 decisions vary (--top K lists them)"),
    ):
        plan = build_plan(
            [
                {"id": f"d{k}", "duration": {"optimistic": 1, "likely": 2, "pessimistic": 4}}
                for k in range(varying)
            ]
            + [{"id": "fixed", "duration": 3}],
            [],
        )
        path = tmp_path / f"p{varying}.plan.json"
        save_plan(plan, path)
        assert main(["simulate", str(path), "--iterations", "200", "--seed", "1", "--top", "0"]) == 0
        assert text in capsys.readouterr().out


def _messages(path: Path) -> list[str]:
    """The text of every string literal of ``path`` (f-strings with their fields as '{}'), docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            out.append("".join(str(v.value) if isinstance(v, ast.Constant) else "{}" for v in node.values))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            out.append(node.value)
    return out


def test_no_message_counts_with_a_bracketed_plural() -> None:
    """'task(s)', 'activity(ies)': none left in the text the importers, exporters, analysis, report and commands
    write (a docstring may still say 'section(s)')."""
    found = [
        f"{path.relative_to(ROOT.parent)}: {m!r}"
        for package in ("io", "analysis", "report", "commands")
        for path in sorted((ROOT / package).rglob("*.py"))
        for m in _messages(path)
        if re.search(r"[a-z]\((s|es|ies)\)", m)
    ]
    assert not found, "\n".join(found)
