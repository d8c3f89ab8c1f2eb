"""The report read as a board member reads it (H-report, session 14): nothing padded, nothing that says less
than it seems to (an empty plan's "finish 4 Jan 2027", a table of five equal dates, "part 1 of 1")."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from planner.analysis import analyze
from planner.analysis.montecarlo import simulate
from planner.report import ReportError, build_report
from tests.report.report_helpers import make_report


def test_empty_plan_cover_says_not_scheduled(make_plan: Any, tmp_path: Path) -> None:
    r = make_report(analyze(make_plan([], start_date="2027-01-04")), tmp_path / "r.pdf")
    cover = " ".join(r.pages[0].split())
    # the finish analyze and the app give an empty plan, week 0 (its start), and why (session 25: the cover said
    # 'Not scheduled' where every other output said 'week 0 (4 Jan 2027)')
    assert "4 Jan 2027 week 0 · the plan has no decisions yet" in cover
    assert "finishes where it starts, 4 Jan 2027 (week 0)" in " ".join(r.flat.split())
    # no P80 or price of strict gates on a plan with nothing to schedule
    assert "Price of strict gates" not in cover
    assert "0 of 4 gate criteria met" not in cover  # the test plan's stages have no criteria
    assert "no gate criteria" in cover
    # the stages' goals and criteria are still reported, without gates of week 0
    assert "Stages in detail" in r.flat and "its gate is" not in r.flat


def test_sections_with_nothing_to_show_are_refused_not_written_empty(make_plan: Any, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    with pytest.raises(ReportError, match="nothing to report: the plan has no decisions"):
        build_report(analyze(make_plan([])), out, sections=["gantt", "graph"])
    assert not out.exists() and list(tmp_path.iterdir()) == []  # no PDF of no pages, no leftover


def test_cli_refuses_a_report_of_nothing(make_plan: Any, tmp_path: Path, capsys: Any) -> None:
    from planner.cli import main
    from planner.model import save_plan

    plan = tmp_path / "empty.plan.json"
    save_plan(make_plan([]), plan)
    assert main(["report", str(plan), "-o", str(tmp_path / "r.pdf"), "--sections", "gantt", "-q"]) == 2
    err = capsys.readouterr().err
    assert "nothing to report" in err and "Traceback" not in err


def test_a_finish_that_never_varies_is_one_paragraph(make_plan: Any, tmp_path: Path) -> None:
    plan = make_plan(
        [{"id": "a", "duration": 3}, {"id": "b", "duration": 2}], [("a", "b")], start_date="2027-01-04"
    )
    analysis = analyze(plan)
    sim = simulate(plan, 300, 1)
    r = make_report(analysis, tmp_path / "r.pdf", sections=["risk"], simulation=sim)
    # week 5 = 4 Jan 2027 + 35 days
    assert "Every one of the 300 simulated runs finishes on week 5 (8 Feb 2027)" in r.flat
    assert "no decision's estimate has a range" in r.flat and "the risk register is empty" in r.flat
    # no table of five equal dates, no charts of one bar
    assert "Finish dates by confidence" not in r.flat and "Criticality index" not in r.flat
    assert len(r.reader.pages) == 1


def test_a_finish_that_varies_keeps_the_full_section(make_plan: Any, tmp_path: Path) -> None:
    plan = make_plan([{"id": "a", "duration": {"optimistic": 2, "likely": 3, "pessimistic": 6}}])
    r = make_report(analyze(plan), tmp_path / "r.pdf", sections=["risk"], simulation=simulate(plan, 300, 1))
    assert "Finish dates by confidence" in r.flat and "Every one of the" not in r.flat


def test_no_dependency_graph_without_dependencies(make_plan: Any, tmp_path: Path) -> None:
    plan = make_plan([{"id": "a"}, {"id": "b"}], start_date="2027-01-04")
    r = make_report(analyze(plan), tmp_path / "r.pdf")
    assert "Dependency graph" not in r.flat  # neither a page nor a contents entry
    assert "Gantt chart" in r.flat


def test_one_part_graph_and_one_decision_path_read_naturally(make_plan: Any, tmp_path: Path) -> None:
    plan = make_plan(
        [{"id": "a", "duration": 2}, {"id": "b", "duration": 1}, {"id": "c", "duration": 9}],
        [("a", "b")],
        start_date="2027-01-04",
    )
    r = make_report(analyze(plan), tmp_path / "r.pdf", sections=["graph", "critical-path"])
    assert "part 1 of 1" not in r.flat
    assert "3 of 3 decisions" in r.flat
    assert "1 decision, 9 wk of work" in r.flat  # the path is c alone (9 weeks against a->b's 3)
    assert "1 decisions" not in r.flat


def test_cost_section_names_only_the_kinds_of_spend_the_plan_has(tmp_path: Path) -> None:
    from tests.report.report_helpers import sample

    plan = sample("fraud-detection")  # decision costs only: no team rates, no running costs
    sim = simulate(plan, 300, 2)
    r = make_report(analyze(plan), tmp_path / "r.pdf", sections=["cost"], simulation=sim)
    assert "The plan is expected to spend EUR 594,500, all of it one-off costs, up to week 31.5" in r.flat
    assert "EUR 0" not in r.flat  # no "EUR 0 of people's time", no "labour EUR 0" in a chart's subtitle
    assert "each of the 300 simulated runs spends the same" in r.flat
    assert "half the time (P50)" not in r.flat
    # one kind of spend: no column of zeros or one that repeats the total
    assert "Decision Total" in r.flat and "Decision People" not in r.flat
    assert "Stage Total (EUR) Share" in r.flat and "Stage Other" not in r.flat


def test_a_long_critical_path_lists_its_start_and_end_and_counts_the_rest(tmp_path: Path) -> None:
    from planner.model import plan_from_dict
    from tests.unseen_plans import chain

    plan = plan_from_dict(chain(60), "<chain>")  # d0000 -> ... -> d0059, every one critical
    r = make_report(analyze(plan), tmp_path / "r.pdf", sections=["critical-path"])
    flat = r.flat
    table = flat[flat.index("The path in order") :]
    # steps 1-20 and 51-60 by name; 21-50 in one row, with the dates they span
    for k in (0, 19, 50, 59):
        assert f"Decision d{k:04d}" in table
    for k in (20, 35, 49):
        assert f"Decision d{k:04d}" not in table
    assert "#21–#50: 30 more decisions on the path" in table
    assert "all critical; planner analyze lists each" in table  # the appendix may hold only the key ones
    assert len(r.reader.pages) <= 2  # it was a table of 60 rows over 3 pages


def test_capacity_tables_keep_the_worst_rows_and_count_the_rest(tmp_path: Path) -> None:
    from planner.report.sections.capacity import MAX_ROWS
    from tests.report.report_helpers import generated_plan

    plan = generated_plan(400, seed=5)
    for team in plan.teams:  # one person a team: many stretches over capacity, much work to delay
        team.capacity = 1
    r = make_report(analyze(plan), tmp_path / "r.pdf", sections=["capacity"])
    assert MAX_ROWS == 15
    assert f"The {MAX_ROWS} worst of " in r.flat
    assert f"The {MAX_ROWS} most delayed are listed;" in r.flat


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_cost_section_of_the_template_is_one_page_with_one_readable_chart(paper: str, tmp_path: Path) -> None:
    from planner.templates import load_template

    plan = load_template("ai-scaling")  # people, cloud and vendor costs, a budget and a target
    sim = simulate(plan, 300, 4)
    r = make_report(analyze(plan), tmp_path / "r.pdf", sections=["cost"], simulation=sim, paper=paper)
    # the tables ran over onto a page of their own under two charts of half a page's height
    assert len(r.reader.pages) == 1
    assert "Spend curve" in r.flat and "Cost by stage Stage People Cloud Vendor" in r.flat


def test_the_summary_quotes_long_titles_shortened(tmp_path: Path) -> None:
    from planner.model import plan_from_dict
    from tests.unseen_plans import LONG_TITLE, long_text

    plan = plan_from_dict(long_text(), "<long>")
    r = make_report(analyze(plan), tmp_path / "r.pdf", sections=["summary"])
    why = r.flat[r.flat.index("When it finishes, and why") : r.flat.index("How sure we are")]
    assert "“Decouple the foundation model behind an inference service with versioned contracts…”" in why
    assert LONG_TITLE not in r.flat.replace("\u2026", "")  # shortened wherever it is quoted
    assert len(why) < 400


def test_progress_counts_read_as_english(tmp_path: Path) -> None:
    from planner.model import plan_from_dict
    from tests.unseen_plans import status_middle

    plan = plan_from_dict(status_middle(), "<status>")  # 6 decisions, 1 done, 2 in progress, status date wk 6
    r = make_report(analyze(plan), tmp_path / "r.pdf", sections=["cover", "progress"])
    assert "1 of 6 decisions is done and 2 in progress" in r.flat  # was "1 of 6 decision is done"


def test_appendix_gives_done_work_its_actual_dates(tmp_path: Path) -> None:
    from tests.report.report_helpers import sample

    plan = sample("fraud-detection")  # loss-baseline: done, actual weeks 0-2 from 1 Feb 2027
    r = make_report(analyze(plan), tmp_path / "r.pdf", sections=["appendix"])
    row = r.flat[r.flat.index("Baseline fraud losses") :][:140]
    assert (
        "1 Feb – 15 Feb 2027" in row
    )  # as the Gantt draws it; the remaining-work schedule has it at 15 Feb only


def test_every_page_gives_the_report_date_and_the_status_date(tmp_path: Path) -> None:
    from planner.model import plan_from_dict
    from tests.unseen_plans import one_decision, status_middle

    plan = plan_from_dict(status_middle(), "<status>")  # status date week 6 from 4 Jan 2027
    r = make_report(analyze(plan), tmp_path / "r.pdf", sections=["summary", "gantt", "appendix"])
    assert len(r.pages) >= 2
    for page in r.pages:
        assert "report of " in page and "status date 15 Feb 2027" in page
    plain = make_report(
        analyze(plan_from_dict(one_decision(), "<one>")), tmp_path / "p.pdf", sections=["summary"]
    )
    assert "report of " in plain.pages[0] and "status date" not in plain.pages[0]


def test_a_very_big_plans_gantt_draws_its_key_decisions(tmp_path: Path) -> None:
    from planner.charts.gantt import gantt_row_count, gantt_rows
    from planner.report.sections.charts import GANTT_ALL
    from tests.report.report_helpers import generated_plan, normalise

    analysis = analyze(generated_plan(GANTT_ALL + 50, seed=2))
    s = analysis.schedule
    n = len(analysis.plan.decisions)
    crit = [i for i in range(n) if s.critical[i]]
    # the chart's filter: every stage header, then only the decisions asked for, in the chart's order
    assert gantt_row_count(analysis, only=crit) == len(analysis.plan.stages) + len(crit)
    full = [r for r in gantt_rows(analysis) if r[0] == "decision" and r[1] in set(crit)]
    assert [r for r in gantt_rows(analysis, only=crit) if r[0] == "decision"] == full
    r = make_report(analysis, tmp_path / "r.pdf", sections=["gantt"])
    assert f"key decisions of {n:,} on the rolling schedule" in r.flat
    assert "none of them critical" in r.flat
    m = re.search(r"The plan's ([\d,]+) key decisions", r.flat)
    assert m is not None
    k = int(m.group(1).replace(",", ""))
    assert len(crit) <= k < n
    # the chart's rows are the stages' headers and those k decisions
    assert f"of {len(analysis.plan.stages) + k} " in normalise(r.pages[-1])
    # 450 decisions at ~40 rows a page were 12 pages
    assert len(r.reader.pages) < 12


def test_a_graph_of_dozens_of_pages_is_left_out_with_a_sentence(tmp_path: Path) -> None:
    from planner.model import plan_from_dict
    from planner.report.sections.charts import GRAPH_MAX_PAGES
    from tests.unseen_plans import chain

    # Every decision critical: the graph's pages hold them all (250 fit 8 pages since bands are as tall as their cards).
    plan = plan_from_dict(chain(400), "<chain>")
    r = make_report(analyze(plan), tmp_path / "r.pdf", sections=["graph"])
    m = re.search(r"the dependency graph of this plan would take (\d+) pages", r.flat)
    assert m is not None and int(m.group(1)) > GRAPH_MAX_PAGES
    assert "planner export --chart graph" in r.flat
    assert len(r.reader.pages) == 1


def test_the_risk_registers_key_comes_before_its_table(tmp_path: Path) -> None:
    from tests.report.report_helpers import sample

    plan = sample("fraud-detection")
    r = make_report(analyze(plan), tmp_path / "r.pdf", sections=["risk"], simulation=simulate(plan, 300, 1))
    flat = r.flat
    key = flat.index("Delay: optimistic/likely/pessimistic weeks")
    register = flat.index("Risk register")
    assert register < key < flat.index("Chance Delay (wk)", register)  # over the table, never alone under it


def test_the_cover_says_what_needs_the_boards_attention(tmp_path: Path) -> None:
    from planner.analysis import board
    from tests.report.report_helpers import normalise, sample

    plan = sample("fraud-detection")
    analysis = analyze(plan)
    sim = simulate(plan, 300, 1)
    r = make_report(analysis, tmp_path / "r.pdf", sections=["cover", "summary"], simulation=sim)
    cover = normalise(r.pages[0])
    asks = board.attention(
        plan, analysis, sim, None
    )  # every decision with a reason: the tile counts them all
    assert len(asks) > 3 and f"Needs the board's attention {len(asks)} decisions" in cover
    summary = normalise(r.pages[1])
    assert f"{len(asks) - 3} more decisions have a reason to watch too" in summary
    assert f"\u201c{asks[0].title[:30]}" in cover and asks[0].reasons[0][3:20] in cover
    assert "41 decisions (6 critical)" in cover  # the count the tile held before
    assert "Generated on" in cover  # the cover is still one page


def _texts_outside_the_page(path: Path) -> list[tuple[int, str]]:
    """Text runs placed outside their page's box (digits alone are skipped: the page numbers of the contents
    and the footer's page count are PDF forms, whose placement pypdf does not apply)."""
    from pypdf import PdfReader

    out: list[tuple[int, str]] = []
    for k, page in enumerate(PdfReader(path).pages, 1):
        w, h = float(page.mediabox.width), float(page.mediabox.height)

        def visit(text: str, cm: Any, tm: Any, *_: Any, k: int = k, w: float = w, h: float = h) -> None:
            if not text.strip() or text.strip().isdigit():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if not (-1 <= x <= w + 1 and -1 <= y <= h + 1):
                out.append((k, text))

        page.extract_text(visitor_text=visit)
    return out


# matplotlib warns of each glyph DejaVu lacks (CJK, Devanagari, emoji without a fallback font installed); the
# command line shows boxes for them, and so must this test (the suite makes warnings errors).
@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")
@pytest.mark.parametrize("shape", ["long-text", "scripts", "one-decision"])
def test_no_text_outside_the_page_of_unusual_plans(shape: str, tmp_path: Path) -> None:
    from planner.model import plan_from_dict
    from tests.unseen_plans import shape as make_shape

    plan = plan_from_dict(make_shape(shape), f"<{shape}>")
    analysis = analyze(plan)
    out = tmp_path / "r.pdf"
    build_report(analysis, out, simulation=simulate(plan, 200, 1), paper="letter", orientation="portrait")
    assert _texts_outside_the_page(out) == []


def test_a_small_plans_roadmap_is_as_tall_as_its_lanes(tmp_path: Path) -> None:
    from planner.model import plan_from_dict
    from tests.unseen_plans import one_decision

    plan = plan_from_dict(one_decision(), "<one>")
    r = make_report(analyze(plan), tmp_path / "r.pdf", sections=["roadmap", "gantt", "stage-timeline"])
    # one lane of one bar: the Gantt starts under the roadmap, not after a page of empty bands
    assert "Roadmap on a page" in r.pages[0] and "Gantt chart" in r.pages[0]
    assert len(r.reader.pages) == 2


def test_key_decisions_keep_both_ends_of_a_path_longer_than_the_limit() -> None:
    """A critical path of 600 decisions, 300 kept: its first 150 and its last 150, so the decision that sets the
    finish is drawn and listed (the cut was in stage-and-start order: the path stopped near its middle)."""
    from types import SimpleNamespace

    from planner.model import plan_from_dict
    from planner.report.sections.details import APPENDIX_KEY, key_decisions
    from tests.unseen_plans import chain

    plan = plan_from_dict(chain(600), "<chain>")
    a = analyze(plan)
    assert a.schedule is not None and len(a.schedule.critical_path) == 600
    kept = key_decisions(SimpleNamespace(plan=plan, schedule=a.schedule))  # type: ignore[arg-type]
    ids = [a.schedule.ids[i] for i in kept]
    assert len(ids) == APPENDIX_KEY == 300
    assert (
        ids[:2] == ["d0000", "d0001"]
        and ids[-1] == "d0599"
        and "d0450" in ids
        and "d0449" not in ids
        and "d0149" in ids
    )


def test_a_spend_that_never_varies_is_put_down_to_its_real_cause(make_plan: Any, tmp_path: Path) -> None:
    """Teams paid by the week, but no estimate with a range and no risk: every run spends the same because the
    schedule does not vary. The report said 'no team is paid by the week', which the plan contradicts."""
    plan = make_plan(
        [{"id": "a", "duration": 2, "owner": "t"}, {"id": "b", "duration": 3, "owner": "t"}],
        [("a", "b")],
        start_date="2027-01-04",
        teams=[{"id": "t", "name": "Team", "capacity": 2, "rate": 5000}],
    )
    a = analyze(plan)
    r = make_report(a, tmp_path / "r.pdf", sections=["cost"], simulation=simulate(plan, 200, 1))
    assert "spend 25,000, all of it labour" in r.flat  # 5 weeks x 1 person x 5,000 (no currency set)
    assert "the schedule itself does not vary in them" in r.flat
    assert "no team is paid by the week" not in r.flat and "half the time (P50)" not in r.flat


def test_appendix_and_gantt_give_done_work_the_same_span(make_plan: Any, tmp_path: Path) -> None:
    """The appendix's span of done work is the Gantt's (charts.status.done_spans), even when the recorded actuals
    disagree: an actual finish before the actual start read as a span running backwards ('18 Jan - 11 Jan')."""
    from planner.charts.status import done_spans

    plan = make_plan(
        [
            {
                "id": "a",
                "title": "Odd actuals",
                "duration": 2,
                "status": "done",
                "actual_start": 2,
                "actual_finish": 1,
            },
            {"id": "b", "duration": 1},
        ],
        start_date="2027-01-04",
        status_date="2027-01-25",
    )
    a = analyze(plan)
    start, finish = done_spans(a)
    assert start[0] <= finish[0]
    r = make_report(a, tmp_path / "r.pdf", sections=["appendix"])
    row = r.flat[r.flat.index("Odd actuals") :][:120]
    from planner.units import format_date, week_to_date

    first = format_date(week_to_date(plan.start_date, float(start[0])), short=True)
    assert first in row and "18 Jan – 11 Jan" not in row


def test_a_very_big_plans_roadmap_does_not_send_the_reader_to_a_gantt_that_leaves_them_out(
    tmp_path: Path,
) -> None:
    """Above GANTT_ALL decisions the report's Gantt draws only the key ones, so the roadmap's note names the plan
    file and its spreadsheet export for the decisions it cannot show (it said 'in the Gantt chart'); the app's
    roadmap, whose Gantt tab draws every decision, keeps saying the Gantt chart."""
    from planner.charts.roadmap import note_lines
    from planner.report.sections.charts import GANTT_ALL
    from tests.report.report_helpers import generated_plan

    analysis = analyze(generated_plan(GANTT_ALL + 50, seed=2))
    assert "in the Gantt chart." in " ".join(note_lines(analysis, 40.0, 45, GANTT_ALL + 50))
    r = make_report(analysis, tmp_path / "r.pdf", sections=["roadmap"])
    assert "are in the plan file and its spreadsheet export." in r.flat and "in the Gantt chart" not in r.flat
