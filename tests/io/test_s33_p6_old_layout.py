"""An XER as an older P6 (6.2) writes it, read as a newer one: its tables in another order (TASKPRED first,
PROJECT after TASK), rows with fewer fields than their %F (the last empty ones left off), Windows-1252 text, CRLF.
File: tests/io/data/s33/p6-old-tables-reordered.xer (README.md there). MPXJ 16 reads it with the same activities,
durations (40, 80, 24 hours) and relationships (FS + 8 h, SS + 16 h, FS)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import import_file

FILE = Path(__file__).parent / "data" / "s33" / "p6-old-tables-reordered.xer"


def test_s33_an_older_p6_layout_reads_as_its_activities_say() -> None:
    plan, report = import_file(FILE)
    assert sorted((d.id, d.title, round(d.weeks(), 3), d.milestone) for d in plan.decisions) == [
        ("A100", "Excavate trench – Straße", 1.0, False),
        ("A110", "Lay pipe", 2.0, False),
        ("A120", "Backfill", 0.6, False),
        ("M130", "Pipeline complete", 0.0, True),
    ]
    assert sorted((d.from_, d.to, d.type.value, round(d.lag, 3)) for d in plan.dependencies) == [
        ("A100", "A110", "FS", 0.2),
        ("A110", "A120", "SS", 0.4),
        ("A110", "M130", "FS", 0.0),  # its lag field left off: no lag
    ]
    assert report.format == "Primavera P6 XER"
    assert not any(i.kind in ("format", "link") for i in report.items)  # nothing to say: it is all read
    result = analyze(plan)
    assert result.schedule is not None and result.schedule.finish == pytest.approx(3.2)  # Mon 25 Jan 17:00
