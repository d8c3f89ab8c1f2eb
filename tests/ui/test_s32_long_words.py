"""A title with a long word (an identifier, a URL, a name typed without spaces) never widens the window.

A wrapped QLabel is never narrower than its longest word: selecting a decision titled with a 300-letter word made
the inspector's heading ~2,200 px wide and the window 3,403 px, past any screen (session 32)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSize

from tests.ui.s18_screens_support import opened_sample, settle

ROOT = Path(__file__).resolve().parents[2]
WORD = "Connect_SAP_S4HANA_via_OData_v4" * 9  # 279 letters, no space


def _plan(tmp_path: Path) -> Path:
    data = json.loads((ROOT / "sample_plans" / "bank-assistant.plan.json").read_text(encoding="utf-8"))
    data["decisions"][0]["title"] = WORD
    path = tmp_path / "long-word.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_selecting_a_long_worded_title_keeps_the_window_on_the_screen(qtbot, tmp_path: Path) -> None:
    with opened_sample(qtbot, _plan(tmp_path), (1280, 720)) as w:
        first = json.loads(_plan(tmp_path).read_text(encoding="utf-8"))["decisions"][0]["id"]
        w.doc.select([first])
        settle()
        heading = w.inspector.form.heading
        assert heading.text().replace("\u200b", "") == WORD  # the whole title, only break points added
        assert heading.minimumSizeHint().width() < 640
        assert w.minimumSizeHint().width() <= 1280
        assert w.size() == QSize(1280, 720)


def test_the_presenter_bar_breaks_a_long_word(qtbot, tmp_path: Path) -> None:
    with opened_sample(qtbot, _plan(tmp_path), (1280, 720)) as w:
        first = json.loads(_plan(tmp_path).read_text(encoding="utf-8"))["decisions"][0]["id"]
        p = w.presentation
        p.enter()
        try:
            w.doc.select([first])
            settle()
            assert "\u200b" in p.bar.explanation.text()
            assert w.size().width() <= 1280 or w.isFullScreen()
        finally:
            if p.leave_prompt is not None:
                p.leave_prompt.done(0)
            p.leave()


def test_why_this_schedule_breaks_the_long_words_it_names(qtbot, tmp_path: Path) -> None:
    data = json.loads((ROOT / "sample_plans" / "bank-assistant.plan.json").read_text(encoding="utf-8"))
    for d in data["decisions"]:
        d["title"] = WORD[:250] + d["id"]
    path = tmp_path / "all-long.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    waits = {dep["to"] for dep in data["dependencies"]}
    # work not started that waits for another: its start names its driver's title
    chosen = next(
        d["id"]
        for d in data["decisions"]
        if d["id"] in waits and d.get("status", "not_started") == "not_started"
    )
    with opened_sample(qtbot, path, (1280, 720)) as w:
        w.doc.select([chosen])
        form = w.inspector.form
        qtbot.waitUntil(lambda: WORD[:40] in form.start_text.text().replace("\u200b", ""))
        for label in (form.heading, form.start_text, form.float_text, form.critical_text, form.chain_text):
            assert label.minimumSizeHint().width() < 640, label.text()[:80]
        assert w.size() == QSize(1280, 720)
