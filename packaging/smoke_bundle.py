"""Smoke test of the standalone bundle (on demand and in CI on demand; not part of the pytest suite)::

    python packaging/smoke_bundle.py            # build with build_bundle.py, then test
    python packaging/smoke_bundle.py --no-build # test the bundle already in dist/

Runs the bundle from a fresh temporary folder with an environment that has no Python and no virtual environment
on PATH (PATH is an empty folder; HOME and the XDG folders are temporary), the way a user who downloaded it runs it:
``planner --version``, ``planner report SAMPLE -o x.pdf``, ``planner export SAMPLE --chart gantt -o gantt.svg``,
``planner screenshot SAMPLE -o window.png`` (offscreen) and the desktop app itself opening the bundled sample
offscreen (``PLANNER_EXIT_AFTER_OPEN=1``: it prints what it opened and quits). Prints the sizes and the timings;
exits 1 when any step fails. Start-up target: <= 1 s for ``--version`` and for the app to show the sample.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "dist" / "scaling-roadmap-planner"
EXE = FOLDER / "planner"
SAMPLE = ROOT / "sample_plans" / "bank-assistant.plan.json"
START_TARGET_S = 1.0


def clean_env(home: Path) -> dict[str, str]:
    empty_bin = home / "empty-bin"
    empty_bin.mkdir(exist_ok=True)
    env = {
        "HOME": str(home),
        "PATH": str(empty_bin),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
    }
    (home / "runtime").mkdir(mode=0o700, exist_ok=True)
    return env


def run(
    args: list[str], env: dict[str, str], cwd: Path
) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """(wall seconds, CPU seconds of the process and its children, result). CPU time hardly depends on how busy
    the machine is; wall time does."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=300)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done


def timed(
    label: str, args: list[str], env: dict[str, str], cwd: Path, repeat: int = 1
) -> tuple[float, float, str]:
    """Median wall and CPU seconds over ``repeat`` runs, and the last run's output."""
    walls, cpus, out = [], [], ""
    for _ in range(repeat):
        wall, cpu, done = run(args, env, cwd)
        if done.returncode != 0:
            raise SystemExit(
                f"FAIL {label}: exit {done.returncode}\n{done.stdout[-2000:]}{done.stderr[-4000:]}"
            )
        walls.append(wall)
        cpus.append(cpu)
        out = done.stdout.strip()
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    spread = f" (wall min {min(walls):.2f}, max {max(walls):.2f}; n={repeat})" if repeat > 1 else ""
    print(f"  {label:<50} {wall:6.2f} s wall, {cpu:5.2f} s CPU{spread}")
    return wall, cpu, out


def main() -> int:
    parser = argparse.ArgumentParser(description="Build and smoke-test the standalone bundle.")
    parser.add_argument("--no-build", action="store_true", help="test the bundle already in dist/")
    parser.add_argument(
        "--repeat", type=int, default=5, help="runs of each start-up timing (median reported)"
    )
    args = parser.parse_args()
    if not args.no_build:
        subprocess.run([sys.executable, str(ROOT / "packaging" / "build_bundle.py")], check=True)
    if not EXE.is_file():
        sys.stderr.write(f"smoke_bundle: no bundle at {EXE}; run python packaging/build_bundle.py\n")
        return 2
    size = sum(p.stat().st_size for p in FOLDER.rglob("*") if p.is_file() and not p.is_symlink())
    archives = sorted((ROOT / "dist").glob("scaling-roadmap-planner-*.tar.gz"))
    print(
        f"bundle {FOLDER.relative_to(ROOT)}/: {size / 1e6:.1f} MB"
        + "".join(f"; archive {a.name}: {a.stat().st_size / 1e6:.1f} MB" for a in archives)
    )
    failures = []
    with tempfile.TemporaryDirectory(prefix="planner-smoke-") as tmp:
        home = Path(tmp)
        env = clean_env(home)
        work = home / "work"
        work.mkdir()
        sample = work / "sample.plan.json"
        shutil.copyfile(SAMPLE, sample)
        exe = str(EXE)
        print(
            f"from a clean folder, PATH without Python (load average {os.getloadavg()[0]:.1f} on "
            f"{os.cpu_count()} cores):"
        )
        version_s, version_cpu, out = timed("planner --version", [exe, "--version"], env, work, args.repeat)
        print(f"    -> {out}")
        venv_planner = Path(sys.executable).parent / "planner"
        if venv_planner.is_file():  # the same command from a Python environment, measured now, for comparison
            timed(
                "(for comparison: this venv's planner --version)",
                [str(venv_planner), "--version"],
                env,
                work,
                args.repeat,
            )
        gui_s, gui_cpu, out = timed(
            "planner (app opens the bundled sample, offscreen)",
            [exe],
            {**env, "PLANNER_EXIT_AFTER_OPEN": "1"},
            work,
            args.repeat,
        )
        print(f"    -> {out}")
        if "48 decisions" not in out:
            failures.append(f"the app did not open the bundled sample: {out!r}")
        if venv_planner.is_file():
            timed(
                "(for comparison: this venv's planner, same)",
                [str(venv_planner)],
                {**env, "PLANNER_EXIT_AFTER_OPEN": "1"},
                work,
                args.repeat,
            )
        timed("planner check SAMPLE", [exe, "check", str(sample)], env, work)
        timed("planner report SAMPLE -o x.pdf", [exe, "report", str(sample), "-o", "x.pdf"], env, work)
        pdf = work / "x.pdf"
        if not pdf.is_file() or pdf.read_bytes()[:5] != b"%PDF-":
            failures.append("report: no PDF written")
        else:
            print(f"    -> x.pdf {pdf.stat().st_size / 1e3:.0f} kB")
        timed(
            "planner export SAMPLE --chart gantt -o gantt.svg",
            [exe, "export", str(sample), "--chart", "gantt", "-o", "gantt.svg"],
            env,
            work,
        )
        timed(
            "planner screenshot SAMPLE -o window.png",
            [exe, "screenshot", str(sample), "-o", "window.png"],
            env,
            work,
        )
        shot = work / "window.png"
        if not shot.is_file() or shot.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
            failures.append("screenshot: no PNG written")
        else:
            keep = ROOT / "dist" / "smoke-window.png"
            shutil.copyfile(shot, keep)
            print(f"    -> window.png {shot.stat().st_size / 1e3:.0f} kB (kept as {keep.relative_to(ROOT)})")
        # The target is wall time on a machine that is not busy; on a busy one (load above the core count) the
        # CPU time stands in for it, since a start-up is one process on one core.
        busy = os.getloadavg()[0] > (os.cpu_count() or 1)
        for label, wall, cpu in (("--version", version_s, version_cpu), ("app start", gui_s, gui_cpu)):
            if (cpu if busy else wall) > START_TARGET_S:
                failures.append(
                    f"{label} took {wall:.2f} s wall, {cpu:.2f} s CPU (target <= {START_TARGET_S:.0f} s"
                    + (", machine busy: CPU time judged)" if busy else ")")
                )
    for failure in failures:
        print(f"FAIL {failure}")
    print("smoke test passed" if not failures else f"smoke test failed ({len(failures)})")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
