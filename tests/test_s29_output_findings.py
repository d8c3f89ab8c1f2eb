"""Session 29, issue 12: ``planner check --format json`` hands its findings to the JSON writer as they are, and orjson
writes each :class:`~planner.analysis.findings.Finding` (a dataclass) field by field, without a dict per finding
first. The bytes must be those of ``Finding.to_dict``, through orjson and through the standard encoder (a terminal's
indented JSON) alike."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
from pathlib import Path

import orjson
import pytest

from planner.analysis.findings import Finding, Severity
from planner.cli import main
from planner.commands.common import dump_json
from planner.model import dump_plan
from tests.conftest import build_plan

FINDINGS = [
    Finding(Severity.ERROR, "cycle", "Decisions 'a' → 'b' → 'a' form a cycle.", ["a", "b"]),
    Finding(Severity.WARNING, "over-capacity", "Team 'Ops' has 2 people…", ["c"]),
    Finding(Severity.INFO, "note", 'A "quoted" note\nover two lines', []),
]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_finding_has_the_fields_of_its_dict_in_their_order() -> None:
    # orjson writes a dataclass's fields in order: they must be to_dict's keys, in its order
    assert [f.name for f in dataclasses.fields(Finding)] == list(FINDINGS[0].to_dict())
    for f in FINDINGS:
        assert orjson.dumps(f) == orjson.dumps(f.to_dict())


@pytest.mark.parametrize("indent", [False, True])
def test_dump_json_writes_findings_as_their_dicts(indent: bool) -> None:
    value = {"file": "x.plan.json", "findings": FINDINGS}
    as_dicts = {"file": "x.plan.json", "findings": [f.to_dict() for f in FINDINGS]}
    for stream in (io.StringIO, _Terminal):  # orjson; and the standard encoder on a terminal when indented
        got, want = stream(), stream()
        dump_json(value, got, indent)
        dump_json(as_dicts, want, indent)
        assert got.getvalue() == want.getvalue()
        assert json.loads(got.getvalue()) == as_dicts


def _plan(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    decisions = [
        {"id": "a", "duration": 2, "owner": "ops", "headcount": 2},
        {"id": "b", "duration": 3, "owner": "ops", "headcount": 2},
        {"id": "c", "duration": 1},
    ]
    plan = build_plan(decisions, [], teams=[{"id": "ops", "name": "Ops", "capacity": 3}])
    path.write_text(dump_plan(plan), encoding="utf-8")
    return path


def test_check_json_is_every_findings_dict(tmp_path: Path) -> None:
    from planner.analysis import analyze
    from planner.model import load_plan

    one, two = _plan(tmp_path, "one.plan.json"), _plan(tmp_path, "two.plan.json")
    expected = [f.to_dict() for f in analyze(load_plan(one)).all_findings]
    assert any(f["code"] == "over-capacity" for f in expected)  # a plan with findings
    for argv, want in (
        ([str(one)], {"file": str(one), "findings": expected}),
        (
            [str(one), str(two)],
            [{"file": str(one), "findings": expected}, {"file": str(two), "findings": expected}],
        ),
    ):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["check", *argv, "--format", "json"]) == 0
        assert json.loads(out.getvalue()) == want


@pytest.mark.parametrize("indent", [False, True])
def test_analyze_json_with_finding_objects_is_the_same_json(tmp_path: Path, indent: bool) -> None:
    from planner.analysis import analysis_to_dict, analyze
    from planner.model import load_plan

    result = analyze(load_plan(_plan(tmp_path, "one.plan.json")))
    as_dicts = analysis_to_dict(result)
    assert as_dicts["findings"] and all(isinstance(f, dict) for f in as_dicts["findings"])  # the default
    with_objects = analysis_to_dict(result, finding_objects=True)
    assert with_objects["findings"] == result.all_findings
    for stream in (io.StringIO, _Terminal):
        got, want = stream(), stream()
        dump_json(with_objects, got, indent)
        dump_json(as_dicts, want, indent)
        assert got.getvalue() == want.getvalue()
