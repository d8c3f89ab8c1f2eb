"""The note on characters without a font names fonts for the plan's own scripts (H-report33).

A Thai plan's report showed its Thai as boxes, and the cover's note told the reader to install WenQuanYi Micro
Hei, Droid Sans Fallback or Symbola: fonts for Chinese, Japanese, Korean and emoji, none of which has Thai. The
note now names fonts by the scripts of the characters that have none (Noto Sans Thai for Thai, Noto Sans
Devanagari or Lohit Devanagari for Hindi); a character of another script, or one Unicode does not name, gets the
fonts named before."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.report import build_report
from planner.report.context import font_hints
from planner.report.fonts import missing_characters
from tests.unseen_plans import _base, _d

THAI = "การตรวจสอบกรณีทางธุรกิจ"
HINDI = "व्यावसायिक मामले का सत्यापन"


def test_hints_follow_the_scripts() -> None:
    thai = " ".join(font_hints(list(THAI)))
    assert "Noto Sans Thai" in thai and "WenQuanYi" not in thai and "Symbola" not in thai
    hindi = " ".join(font_hints(list(HINDI.replace(" ", ""))))
    assert "Noto Sans Devanagari" in hindi and "Lohit Devanagari" in hindi and "WenQuanYi" not in hindi
    both = font_hints(["\u6f22", "\U0001f600", "\u0e01"])
    assert [h.split(" ")[1] for h in both] == ["Chinese,", "Thai", "emoji"]
    assert any("WenQuanYi" in h for h in font_hints(["\u0378"]))  # unassigned: the fonts named before
    assert any("Symbola" in h for h in font_hints(["\u0378"]))


def test_a_thai_plans_note_names_a_thai_font(tmp_path: Path) -> None:
    ds = [_d(1, title=f"ทดสอบ {THAI}"), _d(2, "integrate", title="Roll out")]
    plan = plan_from_dict(_base("Thai", decisions=ds, dependencies=[{"from": "d0001", "to": "d0002"}]))
    out = tmp_path / "r.pdf"
    build_report(analyze(plan), out, sections=["cover"])
    cover = " ".join(PdfReader(out).pages[0].extract_text().split())
    if missing_characters([THAI]):  # this machine has no Thai font: the note says which to install
        assert "for Thai Noto Sans Thai (fonts-noto-core)." in cover
        assert "WenQuanYi" not in cover and "Symbola" not in cover
    else:
        assert "install a font" not in cover
