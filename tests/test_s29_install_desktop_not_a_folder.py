"""`planner install-desktop` on a machine whose data folder cannot exist (XDG_DATA_HOME, or the home folder, under a
file: a mistyped setting, a home that is a file): install said "cannot read the record of installed files ([Errno
20] Not a directory ...); delete it and install again", naming a record that is not there and cannot be deleted,
and `--uninstall` failed the same way (exit 2) where nothing was ever installed. Now install says the folder cannot
be made, and uninstall that there is nothing to remove."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner import desktop
from planner.cli import main


@pytest.fixture
def home_under_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("a file where a folder should be\n", encoding="utf-8")
    home = a_file / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def test_install_says_the_folder_cannot_be_made(
    home_under_a_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["install-desktop"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"planner: {home_under_a_file}: cannot install: Not a directory"), err
    assert "record of installed files" not in err
    assert "delete it" not in err


def test_uninstall_has_nothing_to_remove(home_under_a_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["install-desktop", "--uninstall"]) == 0
    captured = capsys.readouterr()
    assert captured.out == (
        f"Nothing to remove: install-desktop has not installed anything in {home_under_a_file}.\n"
    )
    assert captured.err == ""
    assert desktop.uninstall(home_under_a_file, refresh=False).files == []


def test_an_unreadable_record_is_still_said(tmp_path: Path) -> None:
    # The record itself unreadable (here: a folder in its place) is still reported, with what to do.
    home = tmp_path / "share"
    (home / desktop.MANIFEST).mkdir(parents=True)
    with pytest.raises(OSError, match="cannot read the record of installed files"):
        desktop.uninstall(home, refresh=False)
