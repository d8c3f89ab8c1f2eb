"""The desktop application (PySide6). The only package that imports Qt.

Entry point: :func:`planner.ui.app.run`. The shared state of a window is a
:class:`planner.ui.document.PlanDocument`; every edit goes through it as a QUndoCommand.
"""

import sys

if sys.version_info < (3, 12):
    # PySide6 6.12 on Python 3.11 releases a reference to None (and to True/False) on every call of a method that returns void
    # (QComboBox.addItem, QPainterPath.lineTo, QGraphicsPathItem.setPath, ...), so a long session ends in
    # "Fatal Python error: none_dealloc". Python 3.12 made None immortal; do the same here. Remove when the
    # project requires Python >= 3.12 or a PySide6 without the bug.
    import ctypes

    for _singleton in (None, True, False):  # bool-returning methods are affected too
        _refcnt = ctypes.c_ssize_t.from_address(id(_singleton))
        if _refcnt.value < (1 << 40):
            _refcnt.value += 1 << 40
    del _refcnt, _singleton, ctypes
