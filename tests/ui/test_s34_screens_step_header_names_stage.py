"""Presentation, the sticky header over a stage step's cards names the step's stage (session 34).

A big plan draws a decision in the band where it can run: the Validate step of a 1,000-decision plan on a 1080x1920
portrait screen showed Validate's decisions in Integrate's band, headed 'Integrate · 410 decisions' under the panel's
'Stage 1 of 4 · Validate'. Another stage's band that holds the step's decisions now says whose they are first; a band
that holds none of them keeps its own name, and leaving presentation puts every header back."""

from __future__ import annotations

import json

from tests.ui.screen_probe import run_child

SCRIPT = r"""
import json, sys
from benchmarks._plans import random_plan
from tests.ui.screen_probe import start_on_screen
app = start_on_screen(1080, 1920)
from planner.ui.main_window import MainWindow
def settle():
    for _ in range(8):
        app.processEvents()
path = sys.argv[1]
with open(path, "w", encoding="utf-8") as f:
    f.write(random_plan(1000, seed=3).model_dump_json())
w = MainWindow(persist_layout=False)
w.show()
settle()
w.open_file(path)
w.doc.wait_for_analysis()
settle()
w.show_view("Graph")
settle()
p = w.presentation
p.enter()
settle()
out = {}
for i, step in enumerate(p.deck):
    if step.kind != "stage":
        continue
    p.go_to(i)
    settle()
    c = w.canvas
    c.viewport().repaint()
    settle()
    head = c.header_height()
    shown = c.mapToScene(c.viewport().rect().adjusted(0, head, 0, 0)).boundingRect()
    lit = sum(1 for d in step.spotlight if shown.intersects(c.graph_scene.cards[d].sceneBoundingRect()))
    out[step.title.split(" · ")[-1]] = {"headers": [h.split("\n")[0] for h in c.header_labels], "lit": lit}
p.leave()
settle()
w.canvas.viewport().repaint()
settle()
out["after"] = [h.split("\n")[0] for h in w.canvas.header_labels]
w.discard_and_close()
settle()
print(json.dumps(out))
"""


def test_the_header_over_a_stage_steps_cards_names_its_stage(tmp_path) -> None:
    out = run_child(SCRIPT, str(tmp_path / "big.plan.json"))
    for stage in ("Validate", "Integrate", "Operationalize", "Scale"):
        seen = out[stage]
        assert seen["lit"] > 0, (stage, seen)
        # some header over the view starts with the step's stage (its own band, or another's that holds its cards)
        assert any(h.startswith(stage + "  ·  ") for h in seen["headers"]), (stage, seen)
    # the case: Validate's decisions in Integrate's band, and the header says both
    assert out["Validate"]["headers"][0].startswith("Validate  ·  in the Integrate band ("), json.dumps(out)
    # out of presentation, no header names a step
    assert not any("band (" in h for h in out["after"]), out["after"]
