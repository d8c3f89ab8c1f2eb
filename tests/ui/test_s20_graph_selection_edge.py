"""Switching to the Graph with a decision selected at the plan's edge (the first one, picked in the table) centred
its card on the screen: the left 40 % of the graph showed the empty margin of the scene beyond the plan (1366x768:
380 of 1,480 scene units). The view now stops at the plan's edge and still shows the card."""

from __future__ import annotations

from typing import Any

from tests.ui.s18_screens_support import opened_sample, settle

SIZE = (1366, 768)
MARGIN = 20  # what fit and overview leave around the plan, in scene units


def _seen(canvas: Any) -> Any:
    return canvas.mapToScene(canvas.viewport().rect()).boundingRect()


def test_the_first_decision_is_shown_with_the_plan_beside_it(qapp, qtbot, isolated_settings, sample_path):
    with opened_sample(qtbot, sample_path, SIZE) as w:
        first = w.doc.plan.decisions[0].id
        w.doc.select([first])
        settle()
        w.show_view("Graph")
        qtbot.wait(50)
        settle()
        canvas: Any = w.canvas
        plan = canvas.graph_scene.content_rect()
        seen = _seen(canvas)
        assert plan.width() > seen.width()  # the plan is wider than the view: no blank beyond its left edge
        assert seen.left() >= plan.left() - MARGIN - 1, (seen, plan)
        card = canvas.graph_scene.cards[first].sceneBoundingRect()
        assert seen.contains(card), (seen, card)


def test_a_decision_in_the_middle_is_still_centred_across(qapp, qtbot, isolated_settings, sample_path):
    with opened_sample(qtbot, sample_path, SIZE) as w:
        canvas: Any = w.canvas
        w.show_view("Graph")
        settle()
        plan = canvas.graph_scene.content_rect()
        middle = min(
            canvas.graph_scene.cards.values(),
            key=lambda c: (c.sceneBoundingRect().center() - plan.center()).manhattanLength(),
        )
        w.show_view("Table")
        w.doc.select([middle.decision_id])
        settle()
        w.show_view("Graph")
        qtbot.wait(50)
        settle()
        seen = _seen(canvas)
        centre = middle.sceneBoundingRect().center()
        assert abs(seen.center().x() - centre.x()) < 2  # far from the left and right edges: centred across
        assert seen.contains(middle.sceneBoundingRect())
        # near the top (the plan is taller than the view): it stops at the plan's top instead of the scene's
        assert seen.top() >= plan.top() - MARGIN - 1, (seen, plan)
