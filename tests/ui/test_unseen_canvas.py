"""The graph canvas on unusual but valid plans (H-unseen): long stage names stay inside their column."""

from __future__ import annotations

from planner.model import plan_from_dict
from planner.ui.canvas import GraphCanvas
from planner.ui.state.document import PlanDocument
from tests.unseen_plans import shape


def test_long_stage_names_are_elided_to_their_band_with_the_whole_name_as_tooltip(qtbot) -> None:
    # 'Validate Validate ...' (twelve times) ran across the next stage's header in the Graph tab.
    plan = plan_from_dict(shape("long-text"), "<long>")
    doc = PlanDocument(plan)
    doc.analyze_now()
    canvas = GraphCanvas(doc)
    qtbot.addWidget(canvas)
    bands = canvas.graph_scene.bands
    assert len(bands) == len(plan.stages)
    for band, stage in zip(bands, plan.stages, strict=False):
        title = band.title.text()
        assert title.endswith("\u2026") and stage.name.startswith(title[:-1].rstrip())
        assert band.title.mapRectToScene(band.title.boundingRect()).right() <= band.rect().right()
        assert band.subtitle.mapRectToScene(band.subtitle.boundingRect()).right() <= band.rect().right()
        assert stage.name in band.toolTip()
