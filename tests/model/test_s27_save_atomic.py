"""The one atomic write at the edges a user meets: a name as long as the file system allows, a name it refuses,
a folder in the file's place or gone, a file of another owner. Every failure is an ``OSError`` the app and the
command line turn into a message (never a traceback), and the old file is left as it was."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planner.model.io import atomic_write, output_target, write_text_atomic


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("letter", ["a", "é", "界"])  # 1, 2 and 3 bytes in UTF-8
def test_a_name_as_long_as_the_file_system_allows_is_written(tmp_path: Path, letter: str) -> None:
    """The temporary file beside it had the whole name in its own (plus a session tag): a 250-byte plan name,
    valid for the file system, could not be saved ('File name too long')."""
    suffix = ".plan.json"
    room = _name_max(tmp_path) - len(suffix.encode())
    name = letter * (room // len(letter.encode())) + suffix
    path = tmp_path / name
    write_text_atomic(path, "old\n")
    write_text_atomic(path, "new\n")
    assert path.read_text(encoding="utf-8") == "new\n"
    assert _files(tmp_path) == [name]


def test_a_killed_save_of_a_long_name_is_cleaned_by_the_next(tmp_path: Path) -> None:
    name = "b" * (_name_max(tmp_path) - 4) + ".pdf"
    path = tmp_path / name
    with pytest.raises(RuntimeError), atomic_write(path, suffix=".part") as fh:
        fh.write(b"half")
        left = [p for p in tmp_path.iterdir() if p.name != name]
        assert len(left) == 1 and left[0].name.startswith(".b")  # the temporary file, while the write runs
        raise RuntimeError("cut short")
    assert _files(tmp_path) == []
    # a temporary file of a writer that is gone (killed mid-write), with the shortened name
    stale = tmp_path / (left[0].name.split(".~")[0] + ".~999999999-gone~abcd.part")
    stale.write_bytes(b"half")
    with atomic_write(path, suffix=".part") as fh:
        fh.write(b"whole")
    assert _files(tmp_path) == [name]


def test_a_name_too_long_is_an_os_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / ("c" * (_name_max(tmp_path) + 10) + ".plan.json")
    assert output_target(path) == path  # (it raised ENAMETOOLONG, from the app's error handler too)
    with pytest.raises(OSError) as caught:
        write_text_atomic(path, "x")
    assert caught.value.errno == errno.ENAMETOOLONG
    assert _files(tmp_path) == []


def test_a_name_with_a_character_the_system_refuses_is_an_os_error(tmp_path: Path) -> None:
    """A NUL in a name raised ValueError ('embedded null byte'), which no writer's message catches."""
    path = tmp_path / "a\0b.plan.json"
    assert output_target(str(path)) == path
    with pytest.raises(OSError) as caught:
        write_text_atomic(path, "x")
    assert caught.value.errno == errno.EINVAL
    assert "character" in (caught.value.strerror or "")
    assert _files(tmp_path) == []


def test_a_folder_in_the_files_place_is_said_in_words(tmp_path: Path) -> None:
    path = tmp_path / "plan.plan.json"
    path.mkdir()
    with pytest.raises(OSError) as caught:
        write_text_atomic(path, "x")
    assert caught.value.errno == errno.EISDIR
    assert caught.value.strerror == "A folder of that name is in its place"
    assert _files(tmp_path) == ["plan.plan.json"] and path.is_dir()


def test_a_folder_that_is_gone_is_said_in_words(tmp_path: Path) -> None:
    """'No such file or directory' for a save whose folder was removed (a synced folder, an unplugged disk)."""
    path = tmp_path / "gone" / "plan.plan.json"
    with pytest.raises(OSError) as caught:
        write_text_atomic(path, "x")
    assert caught.value.errno == errno.ENOENT
    assert caught.value.strerror == f"The folder {path.parent} does not exist (moved, deleted or unmounted)"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root may give a file away")
def test_a_file_of_another_owner_keeps_its_owner_and_group(tmp_path: Path) -> None:
    """Saved as root (sudo, a service), a user's plan became root's: its owner could no longer save it."""
    path = tmp_path / "theirs.plan.json"
    path.write_text("old\n", encoding="utf-8")
    os.chown(path, 65534, 65534)
    path.chmod(0o640)
    write_text_atomic(path, "new\n")
    st = path.stat()
    assert (st.st_uid, st.st_gid, st.st_mode & 0o777) == (65534, 65534, 0o640)
    assert path.read_text(encoding="utf-8") == "new\n"


def test_a_folder_this_user_may_not_write_in_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'Permission denied' did not say what was refused (root ignores permissions: the refusal is simulated)."""
    import tempfile

    def refused(*_a: object, **_k: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(OSError) as caught:
        write_text_atomic(tmp_path / "plan.plan.json", "x")
    assert caught.value.errno == errno.EACCES
    assert caught.value.strerror == f"The folder {tmp_path} does not let this user write in it"


def test_a_file_the_folder_does_not_let_this_user_replace_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder with the sticky bit (/tmp, a shared drop folder) and a file of another user: the rename is refused
    ('Operation not permitted'); the old file stays and no temporary file is left."""
    path = tmp_path / "theirs.plan.json"
    path.write_text("old\n", encoding="utf-8")

    def refused(*_a: object, **_k: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(OSError) as caught:
        write_text_atomic(path, "new\n")
    monkeypatch.undo()
    assert caught.value.strerror == f"The folder {tmp_path} does not let this user replace theirs.plan.json"
    assert path.read_text(encoding="utf-8") == "old\n"
    assert _files(tmp_path) == ["theirs.plan.json"]


@pytest.mark.parametrize("mode", [0o444, 0o400])
def test_a_read_only_file_is_not_replaced(tmp_path: Path, mode: int) -> None:
    """The app's Export As and chart export replaced a file marked read-only without a word (the rename ignores
    the file's mode); only the plan's Save and the command line checked first."""
    path = tmp_path / "kept.csv"
    path.write_text("precious\n", encoding="utf-8")
    path.chmod(mode)
    with pytest.raises(OSError) as caught:
        write_text_atomic(path, "new\n")
    assert caught.value.errno == errno.EACCES
    assert caught.value.strerror == "The file is read-only, so it was not replaced"
    assert path.read_text(encoding="utf-8") == "precious\n"
    assert _files(tmp_path) == ["kept.csv"]
    path.chmod(0o644)
    write_text_atomic(path, "new\n")  # writable again: written
    assert path.read_text(encoding="utf-8") == "new\n"


_NAMES = st.text(
    st.characters(exclude_characters="/\0", exclude_categories=["Cs"]), min_size=1, max_size=255
).filter(lambda n: n not in (".", "..") and len(n.encode("utf-8")) <= 255)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=_NAMES)
@example(name="x" * 255)  # the longest name: its temporary file's name is shortened
@example(name="界" * 85)  # 255 bytes of three-byte letters: shortened on a letter's edge
@example(name=".hidden.~123-4~x.tmp")  # a name that looks like one of our temporary files
def test_any_name_the_file_system_takes_is_written_alone(tmp_path: Path, name: str) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    path = folder / name
    write_text_atomic(path, "a\n")
    write_text_atomic(path, "b\n")
    assert path.read_text(encoding="utf-8") == "b\n"
    assert _files(folder) == [name]


def test_a_file_where_the_folder_was_is_said_in_words(tmp_path: Path) -> None:
    """'Not a directory' for a save whose folder became a file (a sync, a checkout)."""
    folder = tmp_path / "project"
    folder.write_text("a file now", encoding="utf-8")
    with pytest.raises(OSError) as caught:
        write_text_atomic(folder / "plan.plan.json", "x")
    assert caught.value.errno == errno.ENOTDIR
    assert caught.value.strerror == f"{folder} is not a folder"
    assert folder.read_text(encoding="utf-8") == "a file now"
