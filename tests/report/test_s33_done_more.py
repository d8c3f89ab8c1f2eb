"""'N more finished earlier' is said only when they did (H-report33).

A plan whose twenty decisions are done with no actual finish: each counts as finished at the status date, so the
progress page's table of the most recent twelve was followed by '8 more finished earlier (see the appendix)', a
false sentence (all twenty finished in the same week). It now says '8 more done'; a plan whose hidden rows did
finish earlier keeps 'finished earlier'."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.report.test_s21_cost_and_appendix import report_pages
from tests.unseen_plans import _base, _d


def _all_done(actual: bool) -> dict[str, Any]:
    ds = []
    for i in range(20):
        d = _d(i, duration=1, status="done", progress=100)
        if actual:
            d.update(actual_start=i, actual_finish=i + 1)
        ds.append(d)
    return _base("All done", start_date="2027-03-01", status_date="2027-09-01", decisions=ds)


def test_no_actual_finish_is_not_earlier(tmp_path: Path) -> None:
    text = " ".join(report_pages(_all_done(False), tmp_path / "r.pdf", ["progress"]))
    assert "finished earlier" not in text
    assert "8 more done (see the appendix)." in text


def test_actual_finishes_that_are_earlier_say_so(tmp_path: Path) -> None:
    text = " ".join(report_pages(_all_done(True), tmp_path / "r.pdf", ["progress"]))
    assert "8 more finished earlier (see the appendix)." in text
