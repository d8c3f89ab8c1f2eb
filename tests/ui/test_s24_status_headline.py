"""The status bar at 800x600 (H-ui24): the finish is the headline and stays whole; the lesser figures (gated
finish, critical count, target, slip, findings) give way first, elided with their whole text in their tooltips.
Before, every label gave up a few pixels alike and the finish read 'Finish: week 35.5 (5 Nov 20…'."""

from __future__ import annotations

import json

from PySide6.QtCore import QSize

from tests.ui.conftest import SAMPLES
from tests.ui.s18_screens_support import settle


def test_the_finish_stays_whole_at_800x600(window, qtbot, tmp_path):
    data = json.loads((SAMPLES / "bank-assistant.plan.json").read_text(encoding="utf-8"))
    data["target"] = 30  # a target verdict too: one more figure to make room for
    path = tmp_path / "bank.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert window.open_file(path)
    window.doc.analyze_now()
    assert window.doc.save_baseline("Kick-off") is None  # and the baseline chooser and slip
    window.doc.analyze_now()
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.size() == QSize(800, 600))
    settle()
    bar = window.status
    assert window.minimumSizeHint().width() <= 800  # the window does not grow past an 800 px screen
    finish = bar.finish
    assert finish.text() == "Finish: week 35.5 (5 Nov 2027)"
    assert not finish.is_elided()
    assert finish.width() >= finish.fontMetrics().horizontalAdvance(finish.text())
    lesser = [bar.gated, bar.critical, bar.target, bar.slip, bar.problems]
    assert all(label.isVisible() for label in lesser)
    elided = [label for label in lesser if label.is_elided()]
    assert elided, "at 800 px something has to give way"
    for label in elided:
        assert label.text() in label.toolTip().splitlines()  # the whole text, on hover
    # on a wider window every figure is whole again
    window.resize(1400, 860)
    qtbot.waitUntil(lambda: window.size() == QSize(1400, 860))
    settle()
    assert not any(label.is_elided() for label in [finish, *lesser])
