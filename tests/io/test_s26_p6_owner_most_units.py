"""A P6 activity with several resources and no primary resource: its owner is the resource with the most units, as
a task of MS Project's gets (planner.io.outline.SourceTask.owner_and_headcount), not the first assignment in the file.
The same project read from MS Project XML and from XER had different owners.

The sample is MPXJ 16's XER of benchmarks/crosscheck_mpxj.py's fixed project (seed 0): 'Survey – EU' is assigned
Zoë Müller at 50 % and Łukasz Ćwik at 100 % (MPXJ's XER writer, in Windows-1252, wrote '?ukasz ?wik'), no primary
resource. Needs no MPXJ."""

from __future__ import annotations

from pathlib import Path

from planner.io import import_file

SAMPLE = Path(__file__).parent / "data" / "s26" / "mpxj-every-feature.xer"


def test_the_owner_is_the_resource_with_the_most_units() -> None:
    plan, report = import_file(SAMPLE)
    team = {t.id: t.name for t in plan.teams}
    by_title = {d.title: d for d in plan.decisions}
    survey = by_title["Survey – EU"]
    assert survey.owner is not None and team[survey.owner] == "?ukasz ?wik"
    assert survey.headcount == 1.5  # both work it, as MS Project XML of the same project says (s33)
    said = [i.message for i in report.items if i.kind == "resource" and "Survey" in i.where]
    assert said == ["2 resources: the owner is the one with the most units, the headcount their sum (1.5)"]
    ui = by_title["UI «beta»"]  # Zoë Müller 100 %, Data team 50 %: the first has the most
    assert ui.owner is not None and team[ui.owner] == "Zoë Müller"
