"""``planner screenshot`` renders each view off screen."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtGui import QImage

from planner.commands import screenshot


@pytest.mark.parametrize("view", screenshot.VIEWS)
def test_screenshot_views(qtbot, tmp_path, sample_path, view):
    out = tmp_path / f"{view}.png"
    parser = argparse.ArgumentParser()
    screenshot.add_arguments(parser)
    args = parser.parse_args([str(sample_path), "-o", str(out), "--view", view, "--size", "1200x800"])
    assert screenshot.run(args) == 0
    image = QImage(str(out))
    assert not image.isNull() and image.width() > 200 and image.height() >= 150


def test_screenshot_refuses_unknown_selection(qtbot, tmp_path, sample_path):
    from planner.cli import CliError

    parser = argparse.ArgumentParser()
    screenshot.add_arguments(parser)
    args = parser.parse_args([str(sample_path), "-o", str(tmp_path / "x.png"), "--select", "no-such-id"])
    with pytest.raises(CliError, match="no-such-id"):
        screenshot.run(args)


def test_risk_view_of_a_plan_with_errors_is_rendered_not_waited_for(qtbot, tmp_path, sample_path):
    # A cycle: no schedule, so no simulation can run; the risk tab says so and that is the picture.
    import json

    data = json.loads(sample_path.read_text(encoding="utf-8"))
    first = data["dependencies"][0]
    data["dependencies"].append({"from": first["to"], "to": first["from"]})
    plan_file = tmp_path / "cycle.plan.json"
    plan_file.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "risk.png"
    parser = argparse.ArgumentParser()
    screenshot.add_arguments(parser)
    args = parser.parse_args([str(plan_file), "-o", str(out), "--view", "risk", "--size", "1000x700"])
    assert screenshot.run(args) == 0
    assert not QImage(str(out)).isNull()
