"""File > Open of a file only MPXJ reads (.mpp): the import step through the bridge, or one message saying why not.
The converter is the stand-in of tests/io/test_mpxj_bridge.py (the suite cannot need Java)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.io import import_file
from tests.io.test_mpxj_bridge import MSPDI, fake_bridge


@pytest.fixture
def mpp(tmp_path: Path) -> Path:
    path = tmp_path / "client roadmap.mpp"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    return path


def test_app_opens_an_mpp_through_the_bridge_into_the_import_step(
    window, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, mpp: Path
) -> None:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QDialogButtonBox

    from planner.ui.dialogs import interop

    monkeypatch.setenv("PLANNER_MPXJ_PYTHON", fake_bridge(tmp_path, f'cp "{MSPDI}" "$3"'))
    assert window.open_file(mpp)
    dialog = window.import_dialog
    assert isinstance(dialog, interop.ImportDialog) and dialog.isVisible()
    assert "(MS Project, read through MPXJ)" in dialog.report_view.toPlainText()
    assert QGuiApplication.overrideCursor() is None  # the wait cursor is gone once the step shows
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    direct, _ = import_file(MSPDI)
    assert [d.title for d in window.doc.plan.decisions] == [d.title for d in direct.decisions]
    assert window.doc.path is None and window.doc.is_modified


def test_app_says_why_a_conversion_failed_in_one_message(
    window, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, mpp: Path
) -> None:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMessageBox

    body = 'echo "MPXJ could not read it: File is password protected" >&2; exit 5'
    monkeypatch.setenv("PLANNER_MPXJ_PYTHON", fake_bridge(tmp_path, body))
    before = window.doc.plan
    assert not window.open_file(mpp)
    box = window.active_prompt
    assert isinstance(box, QMessageBox) and "File is password protected" in box.informativeText()
    assert QGuiApplication.overrideCursor() is None
    box.button(QMessageBox.StandardButton.Ok).click()
    assert window.doc.plan is before


def test_open_and_import_offer_every_format_the_planner_reads() -> None:
    """One list: every import suffix (those MPXJ reads too) in File > Open's and File > Import's filters."""
    from planner.io import IMPORT_SUFFIXES
    from planner.io.mpxj_bridge import MPXJ_SUFFIXES
    from planner.ui.dialogs.interop import IMPORT_FILTER, IMPORTABLE, THROUGH_MPXJ
    from planner.ui.main_window import FILE_FILTER

    main = {
        s for s in IMPORT_SUFFIXES if s not in (".txt", ".tsv", ".mspdi", ".xlsm")
    }  # offered under All files
    assert set(IMPORTABLE.replace("*", "").split()) == main
    assert set(THROUGH_MPXJ.replace("*", "").split()) == set(MPXJ_SUFFIXES)
    others = FILE_FILTER.split("Other tools' projects, imported (")[1].split(")")[0]
    assert set(others.replace("*", "").split()) == main | set(MPXJ_SUFFIXES)
    assert f"Project files ({IMPORTABLE} {THROUGH_MPXJ})" in IMPORT_FILTER
