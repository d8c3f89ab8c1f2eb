"""PDF report speed (issue "Charts and the PDF report"). Run on demand:

    python benchmarks/bench_report.py            # 200 and 2,000 decisions
    python benchmarks/bench_report.py --quick    # 200 decisions only
    python benchmarks/bench_report.py --sizes 200 1000 --repeat 3

Targets (issue 8): the full report (every default section, A4, the default landscape orientation) of a
200-decision plan in <= 3 s of CPU, of a 2,000-decision plan in <= 30 s of CPU, timed from the analysed plan to the
renamed PDF (``build_report``).
Plans come from :mod:`benchmarks._plans` (realistic random plans: four stages, eight areas, 24 teams, ~3 links per
decision). CPU time of the process is the target, because this machine is shared and its load (also printed)
inflates wall time; wall time is printed too. The first build of a process pays matplotlib's and ReportLab's
imports and font loading; a warm-up build of a tiny plan comes first so that every size is timed alike.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._plans import random_plan
from planner.analysis import analyze
from planner.report import build_report

TARGETS = {200: 3.0, 2000: 30.0}  # CPU seconds


def bench(n: int, repeat: int, folder: Path, sections: list[str] | None = None) -> dict[str, float]:
    analysis = analyze(random_plan(n, seed=1))
    assert analysis.ok
    walls, cpus = [], []
    path = folder / f"report-{n}.pdf"
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        build_report(analysis, path, sections=sections)
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    from pypdf import PdfReader

    pages = len(PdfReader(path).pages)
    return {
        "wall": statistics.median(walls),
        "cpu": statistics.median(cpus),
        "pages": pages,
        "mb": path.stat().st_size / 1e6,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="200 decisions only")
    parser.add_argument("--sizes", type=int, nargs="*", help="plan sizes (decisions)")
    parser.add_argument("--repeat", type=int, default=1, help="builds per size (median reported)")
    parser.add_argument(
        "--sections", help="comma-separated sections only (e.g. gantt,graph: one section's share)"
    )
    args = parser.parse_args()
    sections = args.sections.split(",") if args.sections else None
    sizes = args.sizes or ([200] if args.quick else [200, 2000])
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    what = f"sections {args.sections}" if args.sections else "every default section"
    print(f"PDF report, {what}, A4 landscape; {os.cpu_count()} cores, load average {load:.1f}")
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        build_report(analyze(random_plan(10, seed=0)), folder / "warm-up.pdf")  # imports, fonts
        for n in sizes:
            r = bench(n, args.repeat, folder, sections)
            target = TARGETS.get(n)
            verdict = "" if target is None else (" ok" if r["cpu"] <= target else " OVER TARGET")
            failed |= bool(target is not None and r["cpu"] > target)
            print(
                f"{n:>6} decisions: {r['wall']:6.1f} s wall, {r['cpu']:6.1f} s CPU, {r['pages']:>4} pages, "
                f"{r['mb']:5.1f} MB" + (f"  (target <= {target:g} s CPU){verdict}" if target else "")
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
