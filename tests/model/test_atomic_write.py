"""The one atomic write (:func:`planner.model.io.atomic_write`) and the writers that go through it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planner.model.io import atomic_write


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_replaces_the_file_in_one_step(tmp_path: Path) -> None:
    path = tmp_path / "out.bin"
    path.write_bytes(b"old")
    with atomic_write(path) as fh:
        fh.write(b"new ")
        assert path.read_bytes() == b"old"  # nothing visible until the block ends
        fh.write(b"content")
    assert path.read_bytes() == b"new content"
    assert _files(tmp_path) == ["out.bin"]


def test_a_failure_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "out.pdf"
    path.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_write(path, suffix=".part") as fh:
        fh.write(b"half")
        raise RuntimeError("cancelled")
    assert path.read_bytes() == b"old"
    assert _files(tmp_path) == ["out.pdf"]


def test_keeps_the_mode_of_the_file_it_replaces_and_new_files_are_ordinary(tmp_path: Path) -> None:
    umask = os.umask(0)
    os.umask(umask)
    fresh = tmp_path / "fresh.png"
    with atomic_write(fresh) as fh:
        fh.write(b"x")
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's owner-only 0o600
    fresh.chmod(0o640)
    with atomic_write(fresh) as fh:
        fh.write(b"y")
    assert fresh.stat().st_mode & 0o777 == 0o640


def test_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    with atomic_write(link) as fh:
        fh.write(b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_a_chart_export_that_fails_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app's chart tab and the command line export through save_figure, which writes atomically."""
    from matplotlib.figure import Figure

    from planner.charts import save_figure

    path = tmp_path / "chart.png"
    path.write_bytes(b"the old chart")
    fig = Figure(figsize=(2, 1))
    fig.add_subplot().plot([0, 1], [0, 1])

    def boom(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fig, "savefig", boom)
    with pytest.raises(OSError):
        save_figure(fig, path)
    assert path.read_bytes() == b"the old chart"
    assert _files(tmp_path) == ["chart.png"]
    monkeypatch.undo()
    save_figure(fig, path)
    assert path.read_bytes().startswith(b"\x89PNG")
    assert _files(tmp_path) == ["chart.png"]
