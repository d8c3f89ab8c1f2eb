"""MS Project XML written by TaskJuggler 3.7.1, found by benchmarks/crosscheck_tj3.py (random projects through tj3
and back): stages guessed from the start time against the stages the file names, and summaries' start and finish
helpers at a status date.

guessed.tjp: Legal review (4 weeks) -> summary Integrate (its milestone 3 days after Legal starts) -> Pipeline
hardening; Data audit (2 working weeks from Mon 1 Mar, week 8) -> Vendor check under a summary Validate. Before, the
stage of Pipeline hardening was guessed from its start (week 0.6 of an 11-week span: Validate), before the Integrate
work it waits for, and Data audit's (week 8: Operationalize) after the Validate work waiting for it: two stage
inversions the file does not have.

helpers.tjp (now = Mon 18 Jan 2027): Prep (3 weeks), then Deploy inside Rollout, which After rollout follows (so
Rollout gets helpers); Write docs inside Docs set, 10 % complete though TaskJuggler schedules it from Mon 25 Jan.
Before, Rollout's start helper had no predecessor and sat at week 0: 'late' at the status date although the file
starts Rollout on 25 Jan; Docs set's start helper, done because work inside it has begun, took the summary's start
after the status date as its actual date (two warnings of an actual after the status date)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planner.analysis import analyze
from planner.io.mspdi import import_mspdi
from planner.model import Status

DATA = Path(__file__).parent / "data" / "tj3"


def test_s20a_a_guessed_stage_follows_the_stages_the_file_names_along_its_links() -> None:
    plan, report = import_mspdi(DATA / "guessed.xml")
    d = {x.id: x for x in plan.decisions}
    # nothing names a stage for these two: still tagged as guesses
    assert "stage-guessed" in d["pipeline-hardening"].tags and "stage-guessed" in d["data-audit"].tags
    assert d["pilot-kickoff"].stage == "integrate"
    assert d["pipeline-hardening"].stage == "integrate"  # after Integrate's work, not Validate by its start
    assert d["vendor-check"].stage == "validate"
    assert d["data-audit"].stage == "validate"  # Validate work waits for it: not Operationalize by its start
    assert d["legal-review"].stage == "validate"  # nothing named around it: its start time (week 0)
    r = analyze(plan)
    assert not [f for f in r.findings if f.code == "stage-inversion"]
    text = report.text(limit=None)
    assert "2 of them take the stage of the work linked to them instead" in text
    # TaskJuggler: Vendor check ends Mon 22 Mar 2027 00:00 = 11 weeks after Mon 4 Jan
    assert r.schedule is not None and abs(r.schedule.finish - 11.0) < 1e-9


def test_s20a_summary_helpers_at_a_status_date_add_no_warning_the_file_does_not_justify() -> None:
    plan, _ = import_mspdi(DATA / "helpers.xml")
    d = {x.id: x for x in plan.decisions}
    assert plan.status_date == dt.date(2027, 1, 18)
    # Rollout starts where the file has it (Mon 25 Jan = week 3), after Prep, not at week 0
    assert d["rollout-start"].status is Status.NOT_STARTED and d["rollout-start"].not_before == 3.0
    # Docs set has begun (Write docs is 10 % done): its start passed by the status date, not after it
    start = d["docs-set-start"]
    assert (start.status, start.actual_start, start.actual_finish) == (
        Status.DONE,
        dt.date(2027, 1, 18),
        dt.date(2027, 1, 18),
    )
    r = analyze(plan)
    assert [f.code for f in r.findings if f.severity.value in ("error", "warning")] == []
    assert r.schedule is not None
    assert r.schedule.row("deploy")["es"] >= 3.0 - 1e-9
