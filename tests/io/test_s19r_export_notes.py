"""MS Project XML export notes on work in progress whose part done does not fit before its remaining work.

With a status date, the note used to say the planner resumed the work "without a status date" and asked for one --
for a plan that has one. The cause there is the recorded progress itself (more work done than fits between the
work's start and the status date); the note now says so. Without a status date the old advice stands
(tests/io/test_export_progress.py::test_export_notes_say_what_is_not_carried).
"""

from __future__ import annotations

import re

from planner.io import export_notes
from planner.io.mspdi import export_mspdi
from tests.conftest import build_plan


def _actual_start(xml: str, name: str) -> str | None:
    m = re.search(rf"<Name>{name}</Name>.*?</Task>", xml, re.S)
    assert m, name
    found = re.search(r"<ActualStart>([^<]*)</ActualStart>", m.group(0))
    return found.group(1) if found else None


def test_a_part_done_longer_than_the_time_before_the_status_date_is_named_as_such() -> None:
    # Start Mon 4 Jan 2027, status date week 1 (Mon 11 Jan). b: 4 weeks, 50 % done = 2 weeks done, which cannot
    # fit in the 1 week before the status date: the file starts it at the plan start (Mon 4 Jan 08:00), and
    # MS Project, running its 4 weeks from there, finishes at week 4, the planner at week 1 + 2 = 3.
    plan = build_plan(
        [{"id": "b", "duration": 4, "progress": 50}, {"id": "c", "duration": 1}],
        status_date=1,
        start_date="2027-01-04",
    )
    assert _actual_start(export_mspdi(plan), "B") == "2027-01-04T08:00:00"
    notes = export_notes(plan, "mspdi")
    line = next(n for n in notes if "more work done than fits" in n)
    assert line.startswith("1 decision in progress has more work done than fits between its start")
    assert "check its progress and actual start" in line
    assert not any("give the plan a status date" in n for n in notes)


def test_the_note_counts_many_with_an_actual_start_too() -> None:
    # a: actual start week 2 with 3 of 4 weeks done, status date week 3: 3 weeks cannot fit between week 2 and 3.
    # b: 8 weeks, 50 % done, no actual start: 4 weeks cannot fit in the 3 before the status date. Both are
    # counted; the plural agrees.
    plan = build_plan(
        [
            {"id": "a", "duration": 4, "progress": 75, "actual_start": 2},
            {"id": "b", "duration": 8, "progress": 50},
        ],
        status_date=3,
        start_date="2027-01-04",
    )
    notes = export_notes(plan, "mspdi")
    line = next(n for n in notes if "more work done than fits" in n)
    assert line.startswith("2 decisions in progress have more work done than fits between their start")
    assert (
        "MS Project runs the whole duration from that start, so it finishes them later than the planner"
        in line
    )


def test_without_a_status_date_the_note_still_asks_for_one() -> None:
    plan = build_plan([{"id": "b", "duration": 4, "progress": 50}], start_date="2027-01-04")
    notes = export_notes(plan, "mspdi")
    assert any("give the plan a status date" in n for n in notes)
    assert not any("more work done than fits" in n for n in notes)


def test_the_interop_crosscheck_recognises_each_note_for_one_decision() -> None:
    """benchmarks/crosscheck_interop excuses a finish MPXJ's scheduler puts elsewhere when the notes say why
    (its _SAID phrases); the count wording ('finishes it earlier' for one, 'them' for many) and this note's cause
    must not hide that."""
    from benchmarks.crosscheck_interop import _SAID

    squeezed = build_plan(
        [{"id": "b", "duration": 4, "progress": 50}], status_date=1, start_date="2027-01-04"
    )
    # 1 of 4 weeks done from week 0, status date week 3: a pause from week 1 to 3, written as a split
    split = build_plan(
        [{"id": "b", "duration": 4, "progress": 25, "actual_start": 0}],
        status_date=3,
        start_date="2027-01-04",
    )
    phrases = _SAID[".xml"]
    for plan, phrase in ((squeezed, phrases[0]), (split, phrases[1])):
        assert any(phrase in n for n in export_notes(plan, "mspdi")), phrase
