"""A stage step of a big plan whose stage's decisions are drawn across the graph (H-ui23 walk: 500 decisions at
1366x768). The graph draws a decision in the band where it can run ('98 from Validate' in a later band), so the
Validate step's cards spanned the whole graph; the step started at the top-left corner of their rectangle, an
empty stretch of the Validate band, one card of the stage at the view's foot and none of its first column. The
step now starts at the stage's first column (its leftmost cards) when they would be out of sight."""

from __future__ import annotations

import copy
import json
import random

from PySide6.QtCore import QSize

from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import presenting_graph, settle


def _spread_plan(n: int) -> dict:
    """``n`` copies of the bank sample's decisions (their stages as in the sample), each after one of the 20
    before it (seeded): most decisions of the first stage wait for later stages' and are drawn in later bands."""
    base = json.loads((SAMPLES / "bank-assistant.plan.json").read_text(encoding="utf-8"))
    plan = copy.deepcopy(base)
    decisions, deps = [], []
    for i in range(n):
        d = copy.deepcopy(base["decisions"][i % len(base["decisions"])])
        d.update(id=f"d{i}", title=f"{d['title']} #{i}")
        for key in ("status", "progress", "actual_start", "actual_finish"):
            d.pop(key, None)
        decisions.append(d)
        if i > 3:
            deps.append({"from": f"d{random.Random(i).randrange(max(0, i - 20), i)}", "to": f"d{i}"})
    plan.update(decisions=decisions, dependencies=deps, risks=[])
    return plan


def test_a_stage_step_shows_the_stages_first_cards(window, qtbot, tmp_path):
    path = tmp_path / "spread.plan.json"
    path.write_text(json.dumps(_spread_plan(300)), encoding="utf-8")
    assert window.open_file(path)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.size() == QSize(1366, 768))
    window.doc.wait_for_analysis()
    with presenting_graph(window) as p:
        step = next(i for i, s in enumerate(p.deck) if s.kind == "stage")
        p.go_to(step)
        settle()
        canvas = window.canvas
        ids = p.deck[step].spotlight
        cards = [canvas.graph_scene.cards[i] for i in ids if i in canvas.graph_scene.cards]
        left = min(c.sceneBoundingRect().left() for c in cards)
        first_column = [c.sceneBoundingRect() for c in cards if c.sceneBoundingRect().left() < left + 1]
        seen = canvas.mapToScene(
            canvas.viewport().rect().adjusted(0, canvas.header_height(), 0, 0)
        ).boundingRect()
        shown = [c for c in cards if seen.contains(c.sceneBoundingRect())]
        # Not an empty stretch of the band: at least as many of the stage's cards whole as its first column has
        # (session 33: the step shows the stretch that holds the most of them; from its first column, where it was
        # made to start in session 23, it held 1 of 16 of the fraud sample's Operationalize at 1280x720).
        assert len(shown) >= len(first_column)
        # the first of them under the sticky header strip, not under it
        top = min(canvas.mapFromScene(c.sceneBoundingRect()).boundingRect().top() for c in shown)
        assert top >= canvas.header_height()
