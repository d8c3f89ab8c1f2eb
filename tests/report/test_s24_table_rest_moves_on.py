"""The rest of a split table goes to the next page (H-report24). A SplitTable moves its split up so that the next
page starts with three rows; but the rest, a table of its own, did not know the page it was to go to whole, and
went on under the first part where one more row fitted: a header over one row at the page's foot, and the last
two rows alone on the next page ('The biggest items' of a cost section of twelve long-named stages, A4 portrait).

Hand-checked: six rows of 1 and room for the header and five: the split moves up to three and three; the rest
(a header and three rows) asked again in the room left (two rows) goes whole to the next page."""

from __future__ import annotations

from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.report.context import ReportContext
from planner.report.style import page_geometry
from tests.report.s20_plans import _base


def test_the_rest_of_a_split_table_is_not_split_again_on_the_same_page() -> None:
    g = page_geometry("a4", "portrait")
    ctx = ReportContext(analysis=analyze(plan_from_dict(_base("Table", 2))), geometry=g, wide=g)
    t = ctx.table(["Decision", "Weeks"], [[f"Decision {k}", f"{k}"] for k in range(6)], [3, 1], right=(1,))
    t.wrap(g.frame_width, g.frame_height)
    heights = t._rowHeights
    room = sum(heights[:6]) + 0.5  # the header and five rows
    first, rest = t.split(g.frame_width, room)
    assert (len(first._cellvalues) - 1, len(rest._cellvalues) - 1) == (3, 3)
    left = room - sum(heights[:4])  # what the first part leaves on the page: two rows' room
    rest.wrap(g.frame_width, left)
    assert rest.split(g.frame_width, left) == []  # all of it on the next page
