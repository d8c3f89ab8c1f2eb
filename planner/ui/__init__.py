"""The desktop application (PySide6). The only package that imports Qt.

Entry point: :func:`planner.ui.app.run`. The shared state of a window is a
:class:`planner.ui.state.document.PlanDocument`; every edit goes through it as a QUndoCommand.

PySide6-Essentials 6.12.0 drops a reference to None on every call of a void method under Python 3.11, which ends a
long session in "Fatal Python error: none_dealloc"; pyproject.toml excludes that release rather than patching the
interpreter here.
"""
