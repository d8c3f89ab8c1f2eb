"""A board report never leaves one line of a paragraph alone at a page's top or foot (H-report29).

In a 1,000-decision report with a simulation, team capacity's levelling paragraph split three lines and one: 'and
Harden model CI/CD #85: each needs more people than its team has...' stood alone at the top of a page, above the
load chart. ReportLab allows a paragraph's last line alone at a page's top unless its style says otherwise; the
report's styles (planner.report.style.paragraph_styles, all from one base) now say so."""

from __future__ import annotations

from typing import Any

import pytest
from reportlab.platypus import Paragraph
from reportlab.platypus.frames import Frame

from planner.report.style import paragraph_styles

WORDS = (
    "Levelling the schedule delays the work with the most float first, until no team is over capacity; "
    "each decision that cannot be fixed needs more people than its team has, whatever the schedule. "
) * 3


def _lines(p: Paragraph, width: float) -> int:
    p.wrap(width, 1e6)
    return len(p.blPara.lines)


@pytest.mark.parametrize("name", sorted(paragraph_styles()))
def test_a_split_leaves_no_line_alone(name: str) -> None:
    style = paragraph_styles()[name]
    width = 200.0
    whole = Paragraph(WORDS, style)
    n = _lines(whole, width)
    assert n >= 4, n
    # room for all lines but the last: ReportLab's default split leaves that one alone on the next page
    room = (n - 1) * style.leading + 0.5
    parts = Paragraph(WORDS, style).split(width, room)
    counts = [_lines(p, width) for p in parts]
    assert sum(counts) == n or not parts, counts
    assert all(c >= 2 for c in counts), counts
    # and with room for its first line only, it does not leave that one alone at the foot
    assert Paragraph(WORDS, style).split(width, style.leading + 0.5) == []


def test_the_big_simulated_report_splits_no_paragraph_to_one_line(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from benchmarks._plans import random_plan
    from planner.analysis import analyze
    from planner.analysis.montecarlo import simulate
    from planner.report import build_report

    splits: list[tuple[int, int, str]] = []
    split = Frame.split

    def recorded(self: Frame, flowable: Any, canv: Any) -> list[Any]:
        parts: list[Any] = split(self, flowable, canv)
        if isinstance(flowable, Paragraph) and len(parts) == 2:
            a, b = (_lines(p, self._aW) for p in parts)
            splits.append((a, b, flowable.getPlainText()[:80]))
        return parts

    monkeypatch.setattr(Frame, "split", recorded)
    plan = random_plan(1000)
    build_report(analyze(plan), tmp_path / "r.pdf", simulation=simulate(plan, 200, seed=0))
    assert splits  # paragraphs do split across pages in this report
    alone = [s for s in splits if 1 in s[:2]]
    assert not alone, alone
