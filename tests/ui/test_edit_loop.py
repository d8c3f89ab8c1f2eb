"""The GUI edit loop (issue 12): after an edit every view shows what a full analysis gives, and the graph scene
stays cheap to paint (its item index is usable after a bulk build)."""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRectF

from planner.model import Plan, duration_triple
from planner.ui.canvas import GraphCanvas
from planner.ui.canvas import items as items_mod
from planner.ui.canvas import scene as scene_mod
from planner.ui.state.document import PlanDocument
from planner.ui.views.inspector import DecisionInspector
from planner.ui.views.models import DecisionTableModel
from planner.ui.views.panels import FindingsPanel, PlanStatusBar

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks._plans import random_plan

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("progressive", [False, True])
def test_scene_index_spans_the_plan_after_a_bulk_build(qtbot, monkeypatch, progressive: bool) -> None:
    """A lookup of a small rect (what each repaint does) tests only the items near it: after the bulk sync and
    after a progressive build the BSP index covers the scene rect (Qt does not tell a new index the rect)."""
    calls = [0]
    plain = items_mod.CardItem.boundingRect

    def counted(self: items_mod.CardItem) -> QRectF:
        calls[0] += 1
        return plain(self)

    monkeypatch.setattr(items_mod.CardItem, "boundingRect", counted)
    monkeypatch.setattr(scene_mod, "PROGRESSIVE", 300 if progressive else 10**9)
    doc = PlanDocument(random_plan(800, seed=4))
    doc.analyze_now()
    canvas = GraphCanvas(doc)
    qtbot.addWidget(canvas)
    canvas.resize(800, 600)
    canvas.show()
    qtbot.waitExposed(canvas)
    scene = canvas.graph_scene
    qtbot.waitUntil(lambda: not scene.building, timeout=60_000)
    assert len(scene.cards) == 800
    card = scene.cards[doc.plan.decisions[400].id]
    where = card.sceneBoundingRect()
    scene.items(where)  # (the index is brought up to date lazily, at the first lookup)
    calls[0] = 0
    found = scene.items(QRectF(where.center(), where.center()).adjusted(-2, -2, 2, 2))
    assert card in found
    assert calls[0] < 100, f"{calls[0]} cards tested for a 4-pixel lookup: the index is not used"
    doc.shutdown()


def _table(model: Any) -> list[list[Any]]:
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())
    ]


def _findings(panel: FindingsPanel) -> list[tuple[str, list[tuple[str, str]]]]:
    out = []
    for i in range(panel.topLevelItemCount()):
        top = panel.topLevelItem(i)
        assert top is not None
        rows = []
        for k in range(top.childCount()):
            child = top.child(k)
            assert child is not None
            rows.append((child.text(0), child.text(1)))
        out.append((top.text(0), rows))
    return out


def _status(bar: PlanStatusBar) -> list[str]:
    return [bar.finish.text(), bar.gated.text(), bar.critical.text(), bar.problems.text()]


def _inspector(form: DecisionInspector) -> list[str]:
    return [form.start_text.text(), form.float_text.text(), form.critical_text.text(), form.chain_text.text()]


def _canvas(canvas: GraphCanvas) -> tuple[dict[str, Any], list[Any]]:
    scene = canvas.graph_scene
    return (
        {did: card.card_data for did, card in scene.cards.items()},
        [None if e is None else e.info for e in scene.edges],
    )


def test_after_incremental_edits_every_view_shows_what_a_full_analysis_gives(
    qtbot, isolated_settings
) -> None:
    """Edits of durations and earliest starts take the incremental path and update only what changed (table
    rows, findings rows, cards, edges); after each, the table, findings, status bar, inspector and graph of the
    window read exactly as views freshly built on a full analysis of the same plan."""
    from planner.ui.main_window import MainWindow

    n = 300
    window = MainWindow(plan=random_plan(n, seed=7), persist_layout=False)
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    qtbot.waitExposed(window)
    window.show_view("Graph")
    try:
        doc = window.doc
        assert doc.wait_for_analysis()
        shown = doc.plan.decisions[40]
        doc.select([shown.id])
        qtbot.waitUntil(lambda: window.inspector.form.decision is shown)
        rng = random.Random(5)
        model = window.table_view.model
        signalled: set[int] = set()
        model.dataChanged.connect(
            lambda top, bottom, *_: signalled.update(range(top.row(), bottom.row() + 1))
        )
        for step in range(6):
            runs = doc.incremental_runs
            before = _table(model)
            signalled.clear()
            d = shown if step % 2 == 0 else doc.plan.decisions[rng.randrange(n)]
            if step == 3:
                assert doc.edit_decision(d.id, not_before=float(rng.randint(1, 30))) is None
            else:
                o, lk, p = duration_triple(d.duration)
                lk += rng.choice((0.5, 2.0, 6.0)) * (-1 if lk - 6.0 > o and step == 4 else 1)
                assert doc.set_duration(d.id, o, lk, max(p, lk)) is None
            assert doc.wait_for_analysis()
            qtbot.wait(1)  # (paint and any posted updates)
            assert doc.incremental_runs == runs + 1, f"edit {step} was not re-analysed incrementally"

            # The reference: the same plan, analysed in full, shown by views built from scratch.
            fresh = PlanDocument(Plan.model_validate_json(doc.plan.model_dump_json()))
            fresh.analyze_now()
            assert fresh.analysis is not None and fresh.analysis.schedule is not None
            table = DecisionTableModel(fresh)
            findings = FindingsPanel(fresh)
            status = PlanStatusBar(fresh)
            form = DecisionInspector(fresh)
            canvas = GraphCanvas(fresh)
            for widget in (findings, status, form, canvas):
                qtbot.addWidget(widget)
            form.set_decision(fresh.decision(shown.id))

            after = _table(model)
            assert after == _table(table)
            # Every row that reads differently was announced to the table's views (and, on this plan, not all).
            assert {r for r in range(n) if before[r] != after[r]} <= signalled
            assert len(signalled) < n
            assert _findings(window.findings) == _findings(findings)
            assert _status(window.status) == _status(status)
            assert _inspector(window.inspector.form) == _inspector(form)
            assert isinstance(window.canvas, GraphCanvas)
            assert _canvas(window.canvas) == _canvas(canvas)
            fresh.shutdown()
    finally:
        window.discard_and_close()


def test_a_large_plans_objects_are_set_aside_by_the_collector_until_another_plan_comes(
    qtbot, monkeypatch
) -> None:
    """After a large plan's full analysis the objects alive are frozen (gc.freeze: the collector's full passes no
    longer walk them, ~180 ms every few edits at 10,000 decisions); setting another plan releases them."""
    import gc

    from planner.model import new_plan

    monkeypatch.setattr(PlanDocument, "SYNC_LIMIT", 50)  # "large" from 50 decisions: analysed in the worker
    monkeypatch.setattr(PlanDocument, "HEAP_SETTLE_MS", 1)
    gc.unfreeze()
    doc = PlanDocument(random_plan(60, seed=2))
    try:
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=10_000)
        assert doc.analysis is not None
        doc.set_plan(new_plan())
        assert gc.get_freeze_count() == 0
    finally:
        doc.wait_for_analysis()
        doc.shutdown()
    assert gc.get_freeze_count() == 0
