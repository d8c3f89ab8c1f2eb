"""Trello's board export as JSON (board menu > Print, export and share > Export as JSON: free, where its CSV export
needs a paid plan), H-interop31. File: tests/io/data/s31/trello-board.json, laid out as Trello writes a board
(its id, name, prefs and labelNames, then actions, cards, labels, lists, members, checklists, customFields).

Before: ``planner import board.json`` refused every JSON file ('a JSON file cannot be imported; a plan file needs
no import'), so a Trello user had no way in without a paid plan or a power-up."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from planner.cli import main
from planner.io import IMPORT_FORMATS, format_by_content, import_file
from planner.model.plan import Status

BOARD = Path(__file__).parent / "data" / "s31" / "trello-board.json"


def test_s31_trello_board_cards_as_a_person_reads_the_board() -> None:
    """By hand: lists Backlog, Doing, Done (left to right; 'Ideas (parked)' archived), so the cards read Build CMS
    templates (#3) and Go live (#4) in Backlog, Design mockups (#2) in Doing, Define scope (#1) in Done. The lists
    are statuses. Define scope is marked complete (100 %); Design mockups has 1 of its 4 checklist items ticked (25
    %). 'Estimate (days)' 5, 10, 10, 1 -> 1, 2, 2, 0.2 weeks; 'Phase' (a list field) Validate for #1 and #2,
    Integrate for #3 and #4. Archived card #5 and card #6 in the archived list are not carried."""
    plan, report = import_file(BOARD)
    text = report.text(limit=None)
    assert plan.title == "Website relaunch"
    rows = {d.title: d for d in plan.decisions}
    assert list(rows) == ["Build CMS templates", "Go live", "Design mockups", "Define scope"]
    assert [d.id for d in plan.decisions] == ["3", "4", "2", "1"]
    cms, live, mockups, scope = rows.values()
    assert [d.status for d in rows.values()] == [
        Status.NOT_STARTED,
        Status.NOT_STARTED,
        Status.IN_PROGRESS,
        Status.DONE,
    ]
    assert (scope.progress, mockups.progress) == (100, 25)
    assert [d.weeks() for d in rows.values()] == pytest.approx([2, 0.2, 2, 1])
    assert [str(d.stage) for d in rows.values()] == ["integrate", "integrate", "validate", "validate"]
    teams = {t.id: t.name for t in plan.teams}
    assert [teams.get(str(d.owner)) for d in rows.values()] == ["Ben Ode", None, "Ben Ode", "Ana Silva"]
    assert cms.tags == ["Risk", "sky"]  # a label without a name is its colour, as the board shows it
    assert scope.tags == ["Planning"] and scope.notes == "Agree what the relaunch covers"
    assert plan.start_date == dt.date(2026, 3, 2)
    assert scope.actual_start == dt.date(2026, 3, 2)
    assert not plan.dependencies
    assert "Old banner rotation" not in rows and "Chatbot on the home page" not in rows
    for line in (
        "1 archived card and 1 card in archived lists are not carried",
        "1 card marked complete (its due date ticked) is 100 % done",
        "1 card's progress is the share of its checklist items ticked",
        "Trello has no links between cards",
        "1 comment on the cards is not carried",
        "Trello stores dates in UTC",
        "card 'Design mockups': 2 resources ('Ben Ode', 'Cara Lee'); the first is the owner",
        "column 'List Name' names statuses",
    ):
        assert line in text
    assert "line " not in text  # a JSON file has no rows to look up: the cards are named
    assert "1 done card without actual dates" in text and " row" not in text
    assert "Estimate (days)' is not a plan field" not in text


def test_s31_trello_board_is_known_by_its_content(tmp_path: Path) -> None:
    assert format_by_content(BOARD) == "trello"
    assert "trello" in IMPORT_FORMATS
    # a plan whose reference links a board (broken, so that the app asks what it is) is not taken for one
    plan = tmp_path / "roadmap.plan.json"
    plan.write_text(
        '{"schema_version": 1, "title": "x", "references": ["https://trello.com/b/Xy12AbCd/board"], "cards": [], '
        '"lists": [], "decisions": [',
        encoding="utf-8",
    )
    assert format_by_content(plan) is None


def _board(**changes: object) -> str:
    """The sample board's JSON with its top-level fields changed."""
    board = json.loads(BOARD.read_text(encoding="utf-8"))
    board.update(changes)
    return json.dumps(board)


def _cards(**changes: object) -> str:
    """The sample board's JSON with every card's fields changed."""
    board = json.loads(BOARD.read_text(encoding="utf-8"))
    board["cards"] = [card | changes for card in board["cards"]]
    return json.dumps(board)


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (
            '{"title": "x", "decisions": []}',
            "cannot be imported; a plan file (*.plan.json) needs no import: open",
        ),
        (
            '{"projects": [{"name": "x"}]}',
            "a JSON file other than a Trello board's export cannot be imported",
        ),
        ("[1, 2, 3]", "a JSON file other than a Trello board's export cannot be imported"),
        # given as Trello's with --format trello
        (
            '--{"title": "x", "decisions": []}',
            "is a plan file, not another tool's; a plan file (*.plan.json) needs",
        ),
        (
            '--{"projects": [{"name": "x"}]}',
            "is JSON but not a Trello board export (no 'cards' and 'lists' in it)",
        ),
        ("--\xff\xfe{}", "is not UTF-8 text, so not a Trello board export"),
        ('{"cards": [], "lists": [', "is not valid JSON (line 1, column 25: Expecting value)"),
        (_board(cards=[]), "the board has no cards to import"),
        (
            _cards(closed=True),
            "the board has no cards to import (6 cards, all archived or in archived lists)",
        ),
        (
            _cards(due="next Friday"),
            "ok: 4 finish dates could not be read (first: card 'Build CMS templates', 'next Friday'); ignored",
        ),
        (_cards(idMembers="ana", labels=7, customFieldItems=None), ""),
    ],
)
def test_s31_trello_hostile_files_are_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, says: str
) -> None:
    path = tmp_path / "board.json"
    given = content.startswith("--")
    path.write_bytes(content.removeprefix("--").encode("latin-1"))  # (the JSON text is ASCII: json.dumps)
    out = tmp_path / "out.plan.json"
    code = main(["import", str(path), "-o", str(out), *(["--format", "trello"] if given else [])])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if not says or says.startswith(
        "ok: "
    ):  # read, and what was not is said (fields of the wrong type: empty)
        assert code == 0 and out.exists()
        assert says.removeprefix("ok: ") in err
        return
    assert code == 2 and not out.exists()
    assert says in err
    assert len([x for x in err.splitlines() if x.strip()]) == 1


def test_s31_trello_card_numbers_repeated_fall_back_to_short_links(tmp_path: Path) -> None:
    """A card moved in from another board may keep a number another card has: those cards are named by their short
    link (the 'trello.com/c/...' part), which Trello keeps unique; before, the import stopped ('id used twice')."""
    board = json.loads(BOARD.read_text(encoding="utf-8"))
    for card in board["cards"]:
        if card["name"] in ("Design mockups", "Define scope"):
            card["idShort"] = 1
    path = tmp_path / "board.json"
    path.write_text(json.dumps(board), encoding="utf-8")
    plan, _ = import_file(path)
    assert [d.id for d in plan.decisions] == ["3", "4", "aB3cD4eF", "zY9xW8vU"]


def test_s31_trello_csv_export_archived_complete_and_checklists() -> None:
    """Trello's CSV export (a paid plan's; its columns as Trello writes them), tests/io/data/s31/trello-csv-export.csv.
    Before: the archived card 'Old banner' was a decision like the others, 'Due Complete' and the checklist counts
    were 'not a plan field' (Build API, 1 of 4 items ticked, read 0 % done), and each of Trello's eleven other
    columns had its own report line. By hand: Define scope done (due complete, in Done), Build API 25 %, Launch not
    started; Old banner not carried."""
    plan, report = import_file(BOARD.parent / "trello-csv-export.csv")
    text = report.text(limit=None)
    assert [d.title for d in plan.decisions] == ["Define scope", "Build API", "Launch"]
    assert [d.progress for d in plan.decisions] == [100, 25, 0]
    assert [d.status for d in plan.decisions] == [Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED]
    assert "1 archived card ('Old banner') is not carried: the board does not show it" in text
    assert "1 card's progress is the share of its checklist items ticked" in text
    assert "not a plan field" not in text
    assert text.count("Trello's columns") == 1
