"""GUI speed figures (run on demand, not in the test suite)::

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_gui.py [--sizes 100 1000 10000] [--repeat 5]

- edit -> all views updated: change a decision's duration through the edit layer (an undoable command, as the
  table and inspector do), then wait until the re-analysis has reached every view (table, graph, inspector,
  findings, status bar) and the window has painted. Issue 12's targets, Graph tab current (``--graph-tab``):
  <= 16 ms at 1,000 decisions, <= 100 ms at 10,000. Wall and CPU time of this process are both printed (CPU is
  the steadier figure on a busy machine), and how many of the edits were re-analysed incrementally
  (``planner.analysis.incremental``; the rest took the full analysis).
- open 10,000: from reading the file to an interactive, painted window, to the first analysis shown, and (Graph
  tab current) to the complete graph (target <= 2 s).
- open 50,000 (``--open-sizes 10000 50000``): to an interactive window (target <= 3 s) showing the graph's
  stage-and-area overview (its texts are printed), before the layout and the cards exist.
- start: from launching ``python`` to a shown window with a small plan (target <= 1.5 s), in a fresh process.
  ``planner FILE`` shows the window first and reads the plan from the event loop, so the figure reported is the
  real command line path (``planner.cli.main``) up to the first paint, then up to the plan loaded and analysed.
  For comparison, "open-then-show" is the old order (build, open the file, then show) without the CLI.
  Issue 12's target is <= 0.5 s to the painted window. It is measured twice: with the bytecode written once
  beforehand (into a private PYTHONPYCACHEPREFIX folder), as an installed copy has it (pip compiles it), and with
  this environment's bytecode as it is: with PYTHONDONTWRITEBYTECODE set and the tree's ``__pycache__`` stale,
  every planner module imported before the first paint is compiled from source on every start (~0.15-0.2 s).
  The app's own import order is kept: QApplication.exec is replaced when the app imports PySide6.QtWidgets.

Figures (2 cores, Python 3.11, offscreen, 2026-11-25; the machine is shared and noisy, compare within a run):

- ``planner bank-assistant.plan.json``: shown 0.56 s (0.54..0.57) on a quiet machine, 0.80 s (0.69..0.90) on a
  busy one; plan loaded and analysed +0.06..0.12 s later; matplotlib not imported. Old order in the same runs:
  0.64 s / 0.85 s. Before this change the same path measured 1.30..1.46 s under load (2.2 s reported earlier).
  What is left before the first paint: the interpreter and PySide6 (~0.35 s), pydantic and the plan model
  (~0.1 s), and numpy through the graph canvas (``planner.ui.canvas.scene`` imports ``planner.analysis.layout``
  at module level; the other views import the analysis lazily).
- edit -> all views: 28 ms at 1,000 and 250 ms at 10,000 decisions without the graph canvas (``--no-canvas``);
  with it 71 ms and 513 ms. Open 10,000: 0.27 s interactive / 0.66 s analysed without the canvas, 8.7 s with it
  (its scene sync is 5.3 s of that; see ``planner/ui/canvas``).
- After the canvas follows the document narrowly and lazily (2026-11-25, same machine, quiet):
  Table tab current (the default; a hidden canvas only notes that it is stale and catches up when shown):
  edit -> all views 26 ms at 1,000 and 202 ms at 10,000; open 10,000: interactive 0.25 s, analysed 0.66 s.
  Graph tab current (``--graph-tab``): edit -> all views 27 ms at 1,000, 353 ms at 10,000 (over the 300 ms
  target: the canvas's own sync is ~20 ms, the rest is repainting the visible views and the other panels);
  open 10,000 with the Graph tab current: interactive 3.3 s, analysed 4.4 s (over target: the scene is built in
  one pass, ~1.9 s, of which the layered layout is ~0.5 s; it is not populated progressively). Opening on the
  Table tab and switching to the Graph costs that build once, at the switch.
- Progressive graph build (2026-11-25, same machine; ``--graph-tab``): a scene built from scratch for more than
  ``planner.ui.canvas.scene.PROGRESSIVE`` (1,500) decisions is built in slices of <= ~40 ms from a zero timer
  (layout first, one ~0.4 s slice, then the bands; then cards and edges). "Interactive" now means painted *and*
  a zero timer posted after the paint has fired (the event loop answers between slices). Open 10,000 with the
  Graph tab current: interactive 3.25 s -> 0.89 s (0.65 s with 25 ms slices), first analysis shown 4.18 s ->
  1.40 s; the graph is complete after 4.6 s (the slices total ~2.1 s; the rest is repainting the growing scene
  between slices and the analysis and other views meanwhile). Edit -> all views at 10,000: 294..305 ms
  (unchanged).
- Incremental re-analysis, one scene sync, huge plans (2026-12-05, ``--graph-tab``; the machine at load ~8 on 2
  cores, so wall times are ~3.5x the CPU times; compare CPU within the run):
  edit -> all views 31.5 ms CPU at 1,000 and 236 ms CPU at 10,000 decisions, every edit incremental; the same
  edits with ``--full-analysis`` (the incremental path off) 47.7 / 1,018 ms CPU. Open 10,000: interactive
  1.81 s CPU, the graph complete 6.5 s CPU (the view shows the plan's overview while the cards are built instead
  of repainting the growing, unindexed scene between slices: ~21 s CPU before, profiled). Open 50,000:
  interactive 3.2 s CPU, showing the stage-and-area overview ("Validate · 12247, Integrate · 12750, ...") while
  the layout runs in a thread. A second run at load ~4, after the view stopped tracking the scene's change
  notices during a build: edit 22.1 / 317.5 ms CPU (43.7 / 519 ms wall); open 10,000 interactive 1.47 s CPU,
  graph complete 3.61 s CPU (7.1 s wall); open 50,000 interactive 2.94 s CPU (5.8 s wall).
- The edit loop narrowed (issue 12, 2026-12-05, load ~3.5 on 2 cores; before = the tree at 1780fc5 in the same
  minutes): the BSP index rebuilt over the scene rect after a bulk build (it spanned an empty rect, so every
  repaint and lookup tested all ~55k items), incremental passes over small cones only (else the vectorised
  pass), the plan's columns carried between edits, findings rows and table rows updated where they changed,
  slow recovery snapshots at most a tenth of the GUI thread, the plan's objects frozen for the collector (no
  ~180 ms full collection every few edits). ``--graph-tab``: 1,000 decisions 23.8 -> 16.2 ms CPU (47.7 ->
  16.2 ms wall); 10,000 decisions 186 -> 141 ms CPU (384 -> 284 ms wall). With the graph complete and the view
  at 100 % on the edited decision (a build waited for, then ``center_on_selection``; 8 edits): 10,000 decisions
  320 -> 122 ms CPU, 1,000 decisions 18.3 -> 17.1 ms CPU. What is left at 10,000 (profiled): repainting the
  ~270 long edges that cross the view (~45-60 ms: Qt strokes each visible edge whatever the clip; drawing only
  the pieces near the changed cards saved ~13 %, not kept), the cards' texts (~10 ms for the ~1,500 cards of
  the edit's cone), the analysis (~25 ms, of which capacity ~12 ms) and the inspector's explanation (~6 ms).
  Note that without a wait for the build, which part of the graph the view shows at 10,000 depends on timing.
- What was left, taken on (issue 12, 2026-12-05, 2 cores, load ~1-2; before = the tree with these changes
  reverted, run alternately in the same minutes): wide edges drawn on screen as their flattened curve's line
  segments (Qt's outline stroke of an antialiased pen over a pixel wide was ~0.1 ms an edge; a full repaint at
  10,000 decisions and 60 / 100 / 200 % ~22/51/27 -> ~19/17/12 ms CPU; screenshots unchanged), a large sync's
  cards out of sight given their data when first painted or read, with no repaint scheduled for them (most of
  the ~1,500 cards whose floats move are out of sight), explain's chains walked through per-decision link lists
  (~3.3 -> 0.5 ms), the over-capacity check's unstaffable decisions from the columns, grouped once (7.1 -> 5.0
  ms for 24 teams). ``--graph-tab --repeat 9``, two runs each: 1,000 decisions 16.1 / 14.4 -> 15.1 / 13.7 ms
  CPU; 10,000 decisions 125 / 132 -> 72.0 / 76.2 ms CPU (wall within ~1 ms of CPU). Graph complete, the view at
  100 % on the edited decision (8 edits): 10,000 decisions 117 -> 68.6 ms CPU (1,000: 14-23 ms in both trees,
  bimodal from run to run). The first figures of this change, on a quieter machine: 1,000 11.9 -> 10.6 ms,
  10,000 122 -> 65.7 ms CPU.
  What is left at 10,000 (profiled, per edit, under cProfile): the graph's repaint ~26 ms (the edges ~19 of it,
  their segments' drawing ~10), Qt's own work in the event loop (the table, panels, cards' cached pictures)
  ~18 ms, the re-analysis ~18 ms (capacity ~7, schedule passes ~5, stages ~4), the canvas sync ~7 ms, the
  edit command ~4 ms; now and then a recovery snapshot (~70 ms) lands in an edit (the max figures).
- Start-up (issue 12, 2026-12-05 15:00, load ~1.5; ``--start-only --start-repeat 7``, this script in three trees
  in the same minutes): ``planner FILE`` to the painted window, with bytecode / this environment's:
  the session's start (b7a4684) 0.49 / 0.68 s, plan loaded 0.55 / 0.74 s, numpy imported before the first paint;
  the other engineers' changes without the start-up ones 0.45 / 0.61 s; with them 0.33 / 0.45 s, plan loaded
  0.45 / 0.61 s, numpy and the analysis imported after the first paint (the Cost and Coverage tabs import the
  analysis when they refresh, the empty first plan's graph lays nothing out), PySide6's per-module source check
  made cheap, the window icon decoded on demand. What is left before the first paint (bytecode cached, ~0.33 s):
  the interpreter ~25 ms, PySide6 ~75 ms, the command line's parser with pydantic and the plan model ~115 ms,
  the QApplication and palette ~30 ms (of it ~15 ms creating the Qt namespace's enums), the window's modules
  ~40 ms and widgets ~60 ms, the first paint ~15 ms.
- The edit's repaint limited to what reaches into it (issue 12, session 34, load 4-13): an edit at 1,000
  decisions repaints the edited card's ~242 x 96 px, and each of the ~156 long edges whose bounds cross it stroked
  its whole curve; edges now draw only the runs of segments (and arrowhead, label) that meet the painted area
  (``items.note_exposed``): edge painting per edit 12.5 -> 3.5 ms at load ~6. ``--open-sizes`` with no size
  skips the open measurement (``--graph-tab --sizes 1000 --skip-start --open-sizes``: the edit alone).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._plans import random_plan  # noqa: E402
from planner.model import dump_plan  # noqa: E402


def _app() -> Any:
    from PySide6.QtCore import QSettings

    from planner.ui.app import create_application

    app = create_application()
    # Never touch the user's settings or recovery files.
    tmp = tempfile.mkdtemp(prefix="planner-bench-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
    os.environ["PLANNER_DATA_DIR"] = tmp
    return app


def _settle(app: Any, window: Any) -> None:
    doc = window.doc
    while not doc.analysis_current:
        app.processEvents()
        if not doc.analysis_current:
            doc._pool.waitForDone(1)
    app.processEvents()  # delivers the pending paint events of every updated view


GRAPH_TAB = False  # --graph-tab: the Graph tab is the current one (the canvas follows every edit)


def bench_edit(n: int, repeat: int) -> list[float]:
    from planner.model import duration_triple
    from planner.ui.main_window import MainWindow

    app = _app()
    window = MainWindow(plan=random_plan(n, seed=1), persist_layout=False)
    window.resize(1440, 900)
    window.show()
    if GRAPH_TAB:
        window.show_view("Graph")
    _settle(app, window)
    doc = window.doc
    target = doc.plan.decisions[n // 2]
    doc.select([target.id])
    _settle(app, window)
    times, cpu = [], []
    runs = doc.incremental_runs
    for k in range(repeat + 1):
        o, lk, p = duration_triple(target.duration)
        bump = 0.5 if k % 2 == 0 else -0.5
        t0, c0 = time.perf_counter(), time.process_time()
        doc.set_duration(target.id, o, lk + bump, max(p, lk + bump))
        _settle(app, window)
        if k:  # the first edit warms caches
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
    EDIT_CPU[n] = cpu
    EDIT_INCREMENTAL[n] = doc.incremental_runs - runs
    window.discard_and_close()
    window.deleteLater()
    app.processEvents()
    return times


EDIT_CPU: dict[int, list[float]] = {}  # CPU seconds of each measured edit, by plan size
EDIT_INCREMENTAL: dict[int, int] = {}  # edits (of repeat + 1) re-analysed incrementally, by plan size


def bench_open(n: int) -> tuple[float, float]:
    from planner.ui.main_window import MainWindow

    app = _app()
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "big.plan.json"
        path.write_text(dump_plan(random_plan(n, seed=2)), encoding="utf-8")
        t0, c0 = time.perf_counter(), time.process_time()
        window = MainWindow(persist_layout=False)
        window.resize(1440, 900)
        if GRAPH_TAB:
            window.show()
            window.show_view("Graph")
        window.open_file(path)
        window.show()
        app.processEvents()
        window.repaint()
        # Interactive: painted, and the event loop answers (a zero timer posted now has fired; a progressive
        # graph build runs in slices between such events, so a long slice would show here).
        from PySide6.QtCore import QTimer

        fired: list[bool] = []
        QTimer.singleShot(0, lambda: fired.append(True))
        while not fired:
            app.processEvents()
        interactive = time.perf_counter() - t0
        interactive_cpu = time.process_time() - c0
        canvas = window.canvas
        scene = getattr(canvas, "graph_scene", None)
        if GRAPH_TAB and scene is not None:
            shown = ", ".join(getattr(canvas, "overview_labels", [])[:6])
            print(
                f"  {n:,} decisions: interactive {interactive:.2f} s wall, {interactive_cpu:.2f} s CPU (all "
                f"threads); the graph shows: {shown or '(no overview)'}"
            )
        _settle(app, window)
        analysed = time.perf_counter() - t0
        if n > 20_000:
            scene = None  # the cards of 50,000 decisions take minutes to build: not waited for
        while scene is not None and scene.building:
            app.processEvents()
            time.sleep(0.001)  # (a layout thread runs meanwhile)
        built = time.perf_counter() - t0
        if GRAPH_TAB and scene is not None:
            print(
                f"  graph complete (progressive build done) {built:.2f} s wall, "
                f"{time.process_time() - c0:.2f} s CPU"
            )
        window.discard_and_close()
        window.deleteLater()
        app.processEvents()
    return interactive, analysed


_CLI_START_SCRIPT = r"""
import importlib.abc, importlib.machinery, os, sys, time
T0 = float(sys.argv[2])
os.environ["QT_QPA_PLATFORM"] = "offscreen"


def measured_exec(*_args):
    # Stands in for the event loop of `planner FILE`: report when the window has painted, then when the plan
    # is loaded and analysed (the app loads it from the event loop, after the first paint).
    import PySide6.QtWidgets as W

    app = W.QApplication.instance()
    w = next(w for w in app.topLevelWidgets() if w.objectName() == "mainWindow" and w.isVisible())
    w.repaint()
    print(f"shown {time.time() - T0:.4f}", flush=True)
    print(f"numpy {'numpy' in sys.modules}", flush=True)
    while not w.doc.plan.decisions or not w.doc.analysis_current:
        app.processEvents()
    w.repaint()
    print(f"loaded {time.time() - T0:.4f}", flush=True)
    print(f"matplotlib {'matplotlib' in sys.modules}", flush=True)
    w.discard_and_close()
    return 0


class _PatchExec(importlib.abc.MetaPathFinder):
    # QApplication.exec is replaced when the app itself imports PySide6.QtWidgets, not by importing Qt here
    # first: `planner FILE` parses its arguments (and imports the plan model) before Qt, and PySide6 reads the
    # source of every module imported after it, so importing Qt first measured a slower order (~15 ms).
    def find_spec(self, name, path, target=None):
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            module.QApplication.exec = measured_exec

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, _PatchExec())
sys.argv = ["planner", sys.argv[1]]
from planner.cli import main
main()
"""


def bench_start_cli(sample: Path, pycache: str | None = None) -> tuple[float, float, bool, bool]:
    """`planner FILE` in a fresh process: (seconds to a painted window, to the plan loaded and analysed,
    matplotlib imported, numpy imported at the first paint). Process start is taken just before launching the
    interpreter. ``pycache``: a folder for the bytecode cache (PYTHONPYCACHEPREFIX), written as modules are
    compiled, as an installed copy has its bytecode; None: the environment as it is (with
    PYTHONDONTWRITEBYTECODE set, every module whose bytecode is missing or stale is compiled from source on
    every start)."""
    env = dict(
        os.environ,
        PLANNER_DATA_DIR=tempfile.mkdtemp(prefix="planner-bench-"),
        XDG_CONFIG_HOME=tempfile.mkdtemp(prefix="planner-bench-"),
    )
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = pycache
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, "-c", _CLI_START_SCRIPT, str(sample), repr(t0)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    fields = dict(line.split(" ", 1) for line in out.stdout.splitlines() if " " in line)
    if "shown" not in fields:
        raise RuntimeError(f"the window did not show: {out.stderr[-2000:]}")
    return (
        float(fields["shown"]),
        float(fields["loaded"]),
        fields.get("matplotlib") == "True",
        fields.get("numpy") == "True",
    )


_START_SCRIPT = r"""
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from planner.ui.app import create_application
app = create_application()
from planner.ui.main_window import MainWindow
w = MainWindow(persist_layout=False)
w.open_file(sys.argv[1])
w.show()
app.processEvents()
w.repaint()
print("shown", flush=True)
print("matplotlib" in sys.modules, flush=True)
w.discard_and_close()
"""


def bench_start(sample: Path) -> tuple[float, bool]:
    env = dict(
        os.environ,
        PLANNER_DATA_DIR=tempfile.mkdtemp(prefix="planner-bench-"),
        XDG_CONFIG_HOME=tempfile.mkdtemp(prefix="planner-bench-"),
    )
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", _START_SCRIPT, str(sample)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - t0
    mpl = proc.stdout.readline().strip() == "True"
    proc.wait(timeout=60)
    if line.strip() != "shown":
        raise RuntimeError("the window did not show")
    return elapsed, mpl


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--no-canvas",
        action="store_true",
        help="replace the graph canvas by its placeholder (measure the other views alone)",
    )
    parser.add_argument(
        "--graph-tab",
        action="store_true",
        help="make the Graph tab the current one (by default the Table is, and a hidden canvas "
        "only catches up when shown)",
    )
    parser.add_argument(
        "--full-analysis",
        action="store_true",
        help="re-analyse every edit in full (the incremental path off), for comparison in one run",
    )
    parser.add_argument(
        "--open-sizes",
        type=int,
        nargs="*",
        default=[10_000],
        help="plan sizes for the open measurement (none: skip it, e.g. to measure only edits)",
    )
    parser.add_argument("--skip-start", action="store_true", help="skip the start-up measurement")
    parser.add_argument("--start-only", action="store_true", help="only the start-up measurement")
    parser.add_argument("--start-repeat", type=int, default=5, help="fresh processes per start-up figure")
    args = parser.parse_args()
    if args.no_canvas:
        import planner.ui.main_window as mw

        mw.make_canvas = lambda doc: (mw._placeholder("graph disabled for this benchmark"), False)
    if args.full_analysis:
        import planner.analysis.incremental as incremental

        incremental.reanalyze = lambda *_args, **_kwargs: None
    global GRAPH_TAB
    GRAPH_TAB = args.graph_tab
    print(
        "graph canvas:",
        "disabled" if args.no_canvas else "included",
        "(Graph tab current)" if args.graph_tab else "(Table tab current)",
    )
    if args.start_only:
        args.sizes = []
    print("edit -> all views updated (median, min..max of repeats)")
    for n in args.sizes:
        t = bench_edit(n, args.repeat)
        target = {1000: " (target <= 16 ms)", 10000: " (target <= 100 ms)"}.get(n, "")
        print(
            f"  {n:>6} decisions: {statistics.median(t) * 1000:7.1f} ms  "
            f"({min(t) * 1000:.1f}..{max(t) * 1000:.1f}){target}; CPU {statistics.median(EDIT_CPU[n]) * 1000:.1f} "
            f"ms; {EDIT_INCREMENTAL[n]} of {args.repeat + 1} edits incremental"
        )
    if not args.start_only:
        for n in args.open_sizes:
            interactive, analysed = bench_open(n)
            print(
                f"open {n:,} decisions: interactive window {interactive:.2f} s (target <= "
                f"{2 if n <= 10_000 else 3} s), first analysis shown {analysed:.2f} s"
            )
    if args.skip_start:
        return 0
    sample = ROOT / "sample_plans" / "bank-assistant.plan.json"
    pycache = tempfile.mkdtemp(prefix="planner-bench-pycache-")
    bench_start_cli(sample, pycache)  # not timed: writes the bytecode, as installing the package does
    no_cache = "PYTHONDONTWRITEBYTECODE set" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "as it is"
    for label, cache in (
        ("with bytecode (as installed)", pycache),
        (f"this environment's bytecode ({no_cache})", None),
    ):
        cli = [bench_start_cli(sample, cache) for _ in range(args.start_repeat)]
        shown = [c[0] for c in cli]
        print(
            f"`planner FILE` to shown window, {label}: {statistics.median(shown):.2f} s "
            f"({min(shown):.2f}..{max(shown):.2f}; target <= 0.5 s), plan loaded and analysed "
            f"{statistics.median(c[1] for c in cli):.2f} s; numpy imported at the first paint: "
            f"{any(c[3] for c in cli)}, matplotlib at all: {any(c[2] for c in cli)}"
        )
    starts = [bench_start(sample) for _ in range(args.start_repeat)]
    print(
        f"open-then-show (MainWindow + open_file before show, the old order): "
        f"{statistics.median(s for s, _ in starts):.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
