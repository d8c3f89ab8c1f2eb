"""The app saves baselines by the command line's rule (H-unseen24 found the app matching names exactly): a name
alike to the eye (another Unicode form of 'Café') replaces that baseline, and a plan already holding the most
baselines a plan file may hold gets a message instead of a file that would not load."""

from __future__ import annotations

import unicodedata

from planner.model.limits import MAX_BASELINES


def test_a_name_in_another_unicode_form_replaces(sample_window) -> None:
    w = sample_window
    nfc, nfd = unicodedata.normalize("NFC", "Café"), unicodedata.normalize("NFD", "Café")
    assert nfc != nfd
    assert w.save_baseline(nfc)
    assert w.save_baseline(nfd)
    assert len(w.doc.plan.baselines) == 1
    assert w.doc.undo_stack.undoText() == f"Replace Baseline '{nfd}'"
    assert "Replaced baseline" in w.statusBar().currentMessage()


def test_no_more_baselines_than_a_file_holds(sample_window) -> None:
    doc = sample_window.doc
    assert doc.save_baseline("b0") is None
    first = doc.plan.baselines[0]
    doc.plan.baselines.extend(first.model_copy(update={"name": f"b{k}"}) for k in range(1, MAX_BASELINES))
    problem = doc.save_baseline("one more")
    assert problem is not None and f"already has {MAX_BASELINES} baselines" in problem
    assert len(doc.plan.baselines) == MAX_BASELINES
    assert doc.save_baseline("b7") is None  # replacing one is still fine
    assert len(doc.plan.baselines) == MAX_BASELINES
