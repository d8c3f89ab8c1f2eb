"""The desktop application (PySide6). The only package that imports Qt.

Entry point: :func:`planner.ui.app.run`. The shared state of a window is a
:class:`planner.ui.state.document.PlanDocument`; every edit goes through it as a QUndoCommand.

PySide6-Essentials 6.12.0 drops a reference to None on every call of a void method under Python 3.11, which ends a
long session in "Fatal Python error: none_dealloc"; pyproject.toml excludes that release rather than patching the
interpreter here.
"""

# What ``planner screenshot`` can render. Here, in the package's Qt-free first module, so that the command line
# offers the choices without importing Qt (planner.commands.screenshot) and the renderer (planner.ui.screenshot)
# uses the same tuple.
SCREENSHOT_VIEWS = (
    "window",
    "table",
    "graph",
    "inspector",
    "plan",
    "findings",
    "risk",
    "capacity",
    "gantt",
    "roadmap",
    "stages",
    "critical-path",
    "presentation",
    "cost",
    "coverage",
)
