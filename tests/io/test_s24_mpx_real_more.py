"""Two more MPX files written by MS Project 98, from MPXJ's test data (H-io24's sweep; tests/io/data/README.md,
mpx-real/): what the import carries and what its report says, checked by hand against the files and against what
MPXJ 16.10 reads from them (each: ten one-day tasks under the project summary, MPXJ's finish the end of that day).

- mpxpriority.mpx: tasks named after MS Project's priorities, each holding its own ('Do Not Level', 'Highest', ...
  'Lowest'; 'Medium' the default): nine are reported, none carried (the plan has no priorities).
- task-costs-project98.mpx: tasks Cost1-Cost10 on Mon 10 Nov 2014, Cost1-Cost3 holding GBP 1, 2 and 3 in the custom
  cost fields Cost1-Cost3 (MPX has three): counted in the report, not carried; no one-off cost (Cost and Fixed Cost
  are 0)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import import_file

MPX = Path(__file__).parent / "data" / "mpx-real"


@pytest.mark.parametrize(
    ("name", "start", "says"),
    [
        (
            "mpxpriority.mpx",
            dt.date(2005, 8, 9),
            "[field] 9 tasks have a priority other than 'Medium' ('Do Not Level' (1), 'High' (1), 'Higher' (1), "
            "'Highest' (1), 'Low' (1), 'Lower' (1), ...): not carried",
        ),
        (
            "task-costs-project98.mpx",
            dt.date(2014, 11, 10),
            "[field] 3 values of 3 custom fields are not carried (the plan has no custom fields; values per "
            "field): Cost1 (1), Cost2 (1), Cost3 (1)",
        ),
    ],
)
def test_s24_ms_project_98_mpx_files(name: str, start: dt.date, says: str) -> None:
    raw = (MPX / name).read_bytes()
    assert (
        raw.startswith(b"MPX,Microsoft Project for Windows,4.0,ANSI\n") and b"\xa3" in raw
    )  # '£' in Windows-1252
    plan, report = import_file(MPX / name)
    assert len(plan.decisions) == 10 and not plan.dependencies
    assert {d.duration for d in plan.decisions} == {0.2}  # 1d each
    assert all(not d.cost for d in plan.decisions)
    assert (plan.start_date, plan.currency) == (start, "GBP")
    result = analyze(plan)
    assert result.schedule is not None and round(result.schedule.finish, 6) == 0.2
    text = report.text(limit=None)
    assert says in text
    assert "cut short" not in text and "[schedule]" not in text
