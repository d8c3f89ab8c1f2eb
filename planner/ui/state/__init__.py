"""The document the views share: the open plan, its undo stack and live analysis, the undoable edits,
crash recovery, outside changes to the file, scenarios, settings and the background runner."""
