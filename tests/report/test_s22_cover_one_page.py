"""The cover is one page, with the note on characters no font draws when it has room for it (H-report22).

A plan titled in three scripts (a three-line title) with characters no font draws: the note under the contents ran
one line over the cover, onto a page of its own. The builder now writes the cover after the other sections (its
contents list is then known) and the cover tightens its spaces to fit the note, or else leaves the note to the
report's last page. Unassigned code points stand for characters no font has, whatever is installed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.report.s20_plans import scripts

UNASSIGNED = "\u0378\u0379\u0380\u0381\u0382\u0383\u038b\u038d\u03a2"
NOTE = "Some characters of the plan have no font"


def _plan() -> dict[str, Any]:
    d = scripts()  # its title: Chinese, Arabic and emoji, three lines on the cover
    d["decisions"][0]["title"] += UNASSIGNED
    return d


def _pages(data: dict[str, Any], out: Path, orientation: str) -> list[str]:
    from planner.analysis import analyze
    from planner.analysis.montecarlo import simulate
    from planner.model import plan_from_dict
    from planner.report import build_report

    plan = plan_from_dict(data)
    build_report(analyze(plan), out, orientation=orientation, simulation=simulate(plan, 200))
    return [" ".join(p.extract_text().split()) for p in PdfReader(out).pages]


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_cover_is_one_page_and_the_note_is_said_once(tmp_path: Path, orientation: str) -> None:
    pages = _pages(_plan(), tmp_path / "r.pdf", orientation)
    assert "Executive summary" in pages[1][:40], "the cover runs onto a second page"
    assert sum(NOTE in t for t in pages) == 1
    if NOTE not in pages[0]:  # no room on the cover: at the end
        assert NOTE in pages[-1]
