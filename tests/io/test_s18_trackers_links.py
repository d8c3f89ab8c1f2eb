"""Links given only by their outward twin: a Jira export with only "Outward issue link (Blocks)" columns, or an Asana
export with only "Blocking (Dependencies)", lost every link (only "Inward issue link (Blocks)" / "Blocked By" were
read; the twin was 'not a plan field'). Now a row that blocks another is that row's predecessor; with both twins in
the file each link is read once. A link to an item the export does not hold is left out and named (session 32)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from planner.analysis import analyze
from planner.io import import_file

DATA = Path(__file__).parent / "data"


def _without(tmp_path: Path, name: str, drop: str) -> Path:
    """The fixture ``name`` with the column ``drop`` left out."""
    rows = list(csv.reader(io.StringIO((DATA / name).read_text(encoding="utf-8"), newline="")))
    at = rows[0].index(drop)
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([r[:at] + r[at + 1 :] for r in rows])
    path = tmp_path / name
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def _links(path: Path) -> list[tuple[str, str, str, float]]:
    plan, _ = import_file(path)
    return [(d.from_, d.to, d.type.value, d.lag) for d in plan.dependencies]


def test_jira_outward_links_only_are_read_reversed(tmp_path: Path) -> None:
    path = _without(tmp_path, "jira-export.csv", "Inward issue link (Blocks)")
    assert _links(path) == [("AI-1", "AI-2", "FS", 0.0), ("AI-2", "AI-3", "FS", 0.0)]
    _, report = import_file(path)
    text = "\n".join(str(x) for x in report.items)
    assert "Outward issue link" not in text  # no longer 'not a plan field; ignored'
    assert "read as those rows' predecessors" in text


def test_asana_blocking_only_is_read_reversed_and_schedules_as_the_file(tmp_path: Path) -> None:
    path = _without(tmp_path, "asana-export.csv", "Blocked By (Dependencies)")
    first, pilot, crm = (f"120500000000000{k}" for k in range(1, 4))
    assert _links(path) == [(first, pilot, "FS", 0.0), (pilot, crm, "FS", 0.0)]
    plan, _ = import_file(path)
    result = analyze(plan)
    # 2 + 4 + 6 working weeks chained from Mon 4 Jan 2027: Fri 26 Mar, as with the Blocked By column
    assert result.schedule is not None and result.schedule.finish == 12.0
    # the rows given predecessors by a Blocking cell are not pinned to their start dates
    assert [d.not_before for d in plan.decisions[:3]] == [None, None, None]


def test_both_twins_give_each_link_once(tmp_path: Path) -> None:
    for name in ("jira-export.csv", "asana-export.csv"):
        plan, report = import_file(DATA / name)
        pairs = [(d.from_, d.to) for d in plan.dependencies]
        assert len(pairs) == 2 and len(set(pairs)) == 2, name
        assert "2 of them also given by the other row's 'Blocked by' column, read once" in "\n".join(
            str(x) for x in report.items
        )


def test_a_blocks_cell_naming_no_row_is_left_out_and_named_with_its_line(tmp_path: Path) -> None:
    """A Jira export filtered to some issues keeps their links to the others: the link is left out, so that the plan
    schedules, and one report line names it with its line (it was kept for the check to report, an error)."""
    src = tmp_path / "jira.csv"
    src.write_text(
        "Summary,Issue key,Outward issue link (Blocks),Outward issue link (Blocks)\n"
        "Set up,P-1,P-2,P-9\nTrain,P-2,,\n",
        encoding="utf-8",
    )
    plan, report = import_file(src)
    assert [(d.from_, d.to) for d in plan.dependencies] == [("P-1", "P-2")]
    links = [x.message for x in report.items if x.kind == "link" and "not in the file" in x.message]
    assert links == [
        "1 link to an item not in the file is left out, so that the plan schedules (a file that holds that item "
        "too keeps that link): line 2 blocks 'P-9'"
    ]
    assert analyze(plan).schedule is not None
