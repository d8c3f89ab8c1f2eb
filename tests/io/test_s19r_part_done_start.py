"""Started work that records no actual start: MS Project XML and XER write the start the planner draws for its
part done (planner.analysis.progress.part_done), as the working time of that part before where it ends -- the
status date's own day, or a recorded actual finish's day. Written at its working-week position instead, it began
up to a day and a half early: a Friday status date gave work in progress a split (Stop Wed 15:51, Resume Fri
08:00) that the planner does not have, and a done week with a recorded finish lasted 6.3 working days.

Hand-worked on the exports' Monday-Friday 08:00-17:00 calendar from the plan start Mon 4 Jan 2027.
"""

from __future__ import annotations

import re

from planner.io.mspdi import export_mspdi
from planner.io.primavera import export_xer, parse_xer
from planner.model import Plan
from tests.conftest import build_plan


def _plan() -> Plan:
    """d: 1 week, done, actual finish Fri 15 Jan 2027 (the planner's week ends as that day begins: Thu 14 Jan
    17:00), no actual start: it began one week (5 working days) before, Fri 8 Jan 08:00.
    b: 2 weeks, 50 % done, no actual start; status date Fri 12 Mar 2027: its week done ends at the status date's
    day, Fri 12 Mar 08:00, and began 5 working days before, Fri 5 Mar 08:00; its remaining week runs Fri 12 Mar
    08:00 to Thu 18 Mar 17:00."""
    return build_plan(
        [
            {"id": "d", "duration": 1, "status": "done", "actual_finish": "2027-01-15"},
            {"id": "b", "duration": 2, "progress": 50},
        ],
        start_date="2027-01-04",
        status_date="2027-03-12",
    )


def _task(xml: str, name: str) -> dict[str, str]:
    m = re.search(rf"<Name>{name}</Name>.*?</Task>", xml, re.S)
    assert m, name
    return dict(re.findall(r"<(ActualStart|ActualFinish|Start|Finish|Stop|Resume)>([^<]*)</", m.group(0)))


def test_ms_project_xml_has_the_part_done_whole_before_the_status_date() -> None:
    xml = export_mspdi(_plan())
    d, b = _task(xml, "D"), _task(xml, "B")
    assert (d["ActualStart"], d["ActualFinish"]) == ("2027-01-08T08:00:00", "2027-01-14T17:00:00")
    assert b["ActualStart"] == "2027-03-05T08:00:00"
    assert b["Finish"] == "2027-03-18T17:00:00"
    assert (
        "Stop" not in b and "Resume" not in b
    )  # no pause: the part done ends where the remaining work starts


def test_xer_has_the_same_actual_starts() -> None:
    rows = {r["task_code"]: r for r in parse_xer(export_xer(_plan()).encode("utf-8"), None)["TASK"].rows}
    d, b = rows["d"], rows["b"]
    assert (d["act_start_date"], d["act_end_date"]) == ("2027-01-08 08:00", "2027-01-14 17:00")
    assert b["act_start_date"] == "2027-03-05 08:00"
    assert (b["restart_date"], b["reend_date"]) == ("2027-03-12 08:00", "2027-03-18 17:00")


def test_work_begun_before_the_plan_start_stays_at_it_in_ms_project_and_before_it_in_xer() -> None:
    # b: 4 weeks, 50 % done, status date week 1 (Mon 11 Jan): 2 weeks done do not fit in the week before; MS
    # Project XML starts it at the plan start (as before), XER two weeks before Mon 11 Jan 08:00: Mon 28 Dec 2026.
    plan = build_plan([{"id": "b", "duration": 4, "progress": 50}], start_date="2027-01-04", status_date=1)
    assert _task(export_mspdi(plan), "B")["ActualStart"] == "2027-01-04T08:00:00"
    rows = parse_xer(export_xer(plan).encode("utf-8"), None)["TASK"].rows
    assert rows[0]["act_start_date"] == "2026-12-28 08:00"
