"""SPEC §2 audited (H-spec): the plan file as another tool sees it. The JSON Schema generated from the model is
shipped in the package; here it is read by an independent validator (jsonschema), as an editor or a CI job would:
every bundled plan validates against it, and it refuses the structural errors the loader refuses (those a schema can
express; the order of a three-point estimate is the loader's alone). Also the SPEC's defaults, read back from a
minimal file, and the documented refusals through the command line (exit 2, file and JSON path named)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from planner.cli import main
from planner.model import PlanLoadError, parse_plan, schema_path
from planner.templates import load_template, template_names

REPO_ROOT = Path(__file__).resolve().parent.parent
BUNDLED = [
    *sorted((REPO_ROOT / "sample_plans").glob("*.plan.json")),
    *sorted((REPO_ROOT / "planner" / "templates").glob("*.plan.json")),
    REPO_ROOT / "planner" / "resources" / "sample.plan.json",
]


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _minimal(**fields: Any) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "title": "T",
        "start_date": "2027-01-04",
        "stages": [{"id": "s1", "name": "S1"}],
        "decisions": [],
        **fields,
    }


def _decision(**fields: Any) -> dict[str, Any]:
    return {"id": "a", "title": "A", "stage": "s1", **fields}


@pytest.mark.parametrize("path", BUNDLED, ids=[p.name for p in BUNDLED])
def test_bundled_plans_validate_against_the_shipped_schema(
    path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    errors = [
        f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(json.loads(path.read_text()))
    ]
    assert errors == []


def test_every_template_validates_against_the_shipped_schema(
    validator: jsonschema.Draft202012Validator,
) -> None:
    from planner.model import plan_to_dict

    for name in template_names():
        assert list(validator.iter_errors(plan_to_dict(load_template(name)))) == [], name


REFUSED = {
    "unknown top-level field": _minimal(titel="x"),
    "unknown decision field": _minimal(decisions=[_decision(durtion=3)]),
    "id with a space": _minimal(decisions=[_decision(id="a b")]),
    "id starting with a dash": _minimal(decisions=[_decision(id="-a")]),
    "id of 65 characters": _minimal(decisions=[_decision(id="a" * 65)]),
    "no stages": _minimal(stages=[]),
    "duration as text": _minimal(decisions=[_decision(duration="3")]),
    "duration true": _minimal(decisions=[_decision(duration=True)]),
    "negative duration": _minimal(decisions=[_decision(duration=-1)]),
    "three-point estimate missing one": _minimal(
        decisions=[_decision(duration={"optimistic": 1, "likely": 2})]
    ),
    "progress over 100": _minimal(decisions=[_decision(progress=101)]),
    "unknown status": _minimal(decisions=[_decision(status="started")]),
    "negative not_before": _minimal(decisions=[_decision(not_before=-1)]),
    "unknown link type": _minimal(
        decisions=[_decision(), _decision(id="b")], dependencies=[{"from": "a", "to": "b", "type": "XX"}]
    ),
    "risk probability over 1": _minimal(risks=[{"id": "r", "title": "R", "probability": 1.5, "impact": 2}]),
    "impossible start date": _minimal(start_date="2027-02-30"),
    "lower-case currency": _minimal(currency="usd"),
    "newer schema version": _minimal(schema_version=2),
    "extensions not an object": _minimal(extensions=[]),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_schema_and_loader_refuse_the_same_structural_errors(
    case: str, validator: jsonschema.Draft202012Validator
) -> None:
    data = REFUSED[case]
    assert list(validator.iter_errors(data)), f"the schema accepts: {case}"
    with pytest.raises(PlanLoadError):
        parse_plan(json.dumps(data))


ACCEPTED = {
    "minimal": _minimal(),
    "extensions hold anything": _minimal(extensions={"tool": {"x": [1.0, None, {"y": True}]}}),
    "three-point estimate": _minimal(
        decisions=[_decision(duration={"optimistic": 1, "likely": 2.5, "pessimistic": 6})]
    ),
    "fractional weeks and a lead": _minimal(
        decisions=[_decision(duration=0.5), _decision(id="b")],
        dependencies=[{"from": "a", "to": "b", "type": "SS", "lag": -1.5}],
    ),
    # Referential problems open (validation reports them), so the schema accepts them too.
    "unknown stage and owner": _minimal(decisions=[_decision(stage="nowhere", owner="nobody")]),
    "a cycle": _minimal(
        decisions=[_decision(), _decision(id="b")],
        dependencies=[{"from": "a", "to": "b"}, {"from": "b", "to": "a"}],
    ),
}


@pytest.mark.parametrize("case", sorted(ACCEPTED))
def test_schema_and_loader_accept_the_same_files(
    case: str, validator: jsonschema.Draft202012Validator
) -> None:
    data = ACCEPTED[case]
    assert [e.message for e in validator.iter_errors(data)] == []
    parse_plan(json.dumps(data))


def test_the_spec_defaults() -> None:
    # SPEC §2: every list but stages and decisions defaults to empty; FS and lag 0; a milestone takes 0 weeks;
    # status not_started at 0 %; no earliest start.
    plan = parse_plan(
        json.dumps(
            {
                "schema_version": 1,
                "title": "T",
                "stages": [{"id": "s1", "name": "S1"}],
                "decisions": [_decision(duration=2), _decision(id="m", milestone=True)],
                "dependencies": [{"from": "a", "to": "m"}],
            }
        )
    )
    assert (plan.areas, plan.teams, plan.risks, plan.extensions) == ([], [], [], {})
    link = plan.dependencies[0]
    assert (str(link.type), link.lag) == ("FS", 0)
    a, m = plan.decisions
    assert (str(a.status), a.progress, a.not_before, a.milestone) == ("not_started", 0, None, False)
    assert (a.weeks(), m.weeks(), m.weeks("pessimistic")) == (2, 0, 0)


def test_estimates_of_a_number_and_of_three_points() -> None:
    # A number is all three estimates; PERT is (o + 4 l + p) / 6 = (1 + 12 + 8) / 6 = 3.5.
    plan = parse_plan(
        json.dumps(
            _minimal(
                decisions=[
                    _decision(duration=4),
                    _decision(id="b", duration={"optimistic": 1, "likely": 3, "pessimistic": 8}),
                ]
            )
        )
    )
    a, b = plan.decisions
    assert [a.weeks(e) for e in ("optimistic", "likely", "pessimistic", "pert")] == [4, 4, 4, 4]
    assert [b.weeks(e) for e in ("optimistic", "likely", "pessimistic", "pert")] == [1, 3, 8, 3.5]


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (_minimal(decisions=[_decision(progress=101)]), "at decisions[0] (id 'a').progress:"),
        (_minimal(titel="x"), "at titel: unknown field"),
        (_minimal(schema_version=2), "newer version of the planner"),
    ],
)
def test_structural_errors_exit_2_naming_file_and_json_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: dict[str, Any], said: str
) -> None:
    path = tmp_path / "bad.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    for command in ("check", "analyze", "simulate", "report"):
        argv = [command, str(path)] + (["-o", str(tmp_path / "r.pdf")] if command == "report" else [])
        assert main(argv) == 2, command
        out, err = capsys.readouterr()
        assert out == "" and err.startswith(f"planner: {path}") and said in err, (command, err)
        assert "Traceback" not in err
    assert not (tmp_path / "r.pdf").exists()


def test_an_id_with_a_trailing_newline_is_refused() -> None:
    # The SPEC's pattern ends in '$'; Python's re.match lets '$' match before a final newline ('s\n' passes the
    # shipped schema under the jsonschema package, which uses re.search; ECMA-262 validators refuse it). The loader
    # refuses it, as the SPEC means.
    with pytest.raises(PlanLoadError, match=r"stages\[0\]"):
        parse_plan(json.dumps(_minimal(stages=[{"id": "s\n", "name": "S"}])))


def test_syntax_errors_give_line_and_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.plan.json"
    path.write_text('{"schema_version": 1,\n  "title": "x",,\n}', encoding="utf-8")
    assert main(["check", str(path)]) == 2
    assert capsys.readouterr().err.startswith(f"planner: {path}:2:16: not valid JSON")
