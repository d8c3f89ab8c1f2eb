"""On a bare machine without a system library Qt needs (libxkbcommon, libEGL), `planner screenshot` printed
"internal error ... This is a bug in the planner": Qt's widgets were imported outside any guard. It now says that Qt
cannot be loaded and what to install, exit code 2, no traceback (found by H-install29 with libxkbcommon hidden)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from planner.cli import main
from planner.ui.app import QT_SYSTEM_LIBRARIES, qt_problem

SAMPLE = Path(__file__).resolve().parents[1] / "sample_plans" / "fraud-detection.plan.json"


def test_screenshot_says_qt_cannot_be_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(
        sys.modules, "PySide6.QtWidgets", None
    )  # as an import that fails on a missing library
    code = main(["screenshot", str(SAMPLE), "-o", str(tmp_path / "shot.png")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Qt cannot be loaded" in err and QT_SYSTEM_LIBRARIES in err, err
    assert "internal error" not in err and "Traceback" not in err
    assert not (tmp_path / "shot.png").exists()


def test_no_problem_where_qt_loads() -> None:
    assert qt_problem() is None
