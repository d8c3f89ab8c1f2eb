"""What a reader finds in the report: every decision, every section, the critical path in order, bookmarks,
metadata, embedded fonts, vector charts, readable type, tables that repeat their header."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pypdf.generic import IndirectObject

from planner.report import all_sections, default_section_names
from tests.report.report_helpers import Report, normalise


def _titles(report: Report) -> list[str]:
    return [d.title for d in report.analysis.plan.decisions]


@pytest.mark.parametrize("which", ["bank_report", "small_report", "big_report"])
def test_every_decision_title_is_in_the_text(which: str, request: pytest.FixtureRequest) -> None:
    report: Report = request.getfixturevalue(which)
    flat = report.flat
    missing = [t for t in _titles(report) if normalise(t) not in flat]
    assert not missing, f"{len(missing)} titles not found, e.g. {missing[:3]}"


def test_every_section_heading_is_in_the_text(bank_report: Report) -> None:
    flat = bank_report.flat
    # Every default section that has something to say (the plan has no baseline, so no baseline section).
    # (nor scenario comparison, which needs --scenarios, nor progress, which needs a status date or a baseline)
    titles = [
        s.title
        for s in all_sections()
        if s.default and s.name not in ("cover", "baseline", "comparison", "progress")
    ]
    assert len(titles) >= 9
    for title in titles:
        assert title in flat, title
    plan = bank_report.analysis.plan
    for k, stage in enumerate(plan.stages, 1):
        assert f"{k}. {stage.name}" in flat
    # The cover names the plan and its key figures.
    cover = normalise(bank_report.pages[0])
    assert plan.title in cover
    for label in (
        "Finish",
        "Price of strict gates",
        "Needs the board's attention",  # the tile that was "Decisions"; the count is in the line of facts
        "Top risk",
        "80% confident by (P80)",
        "Not simulated",
        "Contents",
    ):
        assert label in cover
    assert f"{len(plan.decisions)} decisions (" in cover


def test_critical_path_is_listed_in_order(bank_report: Report) -> None:
    flat = bank_report.flat
    start = flat.index("The path in order")
    path = bank_report.analysis.schedule.critical_path
    assert len(path) >= 3
    titles = {d.id: normalise(d.title) for d in bank_report.analysis.plan.decisions}
    positions = []
    pos = start
    for did in path:
        pos = flat.index(titles[did], pos)
        positions.append(pos)
    assert positions == sorted(positions)


def test_summary_is_written_in_sentences(bank_report: Report) -> None:
    flat = bank_report.flat
    s = bank_report.analysis.schedule
    st = bank_report.analysis.stages
    start = flat.index("When it finishes, and why")
    summary = flat[start : flat.index("Key dates", start)]
    assert f"The finish, week {s.finish:g} (" in summary, "the finish, with its date"
    assert "is set by a chain of" in summary, "what sets the finish, in words"
    assert "strict gates" in summary and st is not None
    assert "Top risks" in summary and "Needs the board's attention" in summary


def test_page_count_grows_with_the_plan(
    small_report: Report, bank_report: Report, big_report: Report
) -> None:
    n_small, n_bank, n_big = (len(r.reader.pages) for r in (small_report, bank_report, big_report))
    assert len(small_report.analysis.plan.decisions) < len(bank_report.analysis.plan.decisions)
    # Short sections share pages, and a big plan's graph shows its key decisions (issue 8), so a 48-decision plan
    # with costs and capacity problems may take as many pages as 150 bare decisions; what lists every decision
    # (the Gantt) grows with the plan.
    assert n_small <= n_bank <= n_big

    def gantt_pages(r: Report) -> int:
        return sum(1 for t in r.pages if "Rolling timeline \u00b7" in t)

    assert gantt_pages(small_report) <= gantt_pages(bank_report) < gantt_pages(big_report)


def _outline_titles(outline: list, depth: int = 0) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for item in outline:
        if isinstance(item, list):
            out += _outline_titles(item, depth + 1)
        else:
            out.append((depth, item.title))
    return out


def test_bookmarks_per_section_and_stage(bank_report: Report) -> None:
    entries = _outline_titles(bank_report.reader.outline)
    top = [t for d, t in entries if d == 0]
    nested = [t for d, t in entries if d == 1]
    plan = bank_report.analysis.plan
    assert top[0] == plan.title  # the cover
    for section in all_sections():
        # The baseline section only exists for a plan with a baseline.
        # Scenario comparison only with --scenarios.
        if (
            section.default
            and section.name not in ("cover", "comparison")
            and (section.name != "baseline" or plan.baselines)
            and (section.name != "progress" or plan.baselines or plan.status_date is not None)
        ):
            assert section.title in top
    assert [t for t in nested if t[:1].isdigit()] == [f"{k}. {s.name}" for k, s in enumerate(plan.stages, 1)]
    # Each bookmark points at the page where its section starts.
    reader = bank_report.reader
    for item in reader.outline:
        if not isinstance(item, list) and item.title == "Appendix: every decision":
            page = reader.get_destination_page_number(item)
            assert page is not None
            assert "Appendix: every decision" in bank_report.pages[page]


def test_metadata(bank_report: Report) -> None:
    meta = bank_report.reader.metadata
    assert meta.title == bank_report.analysis.plan.title
    assert meta.subject and "report" in meta.subject.lower()
    assert meta.author and meta.creator


def _fonts(resources: Any, seen: set[int]) -> list[tuple[str, Any]]:
    """(name, font dict) of every font used on a page, in forms too."""
    out: list[tuple[str, Any]] = []
    res = resources.get_object() if isinstance(resources, IndirectObject) else resources
    if not res:
        return out
    fonts = res.get("/Font")
    if fonts is not None:
        for _, ref in fonts.get_object().items():
            font = ref.get_object()
            out.append((str(font.get("/BaseFont")), font))
    xobjects = res.get("/XObject")
    if xobjects is not None:
        for _, ref in xobjects.get_object().items():
            key = getattr(ref, "idnum", id(ref))
            if key in seen:
                continue
            seen.add(key)
            xo = ref.get_object()
            if xo.get("/Subtype") == "/Form" and "/Resources" in xo:
                out += _fonts(xo["/Resources"], seen)
    return out


def test_fonts_are_embedded_truetype(bank_report: Report) -> None:
    seen: set[int] = set()
    fonts = []
    for page in bank_report.reader.pages:
        fonts += _fonts(page.get("/Resources"), seen)
    names = {n for n, _ in fonts}
    assert any("DejaVuSans" in n for n in names)
    for name, font in fonts:
        descriptor = font.get("/FontDescriptor")
        if descriptor is None and "/DescendantFonts" in font:
            descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        assert descriptor is not None, f"{name}: no font descriptor (a standard, non-embedded font)"
        assert "/FontFile2" in descriptor.get_object(), f"{name}: not embedded as TrueType"


def test_charts_are_vectors_with_real_text(bank_report: Report) -> None:
    reader = bank_report.reader
    plan = bank_report.analysis.plan
    gantt_pages = [k for k, t in enumerate(bank_report.pages) if "Rolling timeline \u00b7" in t]
    assert gantt_pages, "the Gantt chart's subtitle is text"
    for k in gantt_pages:
        res = reader.pages[k].get("/Resources").get_object()
        xobjects = res.get("/XObject")
        images = (
            []
            if xobjects is None
            else [
                n for n, ref in xobjects.get_object().items() if ref.get_object().get("/Subtype") == "/Image"
            ]
        )
        assert not images, "charts are drawn as vectors, not pictures"
    # Stage names are drawn as text in the Gantt.
    assert any(s.name.upper() in bank_report.pages[gantt_pages[0]] for s in plan.stages)


_TF = re.compile(rb"/(\S+) ([0-9.]+) Tf")


def test_no_text_smaller_than_7_points(bank_report: Report, big_report: Report) -> None:
    for report in (bank_report, big_report):
        sizes = []
        for page in report.reader.pages:
            data = page.get_contents().get_data()
            sizes += [float(m.group(2)) for m in _TF.finditer(data)]
        assert sizes and min(sizes) >= 7.0 - 1e-6, f"{report.path.name}: smallest text {min(sizes)} pt"


def test_header_footer_and_page_numbers(bank_report: Report) -> None:
    n = len(bank_report.reader.pages)
    assert n > 10
    plan = bank_report.analysis.plan
    for k in (1, n // 2, n - 1):
        text = normalise(bank_report.pages[k])
        assert f"Page {k + 1} of {n}" in text
        assert plan.title[:30] in text


def test_long_tables_split_with_their_header_repeated(big_report: Report) -> None:
    pages = [t for t in big_report.pages[1:] if "Appendix: every decision" in t]  # [1:]: not the cover
    assert len(pages) >= 3, "the appendix of 150 decisions runs over several pages (about 45 rows a page)"
    for text in pages:
        flat = normalise(text)
        assert "Decision Stage Owner Weeks When Float Status Critical" in flat


def test_big_plans_tile_the_gantt_and_graph(big_report: Report) -> None:
    flat = big_report.flat
    assert len(re.findall(r"Rolling timeline \u00b7 .*? rows \d+\u2013\d+ of \d+", flat)) >= 2
    n = len(big_report.analysis.plan.decisions)
    assert re.search(rf"\d+ of {n} decisions left out", flat), "a big graph shows its key decisions, says so"


def test_default_sections_are_registered() -> None:
    assert default_section_names() == [
        "cover",
        "summary",
        "progress",
        "cost",
        "roadmap",
        "gantt",
        "stage-timeline",
        "graph",
        "stages-detail",
        "baseline",
        "critical-path",
        "risk",
        "capacity",
        "coverage",
        "findings",
        "appendix",
    ]


def test_roadmap_gantt_and_critical_path_are_charts(bank_report: Report) -> None:
    flat = bank_report.flat
    assert "Roadmap \u2014 " in flat, "the roadmap is drawn, not a table"
    # The chain is drawn, its rows flowing over pages (the bank plan's 17 steps were left to the table when
    # only a chain that fitted in half a page was drawn, H-report23).
    assert "Critical path \u2014 " in flat and "do not fit" not in flat
    gantt = [t for t in bank_report.pages if "Rolling timeline \u00b7" in t]
    for d in bank_report.analysis.plan.decisions:
        assert any(d.title in normalise(t) for t in gantt), f"{d.title}: whole title in the Gantt"


def test_graph_pages_are_few_and_hold_every_key_decision(big_report: Report) -> None:
    from planner.charts.graph_pages import key_decisions

    a = big_report.analysis
    pages = [t for t in big_report.pages if "columns are the stages decisions run in" in t]
    assert 1 <= len(pages) <= 4
    text = re.sub(r"\s+", "", " ".join(pages))
    for i in key_decisions(a):
        d = a.plan.decisions[i]
        assert d.title.replace(" ", "")[:12] in text or d.id in text
