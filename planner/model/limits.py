"""The documented limits of a plan file, checked at load (README, "Limits and what the planner promises").

Every limit is far above any real plan and low enough that nothing downstream (the schedule, Monte Carlo in
float32, calendar dates, the report's layout, Python's JSON reader) can fail on a file that loads. A file over a
limit is a :class:`planner.model.PlanLoadError` naming the JSON path, never a crash later on.

Dates are the one limit that depends on the whole plan (a chain of long decisions from a late start date can run
past 31 Dec 9999); validation reports that as the ``dates-out-of-range`` error, so ``check`` refuses every plan
that ``analyze`` or ``simulate`` could not compute.
"""

from __future__ import annotations

from typing import Final

MAX_PLAN_BYTES: Final = 200_000_000
"""Files larger than this (200 MB) are refused; the cap is enforced while reading, not only from the size the file
system reports (a device or a growing file reports 0). A plan of 100k decisions is about 40 MB."""

MAX_DEPTH: Final = 64
"""JSON nesting depth (a plan itself needs 6; the rest is for ``extensions``)."""

MAX_NUMBER_DIGITS: Final = 4300
"""Digits in one integer literal (Python's own limit for turning text into an int)."""

MAX_WEEKS: Final = 10_000.0
"""Durations (each estimate), ``not_before``, the size of a lag or lead, and a risk's impact: at most 10,000 weeks
(about 190 years) each."""

MAX_SCHEDULE_WEEKS: Final = 1_000_000.0
"""Baseline figures: at most a million weeks either side of the plan start."""

MAX_HEADCOUNT: Final = 100_000.0
MAX_CAPACITY: Final = 1_000_000.0
MAX_COST: Final = 1e15
MAX_COORDINATE: Final = 1e7
"""Graph-canvas card positions (``layout``), in either direction."""

MAX_TITLE_CHARS: Final = 1_000
"""The plan title."""
MAX_NAME_CHARS: Final = 300
"""Decision and risk titles, stage, area and team names, baseline names, gate criteria, tags, references and the
id-like references (``stage``, ``area``, ``owner``, dependency ends)."""
MAX_TEXT_CHARS: Final = 100_000
"""Free text: the plan description, stage goals, notes, mitigations and dependency notes."""

MAX_DECISIONS: Final = 250_000
MAX_DEPENDENCIES: Final = 1_000_000
MAX_STAGES: Final = 100
MAX_AREAS: Final = 1_000
MAX_TEAMS: Final = 10_000
MAX_RISKS: Final = 10_000
MAX_BASELINES: Final = 100
MAX_LIST_ITEMS: Final = 1_000
"""Gate criteria of a stage, tags and references of a decision."""
