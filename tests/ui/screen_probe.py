"""Open the app on an off-screen screen of a given size and print what fits, as JSON (run by test_screen_sizes).

usage: python -m tests.ui.screen_probe WIDTH HEIGHT PLAN   (QT_SCALE_FACTOR may be set by the caller)

The screen is the offscreen platform's, made by a config file (``offscreen:configfile=...``): Qt's own screen of that
size, so the app sees it as a user's screen (available geometry, scale factor)."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any


def _configure(width: int, height: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="screen-probe-"))
    config = folder / "screen.json"
    screen = {"name": "probe", "x": 0, "y": 0, "width": width, "height": height}
    screen.update({"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1})
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["PLANNER_DATA_DIR"] = str(folder / "data")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def start_on_screen(width: int, height: int, organisation: str = "ScreenProbe") -> Any:
    """The app (a QApplication) on an offscreen screen of ``width`` x ``height``, its settings and data in a fresh
    temporary folder: what every child process of the screen tests starts with."""
    _configure(width, height)
    from PySide6.QtCore import QCoreApplication, QSettings

    from planner.ui.app import create_application

    app = create_application()
    QCoreApplication.setOrganizationName(organisation)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, os.environ["PLANNER_DATA_DIR"])
    return app


def run_child(script: str, *args: str) -> dict[str, Any]:
    """Run ``script`` (Python text that starts the app with :func:`start_on_screen` and prints one JSON object as
    its last line) in a fresh process from the repository's root, at scale factor 1; that object."""
    import subprocess

    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    env["QT_SCALE_FACTOR"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _rect(r: object) -> list[int]:
    return list(r.getRect())  # type: ignore[attr-defined]


def main(argv: list[str]) -> int:
    width, height, plan = int(argv[0]), int(argv[1]), argv[2]
    app = start_on_screen(width, height)
    from PySide6.QtWidgets import QApplication, QWidget

    from planner.ui.main_window import MainWindow

    def settle() -> None:
        for _ in range(6):
            app.processEvents()

    screen = app.primaryScreen()
    out: dict[str, object] = {"available": _rect(screen.availableGeometry())}
    window = MainWindow()  # as `planner FILE` makes it: first start, no saved layout
    window.show()
    settle()
    out["window_first"] = _rect(window.frameGeometry())
    window.open_file(plan)
    window.doc.wait_for_analysis()
    settle()
    tabs: dict[str, object] = {}
    for i in range(window.views.count()):
        window.views.setCurrentIndex(i)
        settle()
        page = window.views.currentWidget()
        tabs[window.views.tabText(i)] = {
            "frame": _rect(window.frameGeometry()),
            "minimum": list(window.minimumSizeHint().toTuple()),
            "page": list(page.size().toTuple()),
        }
    out["tabs"] = tabs
    window.doc.select([window.doc.plan.decisions[0].id])
    settle()
    form = window.inspector.form
    out["inspector"] = [form.minimumSizeHint().width(), window.inspector.scroll_area.viewport().width()]
    out["docks"] = {
        d.objectName(): list(d.size().toTuple()) for d in (window.inspector_dock, window.findings_dock)
    }
    dialogs: dict[str, object] = {}

    def grab(name: str, dialog: QWidget) -> None:
        settle()
        dialogs[name] = {
            "frame": _rect(dialog.frameGeometry()),
            "minimum": list(dialog.minimumSizeHint().toTuple()),
            "visible": dialog.isVisible(),
        }
        dialog.close()
        settle()

    grab("report", window.export_report())
    grab("about", window.about())
    grab(
        "error", window.show_error("Cannot open", "plan.json could not be opened.", "line 3: " + "word " * 80)
    )
    grab("compare", window.scenario_bar.show_compare())
    from planner.ui.dialogs.basic import NewPlanDialog
    from planner.ui.dialogs.interop import start_import

    new_plan = NewPlanDialog(window)
    new_plan.open()
    grab("new_plan", new_plan)
    grab("shortcuts", window.workbench.show_shortcuts())
    data = Path(__file__).resolve().parents[1] / "io" / "data"
    imported = start_import(window, str(data / "HouseBuildingSample.gan"))
    if imported is not None:
        grab("import", imported)
    out["dialogs"] = dialogs
    # presentation mode, full screen as F11 makes it: the overview and the first steps of the deck
    window.show_view("Graph")
    settle()
    presentation = window.presentation
    presentation.enter()
    settle()
    steps: list[object] = []
    for step in range(min(4, len(presentation.deck))):
        presentation.go_to(step)
        settle()
        steps.append(
            {"frame": _rect(window.frameGeometry()), "minimum": list(window.minimumSizeHint().toTuple())}
        )
    presentation.leave()
    settle()
    out["presentation"] = steps
    window.discard_and_close()
    settle()
    QApplication.processEvents()
    sys.stdout.write(json.dumps(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
