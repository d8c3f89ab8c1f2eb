"""`planner report --help` names every section, in report order (H-report20).

Before: its list (kept in planner/commands/report.py so that --help does not import ReportLab) lacked cost and
coverage, which --sections accepts, and put the stage timeline before the Gantt chart, which the report does not.
"""

from __future__ import annotations

from planner.commands.report import BUILTIN_SECTIONS
from planner.report import available_sections


def test_help_lists_the_report_sections_in_order() -> None:
    assert tuple(name for name, _, _ in available_sections()) == BUILTIN_SECTIONS
