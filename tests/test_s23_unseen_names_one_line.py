"""A name with a tab, a newline, a carriage return or another control character stays on its line in every text
output of the command line (H-unseen23).

Before: ``planner analyze``, ``check``, ``--explain``, ``compare``, ``diff``, ``scenarios``, ``baseline`` and
``simulate`` wrote a plan's title, a decision's, a stage's, a team's, a scenario's or a baseline's name as the file
held it when their text went to a file or a pipe: a title ``"Pilot\\nphase"`` split the heading in two, a decision's
``"\\r"`` overwrote its table row, a tab broke the columns. Now each is written as its escape by the one rule,
:func:`planner.units.one_line` (``Pilot\\x0aphase``), applied to the plan the text is made from
(:func:`planner.model.names.one_line_names`); the JSON keeps every name as the file has it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from planner.units import one_line, quoted
from tests.test_s18_unseen_one_truth import run

C = "\t|\n|\r|\x1b[2J|\x0b|\x85|\u2028|"
RAW = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]"
)  # any control character but the line's own newline


def _plan(tmp_path: Path, name: str = "c.plan.json", suffix: str = C) -> Path:
    data: dict[str, Any] = {
        "schema_version": 1,
        "title": "Plan" + suffix,
        "start_date": "2027-01-04",
        "stages": [
            {"id": "validate", "name": "Validate" + suffix, "gate_criteria": [{"text": "Gate" + suffix}]},
            {"id": "scale", "name": "Scale" + suffix},
        ],
        "areas": [{"id": "data", "name": "Data" + suffix}],
        "teams": [{"id": "ml", "name": "ML" + suffix, "capacity": 1, "rate": 1000}],
        "decisions": [
            {"id": "a", "title": "Alpha" + suffix, "stage": "validate", "owner": "ml", "area": "data", "duration": 2},
            {"id": "b", "title": "Beta" + suffix, "stage": "validate", "owner": "ml", "duration": {
                "optimistic": 1, "likely": 3, "pessimistic": 6}},
            {"id": "c", "title": "Gamma" + suffix, "stage": "scale", "owner": "ml", "duration": 1,
             "notes": "Notes" + suffix},
        ],
        "dependencies": [{"from": "a", "to": "c"}, {"from": "b", "to": "c", "note": "Link" + suffix}],
        "risks": [{"id": "r", "title": "Risk" + suffix, "probability": 0.5, "impact": 2, "decisions": ["c"],
                   "mitigation": "Mitigate" + suffix}],
        "scenarios": [{"name": "Fast" + suffix, "description": "Faster" + suffix,
                       "decisions": {"b": {"duration": 1}}}],
    }  # fmt: skip
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _no_raw(text: str, what: str) -> None:
    hits = [(i, line) for i, line in enumerate(text.split("\n")) if RAW.search(line)]
    assert not hits, f"{what}: a control character printed raw: {hits[:3]!r}"


def _kept(tmp_path: Path) -> Path:
    """The plan with a baseline named with control characters (kept by `planner baseline`)."""
    p = _plan(tmp_path, "kept.plan.json")
    rc, _, err = run(["baseline", str(p), "--name", "Kept" + C])
    assert rc == 0, err
    return p


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "{p}"],
        ["analyze", "{p}"],
        ["analyze", "{p}", "--explain", "c", "--level"],
        ["analyze", "{k}", "--baseline", "Kept" + C],
        ["analyze", "{p}", "--scenario", "Fast" + C],
        ["scenarios", "{p}"],
        ["compare", "{p}", "-n", "50"],
        ["compare", "{p}", "-n", "50", "--scenarios", "Fast" + C],
        ["diff", "{p}", "{k}", "-n", "50"],
        ["baseline", "{k}"],
        ["simulate", "{p}", "-n", "50"],
        ["coverage", "{p}"],
    ],
    ids=lambda a: "-".join(x for x in a if x.isalnum() or x.startswith("-"))[:40],
)
def test_every_text_output_keeps_names_on_their_lines(tmp_path: Path, argv: list[str]) -> None:
    p, k = _plan(tmp_path), _kept(tmp_path)
    args = [x.replace("{p}", str(p)).replace("{k}", str(k)) for x in argv]
    rc, out, err = run(args)
    assert rc in (0, 1), err
    assert out.strip()
    _no_raw(out, " ".join(argv))
    assert "\\\\x" not in out  # escaped once: never a message's repr of a name already made one line


def test_the_names_are_written_by_the_one_rule(tmp_path: Path) -> None:
    p, k = _plan(tmp_path), _kept(tmp_path)
    rc, out, _ = run(["analyze", str(p)])
    lines = out.split("\n")
    assert lines[0] == "Plan\\x09|\\x0a|\\x0d|\\x1b[2J|\\x0b|\\x85|\\u2028|" == one_line("Plan" + C)
    # by hand: a 0-2, b 0-3 (one ML person: levelling not asked, so in parallel), c 3-4; finish week 4
    assert any(x.startswith("Finish (rolling stages):") and "week 4 (1 Feb 2027)" in x for x in lines)
    rc, out, _ = run(["baseline", str(k)])
    assert out.startswith("Kept\\x09|\\x0a|\\x0d|\\x1b[2J|\\x0b|\\x85|\\u2028|: finish week 4 (1 Feb 2027)")
    rc, out, _ = run(["scenarios", str(p)])
    # the scenario's description is prose: one paragraph, its breaks spaces, other controls escaped
    assert "      Faster | | |\\x1b[2J| | | |" in out.split("\n")
    rc, out, _ = run(["diff", str(p), str(k), "-n", "0"])
    assert f"  + baseline {quoted('Kept' + C)}" in out.split("\n")


def test_json_keeps_the_names_as_the_file_has_them(tmp_path: Path) -> None:
    p = _plan(tmp_path)
    rc, out, err = run(["analyze", str(p), "--format", "json"])
    assert rc == 0, err
    data = json.loads(out)
    assert data["title"] == "Plan" + C
    rc, out, err = run(["scenarios", str(p), "--format", "json"])
    assert json.loads(out)["scenarios"][0]["name"] == "Fast" + C


def test_the_figures_do_not_depend_on_the_names(tmp_path: Path) -> None:
    """The text is made from the plan with its names made one line: every figure is that of the same plan with
    plain names (the lines differ only in the names)."""
    hostile, plain = (
        _plan(tmp_path, suffix="\t\n\r\x1b\x85\u2028"),
        _plan(tmp_path, "plain.plan.json", suffix=""),
    )
    for argv in (
        ["analyze", "{}", "--level"],
        ["simulate", "{}", "-n", "200"],
        ["compare", "{}", "-n", "200"],
    ):
        outs = [run([x.replace("{}", str(f)) for x in argv])[1] for f in (hostile, plain)]
        shown = [
            re.sub(r"\\(x[0-9a-f]{0,2}|u[0-9a-f]{0,4})", "", o) for o in outs
        ]  # escapes, elided ones too
        figures = [re.findall(r"\d[\d,.]*", o) for o in shown]
        assert len(figures[0]) > 20 and figures[0] == figures[1], argv
