"""File > Export Chart's suggested name keeps the chart's name when the plan's title is long (session 31).

Exporting the Gantt of the bank sample while a scenario was shown (the title then reads '… - scenario: Faster
hiring …') suggested 'Customer-service GenAI assistant in a regulated bank - scenario- Faster hiring w.png': the
80-character cap cut the chart's name off, so the Gantt, the roadmap and the cost chart were all offered the same
file, each replacing the last. The title is shortened instead; the chart's name stays whole."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planner.ui.workbench import EXPORT_CHARTS, safe_file_name

LONG = "Customer-service GenAI assistant in a regulated bank - scenario: Faster hiring with a longer name"


def test_a_long_title_leaves_the_chart_name_whole(window: Any, tmp_path: Path) -> None:
    window.doc.set_path(str(tmp_path / "bank.plan.json"))
    window.doc.plan.title = LONG
    bench = window.workbench
    names = {}
    for name, title in EXPORT_CHARTS.items():
        path = Path(bench.default_export_path(name))
        assert path.parent == tmp_path
        assert path.suffix == ".png"
        assert path.stem.endswith(" - " + safe_file_name(title)), path.name
        assert path.stem.startswith("Customer-service GenAI")
        assert len(path.stem) <= 80
        names[name] = path.name
    assert len(set(names.values())) == len(names)  # one file per chart


def test_a_short_title_is_kept_whole(window: Any, tmp_path: Path) -> None:
    window.doc.set_path(str(tmp_path / "bank.plan.json"))
    window.doc.plan.title = "Fraud detection"
    assert Path(window.workbench.default_export_path("gantt")).name == "Fraud detection - Gantt.png"
