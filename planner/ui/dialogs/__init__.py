"""Dialogs: the new-plan chooser and help, the report options, import and export of other tools' files."""
