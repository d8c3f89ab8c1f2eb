"""The sample plans are stored exactly as the app saves them, so a first save changes nothing and the samples
show how a plan under version control diffs (issue 9: a first save rewrote hundreds of lines)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.model import dump_plan, load_plan

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "sample_plans").glob("*.plan.json"))


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_sample_is_in_the_canonical_save_format(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text == dump_plan(load_plan(path)), (
        f"{path.name} is not in the saved format: regenerate it with "
        "`python -c \"from planner.model import load_plan, save_plan; p='...'; save_plan(load_plan(p), p)\"`"
    )


def test_there_are_samples() -> None:
    assert len(SAMPLES) >= 4


@pytest.mark.parametrize(
    ("where", "field", "expected"),
    [
        ((), "colour", None),  # a plan has no colour: no suggestion of an area's 'color'
        (("areas", 0), "colour", "color"),
        ((), "titel", "title"),
        (("decisions", 0), "ownr", "owner"),
        (("decisions", 0, "duration"), "likley", "likely"),
        (("stages", 0), "gate_criterai", "gate_criteria"),
    ],
)
def test_load_errors_suggest_fields_of_the_same_level(
    tmp_path: Path, where: tuple, field: str, expected: str | None
) -> None:
    import json

    from planner.model import PlanLoadError

    data = json.loads(SAMPLES[0].read_text(encoding="utf-8"))
    node = data
    for key in where:
        node = node[key]
    if where[-1:] == ("duration",) and not isinstance(node, dict):
        node = data["decisions"][0]["duration"] = {"optimistic": 1, "likely": 2, "pessimistic": 3}
    node[field] = 1
    path = tmp_path / "typo.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(PlanLoadError) as info:
        load_plan(path)
    text = str(info.value)
    assert f".{field}" in text or f"at {field}" in text
    if expected is None:
        assert "did you mean" not in text
    else:
        assert f"did you mean '{expected}'?" in text
