"""`planner templates` and the New dialog describe each template in a line: the blank template, which has no
description, said only its title ("Untitled plan"), which tells nothing of what it starts with."""

from __future__ import annotations

import json

import pytest

from planner.cli import main
from planner.templates import template_names, template_summary, template_text


def test_a_template_without_a_description_says_what_it_holds() -> None:
    data = json.loads(template_text("blank"))
    assert not data["description"] and not data.get(
        "decisions"
    )  # the case: no words of its own, no decisions
    # by hand from planner/templates/blank.plan.json: four stages, one gate criterion each
    assert template_summary("blank") == (
        "Untitled plan: 4 stages (Validate, Integrate, Operationalize, Scale) with 4 gate criteria; no decisions yet"
    )


def test_a_template_with_a_description_gives_its_first_line() -> None:
    for name in template_names():
        description = json.loads(template_text(name))["description"]
        if description:
            assert template_summary(name) == description.splitlines()[0]


def test_the_templates_command_lists_the_summaries(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "blank Untitled plan: 4 stages (Validate, Integrate, Operationalize, Scale)" in out
