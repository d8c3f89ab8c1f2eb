"""The line over a dependency graph page that says where it is keeps to one line (H-report30).

With long stage names, 'part 1 of 2 · <first stage> to <last stage> · 5 of 60 decisions' took two lines over the
cards (and a summarised graph's counts took two on a portrait page whatever the names). The names are now shortened
by measured width, each to the same share of the room, the part and the counts still said; short names stay whole."""

from __future__ import annotations

from typing import Any

import pytest

from planner.analysis import analyze
from planner.charts import graph_pages as gp
from planner.charts import style
from planner.charts.graph import graph_tiles
from planner.model import plan_from_dict
from tests.report.report_helpers import generated_plan
from tests.report.s20_plans import _base

LONG = [
    "Discovery and sign-off by the steering committee with the regulator's written consent on every model",
    "Integration of the scoring service into the payment switch, the card platform and the gateway",
    "Operationalisation with round-the-clock monitoring, automated retraining and the fraud team's review",
    "Scale-out to every market of the group, with local data residency, local regulators' approval",
]
SIZES = [(10.0, 7.0), (6.5, 9.5)]  # a landscape and a portrait page's frame, inches


def _analysis(names: list[str], n: int = 60) -> Any:
    d = _base("Stage names", n)
    for s, nm in zip(d["stages"], names, strict=True):
        s["name"] = nm
    return analyze(plan_from_dict(d, "<s30>"))


@pytest.mark.parametrize("size", SIZES, ids=["landscape", "portrait"])
def test_long_stage_names_keep_the_line_to_one(size: tuple[float, float]) -> None:
    analysis = _analysis(LONG)
    pages = gp.graph_pages(analysis, size[0], size[1], 7.0, compact=True)
    assert len(pages) > 1
    for page in pages:
        line, _ = gp._header(analysis, page, len(page))
        assert len(line) == 1, line  # it took two
        text = line[0]
        assert style.measured_width_in(text, page.small) <= page.page_w - 0.4
        assert text.startswith(f"part {page.part} of {page.parts} \u00b7 ")
        assert text.endswith(f"{len(page)} of 60 decisions")
        for x in sorted({min(page.stages), max(page.stages)}):
            name = LONG[x]
            assert name[:12] in text  # each name there, shortened
        assert "\u2026" in text


def test_short_names_stay_whole() -> None:
    names = ["Validate", "Integrate", "Operationalize", "Scale"]
    analysis = _analysis(names)
    for page in gp.graph_pages(analysis, 6.5, 9.5, 7.0, compact=True):
        (text,) = gp._header(analysis, page, len(page))[0]
        assert "\u2026" not in text
        assert names[min(page.stages)] in text and names[max(page.stages)] in text


@pytest.mark.parametrize("size", SIZES, ids=["landscape", "portrait"])
def test_a_summarised_graph_says_what_it_leaves_out_on_one_line(size: tuple[float, float]) -> None:
    analysis = analyze(generated_plan(2000))
    pages = graph_tiles(analysis, size[0], size[1], 7.0, max_whole=60, compact=True)
    assert pages and all(p.left_out for p in pages)
    for page in pages:
        (text,) = gp._header(analysis, page, len(page))[0]  # two lines in portrait before
        assert style.measured_width_in(text, page.small) <= page.page_w - 0.4
        kept = 2000 - page.left_out
        assert f"{len(page):,} of {kept:,}" in text and "milestones" in text
        assert f"{page.left_out:,} of 2,000" in text and "left out" in text
