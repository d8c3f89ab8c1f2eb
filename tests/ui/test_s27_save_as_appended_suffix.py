"""File > Save As…, typing a name without its suffix ('budget'): the app adds '.plan.json' after the file dialog
has checked the name, so an existing budget.plan.json was replaced without the dialog's 'already exists' question.
The app asks itself when the name it completed is taken."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from planner.model import dump_plan, load_plan
from planner.templates import load_template


@pytest.fixture
def typed_budget(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    other = tmp_path / "budget.plan.json"
    plan = load_template("blank")
    plan.title = "Another plan, kept"
    other.write_text(dump_plan(plan), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "budget"), ""))
    return other


def _ask(window) -> QMessageBox:
    window.doc.add_decision("My edit")
    assert window.save_as() is False
    box = window.active_prompt
    assert box is not None and box.windowTitle() == "Replace file?"
    assert "budget.plan.json already exists" in box.text()
    return box


def test_the_completed_name_of_another_file_is_not_replaced_without_asking(
    window, typed_budget: Path
) -> None:
    box = _ask(window)
    assert load_plan(typed_budget).title == "Another plan, kept"
    box.button(QMessageBox.StandardButton.Cancel).click()
    QApplication.processEvents()
    assert load_plan(typed_budget).title == "Another plan, kept"
    assert window.doc.is_modified and window.doc.path is None


def test_replace_saves_there(window, typed_budget: Path) -> None:
    box = _ask(window)
    assert box.button(QMessageBox.StandardButton.Save).text() == "Replace"
    box.button(QMessageBox.StandardButton.Save).click()
    QApplication.processEvents()
    assert any(d.title == "My edit" for d in load_plan(typed_budget).decisions)
    assert window.doc.path == str(typed_budget.resolve()) and not window.doc.is_modified


def test_a_name_typed_with_its_suffix_in_capitals_is_kept(window, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "Board.JSON"), ""))
    window.doc.add_decision("My edit")
    assert window.save_as() is True
    assert (tmp_path / "Board.JSON").is_file() and not (tmp_path / "Board.JSON.plan.json").exists()
