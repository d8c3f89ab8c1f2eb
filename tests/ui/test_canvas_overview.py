"""The view a plan opens with: readable, not a postage stamp of the whole graph."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.model import load_plan
from planner.ui.canvas import GraphCanvas
from planner.ui.canvas import style as S
from planner.ui.document import PlanDocument

pytestmark = pytest.mark.gui

SAMPLES = Path(__file__).resolve().parents[2] / "sample_plans"


@pytest.fixture
def wide() -> Iterator[GraphCanvas]:
    doc = PlanDocument(load_plan(SAMPLES / "fraud-detection.plan.json"))
    doc.analyze_now()
    canvas = GraphCanvas(doc)
    yield canvas
    canvas.close()
    canvas.deleteLater()
    doc.shutdown()


def test_a_wide_plan_opens_readable_at_its_start(qtbot, wide: GraphCanvas) -> None:  # type: ignore[no-untyped-def]
    qtbot.addWidget(wide)
    wide.resize(1200, 800)
    wide.show()
    qtbot.waitExposed(wide)
    wide.fit_to_view()
    assert wide.zoom < S.READABLE_ZOOM  # the whole fraud plan only fits at an unreadable size
    wide.overview()
    assert wide.zoom == pytest.approx(S.READABLE_ZOOM)
    visible = wide.mapToScene(wide.viewport().rect()).boundingRect()
    content = wide.graph_scene.content_rect()
    assert visible.left() <= content.left() < visible.right()  # the start of the plan is in sight


def test_focus_on_centres_the_selection_at_full_size(qtbot, wide: GraphCanvas) -> None:  # type: ignore[no-untyped-def]
    qtbot.addWidget(wide)
    wide.resize(1200, 800)
    wide.show()
    qtbot.waitExposed(wide)
    wide.overview()
    wide.document.select(["scoring-service"])
    qtbot.wait(10)
    wide.focus_on(["scoring-service"])
    assert wide.zoom == pytest.approx(1.0)
    card = next(i for i in wide.graph_scene.selectedItems())
    visible = wide.mapToScene(wide.viewport().rect()).boundingRect()
    assert visible.contains(card.sceneBoundingRect())
