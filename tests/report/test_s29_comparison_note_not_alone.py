"""The scenario comparison's note never stands alone on a page (H-report29).

Twelve stages and three scenarios: the comparison table's rest filled the page after its first (a page at its top
does not split: SplitTable._end_cut), the note under it went to the next page alone, 7 % used, and the first
scenario's Gantt of two pages started the page after. The table's last rows now go on with the note when the
first delta Gantt takes pages of its own (comparison.build_comparison, builder._keep_end_together), also from a
page's top."""

from __future__ import annotations

from typing import Any

from pypdf import PdfReader

from planner.analysis import analyze
from planner.analysis.compare import compare_scenarios
from planner.model import plan_from_dict
from planner.model.scenarios import BASE
from planner.report import build_report
from tests.report.s20_plans import _base

NOTE = "Weeks from the plan start; the bold figure"


def _twelve_stages_three_scenarios() -> dict[str, Any]:
    d = _base("Twelve stages", 24)
    d["stages"] = [
        {"id": f"s{k}", "name": f"Stage {k + 1} of twelve", "gate_criteria": [{"text": "Done", "met": False}]}
        for k in range(12)
    ]
    for i, x in enumerate(d["decisions"]):
        x["stage"] = f"s{i // 2}"
    d["scenarios"] = [
        {
            "name": f"Option {k}",
            "decisions": {f"d{3 * k:03d}": {"duration": {"optimistic": 1, "likely": 5, "pessimistic": 9}}},
        }
        for k in range(3)
    ]
    return d


def test_the_note_keeps_the_table_s_last_rows(tmp_path: Any) -> None:
    plan = plan_from_dict(_twelve_stages_three_scenarios(), "<s29>")
    analysis = analyze(plan)
    analysis.comparison = compare_scenarios(plan, [BASE, *(s.name for s in plan.scenarios)], 200, 0)
    out = tmp_path / "r.pdf"
    build_report(analysis, out, sections=["comparison"])
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(out).pages]
    at = [k for k, t in enumerate(pages) if NOTE in t]
    assert len(at) == 1
    page = pages[at[0]]
    before = page[: page.index(NOTE)]
    rows = [f"Stage {k} of twelve gate" for k in range(1, 13) if f"Stage {k} of twelve gate" in before]
    assert len(rows) >= 3, page[:600]  # the table's last rows over the note
    assert "Peak load: Platform" in before
    assert any("Option 0" in t and "against" in t for t in pages[at[0] + 1 :])  # its Gantt follows


def test_a_table_at_a_page_top_keeps_its_end_with_what_follows() -> None:
    """The rule the note relies on, and the report's last page with it (a sample's appendix ended on a page of two
    rows, 11 % used): a table that fits the page it starts, with what follows it not, splits there so that its
    last ``keep_end`` rows go on with it."""
    from planner.report.context import SplitTable

    rows = [["Decision", "Weeks"], *([f"Decision number {i}", "2"] for i in range(30))]
    table = SplitTable(rows, repeatRows=1)
    _, h = table.wrap(400, 1e6)
    page = h + 20  # the whole table fits this page; the 60 points after it do not
    table.keep_end, table.after, table.end_page = 10, 60.0, page
    parts = table.split(400, page)
    assert len(parts) == 2, "the table stayed whole, what follows it alone on the next page"
    rest = parts[1]
    assert len(rest._cellvalues) - 1 >= 10  # its last ten rows under the header on the next page
