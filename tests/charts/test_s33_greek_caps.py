"""A Greek stage name set in capitals drops its accents (H-report33).

The Gantt's stage rows and the dependency graph's columns set a stage's name in capitals with ``str.upper``: a
Greek plan read 'ΕΠΙΚΎΡΩΣΗ ΤΗΣ ΕΠΙΧΕΙΡΗΜΑΤΙΚΉΣ…', accents a Greek reader never sees on capitals. ``style.caps``
drops the tonos (a dialytika stays); other scripts are as ``str.upper`` makes them."""

from __future__ import annotations

import unicodedata
from typing import Any

from matplotlib.figure import Figure

import planner.charts as charts
from planner.analysis import analyze
from planner.charts import style
from planner.model import plan_from_dict
from tests.unseen_plans import _base, _d

NAMES = ["Επικύρωση της επιχειρηματικής περίπτωσης", "Λειτουργική ετοιμότητα"]


def _plan() -> dict[str, Any]:
    stages = [{"id": f"g{k}", "name": n} for k, n in enumerate(NAMES)]
    ds = [_d(i, f"g{i % 2}", duration=2) for i in range(4)]
    return _base("Ελληνικό σχέδιο", start_date="2027-03-01", stages=stages, decisions=ds)


def _accented(text: str) -> bool:
    return any(c in "\u0301\u0300\u0342" for c in unicodedata.normalize("NFD", text))


def test_caps_drops_greek_accents_only() -> None:
    assert style.caps("Επικύρωση της επιχειρηματικής") == "ΕΠΙΚΥΡΩΣΗ ΤΗΣ ΕΠΙΧΕΙΡΗΜΑΤΙΚΗΣ"
    assert style.caps("Προϊόν") == "ΠΡΟΪΟΝ"  # the dialytika stays
    assert style.caps("Café rollout") == "CAFÉ ROLLOUT"  # a Latin accent is kept


def test_the_gantt_and_graph_headers_have_no_tonos() -> None:
    a = analyze(plan_from_dict(_plan()))
    for chart in ("gantt", "graph"):
        fig: Figure = charts.draw_chart(chart, a, size=(10.0, 6.0))
        heads = [
            t.get_text()
            for ax in fig.axes
            for t in ax.texts
            if "ΕΠΙΚ" in t.get_text().upper() and t.get_text() == t.get_text().upper()
        ]
        assert heads, chart
        assert not any(_accented(h) for h in heads), (chart, heads)
