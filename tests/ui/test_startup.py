"""Start-up (issue 12): `planner FILE` paints its window before the heavy modules are imported, then loads the plan.

Each check runs the real command line path (``planner.cli.main``) in a fresh interpreter with the event loop replaced
by a probe: what is imported at the first paint, and what happens after it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPixmap

from planner.desktop import icon_pngs
from planner.ui.app import app_icon

SAMPLE = Path(__file__).resolve().parents[2] / "sample_plans" / "bank-assistant.plan.json"

# What the window does not need to paint: charts, the PDF report and its dialog, the import/export formats.
NOT_BEFORE_PAINT = (
    "matplotlib",
    "reportlab",
    "planner.charts",
    "planner.report",
    "planner.io",
    "planner.ui.tabs.chart_tab",
    "planner.ui.dialogs.report_dialog",
    "planner.ui.dialogs.interop",
)

_PROBE = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import PySide6.QtWidgets as W
import planner.ui.main_window as mw

if sys.argv[2] == "placeholder":  # where the graph canvas does not matter
    mw.make_canvas = lambda doc: (mw._placeholder("no canvas in this test"), False)
WATCH = json.loads(sys.argv[3])


def probe(*_args):
    app = W.QApplication.instance()
    w = next(w for w in app.topLevelWidgets() if w.objectName() == "mainWindow" and w.isVisible())
    w.repaint()
    at_paint = {m: m in sys.modules for m in WATCH}
    decisions_at_paint = len(w.doc.plan.decisions)
    while not w.doc.plan.decisions or not w.doc.analysis_current:
        app.processEvents()
    print(json.dumps({
        "at_paint": at_paint,
        "decisions_at_paint": decisions_at_paint,
        "decisions": len(w.doc.plan.decisions),
        "numpy_after_load": "numpy" in sys.modules,
        "after_load": {m: m in sys.modules for m in WATCH},
        "openblas": os.environ.get("OPENBLAS_NUM_THREADS"),
    }))
    w.discard_and_close()
    return 0


W.QApplication.exec = probe
sys.argv = ["planner", sys.argv[1]]
from planner.cli import main
main()
"""


def _start(canvas: str, watch: list[str], env: dict[str, str] | None = None) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, str(SAMPLE), canvas, json.dumps(watch)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_window_paints_before_the_plan_and_the_heavy_modules() -> None:
    watch = ["numpy", "planner.analysis", *NOT_BEFORE_PAINT]
    result = _start("canvas", watch)
    assert result["at_paint"] == {m: False for m in watch}
    assert result["decisions_at_paint"] == 0  # the plan is read after the first paint
    assert result["decisions"] == 48
    assert result["numpy_after_load"] is True  # the analysis ran (the probe is not vacuous)
    # Opening a plan file needs neither the charts (until a chart is shown), the report nor other tools' formats.
    assert result["after_load"] == {m: m in ("numpy", "planner.analysis") for m in watch}


def test_openblas_threads_are_limited_unless_the_user_chose() -> None:
    environ = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, str(SAMPLE), "placeholder", "[]"],
        capture_output=True,
        text=True,
        timeout=120,
        env=environ,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    assert json.loads(out.stdout.strip().splitlines()[-1])["openblas"] == "1"
    assert _start("placeholder", [], {"OPENBLAS_NUM_THREADS": "2"})["openblas"] == "2"


def test_the_window_icon_gives_each_shipped_png_at_its_size() -> None:
    # The PNGs are added by file name (decoded when asked for): each size is still the shipped picture, as a
    # pixmap decoded from the file's bytes is.
    icon = app_icon()
    argb = QImage.Format.Format_ARGB32
    for size, node in icon_pngs().items():
        shipped = QPixmap()
        assert shipped.loadFromData(node.read_bytes(), "PNG")
        drawn = icon.pixmap(size, size)
        assert drawn.size() == shipped.size() == QSize(size, size)
        assert drawn.toImage().convertToFormat(argb) == shipped.toImage().convertToFormat(argb), size


def test_pyside_import_check_reads_files_directly_and_decides_the_same(monkeypatch) -> None:
    import PySide6

    from planner.ui.app import quicken_pyside_imports

    feature = sys.modules["PySide6.support.feature"]
    current = feature._mod_uses_pyside
    original = getattr(current, "pyside_check", current)
    monkeypatch.setattr(feature, "_mod_uses_pyside", original)  # PySide6's own again after the test
    quicken_pyside_imports()
    quick = feature._mod_uses_pyside
    assert quick is not original and quick.pyside_check is original
    quicken_pyside_imports()
    assert feature._mod_uses_pyside is quick  # once: not wrapped twice
    # typing's deprecated aliases are classes in sys.modules, imported before PySide6: inspect parses typing.py
    modules = [m for name, m in list(sys.modules.items()) if name not in ("typing.io", "typing.re")]
    decided = [quick(m) for m in modules]
    assert decided == [original(m) for m in modules]
    assert quick(PySide6) is True and quick(sys.modules[__name__]) is True  # both say PySide6
    import planner.ui.main_window
    import planner.units

    assert quick(planner.ui.main_window) is True
    assert quick(json) is False and quick(planner.units) is False
