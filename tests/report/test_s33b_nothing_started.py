"""A plan with a status date and nothing started: the progress section says none of the work is done (H-report33b).

It said '0 of 8 decisions are done and 0 in progress: 0% of the planned work (less than a day of 16 weeks)', as if
a few hours had been done; nothing was."""

from __future__ import annotations

from pathlib import Path

from tests.report.test_s21_cost_and_appendix import report_pages
from tests.unseen_plans import _base, _d


def test_nothing_started_is_none_of_the_work(tmp_path: Path) -> None:
    ds = [_d(i, "validate", 2) for i in range(8)]
    deps = [{"from": f"d{i:04d}", "to": f"d{i + 1:04d}"} for i in range(7)]
    data = _base(
        "Nothing started", start_date="2027-03-01", decisions=ds, dependencies=deps, status_date="2027-05-03"
    )
    text = " ".join(report_pages(data, tmp_path / "r.pdf", ["progress"]))
    assert (
        "0 of 8 decisions are done and 0 in progress: 0% of the planned work (none of 16 weeks)." in text
    ), text
    assert "less than a day" not in text
