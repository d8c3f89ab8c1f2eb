"""The roadmap on a portrait page keeps its stages' and lanes' names whole in their column (H-report33b).

A small plan's roadmap takes its page drawn narrower and enlarged (up to 1.4 times): its label column, a fifth of
the narrower width, cut 'Architecture' to 'Architectu…' and left '3' alone in the column with 'Operationalize'
moved into the stage's row, over the status line. A stage's number and name may now take a quarter of the width."""

from __future__ import annotations

from pathlib import Path

from tests.report.test_s21_cost_and_appendix import report_pages
from tests.unseen_plans import _base, _d


def test_names_whole_on_a_portrait_roadmap(tmp_path: Path) -> None:
    stages = ["validate", "integrate", "operationalize", "scale"]
    ds = [_d(i, stages[i % 4], 2) for i in range(8)]
    deps = [{"from": f"d{i:04d}", "to": f"d{i + 1:04d}"} for i in range(7)]
    data = _base("Status date, nothing started", start_date="2027-03-01", decisions=ds, dependencies=deps)
    data["status_date"] = "2027-05-03"
    text = " ".join(report_pages(data, tmp_path / "r.pdf", ["roadmap"], "portrait"))
    assert "3 · Operationalize" in text, text
    assert "Architecture" in text and "Architectu…" not in text, text
