"""A plan file left with a merge's conflict markers says so (session 27). Strategists keep plans in Git and merge
them as text; a conflicted file said 'not valid JSON: Expecting property name enclosed in double quotes' at the
marker, which does not tell what happened or what to do."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from planner.model import PlanLoadError, load_plan

CONFLICTED = """{
  "schema_version": 1,
<<<<<<< HEAD
  "title": "Board plan",
=======
  "title": "Board plan (finance)",
>>>>>>> finance
  "stages": [{"id": "v", "name": "Validate"}],
  "decisions": []
}
"""


def test_conflict_markers_are_named_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "p.plan.json"
    path.write_text(CONFLICTED, encoding="utf-8")
    with pytest.raises(PlanLoadError) as err:
        load_plan(path)
    text = str(err.value)
    assert ":3:" in text and "merge conflict markers" in text and "git checkout --ours" in text, text
    done = subprocess.run(
        [sys.executable, "-m", "planner", "check", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2 and "merge conflict markers" in done.stderr and "Traceback" not in done.stderr


def test_other_syntax_errors_keep_their_own_words(tmp_path: Path) -> None:
    path = tmp_path / "p.plan.json"
    path.write_text('{"schema_version": 1, "title": "<<<<<<< not a marker" "stages": []}', encoding="utf-8")
    with pytest.raises(PlanLoadError) as err:
        load_plan(path)
    assert "not valid JSON" in str(err.value) and "conflict" not in str(err.value)
