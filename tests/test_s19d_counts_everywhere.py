"""Counts follow the one rule everywhere (planner.units.count, and planner.units.agree for the word that agrees
with the count): the source scan of tests/ui/test_s19c_counts.py, over all of planner. The report, charts,
analysis and commands chose 55 texts by whether a number is 1 ('s' if n != 1 else '', 'is' if n == 1 else 'are',
'it' / 'them'); the report's summary said '1 of the 1 gate criteria are met'.

A choice by 'is it one' that is no count's wording is listed in ALLOWED with its reason: the scan skips exactly
those lines, and an entry that matches nothing fails (no allowance outlives its line)."""

from __future__ import annotations

from pathlib import Path

from tests.ui.test_s19c_counts import _hand_rolled_plurals

PLANNER = Path(__file__).parents[1] / "planner"

# (file under planner/, a piece of the line) -> why choosing by '== 1' there is no count's wording
ALLOWED = {
    (
        "report/context.py",
        '"h2" if level == 1 else "h3"',
    ): "heading level 1 is a subsection's style, not a count",
    (
        "io/table.py",
        'filled[0] if len(filled) == 1 else ""',
    ): "the one filled cell's value itself, not a word",
    (
        "io/table.py",
        '"title" if j == 1 else',
    ): "the second column of a title row is the title: a column position",
}


def _found() -> tuple[list[str], set[tuple[str, str]]]:
    found, used = [], set()
    for path in sorted(PLANNER.rglob("*.py")):
        rel = path.relative_to(PLANNER).as_posix()
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for line in _hand_rolled_plurals(source):
            allowed = [key for key in ALLOWED if key[0] == rel and key[1] in lines[line - 1]]
            used.update(allowed)
            if not allowed:
                found.append(f"planner/{rel}:{line}: {lines[line - 1].strip()}")
    return found, used


def test_no_hand_rolled_plural_in_planner() -> None:
    found, _ = _found()
    assert not found, "write counts with planner.units.count / agree:\n" + "\n".join(found)


def test_each_allowance_still_names_a_line() -> None:
    _, used = _found()
    assert used == set(ALLOWED), f"stale entries in ALLOWED: {sorted(set(ALLOWED) - used)}"
