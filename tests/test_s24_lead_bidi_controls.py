"""A bidirectional override in a name (U+202E, the "Trojan Source" trick) turned the rest of a text line around,
figures included: `planner analyze` printed it raw. Text outputs now write it as its escape, like the other
characters that act on a line (units.one_line); JSON keeps the name as the file has it, and the marks that only
place punctuation beside a right-to-left name (U+200E, U+200F) stay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import main
from planner.units import one_line


def test_one_line_escapes_embeddings_overrides_and_isolates() -> None:
    for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069":
        assert one_line(f"a{ch}b") == f"a\\u{ord(ch):04x}b"
    assert one_line("التحقق\u200f (v2)\u200e") == "التحقق\u200f (v2)\u200e"


def test_analyze_text_escapes_and_json_keeps(
    tmp_path: Path, make_plan, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = make_plan([{"id": "a", "title": "Pilot \u202eweeks 3", "duration": 3}], title="Roadmap \u2067v2")
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(plan.model_dump(mode="json")), encoding="utf-8")
    assert main(["analyze", str(path)]) == 0
    text = capsys.readouterr().out
    assert "\u202e" not in text and "Pilot \\u202eweeks 3" in text
    assert "\u2067" not in text and "Roadmap \\u2067v2" in text
    assert main(["analyze", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "Roadmap \u2067v2"
