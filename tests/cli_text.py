"""Reading the command line's text output back in tests: the analyze text's table of stage dates."""

from __future__ import annotations

import re

_HEAD = re.compile(r"^  stage +rolling window \(dates\) +gate \(strict gates\)$")
_DATE = r"\d{1,2} \w{3} \d{4}"
_ROW = re.compile(rf"^  (?P<name>.+?) +(?P<window>\(empty\)|{_DATE}(?: to {_DATE})?) +(?P<gate>{_DATE})$")


def stage_dates(text: str) -> list[tuple[str, str, str]]:
    """The rows of ``planner analyze``'s stage dates table, in order: (stage name as shown, rolling window as
    dates or ``(empty)``, the strict gate's date); [] when the text has no such table."""
    lines = text.splitlines()
    start = next((k for k, x in enumerate(lines) if _HEAD.match(x)), None)
    if start is None:
        return []
    rows = []
    for line in lines[start + 1 :]:
        m = _ROW.match(line)
        if m is None:
            break
        rows.append((m["name"], m["window"], m["gate"]))
    return rows
