"""Presentation mode for workshops: the full-screen presenter and its workshop steps."""
