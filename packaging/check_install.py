"""`pip install .` the way a user does it, on demand (needs the package index; a few minutes)::

    python packaging/check_install.py

Builds the wheel, creates a fresh virtual environment in a temporary folder, installs the wheel there with its
dependencies from the package index (non-editable), and from another folder runs ``planner --version``, the
desktop app offscreen on the bundled sample (``PLANNER_EXIT_AFTER_OPEN=1``), and ``planner report`` on the sample.
The test suite does the quick part of this without the network (tests/test_wheel.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def step(label: str, args: list[str], **kw: object) -> str:
    t0 = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, **kw)  # type: ignore[call-overload]
    if done.returncode != 0:
        raise SystemExit(f"FAIL {label}: exit {done.returncode}\n{done.stdout[-2000:]}{done.stderr[-4000:]}")
    print(f"  {label:<48} {time.perf_counter() - t0:6.1f} s")
    return str(done.stdout).strip()


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="planner-install-") as tmp:
        base = Path(tmp)
        src = base / "src"
        shutil.copytree(
            ROOT,
            src,
            ignore=shutil.ignore_patterns(
                ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis"
            ),
        )
        wheels = base / "wheels"
        venv = base / "venv"
        step("python -m venv (fresh)", [sys.executable, "-m", "venv", str(venv)])
        pip = [str(venv / "bin" / "python"), "-m", "pip", "-q"]
        step("pip wheel . --no-deps", [*pip, "wheel", str(src), "--no-deps", "-w", str(wheels)])
        (wheel,) = wheels.glob("*.whl")
        step(f"pip install {wheel.name}", [*pip, "install", str(wheel)])
        elsewhere = base / "elsewhere"
        elsewhere.mkdir()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
        env.update(
            QT_QPA_PLATFORM="offscreen",
            XDG_CONFIG_HOME=str(base / "config"),
            PLANNER_DATA_DIR=str(base / "data"),
        )
        planner = str(venv / "bin" / "planner")
        print("    ->", step("planner --version", [planner, "--version"], env=env, cwd=elsewhere))
        out = step(
            "planner (opens the bundled sample, offscreen)",
            [planner],
            env={**env, "PLANNER_EXIT_AFTER_OPEN": "1"},
            cwd=elsewhere,
        )
        print("    ->", out)
        if "48 decisions" not in out:
            raise SystemExit("FAIL the app did not open the bundled sample")
        sample = step(
            "locate the packaged sample",
            [
                str(venv / "bin" / "python"),
                "-c",
                "from planner.desktop import sample_plan_path as s; print(s())",
            ],
            env=env,
            cwd=elsewhere,
        )
        if not sample.startswith(str(venv)):
            raise SystemExit(f"FAIL the sample is not the installed copy: {sample}")
        step(
            "planner report SAMPLE -o x.pdf",
            [planner, "report", sample, "-o", "x.pdf"],
            env=env,
            cwd=elsewhere,
        )
        if (elsewhere / "x.pdf").read_bytes()[:5] != b"%PDF-":
            raise SystemExit("FAIL no PDF written")
    print("install check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
