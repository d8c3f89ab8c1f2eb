"""The critical path's chain of chips in the report (H-report23): a path of 8 or more decisions was left to the
table on A4 landscape (the chart was drawn only when the whole chain fitted in half a page: one row of 4 chips).
The chain now wraps onto rows that flow over pages like a table's rows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.model import plan_from_dict
from tests.report.report_helpers import make_report
from tests.unseen_plans import chain


def _chips(page: str) -> list[int]:
    """The decisions drawn as chips on a page: a title line over its 'N wk · wk a–b' line."""
    return [int(x) for x in re.findall(r"Decision d(\d{4})\n[\d.]+ wk \u00b7 wk", page)]


@pytest.mark.parametrize("n", [8, 30])
def test_a_path_of_eight_or_more_decisions_is_drawn_as_a_chain(tmp_path: Path, n: int) -> None:
    plan = plan_from_dict(chain(n), "<chain>")  # d0000 -> ... every one critical
    r = make_report(analyze(plan), tmp_path / "r.pdf", sections=["critical-path"])
    assert "do not fit" not in r.flat
    charts = [p for p in r.pages if "Critical path \u2014 One long chain" in p]
    assert charts, "the chain is drawn"
    # Every step is on a chip, once, in order over the figures (A4 landscape: 4 chips a row).
    chips = [_chips(p) for p in charts]
    assert [k for ks in chips for k in ks] == list(range(n))
    if n == 8:  # two rows of four fit under the section's words: one figure, no "steps k-m"
        assert len(charts) == 1 and "steps " not in charts[0]
    else:  # 30 steps: the figures say which steps they hold, the first under the words on page 1
        assert "The critical path is the longest chain" in charts[0]
        spans = [re.search(r"steps (\d+)\u2013(\d+) of 30", p) for p in charts]
        got = [(int(m.group(1)), int(m.group(2))) for m in spans if m]
        assert got[0][0] == 1 and got[-1][1] == 30 and len(got) == len(charts)
        assert all(a[1] + 1 == b[0] for a, b in zip(got, got[1:], strict=False))


def test_a_path_longer_than_the_pages_allow_is_left_to_the_table(tmp_path: Path) -> None:
    from planner.report.sections.details import CHAIN_PAGES

    plan = plan_from_dict(chain(60), "<chain>")  # 60 chips: 4 pages of 16 on A4 landscape
    r = make_report(analyze(plan), tmp_path / "r.pdf", sections=["critical-path"])
    assert f"do not fit on {CHAIN_PAGES} pages as a chain" in r.flat
    assert "Critical path \u2014 One long chain" not in r.flat
