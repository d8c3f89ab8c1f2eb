"""Characters the house font lacks (H-unseen): with a fallback font installed, charts and the report draw them from
it and keep them in the PDF's text. No CJK or Devanagari font ships with matplotlib, so the tests install matplotlib's
own STIXGeneral as the fallback: it has characters DejaVu Sans lacks (the circled letters U+24B6...)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from planner.analysis import Analysis, analyze
from planner.charts import fonts as chart_fonts
from planner.charts import render_chart
from planner.model import plan_from_dict
from planner.report import build_report, vector
from planner.report import fonts as report_fonts
from planner.report.context import esc

CIRCLED = "\u24b6\u24b7"  # in STIXGeneral (regular and bold), not in DejaVu Sans


def _reset() -> None:
    chart_fonts.fallback_fonts.cache_clear()
    report_fonts.reset_fallbacks()
    vector._METRICS_CACHE.clear()


@pytest.fixture
def stix_fallback(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setattr(chart_fonts, "FALLBACK_FAMILIES", ("STIXGeneral",))
    _reset()
    assert [name for name, _ in chart_fonts.fallback_fonts()] == ["STIXGeneral"]
    yield report_fonts.fallback_names()[0]
    _reset()


@pytest.fixture
def no_fallback(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(chart_fonts, "FALLBACK_FAMILIES", ())
    _reset()
    yield
    _reset()


def _plan() -> Analysis:
    return analyze(
        plan_from_dict(
            {
                "schema_version": 1,
                "title": f"Circled {CIRCLED} plan",
                "start_date": "2027-01-04",
                "stages": [{"id": "s", "name": "Validate"}],
                "decisions": [
                    {"id": "a", "title": f"Letter {CIRCLED[0]} first", "stage": "s", "duration": 2}
                ],
            },
            "<circled>",
        )
    )


def test_runs_take_each_character_from_the_first_font_that_has_it(stix_fallback: str) -> None:
    regular = report_fonts.REGULAR
    assert report_fonts.font_runs("plain text", regular) == [(regular, "plain text")]
    assert report_fonts.font_runs(f"a {CIRCLED} b", regular) == [
        (regular, "a "),
        (stix_fallback, CIRCLED),
        (regular, " b"),
    ]
    assert esc(f"<{CIRCLED}>") == f'&lt;<font name="{stix_fallback}">{CIRCLED}</font>&gt;'


def test_without_a_fallback_font_the_characters_keep_their_place_in_the_text(no_fallback: None) -> None:
    # Session 17: without a fallback font the characters are drawn as the house font's box, as before, but from
    # a copy of it that keeps each one in the PDF's text (before, they were all code 0 and extracted as nothing).
    assert chart_fonts.chart_families() == ["DejaVu Sans"]
    keep = report_fonts.keep_text_font(report_fonts.REGULAR)
    assert report_fonts.font_runs(f"a {CIRCLED}", report_fonts.REGULAR) == [
        (report_fonts.REGULAR, "a "),
        (keep, CIRCLED),
    ]
    assert report_fonts.font_runs("plain text", report_fonts.REGULAR) == [
        (report_fonts.REGULAR, "plain text")
    ]
    assert esc(f"<{CIRCLED}>") == f'&lt;<font name="{keep}">{CIRCLED}</font>&gt;'


def test_chart_pdf_draws_and_keeps_the_characters(stix_fallback: str, tmp_path: Path) -> None:
    out = tmp_path / "gantt.pdf"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph ... missing from font(s)" for a box
        render_chart("gantt", _plan(), out)
        render_chart("gantt", _plan(), tmp_path / "gantt.png")
    text = " ".join(p.extract_text() or "" for p in PdfReader(out).pages)
    assert f"Circled {CIRCLED} plan" in text


def test_report_draws_and_keeps_the_characters(stix_fallback: str, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    build_report(_plan(), out, sections=["cover", "summary", "gantt", "appendix"])
    reader = PdfReader(out)
    pages = [p.extract_text() or "" for p in reader.pages]
    assert f"Circled {CIRCLED} plan" in pages[0]  # the cover's title (paragraph text)
    for body in pages[1:]:  # the running header, drawn on the canvas
        assert f"Circled {CIRCLED} plan" in body
    text = " ".join(pages)
    # The summary's prose (paragraph), the Gantt's row label (chart text), the appendix's table cell.
    assert text.count(f"Letter {CIRCLED[0]} first") >= 3
    fonts = set()
    for pdf_page in reader.pages:
        resources: Any = pdf_page["/Resources"]
        fonts |= {str(f.get_object()["/BaseFont"]) for f in (resources.get("/Font") or {}).values()}
    assert any("STIXGeneral" in f for f in fonts), fonts


def test_a_truetype_collection_is_embedded(tmp_path: Path) -> None:
    # Most CJK fonts ship as collections (.ttc: WenQuanYi, YaHei, PingFang); the first face is what matplotlib draws.
    import matplotlib
    from fontTools.ttLib import TTCollection, TTFont

    ttf = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "STIXGeneral.ttf"
    collection = TTCollection()
    collection.fonts = [TTFont(str(ttf))]
    path = tmp_path / "stix-collection.ttc"
    collection.save(str(path))
    name = report_fonts.font_for_file(str(path))
    assert name is not None
    assert ord(CIRCLED[0]) in report_fonts._cmap(name)


def test_a_fallback_without_bold_logs_nothing(stix_fallback: str) -> None:
    import logging

    chart_fonts.chart_families()
    log = logging.getLogger("matplotlib.font_manager")
    # matplotlib's "Failed to find font weight bold ... now using 400" would reach the command line's stderr;
    # only that note is dropped: a family not found is still said (the font manager's level is left alone).
    weight = log.makeRecord(log.name, logging.WARNING, __file__, 1, "findfont: Failed to find font weight %s "
                            "for %s, now using %s.", ("bold", "X", 400), None)  # fmt: skip
    missing = log.makeRecord(
        log.name, logging.WARNING, __file__, 1, "findfont: Font family %r not found.", ("Y",), None
    )
    assert not log.filter(weight) and log.filter(missing)
    assert log.level != logging.ERROR
