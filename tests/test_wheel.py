"""`pip install .` works without the source tree: the wheel carries the sample, templates, schema and desktop
files and nothing from tests/ or benchmarks/, and a non-editable install in a fresh venv, run from another folder,
opens the bundled sample. (The same with the dependencies downloaded from the package index, and a report
exported: packaging/check_install.py, on demand.)"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
_NOT_SOURCE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".pytest_cache",
    ".hypothesis",
    ".mypy_cache",
    ".ruff_cache",
    "out",
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Build from a copy: setuptools writes build/ and *.egg-info next to the sources, and the tree is shared.
    src = tmp_path_factory.mktemp("src") / "planner-src"
    shutil.copytree(REPO, src, ignore=_NOT_SOURCE)
    out = tmp_path_factory.mktemp("wheels")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(src),
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-q",
            "-w",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    (built,) = out.glob("scaling_roadmap_planner-*.whl")
    return built


@pytest.mark.slow
def test_the_wheel_carries_the_data_and_no_tests(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        metadata = zf.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
        entry_points = zf.read(next(n for n in names if n.endswith(".dist-info/entry_points.txt"))).decode()
    app = "org.scalingroadmap.Planner"
    for required in (
        "planner/resources/sample.plan.json",
        "planner/resources/plan.schema.v1.json",
        "planner/templates/ai-scaling.plan.json",
        "planner/templates/blank.plan.json",
        "planner/__main__.py",
        "planner/desktop.py",
        "planner/commands/install_desktop.py",
        f"planner/resources/desktop/applications/{app}.desktop",
        f"planner/resources/desktop/mime/packages/{app}.xml",
        f"planner/resources/desktop/icons/hicolor/scalable/apps/{app}.svg",
        f"planner/resources/desktop/icons/hicolor/256x256/apps/{app}.png",
    ):
        assert required in names, required
    assert all(n.startswith(("planner/", "scaling_roadmap_planner-")) for n in names), sorted(names)[:20]
    assert not [n for n in names if "/tests/" in n or "benchmarks" in n or "sample_plans" in n or ".pyc" in n]
    assert "planner = planner.cli:main" in entry_points
    # The report's fonts (DejaVu) are matplotlib's own files, so the wheel depends on matplotlib, not a copy.
    assert "Requires-Dist: matplotlib" in metadata


@pytest.mark.slow
def test_a_non_editable_install_opens_the_bundled_sample(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            "-q",
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    # The dependencies come from this environment (no network here); the planner itself only from the wheel.
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    (site / "zz_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PLANNER_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PLANNER_EXIT_AFTER_OPEN="1",
    )
    where = subprocess.run(
        [str(python), "-c", "import planner.desktop as d; print(d.__file__); print(d.sample_plan_path())"],
        capture_output=True,
        text=True,
        env=env,
        cwd=elsewhere,
        timeout=60,
    )
    module, sample = where.stdout.split()
    assert Path(module).is_relative_to(site) and Path(sample).is_relative_to(site), where.stdout
    planner = venv / "bin" / "planner"
    version = subprocess.run(
        [str(planner), "--version"], capture_output=True, text=True, env=env, cwd=elsewhere, timeout=60
    )
    from planner import __version__

    assert version.stdout.strip() == f"planner {__version__}", version.stderr
    opened = subprocess.run(
        [str(planner)], capture_output=True, text=True, env=env, cwd=elsewhere, timeout=120
    )
    assert opened.returncode == 0, opened.stderr[-3000:]
    assert "48 decisions" in opened.stdout, opened.stdout + opened.stderr[-3000:]
