"""Names in what a scenario changes (``describe_changes``: the report, the Compare view, ``planner scenarios``) are
quoted by the one rule, :func:`planner.units.quoted`: in quotes and on one line. They were put in curly quotes
built on the spot, so a decision, team, stage or risk named with a line break broke the sentence over two lines, and
a name holding a quote mark read as where the name ended."""

from __future__ import annotations

from planner.model import Decision, Risk, Scenario, Stage, Team, new_plan
from planner.model.plan import DecisionOverride, Dependency, LinkRef, RiskOverride, TeamOverride
from planner.model.scenarios import describe_changes
from planner.units import quoted

HOSTILE = 'The "fast" path\nphase two ' + "x" * 200  # quotes, a line break, more than 200 characters


def test_every_name_in_a_change_is_quoted_on_one_line() -> None:
    plan = new_plan()
    plan.stages.append(Stage(id="later", name=HOSTILE + " stage"))
    plan.teams = [Team(id="p", name=HOSTILE + " team", capacity=2), Team(id="q", name="Q\nteam")]
    plan.decisions = [
        Decision(id="a", title=HOSTILE, stage=plan.stages[0].id, duration=3, owner="p"),
        Decision(id="b", title="B\tsecond", stage=plan.stages[0].id, duration=2),
        Decision(id="c", title="C\n", stage=plan.stages[0].id, duration=1),
    ]
    plan.dependencies = [Dependency.model_validate({"from": "a", "to": "b"})]
    plan.risks = [Risk(id="r", title=HOSTILE + " risk", probability=0.5, impact=1)]
    scenario = Scenario(
        name=HOSTILE[:100],
        decisions={"a": DecisionOverride(owner="q", stage="later", duration=2)},
        teams={"p": TeamOverride(capacity=4)},
        risks={"r": RiskOverride(probability=0.25)},
        drop_decisions=["c"],
        add_decisions=[Decision(id="n", title=HOSTILE + " added", stage="later", duration=1)],
        add_dependencies=[Dependency.model_validate({"from": "n", "to": "b"})],
        remove_dependencies=[LinkRef.model_validate({"from": "a", "to": "b"})],
    )
    lines = describe_changes(plan, scenario)
    assert len(lines) == 7
    for line in lines:
        assert "\n" not in line and "\t" not in line and "\u2018" not in line and "\u2019" not in line
    a, drop, add, unlink, link, team, risk = lines
    assert a.startswith(quoted(HOSTILE) + " takes 2 weeks (was 3 weeks)")
    assert f"in stage {quoted(HOSTILE + ' stage')} (was {quoted(plan.stages[0].name)})" in a
    assert f"owned by {quoted('Q' + chr(10) + 'team')} (was {quoted(HOSTILE + ' team')})" in a
    assert drop == f"drops {quoted('C' + chr(10))}"
    assert add == f"adds {quoted(HOSTILE + ' added')}"
    assert unlink == f"no longer makes {quoted('B' + chr(9) + 'second')} wait for {quoted(HOSTILE)}"
    assert link == f"makes {quoted('B' + chr(9) + 'second')} wait for {quoted(HOSTILE + ' added')}"
    assert team == f"{quoted(HOSTILE + ' team')} capacity 4 (was 2)"
    assert risk == f"risk {quoted(HOSTILE + ' risk')} probability 25% (was 50%)"
