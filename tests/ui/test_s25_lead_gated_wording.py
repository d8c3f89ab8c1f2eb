"""The gated finish is said one way in the status bar and the presenter bar: 'week 37.5 (19 Nov 2027) (+2 wks)'.
The presenter bar wrote its own '+2 wks' without brackets (ui.views.format.gated now words both)."""

from __future__ import annotations

import html
import json
import re

from planner.ui.views import format as fmt


def _plan() -> dict:
    # b (Validate) waits for a (Integrate): sequenced into Integrate, the strict gates cost 2 weeks
    return {
        "schema_version": 1,
        "title": "Gates",
        "start_date": "2027-01-04",
        "stages": [{"id": "v", "name": "Validate"}, {"id": "i", "name": "Integrate"}],
        "decisions": [
            {"id": "a", "title": "A", "stage": "i", "duration": 3},
            {"id": "b", "title": "B", "stage": "v", "duration": 2},
            {"id": "c", "title": "C", "stage": "v", "duration": 4},
            {"id": "d", "title": "D", "stage": "i", "duration": 1},
        ],
        "dependencies": [{"from": "a", "to": "b"}, {"from": "c", "to": "d"}],
    }


def test_both_bars_say_the_gated_finish_and_its_price_alike(window, qtbot, tmp_path):
    path = tmp_path / "gates.plan.json"
    path.write_text(json.dumps(_plan()), encoding="utf-8")
    assert window.open_file(path)
    window.doc.wait_for_analysis()
    a = window.doc.analysis
    assert a.stages.gating_price > 0
    said = fmt.gated(window.doc.plan, a.stages.gated_finish, a.stages.gating_price)
    assert re.fullmatch(r"week [\d.]+ \(\d+ \w+ 2027\) \(\+[\d.]+ wks?\)", said), said
    assert window.status.gated.text() == f"Gated: {said}"
    window.show_view("Graph")
    p = window.presentation
    p.enter()
    try:
        shown = html.unescape(re.sub(r"<[^>]+>", "", p.bar.gated.text()))
        assert shown == f"Gated {said}"
    finally:
        p.leave()
