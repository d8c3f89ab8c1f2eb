"""A P6 activity worked by several resources: the plan's headcount is everyone on it, as for a task of MS Project's
(the units' sum), and its owner the primary resource P6 names. It used to be the primary resource's units alone,
the others 'not carried', so the same project read from MS Project XML and from XER had different headcounts.
File: tests/io/data/s33/p6-crew-assignments.xer (README.md there)."""

from __future__ import annotations

from pathlib import Path

from planner.analysis import analyze
from planner.io import import_file

FILE = Path(__file__).parent / "data" / "s33" / "p6-crew-assignments.xer"


def test_s33_p6_headcount_is_everyone_on_the_activity_owner_the_primary() -> None:
    plan, report = import_file(FILE)
    team = {t.id: t.name for t in plan.teams}
    got = {d.id: (team.get(d.owner or ""), d.headcount) for d in plan.decisions}
    assert got == {
        # primary Electricians at 1, Fitters at 2: the primary owns it, three people work it
        "A100": ("Electricians", 3.0),
        # no primary; Fitters assigned twice (a second role at 0.5): one resource, at its most units
        "A110": ("Fitters", 1.0),
        # a forklift is no team (equipment): the fitters alone
        "A120": ("Fitters", 1.0),
    }
    lines = [i.text() for i in report.items]
    assert (
        "activity A100 'Rewire benches': 2 resources: the owner is the primary resource, the headcount their sum (3)"
        in lines
    )
    assert any(
        x.startswith("activity A110 'Fit benches': 1 resource assignment repeats a resource already assigned")
        for x in lines
    ), lines
    assert not any("not carried: the owner" in x for x in lines)
    assert analyze(plan).schedule is not None
