"""Benchmark of the graph canvas (planner.ui.canvas) and its layered layout at 1,000 decisions (offscreen Qt).

Run on demand (not a test)::

    .venv/bin/python benchmarks/bench_canvas.py                # 1,000 decisions, 5 runs each
    .venv/bin/python benchmarks/bench_canvas.py --sizes 200,1000,3000 --repeat 3

For each size it builds a random valid plan (``benchmarks/_plans.py``, fixed seed, ~3 links per decision) and
reports medians, in ms of wall time and of process CPU time (the steadier figure on a busy machine), of:

- ``layout``: ``planner.analysis.layout.layered_layout`` alone (pure Python);
- ``build``: a new ``GraphCanvas`` on an analysed document (every card, edge, label and band created and placed;
  a plan over ``PROGRESSIVE`` decisions is built progressively, finished here with ``complete()``);
- ``first paint after build``: the first repaint at 60 % zoom after the build (Qt builds the BSP index then);
- ``rebuild (all)``: ``document.set_plan`` with another plan of the same size (every edge replaced, the layout
  recomputed) and its analysis, start to finish;
- ``edit duration (all)``: one duration edit through the document, the analysis, and the canvas's in-place update;
  ``of which sync`` is the canvas's part (cards and edges updated in place, no layout);
- ``add link (all)``: one dependency added through the document (the layout is recomputed, one edge created),
  and the analysis; ``analysis alone`` is the analysis without the canvas, for comparison;
- ``drag step``: one card moved by a mouse-move's worth and its edges re-routed (per mouse event while dragging);
- ``paint fit``/``paint 100%``: one full repaint of a 1600x1000 viewport showing the whole plan / at 100 % zoom,
  caches warm (what a pan or a scroll costs);
- ``zoom step``: a zoom-in and the repaint after it (cards re-render their device cache at the new scale).

Medians of the runs are reported; the machine is noisy, so compare figures from one run of this script.

Figures (2 cores, offscreen, PySide6 6.11.3, ``--sizes 1000,10000 --repeat 3``, ms wall; before -> after the
narrow/lazy sync of ``planner.ui.canvas``: fine-grained change tracking, numpy figure diffs, lazy tooltips and
text layout, bulk insertion without the BSP index, layout cache):

============================  ==========  ==========  ===========
figure                        1k before   1k after    10k after
============================  ==========  ==========  ===========
layout                        24          24          461
build                         262         158         1,917 (4,080 before)
rebuild (all)                 300         189         3,720
edit duration (all)           31          8.3         102
  of which sync               17          0.08        0.54
add link (all)                126         104         1,302
paint fit / 100% / zoom step  22/12/25    19/11/27    214/19/41
============================  ==========  ==========  ===========

An edit that changes figures only costs the canvas a numpy comparison plus the cards whose text changed; a
structural edit (a link added) still recomputes the layered layout (pure Python, ~0.45 s at 10k) unless the same
shape was laid out recently (undo/redo hit the layout cache).

Opening big plans (issue 12, 2026-12-05, ``--sizes 10000 --repeat 3``, ms CPU, one run each on a machine at load
~4 on 2 cores; "before" is the same tree with the issue-12 canvas and layout commits reverted): the layout's sweeps
and placement over numpy arrays (same layout, bit for bit); one item per edge (arrowhead and label painted by the
edge, 40k items instead of 85k), edges keeping their own bounding rect (Qt's strokes every path for it), fewer
attribute sets per item, and a BSP index at most 12 levels deep (Qt's 16 put each long edge into thousands of
leaves):

============================  ==========  ==========
figure (10,000 decisions)     before      after
============================  ==========  ==========
layout                        584         391
build                         2,401       1,589
first paint after build       3,404       429
rebuild (all)                 4,581       2,789
paint 100% / zoom step        21 / 45     33 / 36
paint fit (``render()``)      289         434
============================  ==========  ==========

Painting is the price: an edge is painted in Python now (~10 us per edge in view), so a full repaint at 100 % costs
~12 ms more, and ``render()`` of the whole plan (this benchmark's "paint fit"; the view itself shows the overview
below 30 %) ~0.15 s more.

Edges from plain-float geometry (issue 12, 2026-12-05, ``--sizes 10000 --repeat 3``, ms CPU, two runs each,
alternating with the tree before this change in the same minutes, load ~1.5 on 2 cores): an edge's curve and Qt
shape made when first needed (most edges are never painted), the build's edge order, arrival spread and shapes
(straight and routed) in a few numpy passes, one attribute each for an edge's flags and style:

============================  ==============  ==============
figure (10,000 decisions)     before          after
============================  ==============  ==============
build                         1,412 / 1,553   987 / 922
rebuild (all)                 2,305 / 2,205   1,861 / 1,787
add link (all)                1,579 / 1,453   1,301 / 1,172
first paint after build       566 / 628       561 / 524
paint fit / 100% / zoom step  355/23/26       330/25/28 (300/20/26)
edit duration (all), drag     53 / 0.03       55 / 0.02
============================  ==============  ==============

What is left of a build at 10,000 decisions (~0.9 s CPU): the layered layout ~0.3 s (its sweeps ~0.11 s, of which
the crossing counts ~0.06 s, and the placement ~0.08 s), ~30,000 edge items ~0.33 s (a Qt item created, styled,
placed and added: ~11 us each), the cards ~0.1 s, the edges' numpy passes ~0.07 s; the first paint after it builds
Qt's BSP index (~0.1 s) and runs the collector over what the build made (~0.1 s).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import PySide6
from PySide6.QtCore import QCoreApplication, QEvent, QPointF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from benchmarks._plans import random_plan
from planner.analysis import analyze
from planner.analysis.layout import layered_layout


def timed(
    fn: Callable[[], object], repeat: int, setup: Callable[[], object] | None = None
) -> tuple[float, float]:
    """Median (wall, CPU) time of ``fn`` in ms over ``repeat`` runs (``setup`` untimed before each).

    CPU time (this process) is the steadier figure on a shared, busy machine.
    """
    wall, cpu = [], []
    for _ in range(repeat):
        if setup is not None:
            setup()
        t, c = time.perf_counter(), time.process_time()
        fn()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - t)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def paint(canvas: object) -> None:
    vp = canvas.viewport()  # type: ignore[attr-defined]
    img = QImage(vp.size(), QImage.Format.Format_ARGB32_Premultiplied)
    p = QPainter(img)
    canvas.render(p, source=vp.rect())  # type: ignore[attr-defined]
    p.end()


def bench(n: int, repeat: int) -> tuple[dict[str, tuple[float, float]], int]:
    from planner.ui.canvas import GraphCanvas
    from planner.ui.state.document import PlanDocument

    plan = random_plan(n, seed=1)
    analysis = analyze(plan)
    res: dict[str, tuple[float, float]] = {}
    res["layout"] = timed(lambda: layered_layout(plan, analysis), repeat)

    doc = PlanDocument(plan)
    doc.analyze_now()
    canvases: list[GraphCanvas] = []

    def build() -> None:
        canvas = GraphCanvas(doc)
        canvas.graph_scene.complete()  # (a large plan is built progressively: finished here in one go)
        canvases.append(canvas)

    res["build"] = timed(build, repeat)
    for c in canvases[:-1]:
        c.deleteLater()  # gone before the next measurement: each would re-sync on every edit
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    canvas = canvases[-1]
    canvas.resize(1600, 1000)
    canvas.show()
    scene = canvas.graph_scene

    def first_paint() -> None:  # the BSP index is built at the first lookup after a build
        QApplication.processEvents()
        canvas.set_zoom(0.6)
        canvas.centerOn(scene.content_rect().center())
        paint(canvas)

    res["first paint after build"] = timed(first_paint, 1)
    assert len(scene.cards) == n

    # Another plan of the same size (different links, so every edge is replaced and the layout recomputed).
    others = [random_plan(n, seed=s) for s in (2, 1)]
    turn = [0]

    def rebuild() -> None:
        turn[0] += 1
        doc.set_plan(others[turn[0] % 2])
        doc.analyze_now()
        scene.complete()

    res["rebuild (all)"] = timed(rebuild, repeat)
    doc.set_plan(plan)
    doc.analyze_now()
    scene.complete()

    # An edit of figures only: the document's command and the canvas's structural check on plan_changed, then
    # the analysis and the canvas's in-place update on analysis_updated.
    k = [0]
    cards_before = dict(scene.cards)

    def edit_duration() -> None:
        k[0] += 1
        d = doc.plan.decisions[(37 * k[0]) % n]
        doc.set_duration(d.id, 1, 2 + k[0] % 5, 9)
        doc.analyze_now()

    res["edit duration (all)"] = timed(edit_duration, repeat)
    res["  of which sync"] = timed(scene.sync, repeat)  # the in-place update alone, on the current analysis
    assert all(scene.cards[i] is c for i, c in cards_before.items())

    ids = [d.id for d in doc.plan.decisions]

    def add_dep() -> None:
        k[0] += 1
        for j in range(k[0], n):
            a, b = ids[j % (n // 2)], ids[n // 2 + (j * 7) % (n // 2)]
            if doc.add_dependency(a, b) is None:
                break
        doc.analyze_now()

    res["add link (all)"] = timed(add_dep, repeat)
    res["analysis alone"] = timed(lambda: analyze(doc.plan), repeat)

    card = scene.cards[ids[n // 2]]

    def drag_step() -> None:
        card.setPos(card.pos() + QPointF(3, 2))
        card.update_edges()

    res["drag step"] = timed(drag_step, repeat * 10)

    canvas.fit_to_view()
    paint(canvas)
    res["paint fit"] = timed(lambda: paint(canvas), repeat)
    canvas.reset_zoom()
    canvas.centerOn(card)
    paint(canvas)
    res["paint 100%"] = timed(lambda: paint(canvas), repeat)

    def zoom_step() -> None:
        canvas.zoom_in() if canvas.zoom < 1.5 else canvas.reset_zoom()
        paint(canvas)

    res["zoom step"] = timed(zoom_step, repeat)
    edges = len([e for e in scene.edges if e is not None])
    canvas.close()
    canvas.deleteLater()
    doc.shutdown()
    QApplication.processEvents()
    return res, edges


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    _app = QApplication.instance() or QApplication([])  # (kept alive while the benchmark runs)
    print(
        f"PySide6 {PySide6.__version__}, Python {sys.version.split()[0]}, platform {QApplication.platformName()}"
    )
    for n in (int(s) for s in args.sizes.split(",")):
        r, edges = bench(n, args.repeat)
        print(f"\n{n} decisions, {edges} dependencies (median of {args.repeat}; ms wall / ms CPU)")
        for key, (wall, cpu) in r.items():
            print(f"  {key:22s} {wall:8.2f} {cpu:8.2f}")


if __name__ == "__main__":
    main()
