"""``planner install-desktop [--uninstall]``: the icon, the menu entry and the plan file type for this user."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planner import units

NAME = "install-desktop"
HELP = "add the planner to this user's application menu and open *.plan.json files with it (Linux)"
DESCRIPTION = (
    "Install the application icon, a desktop entry and the MIME type application/x-scaling-roadmap-plan "
    "(*.plan.json) into the user's XDG data folder ($XDG_DATA_HOME, by default ~/.local/share), so that the "
    "planner appears in the application menu and double-clicking a plan file opens it. The entry starts this "
    "copy of the planner (the bundle's executable or this installation's `planner`). --uninstall removes exactly "
    "the files that were installed."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--uninstall", action="store_true", help="remove what an earlier install-desktop installed"
    )


def run(args: argparse.Namespace) -> int:
    from planner import desktop
    from planner.commands.common import CliError

    home = desktop.data_home()
    verb = "uninstall" if args.uninstall else "install"
    if not args.uninstall:
        # a file where one of the folders must be is found before anything is written: install stopped at the
        # first such folder and left the files before it in place, listed in no manifest (uninstall kept them)
        for rel in [*desktop.desktop_files(), desktop.MANIFEST]:
            target = home / rel
            blocker = next((p for p in target.parents if p.exists() and not p.is_dir()), None)
            if blocker is not None:
                raise _blocked(home, verb, blocker, " (nothing was installed)")
    try:
        result = desktop.uninstall(home) if args.uninstall else desktop.install(home)
    except OSError as exc:
        failed = Path(exc.filename) if isinstance(exc.filename, str) else home
        # XDG_DATA_HOME naming a file said only "File exists"; say which file stands where a folder must be
        blocker = next((p for p in (failed, *failed.parents) if p.exists() and not p.is_dir()), None)
        if blocker is not None and (blocker != failed or failed == home):  # not the file being written
            raise _blocked(home, verb, blocker) from None
        where = f" {failed}:" if failed != home else ""
        raise CliError(
            f"{home}: cannot {verb}:{where} {getattr(exc, 'strerror', None) or exc}"
            + (
                "; the folder must be yours to write (or set XDG_DATA_HOME to one that is)"
                if isinstance(exc, PermissionError)
                else ""
            )
        ) from None
    out = sys.stdout
    if args.uninstall:
        if not result.files:
            out.write(f"Nothing to remove: install-desktop has not installed anything in {home}.\n")
            return 0
        out.write(f"Removed {units.count(len(result.files), 'file')} from {home}.\n")
    else:
        out.write(f"Installed {units.count(len(result.files), 'file')} into {home}:\n")
        for path in result.files:
            out.write(f"  {path}\n")
        out.write(f"Plan files (*.plan.json) now open with: {' '.join(desktop.launcher_command())}\n")
    if result.tools_run:
        out.write(f"Refreshed the desktop's caches with {', '.join(result.tools_run)}.\n")
    if result.tools_missing:
        out.write(
            f"Not found (the desktop picks the changes up at next login): {', '.join(result.tools_missing)}.\n"
        )
    for problem in result.tool_errors:
        sys.stderr.write(f"planner: warning: {problem}\n")
    return 0


def _blocked(home: Path, verb: str, blocker: Path, after: str = "") -> Exception:
    """The error of a file standing where one of the install's folders must be."""
    from planner.commands.common import CliError

    return CliError(
        f"{home}: cannot {verb}: Not a directory ({blocker} is a file, where a folder must be); "
        f"move it away, or set XDG_DATA_HOME to a folder of yours{after}"
    )
