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
    env = {"HOME": str(home), "PATH": str(empty_bin), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CACHE_HOME": str(home / "cache"), "XDG_RUNTIME_DIR": str(home / "runtime")}
    (home / "runtime").mkdir(mode=0o700, exist_ok=True)
    return env


def run(args: list[str], env: dict[str, str], cwd: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    t0 = time.perf_counter()
    done = subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=300)
    return time.perf_counter() - t0, done


def timed(label: str, args: list[str], env: dict[str, str], cwd: Path, repeat: int = 1) -> tuple[float, str]:
    times, out = [], ""
    for _ in range(repeat):
        seconds, done = run(args, env, cwd)
        if done.returncode != 0:
            raise SystemExit(f"FAIL {label}: exit {done.returncode}\n{done.stdout[-2000:]}{done.stderr[-4000:]}")
        times.append(seconds)
        out = done.stdout.strip()
    median = statistics.median(times)
    spread = f" (min {min(times):.2f}, max {max(times):.2f}, n={repeat})" if repeat > 1 else ""
    print(f"  {label:<44} {median:6.2f} s{spread}")
    return median, out


def main() -> int:
    parser = argparse.ArgumentParser(description="Build and smoke-test the standalone bundle.")
    parser.add_argument("--no-build", action="store_true", help="test the bundle already in dist/")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each start-up timing (median reported)")
    args = parser.parse_args()
    if not args.no_build:
        subprocess.run([sys.executable, str(ROOT / "packaging" / "build_bundle.py")], check=True)
    if not EXE.is_file():
        sys.stderr.write(f"smoke_bundle: no bundle at {EXE}; run python packaging/build_bundle.py\n")
        return 2
    size = sum(p.stat().st_size for p in FOLDER.rglob("*") if p.is_file() and not p.is_symlink())
    archives = sorted((ROOT / "dist").glob("scaling-roadmap-planner-*.tar.gz"))
    print(f"bundle {FOLDER.relative_to(ROOT)}/: {size / 1e6:.1f} MB"
          + "".join(f"; archive {a.name}: {a.stat().st_size / 1e6:.1f} MB" for a in archives))
    failures = []
    with tempfile.TemporaryDirectory(prefix="planner-smoke-") as tmp:
        home = Path(tmp)
        env = clean_env(home)
        work = home / "work"
        work.mkdir()
        sample = work / "sample.plan.json"
        shutil.copyfile(SAMPLE, sample)
        exe = str(EXE)
        print(f"from a clean folder, PATH without Python (load average {os.getloadavg()[0]:.1f} on "
              f"{os.cpu_count()} cores):")
        version_s, out = timed("planner --version", [exe, "--version"], env, work, args.repeat)
        print(f"    -> {out}")
        venv_planner = Path(sys.executable).parent / "planner"
        if venv_planner.is_file():  # the same command from a Python environment, measured now, for comparison
            timed("(for comparison: this venv's planner --version)", [str(venv_planner), "--version"],
                  env, work, args.repeat)
        gui_s, out = timed("planner (app opens the bundled sample, offscreen)", [exe],
                           {**env, "PLANNER_EXIT_AFTER_OPEN": "1"}, work, args.repeat)
        print(f"    -> {out}")
        if "48 decisions" not in out:
            failures.append(f"the app did not open the bundled sample: {out!r}")
        if venv_planner.is_file():
            timed("(for comparison: this venv's planner, same)", [str(venv_planner)],
                  {**env, "PLANNER_EXIT_AFTER_OPEN": "1"}, work, args.repeat)
        timed("planner check SAMPLE", [exe, "check", str(sample)], env, work)
        timed("planner report SAMPLE -o x.pdf", [exe, "report", str(sample), "-o", "x.pdf"], env, work)
        pdf = work / "x.pdf"
        if not pdf.is_file() or pdf.read_bytes()[:5] != b"%PDF-":
            failures.append("report: no PDF written")
        else:
            print(f"    -> x.pdf {pdf.stat().st_size / 1e3:.0f} kB")
        timed("planner export SAMPLE --chart gantt -o gantt.svg",
              [exe, "export", str(sample), "--chart", "gantt", "-o", "gantt.svg"], env, work)
        timed("planner screenshot SAMPLE -o window.png", [exe, "screenshot", str(sample), "-o", "window.png"],
              env, work)
        shot = work / "window.png"
        if not shot.is_file() or shot.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
            failures.append("screenshot: no PNG written")
        else:
            keep = ROOT / "dist" / "smoke-window.png"
            shutil.copyfile(shot, keep)
            print(f"    -> window.png {shot.stat().st_size / 1e3:.0f} kB (kept as {keep.relative_to(ROOT)})")
        for label, seconds in (("--version", version_s), ("app start", gui_s)):
            if seconds > START_TARGET_S:
                failures.append(f"{label} took {seconds:.2f} s (target <= {START_TARGET_S:.0f} s)")
    for failure in failures:
        print(f"FAIL {failure}")
    print("smoke test passed" if not failures else f"smoke test failed ({len(failures)})")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
