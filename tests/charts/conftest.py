"""Fixtures for the chart tests (the plans themselves are in chart_plans.py)."""

from __future__ import annotations

import pytest

from planner.analysis import Analysis
from tests.charts.chart_plans import PLANS, make_analysis

_CACHE: dict[str, Analysis] = {}


@pytest.fixture(params=PLANS)
def any_analysis(request: pytest.FixtureRequest) -> Analysis:
    if request.param not in _CACHE:
        _CACHE[request.param] = make_analysis(request.param)
    return _CACHE[request.param]


@pytest.fixture
def analysis_of():
    def get(kind: str) -> Analysis:
        if kind not in _CACHE:
            _CACHE[kind] = make_analysis(kind)
        return _CACHE[kind]

    return get
