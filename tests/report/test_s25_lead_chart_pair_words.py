"""A chart pair beside a column of words ('Cost by stage' and its table beside the spend curve) at a page's foot:
the report stopped with 'Splitting error ... Cost by stage ... Shorten the longest names' on a 16-decision plan of
short names (H-unseen25's sweep, tests/test_s24_unseen_one_truth.py seed 77020; since 0d5a4a5). The pair measured
its words without the space around each paragraph, so it stayed on a page its words did not fit. It now counts
that space, per column, words and charts together."""

from __future__ import annotations

from pathlib import Path

from tests.test_s18_unseen_one_truth import run
from tests.test_s24_unseen_one_truth import write


def test_the_sweeps_plan_gets_its_report(tmp_path: Path) -> None:
    path = write(77020, tmp_path)
    rc, _, err = run(["report", str(path), "-o", str(tmp_path / "r.pdf"), "-q"])
    assert rc == 0, err


def test_a_pair_never_stays_where_its_words_do_not_fit() -> None:
    from reportlab.platypus import Paragraph, Spacer

    from planner.report.context import SideBySide
    from planner.report.style import paragraph_styles
    from planner.report.vector import ChartFlowable

    h2 = paragraph_styles()["h2"]  # a heading: space before and after it
    words = [Paragraph("Cost by stage", h2), Spacer(10, 150), Paragraph("last line", h2)]
    pair = SideBySide(ChartFlowable(lambda fig: None, 300, 230, name="chart"), words, [300, 300])
    _, full = pair.wrap(600, 1e6)
    for room in range(150, int(full) + 1, 4):
        for part in pair.split(600, room):  # whatever stays fits the room, or nothing stays
            assert part.wrap(600, 1e6)[1] <= room, (room, part.wrap(600, 1e6))
