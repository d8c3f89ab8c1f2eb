"""Starting the desktop app: ``run(path)`` creates the QApplication, shows the window and returns the exit code.

Heavy modules (matplotlib, reportlab) are not imported here; views that need them import them when first shown.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType, TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from planner.model import Plan
    from planner.ui.main_window import MainWindow

log = logging.getLogger("planner")


def _setup_logging() -> Path | None:
    from planner.ui.state.settings import data_dir

    try:
        path = data_dir() / "planner.log"
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def install_excepthook(log_path: Path | None) -> None:
    """Unexpected errors are logged and shown in a message box; the app keeps running (never a traceback)."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    showing: list[QMessageBox] = []

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("unexpected error:\n%s", text)
        if showing or QApplication.instance() is None:
            return  # one box at a time; the rest is in the log
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "Unexpected error",
            f"Something went wrong: {exc_type.__name__}: {exc}",
            QMessageBox.StandardButton.Ok,
            QApplication.activeWindow(),
        )
        box.setInformativeText(
            "Your plan is still open and your changes are kept; please save your work. "
            + (f"Details are in {log_path}." if log_path else "")
        )
        box.setDetailedText(text)
        showing.append(box)
        box.finished.connect(lambda _r: showing.clear())
        box.open()

    sys.excepthook = hook


def app_icon() -> QIcon:
    """The application icon, from the PNG sizes shipped in the package (no SVG plugin needed).

    Files on disk are added by name and size, so Qt decodes each PNG only when a window system asks for that size
    (~9 ms for all nine at start-up otherwise); a zipped install's are read and decoded here."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon, QPixmap

    from planner.desktop import icon_pngs

    icon = QIcon()
    for size, node in icon_pngs().items():
        if isinstance(node, Path):
            icon.addFile(str(node), QSize(size, size))
            continue
        pixmap = QPixmap()
        if pixmap.loadFromData(node.read_bytes(), "PNG"):
            icon.addPixmap(pixmap)
    return icon


def _read_module_source(module: ModuleType) -> str | None:
    """The source of a module loaded from a UTF-8 ``.py`` file (its ``__file__``, as :mod:`inspect` reads it), read
    directly; None when there is no such file to read."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return None
    try:
        with open(path, "rb") as f:
            return f.read().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def quicken_pyside_imports() -> None:
    """Make PySide6's check of each newly imported module cheap; what it decides is unchanged.

    Once imported, PySide6 looks at every module imported after it for the text "PySide6" (a module that mentions
    it may opt into ``from __feature__ import ...``). It reads the source with :func:`inspect.getsource`, which
    scans every loaded module each time (:func:`inspect.getmodule`): quadratic in the ~450 modules of a start-up,
    ~30-50 ms before the window's first paint. The same test on the module's ``.py`` file read directly gives the
    same answer; anything else (extension modules, zipped installs) still goes through PySide6's own check. A
    PySide6 without this internal hook (``_mod_uses_pyside``) is left as it is."""
    import PySide6  # noqa: F401  (sets up the import hook this adjusts)

    feature = sys.modules.get("PySide6.support.feature")
    check = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(check) or hasattr(check, "pyside_check"):
        return  # not this PySide6, or done already

    def mod_uses_pyside(module: ModuleType) -> bool:
        source = _read_module_source(module)
        return bool(check(module)) if source is None else "PySide6" in source

    mod_uses_pyside.pyside_check = check  # type: ignore[attr-defined]  # PySide6's own (tests compare the two)
    setattr(feature, "_mod_uses_pyside", mod_uses_pyside)  # noqa: B010  (a module's private name)


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the app's names, style and palette (reused when one exists)."""
    quicken_pyside_imports()
    from PySide6.QtWidgets import QApplication

    from planner.ui import theme
    from planner.ui.state import settings

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if existing is not None:
        raise RuntimeError(
            "a QCoreApplication without widgets already exists; the planner needs a QApplication"
        )
    quiet_locale_note()
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("Scaling Roadmap Planner")
    app.setWindowIcon(app_icon())  # every window and dialog, and the About box
    # Wayland and the task bar match the window to the installed desktop entry by this name.
    from planner.desktop import APP_ID

    app.setDesktopFileName(APP_ID)
    theme.apply_theme(app)
    theme.follow_system(app)
    return app


def quiet_locale_note() -> None:
    """Under a locale that is not UTF-8 (``LC_ALL=C`` on a bare server or in a container), leave out Qt's four-line
    note that it "has switched to C.UTF-8 instead", printed at every start of the app and of ``planner screenshot``:
    the switch is what the planner needs (file names and titles in any script), so there is nothing to act on.
    Every other Qt message goes where it went."""
    import locale

    if locale.nl_langinfo(locale.CODESET).replace("-", "").upper() != "UTF8":
        _leave_out_qt_messages(lambda m: m.startswith("Detected locale ") and "which is not UTF-8" in m)


def quiet_offscreen_messages() -> None:
    """Leave out the offscreen platform's note about window size hints ("This plugin does not support
    propagateSizeHints()"), printed at every window shown without a screen (screenshots, smoke tests, CI); every
    other Qt message goes where it went."""
    _leave_out_qt_messages(lambda m: "propagateSizeHints" in m)


def _leave_out_qt_messages(left_out: Callable[[str], bool]) -> None:
    """Install a Qt message handler that drops the messages ``left_out`` says and passes every other on to the
    handler before it (or writes it to stderr, debug messages aside, as Qt's own does)."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    previous = None

    def handler(mode: QtMsgType, context: object, message: str) -> None:
        if left_out(message):
            return
        if previous is not None:
            previous(mode, context, message)
        elif mode != QtMsgType.QtDebugMsg:
            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(handler)


QT_SYSTEM_LIBRARIES = "libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3"
"""The system libraries Qt's widgets need on a bare Linux image (Debian/Ubuntu names; README, .ci/run)."""


def qt_problem() -> str | None:
    """Why Qt's widgets cannot be loaded here, or None: on a bare machine a system library Qt needs is missing
    (``libxkbcommon.so.0: cannot open shared object file``), which surfaced as an internal error of the app and of
    ``planner screenshot``; this says it in one line, and what to install."""
    try:
        import PySide6.QtWidgets  # noqa: F401  (loading it is the check)
    except ImportError as exc:
        return (
            f"the desktop app cannot start: Qt cannot be loaded ({exc}); install the system libraries it needs "
            f"(on Debian or Ubuntu: apt-get install {QT_SYSTEM_LIBRARIES}) or reinstall PySide6-Essentials"
        )
    return None


def display_problem(environ: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """Why the app cannot show a window here, or None. On Linux without a display (no ``DISPLAY`` or
    ``WAYLAND_DISPLAY``: a server, a container, an SSH session without X forwarding) Qt would abort the process
    (exit 134, a core dump and a page of plugin names) when the application is made; this says it in one line
    instead, and what to do. A platform the user chose (``QT_QPA_PLATFORM``, e.g. ``offscreen``) is theirs."""
    env = os.environ if environ is None else environ
    system = sys.platform if platform is None else platform
    if not system.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return (
        "the desktop app needs a display, and this session has none (DISPLAY and WAYLAND_DISPLAY are unset); "
        "run it in a desktop session or over `ssh -X`. Without a display, `planner screenshot FILE -o OUT.png` "
        "renders any view of the app, and the other commands (analyze, report, export...) need no display"
    )


def start_as_asked(window: MainWindow, *, present: bool, scenario: str | None) -> None:
    """After the plan opened: switch to ``scenario`` (an unknown name is said in a message box, with the names the
    plan has; the base stays shown), then enter presentation mode when ``present``."""
    if scenario is not None:
        from planner.model.scenarios import BASE, is_base

        names = [s.name for s in window.doc.plan.scenarios]
        if scenario in names:
            window.scenario_bar.switch(scenario)
        elif not is_base(scenario):
            window.show_error(
                "No such scenario",
                f"{window.doc.plan.title} has no scenario called {scenario!r}; the base plan is shown.",
                "Scenarios of this plan: " + ", ".join([BASE, *names]),
            )
    if present:
        window.presentation.enter()


def run(
    path: str | None, *, plan: Plan | None = None, present: bool = False, scenario: str | None = None
) -> int:
    """Open the app on ``path`` (None: the bundled sample plan; or ``plan``, read elsewhere, as a new unsaved
    plan: ``planner open -`` reads it from standard input), showing ``scenario`` when given and presenting (full
    screen) with ``present`` (``planner open --scenario NAME --present``). Returns the exit code.

    The window is shown first and the plan is read right after, from the event loop: reading and analysing the
    plan (pydantic, numpy) then happens after the first paint, so the window appears as early as possible."""
    # One OpenBLAS thread and a matplotlib folder that can be written (planner.startup), as planner.cli.main sets
    # for every command; this covers callers of run() that do not come through it. The user's own settings win.
    from planner.startup import prepare_environment

    prepare_environment()
    from PySide6.QtCore import QTimer

    if os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        quiet_offscreen_messages()
    app = create_application()
    log_path = _setup_logging()
    install_excepthook(log_path)
    from planner import units
    from planner.ui.main_window import MainWindow

    window = MainWindow()
    if path is not None:
        window.show_message(f"Opening {Path(path).name}…", 0)
    window.show()

    def load() -> None:
        opened = True
        if plan is not None:
            window.adopt_imported(
                plan, "Opened the plan read from standard input: not saved yet (Save As keeps it)"
            )
        elif path is None:
            from planner.desktop import sample_plan_path

            sample = sample_plan_path()
            if sample is not None:
                window.open_file(sample)
                window.doc.set_path(None)  # the bundled sample is a template: Save asks where
        elif not window.open_file(path):
            window.status.clearMessage()
            opened = False  # the message box says why; nothing to show or present
        if opened:
            start_as_asked(window, present=present, scenario=scenario)
        window.check_settings()
        window.check_recovery()
        if os.environ.get("PLANNER_EXIT_AFTER_OPEN"):
            QTimer.singleShot(0, report_and_quit)

    def report_and_quit() -> None:
        # Smoke tests and start-up timing of an installed copy or the bundle: say what opened, then quit.
        sys.stdout.write(
            f"opened {window.windowTitle().replace('[*]', '')!r}: "
            f"{units.count(len(window.doc.plan.decisions), 'decision')}\n"
        )
        sys.stdout.flush()
        window.discard_and_close()
        app.quit()

    QTimer.singleShot(0, load)
    return int(app.exec())
