"""Tracker tables whose ids are not row numbers, with the link type written right after the id as MS Project writes
it after a row number ("2SS+50%"): "t1SS+50%", "AI-1FS+2d". They were read as links to unknown ids ("no row's id
or title; kept so that the check reports it")."""

from __future__ import annotations

from pathlib import Path

from planner.io import import_file
from planner.io.table import parse_depends
from planner.model.plan import DependencyType


def test_an_id_with_its_link_type_attached() -> None:
    known = {"t1", "t2", "AI-1", "boss", "bo"}
    assert parse_depends("t1SS+50%", known)[0][:2] == ("t1", DependencyType.SS)
    assert float(parse_depends("t1SS+50%", known)[0][2]) == 50.0  # a percent lag, placed later
    assert parse_depends("AI-1FS+2d", known) == [("AI-1", DependencyType.FS, 0.4)]
    assert parse_depends("t2ff-1w, t1", known) == [
        ("t2", DependencyType.FF, -1.0),
        ("t1", DependencyType.FS, 0.0),
    ]
    # an id of the file that ends like a link type stays that id; an unknown prefix is not guessed
    assert parse_depends("boss", known) == [("boss", DependencyType.FS, 0.0)]
    assert parse_depends("x9SS", known) == [("x9SS", DependencyType.FS, 0.0)]
    # row numbers as before
    assert parse_depends("2SS+1w", {"1", "2"}) == [("2", DependencyType.SS, 1.0)]


def test_attached_types_import_as_links(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        'ID,Summary,Duration,Predecessors\nt1,Alpha,5d,\nt2,Beta,3d,t1SS+50%\nt3,Gamma,2d,"t2FF-1w, t1"\n',
        encoding="utf-8",
    )
    plan, report = import_file(path)
    assert [d.id for d in plan.decisions] == ["t1", "t2", "t3"]
    links = [(x.from_, x.to, x.type, x.lag) for x in plan.dependencies]
    # 50 % of Alpha's 5 days (1 week): half a week
    assert links == [
        ("t1", "t2", DependencyType.SS, 0.5),
        ("t2", "t3", DependencyType.FF, -1.0),
        ("t1", "t3", DependencyType.FS, 0.0),
    ]
    assert not any("no row's id or title" in item.message for item in report.items)
