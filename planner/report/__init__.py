"""The PDF report (SPEC §1, "Teams exporting plans to PDF"): a designed, multi-page report with real text,
vector charts, embedded fonts, bookmarks and metadata. No Qt here; the app runs :func:`build_report` in a thread.

    from planner.report import build_report
    build_report(analyze(plan), "roadmap.pdf", paper="letter", orientation="landscape")

Sections are pluggable (:mod:`planner.report.sections`); docs/report.md explains the design choices.
"""

from __future__ import annotations

from planner.report.builder import Progress, build_report
from planner.report.errors import ReportCancelled, ReportError
from planner.report.sections import Section, all_sections, default_section_names, register_section
from planner.report.style import ORIENTATIONS, PAPERS


def available_sections() -> list[tuple[str, str, str]]:
    """(name, title, description) of every section, in report order."""
    return [(s.name, s.title, s.description) for s in all_sections()]


__all__ = [
    "ORIENTATIONS",
    "PAPERS",
    "Progress",
    "ReportCancelled",
    "ReportError",
    "Section",
    "all_sections",
    "available_sections",
    "build_report",
    "default_section_names",
    "register_section",
]
