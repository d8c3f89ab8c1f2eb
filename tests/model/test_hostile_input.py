"""Hostile and absurd plan files (issue 11): every one is a load error naming the file and the JSON path (or a
``check`` error), never a crash, a hang or a traceback later on."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any

import pytest

from planner.analysis import analyze, validate
from planner.analysis.montecarlo import simulate
from planner.model import PlanLoadError, limits, load_plan, parse_plan
from planner.model.io import read_capped

BASE: dict[str, Any] = {
    "schema_version": 1,
    "title": "Hostile",
    "start_date": "2027-01-04",
    "stages": [{"id": "s1", "name": "One"}, {"id": "s2", "name": "Two"}],
    "decisions": [
        {"id": "a", "title": "A", "stage": "s1", "duration": 2},
        {
            "id": "b",
            "title": "B",
            "stage": "s2",
            "duration": {"optimistic": 1, "likely": 2, "pessimistic": 4},
        },
    ],
    "dependencies": [{"from": "a", "to": "b"}],
}


def text_of(**changes: Any) -> str:
    data = json.loads(json.dumps(BASE))
    data.update(changes)
    return json.dumps(data)


def load_error(text: str) -> str:
    with pytest.raises(PlanLoadError) as info:
        parse_plan(text, "p.json")
    return str(info.value)


def test_deep_nesting_is_a_load_error_not_a_recursion_error() -> None:
    deep = text_of(extensions={}).replace(
        '"extensions": {}', '"extensions": {"x": ' + "[" * 5000 + "]" * 5000 + "}"
    )
    assert "nested more than 64 levels deep" in load_error(deep)
    shallow_but_over = text_of(extensions={}).replace(
        '"extensions": {}', '"extensions": {"x": ' + "[" * 70 + "]" * 70 + "}"
    )
    message = load_error(shallow_but_over)
    assert message.startswith("p.json: at extensions.x[0]") and "nested more than 64" in message


def test_integer_over_4300_digits_names_line_and_column() -> None:
    text = text_of(extensions={"n": 1}).replace('"n": 1', '"n": ' + "7" * 5000)
    message = load_error(text)
    assert "a number has more than 4300 digits" in message
    assert message.startswith("p.json:1:")


def test_non_finite_numbers_in_extensions_are_refused() -> None:
    message = load_error(text_of(extensions={"x": 1}).replace('"x": 1', '"x": 1e400'))
    assert message.startswith("p.json: at extensions.x: not a finite number")


def test_duplicate_keys_are_refused_with_their_path() -> None:
    text = text_of().replace('"title": "A"', '"title": "A", "title": "A2"')
    message = load_error(text)
    assert message.startswith("p.json: at decisions[0].title: the key 'title' appears twice")


@pytest.mark.parametrize(
    ("where", "value", "path"),
    [
        ("duration", 1e300, "decisions[0] (id 'a').duration"),
        ("not_before", 1e308, "decisions[0] (id 'a').not_before"),
        ("headcount", 1e300, "decisions[0] (id 'a').headcount"),
        ("cost", 1e300, "decisions[0] (id 'a').cost"),
    ],
)
def test_huge_numbers_are_load_errors(where: str, value: float, path: str) -> None:
    data = json.loads(text_of())
    data["decisions"][0][where] = value
    message = load_error(json.dumps(data))
    assert message.startswith(f"p.json: at {path}: Input should be less than or equal to"), message


def test_huge_lag_is_a_load_error() -> None:
    data = json.loads(text_of())
    data["dependencies"][0]["lag"] = -1e308
    assert load_error(json.dumps(data)).startswith("p.json: at dependencies[0].lag: Input should be greater")


@pytest.mark.parametrize(("field", "limit"), [("title", limits.MAX_TITLE_CHARS)])
def test_long_plan_title_is_a_load_error(field: str, limit: int) -> None:
    assert f"at most {limit} characters" in load_error(text_of(**{field: "T" * (limit + 1)}))
    parse_plan(text_of(**{field: "T" * limit}))  # the limit itself loads


def test_long_stage_name_is_a_load_error() -> None:
    data = json.loads(text_of())
    data["stages"][0]["name"] = "S" * 1000
    assert load_error(json.dumps(data)).startswith(
        "p.json: at stages[0] (id 's1').name: String should have at most"
    )


def test_migration_checks_shapes_before_touching_the_file() -> None:
    for bad in (None, 5, "x"):
        text = json.dumps(
            {
                "schema_version": 0,
                "title": "Old",
                "stages": [{"id": "s", "name": "S"}],
                "decisions": [],
                "dependencies": bad,
            }
        )
        message = load_error(text)
        assert message.startswith("p.json: at dependencies: must be a list"), message
    text = json.dumps(
        {"schema_version": 0, "title": "Old", "stages": [{"id": "s", "name": "S"}], "decisions": None}
    )
    assert load_error(text).startswith("p.json: at decisions: must be a list, not null")


def test_size_message_matches_the_limit() -> None:
    assert limits.MAX_PLAN_BYTES == 200_000_000


def test_size_cap_is_enforced_while_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b" " * 5000)
    with pytest.raises(PlanLoadError, match="larger than the 0 MB"):
        read_capped(path, 4000)
    assert read_capped(path, 5000) == b" " * 5000


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)
    result: list[str] = []

    def go() -> None:
        try:
            load_plan(fifo)
        except PlanLoadError as exc:
            result.append(str(exc))

    t = threading.Thread(target=go, daemon=True)
    t.start()
    t.join(10)
    assert result and "is a pipe (FIFO), not a plan file" in result[0]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_device_is_refused() -> None:
    with pytest.raises(PlanLoadError, match="is a device, not a plan file"):
        load_plan("/dev/zero")


def late_plan(start: str, duration: float = 3.0) -> Any:
    data = json.loads(text_of(start_date=start))
    data["decisions"][1]["duration"] = duration
    return parse_plan(json.dumps(data))


def test_dates_beyond_9999_are_a_check_error_before_analyze_or_simulate() -> None:
    plan = late_plan("9999-12-01", 10)  # a + b = 12 weeks: past 31 Dec 9999
    codes = [f.code for f in validate(plan) if f.severity == "error"]
    assert codes == ["dates-out-of-range"]
    assert not analyze(plan).ok
    fine = late_plan("9999-10-01", 2)  # 4 weeks pessimistic: 29 Oct 9999
    assert [f.code for f in validate(fine) if f.severity == "error"] == []
    result = analyze(fine)
    assert result.ok and result.schedule is not None
    assert fine.date_of(result.schedule.finish) is not None
    simulate(fine, 200, 1)


def test_dates_check_counts_risks_and_the_gated_schedule() -> None:
    data = json.loads(text_of(start_date="9999-11-01"))
    data["risks"] = [{"id": "r", "title": "R", "probability": 0.1, "impact": 5, "decisions": ["a"]}]
    plan = parse_plan(json.dumps(data))  # 2 + 4 + 5 weeks of risk = 11 weeks: past the end
    assert "dates-out-of-range" in [f.code for f in validate(plan)]
    data["risks"][0]["impact"] = 0
    assert "dates-out-of-range" not in [f.code for f in validate(parse_plan(json.dumps(data)))]


def test_long_cycle_is_one_short_finding() -> None:
    n = 2000
    data = json.loads(text_of())
    data["decisions"] = [{"id": f"d{i}", "title": f"D{i}", "stage": "s1"} for i in range(n)]
    data["dependencies"] = [{"from": f"d{i}", "to": f"d{(i + 1) % n}"} for i in range(n)]
    cycle = [f for f in validate(parse_plan(json.dumps(data))) if f.code == "cycle"]
    assert len(cycle) == 1
    assert len(cycle[0].message) < 3000
    assert "runs through 2000 decisions" in cycle[0].message
    assert len(cycle[0].decisions) == n  # the finding still names every decision in the loop


def test_target_and_horizon_past_the_calendar_are_check_errors() -> None:
    for field, value in (("horizon", 600_000), ("target", 600_000)):
        data = json.loads(text_of(start_date="2027-01-04"))
        data[field] = value
        plan = parse_plan(json.dumps(data))
        errors = [f for f in validate(plan) if f.severity == "error"]
        assert [f.code for f in errors] == ["dates-out-of-range"], field
        assert "the target or the horizon" in errors[0].message
    data = json.loads(text_of())
    data["target"] = 1e308
    assert load_error(json.dumps(data)).startswith("p.json: at target: Input should be less than or equal to")
