"""The desktop application (PySide6). The only package that imports Qt.

Entry point: :func:`planner.ui.app.run`. The shared state of a window is a
:class:`planner.ui.document.PlanDocument`; every edit goes through it as a QUndoCommand.
"""
