"""The scenario comparison of eight scenarios ends without a page of last rows alone (H-report28b).

Its tables took three (three, four and one scenario beside the reference): the last one's three last rows and the
note stood alone on a page, 30 % used, and the first delta Gantt started the next page, 10 pt too tall for the
rest. The scenarios now share as few tables as four columns allow, evenly (comparison._chunks), and a delta Gantt
of one page has no title of its own (its sub-heading names it) and may draw its rows at 7 pt to follow the note
on its page (comparison._delta_gantt)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from planner.analysis import analyze
from planner.analysis.compare import compare_scenarios
from planner.analysis.montecarlo import simulate
from planner.model import plan_from_dict
from planner.model.scenarios import BASE
from planner.report import build_report
from planner.report.sections import default_section_names
from planner.report.sections.comparison import MAX_COLUMNS, _chunks
from tests.report.s20_plans import _base

_TF = re.compile(rb"/(\S+) ([0-9.]+) Tf")
VERBS = ["hire", "buy", "delay", "cut", "shift", "merge", "split", "pause"]


def _eight() -> dict[str, Any]:
    d = _base("Eight scenarios", 10)
    d["scenarios"] = [
        {
            "name": f"Scenario {k}: {verb} the work of the data team",
            "decisions": {f"d00{k}": {"duration": {"optimistic": 1, "likely": 1 + k, "pessimistic": 3 + k}}},
        }
        for k, verb in enumerate(VERBS)
    ]
    return d


@pytest.mark.parametrize(("n", "sizes"), [(1, [1]), (4, [4]), (5, [3, 2]), (8, [4, 4]), (9, [3, 3, 3])])
def test_scenarios_share_the_fewest_tables_evenly(n: int, sizes: list[int]) -> None:
    items: list[Any] = list(range(n))
    chunks = _chunks(items)
    assert [len(c) for c in chunks] == sizes
    assert [x for c in chunks for x in c] == items and max(sizes) <= MAX_COLUMNS


def _two() -> dict[str, Any]:
    d = _base("Two scenarios", 10)
    d["scenarios"] = [
        {
            "name": "Faster platform",
            "decisions": {"d002": {"duration": {"optimistic": 1, "likely": 1, "pessimistic": 2}}},
        },
        {
            "name": "Slower approval",
            "decisions": {"d005": {"duration": {"optimistic": 3, "likely": 6, "pessimistic": 9}}},
        },
    ]
    return d


@pytest.mark.parametrize(
    ("plan_dict", "first"),
    [(_eight, "Scenario 0: hire the work of the data team"), (_two, "Faster platform")],
)
def test_the_note_shares_its_page_with_the_first_delta_gantt(
    tmp_path: Path, plan_dict: Any, first: str
) -> None:
    plan = plan_from_dict(plan_dict(), "<s28b>")
    names = [BASE, *(s.name for s in plan.scenarios)]
    analysis = analyze(plan)
    analysis.comparison = compare_scenarios(plan, names, 300, 0)
    out = tmp_path / "r.pdf"
    build_report(
        analysis,
        out,
        sections=[*default_section_names(), "comparison"],
        simulation=simulate(plan, 300, seed=0),
    )
    reader = PdfReader(out)
    pages = [" ".join((p.extract_text() or "").split()) for p in reader.pages]
    note = [k for k, text in enumerate(pages) if "Weeks from the plan start; the bold figure" in text]
    assert len(note) == 1
    page = pages[note[0]]
    # the table's last rows over the note, and the first scenario's Gantt under it, on one page
    assert "Peak load: Platform" in page
    assert f"\u201c{first}\u201d against \u201cBase\u201d" in page, page[-400:]
    assert "Rolling timeline" in page  # its chart (no title of its own: the sub-heading names it)
    assert "Decision number 9 of the plan" in page  # its last row drawn on this page
    sizes = [float(m.group(2)) for m in _TF.finditer(reader.pages[note[0]].get_contents().get_data())]
    assert sizes and min(sizes) >= 7.0 - 1e-6  # its rows at 7 pt at the least
    tables = sum(text.count("Finish (rolling)") for text in pages)
    assert tables == (2 if len(names) > 5 else 1)  # eight scenarios: four beside the reference in each table
