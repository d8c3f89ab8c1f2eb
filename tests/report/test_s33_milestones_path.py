"""A plan of milestones only: what the report says about its critical path and stages is true of it (H-report33).

Five milestones, three joined by links with 2-week lags. The critical path section said 'none of these decisions
has float, so a week lost on any of them is a week lost on the plan': a milestone takes no time and loses no
week; the path's weeks are its links' lags. The stages said 'its work runs 18 Jan 2027 (weeks 2)' and '1 decision,
1 of them critical ...; every one is in the appendix'."""

from __future__ import annotations

from pathlib import Path

from tests.report.test_s21_cost_and_appendix import report_pages
from tests.unseen_plans import only_milestones


def test_the_critical_path_of_milestones_names_the_lags(tmp_path: Path) -> None:
    text = " ".join(report_pages(only_milestones(), tmp_path / "r.pdf", ["critical-path"]))
    assert "a week lost on any of them" not in text
    assert "Its milestones take no time: the weeks between them are the lags and start constraints" in text


def test_a_plan_with_work_on_its_path_keeps_the_sentence(tmp_path: Path) -> None:
    data = only_milestones()
    data["decisions"][1].pop("milestone")
    data["decisions"][1]["duration"] = 3
    text = " ".join(report_pages(data, tmp_path / "r.pdf", ["critical-path"]))
    assert (
        "none of these decisions has float, so a week lost on any of them is a week lost on the plan" in text
    )


def test_stages_of_milestones_read_in_the_singular(tmp_path: Path) -> None:
    text = " ".join(report_pages(only_milestones(), tmp_path / "r.pdf", ["stages-detail"]))
    assert "(weeks 2)" not in text and "(week 2)" in text
    assert "1 decision, 1 of them critical" not in text
    assert "1 decision, critical (listed under Critical path); it is in the appendix." in text
