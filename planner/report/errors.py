"""Exceptions of the report builder."""

from __future__ import annotations


class ReportCancelled(Exception):
    """The progress callback asked to stop; no output file was written."""


class ReportError(Exception):
    """The report cannot be built or written (``str()`` says why, in words for the user)."""
