"""The report's (compact) stage timeline at its least height: nothing overlaps, nothing is off the figure and every
text is 7 pt or more (session 30b: its frame was tightened, 0.75 -> 0.46 in over the plot and 0.8 -> 0.56 in under
it, and its stages' two lines moved to +-0.25 rows, so that it follows a one-page Gantt on its page). With a
status date, the line's label on the plot met the first stage's 'wk 1-10' at that height (before as well): the
report's timeline names the line in its legend with its date, as the Gantt does."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from planner.analysis import analyze
from planner.charts.stage_timeline import draw_stage_timeline, min_height_in
from planner.model import plan_from_dict
from planner.model.plan import Weeks
from tests.charts.test_s20_stage_timeline import _overlaps, _small_texts
from tests.charts.test_unseen_charts import _texts_off_the_figure
from tests.report.s20_plans import PLANS


@pytest.mark.parametrize("status", [False, True], ids=["no status date", "status date"])
@pytest.mark.parametrize("plan", ["one", "twelve-stages", "two-no-links", "all-done", "no-start-date"])
@pytest.mark.parametrize("width", [10.28, 6.85])
def test_the_compact_timeline_at_its_least_height_reads(plan: str, width: float, status: bool) -> None:
    p = plan_from_dict(PLANS[plan](), plan)
    if status:
        p = p.model_copy(update={"status_date": Weeks(1.0)})
    a = analyze(p)
    fig = Figure(figsize=(width, min_height_in(a, width, compact=True)))
    draw_stage_timeline(fig, a, compact=True)
    assert _overlaps(fig) == []
    assert _texts_off_the_figure(fig) == []
    assert _small_texts(fig) == []
    if status:  # its line has no label on the plot: the legend names it with its date
        from planner.charts import status as progress

        wk = progress.status_week(a)
        assert wk is not None
        named = [t.get_text() for t in fig.legends[0].get_texts()]
        assert progress.status_legend(p, wk) in named
