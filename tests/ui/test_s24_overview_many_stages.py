"""The zoomed-out overview of a plan with 12 stages (H-ui24 walk: presentation Home at 1280x720). Every stage column
was at least 120 px wide, so 12 of them (1,440 px) ran off a 1,280 px view: the 12th stage was not drawn at all
and the 11th was cut, with no way to scroll to them (the overview is painted on the view). Columns now share the
view when it has less than 120 px for each: every stage in sight, its name elided where it must be."""

from __future__ import annotations

import pytest

from planner.model import Plan
from planner.ui.canvas import style as S
from planner.ui.state.document import PlanDocument
from tests.ui.test_canvas_overview import _assert_legible, _fitted


def _twelve_stages() -> Plan:
    stages = [{"id": f"s{i}", "name": f"Stage {i + 1}"} for i in range(12)]
    decisions = [
        {"id": f"d{i}", "title": f"Decision {i}", "stage": f"s{i // 3}", "duration": 1 + i % 4}
        for i in range(36)
    ]
    links = [{"from": f"d{i - 1}", "to": f"d{i}"} for i in range(1, 36)]
    return Plan.model_validate(
        {
            "schema_version": 1,
            "title": "Twelve",
            "stages": stages,
            "decisions": decisions,
            "dependencies": links,
        }
    )


@pytest.mark.parametrize("size", [(1280, 620), (800, 460)])
def test_every_stage_of_a_long_plan_is_in_the_overview(qtbot, size) -> None:
    doc = PlanDocument(_twelve_stages())
    doc.analyze_now()
    canvas = _fitted(qtbot, doc, *size)
    try:
        assert canvas.zoom < S.DETAIL_ZOOM
        summary = canvas._summary
        assert summary is not None and len(summary.columns) == 12
        headers = [(r, t) for r, t in canvas.overview_texts if t.startswith("Stage") or "…" in t]
        view = canvas.viewport().rect()
        assert len(headers) >= 12  # one per stage, the 12th too
        _assert_legible(canvas)  # every text inside the view, none over another
        assert all(block.right() <= view.right() for block in summary.blocks.values())
        assert {c for c, _ in summary.blocks} == set(range(12))  # a block in every stage's column
        if size[0] == 1280:  # the 12 headers, left to right ('Stage 1 …' where elided)
            lefts = [r.left() for r, t in headers if t.startswith("Stage")]
            assert len(lefts) == 12 and lefts == sorted(lefts)
    finally:
        canvas.close()
        doc.shutdown()
