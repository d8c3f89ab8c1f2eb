"""`planner [FILE]` on a Linux machine without a display: one clear line and exit 2, where Qt aborted the process
(exit 134, a core dump and a page of platform-plugin names)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from planner.ui.app import display_problem


@pytest.mark.parametrize(
    ("env", "platform", "blocked"),
    [
        ({}, "linux", True),
        ({"DISPLAY": ""}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),  # the user's choice of platform is theirs
        ({}, "darwin", False),
        ({}, "win32", False),
    ],
)
def test_display_problem(env: dict[str, str], platform: str, blocked: bool) -> None:
    problem = display_problem(env, platform)
    assert (problem is not None) == blocked
    if problem is not None:
        assert "DISPLAY" in problem and "planner screenshot" in problem


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is Linux's (X11/Wayland)")
@pytest.mark.parametrize("args", [[], ["open"], ["sample_plans/bank-assistant.plan.json"]])
def test_open_without_a_display_is_one_clear_error(args: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [sys.executable, "-m", "planner", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("planner: the desktop app needs a display")
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr and done.stdout == ""
