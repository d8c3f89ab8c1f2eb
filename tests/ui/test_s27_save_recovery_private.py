"""A crash-recovery snapshot holds the plan's unsaved content: it was written 0644 in the app's data folder, which
on many machines every local user can read (a home folder 0755). Snapshots are this user's alone (0600), and a
recovery folder the app makes is 0700."""

from __future__ import annotations

import stat

from planner.ui.state import recovery


def test_a_snapshot_is_readable_by_this_user_alone(qtbot, window) -> None:
    window.doc.add_decision("Unsaved, confidential")
    window.write_recovery()
    path = window.recovery.path
    assert path.exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    window.doc.add_decision("A second snapshot")
    window.write_recovery()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # the rewrite keeps it so
    assert stat.S_IMODE(recovery.recovery_dir().stat().st_mode) == 0o700
