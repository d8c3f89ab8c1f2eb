"""Import and export of other formats (no Qt).

The plan's own format lives in :mod:`planner.model.io`. This package is where converters to and from other tools'
formats go; it holds none yet.
"""
