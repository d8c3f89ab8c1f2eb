"""Review of session 20's import changes (H-review20): defects found probing inputs the authors did not try.

- A TaskJuggler project without ``now`` is written with the export day as its status date, before the project
  starts; stages.tjp also has one task ``complete 50``. That percentage kept the status date (the rule wanted no
  progress anywhere), so the imported plan warned 'The status date is 4.14 weeks before the plan start' at every
  check, for a date that changes no figure (the plan counts it as its start).
- Ids made from names typed in French or German lost their accented letters ('Modèle' -> 'mod-le'), where the P6
  import drops the accents ('contrôle' -> 'controle').
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.analysis import analyze
from planner.io import import_file
from planner.io.mspdi import import_mspdi
from planner.model import Status
from tests.io.test_mspdi import task, write

TJ3 = Path(__file__).parent / "data" / "tj3"


def test_s20r_a_status_date_before_the_start_is_not_carried_beside_a_bare_percentage() -> None:
    """stages.tjp (no 'now': tj3 wrote 6 Dec 2026, the project starts Mon 4 Jan 2027). By hand: Validate 2 + 2
    weeks (Gate 1 at week 4); API layer 15 days (weeks 4-7); Workflow hookup 2 days after it, 3 weeks (7.4-10.4);
    Model CI/CD 4 weeks after it, half done: its remaining 2 weeks from 12.4 end at week 14.4, with Ops ready."""
    plan, report = import_mspdi(TJ3 / "stages.xml")
    assert plan.status_date is None
    cicd = next(d for d in plan.decisions if d.id == "model-ci-cd")
    assert (cicd.status, cicd.progress, cicd.not_before) == (Status.IN_PROGRESS, 50.0, pytest.approx(12.4))
    text = report.text(limit=None)
    assert "the file's status date, 6 Dec 2026, is before the plan starts (4 Jan 2027)" in text
    r = analyze(plan)
    assert r.schedule is not None and r.schedule.finish == pytest.approx(14.4)
    assert not [f for f in r.findings if f.severity.value in ("error", "warning")]


def test_s20r_a_status_date_before_the_start_stays_when_a_task_has_an_actual_date(tmp_path: Path) -> None:
    """Actuals are recorded up to a status date: one before the recorded work is the file's contradiction, for
    the plan check to show, not one to hide."""
    done = "<PercentComplete>100</PercentComplete><ActualStart>2027-01-04T08:00:00</ActualStart>"
    done += "<ActualFinish>2027-01-08T17:00:00</ActualFinish>"
    path = write(
        tmp_path,
        [
            task(1, "Collect", 1, start="2027-01-04T08:00:00", finish="2027-01-08T17:00:00", extra=done),
            task(2, "Build", 1, start="2027-01-11T08:00:00", finish="2027-01-15T17:00:00"),
        ],
        extra="<StatusDate>2026-12-01T17:00:00</StatusDate>",
    )
    plan, report = import_mspdi(path)
    assert plan.status_date == dt.date(2026, 12, 1)
    assert "before the plan starts" not in report.text(limit=None)


@pytest.mark.parametrize(
    ("names", "ids"),
    [
        (["Modèle à valider", "Données prêtes"], ["modele-a-valider", "donnees-pretes"]),
        (["Größe prüfen", "Straße"], ["grosse-prufen", "strasse"]),
    ],
)
def test_s20r_ids_from_accented_names_keep_their_letters(
    tmp_path: Path, names: list[str], ids: list[str]
) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("Nom de la tâche;Durée\n" + "".join(f"{n};1 sem\n" for n in names), encoding="utf-8")
    plan, _ = import_file(path)
    assert [d.id for d in plan.decisions] == ids
    assert [d.title for d in plan.decisions] == names
