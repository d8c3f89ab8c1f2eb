"""Presenting a plan whose stage has no decisions yet: that stage's step shows its own band, at the zoom the other
stage steps use, and the band says which stage it is. Before, the step fell back to the whole plan: a small plan's
four bands zoomed out until its cards were drawn as unreadable area summaries, with nothing marking the stage."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner.model.io import save_plan
from planner.model.plan import Decision, new_plan
from tests.ui.s18_screens_support import settle


def _key(qtbot, window, key: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, key)
    settle()


def _present(window, qtbot, plan, path: Path, width: int, height: int):
    """``plan`` saved to ``path``, opened in ``window`` at ``width`` x ``height`` on the Graph, presenting."""
    save_plan(plan, path)
    assert window.open_file(path)
    window.doc.wait_for_analysis()
    window.show_view("Graph")
    qtbot.waitUntil(lambda: window.canvas.isVisible())
    window.resize(width, height)
    settle()
    p = window.presentation
    p.enter(full_screen=False)
    settle()
    window.doc.wait_for_analysis()
    settle()
    window.canvas.setFocus()
    return window, p


def test_an_empty_stage_step_shows_its_band_at_the_step_zoom(window, qtbot, tmp_path: Path) -> None:
    plan = new_plan("One decision")
    plan.decisions.append(Decision(id="only", title="The only decision", stage=plan.stages[0].id, duration=2))
    w, p = _present(window, qtbot, plan, tmp_path / "one.plan.json", 1280, 720)
    canvas = w.canvas
    scene = canvas.graph_scene
    _key(qtbot, w, Qt.Key.Key_PageDown)
    assert p.current_step.title.endswith(plan.stages[0].name)
    first_zoom = canvas.zoom
    _key(qtbot, w, Qt.Key.Key_PageDown)
    step = p.current_step
    assert step.kind == "stage" and step.title.endswith(plan.stages[1].name) and not step.spotlight
    shown = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    band = next(
        b for c, b in zip(scene.layout.columns, scene.bands, strict=True) if c.stage_id == plan.stages[1].id
    )
    assert shown.contains(band.sceneBoundingRect().center())
    assert band.title.text() == plan.stages[1].name
    # the step zoom, not the overview's: the band is as readable as the stage with the decision was
    assert abs(canvas.zoom - first_zoom) < 1e-6, (canvas.zoom, first_zoom)
    others = [
        b for c, b in zip(scene.layout.columns, scene.bands, strict=True) if c.stage_id != plan.stages[1].id
    ]
    assert not any(shown.contains(b.sceneBoundingRect()) for b in others)
    p.leave()


def test_a_stage_name_with_a_long_word_or_markup_is_shown_whole_as_typed(
    window, qtbot, tmp_path: Path
) -> None:
    """The step title took a stage name as rich text ('<b>Integrate</b>' in bold, the tags gone) and never broke a
    60-letter word: it ran past the panel's right edge, cut (H-screens28, 800x600)."""
    plan = new_plan("Long words")
    plan.stages[0].name = (
        "<b>Integrate</b> " + "end-to-end-integration-with-the-claims-workflow-and-its-ledger"
    )
    plan.decisions.append(Decision(id="a", title="A", stage=plan.stages[0].id, duration=1))
    w, p = _present(window, qtbot, plan, tmp_path / "long.plan.json", 800, 600)
    _key(qtbot, w, Qt.Key.Key_PageDown)
    title = p.step_panel.title
    assert title.text().replace("\u200b", "") == p.current_step.title
    assert title.textFormat() == Qt.TextFormat.PlainText
    assert title.minimumSizeHint().width() <= title.width(), (title.minimumSizeHint().width(), title.width())
    p.leave()
