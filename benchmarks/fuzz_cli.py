"""Fuzz the command line with structure-aware hostile plan files (issue 11), on demand.

    .venv/bin/python benchmarks/fuzz_cli.py --cases 100000 --workers 2

Each case is a plan file from ``tests/fuzz_plans.py`` (extreme numbers, late dates, long and ``$`` strings, wrong
types, old-version files, cycles, deep nesting, duplicate keys, damaged bytes); ``check``, ``analyze`` and ``simulate`` (``--format
json``; with ``--all-commands`` also the text formats) run on it in-process, every 50th case also exports a chart
and every 2,000th writes the PDF report. A case fails when a command exits with a code other than 0/1/2, prints
"internal error", a traceback or a warning, prints more or less than one message with exit 2, writes JSON with
NaN/Infinity, or leaves a temporary file. Prints progress and the counts; exit status 1 when any case failed.
"""

from __future__ import annotations

import argparse
import collections
import multiprocessing as mp
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fuzz_plans import CHARTS, COMMANDS, FAST_COMMANDS, make_case, reuse_parser, run_case


def work(args: tuple[int, int, int]) -> tuple[int, dict[str, int], list[tuple[int, str]]]:
    first, count, full = args
    reuse_parser()
    problems: collections.Counter[str] = collections.Counter()
    examples: list[tuple[int, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        for seed in range(first, first + count):
            data = make_case(random.Random(seed))
            found = run_case(
                data,
                Path(folder),
                export=CHARTS[seed % len(CHARTS)] if seed % 50 == 0 else None,
                report=seed % 2000 == 0,
                commands=COMMANDS if full else FAST_COMMANDS,
            )
            for p in found:
                key = p[:160]
                problems[key] += 1
                if problems[key] == 1:
                    examples.append((seed, p[:400]))
    return count, dict(problems), examples


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0, help="first seed (case k uses seed + k)")
    ap.add_argument("--chunk", type=int, default=500)
    ap.add_argument(
        "--all-commands",
        action="store_true",
        help="also check and analyze in text (5 commands a case instead of 3; about half as fast)",
    )
    args = ap.parse_args()
    n_commands = len(COMMANDS if args.all_commands else FAST_COMMANDS)
    chunks = [
        (args.seed + k, min(args.chunk, args.cases - k), int(args.all_commands))
        for k in range(0, args.cases, args.chunk)
    ]
    done = 0
    total: collections.Counter[str] = collections.Counter()
    start = time.perf_counter()
    with mp.get_context("spawn").Pool(args.workers) as pool:
        for count, problems, examples in pool.imap_unordered(work, chunks):
            done += count
            total.update(problems)
            for seed, text in examples:
                print(f"  case {seed}: {text}", flush=True)
            if done % 1000 < args.chunk or done == args.cases:
                rate = done / (time.perf_counter() - start)
                print(f"{done:>7} cases, {sum(total.values())} problems ({rate:.0f} cases/s)", flush=True)
    print(
        f"\n{done} fuzzed plan files, {done * n_commands} command runs (+ exports/reports): "
        f"{sum(total.values())} problems in {len(total)} kinds"
    )
    for text, n in total.most_common():
        print(f"  {n:>6}  {text}")
    internal = sum(n for t, n in total.items() if "internal error" in t)
    print(f"internal errors: {internal}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
