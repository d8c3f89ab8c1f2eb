"""Properties the standards name that no other test held (found by mutation testing, scripts/mutate.py):
removing a dependency never lengthens the plan, and a Monte Carlo run's percentiles are ordered (P10 <= P50 <=
P80 <= P90 <= P95, inside [shortest, longest] iteration) and identical for the same seed."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.analysis import schedule
from planner.analysis.montecarlo import simulate
from planner.model import plan_from_dict
from tests.analysis.test_properties import TOL, plan_dicts

SETTINGS = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


@SETTINGS
@given(data=plan_dicts(), extra=st.data())
def test_removing_a_dependency_never_makes_the_finish_later(
    data: dict[str, Any], extra: st.DataObject
) -> None:
    deps = data["dependencies"]
    if not deps:
        return
    before = schedule(plan_from_dict(data)).finish
    k = extra.draw(st.integers(0, len(deps) - 1))
    after = schedule(plan_from_dict({**data, "dependencies": deps[:k] + deps[k + 1 :]})).finish
    assert after <= before + TOL


@SETTINGS
@given(data=plan_dicts(max_decisions=8), seed=st.integers(0, 2**16))
def test_monte_carlo_percentiles_are_ordered_and_reproducible(data: dict[str, Any], seed: int) -> None:
    plan = plan_from_dict(data)
    r = simulate(plan, 200, seed=seed, chunk=64)
    p = r.percentiles()
    values = [p["p10"], p["p50"], p["p80"], p["p90"], p["p95"]]
    assert values == sorted(values)
    if r.iterations:
        assert float(r.finish.min()) - TOL <= values[0] and values[-1] <= float(r.finish.max()) + TOL
        assert r.percentile(50) == pytest.approx(float(np.median(r.finish)), abs=TOL)
    again = simulate(plan, 200, seed=seed, chunk=37)  # another chunking: the same draws, the same figures
    np.testing.assert_array_equal(again.finish, r.finish)
    assert again.percentiles() == p
