"""`planner install-desktop [--uninstall]` into a temporary XDG_DATA_HOME: what it writes, and that uninstalling
removes exactly that."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

from planner import desktop
from planner.cli import main

APP_ID = desktop.APP_ID


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def test_data_home_follows_the_xdg_spec(tmp_path: Path) -> None:
    assert desktop.data_home({"XDG_DATA_HOME": str(tmp_path)}) == tmp_path
    default = Path.home() / ".local" / "share"
    assert desktop.data_home({}) == default
    assert desktop.data_home({"XDG_DATA_HOME": ""}) == default
    assert desktop.data_home({"XDG_DATA_HOME": "relative/dir"}) == default  # relative paths are ignored


def test_exec_line_quotes_paths_by_the_desktop_entry_rules() -> None:
    template = "[Desktop Entry]\nExec=planner %f\nTryExec=planner\n"
    assert desktop.desktop_entry(template, ["/opt/planner/planner"]) == (
        "[Desktop Entry]\nExec=/opt/planner/planner %f\nTryExec=/opt/planner/planner\n"
    )
    text = desktop.desktop_entry(template, ["/home/a b/100%/pl$n", "-m", "planner"])
    # Quoted for spaces and $, then backslashes doubled for the string type; a literal % is %%.
    assert 'Exec="/home/a b/100%%/pl\\\\$n" -m planner %f' in text
    assert "TryExec=/home/a b/100%/pl$n\n" in text


def test_install_then_uninstall_leaves_the_folder_as_it_was(
    xdg: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = xdg / "applications" / "someone-else.desktop"
    mine.parent.mkdir(parents=True)
    mine.write_text("[Desktop Entry]\n")
    before = _files(xdg)

    assert main(["install-desktop"]) == 0
    out = capsys.readouterr().out
    assert f"into {xdg}" in out
    expected = set(desktop.desktop_files())
    assert {
        f"applications/{APP_ID}.desktop",
        f"mime/packages/{APP_ID}.xml",
        f"icons/hicolor/scalable/apps/{APP_ID}.svg",
        f"icons/hicolor/48x48/apps/{APP_ID}.png",
    } <= expected
    installed = _files(xdg)
    assert expected | before | {desktop.MANIFEST} <= installed
    for rel, node in desktop.desktop_files().items():  # icons and MIME type byte for byte
        if not rel.endswith(".desktop"):
            assert (xdg / rel).read_bytes() == node.read_bytes(), rel

    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(xdg / "applications" / f"{APP_ID}.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    command = desktop.launcher_command()
    assert entry["Exec"].endswith(" %f") and entry["TryExec"] == command[0]
    assert Path(command[0]).is_file()
    assert entry["MimeType"] == f"{desktop.MIME_TYPE};"

    # Installing again changes nothing and records the same files.
    assert main(["install-desktop"]) == 0
    assert _files(xdg) == installed

    assert main(["install-desktop", "--uninstall"]) == 0
    assert "Removed" in capsys.readouterr().out
    left = _files(xdg)
    assert not (left & expected), left & expected
    assert desktop.MANIFEST not in left and mine.is_file()
    # What may remain are the caches the desktop's tools regenerated, and they no longer know the planner.
    caches = left - before
    assert all(
        rel.startswith("mime/") or rel in ("applications/mimeinfo.cache", "icons/hicolor/icon-theme.cache")
        for rel in caches
    ), caches
    for rel in caches:
        text = (xdg / rel).read_bytes()
        assert desktop.MIME_TYPE.encode() not in text and APP_ID.encode() not in text, rel
    assert not (xdg / APP_ID).exists() and not (xdg / "mime" / "packages").exists()


def test_uninstall_without_an_install_removes_nothing(xdg: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stray = xdg / "applications" / f"{APP_ID}.desktop"  # not installed by us: no record of it
    stray.parent.mkdir(parents=True)
    stray.write_text("[Desktop Entry]\n")
    assert main(["install-desktop", "--uninstall"]) == 0
    assert "Nothing to remove" in capsys.readouterr().out
    assert stray.is_file()


def test_an_unwritable_data_folder_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    assert main(["install-desktop"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"planner: {blocker}: cannot install") and "Traceback" not in err


@pytest.mark.skipif(shutil.which("update-mime-database") is None, reason="shared-mime-info not installed")
def test_the_installed_mime_type_claims_plan_files(xdg: Path) -> None:
    result = desktop.install(xdg)
    assert "update-mime-database" in result.tools_run
    globs = (xdg / "mime" / "globs2").read_text(encoding="utf-8")
    assert f"60:{desktop.MIME_TYPE}:*.plan.json" in globs.splitlines()
    if "update-desktop-database" in result.tools_run:  # what a file manager reads to pick the app for a type
        cache = (xdg / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
        assert f"{desktop.MIME_TYPE}={APP_ID}.desktop;" in cache.splitlines()
    desktop.uninstall(xdg)
    assert desktop.MIME_TYPE not in (xdg / "mime" / "globs2").read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_the_installed_desktop_entry_validates(xdg: Path) -> None:
    desktop.install(xdg, command=["/opt/Scaling Roadmap/planner"], refresh=False)
    done = subprocess.run(
        ["desktop-file-validate", str(xdg / "applications" / f"{APP_ID}.desktop")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout


def test_a_failing_cache_tool_is_a_warning_not_a_failure(
    xdg: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    tools = tmp_path / "bin"
    tools.mkdir()
    broken = tools / "update-mime-database"
    broken.write_text("#!/bin/sh\necho 'cannot parse packages' >&2\nexit 3\n")
    broken.chmod(0o755)
    monkeypatch.setenv("PATH", str(tools))
    assert main(["install-desktop"]) == 0
    captured = capsys.readouterr()
    assert "planner: warning: update-mime-database failed: cannot parse packages" in captured.err
    assert (
        "Not found (the desktop picks the changes up at next login): update-desktop-database" in captured.out
    )
    assert (xdg / "applications" / f"{APP_ID}.desktop").is_file()


def test_version_is_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    from planner import __version__

    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"planner {__version__}\n"


def test_a_fresh_account_without_a_data_folder_gets_it_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A new user's home has no ~/.local/share yet: install made the folders above it and then failed on its own
    # record of them ("internal error: ValueError ... is not in the subpath"), exit 2 on a fresh machine.
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    share = tmp_path / ".local" / "share"
    assert desktop.data_home() == share and not (tmp_path / ".local").exists()

    assert main(["install-desktop"]) == 0
    assert "internal error" not in capsys.readouterr().err
    assert (share / "applications" / f"{APP_ID}.desktop").is_file()
    assert main(["install-desktop", "--uninstall"]) == 0
    # The desktop's own data folder stays (other applications keep their files there); ours is gone.
    assert share.is_dir() and not (share / "applications" / f"{APP_ID}.desktop").exists()
    assert not (share / APP_ID).exists()
