"""The dependency-graph canvas: decisions as cards in stage columns, dependencies as arrows.

``plan.layout`` stores a moved card's top-left corner in scene pixels (100 % zoom); cards without a saved
position go where :func:`planner.analysis.layout.layered_layout` puts them.
"""

from planner.ui.canvas.view import GraphCanvas

__all__ = ["GraphCanvas"]
