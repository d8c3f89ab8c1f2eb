"""GanttProject export of done work with actual dates: the task starts on its actual start, not two days before it.
The plan places an actual finish at the start of its day (days / 7) and a duration is working time, so the duration
counted back from the finish began on Thu 31 Dec for a 2-week decision done Mon 4 - Fri 15 Jan, before the plan's
start (MPXJ read the planner's .gan so; benchmarks/crosscheck_mpxj.py --exports). Needs no MPXJ."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from planner.io import export_text, import_file
from planner.model import Plan
from tests.conftest import build_plan


def _plan() -> Plan:
    return build_plan(
        [
            {
                "id": "a",
                "title": "Étude ✓",
                "duration": 2,
                "status": "done",
                "progress": 100,
                "actual_start": "2027-01-04",
                "actual_finish": "2027-01-15",
            },
            # took twice its duration: it still ends on its actual finish, so it starts after its actual start
            {
                "id": "l",
                "title": "Long",
                "duration": 2,
                "status": "done",
                "progress": 100,
                "actual_start": "2027-01-04",
                "actual_finish": "2027-01-29",
            },
            {"id": "b", "title": "Next", "duration": 1},
        ],
        [("a", "b")],
        start_date="2027-01-04",
        status_date="2027-02-01",
    )


def _tasks(text: str) -> dict[str, tuple[dt.date, int]]:
    return {
        name: (dt.date.fromisoformat(start), int(days))
        for name, start, days in re.findall(
            r'<task id="\d+" name="([^"]*)" [^>]*start="([^"]*)" duration="(\d+)"', text
        )
    }


def test_done_work_starts_on_its_actual_start() -> None:
    text = export_text(_plan(), "gan")
    assert isinstance(text, str)
    tasks = _tasks(text)
    assert tasks["Étude ✓"] == (dt.date(2027, 1, 4), 10)  # Mon 4 - Fri 15 Jan, as it was done
    assert tasks["Long"][0] >= dt.date(2027, 1, 4)
    assert all(start >= dt.date(2027, 1, 4) for start, _ in tasks.values())  # the stage's summary too


def test_the_planner_reads_its_gan_back_with_the_actual_dates(tmp_path: Path) -> None:
    path = tmp_path / "p.gan"
    text = export_text(_plan(), "gan")
    assert isinstance(text, str)
    path.write_text(text, encoding="utf-8")
    back, _ = import_file(path)
    by_id = {d.id: d for d in back.decisions}
    assert str(by_id["a"].actual_start) == "2027-01-04" and str(by_id["a"].actual_finish) == "2027-01-15"
