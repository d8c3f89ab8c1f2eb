"""A sensitivity is written by one rule (units.correlation) in `planner simulate` and on the tornado chart: the
command line turned '-0.00' into '+0.00' and the chart wrote '-0.00' (H-report25 saw the two rules)."""

from __future__ import annotations

from typing import Any

from matplotlib.figure import Figure
from matplotlib.text import Text

from planner import units


def test_the_rule() -> None:
    assert [units.correlation(c) for c in (0.534, -0.1249, -0.004, 0.0, 1.0, -1.0)] == [
        "+0.53",
        "-0.12",
        "+0.00",
        "+0.00",
        "+1.00",
        "-1.00",
    ]


def test_the_tornado_chart_writes_it(monkeypatch: Any) -> None:
    from planner.analysis import analyze
    from planner.analysis.montecarlo import simulate
    from planner.charts import risk
    from tests.conftest import build_plan

    plan = build_plan(
        [
            {"id": "a", "duration": {"optimistic": 1, "likely": 2, "pessimistic": 6}},
            {"id": "b", "duration": {"optimistic": 1, "likely": 1, "pessimistic": 1.2}},
        ],
        [("a", "b")],
    )
    result = simulate(plan, iterations=400, seed=1)
    said = {did: units.correlation(c) for did, c in result.sensitivity()}
    fig = Figure(figsize=(8, 4))
    risk.draw_tornado(fig, analyze(plan), result=result)
    import re

    figures = [
        w for w in (t.get_text().strip() for t in fig.findobj(Text)) if re.fullmatch(r"[+-]\d\.\d\d", w)
    ]
    assert figures and set(figures) <= set(said.values()), (said, figures)  # the bars drawn, by the one rule
