"""The PDF report read by a board on plans it has not seen (session 17, H-board): each test is a defect found by
rendering unseen plans (long names, one decision, many stages and areas, scripts) and looking at every page."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from planner.analysis.montecarlo import simulate
from planner.model import plan_from_dict
from tests.report.report_helpers import analysis_of, make_report, normalise

_LONG = (
    "Establish a cross-functional governance board with authority over model release, retraining and "
    "retirement decisions across all business units"
)
_STAGES = [
    ("validate", "Validate"),
    ("integrate", "Integrate"),
    ("operationalize", "Operationalize"),
    ("scale", "Scale"),
]


def long_names_plan() -> dict[str, Any]:
    """16 decisions in a chain whose stages go round (so three links run backwards), with stage and area names of
    50-60 characters, titles of 60-120, one risk with a long title and mitigation."""
    areas = [
        "architecture",
        "infrastructure",
        "workflows",
        "data",
        "governance",
        "compliance",
        "organization",
        "skills",
    ]
    return {
        "schema_version": 1,
        "title": _LONG[:118] + ".",
        "start_date": "2027-01-04",
        "stages": [
            {"id": s, "name": f"{n} — the long stage name for the board and beyond", "gate_criteria": []}
            for s, n in _STAGES
        ],
        "areas": [
            {
                "id": a,
                "name": f"{a.title()} and everything related to it in the enterprise",
                "color": "#4C72B0",
            }
            for a in areas
        ],
        "teams": [
            {"id": "t1", "name": "The enterprise machine learning platform engineering team", "capacity": 4}
        ],
        "decisions": [
            {
                "id": f"d{k}",
                "title": _LONG[: 60 + (k * 7) % 61],
                "stage": _STAGES[k % 4][0],
                "area": areas[k % 8],
                "owner": "t1",
                "duration": {"optimistic": 1, "likely": 2, "pessimistic": 5},
                "cost": 25000,
            }
            for k in range(16)
        ],
        "dependencies": [{"from": f"d{k}", "to": f"d{k + 1}"} for k in range(15)],
        "risks": [
            {
                "id": "r1",
                "title": _LONG[:110],
                "probability": 0.4,
                "impact": {"optimistic": 1, "likely": 3, "pessimistic": 6},
                "decisions": ["d3", "d4"],
                "mitigation": _LONG[:100],
                "owner": "t1",
            }
        ],
    }


@pytest.mark.parametrize(("paper", "orientation"), [("a4", "landscape"), ("letter", "portrait")])
def test_a_summary_of_long_names_stays_on_one_page(paper: str, orientation: str, tmp_path: Path) -> None:
    # Before: the key-dates table of a plan with long stage names broke after its third row and left its last four
    # rows (Scale, the finish, P50, P80) alone on a page of their own.
    data = long_names_plan()
    plan = plan_from_dict(data, "<long names>")
    r = make_report(
        analysis_of(plan),
        tmp_path / "r.pdf",
        paper=paper,
        orientation=orientation,
        simulation=simulate(plan, 500, 1),
        sections=["cover", "summary", "gantt"],
    )
    summary, after = normalise(r.pages[1]), normalise(r.pages[2])
    assert "Executive summary" in summary
    for label in ("Key dates", "Finish P50 (simulated)", "Finish P80 (simulated)", "Validation:"):
        assert label in summary, f"{label!r} is on the summary's page"
    assert "Gantt chart" in after
    assert "Key dates" not in after and "Finish P80" not in after


def test_a_summary_that_says_less_counts_what_it_left_out(tmp_path: Path) -> None:
    # What the shorter summary drops is counted, never silently gone: the decisions to watch and the risks.
    data = long_names_plan()
    data["risks"] += [
        dict(copy.deepcopy(data["risks"][0]), id=f"r{k}", decisions=[f"d{k + 5}"], probability=0.5)
        for k in range(2, 5)
    ]
    plan = plan_from_dict(data, "<long names>")
    r = make_report(
        analysis_of(plan),
        tmp_path / "r.pdf",
        simulation=simulate(plan, 500, 1),
        sections=["cover", "summary"],
    )
    summary = normalise(r.pages[1])
    assert re.search(r"\d+ more decisions have a reason to watch too", summary)
    shown = summary.count("to the P80 (probability")
    more = re.search(r"(\d+) more risks? of the register costs? time too", summary)
    assert shown >= 1
    assert shown == 3 or (more is not None and shown + int(more.group(1)) >= 3), summary


@pytest.fixture
def no_fallback_font(monkeypatch: pytest.MonkeyPatch) -> Any:
    """A machine without any font for CJK or emoji (this one; most servers)."""
    from planner.charts import fonts as chart_fonts
    from planner.report import fonts as report_fonts
    from planner.report import vector

    def reset() -> None:
        chart_fonts.fallback_fonts.cache_clear()
        report_fonts.reset_fallbacks()
        vector._METRICS_CACHE.clear()

    monkeypatch.setattr(chart_fonts, "FALLBACK_FAMILIES", ())
    reset()
    yield
    reset()


_TITLE = "规模化人工智能路线图 — خارطة الطريق 🚀"
_DECISION = "建立模型推理服务 🎉 now"


@pytest.mark.filterwarnings(
    "ignore:Glyph:UserWarning"
)  # matplotlib's "Glyph ... missing": no font here has them
def test_text_no_installed_font_can_draw_stays_in_the_pdf(no_fallback_font: None, tmp_path: Path) -> None:
    # Before: without a CJK or emoji font every such character was written as code 0 of DejaVu Sans, so the
    # title, the decision titles and the running header of a Chinese plan extracted as blanks (pdftotext, pypdf,
    # a reader's search). Emoji beyond U+FFFF also need their UTF-16 pair in the ToUnicode map.
    plan = plan_from_dict(
        {
            "schema_version": 1,
            "title": _TITLE,
            "start_date": "2027-01-04",
            "stages": [{"id": "s", "name": "验证阶段"}],
            "decisions": [{"id": "a", "title": _DECISION, "stage": "s", "duration": 2}],
        },
        "<scripts>",
    )
    r = make_report(analysis_of(plan), tmp_path / "r.pdf", sections=["cover", "summary", "gantt", "appendix"])
    assert _TITLE.split(" — ")[0] in r.pages[0] and "🚀" in r.pages[0]
    for page in r.pages[1:]:  # the running header
        assert "规模化人工智能路线图" in page
    assert "\x00" not in r.text, "no character is written as code 0 (a table's plain cell was)"

    if shutil.which("pdftotext"):
        out = subprocess.run(
            ["pdftotext", str(r.path), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "规模化人工智能路线图" in out and _DECISION in normalise(out)


def late_plan() -> dict[str, Any]:
    """Ten decisions in a chain, two done and two in progress, priced, with a status date in the middle and no
    baseline."""
    decisions = []
    for k in range(10):
        d: dict[str, Any] = {
            "id": f"d{k}",
            "title": f"Decision number {k}",
            "stage": _STAGES[k % 4][0],
            "owner": "t1",
            "cost": 10000 * (k + 1),
            "duration": {"optimistic": 1, "likely": 2 + k % 3, "pessimistic": 6},
        }
        if k < 2:
            d.update(status="done", progress=100)
        elif k < 4:
            d.update(status="in_progress", progress=30)
        decisions.append(d)
    return {
        "schema_version": 1,
        "title": "Mid-plan status with late work",
        "start_date": "2027-03-01",
        "status_date": "2027-05-10",
        "stages": [
            {"id": s, "name": n, "gate_criteria": [{"text": f"{n} criterion", "met": False}]}
            for s, n in _STAGES
        ],
        "teams": [{"id": "t1", "name": "Platform", "capacity": 3}],
        "decisions": decisions,
        "dependencies": [{"from": f"d{k}", "to": f"d{k + 1}"} for k in range(9)],
    }


def test_progress_without_a_baseline_is_not_since_a_baseline(tmp_path: Path) -> None:
    # Before: the section was headed "Progress since baseline" on a plan without one, and its table of finished
    # work had a "Baseline finish" and a "Slip" column of dashes.
    plan = plan_from_dict(late_plan(), "<late>")
    r = make_report(analysis_of(plan), tmp_path / "r.pdf", sections=["cover", "progress"])
    assert "Progress at the status date" in r.flat and "since baseline" not in r.flat
    assert "Finished (2)" in r.flat and "Baseline finish" not in r.flat and "Slip" not in r.flat
    assert "no baseline to compare with" in r.flat


def test_a_finished_plan_says_it_finished(tmp_path: Path) -> None:
    # Before: with every decision done the summary said "The plan finishes in week 11 (...): it has no work that
    # takes time yet", gave an even chance and an 80% chance of finishing by the same week, and the cover's tile
    # read "0 critical: they set the finish".
    data = late_plan()
    del data["status_date"]
    for week, d in enumerate(data["decisions"]):
        d.update(status="done", progress=100, actual_start=week, actual_finish=week + 1)
    plan = plan_from_dict(data, "<done>")
    a = analysis_of(plan)
    assert a.schedule is not None and a.schedule.finish == 10
    r = make_report(a, tmp_path / "r.pdf", simulation=simulate(plan, 300, 1), sections=["cover", "summary"])
    cover, summary = normalise(r.pages[0]), normalise(r.pages[1])
    assert "Finished 10 May 2027 week 10 · every decision done" in cover
    assert "every one done" in cover and "0 critical" not in cover
    assert "Every decision is done: the plan finished in week 10 (10 May 2027)." in summary
    assert "no work that takes time" not in summary and "even chance" not in summary


def _one_decision(owner: str | None) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": "a",
        "title": "Agree the value case",
        "stage": "validate",
        "duration": {"optimistic": 1, "likely": 2, "pessimistic": 4},
    }
    if owner:
        d["owner"] = owner
    return {
        "schema_version": 1,
        "title": "One decision",
        "start_date": "2027-01-04",
        "stages": [{"id": "validate", "name": "Validate"}],
        "teams": [{"id": "t", "name": "Team", "capacity": 2}],
        "decisions": [d],
    }


def test_a_team_without_work_gets_a_sentence_not_an_empty_chart(tmp_path: Path) -> None:
    # Before: a plan with a team but no decision owned by it drew the load chart as empty panels under "the
    # busiest moment asks 0 people of Team's 2".
    plan = plan_from_dict(_one_decision(None), "<one>")
    r = make_report(analysis_of(plan), tmp_path / "r.pdf", sections=["cover", "capacity"])
    assert "No decision is assigned to the plan's team yet, so no team carries any load." in r.flat
    assert "Team load against capacity" not in r.flat and "asks 0 people" not in r.flat
    owned = plan_from_dict(_one_decision("t"), "<one owned>")
    r = make_report(analysis_of(owned), tmp_path / "owned.pdf", sections=["cover", "capacity"])
    assert "Team load against capacity" in r.flat


def test_one_decision_has_no_bar_charts_of_one_bar(tmp_path: Path) -> None:
    # Before: the schedule-risk section of a one-decision plan gave a page to a criticality chart of one bar at
    # 100% and a sensitivity chart of one bar at +1.00, after a sentence that says the same.
    plan = plan_from_dict(_one_decision(None), "<one>")
    r = make_report(
        analysis_of(plan), tmp_path / "r.pdf", simulation=simulate(plan, 300, 1), sections=["cover", "risk"]
    )
    assert "What drives the finish" in r.flat and "Agree the value case (100%)" in r.flat
    assert "Criticality index" not in r.flat and "What drives the finish date" not in r.flat
    data = _one_decision(None)
    data["decisions"].append(dict(data["decisions"][0], id="b", title="Pick the pilot"))
    two = plan_from_dict(data, "<two>")
    r = make_report(
        analysis_of(two), tmp_path / "two.pdf", simulation=simulate(two, 300, 1), sections=["cover", "risk"]
    )
    assert "Criticality index" in r.flat and "What drives the finish date" in r.flat


def many_stages_plan() -> dict[str, Any]:
    """9 stages, 14 areas, 5 teams, 45 decisions with two links each, costs and 9 risks."""
    rng = __import__("random").Random(3)
    deps = sorted({(rng.randrange(max(0, j - 8), j), j) for j in range(1, 45) for _ in range(2)})
    return {
        "schema_version": 1,
        "title": "Eight stages and twelve areas",
        "start_date": "2027-01-04",
        "stages": [{"id": f"s{k}", "name": f"Stage {k + 1} name"} for k in range(9)],
        "areas": [{"id": f"a{k}", "name": f"Area number {k + 1}", "color": "#4C72B0"} for k in range(14)],
        "teams": [{"id": f"t{k}", "name": f"Team {k}", "capacity": 2} for k in range(5)],
        "decisions": [
            {
                "id": f"d{k:02d}",
                "title": f"Decision {k} about something",
                "stage": f"s{k * 9 // 45}",
                "area": f"a{k % 14}",
                "owner": f"t{k % 5}",
                "duration": {"optimistic": 1, "likely": rng.choice([1, 2, 3]), "pessimistic": 5},
                "cost": rng.choice([0, 5000, 20000]),
            }
            for k in range(45)
        ],
        "dependencies": [{"from": f"d{i:02d}", "to": f"d{j:02d}"} for i, j in deps],
        "risks": [
            {
                "id": f"r{k}",
                "title": f"Risk {k}",
                "probability": 0.2 + 0.05 * k,
                "impact": 2,
                "decisions": [f"d{k * 4:02d}"],
            }
            for k in range(9)
        ],
    }


@pytest.mark.filterwarnings("ignore:Glyph:UserWarning")
@pytest.mark.parametrize("name", ["long-names", "late", "many-stages", "scripts"])
def test_the_report_gives_the_figures_of_analyze_and_simulate_json(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The headline figures a board reads (finish, gated finish, P50, P80: week and date; the counts) are the
    ones ``planner analyze`` and ``planner simulate --format json`` give for the same plan and options, written
    by the one rule of planner.units, in the text a reader extracts from the PDF."""
    import datetime as dt
    import json

    from planner import units
    from planner.cli import main

    data = {
        "long-names": long_names_plan,
        "late": late_plan,
        "many-stages": many_stages_plan,
        "scripts": lambda: dict(
            late_plan(), title=_TITLE, stages=[{"id": s, "name": f"{n} 验证"} for s, n in _STAGES]
        ),
    }[name]()
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["analyze", str(path), "--format", "json"]) == 0
    a = json.loads(capsys.readouterr().out)
    assert main(["simulate", str(path), "--format", "json", "--iterations", "500", "--seed", "4"]) == 0
    s = json.loads(capsys.readouterr().out)
    pdf = tmp_path / "r.pdf"
    assert (
        main(["report", str(path), "-o", str(pdf), "--simulate", "--iterations", "500", "--seed", "4", "-q"])
        == 0
    )
    from pypdf import PdfReader

    pages = [normalise(p.extract_text() or "") for p in PdfReader(pdf).pages]
    cover, text = pages[0], " ".join(pages)

    def date(iso: str) -> str:
        return units.format_date(dt.date.fromisoformat(iso))

    finish, gated = date(a["finish_date"]), date(a["gated_finish_date"])
    p50, p80 = date(s["finish_dates"]["p50"]), date(s["finish_dates"]["p80"])
    assert finish in cover and f"P50 {p50}" in cover and p80 in cover
    assert f"strict gates finish {gated}" in cover
    assert f"{finish} (wk {units.format_weeks(a['finish'])})" in text
    assert f"week {units.format_weeks(s['finish']['p50'])} ({p50})" in text
    assert f"week {units.format_weeks(s['finish']['p80'])} ({p80})" in text
    assert f"{p50} (wk {units.format_weeks(s['finish']['p50'])})" in text  # key dates
    n = len(a["decisions"])
    assert units.count(n, "decision") in cover and f"({len(a['critical'])} critical)" in cover
    for st in a["stages"]:  # every stage's gate, as the key dates give it
        assert f"{date(st['gated_finish_date'])} (wk {units.format_weeks(st['gated_finish'])})" in text
    assert not re.search(r"(?<![.\d])\b1 (decisions|weeks|stages|risks|teams|dependencies)\b", text)
    assert "\x00" not in text


def test_a_report_with_simulated_scenarios_does_not_say_it_has_no_confidence_range(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: with --scenarios (which simulates every scenario, the plan included) and without --simulate, the
    # cover said "no confidence range in this report" and the summary "this report gives no confidence range
    # (P50, P80)" while the Scenarios compared page gave P50 and P80 for each.
    import json

    from planner.cli import main

    data = late_plan()
    del data["status_date"]
    data["scenarios"] = [
        {"name": "Faster", "decisions": {"d5": {"duration": 1}}},
        {"name": "Slower", "decisions": {"d5": {"duration": 8}}},
    ]
    path = tmp_path / "p.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    pdf = tmp_path / "r.pdf"
    assert main(["report", str(path), "-o", str(pdf), "--scenarios", "Faster,Slower", "-q"]) == 0
    from pypdf import PdfReader

    text = normalise(" ".join(p.extract_text() or "" for p in PdfReader(pdf).pages))
    assert "Scenarios compared" in text and "P50 finish" in text
    assert "no confidence range in this report" not in text
    assert "this report gives no confidence range" not in text
    assert "the scenario comparison gives each scenario's P50 and P80" in text
