"""Sub-commands of ``planner`` beyond the core ones in :mod:`planner.cli`.

Each module here defines ``NAME`` (the sub-command), ``HELP`` (one line), ``add_arguments(parser)`` and
``run(args) -> int``; :mod:`planner.cli` discovers them. Keep heavy imports (matplotlib, Qt, reportlab) inside
``run`` so that ``planner --help`` stays fast.

:mod:`planner.commands.common` is not a command: it holds what they share (``CliError``, ``load``, exit codes, the
findings' text), imported by the commands and by :mod:`planner.cli` alike. :mod:`planner.commands.core` runs the core
commands (check, analyze, new, templates, open) whose arguments :mod:`planner.cli` declares.
"""

NOT_COMMANDS = frozenset({"common", "core"})
"""Modules of this package that are not sub-commands."""
