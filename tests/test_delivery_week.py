"""A delivery team's week, end to end, on a plan that came from MS Project (tests/io/data/delivery-4x10-mspdi.xml,
hand-written, every date worked out by hand from its Mon-Thu 10-hour calendar): import it on Monday, baseline it,
record progress with a status date, read the variance, write the steering committee's report and export the plan
back to other tools. One truth (SPEC 3.3a): analyze text, JSON, report and exports agree on the finish and on what
is late.

The figures, by hand (weeks are the file's 40-hour working weeks; the plan starts Mon 1 Mar 2027):
- as imported: Requirements 0-1.25, Prototype 1.875-2.875 (FS + 50 % of 1.25), Integration build 3-5 (the 3
  elapsed days after Thu 18 Mar 12:00 end on Sunday: 0.125 working weeks), Security review 4.25-5.25 (FF + 1 day),
  Go-live 5.25, Hypercare 5.25-7.25: finish 7.25 = the file's Tue 20 Apr 17:30.
- status date Wed 24 Mar 2027 (week 23/7 = 3.2857): Requirements done 1-15 Mar, Vendor due diligence 50 % since
  5 Mar, Prototype 25 % since 22 Mar -> its 0.75 weeks left run 3.2857-4.0357; Integration build 4.1607-6.1607;
  Security review ends 6.4107 = Go-live; Hypercare ends 8.4107: 1.1607 weeks after the baseline's 7.25.
- late at the status date against the baseline: Vendor due diligence (due week 2), Prototype (due 2.875) not done;
  Integration build (due to start week 3) not started.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.analysis import analyze
from planner.analysis.baselines import make_baseline, with_baseline
from planner.cli import main
from planner.io import export_file, import_file
from planner.model import dump_plan
from planner.model.plan import Plan, Status

FIXTURE = Path(__file__).parent / "io" / "data" / "delivery-4x10-mspdi.xml"
LATE = {
    ("late-finish", "vendor-due-diligence"),
    ("late-finish", "prototype"),
    ("late-start", "integration-build"),
}


def _week_plan() -> Plan:
    plan, _ = import_file(FIXTURE)
    r = analyze(plan)
    assert r.schedule is not None and r.schedule.finish == pytest.approx(7.25)
    plan = with_baseline(
        plan,
        make_baseline(r.schedule, "Approved 26 Feb", created=dt.datetime(2027, 2, 26, 9), stages=r.stages),
    )
    d = {x.id: x for x in plan.decisions}
    for did, status, progress, start, finish in [
        ("kickoff", Status.DONE, 100, dt.date(2027, 3, 1), dt.date(2027, 3, 1)),
        ("requirements", Status.DONE, 100, dt.date(2027, 3, 1), dt.date(2027, 3, 15)),
        ("vendor-due-diligence", Status.IN_PROGRESS, 50, dt.date(2027, 3, 5), None),
        ("prototype", Status.IN_PROGRESS, 25, dt.date(2027, 3, 22), None),
    ]:
        d[did].status, d[did].progress, d[did].actual_start, d[did].actual_finish = (
            status,
            progress,
            start,
            finish,
        )
    plan.status_date = dt.date(2027, 3, 24)
    return plan


@pytest.fixture(scope="module")
def week(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("week") / "portal.plan.json"
    path.write_text(dump_plan(_week_plan()), encoding="utf-8")
    return path


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    out, _ = capsys.readouterr()
    return code, out


def test_analyze_text_and_json_agree_on_finish_variance_and_late_work(
    week: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _run(["analyze", str(week), "--baseline", "latest", "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["finish"] == pytest.approx(8.4107, abs=1e-4) and data["finish_date"] == "2027-04-29"
    assert data["status_date"] == "2027-03-24"
    assert data["critical_path"] == [
        "prototype",
        "integration-build",
        "security-review",
        "go-live",
        "hypercare",
    ]
    assert data["baseline"]["finish_slip"] == pytest.approx(1.16, abs=0.001)  # written figures: 8.41 - 7.25
    late = {(f["code"], f["decisions"][0]) for f in data["findings"] if f["code"].startswith("late")}
    assert late == LATE
    code, text = _run(["analyze", str(week), "--baseline", "latest"], capsys)
    assert code == 0
    assert "Finish (rolling stages):   week 8.41 (29 Apr 2027)" in text
    assert "Finish now:              week 8.41 (29 Apr 2027), 1.16 weeks later" in text
    # done work has nothing left to slip: no float (kickoff showed 8.41 weeks of it)
    assert re.search(r"^  kickoff +Validate +0 +0 +0 +- *$", text, flags=re.M)
    assert re.search(r"^  requirements +Validate +0 +2 +2 +- *$", text, flags=re.M)
    assert {(m[0], m[1]) for m in re.findall(r"\[(late-\w+)\] '[^']+' \(([\w-]+)\)", text)} == LATE


def test_report_agrees_and_says_why_the_path_starts_at_the_status_date(tmp_path: Path, week: Path) -> None:
    """The critical path table said the in-progress Prototype, resuming at the status date, starts 'at the plan
    start: nothing holds it back'."""
    out = tmp_path / "steering.pdf"
    assert main(["report", str(week), "-o", str(out), "--paper", "letter", "--quiet",
                 "--sections", "cover,progress,critical-path,risk"]) == 0  # fmt: skip
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(out).pages))
    assert "29 Apr 2027" in text and "1.16 weeks later" in text
    assert "at the status date: work not done waits for it" in text
    assert "nothing holds it back" not in text
    # not simulated, no risks: no promise of a register 'below' that the report does not have
    assert "The plan has no risk register." in text and "risk register below" not in text
    for title in ("Vendor due diligence", "Prototype", "Integration build"):
        assert title in text.split("Late at the status date")[1]


@pytest.mark.parametrize("suffix", [".xml", ".gan", ".csv", ".xlsx"])
def test_export_back_and_reimport_keeps_the_figures(tmp_path: Path, suffix: str) -> None:
    """Friday's export to the other tool and its re-import: the same finish, critical path and late work, and the
    report claims no difference it cannot name (the .gan keeps whole days: the file's finish, at the end of the
    day the work ends in, is no difference)."""
    plan = _week_plan()
    path = tmp_path / f"portal{suffix}"
    export_file(plan, path)
    back, report = import_file(path)
    r = analyze(back)
    assert r.schedule is not None
    assert r.schedule.finish == pytest.approx(8.4107, abs=1e-3)
    assert r.schedule.critical_path == [
        "prototype",
        "integration-build",
        "security-review",
        "go-live",
        "hypercare",
    ]
    assert {(f.code, f.decisions[0]) for f in r.all_findings if f.code.startswith("late")} == LATE
    assert back.status_date == dt.date(2027, 3, 24)
    if suffix == ".xml":  # MS Project keeps the baseline (as its Baseline 0; the name is MS Project's)
        assert [(x.name, x.finish) for x in back.baselines] == [("Baseline", 7.25)]
        assert back.baselines[0].decisions == plan.baselines[0].decisions
    assert "[schedule]" not in report.text(limit=None)


def test_baseline_command_keeps_the_current_schedule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`planner baseline FILE --name NAME` keeps the schedule analyze shows (here: progress at 24 Mar, finish
    8.41) in the file, as the app's Save Baseline does; analyze --baseline then measures against it. The command line
    had no way to set one."""
    path = tmp_path / "portal.plan.json"
    path.write_text(dump_plan(_week_plan()), encoding="utf-8")
    code, out = _run(["baseline", str(path)], capsys)
    assert code == 0 and out.startswith("Approved 26 Feb: finish week 7.25 (21 Apr 2027), 10 decisions")
    code, out = _run(["baseline", str(path), "--name", "Re-plan 24 Mar"], capsys)
    assert code == 0
    assert out == (
        f"Kept baseline 'Re-plan 24 Mar' in {path}: finish week 8.41 (29 Apr 2027), 10 decisions, at the status "
        "date, week 3.29 (24 Mar 2027)\n"
    )
    code, out = _run(["analyze", str(path), "--baseline", "latest", "--format", "json"], capsys)
    data = json.loads(out)
    assert (data["baseline"]["baseline"], data["baseline"]["finish_slip"]) == ("Re-plan 24 Mar", 0)
    # the same name again replaces it, in place
    code, out = _run(["baseline", str(path), "--name", "Approved 26 Feb", "--format", "json"], capsys)
    assert json.loads(out)["replaced"] is True
    from planner.model import load_plan

    assert [b.name for b in load_plan(path).baselines] == ["Approved 26 Feb", "Re-plan 24 Mar"]


def test_baseline_command_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "portal.plan.json"
    text = dump_plan(_week_plan())
    path.write_text(text, encoding="utf-8")
    assert main(["baseline", str(path), "--name", "  "]) == 2
    assert "--name: the name is empty" in capsys.readouterr().err
    assert main(["baseline", str(path), "--name", "x" * 400]) == 2
    assert "at most 300 characters" in capsys.readouterr().err
    broken = _week_plan()
    broken.dependencies[0].from_ = "nowhere"  # an unknown id: no schedule
    path.write_text(dump_plan(broken), encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    assert main(["baseline", str(path), "--name", "v2"]) == 1
    assert "no schedule to keep" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == before  # nothing written
