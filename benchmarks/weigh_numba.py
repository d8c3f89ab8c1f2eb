"""Weigh a compiled kernel (numba) for the planning core's one Python-bound pass, on demand (issue 12).

Issue 12 names "a compiled kernel (numba, with its start-up and install cost measured and weighed)" as a way to
the whole-command and in-process targets. This script measures both sides of that trade on this machine:

- the gain: the topological generations of ``compile_plan`` (``planner.analysis.graph._kahn_generations``, a
  Python loop over every link: the largest pure-Python step of ``analyze(plan)`` at 100k decisions) written as a
  numba kernel, timed on the same links and checked equal (order, levels, generation bounds);
- the cost: numba and llvmlite's installed size, ``import numba`` in a fresh process, the kernel's first call in a
  fresh process with an empty cache (compiled) and with the cache numba wrote (loaded), then its steady calls.

numba is not a dependency of the planner: the kernel runs in a separate venv given with ``--python`` (one with
numba installed, e.g. ``python3 -m venv /tmp/nb && /tmp/nb/bin/pip install numba``), fed the links through an
``.npz`` file; the planner's own pass runs in this venv. Run::

    .venv/bin/python benchmarks/weigh_numba.py --python /tmp/nb/bin/python [--sizes 10000,100000] [--repeat 5]

The verdict (README "Speed", "A compiled kernel, weighed") is the reader's; the script prints the figures side by
side with the budget a whole command has (issue 12's 5x targets at 10k: analyze ~140 ms, check ~75 ms of CPU).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from benchmarks._plans import random_plan  # noqa: E402
from planner.analysis.graph import _kahn_generations, compile_plan  # noqa: E402

# The kernel: the same first-in first-out Kahn as planner.analysis.graph._kahn_generations (ready nodes in plan
# order, then in order of discovery; successors in link order), so its order and bounds must be equal.
KERNEL = textwrap.dedent(
    """
    import numpy as np
    from numba import njit


    @njit(cache=True, nogil=True)
    def kahn_generations(n, src, dst):
        indeg = np.zeros(n, np.int64)
        for v in dst:
            indeg[v] += 1
        ptr = np.zeros(n + 1, np.int64)
        for u in src:
            ptr[u + 1] += 1
        for i in range(n):
            ptr[i + 1] += ptr[i]
        fill = ptr[:-1].copy()
        succ = np.empty(len(src), np.int64)
        for e in range(len(src)):
            u = src[e]
            succ[fill[u]] = dst[e]
            fill[u] += 1
        order = np.empty(n, np.int64)
        k = 0
        for i in range(n):
            if indeg[i] == 0:
                order[k] = i
                k += 1
        bounds = np.empty(n + 2, np.int64)
        bounds[0] = 0
        head = 0
        levels = 0
        while head < k:
            end = k
            levels += 1
            bounds[levels] = end
            for j in range(head, end):
                u = order[j]
                for p in range(ptr[u], ptr[u + 1]):
                    v = succ[p]
                    indeg[v] -= 1
                    if indeg[v] == 0:
                        order[k] = v
                        k += 1
            head = end
        return order[:k], levels, bounds[: levels + 1]
    """
)

# One process: import numba, import the kernel, call it on the links (first call), then ``repeat`` steady calls;
# prints the times as JSON and writes the result beside the links.
RUNNER = textwrap.dedent(
    """
    import json, statistics, sys, time
    t0 = time.perf_counter(); c0 = time.process_time()
    import numba
    t1 = time.perf_counter(); c1 = time.process_time()
    import numpy as np
    from kernel import kahn_generations
    links = np.load(sys.argv[1])
    n, src, dst = int(links["n"]), links["src"], links["dst"]
    t2 = time.perf_counter(); c2 = time.process_time()
    order, levels, bounds = kahn_generations(n, src, dst)
    t3 = time.perf_counter(); c3 = time.process_time()
    steady = []
    for _ in range(int(sys.argv[3])):
        c = time.process_time(); kahn_generations(n, src, dst); steady.append(time.process_time() - c)
    np.savez(sys.argv[2], order=order, levels=levels, bounds=bounds)
    print(json.dumps({"import_cpu": c1 - c0, "import_wall": t1 - t0, "first_cpu": c3 - c2, "first_wall": t3 - t2,
                      "steady_cpu": statistics.median(steady), "numba": numba.__version__}))
    """
)


def installed_mb(python: str) -> float:
    """Megabytes of numba's and llvmlite's package folders in the venv of ``python``."""
    code = "import numba, llvmlite, os; print(os.path.dirname(numba.__file__)); print(os.path.dirname(llvmlite.__file__))"
    folders = subprocess.run([python, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    total = 0
    for folder in folders:
        for base, _dirs, files in os.walk(folder):
            total += sum(os.path.getsize(os.path.join(base, f)) for f in files)
    return total / 1e6


def run_kernel(python: str, work: Path, links: Path, cache: Path, repeat: int) -> dict[str, float]:
    env = dict(os.environ, NUMBA_CACHE_DIR=str(cache), PYTHONPATH=str(work), OPENBLAS_NUM_THREADS="1")
    out = subprocess.run(
        [python, str(work / "runner.py"), str(links), str(work / "result.npz"), str(repeat)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def planner_pass(n: int, src: np.ndarray, dst: np.ndarray, repeat: int) -> tuple[float, tuple[object, ...]]:
    """CPU seconds (median) of the planner's own pass, and its result."""
    times = []
    result: tuple[object, ...] = ()
    for _ in range(repeat):
        c = time.process_time()
        result = _kahn_generations(n, src, dst)
        times.append(time.process_time() - c)
    return statistics.median(times), result


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--python", required=True, help="a Python with numba installed (not the project's venv)")
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    print(
        f"load average {os.getloadavg()[0]:.2f}; numba and llvmlite installed: {installed_mb(args.python):,.0f} MB"
    )
    with tempfile.TemporaryDirectory(prefix="weigh-numba-") as tmp:
        work = Path(tmp)
        (work / "kernel.py").write_text(KERNEL)
        (work / "runner.py").write_text(RUNNER)
        print(
            f"{'decisions':>10} {'links':>8} {'planner (Python)':>17} {'kernel':>9} {'import numba':>13} "
            f"{'1st call, no cache':>19} {'1st call, cached':>17}"
        )
        for n in (int(s) for s in args.sizes.split(",")):
            graph = compile_plan(random_plan(n, seed=0))
            src, dst = graph.src.astype(np.int64), graph.dst.astype(np.int64)
            links = work / f"links-{n}.npz"
            np.savez(links, n=n, src=src, dst=dst)
            cache = work / f"cache-{n}"
            cold = run_kernel(args.python, work, links, cache, args.repeat)  # compiles and writes the cache
            warm = [run_kernel(args.python, work, links, cache, args.repeat) for _ in range(3)]
            mine, (order, _left, levels, bounds) = planner_pass(n, src, dst, args.repeat)
            got = np.load(work / "result.npz")
            if (
                order is None
                or got["order"].tolist() != list(order)
                or int(got["levels"]) != levels
                or got["bounds"].tolist() != list(bounds)
            ):
                print(f"the kernel's order or generations differ from the planner's at {n:,}: aborted")
                return 1
            med = {
                k: statistics.median(w[k] for w in warm) for k in ("import_cpu", "first_cpu", "steady_cpu")
            }
            print(
                f"{n:>10,} {len(src):>8,} {ms(mine):>17} {ms(med['steady_cpu']):>9} {ms(med['import_cpu']):>13} "
                f"{ms(cold['first_cpu']):>19} {ms(med['first_cpu']):>17}"
            )
        print(
            f"numba {cold['numba']}; CPU seconds, medians (cached: of 3 fresh processes); results checked equal"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
