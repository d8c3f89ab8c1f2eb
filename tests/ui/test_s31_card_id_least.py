"""A card's id cut to a few letters names nothing (session 31): presenting the portfolio sample at 1920x1080, the
stage step's cards read 'co…ry   3 wks · float 8.5' (contract-review-build-clause-library) and 'ma…nt'. An id
cut in the middle shows at least :data:`items.ID_LEAST_CHARS` (8) of its characters, else it is left out; a short
id that fits stays whole."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFont, QFontMetricsF

from planner.ui.canvas import items


def _metrics() -> QFontMetricsF:
    font = QFont()
    font.setPointSizeF(9.0)
    return QFontMetricsF(font)


def test_a_few_letters_of_a_long_id_are_left_out(qapp: Any) -> None:
    fm = _metrics()
    long_id = "contract-review-build-clause-library"
    room = fm.horizontalAdvance("co\u2026ry") + 1  # the room that showed 'co…ry'
    assert items._shown_id(fm, long_id, room) == ""
    wide = fm.horizontalAdvance("cont\u2026rary") + 1
    shown = items._shown_id(fm, long_id, wide)
    assert len(shown.replace("\u2026", "")) >= items.ID_LEAST_CHARS and "\u2026" in shown


def test_a_short_id_that_fits_stays_whole(qapp: Any) -> None:
    fm = _metrics()
    assert items._shown_id(fm, "sre", fm.horizontalAdvance("sre") + 1) == "sre"
    assert items._shown_id(fm, "api-gw", fm.horizontalAdvance("api-gw") + 1) == "api-gw"
