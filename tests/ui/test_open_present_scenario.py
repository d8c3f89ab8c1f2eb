"""`planner open FILE --scenario NAME --present` (and `planner FILE --present`, `planner --present`): a consultant's
workshop starts full screen on the option being discussed, instead of opening the base plan and clicking through the
menus in front of the room. An unknown scenario is said in a message box naming the plan's scenarios."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from planner.cli import main
from planner.ui import app

FRAUD = Path(__file__).resolve().parents[2] / "sample_plans" / "fraud-detection.plan.json"


def test_the_command_line_hands_present_and_scenario_to_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str | None, bool, str | None]] = []

    def fake_run(path: str | None, *, present: bool = False, scenario: str | None = None) -> int:
        seen.append((path, present, scenario))
        return 0

    monkeypatch.setattr(app, "run", fake_run)
    monkeypatch.setattr(app, "display_problem", lambda: None)
    assert main(["open", str(FRAUD), "--present", "--scenario", "Buy the feature store"]) == 0
    assert main([str(FRAUD), "--present"]) == 0
    assert main(["--present"]) == 0
    assert main(["--scenario=Base"]) == 0
    assert seen == [
        (str(FRAUD), True, "Buy the feature store"),
        (str(FRAUD), True, None),
        (None, True, None),
        (None, False, "Base"),
    ]


def test_start_as_asked_shows_the_scenario_then_presents(qtbot: Any, isolated_settings: Any) -> None:
    from planner.ui.main_window import MainWindow

    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.show()
    assert w.open_file(FRAUD)
    app.start_as_asked(w, present=True, scenario="Buy the feature store")
    try:
        assert w.doc.scenarios.active == "Buy the feature store"
        assert w.presentation.active
    finally:
        if w.presentation.leave_prompt is not None:
            w.presentation.leave_prompt.done(0)
        w.presentation.leave()
        w.discard_and_close()


def test_an_unknown_scenario_is_said_and_the_base_stays(
    qtbot: Any, isolated_settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.ui.main_window import MainWindow

    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.show()
    assert w.open_file(FRAUD)
    shown: list[tuple[str, str, str]] = []
    monkeypatch.setattr(w, "show_error", lambda title, text, info="": shown.append((title, text, info)))
    app.start_as_asked(w, present=False, scenario="Buy the featur store")
    assert w.doc.scenarios.active is None
    assert len(shown) == 1 and "'Buy the featur store'" in shown[0][1]
    assert "Base, Buy the feature store, Go live before automated retraining" in shown[0][2]
    w.discard_and_close()


def test_open_help_lists_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["open", "--help"])
    text = capsys.readouterr().out
    assert "--present" in text and "--scenario NAME" in text
