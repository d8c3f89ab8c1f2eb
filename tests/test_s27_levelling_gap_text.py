"""The levelling's gap to the best possible is written by one property, Levelled.gap_text (session 27): the command
line's levelling text and the Capacity tab each wrote '2.3 %' themselves; now '2.3%', a percentage's one spelling
(units.format_percent), to a tenth."""

from __future__ import annotations

import numpy as np

from planner.analysis.capacity import Levelled
from planner.model import new_plan


def _levelled(finish: float, bound: float) -> Levelled:
    z = np.zeros(0)
    return Levelled(
        ids=[],
        es=z,
        ef=z,
        finish=finish,
        unlevelled_finish=finish - 1,
        delay=z,
        critical_delayed=[],
        unlevellable=[],
        lower_bound=bound,
        bound_reason="the team 'T'",
    )


def test_the_gap_is_written_once() -> None:
    lv = _levelled(10.23, 10.0)
    assert lv.gap_text == "2.3%"
    assert "is at most 2.3% above the best possible." in lv.text(new_plan())
    assert _levelled(20.0, 16.0).gap_text == "25%"
