"""A fresh machine or a container with no locale set (LANG=C, LC_ALL=C) and PYTHONIOENCODING unset: a plan file
with a non-ASCII name and title, read and printed to a pipe. Python turns UTF-8 mode on in the C locale; an
interpreter that does not (PYTHONUTF8=0, an embedded one) has ASCII streams and file names, where the output
says '?' for what it cannot write, and the command still reads the file and ends normally."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "planner" / "resources" / "sample.plan.json"
TITLE = "Kundenservice-Assistent: Größe über Europa"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["title"] = TITLE
    path = tmp_path / "plän ü.plan.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _run(args: list[str], cwd: Path, **extra: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIOENCODING", "PYTHONUTF8"))}
    env.update({"LANG": "C", "LC_ALL": "C", **extra})
    return subprocess.run(
        [sys.executable, "-m", "planner", *args], cwd=cwd, env=env, capture_output=True, timeout=180
    )


@pytest.mark.parametrize(
    ("extra", "title"),
    [
        ({}, TITLE),  # Python's own choice in the C locale: UTF-8 mode
        ({"PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}, "Kundenservice-Assistent: Gr??e ?ber Europa"),
    ],
    ids=["c-locale", "strict-ascii"],
)
def test_analyze_and_check_a_non_ascii_plan_in_the_c_locale(
    plan: Path, extra: dict[str, str], title: str
) -> None:
    analyzed = _run(["analyze", plan.name], plan.parent, **extra)
    assert analyzed.returncode == 0, analyzed.stderr.decode("utf-8", "replace")
    assert analyzed.stderr == b""
    out = analyzed.stdout.decode("utf-8")
    assert out.splitlines()[0] == title
    assert "Critical decisions:" in out

    checked = _run(["check", str(plan)], plan.parent, **extra)
    assert checked.returncode == 0, checked.stderr.decode("utf-8", "replace")
    first = checked.stdout.decode("utf-8").splitlines()[0]
    assert first.endswith(".plan.json: 0 errors, 3 warnings, 0 notes"), first
    assert b"Traceback" not in checked.stderr + analyzed.stderr
