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
        "`python -c \"from planner.model import load_plan, save_plan; p='...'; save_plan(load_plan(p), p)\"`")


def test_there_are_samples() -> None:
    assert len(SAMPLES) >= 4
