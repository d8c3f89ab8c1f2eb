"""Messages quote what the user typed by the one rule, :func:`planner.units.quoted` (H-unseen24).

Before: ``analyze --explain``, ``--status-date``, ``new --template``/``--start-date``/``--currency``, ``export
--chart``/``--size`` and the load error's ``(id ...)`` quoted with Python's repr: a tab came out as ``\\t`` where
every other message and the text outputs write ``\\x09``, and a name with an apostrophe was put in double quotes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_s18_unseen_one_truth import run


def _plan(tmp_path: Path, decision_id: str = "alpha") -> Path:
    data = {
        "schema_version": 1,
        "title": "Quotes",
        "stages": [{"id": "s", "name": "S"}],
        "decisions": [{"id": decision_id, "title": "A", "stage": "s", "duration": 2}],
    }
    path = tmp_path / "q.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (
            ["analyze", "{plan}", "--explain", "alpa\t"],
            "{plan}: --explain 'alpa\\x09': no decision has this id; did you mean 'alpha'? "
            "(`planner analyze FILE --format json` lists every id)",
        ),
        (
            ["analyze", "{plan}", "--status-date", "it's\tlate"],
            "--status-date 'it's\\x09late': write a date as YYYY-MM-DD",
        ),
        (
            ["new", "--template", "ai\tscaling"],
            "unknown template 'ai\\x09scaling'; choose one of:",
        ),
        (
            ["new", "--start-date", "2027-02-30\n"],
            "--start-date '2027-02-30\\x0a': ",
        ),
        (
            ["new", "--currency", "e'u"],
            "--currency 'e'u': write a three-letter ISO 4217 code",
        ),
        (
            ["export", "{plan}", "-o", "{tmp}/g.svg", "--chart", "gantt", "--size", "wide\tx2"],
            "--size 'wide\\x09x2': give width x height in inches",
        ),
    ],
)
def test_typed_text_is_quoted_by_the_one_rule(tmp_path: Path, argv: list[str], words: str) -> None:
    plan = _plan(tmp_path)
    argv = [a.format(plan=plan, tmp=tmp_path) for a in argv]
    rc, out, err = run(argv)
    assert rc == 2
    assert words.format(plan=plan) in err
    assert "\\t" not in err and '"' not in err


def test_a_load_error_quotes_the_id_by_the_one_rule(tmp_path: Path) -> None:
    path = tmp_path / "q.plan.json"
    path.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "title": "Quotes",
                "stages": [{"id": "s", "name": "S"}],
                "decisions": [{"id": "it's\tmine", "title": "A", "stage": "s", "duration": -1}],
            }
        ),
        encoding="utf-8",
    )
    rc, out, err = run(["check", str(path)])
    assert rc == 2
    assert err.startswith(f"planner: {path}: 2 problems:\n  decisions[0] (id 'it's\\x09mine').id: ")
    assert (
        "decisions[0] (id 'it's\\x09mine').duration: Input should be greater than or equal to 0 (got -1)"
        in err
    )


def test_explain_suggests_the_id_typed_in_other_capitals(tmp_path: Path) -> None:
    # 'ALPHA' is 'alpha' in other capitals: difflib's ratio for the two is 0, so no id was suggested
    plan = _plan(tmp_path)
    rc, out, err = run(["analyze", str(plan), "--explain", "ALPHA"])
    assert rc == 2
    assert err == (
        f"planner: {plan}: --explain 'ALPHA': no decision has this id; did you mean 'alpha'? "
        "(`planner analyze FILE --format json` lists every id)\n"
    )
