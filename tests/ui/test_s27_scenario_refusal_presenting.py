"""While presenting, a scenario operation from the menu is refused in the presenter bar, where the presenter looks
(session 27): it went only to the status bar, which presentation mode hides, so the menu's Show/New seemed to do
nothing (H-live27's note)."""

from __future__ import annotations

from typing import Any

from tests.ui.s18_screens_support import opened_sample, presenting_graph, settle


def test_a_scenario_switch_from_the_menu_is_refused_in_the_bar(
    qtbot: Any, isolated_settings: Any, sample_path: Any
) -> None:
    with opened_sample(qtbot, sample_path, (1366, 768)) as w, presenting_graph(w) as p:
        assert w.scenario_bar.switch(None) is False
        settle()
        bar = p.bar
        assert bar is not None and bar.notice.isVisible()
        assert bar.notice.text() == "Leave presentation mode (Esc) to switch scenarios."
