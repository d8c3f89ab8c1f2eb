"""The note on characters no font draws counts them all and names fonts the report can use (H-report21).

Before, it named the first six characters and stopped: a plan with 32 Chinese characters and three emoji was said
to lack six. And it told the reader to install Noto Sans CJK, whose files (OpenType collections with CFF outlines,
as Debian's fonts-noto-cjk ships them) ReportLab cannot embed: installed, the boxes stayed. Now the rest are
counted ("and 3 more characters") and the fonts named are TrueType ones, checked to embed: WenQuanYi Micro Hei,
Droid Sans Fallback, Symbola.

Unassigned code points (U+0378, U+0379, U+0380-U+0383, U+038B, U+038D, U+03A2) stand for characters no font has,
whatever is installed."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.report import build_report
from tests.unseen_plans import _base, _d

UNASSIGNED = "\u0378\u0379\u0380\u0381\u0382\u0383\u038b\u038d\u03a2"  # nine


def test_note_counts_every_character_and_names_embeddable_fonts(tmp_path: Path) -> None:
    ds = [_d(1, title=f"Pilot {UNASSIGNED[:5]}"), _d(2, "integrate", title=f"Roll out {UNASSIGNED[3:]}")]
    plan = plan_from_dict(_base("Nine", decisions=ds, dependencies=[{"from": "d0001", "to": "d0002"}]))
    out = tmp_path / "r.pdf"
    build_report(analyze(plan), out, sections=["cover"])
    cover = " ".join(PdfReader(out).pages[0].extract_text().split())
    named = [c for c in UNASSIGNED if f"(U+{ord(c):04X})" in cover]
    assert named == list(UNASSIGNED[:6])  # the first six, in the order they appear
    assert "(U+0383) and 3 more characters." in cover
    for font in ("WenQuanYi Micro Hei", "Droid Sans Fallback", "fonts-wqy-microhei", "Symbola"):
        assert font in cover
    assert "install a font that has them" in cover
