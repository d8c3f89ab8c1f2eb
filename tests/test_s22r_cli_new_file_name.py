"""`planner new plan.json` (review of b122917): since `new` takes the template as a word, a file name given where
other tools' `new NAME` take one was refused as 'unknown template 'plan.json'', which does not say how to name the
file to write. The refusal now says to use -o; a mistyped template name is refused as before, without that hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import main


@pytest.mark.parametrize("name", ["plan.json", "plans/new", "my.plan.json"])
def test_s22r_a_file_name_as_the_template_says_to_use_o(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", name]) == 2
    err = capsys.readouterr().err
    assert f"unknown template {name!r}; choose one of: ai-scaling, blank" in err
    assert f"name it with -o: planner new -o {name}" in err
    assert not list(tmp_path.iterdir())  # nothing written


def test_s22r_a_mistyped_template_has_no_file_hint(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "blanc"]) == 2
    err = capsys.readouterr().err
    assert "unknown template 'blanc'; choose one of: ai-scaling, blank" in err
    assert "-o" not in err


@pytest.mark.parametrize(
    "argv", [["new", ""], ["new", "--template", ""], ["new", "--template=", "-o", "x.json"]]
)
def test_s22r_a_blank_template_name_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    # it was taken for no name and wrote the default template (60 decisions of ai-scaling)
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert "unknown template ''; choose one of: ai-scaling, blank" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())
