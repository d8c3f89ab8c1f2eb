"""With nothing selected the inspector showed its Decision page: one line of hint in the middle of a third of the
window. It now shows the plan (title, start, stages with their windows), and follows the selection: a decision
selected shows the Decision page, the selection cleared shows the plan again."""

from __future__ import annotations

from tests.ui.s18_screens_support import opened_sample, settle


def test_the_inspector_shows_the_plan_when_nothing_is_selected(qtbot, isolated_settings, sample_path):
    with opened_sample(qtbot, sample_path, (1280, 720)) as w:
        tabs = w.inspector_tabs
        assert w.doc.selection == []
        assert tabs.currentWidget() is w.plan_view
        page = w.plan_view.widget()
        assert page is not None and page.isVisible()
        # Filled, not a hint: the page's contents are taller than the dock shows.
        assert page.height() > w.plan_view.viewport().height()
        w.doc.select(["dpia"])
        settle()
        assert tabs.currentWidget() is w.inspector
        assert w.inspector.form.isVisible()
        w.doc.select(["dpia", "raci"])
        settle()
        assert tabs.currentWidget() is w.inspector  # several: the Decision page's group editor
        w.doc.select([])
        settle()
        assert tabs.currentWidget() is w.plan_view
