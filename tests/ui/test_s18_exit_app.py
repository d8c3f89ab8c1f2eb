"""The app quits cleanly after a real session: open a plan, edit it (a macro step too, undone and redone), present,
simulate, export the report, close (answering Discard) and quit. The child process runs the app's own entry point
(:func:`planner.ui.app.run`) and collects the garbage once the event loop has returned, as the interpreter would at
exit: exit code 0, every step done, and nothing on stderr (no "QThread: Destroyed while thread is still running",
no Qt warning, no traceback).

Run as a script (``python test_s18_exit_app.py PLAN OUT_DIR``) it is that child."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Generator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "sample_plans" / "bank-assistant.plan.json"
STEPS = ["opened", "edited", "presented", "simulated", "report written", "closed", "quit 0", "collected"]

Wait = Callable[[], object]


def _session(out: Path) -> Generator[Wait, None, None]:
    """The user's session, step by step; each ``yield`` waits until the condition it yields holds."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from planner.ui.main_window import MainWindow

    def window() -> MainWindow | None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        return found[0] if found else None

    yield lambda: (w := window()) is not None and len(w.doc.plan.decisions) > 0 and w.doc.analysis_current
    w = window()
    assert w is not None
    doc = w.doc
    print("opened", flush=True)

    first, last = doc.plan.decisions[0].id, doc.plan.decisions[-1].id
    assert doc.edit_decision(first, title="Renamed before quitting") is None
    doc.delete_decisions([last])  # one macro: the decision, its links, its risks' references
    doc.undo_stack.undo()
    doc.undo_stack.redo()
    yield lambda: doc.analysis_current
    print("edited", flush=True)

    w.presentation.enter()
    yield lambda: w.presentation.active
    w.presentation.leave()
    yield lambda: not w.presentation.active
    print("presented", flush=True)

    assert w.simulation.start(500, 7)
    yield lambda: w.simulation.last is not None and not w.simulation.running
    print("simulated", flush=True)

    written: list[str] = []
    failed: list[str] = []
    dialog = w.export_report()
    dialog.report_written.connect(written.append)
    dialog.export_failed.connect(failed.append)
    dialog.path_edit.setText(str(out / "report.pdf"))
    assert dialog.start()
    yield lambda: written or failed
    assert not failed, failed
    print("report written", flush=True)

    w.close()  # modified: Save / Discard / Cancel
    yield lambda: w.active_prompt is not None
    prompt = w.active_prompt
    assert prompt is not None
    # the event loop may end as the last window closes, before another tick of this session: say it from there
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.lastWindowClosed.connect(lambda: print("closed", flush=True) if not w.isVisible() else None)
    prompt.button(QMessageBox.StandardButton.Discard).click()
    yield lambda: not w.isVisible()


def _drive(out: Path) -> QTimer:
    """Run :func:`_session` from a timer of the app (every 20 ms); a failed step ends the process (exit 3)."""
    from PySide6.QtCore import QTimer

    steps = _session(out)
    waiting: list[Wait] = [next(steps)]
    timer = QTimer()

    def tick() -> None:
        try:
            if waiting[0]():
                waiting[0] = next(steps)
        except StopIteration:
            timer.stop()
        except Exception:  # noqa: BLE001 - any failed step: say where (stderr) and end the child
            import traceback

            traceback.print_exc()
            os._exit(3)

    timer.timeout.connect(tick)
    timer.start(20)
    QTimer.singleShot(120_000, lambda: (print("session timed out", file=sys.stderr, flush=True), os._exit(4)))
    return timer


def child(plan: str, out: str) -> None:
    import gc

    from planner.ui.app import create_application, run

    create_application()
    timer = _drive(Path(out))
    code = run(plan)
    print(f"quit {code}", flush=True)
    timer.stop()
    gc.collect()  # what the interpreter does at exit, here, on purpose
    print("collected", flush=True)


def test_a_full_session_quits_with_exit_code_0_and_a_clean_stderr(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),  # the user's settings are never touched
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PLANNER_DATA_DIR": str(tmp_path / "data"),
        "PYTHONFAULTHANDLER": "1",  # a crash prints where, for the assertion message
    }
    env.pop("PLANNER_EXIT_AFTER_OPEN", None)
    done = subprocess.run(
        [sys.executable, __file__, str(SAMPLE), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=150,
        env=env,
        cwd=tmp_path,
    )
    lines = done.stdout.splitlines()
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    assert [line for line in lines if line in STEPS] == STEPS, lines
    assert done.stderr == "", done.stderr
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


if __name__ == "__main__":
    child(sys.argv[1], sys.argv[2])
