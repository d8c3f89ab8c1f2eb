"""The GUI kill test (issue 11): a child app edits every 100-500 ms and is killed with SIGKILL at a random
moment; the recovery file it leaves holds every edit older than 0.5 s and is offered to the next session.
``benchmarks/gui_kill.py`` runs it hundreds of times on demand."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest
from kill_harness import kill_once


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("seed", [1, 2])
def test_killed_app_loses_no_edit_older_than_half_a_second(tmp_path: Path, seed: int) -> None:
    result = kill_once(tmp_path, seed)
    assert result.lost_old == []
    if result.old_edits:  # an edit older than 0.5 s exists: its snapshot must be there and offered
        assert result.offered
        assert result.recovered >= result.old_edits
