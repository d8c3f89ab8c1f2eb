"""The note over a graph page shortens long stage names so that it takes at most NOTE_LINES lines (H-report29c).

Four stages of 110-character names and decisions that strict gates move between them: the note repeated every name
in full, each twice or more, seven lines over the cards. The names in it are now shortened, measured, each to the
same width (graph_pages._notes); a note that fits keeps the names whole."""

from __future__ import annotations

from typing import Any

from planner.analysis import analyze
from planner.charts import graph_pages, style
from planner.model import plan_from_dict
from tests.report.s20_plans import _base

LONG = [
    "Discovery and sign-off by the steering committee with the regulator's written consent on every model and source",
    "Integration of the scoring service into the payment switch, the card platform and the merchant acquiring gateway",
    "Operationalisation with round-the-clock monitoring, automated retraining and the fraud team's review of alerts",
    "Scale-out to every market of the group, with local data residency, local regulators' approval and local support",
]


def _analysis(names: list[str]) -> Any:
    d = _base("Long stage names", 8)
    for s, nm in zip(d["stages"], names, strict=True):
        s["name"] = nm
    for x, k in zip(d["decisions"], [1, 0, 2, 1, 3, 2, 3, 0], strict=True):
        x["stage"] = d["stages"][k]["id"]  # against the chain of links: strict gates move four pairs
    return analyze(plan_from_dict(d, "<s29c>"))


def test_long_stage_names_are_shortened_to_keep_the_note_short() -> None:
    analysis = _analysis(LONG)
    moved = analysis.stages.sequencing_text()
    assert len(moved) >= 3
    page_w, small = 10.0, 7.0
    lines = graph_pages._notes(analysis, page_w, small)
    assert len(lines) <= 3, lines  # it took seven
    text = " ".join(lines)
    assert text.count("under strict gates") == len(moved) + 1  # every move still said, and the columns' words
    assert "\u2026" in text and not any(name in text for name in LONG)
    for line in lines:
        assert style.measured_width_in(line, small) <= page_w - 0.4
    assert text.endswith("name linked decisions on other pages")


def test_a_note_that_fits_keeps_the_names_whole() -> None:
    names = ["Validate", "Integrate", "Operationalize", "Scale"]
    analysis = _analysis(names)
    text = " ".join(graph_pages._notes(analysis, 10.0, 7.0))
    for sentence in analysis.stages.sequencing_text():
        assert sentence in text
    assert "\u2026" not in text
