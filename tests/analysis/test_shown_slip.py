"""A slip written beside its two figures is their difference as written (two decimals), as scenario deltas are;
the exact slip stays in the JSON. Hand-checked: baseline 7.2857 (written 7.29), forecast 9.4143 (written 9.41):
the exact slip 2.1286 would read +2.13 beside figures that differ by 2.12."""

from __future__ import annotations

import pytest

from planner.analysis.baselines import DecisionVariance, StageVariance, Variance, shown_slip
from planner.model import units


def test_shown_slip_is_the_difference_of_the_written_figures() -> None:
    assert units.format_weeks(9.4143) == "9.41" and units.format_weeks(7.2857) == "7.29"
    assert units.format_weeks(9.4143 - 7.2857) == "2.13"  # what the exact slip would read
    assert shown_slip(9.4143, 7.2857) == 2.12
    assert shown_slip(7.2857, 9.4143) == -2.12
    assert shown_slip(5.001, 4.999) == 0.0 and units.signed_weeks(shown_slip(5.001, 4.999)) == "="
    assert shown_slip(None, 1.0) is None and shown_slip(1.0, None) is None


def test_the_variance_rows_keep_the_exact_slip_and_show_the_written_one() -> None:
    v = Variance("B", 7.2857, 9.4143)
    assert v.finish_slip == pytest.approx(2.1286) and v.shown_finish_slip == 2.12
    d = DecisionVariance("a", "moved", 1.0, 7.2857, 1.5, 9.4143)
    assert d.shown_start_slip == 0.5 and d.shown_finish_slip == 2.12
    assert d.to_dict()["finish_slip"] == pytest.approx(2.1286)  # the JSON's figure is exact
    g = StageVariance("validate", 7.2857, 9.4143, 7.2857, 9.4143)
    assert g.shown_finish_slip == g.shown_gate_slip == 2.12
    assert StageVariance("x", None, 1.0, None, 1.0).shown_gate_slip is None
