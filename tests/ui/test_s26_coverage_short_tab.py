"""The Coverage tab on a 1024x600 screen at 200 % (512x300 logical; the tab about 210 px tall): the pickers and the
summary took half of it and the matrix under them had 40 px, half of its first row. The matrix now keeps a few
rows' height and the findings two, and the tab scrolls below that (as the team load, cost and risk tabs do).

The screen is Qt's offscreen screen of that size (a child process, as tests/ui/screen_probe makes it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.ui.conftest import REPO, SAMPLES

_CHILD = r"""
import json, os, sys, tempfile
from pathlib import Path
width, height, plan = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
folder = Path(tempfile.mkdtemp(prefix="coverage-short-"))
config = folder / "screen.json"
screen = {"name": "short", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96,
          "logicalBaseDpi": 96, "dpr": 1}
config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
os.environ["PLANNER_DATA_DIR"] = str(folder / "data")
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QScrollArea
from planner.ui.app import create_application
app = create_application()
QCoreApplication.setOrganizationName("CoverageShort")
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, os.environ["PLANNER_DATA_DIR"])
from planner.ui.main_window import MainWindow

def settle():
    for _ in range(8):
        app.processEvents()

w = MainWindow()
w.show()
settle()
w.open_file(plan)
w.doc.wait_for_analysis()
settle()
w.views.setCurrentWidget(w.coverage_tab)
settle()
tab = w.coverage_tab
matrix, findings = tab.matrix, tab.findings
page = tab.findChild(QScrollArea, "coverageTabScroll")
first = findings.topLevelItem(0)
out = {"tab": list(tab.size().toTuple()), "matrix": matrix.viewport().height(),
       "rows": [matrix.rowHeight(r) for r in range(min(3, matrix.rowCount()))],
       "findings": findings.viewport().height(),
       "finding": findings.visualItemRect(first).height() if first is not None else 0,
       "scrolls": page.verticalScrollBar().maximum() if page is not None else None}
w.discard_and_close()
settle()
print(json.dumps(out))
"""


def test_a_short_coverage_tab_scrolls_rather_than_squeeze_its_matrix() -> None:
    env = dict(os.environ, QT_SCALE_FACTOR="2")
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, "1024", "600", str(SAMPLES / "bank-assistant.plan.json")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["tab"][1] < 260, seen  # a short tab indeed
    rows = seen["rows"]
    assert len(rows) >= 2 and seen["matrix"] >= rows[0] + rows[1], seen  # two whole rows under the header
    assert seen["finding"] > 0 and seen["findings"] >= seen["finding"], seen  # a whole finding
    assert seen["scrolls"] is not None and seen["scrolls"] > 0, seen  # the tab scrolls to the rest
