"""What every planner process sets before numpy and matplotlib are imported (planner.startup)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from planner.startup import APP_FOLDER, prepare_environment

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "planner" / "templates" / "ai-scaling.plan.json"


def _home_that_is_a_file(tmp_path: Path) -> Path:
    """A HOME under which no folder can be made, for any user, root included (it is a file)."""
    home = tmp_path / "home-is-a-file"
    home.write_text("not a folder")
    return home


def test_openblas_one_thread_unless_the_user_set_it(tmp_path: Path) -> None:
    env: dict[str, str] = {"HOME": str(tmp_path)}
    prepare_environment(env)
    assert env["OPENBLAS_NUM_THREADS"] == "1"
    env = {"HOME": str(tmp_path), "OPENBLAS_NUM_THREADS": "4"}
    prepare_environment(env)
    assert env["OPENBLAS_NUM_THREADS"] == "4"


def test_matplotlib_keeps_its_own_folders_when_they_can_be_written(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": "", "XDG_CACHE_HOME": ""}
    prepare_environment(env)
    assert "MPLCONFIGDIR" not in env


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the XDG folders are matplotlib's on Linux only"
)
def test_an_unwritable_home_gets_a_private_folder_kept_between_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    env = {"HOME": str(_home_that_is_a_file(tmp_path))}
    prepare_environment(env)
    folder = Path(env["MPLCONFIGDIR"])
    assert folder.is_dir() and folder.parent.name.startswith(APP_FOLDER)
    assert stat.S_IMODE(folder.parent.stat().st_mode) == 0o700
    again = {"HOME": env["HOME"]}
    prepare_environment(again)
    assert again["MPLCONFIGDIR"] == env["MPLCONFIGDIR"]
    # Only the cache folder unwritable: the same.
    env = {"HOME": str(tmp_path), "XDG_CACHE_HOME": str(_home_that_is_a_file(tmp_path))}
    prepare_environment(env)
    assert env["MPLCONFIGDIR"] == again["MPLCONFIGDIR"]


def test_the_users_own_setting_wins(tmp_path: Path) -> None:
    env = {"HOME": str(_home_that_is_a_file(tmp_path)), "MPLCONFIGDIR": str(tmp_path / "mine")}
    prepare_environment(env)
    assert env["MPLCONFIGDIR"] == str(tmp_path / "mine")


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="ownership of a shared temporary folder is POSIX's")
def test_a_shared_folder_someone_else_could_write_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    shared = tmp_path / f"{APP_FOLDER}-{os.getuid()}"
    shared.mkdir()
    shared.chmod(0o777)
    env = {"HOME": str(_home_that_is_a_file(tmp_path))}
    prepare_environment(env)
    assert "MPLCONFIGDIR" not in env  # matplotlib then makes its own temporary folder, as without the planner


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the XDG folders are matplotlib's on Linux only"
)
def test_a_chart_export_with_an_unwritable_home_writes_no_warning(tmp_path: Path) -> None:
    """Before: 'mkdir -p failed for path ...' and 'Matplotlib created a temporary cache directory ...' on the
    standard error of every command that draws, and the font cache built again on every run."""
    env = {
        k: v for k, v in os.environ.items() if k not in {"MPLCONFIGDIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"}
    }
    env.update(HOME=str(_home_that_is_a_file(tmp_path)), TMPDIR=str(tmp_path), PYTHONPATH=str(ROOT))
    out = tmp_path / "gantt.png"
    done = subprocess.run(
        [sys.executable, "-m", "planner", "export", str(SAMPLE), "-o", str(out), "--chart", "gantt"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [f"Wrote {out} (gantt, PNG)."]  # the command's own line, nothing else
    assert out.stat().st_size > 0
    assert (tmp_path / f"{APP_FOLDER}-{os.getuid()}" / "matplotlib").is_dir()
