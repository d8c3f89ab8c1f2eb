"""The exports read by the tools they are for, across sample and random plans (OPTIONAL: each test is skipped, and
says so, when its tool is absent). The checks are benchmarks/crosscheck_interop.py's, run here on fewer plans:
``icalendar`` (a Python with the package named by ``$ICALENDAR_PYTHON``) parses every .ics export with one event per
decision at least, distinct UIDs, and each decision not started on the day the planner starts it; MPXJ (``$MPXJ_PYTHON``
and Java) reads the .xml, .mpx and .xer exports with the same tasks, milestones, links, lags and durations, and its
schedulers finish them where the planner does or where the export says they will not."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from benchmarks.crosscheck_interop import Checks, _plans, _small_plans, check_ics, check_mpxj


@pytest.mark.skipif(
    not os.environ.get("ICALENDAR_PYTHON"),
    reason="optional: set ICALENDAR_PYTHON to a Python with the icalendar package to parse the .ics exports",
)
def test_icalendar_parses_every_ics_export(tmp_path: Path) -> None:
    c = Checks()
    check_ics(c, os.environ["ICALENDAR_PYTHON"], _plans(0) + _small_plans(10), tmp_path)
    assert c.failed == 0 and c.passed >= 2 * 4


@pytest.mark.skipif(
    not os.environ.get("MPXJ_PYTHON") or shutil.which("java") is None,
    reason="optional: set MPXJ_PYTHON to a Python with mpxj and JPype1 (and install Java) to read exports with MPXJ",
)
def test_mpxj_reads_and_schedules_the_xml_mpx_and_xer_exports(tmp_path: Path) -> None:
    c = Checks()
    check_mpxj(c, os.environ["MPXJ_PYTHON"], _small_plans(10), tmp_path)
    assert c.failed == 0 and c.passed >= 3 * 4 * 5
