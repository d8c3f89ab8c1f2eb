"""Under an ASCII locale (LC_ALL=C: a bare server, a container), Qt printed a four-line note at every start of the
app and of `planner screenshot` ("Detected locale "C" ... has switched to "C.UTF-8" instead ... reconfigure your
locale"): nothing for the user to do, since UTF-8 is what the planner needs. It is left out; other messages stay."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = (
    "from PySide6.QtCore import qWarning\n"
    "from planner.ui.app import create_application\n"
    "app = create_application()\n"
    "qWarning('another message')\n"
)


def test_no_locale_note_under_lc_all_c() -> None:
    env = {**os.environ, "LC_ALL": "C", "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONIOENCODING", None)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "Detected locale" not in done.stderr, done.stderr
    assert "another message" in done.stderr  # the rest still reaches stderr
