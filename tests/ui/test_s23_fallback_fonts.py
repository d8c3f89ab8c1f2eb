"""Characters the app's fonts lack, drawn with the fonts the charts and report use (H-ui23). The report takes a
character DejaVu Sans lacks from the font files matplotlib lists (planner.charts.fonts.fallback_fonts); Qt asks the
system (fontconfig), which need not know those files: a plan titled in Chinese showed boxes in the app while the
report drew it. The app now adds the same files to Qt's font database once a plan has a character no Qt font draws.

The test stands a matplotlib font this machine's fontconfig does not list (STIX, shipped with matplotlib, in a
private-use character no system font has) for the CJK font the report would find: it is drawn as a box before,
from that font after, and the app's own font stays the primary one."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest
from PySide6.QtGui import QFont, QFontDatabase, QTextLayout
from PySide6.QtWidgets import QApplication

from planner.ui.views import fallback_fonts

STIX = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "STIXNonUni.ttf"
CHAR = "\ue000"  # in STIX's non-Unicode font, in no font fontconfig lists here


def _families(text: str, font: QFont) -> list[tuple[str, bool]]:
    """(family, drawn) of each glyph run of ``text`` in ``font``: drawn False when a glyph is the box."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(r.rawFont().familyName(), all(g != 0 for g in r.glyphIndexes())) for r in layout.glyphRuns()]


@pytest.fixture
def stix_as_fallback(monkeypatch):
    import planner.charts.fonts as chart_fonts

    monkeypatch.setattr(chart_fonts, "fallback_fonts", lambda: (("STIXNonUnicode", str(STIX)),))
    monkeypatch.setattr(fallback_fonts, "_added", None)
    yield
    QFontDatabase.removeAllApplicationFonts()  # (the app adds no other)


def test_a_title_the_app_fonts_lack_is_drawn_with_the_reports_fallback_font(window, stix_as_fallback):
    from planner.model import Plan

    app_font = QFont(QApplication.font())
    assert fallback_fonts.missing_characters([f"Plan {CHAR}"]) == CHAR  # a box before: the case
    plan = Plan.model_validate(
        {
            "schema_version": 1,
            "title": f"Roadmap {CHAR}",
            "stages": [{"id": "s", "name": "Stage"}],
            "areas": [{"id": "a", "name": "Area"}],
            "teams": [{"id": "t", "name": "Team"}],
            "decisions": [
                {
                    "id": "d",
                    "title": "Pilot",
                    "area": "a",
                    "stage": "s",
                    "owner": "t",
                    "duration": 1,
                }
            ],
        }
    )
    window.doc.set_plan(plan)
    QApplication.processEvents()
    assert fallback_fonts.missing_characters([CHAR]) == ""
    runs = _families(f"Roadmap {CHAR}", window.table_view.table.font())
    assert all(drawn for _, drawn in runs), runs
    families = {family for family, _ in runs}  # (runs in no particular order)
    # 'Roadmap': the app's font
    assert len(families) == 2 and sum(f.startswith("STIX") for f in families) == 1
    assert QApplication.font() == app_font
    # a decision titled with it later: nothing more to add, nothing missing
    assert window.doc.edit_decision("d", title=f"Pilot {CHAR}") is None
    assert fallback_fonts.cover([CHAR]) == [] and fallback_fonts.missing_characters([f"Pilot {CHAR}"]) == ""


def test_latin_plans_load_no_font(window, monkeypatch):
    import planner.charts.fonts as chart_fonts

    def fail() -> tuple[tuple[str, str], ...]:
        raise AssertionError("matplotlib's font list loaded for a plan every font draws")

    monkeypatch.setattr(chart_fonts, "fallback_fonts", fail)
    monkeypatch.setattr(fallback_fonts, "_added", None)
    assert fallback_fonts.cover(["Déploiement – Überprüfung → ready", "Ελληνικά", "Русский"]) == []
