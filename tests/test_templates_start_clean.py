"""A plan started from a template (`planner new`) checks clean: no error and no warning under any estimate (notes,
such as the blank template's empty stages, are fine). The ai-scaling template started with an over-capacity warning
(ML engineering: 4 people, 5 needed in weeks 4.5-5), the first thing a consultant saw in a new plan."""

from __future__ import annotations

import pytest

from planner.analysis import analyze
from planner.templates import load_template, template_names


@pytest.mark.parametrize("name", template_names())
@pytest.mark.parametrize("estimate", ["likely", "optimistic", "pessimistic", "pert"])
def test_a_new_plan_from_a_template_has_no_error_or_warning(name: str, estimate: str) -> None:
    result = analyze(load_template(name), estimate)
    loud = [f"{f.severity} {f.code}: {f.message}" for f in result.all_findings if str(f.severity) != "info"]
    assert loud == [], loud
