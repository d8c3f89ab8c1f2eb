"""An export writes the control characters its format cannot carry as U+FFFD (a NUL, BEL or ESC in .xml and .gan;
a NUL in .csv and .xer; spaces in .xlsx), and now says so in the export's notes, once, counted, naming the first text (H-io22). It
said nothing: the titles came back from the file changed without a word."""

from __future__ import annotations

from planner.io import export_notes
from planner.model.plan import Plan


def _plan() -> Plan:
    return Plan.model_validate(
        {
            "schema_version": 1,
            "title": "Control\x07characters",
            "start_date": "2027-01-04",
            "stages": [{"id": "s", "name": "S"}],
            "decisions": [
                {"id": "a", "title": "a\x00b\x1b[31m red", "stage": "s", "duration": 2, "notes": "\x01"},
                {"id": "b", "title": "plain", "stage": "s", "duration": 1},
            ],
        }
    )


def _line(notes: list[str]) -> list[str]:
    return [n for n in notes if "control characters" in n]


def test_s22_export_notes_count_the_texts_written_with_u_fffd() -> None:
    plan = _plan()
    # XML: the plan's title (BEL), a's title (NUL, ESC) and a's notes (SOH): three texts, the first named
    xml = _line(export_notes(plan, "mspdi"))
    assert xml == [
        "3 titles and notes (the plan's title, ...) hold control characters the format cannot carry (such as a "
        "NUL or an ESC): written as U+FFFD, the replacement character"
    ]
    assert _line(export_notes(plan, "gan")) == xml
    # CSV and XER carry all but the NUL: a's title alone
    for fmt in ("csv", "xer"):
        assert _line(export_notes(plan, fmt)) == [
            "1 title or note (decision 'a''s title) holds control characters the format cannot carry (such as a "
            "NUL): written as U+FFFD, the replacement character"
        ]
    # a workbook's cells refuse what XML does: the export writes spaces
    assert _line(export_notes(plan, "xlsx")) == [
        xml[0].replace("U+FFFD, the replacement character", "spaces")
    ]
    # a plan without any: no line
    clean = plan.model_copy(update={"title": "Plain", "decisions": [plan.decisions[1]]})
    assert _line(export_notes(clean, "mspdi")) == []
