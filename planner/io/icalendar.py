"""iCalendar export (RFC 5545, ``.ics``): the roadmap in the calendars stakeholders already read (Outlook, Google,
Apple). Export only.

Every decision is an all-day event over the days it is scheduled (the schedule ``planner analyze`` shows, progress
included: :func:`planner.io.exporting.export_schedule`), a milestone an event on its day, and each stage's gate under
strict gates an event on the gate's date. Week ``w`` is the day :func:`planner.units.week_to_date` gives, as in every
other output; an all-day event's ``DTEND`` is exclusive, so work from week 0 to week 2 (Mon 4 Jan to Mon 18 Jan) is
the event of 4-17 Jan. Events never block time (``TRANSP:TRANSPARENT``). Each event's ``UID`` is the decision's (or
stage's) id with a token of the plan's title, so importing a later export again updates the events instead of
adding copies. A plan without a start date has no dates to give: the export refuses it and says what to set.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from planner.io.common import InteropError
from planner.model.plan import Plan
from planner.units import format_date, format_percent, format_weeks, week_to_date

PRODID = "-//Scaling Roadmap Planner//Roadmap export//EN"


def _escape(text: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks as ``\\n`` (Unicode's
    line and paragraph separators and NEL too: readers that split lines on them broke the event), other control
    characters dropped, DEL and the C1 block included (no calendar shows them and some refuse the file)."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    text = text.replace("\r\n", "\n").translate(_LINE_BREAKS).replace("\n", "\\n")
    return "".join(c for c in text if c == "\t" or " " <= c < "\x7f" or c > "\x9f")


_LINE_BREAKS = dict.fromkeys(map(ord, "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), "\n")
"""What ``str.splitlines`` splits on besides ``\\n``: each a line break in the text."""


def _fold(line: str) -> list[str]:
    """A content line folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character: the next parts start
    with one space."""
    out: list[str] = []
    part, size, limit = "", 0, 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append(part)
            part, size, limit = " ", 1, 75
        part += ch
        size += n
    out.append(part)
    return out


def _day(d: dt.date) -> str:
    return d.strftime("%Y%m%d")


def export_ics(plan: Plan, now: dt.datetime | None = None) -> str:
    """``plan`` as an iCalendar file (CRLF line ends). Raises :class:`InteropError` without a start date."""
    from planner.analysis import analyze
    from planner.io.exporting import export_schedule

    start = plan.start_date
    if start is None:
        raise InteropError(
            None,
            "a calendar needs dates, and the plan has no start_date",
            hint='set the plan\'s start date (Plan & stages in the app, "start_date" in the file, or '
            "planner new --start-date) and export again",
        )
    if not plan.decisions:  # RFC 5545: a calendar holds at least one event (some readers refuse an empty one)
        raise InteropError(
            None,
            "the plan has no decisions, so there is no event to put in a calendar",
            hint="add decisions and export again",
        )
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    token = hashlib.sha1(plan.title.encode("utf-8")).hexdigest()[:12]
    sched = export_schedule(plan)
    stages = {s.id: s.name for s in plan.stages}
    teams = {t.id: t.name for t in plan.teams}
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(plan.title)}",
    ]

    def event(
        uid: str, first: dt.date, end: dt.date, summary: str, description: str, categories: list[str]
    ) -> None:
        lines.extend(
            [
                "BEGIN:VEVENT",
                f"UID:{_escape(uid)}@{token}.scaling-roadmap-planner",
                f"DTSTAMP:{stamp}",
                f"DTSTART;VALUE=DATE:{_day(first)}",
                f"DTEND;VALUE=DATE:{_day(end)}",
                f"SUMMARY:{_escape(summary)}",
                f"DESCRIPTION:{_escape(description)}",
                f"CATEGORIES:{','.join(_escape(c) for c in categories if c)}",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        )

    for i, d in enumerate(plan.decisions):
        # a started decision runs from where its work began (done: to where it finished), as the other exports
        began = sched.started[i]
        first_week = sched.es[i] if began is None else min(began, sched.es[i])
        first = week_to_date(start, first_week) or start
        last = week_to_date(start, sched.ef[i]) or first
        moment = d.milestone or last <= first
        end = first + dt.timedelta(days=1) if moment else last
        when = (
            f"week {format_weeks(first_week)}"
            if moment
            else f"weeks {format_weeks(first_week)}-{format_weeks(sched.ef[i])}, {format_date(first)} to "
            f"{format_date(last)}"
        )
        facts = [
            f"Stage: {stages.get(d.stage, d.stage)}",
            ("Milestone at " if d.milestone else "Scheduled ") + when,
        ]
        if d.owner:
            facts.append(f"Team: {teams.get(d.owner, d.owner)}")
        if sched.state[i] != "not_started":
            facts.append(
                "Done" if sched.state[i] == "done" else f"In progress ({format_percent(d.progress)})"
            )
        if sched.ok and sched.critical and sched.critical[i]:
            facts.append("On the critical path")
        if d.notes.strip():
            facts.append(d.notes.strip())
        categories = [stages.get(d.stage, d.stage)]
        categories += ["Milestone"] if d.milestone else []
        categories += ["Critical"] if sched.ok and sched.critical and sched.critical[i] else []
        event(d.id, first, end, d.title, "\n".join(facts), categories)

    if sched.ok:  # the gates need the schedule (a cycle leaves none)
        result = analyze(plan)
        if result.stages is not None:
            for r in result.stages.stages:
                if r.start is None:
                    continue  # an empty stage has no gate to hold
                day = week_to_date(start, r.gate) or start
                event(
                    f"stage:{r.id}:gate",  # ':' is in no decision id: never a decision's UID
                    day,
                    day + dt.timedelta(days=1),
                    f"{r.name} gate",
                    f"The {r.name} stage's gate under strict gates: week {format_weeks(r.gate)}, "
                    f"{format_date(day)}. The next stage starts after it.",
                    [r.name, "Gate"],
                )
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
