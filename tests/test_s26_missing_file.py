"""A file that is not there: the message says what to do (the closest name in its folder, where a relative path
was looked for, or that the folder is missing), on the command line, in the app's message and in an import."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import main
from planner.io import InteropError, import_file
from planner.model.io import PlanLoadError, load_plan, missing_file_hint


def test_a_typo_gets_the_closest_name_of_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "fraud-detection.plan.json").write_text("{}", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("", encoding="utf-8")
    typo = tmp_path / "fraud-detction.plan.json"
    assert missing_file_hint(typo) == f"Did you mean {tmp_path / 'fraud-detection.plan.json'}?"
    assert main(["check", str(typo)]) == 2
    err = capsys.readouterr().err
    assert err == f"planner: {typo}: no such file\n  Did you mean {tmp_path / 'fraud-detection.plan.json'}?\n"


def test_nothing_close_says_to_check_the_name_and_where_a_relative_path_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "roadmap.plan.json").write_text("{}", encoding="utf-8")
    assert missing_file_hint(Path("budget.plan.json")) == (
        f"Check the name and the folder: a relative path is read from {tmp_path}."
    )
    assert (
        missing_file_hint(Path("roadmap.plan.jsn")) == "Did you mean roadmap.plan.json?"
    )  # no './' before it
    assert missing_file_hint(tmp_path / "budget.plan.json") == "Check the name and the folder."
    with pytest.raises(PlanLoadError) as info:
        load_plan("budget.plan.json")
    assert info.value.hint == f"Check the name and the folder: a relative path is read from {tmp_path}."


def test_a_missing_folder_is_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    gone = tmp_path / "gone" / "x.plan.json"
    assert missing_file_hint(gone) == f"The folder {tmp_path / 'gone'} does not exist either: check the path."
    assert missing_file_hint(Path("sub/x.plan.json")) == (
        f"The folder sub (in {tmp_path}) does not exist either: check the path."
    )


def test_an_import_says_it_on_its_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "fraud.xml").write_text("<Project/>", encoding="utf-8")
    with pytest.raises(InteropError) as info:
        import_file(tmp_path / "frad.xml")
    assert str(info.value) == f"{tmp_path / 'frad.xml'}: no such file; did you mean {tmp_path / 'fraud.xml'}?"
    out = tmp_path / "out.plan.json"
    assert main(["import", str(tmp_path / "frad.xml"), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "did you mean" in err and not out.exists()


def test_a_missing_file_is_said_before_its_suffix(tmp_path: Path) -> None:
    # 'ns.weird' that is not there said "cannot tell the format from the suffix '.weird'", and a missing .mpp that
    # MS Project's format cannot be imported: the file is missing, which is what to fix first
    for name in ("ns.weird", "plan.mpp", "nosuffix"):
        with pytest.raises(InteropError) as info:
            import_file(tmp_path / name)
        assert str(info.value).startswith(f"{tmp_path / name}: no such file; check the name and the folder")
