"""Trello's board export (board menu > Print, export and share > Export as JSON; free, unlike its CSV export).

The board's cards are laid out as the rows of Trello's own CSV export (Card ID, Card Name, List Name, Members,
Labels, Card Description, Start Date, Due Date) and read by :func:`planner.io.table.rows_to_plan`, so a card reads
as the same card exported as CSV: its list is its status when the lists are named as statuses (To Do, Doing,
Done), its area otherwise. What the JSON holds and the CSV does not: a card marked complete (``dueComplete``) is
100 % done, a card's checklists give its progress (items ticked of all), and each custom field is a column under its
own name (an 'Estimate (days)' number is the duration, a 'Phase' list the stage). Archived cards and lists are not
carried; Trello has no links between cards, and its comments are not carried: the report says so.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from planner.io.common import ImportReport, InteropError, read_limited
from planner.units import agree, count, quoted

if TYPE_CHECKING:
    from planner.model.plan import Plan

EXPORT_HINT = (
    "in Trello, open the board's menu > Print, export and share > Export as JSON, and import that file"
)
HEADER = [
    "Card ID",
    "Card Name",
    "List Name",
    "Members",
    "Labels",
    "Card Description",
    "Start Date",
    "Due Date",
    "% Complete",
]


def is_trello_board(data: Any) -> bool:
    """True for the object of a Trello board's JSON export: its cards and lists."""
    return (
        isinstance(data, dict) and isinstance(data.get("cards"), list) and isinstance(data.get("lists"), list)
    )


def looks_like_trello(head: bytes) -> bool:
    """True when a file's first bytes are a Trello board export's (a JSON object with a trello.com board address
    near its top): how :func:`planner.io.format_by_content` knows one."""
    return (
        head.lstrip().startswith(b"{")
        and (b"trello.com/b/" in head or b'"idBoard"' in head)
        and not any(key in head for key in (b'"schema_version"', b'"decisions"'))  # a plan that links a board
    )


def load_board(path: str | os.PathLike[str], data: bytes | None = None) -> dict[str, Any]:
    """The board object of the JSON file at ``path``; :class:`InteropError` for one that is not JSON or not a
    Trello board (a plan file says to open it instead)."""
    raw = read_limited(path) if data is None else data
    try:
        board = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InteropError(
            path, "is not UTF-8 text, so not a Trello board export", hint=EXPORT_HINT
        ) from None
    except json.JSONDecodeError as exc:
        raise InteropError(
            path,
            f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
            hint=f"the file may be cut short or edited; {EXPORT_HINT}",
        ) from None
    except RecursionError:
        raise InteropError(
            path, "is JSON nested too deeply to be a Trello board export", hint=EXPORT_HINT
        ) from None
    if is_trello_board(board):
        return board
    if isinstance(board, dict) and "decisions" in board:
        raise InteropError(
            path,
            "is a plan file, not another tool's",
            hint="a plan file (*.plan.json) needs no import: open it (planner FILE) or check it (planner check FILE)",
        )
    raise InteropError(
        path,
        "is JSON but not a Trello board export (no 'cards' and 'lists' in it); the JSON files the planner imports "
        "are Trello's",
        hint=f"{EXPORT_HINT}; from another tool, export CSV or Excel",
    )


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _list(value: Any) -> list[Any]:
    """``value`` when it is a list, else no items (a hand-edited file's ``"idMembers": "ana"``)."""
    return value if isinstance(value, list) else []


def _by_id(items: Any) -> dict[str, dict[str, Any]]:
    return {str(x["id"]): x for x in _list(items) if isinstance(x, dict) and "id" in x}


def _pos(value: Any) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def _custom_value(item: dict[str, Any], field: dict[str, Any]) -> str:
    """A card's custom field value as its text: a number, a text, a date, a ticked checkbox, a list option."""
    if "idValue" in item:  # a list (dropdown) field: the option chosen
        option = _by_id(field.get("options")).get(str(item["idValue"]), {})
        value = option.get("value")
        return _text(value.get("text")) if isinstance(value, dict) else ""
    value = item.get("value")
    if not isinstance(value, dict):
        return ""
    if "checked" in value:
        return "yes" if str(value["checked"]).lower() == "true" else "no"
    for key in ("number", "text", "date"):
        if key in value:
            return str(value[key]).strip()
    return ""


def import_trello(path: str | os.PathLike[str], data: bytes | None = None) -> tuple[Plan, ImportReport]:
    """The plan in a Trello board's JSON export, and the import report."""
    from planner.io.table import (
        check_row_count,
        rows_to_plan,
    )  # (not imported with planner.io: see its __init__)

    board = load_board(path, data)
    report = ImportReport(source=os.path.basename(str(path)), format="Trello board (JSON)")
    lists = _by_id(board["lists"])
    members = {
        k: _text(m.get("fullName")) or _text(m.get("username"))
        for k, m in _by_id(board.get("members")).items()
    }
    fields = [f for f in _list(board.get("customFields")) if isinstance(f, dict) and _text(f.get("name"))]
    fields.sort(key=lambda f: _pos(f.get("pos")))
    field_at = {str(f.get("id")): k for k, f in enumerate(fields)}
    ticks: dict[str, list[int]] = {}  # card id -> [ticked, all] checklist items
    for checklist in _list(board.get("checklists")):
        if not isinstance(checklist, dict):
            continue
        items = [i for i in _list(checklist.get("checkItems")) if isinstance(i, dict)]
        tally = ticks.setdefault(str(checklist.get("idCard")), [0, 0])
        tally[0] += sum(1 for i in items if i.get("state") == "complete")
        tally[1] += len(items)

    cards = [c for c in board["cards"] if isinstance(c, dict)]
    archived = [c for c in cards if c.get("closed") is True]
    in_archived_list = [
        c
        for c in cards
        if c.get("closed") is not True and lists.get(str(c.get("idList")), {}).get("closed") is True
    ]
    left_out = {id(c) for c in archived} | {id(c) for c in in_archived_list}
    open_cards = [c for c in cards if id(c) not in left_out]
    list_order = {k: (_pos(v.get("pos")), n) for n, (k, v) in enumerate(lists.items())}
    # the board as it is read: its lists left to right, each list's cards top to bottom
    open_cards.sort(
        key=lambda c: (list_order.get(str(c.get("idList")), (float("inf"), 0)), _pos(c.get("pos")))
    )

    numbers = Counter(str(c.get("idShort") or "") for c in open_cards)
    header = [*HEADER, *(_text(f["name"]) for f in fields)]
    rows: list[tuple[int, Sequence[Any]]] = []
    names: dict[int, str] = {}
    completed = from_checklists = 0
    # the cards numbered as the rows of the board's CSV export (its header is line 1)
    for n, card in enumerate(open_cards, start=2):
        card_id = str(card.get("idShort") or "")
        if not card_id or numbers[card_id] > 1:  # (a card moved in from another board may repeat a number)
            card_id = str(card.get("shortLink") or card.get("id") or "")
        name = _text(card.get("name"))
        names[n] = name or card_id
        labels = [
            _text(x.get("name")) or _text(x.get("color"))
            for x in _list(card.get("labels"))
            if isinstance(x, dict)
        ]
        owners = [members.get(str(m), "") for m in _list(card.get("idMembers"))]
        progress: Any = ""
        if card.get("dueComplete") is True:
            progress, completed = 100, completed + 1
        elif (ticked := ticks.get(str(card.get("id")))) is not None and ticked[1]:
            progress, from_checklists = round(100 * ticked[0] / ticked[1], 1), from_checklists + 1
        custom = [""] * len(fields)
        for item in _list(card.get("customFieldItems")):
            if isinstance(item, dict) and (at := field_at.get(str(item.get("idCustomField")))) is not None:
                custom[at] = _custom_value(item, fields[at])
        rows.append(
            (
                n,
                [
                    card_id,
                    name,
                    _text(lists.get(str(card.get("idList")), {}).get("name")),
                    ", ".join(o for o in owners if o),
                    ", ".join(x for x in labels if x),
                    _text(card.get("desc")),
                    _text(card.get("start")),
                    _text(card.get("due")),
                    progress,
                    *custom,
                ],
            )
        )
    if not rows:
        raise InteropError(
            path,
            "the board has no cards to import"
            + (f" ({count(len(cards), 'card')}, all archived or in archived lists)" if cards else ""),
            hint="add cards to the board (or send archived ones back to it) and export again",
        )
    _say_what_is_not_carried(board, archived, in_archived_list, completed, from_checklists, report)
    check_row_count(rows, path)
    try:
        plan = rows_to_plan(header, rows, path, report, _text(board.get("name")) or "Trello board")
    except InteropError as exc:  # 'line 4' is no place in a JSON file: the card's name is
        raise InteropError(path, _card_names(exc.problem, names), hint=exc.hint) from None
    for item in report.items:  # the table's words for what a board calls cards
        item.message = _ROWS.sub(r"card\1", _card_names(item.message, names))
        item.where = _card_names(item.where, names)
    return plan, report


_ROWS = re.compile(r"\brow(s?)\b")
_LINES = re.compile(r"\bline (\d+)\b(?!-)|\blines (\d+(?:, \d+)*)\b(?!-)")


def _card_names(text: str, names: dict[int, str]) -> str:
    """``text`` with the row numbers of :func:`rows_to_plan`'s messages ('line 4', 'lines 3, 5') as the cards'
    names, which is what a person finds on the board."""

    def named(m: re.Match[str]) -> str:
        numbers = [int(x) for x in re.findall(r"\d+", m.group(1) or m.group(2))]
        if not all(x in names for x in numbers):
            return m.group(0)
        word = agree(len(numbers), "card", "cards")
        return f"{word} {', '.join(quoted(names[x]) for x in numbers)}"

    return _LINES.sub(named, text)


def _say_what_is_not_carried(
    board: dict[str, Any],
    archived: list[dict[str, Any]],
    in_archived_list: list[dict[str, Any]],
    completed: int,
    from_checklists: int,
    report: ImportReport,
) -> None:
    if archived or in_archived_list:
        parts = [count(len(archived), "archived card")] if archived else []
        if in_archived_list:
            parts.append(f"{count(len(in_archived_list), 'card')} in archived lists")
        total = len(archived) + len(in_archived_list)
        report.add(
            "format",
            f"{' and '.join(parts)} {agree(total, 'is', 'are')} not carried (as the board shows them: not at all)",
        )
    if completed:
        report.add(
            "progress",
            f"{count(completed, 'card')} marked complete (its due date ticked) {agree(completed, 'is', 'are')} 100 % done",
        )
    if from_checklists:
        report.add(
            "progress",
            f"{count(from_checklists, 'card')}{agree(from_checklists, chr(39) + 's', chr(39))} progress is the share "
            "of its checklist items ticked",
        )
    report.add(
        "link",
        "Trello has no links between cards: the plan has none from the board (add them in the planner, or "
        "export from a tool that keeps them)",
    )
    dated = any(_text(c.get("due")) or _text(c.get("start")) for c in board["cards"] if isinstance(c, dict))
    if dated:
        report.add(
            "format",
            "Trello stores dates in UTC: each card's start and due date is the UTC day, which for a time near "
            "midnight where the board is used may be a day off",
        )
    comments = sum(
        1 for a in _list(board.get("actions")) if isinstance(a, dict) and a.get("type") == "commentCard"
    )
    if comments:
        report.add(
            "column", f"{count(comments, 'comment')} on the cards {agree(comments, 'is', 'are')} not carried"
        )
    plugged = sum(1 for c in board["cards"] if isinstance(c, dict) and c.get("pluginData"))
    if plugged:
        report.add(
            "column",
            f"power-up data on {count(plugged, 'card')} is not carried (a dependency power-up's links included)",
        )
