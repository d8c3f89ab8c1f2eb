"""Leaving a presentation after one edit asks 'Keep the change made during the presentation?', not 'Keep the 1
change ...' (session 27, H-live27's note); more than one is counted."""

from __future__ import annotations

from typing import Any

from tests.ui.s18_screens_support import opened_sample, presenting_graph, settle


def test_the_leave_question_words_one_change(qtbot: Any, isolated_settings: Any, sample_path: Any) -> None:
    with opened_sample(qtbot, sample_path, (1366, 768)) as w, presenting_graph(w) as p:
        d = w.doc.plan.decisions[0]
        for n, want in ((1, "Keep the change made"), (2, "Keep the 2 changes made")):
            w.doc.set_duration(d.id, n + 1, n + 1, n + 1)
            settle()
            box = p.request_leave()
            assert box is not None
            assert box.text().startswith(want), box.text()
            box.done(0)
            settle()
