"""Characters of the plan that no installed font draws are not left as silent boxes: the report says which (on
the cover, or at the end of a report without one) and what to do. Before, a plan with, say, Chinese names on a
machine without a Chinese font got boxes in its title and tables and no word about them.

U+0378 and U+0379 are unassigned code points: no font has them, whatever is installed."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from planner.analysis import analyze
from planner.model import Plan, plan_from_dict
from planner.report import build_report
from tests.unseen_plans import _base, _d

NOTE = "have no font on this computer and show as boxes"


def _plan(title: str) -> Plan:
    ds = [_d(1, title=f"Pilot {title}"), _d(2, "integrate", title="Roll out")]
    return plan_from_dict(
        _base(f"Plan {title}", decisions=ds, dependencies=[{"from": "d0001", "to": "d0002"}])
    )


def _pages(path: Path) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(path).pages]


def test_the_cover_names_the_characters_no_font_draws(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    build_report(analyze(_plan("\u0378x\u0379\u0378")), out, sections=["cover", "summary"])
    pages = _pages(out)
    assert NOTE in pages[0]
    assert "(U+0378), \u0379 (U+0379)." in pages[0]  # each once, in the order they first appear
    assert "install a font that has them" in pages[0]
    assert not any(NOTE in p for p in pages[1:])


def test_without_a_cover_the_note_ends_the_report(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    build_report(analyze(_plan("\u0379")), out, sections=["summary", "findings"])
    pages = _pages(out)
    assert NOTE in pages[-1] and "(U+0379)" in pages[-1]
    assert not any(NOTE in p for p in pages[:-1])


def test_no_note_when_every_character_has_a_font(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    build_report(analyze(_plan("Ünïcödé façade — “quoted”")), out, sections=["cover", "summary"])
    assert not any(NOTE in p for p in _pages(out))
