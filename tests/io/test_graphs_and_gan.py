"""GanttProject import details; TaskJuggler, Mermaid and DOT exports."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.io import import_file
from planner.io.graphs import export_dot, export_mermaid, export_tjp, tj_ids
from tests.conftest import build_plan

GAN = """<?xml version="1.0" encoding="UTF-8"?>
<project name="House" version="3.2">
  <calendars><day-types><default-week id="1" name="default" sun="1" mon="0" tue="0" wed="0" thu="0" fri="0"
    sat="1"/></day-types><date year="2027" month="1" date="8" type="HOLIDAY"/></calendars>
  <tasks>
    <task id="1" name="Validate" start="2027-01-04" duration="10" complete="0" meeting="false">
      <task id="2" name="Dig" start="2027-01-04" duration="3" complete="100" meeting="false">
        <depend id="3" type="2" difference="1" hardness="Strong"/>
        <depend id="4" type="1" difference="-1" hardness="Rubber"/>
      </task>
      <task id="3" name="Pour" start="2027-01-11" duration="2" complete="50" meeting="false"/>
      <task id="4" name="Inspect" start="2027-01-05" duration="0" complete="0" meeting="true"/>
    </task>
    <task id="5" name="Later" start="2027-01-12" duration="5" complete="0" meeting="false">
      <depend id="6" type="3" difference="0"/>
    </task>
    <task id="6" name="Paint" start="2027-01-12" duration="5" complete="0" meeting="false"/>
  </tasks>
  <resources><resource id="0" name="Crew"/></resources>
  <allocations><allocation task-id="3" resource-id="0" load="200.0"/></allocations>
</project>
"""


def test_gan_import(tmp_path: Path) -> None:
    path = tmp_path / "h.gan"
    path.write_text(GAN, encoding="utf-8")
    plan, report = import_file(path)
    by = {d.title: d for d in plan.decisions}
    assert by["Dig"].duration == pytest.approx(0.6) and by["Dig"].stage == "validate"
    assert by["Inspect"].milestone and by["Dig"].status == "done" and by["Pour"].progress == 50
    assert (by["Pour"].owner, by["Pour"].headcount) == ("crew", 2.0)
    deps = {(d.from_, d.to): (str(d.type), round(d.lag, 9)) for d in plan.dependencies}
    assert deps == {
        ("dig", "pour"): ("FS", 0.2),
        ("dig", "inspect"): ("SS", -0.2),
        ("later", "paint"): ("FF", 0.0),
    }
    # Later starts Tue 12 Jan: 5 working days after Mon 4 Jan (Fri 8 Jan is a holiday) = 1 week
    assert by["Later"].not_before == pytest.approx(1.0)
    assert "Rubber" in report.text()


def test_tj_ids_are_valid_and_unique() -> None:
    ids = tj_ids(["a-b", "a_b", "1x", "a.b"])
    assert all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", v) for v in ids.values())
    assert len(set(ids.values())) == 4


def test_tjp_export_writes_gaps_and_says_what_it_approximates() -> None:
    plan = build_plan(
        [
            {"id": "a", "duration": 2},
            {"id": "b", "duration": 1},
            {"id": "c-1", "duration": 1},
            {"id": "d", "duration": 3},
        ],
        [("a", "b", "SS", 1), ("a", "c-1", "FS", -0.5), ("a", "d", "FF", 1)],
        start_date="2027-01-04",
    )
    text = export_tjp(plan)
    assert "depends stage_validate.a { onstart gapduration 168h }" in text
    # a lead: the task is held at the planner's start (week 1.5) instead of a gap of 0, which finished later
    assert "which TaskJuggler has no way to write" in text and "c_1" in text
    assert "start 2027-01-14-12:00" in text
    assert "FF link from a (lag 1 weeks): a negative gap of -2 weeks" in text  # d (3 w) must finish by a + 1
    assert "project plan" in text and "2027-01-04" in text


def test_mermaid_escapes_and_comments() -> None:
    plan = build_plan(
        [{"id": "a", "title": "Set: goal; #1"}, {"id": "b"}], [("a", "b", "SS", 1)], start_date="2027-01-04"
    )
    text = export_mermaid(plan)
    assert "Set#58; goal#59; #35;1 :" in text
    assert "%% depends on a (SS+1w)" in text
    assert "b, 2027-01-11, 7d" in text


def test_dot_edges_carry_type_and_lag_and_stages_are_clusters() -> None:
    plan = build_plan([{"id": "a"}, {"id": "b", "stage": "integrate"}], [("a", "b", "FF", -1)])
    text = export_dot(plan)
    assert '"a" -> "b" [label="FF-1w"];' in text
    assert text.count("subgraph cluster_") == 4
