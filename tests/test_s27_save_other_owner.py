"""A file another user owns and this user may not write: the command line said 'the file is read-only ... make it
writable (chmod u+w)', advice only its owner can follow. It names the owner and says what this user can do."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planner.commands.common import CliError, refuse_read_only


def test_a_file_of_another_user_names_its_owner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "theirs.plan.json"
    target.write_text("{}", encoding="utf-8")
    owner = target.stat().st_uid
    monkeypatch.setattr(os, "geteuid", lambda: owner + 1)  # this user is someone else
    monkeypatch.setattr(os, "access", lambda _p, _m: False)  # ... who may not write it
    with pytest.raises(CliError) as caught:
        refuse_read_only(target)
    text = str(caught.value)
    assert text.startswith(f"{target}: the file belongs to ")
    assert "this user may not write it, so it was not changed" in text
    assert "chmod" not in text


def test_a_read_only_file_of_ones_own_still_says_chmod(tmp_path: Path) -> None:
    target = tmp_path / "mine.plan.json"
    target.write_text("{}", encoding="utf-8")
    target.chmod(0o444)
    with pytest.raises(CliError, match=r"the file is read-only, so it was not changed; make it writable"):
        refuse_read_only(target)
