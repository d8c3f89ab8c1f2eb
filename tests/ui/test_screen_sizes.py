"""The app on screens of other sizes: the window never opens larger than the screen's available geometry, a geometry
saved on a bigger screen comes back onto a smaller one, every dialog fits, and the views keep a usable size.

In-process tests use the test session's offscreen screen (800x800); ``screen_probe`` runs the app in a child process
on an offscreen screen of any size (800x600, 1024x768, and 2560x1440 at scale factor 2)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from planner.ui import screen_fit
from planner.ui.views.elided import ElidedLabel
from tests.ui.conftest import REPO, SAMPLES


def _settle() -> None:
    for _ in range(6):
        QApplication.processEvents()


def _available(widget: QWidget) -> QRect:
    return screen_fit.available_area(widget)


# -- the arithmetic ----------------------------------------------------------------------------------------------
def test_fitted_shrinks_and_moves_a_rect_into_the_area():
    area = QRect(0, 0, 1024, 768)
    # 1400x860 at (10, 20): bounded to the area, then moved to its top left
    assert screen_fit.fitted(QRect(10, 20, 1400, 860), area) == QRect(0, 0, 1024, 768)
    # fits, but hangs 100 px off the right and 50 px off the bottom: moved back, size kept
    assert screen_fit.fitted(QRect(624, 418, 500, 400), area) == QRect(524, 368, 500, 400)
    # off the top left (a second screen now gone): moved in
    assert screen_fit.fitted(QRect(-900, -40, 300, 200), area) == QRect(0, 0, 300, 200)
    # already inside: unchanged
    assert screen_fit.fitted(QRect(100, 100, 300, 200), area) == QRect(100, 100, 300, 200)
    # an area not at the origin (a task bar on the left, 40 px)
    assert screen_fit.fitted(QRect(0, 0, 900, 700), QRect(40, 0, 760, 600)) == QRect(40, 0, 760, 600)


def test_initial_geometry_is_the_preferred_size_or_the_screen_centred():
    assert screen_fit.initial_geometry(QRect(0, 0, 1920, 1080)) == QRect(260, 110, 1400, 860)
    assert screen_fit.initial_geometry(QRect(0, 0, 1366, 768)) == QRect(0, 0, 1366, 768)
    assert screen_fit.initial_geometry(QRect(0, 0, 1440, 900)) == QRect(20, 20, 1400, 860)
    assert screen_fit.initial_geometry(QRect(0, 0, 800, 600)) == QRect(0, 0, 800, 600)


def test_elided_label_gives_way_and_keeps_its_text(qtbot):
    label = ElidedLabel("Finish: week 35.5 (5 Nov 2027)")
    label.setToolTip("When the plan finishes")
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)
    full = label.sizeHint().width()
    assert label.minimumSizeHint().width() < full / 2  # a narrow window may squeeze it
    label.resize(full // 2, label.sizeHint().height())
    assert label.is_elided() and label.text() == "Finish: week 35.5 (5 Nov 2027)"
    assert label.toolTip().startswith("Finish: week 35.5 (5 Nov 2027)")  # the whole text stays readable
    label.setText("Finish: week 3")  # shorter: the hint does not shrink (the status bar stays still)
    assert label.sizeHint().width() == full
    label.resize(full, label.height())
    assert not label.is_elided() and label.toolTip() == "When the plan finishes"
    label.close()


# -- the window on the test screen (800x800) -----------------------------------------------------------------
def test_main_window_opens_inside_the_screen(window):
    # at once when shown (the offscreen frame is known then), not only after the event loop's next turn
    assert _available(window).contains(window.frameGeometry()), window.frameGeometry()
    _settle()
    area = _available(window)
    assert area.contains(window.frameGeometry()), (window.frameGeometry(), area)
    assert window.minimumSizeHint().width() <= area.width()
    assert window.minimumSizeHint().height() <= area.height()
    # the views and the docks keep a usable size
    assert window.views.width() >= 300 and window.views.height() >= 200
    assert window.inspector_dock.width() >= 180
    assert window.findings_dock.height() >= 60


def test_geometry_saved_on_a_bigger_screen_comes_back_onto_this_one(qtbot, isolated_settings):
    from planner.ui.main_window import MainWindow

    big = MainWindow(persist_layout=False)
    qtbot.addWidget(big)
    big.setGeometry(2600, 1500, 2400, 1300)  # on a 4K screen, right of and below this one
    QSettings().setValue("window/geometry", big.saveGeometry())
    big.discard_and_close()
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    _settle()
    area = _available(w)
    assert area.contains(w.frameGeometry()), (w.frameGeometry(), area)
    assert w.width() >= 400 and w.height() >= 400
    w.discard_and_close()


def test_screenshot_sizes_bigger_than_the_screen_are_kept(qtbot, isolated_settings):
    # `planner screenshot --size 1920x1080` renders off-screen at that size whatever the screen: only the first,
    # screen-chosen size is fitted, never one the code asked for.
    from planner.ui.main_window import MainWindow

    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.resize(1920, 1080)
    w.show()
    qtbot.waitExposed(w)
    _settle()
    assert w.size() == QSize(1920, 1080)
    w.discard_and_close()


def _dialogs(w) -> list[tuple[str, QWidget]]:
    from planner.ui.dialogs.basic import NewPlanDialog
    from planner.ui.dialogs.interop import start_import

    new_plan = NewPlanDialog(w)
    new_plan.open()
    found = [
        ("report", w.export_report()),
        ("about", w.about()),
        ("error", w.show_error("Cannot open", "plan.json could not be opened.", "line 3: " + "word " * 80)),
        ("compare", w.scenario_bar.show_compare()),
        ("new plan", new_plan),
        ("shortcuts", w.workbench.show_shortcuts()),
    ]
    imported = start_import(w, str(REPO / "tests" / "io" / "data" / "HouseBuildingSample.gan"))
    assert imported is not None
    found.append(("import", imported))
    return found


def test_every_dialog_fits_the_screen(sample_window):
    w = sample_window
    area = _available(w)
    for name, dialog in _dialogs(w):
        _settle()
        assert dialog.isVisible(), name
        assert area.contains(dialog.frameGeometry()), (name, dialog.frameGeometry(), area)
        hint = dialog.minimumSizeHint()
        assert hint.width() <= area.width() and hint.height() <= area.height(), (name, hint)
        if isinstance(dialog, QDialog):
            dialog.done(0)
        else:
            dialog.close()
        _settle()


def test_a_dialog_sized_larger_than_the_screen_is_bounded(window):
    dialog = QDialog(window)
    dialog.resize(3000, 2000)
    dialog.open()
    _settle()
    area = _available(window)
    assert area.contains(dialog.frameGeometry()), (dialog.frameGeometry(), area)
    # shown again after its code moved it off the screen: back on it
    dialog.done(0)
    dialog.move(5000, 5000)
    dialog.open()
    _settle()
    assert area.contains(dialog.frameGeometry()), (dialog.frameGeometry(), area)
    dialog.done(0)


# -- other screens, in a child process -------------------------------------------------------------------------
def _probe(width: int, height: int, scale: str = "1", plan: str = "bank-assistant") -> dict:
    env = dict(os.environ, QT_SCALE_FACTOR=scale)
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.ui.screen_probe",
            str(width),
            str(height),
            str(SAMPLES / f"{plan}.plan.json"),
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("width", "height", "scale", "plan"),
    [
        (800, 600, "1", "bank-assistant"),
        (800, 600, "1", "ai-portfolio"),  # 196 decisions, wider coverage choices, four stage steps
        (1024, 768, "1", "bank-assistant"),
        (2560, 1440, "2", "bank-assistant"),
    ],
    ids=["800x600", "800x600-portfolio", "1024x768", "2560x1440-scale2"],
)
def test_the_app_fits_other_screens(width, height, scale, plan):
    out = _probe(width, height, scale, plan)
    area = QRect(*out["available"])
    factor = float(scale)
    assert area.size() == QSize(round(width / factor), round(height / factor))  # the screen we asked for
    assert area.contains(QRect(*out["window_first"])), out["window_first"]
    for name, tab in out["tabs"].items():
        assert area.contains(QRect(*tab["frame"])), (
            name,
            tab,
        )  # no tab makes the window grow past the screen
        assert tab["minimum"][0] <= area.width() and tab["minimum"][1] <= area.height(), (name, tab)
        assert tab["page"][0] >= 300 and tab["page"][1] >= 200, (name, tab)  # every view keeps a usable size
    inspector, findings = out["docks"]["inspectorDock"], out["docks"]["findingsDock"]
    assert inspector[0] >= 180 and findings[1] >= 60, out["docks"]
    form_needs, viewport = out["inspector"]
    assert form_needs <= viewport, f"the inspector's fields are cut: it needs {form_needs} px, has {viewport}"
    for name, dialog in out["dialogs"].items():
        assert dialog["visible"], name
        assert area.contains(QRect(*dialog["frame"])), (name, dialog)
        assert dialog["minimum"][0] <= area.width() and dialog["minimum"][1] <= area.height(), (name, dialog)
    assert out["presentation"], "no presentation steps"
    for k, step in enumerate(out["presentation"]):
        assert area.contains(QRect(*step["frame"])) or QRect(*step["frame"]).size() == area.size(), (k, step)
        assert step["minimum"][0] <= area.width() and step["minimum"][1] <= area.height(), (k, step)


def test_room_scale_follows_the_screen_outside_the_range_it_was_made_for():
    from planner.ui.presentation.mode import room_scale

    assert room_scale(QRect(0, 0, 1920, 1080)) == 1.0
    assert room_scale(QRect(0, 0, 1280, 720)) == 1.0
    assert room_scale(QRect(0, 0, 1366, 768)) == 1.0
    assert room_scale(QRect(0, 0, 3840, 2160)) == 2.0  # 4K at scale factor 1
    assert room_scale(QRect(0, 0, 2560, 1440)) == pytest.approx(4 / 3)
    assert room_scale(QRect(0, 0, 1024, 768)) == pytest.approx(0.8)  # 1024 / 1280
    assert room_scale(QRect(0, 0, 800, 600)) == pytest.approx(0.625)  # 800 / 1280
    assert room_scale(QRect(0, 0, 640, 400)) == 0.6  # bounded
    assert room_scale(QRect(0, 0, 7680, 4320)) == 2.5  # bounded


def test_a_chart_too_short_for_its_labels_scrolls_instead_of_overlapping(qtbot):
    from planner.ui.views.figure_view import FigureView

    drawn: list[tuple[float, float]] = []
    view = FigureView(
        lambda fig: drawn.append(tuple(fig.get_size_inches())), "chart", readable_size=lambda dpi: (300, 280)
    )
    qtbot.addWidget(view)
    view.resize(500, 150)  # a short window: 150 px where the labels need 280
    view.show()
    qtbot.waitExposed(view)
    view.redraw()
    dpi = view.figure.dpi / (view.canvas.device_pixel_ratio or 1)
    width, height = drawn[-1]
    assert round(height * dpi) == 280  # drawn at its readable height...
    assert view.scroll_area is not None and view.canvas.minimumHeight() == 280  # ...and scrolled
    bar = view.scroll_area.verticalScrollBar().sizeHint().width()
    assert round(width * dpi) == 500 - bar  # the scroll bar's room comes off the width
    view.resize(500, 400)  # tall enough: the whole view, no scrolling
    qtbot.waitUntil(lambda: view.height() == 400)
    view.redraw()
    assert [round(v * dpi) for v in drawn[-1]] == [500, 400]
    view.close()


def test_elided_label_measures_a_bold_style_sheet(qtbot):
    # the findings count is made bold by a style sheet after its text is set: it must not be elided with room
    label = ElidedLabel("0 errors · 4 warnings")
    qtbot.addWidget(label)
    plain = label.sizeHint().width()
    label.setStyleSheet("color: #b8860b; font-weight: bold;")
    label.show()
    qtbot.waitExposed(label)
    label.resize(label.sizeHint())
    QApplication.processEvents()
    assert label.sizeHint().width() > plain
    assert not label.is_elided()
    label.close()
