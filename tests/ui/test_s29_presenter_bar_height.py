"""The presenter bar's explanation (why a selected decision starts when it does) was laid out 2 px shorter than
its wrapped text needs: the bar's height was its layout's, without the 2 px border on top of the frame, so the
last line lost its descenders ('g', 'y', 'p' cut off in front of the room). Every wrapped part of the bar now gets
the height its text needs, on screens of several sizes and for explanations of one to several lines."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize

from tests.ui.s18_screens_support import settle


@pytest.mark.parametrize("size", [(1280, 720), (800, 600)])
def test_the_explanation_gets_the_height_its_text_needs(presenting, qtbot, size):
    w = presenting
    w.resize(*size)
    qtbot.waitUntil(lambda: w.size() == QSize(*size))
    settle()
    p = w.presentation
    p.enter(full_screen=False)
    settle()
    bar = p.bar
    assert bar is not None
    lines_seen = set()
    for d in w.doc.plan.decisions[:25]:
        w.doc.select([d.id])
        settle()
        label = bar.explanation
        if not label.isVisible():
            continue
        lines_seen.add(label.heightForWidth(label.width()))
        for part in (label, bar.hint):
            if part.isVisible():
                assert part.height() >= part.heightForWidth(part.width()), (d.id, part.objectName())
        assert bar.contentsRect().bottom() >= label.geometry().bottom()
    assert len(lines_seen) >= 2, lines_seen  # explanations of different lengths were seen
    p.leave()
    settle()
