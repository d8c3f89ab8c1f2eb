"""The GUI monkey (benchmarks/monkey_gui.py), bounded for CI: a few fixed seeds of ~40 random user actions through
the real window, with the invariants checked after every step (no exception, no unexpected error box, the status
bar's finish equal to the plan's analysis, saved files load as the plan, undo of everything gives the opened
plan). ``benchmarks/monkey_gui.py --seeds N`` runs many more on demand."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from benchmarks.monkey_gui import OPENINGS, Monkey, MonkeyFailure, Step, isolated, plan_steps, replay

STEPS = 40
SEEDS = [
    26,
    2026,
    5,
    7,
    11,
]  # fraud-detection (with scenarios), bank-assistant, the ai-scaling template, insights, blank


def _names() -> list[str]:
    return sorted(Monkey(Path(".")).actions())


@pytest.mark.parametrize("seed", SEEDS)
def test_monkey_keeps_every_invariant(qapp, seed: int) -> None:
    opening = random.Random(seed).choice(OPENINGS)
    steps = plan_steps(seed, STEPS, _names())
    failure = replay(opening, steps)
    assert failure is None, (
        f"seed {seed} on {opening}: {failure} (replay: benchmarks/monkey_gui.py --seed {seed})"
    )


def test_the_monkey_sees_a_wrong_finish(qapp, tmp_path: Path) -> None:
    """The finish check is not vacuous: a status bar showing another figure than the plan's analysis fails it."""
    with isolated(tmp_path):
        monkey = Monkey(tmp_path, "template:blank")
        monkey.start()
        try:
            monkey.run([Step("add", 1), Step("type_cell", 2)])
            monkey.window.status.finish.setText("Finish: week 999")
            with pytest.raises(MonkeyFailure, match="status bar shows 'Finish: week 999'"):
                monkey.check()
        finally:
            monkey.close()


def test_the_monkey_sees_an_exception_in_a_slot(qapp, tmp_path: Path) -> None:
    """An exception raised in a Qt slot (it reaches sys.excepthook, not the caller) fails the run."""

    def boom() -> None:
        raise RuntimeError("slot failed")

    failure = replay(
        "template:blank", [Step("add", 1)], before=lambda m: m.window.doc.plan_changed.connect(boom)
    )
    assert failure is not None and "RuntimeError: slot failed" in failure
