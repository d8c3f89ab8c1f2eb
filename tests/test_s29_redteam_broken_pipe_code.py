"""Red team (session 29), already so at fe8d26e: a reader that stops early (``planner check plan | head``) turned a
failed check into exit code 0: planner.cli._main caught BrokenPipeError and returned EXIT_OK, dropping the command's
own code, so with ``set -o pipefail`` a CI job or hook that pipes the check to ``head`` saw a plan with errors pass
(and only when the output was bigger than the pipe's buffer). Now the code the command decided on before writing
(commands.common.code_if_cut) is the one it ends with, whatever the reader does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_plans" / "bank-assistant.plan.json"


def _plan_with_many_errors(tmp_path: Path) -> Path:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    # every decision linked to itself: one error line each, and decisions enough for > 64 KB of text
    first = data["decisions"][0]
    data["decisions"] = [dict(first, id=f"d{k}", title=f"Decision {k} " + "x" * 80) for k in range(1500)]
    data["dependencies"] = [{"from": f"d{k}", "to": f"d{k}"} for k in range(1500)]
    path = tmp_path / "errors.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "argv", [["check"], ["check", "--format", "json"], ["analyze"], ["simulate"]], ids=" ".join
)
def test_a_reader_that_stops_early_does_not_turn_errors_into_success(tmp_path: Path, argv: list[str]) -> None:
    path = _plan_with_many_errors(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    full = [sys.executable, "-m", "planner", argv[0], str(path), *argv[1:]]
    whole = subprocess.run(full, capture_output=True, env=env, cwd=ROOT)
    assert whole.returncode == 1 and len(whole.stdout) > 1 << 17  # errors, and more than a pipe holds
    with subprocess.Popen(full, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.read(10)  # `| head -c 10`
        proc.stdout.close()
        err = proc.stderr.read()
        code = proc.wait()
    assert b"Traceback" not in err
    assert code == whole.returncode
