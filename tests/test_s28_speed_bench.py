"""Session 28: bench_commands.py measures the planner, the baseline and the previous release of a case in turn, so a
load that changes during the case weighs on each alike (the machine is shared; measured one after the other, the
last of the three ran in other minutes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import bench_commands


def test_the_commands_of_a_case_run_in_turn_and_each_figure_is_its_median(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    order: list[str] = []

    def fake_run(cmd: list[str], out: Path, env: dict[str, str] | None = None) -> dict[str, float]:
        order.append(cmd[0])
        k = order.count(cmd[0])  # the k-th run of this command: figures 1, 2, 3... times its own scale
        scale = {"planner": 1.0, "baseline": 10.0, "previous": 100.0}[cmd[0]]
        return {"cpu": k * scale, "wall": 2 * k * scale, "rss": scale, "code": 0}

    monkeypatch.setattr(bench_commands, "run", fake_run)
    cmds = {name: [name] for name in ("planner", "baseline", "previous")}
    figures = bench_commands.interleaved_runs(cmds, Path("unused"), 3)
    assert order == ["planner", "baseline", "previous"] * 3
    assert figures == {
        "planner": {"cpu": 2.0, "wall": 4.0, "rss": 1.0},
        "baseline": {"cpu": 20.0, "wall": 40.0, "rss": 10.0},
        "previous": {"cpu": 200.0, "wall": 400.0, "rss": 100.0},
    }
    order.clear()
    assert bench_commands.median_run(["planner"], Path("unused"), 5) == {"cpu": 3.0, "wall": 6.0, "rss": 1.0}
    assert order == ["planner"] * 5
