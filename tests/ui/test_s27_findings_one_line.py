"""The Findings panel shows each finding on one line, as the command line prints it (session 27): a finding names
decisions by their titles as the file holds them, so a title with a line break split its row, and one with a
right-to-left override (U+202E, the "Trojan Source" trick) turned the rest of the row around. The rows, their
tooltips and the presenter bar's first error write the title's control characters as escapes (units.one_line)."""

from __future__ import annotations

from typing import Any

from planner.model import Plan
from planner.ui.presentation.mode import _errors_html

TITLE = "Evil\u202eliveS\nnext"


def test_finding_rows_are_one_line(window: Any, qtbot: Any) -> None:
    plan = Plan.model_validate(
        {
            "schema_version": 1,
            "title": "Controls",
            "start_date": "2027-01-04",
            "stages": [{"id": "v", "name": "V"}],
            "decisions": [
                {"id": "a", "title": TITLE, "stage": "v", "duration": 2},
                {"id": "b", "title": "B", "stage": "v", "duration": 2},
            ],
        }
    )
    window.doc.set_plan(plan)
    window.doc.wait_for_analysis()
    panel = window.findings
    qtbot.waitUntil(lambda: panel.topLevelItemCount() > 0)
    rows = [
        panel.topLevelItem(i).child(k).text(0)
        for i in range(panel.topLevelItemCount())
        for k in range(panel.topLevelItem(i).childCount())
    ]
    named = [r for r in rows if "Evil" in r]
    assert named, rows
    for r in named:
        assert r.isprintable(), repr(r)
        assert "'Evil\\u202eliveS\\x0anext' (a)" in r, r


def test_the_presenter_bars_error_is_one_line() -> None:
    class _Finding:
        message = f"'{TITLE}' (a) depends on itself."

    class _Analysis:
        errors = [_Finding()]

    text = _errors_html(_Analysis())
    assert "\n" not in text and "\u202e" not in text, text
