"""Kill the desktop app while it is being edited, many times, and count lost edits (issue 11), on demand.

    .venv/bin/python benchmarks/gui_kill.py --runs 200

Each run starts the app offscreen (``tests/ui/recovery_child.py``), which adds a decision every 100-500 ms; the
app is killed with SIGKILL after a random 0.3-4 s of editing. The recovery file left behind must hold every edit
made more than 0.5 s before the kill, and a new session must offer it. Prints the counts; exit status 1 when an
edit older than 0.5 s was lost.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "ui"))

from kill_harness import GRACE, kill_once


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    totals = {"edits": 0, "old": 0, "recovered": 0, "lost": 0, "offered": 0, "runs_with_old": 0}
    lags: list[float] = []
    start = time.perf_counter()
    for run in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            r = kill_once(Path(folder), args.seed + run, rng)
        totals["edits"] += r.edits
        totals["old"] += r.old_edits
        totals["recovered"] += r.recovered
        totals["lost"] += len(r.lost_old)
        totals["runs_with_old"] += bool(r.old_edits)
        totals["offered"] += bool(r.offered and r.old_edits)
        if r.recovered:
            lags.append(r.newest_lag)  # age, at the kill, of the newest edit found in the recovery file
        if r.lost_old:
            print(f"  run {run}: lost edits older than {GRACE} s: {r.lost_old}", flush=True)
        if (run + 1) % 20 == 0:
            print(
                f"{run + 1:>4} kills, {totals['lost']} old edits lost ({time.perf_counter() - start:.0f} s)",
                flush=True,
            )
    print(
        f"\n{args.runs} kills during editing: {totals['edits']} edits made, {totals['old']} of them older than "
        f"{GRACE} s at the kill, {totals['recovered']} found in recovery files"
    )
    print(f"lost edits older than {GRACE} s: {totals['lost']}")
    print(
        f"recovery offered to the next session: {totals['offered']} of {totals['runs_with_old']} runs that had "
        "an edit older than the grace period"
    )
    if lags:
        print(
            f"age at the kill of the newest edit in the recovery file: median {statistics.median(lags):.2f} s, "
            f"max {max(lags):.2f} s (the edits after it were made less than 0.5 s before the kill)"
        )
    return 1 if totals["lost"] or totals["offered"] < totals["runs_with_old"] else 0


if __name__ == "__main__":
    sys.exit(main())
