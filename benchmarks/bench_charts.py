"""Benchmark of the charts: each chart drawn for a plan of 1,000 decisions (target: <= 1 s each).

Run on demand (not a test)::

    .venv/bin/python benchmarks/bench_charts.py                 # 1,000 decisions, 5 runs
    .venv/bin/python benchmarks/bench_charts.py --sizes 300,1000,3000 --repeat 3

The target is for what a user waits for: a chart tab redrawn after an edit, or one page of the report. For each
chart it times, separately: ``draw`` (the chart function on a fresh 13.3 x 7.5 in Figure, the size of a chart
tab or a landscape page; the Gantt draws one screen of rows, as the app's tab does with its row scroll bar),
``raster`` (``canvas.draw()`` with Agg at 100 dpi, what the app's canvas does), and the two together, which is
the figure held against the 1 s target. It also times saving that figure as PDF and SVG.

``--export`` also times a whole-plan export at the chart's default size (``planner export`` without ``--size``):
the default size grows with the plan so that text stays readable, so at 1,000 decisions these are posters of
100-200 inches and take seconds; they are reported, not held to the target. Medians; the machine is noisy.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._plans import random_plan

TARGET_S = 1.0
SCREEN = (13.333, 7.5)  # a chart tab on a laptop screen, or a landscape page


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--charts", default="", help="comma-separated chart names (default: all registered)")
    ap.add_argument("--export", action="store_true", help="also time whole-plan exports at the default size")
    args = ap.parse_args()

    t0 = time.perf_counter()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from planner.analysis import analyze
    from planner.charts import CHARTS, default_size, gantt_row_capacity, save_figure

    print(f"import matplotlib + planner.charts: {time.perf_counter() - t0:.2f} s")
    names = [n for n in (args.charts.split(",") if args.charts else CHARTS)]
    worst = 0.0
    for n in [int(x) for x in args.sizes.split(",")]:
        plan = random_plan(n, seed=0)
        analysis = analyze(plan)
        print(
            f"\n{n} decisions, {len(plan.dependencies)} dependencies, finish {analysis.schedule.finish:g} weeks"
        )
        print(
            f"  {'chart':<14} {'size (in)':>13} {'draw':>7} {'raster':>7} {'total':>7}  target  {'pdf':>6} {'svg':>6}"
        )
        for name in names:
            size = SCREEN
            opts = {"rows": (0, gantt_row_capacity(SCREEN[1], 8.0))} if name == "gantt" else {}
            draws, rasters, totals = [], [], []
            fig = None
            for _ in range(args.repeat):
                fig = Figure(figsize=size, dpi=100)
                FigureCanvasAgg(fig)
                a = time.perf_counter()
                CHARTS[name](fig, analysis, **opts)
                b = time.perf_counter()
                fig.canvas.draw()
                c = time.perf_counter()
                draws.append(b - a)
                rasters.append(c - b)
                totals.append(c - a)
            saves = []
            with tempfile.TemporaryDirectory() as tmp:
                for suffix in (".pdf", ".svg"):
                    a = time.perf_counter()
                    save_figure(fig, Path(tmp) / f"c{suffix}")
                    saves.append(time.perf_counter() - a)
            total = statistics.median(totals)
            if n == 1000:
                worst = max(worst, total)
            ok = "ok" if total <= TARGET_S else "SLOW"
            print(
                f"  {name:<14} {size[0]:>6.1f}x{size[1]:<6.1f} {statistics.median(draws):>6.3f}s "
                f"{statistics.median(rasters):>6.3f}s {total:>6.3f}s  {ok:<6}  {saves[0]:>5.2f}s {saves[1]:>5.2f}s"
            )
        if args.export:
            print(f"  whole-plan export at the default size ({n} decisions; not held to the target)")
            for name in names:
                size = default_size(name, analysis)
                fig = Figure(figsize=size, dpi=100)
                FigureCanvasAgg(fig)
                a = time.perf_counter()
                CHARTS[name](fig, analysis)
                b = time.perf_counter()
                with tempfile.TemporaryDirectory() as tmp:
                    save_figure(fig, Path(tmp) / "c.svg")
                    c = time.perf_counter()
                    save_figure(fig, Path(tmp) / "c.pdf")
                    d = time.perf_counter()
                print(
                    f"  {name:<14} {size[0]:>6.1f}x{size[1]:<6.1f} draw {b - a:.2f}s  svg {c - b:.2f}s  "
                    f"pdf {d - c:.2f}s"
                )
    if worst:
        print(f"\nslowest chart at 1,000 decisions: {worst:.3f} s (target {TARGET_S:g} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
