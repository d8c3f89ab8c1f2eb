"""`planner new blank` (session 22): the template named as a word, as `git init` or `cargo new` take theirs. It was
refused with the top-level usage ('planner: error: unrecognized arguments: blank'), which does not say what `new`
takes. Any command given a word it does not take now shows that command's own usage line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import main


def test_template_as_a_word(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "b.plan.json"
    assert main(["new", "blank", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["decisions"] == []
    assert main(["new", "-o", str(tmp_path / "a.plan.json")]) == 0  # the default stays ai-scaling
    assert json.loads((tmp_path / "a.plan.json").read_text(encoding="utf-8"))["decisions"]


def test_two_templates_named_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "blank", "--template", "ai-scaling"]) == 2
    assert "two templates named: 'blank' and --template 'ai-scaling'" in capsys.readouterr().err
    assert main(["new", "blank", "--template", "blank"]) == 0  # the same one twice is fine


def test_extra_words_show_the_commands_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["analyze", str(tmp_path / "x.plan.json"), "surplus"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: planner analyze ")
    assert "planner analyze: error: unrecognized arguments: surplus" in err
