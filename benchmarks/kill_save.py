"""Kill a process while it saves a plan, many times, and count corrupt targets and leftover temporary files
(issue 11), on demand.

    .venv/bin/python benchmarks/kill_save.py --kills 1000 --decisions 10000

A forked child saves a large plan over and over (alternating two versions, through ``write_text_atomic`` as
``save_plan`` and the app's Save do: temporary file, fsync, rename) and is killed with SIGKILL after a random
0-300 ms. After every kill the target must be exactly the old or the new file. The next save (the next child's first) removes the temporary file a killed save left, since
its writer's session is gone; at the end one more save runs and the folder must hold the target alone.
Prints the counts; exit status 1 on any corrupt target or leftover file. POSIX only (fork, SIGKILL).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _plans import random_plan

from planner.model import dump_plan, sessions, write_text_atomic


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=1000)
    ap.add_argument("--decisions", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    plan_a = random_plan(args.decisions, seed=args.seed)
    plan_b = plan_a.model_copy(update={"title": plan_a.title + " (edited)"})
    text_a, text_b = dump_plan(plan_a), dump_plan(plan_b)
    print(f"plan of {args.decisions} decisions: {len(text_a) / 1e6:.1f} MB")
    corrupt = 0
    temps_seen = 0
    max_temps = 0
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "big.plan.json"
        write_text_atomic(target, text_a)
        for k in range(args.kills):
            pid = os.fork()
            if pid == 0:  # the saving process: a new session (its own pid and start time)
                sessions.this_session.cache_clear()
                n = 0
                while (
                    True
                ):  # the text is ready: the whole time goes to the write itself (temp, fsync, rename)
                    write_text_atomic(target, text_b if n % 2 == 0 else text_a)
                    n += 1
            time.sleep(rng.uniform(0.0, 0.3))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            data = target.read_bytes()
            if data not in (text_a.encode(), text_b.encode()):
                corrupt += 1
                print(f"  kill {k}: the target is neither the old nor the new file ({len(data)} bytes)")
            temps = [p for p in Path(folder).iterdir() if p.name != target.name]
            temps_seen += len(temps)
            max_temps = max(max_temps, len(temps))
            if (k + 1) % 100 == 0:
                print(
                    f"{k + 1:>5} kills: {corrupt} corrupt, {len(temps)} temporary file(s) waiting for the next "
                    f"save ({time.perf_counter() - start:.0f} s)",
                    flush=True,
                )
        write_text_atomic(target, text_a)  # the next save after the last kill
        left = sorted(p.name for p in Path(folder).iterdir() if p.name != target.name)
    print(
        f"\n{args.kills} kills during saves of a {len(text_a) / 1e6:.1f} MB plan: {corrupt} corrupt targets; "
        f"a killed save left a temporary file {temps_seen} times (at most {max_temps} at once), each removed by "
        f"the next save; leftover temporary files at the end: {len(left)}"
    )
    for name in left:
        print(f"  left: {name}")
    return 1 if corrupt or left else 0


if __name__ == "__main__":
    sys.exit(main())
