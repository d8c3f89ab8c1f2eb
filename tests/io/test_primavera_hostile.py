"""Broken and hostile Primavera P6 files (as tests/test_hostile_imports.py does for the other formats): each is one
clear line naming the file (and the line or table) and what to do, exit 2 on the command line -- never a traceback,
never a hang; what can be read past is read and reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.cli import main
from planner.io import InteropError, import_file

HEAD = "ERMHDR\t19.12\t2027-01-02\tProject\tadmin\tAdmin\tdb\tProject Management\tUSD"
PROJECT = (
    "%T\tPROJECT\n%F\tproj_id\tproj_short_name\tplan_start_date\tclndr_id\n%R\t1\tP1\t2027-01-04 08:00\t1"
)
CALENDAR = "%T\tCALENDAR\n%F\tclndr_id\tclndr_name\tday_hr_cnt\tweek_hr_cnt\n%R\t1\tStd\t8\t40"
TASK_F = (
    "%T\tTASK\n%F\ttask_id\tproj_id\twbs_id\ttask_code\ttask_name\ttask_type\ttarget_drtn_hr_cnt\tclndr_id"
)


def xer(*parts: str, end: bool = True) -> str:
    return "\n".join([HEAD, *parts, *(["%E"] if end else [])]) + "\n"


def task(tid: str, code: str, hours: str = "40", wbs: str = "", kind: str = "TT_Task") -> str:
    return f"%R\t{tid}\t1\t{wbs}\t{code}\tTask {code}\t{kind}\t{hours}\t1"


def write(tmp_path: Path, text: str | bytes, name: str = "p.xer") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("", "is empty, not a Primavera XER file", None),
        ("hello\tworld\n", "not a Primavera XER file (its first line does not begin with ERMHDR)", 1),
        (
            "\n\n<?xml version='1.0'?><Project/>\n",
            "not a Primavera XER file (its first line does not begin with ERMHDR)",
            3,
        ),
        (HEAD + "\n%R\t1\t2\n", "a %R row before its table's %F line", 2),
        (
            HEAD + "\n%T\tTASK\n%R\t1\t2\n",
            "a %R row before its table's %F line (field names) in table TASK",
            3,
        ),
        (HEAD + "\n%F\ta\tb\n", "a %F line (field names) before any %T table", 2),
        (HEAD + "\n%T\t\n", "a %T line names no table", 2),
        (xer(CALENDAR, TASK_F, task("1", "A")), "holds no project (no PROJECT table", None),
        (xer("%T\tPROJECT\n%F\tproj_id\n", TASK_F), "holds no project", None),
        (xer(PROJECT, CALENDAR), "holds no TASK table, so no activities", None),
    ],
)
def test_broken_structure_is_one_line_with_the_line(
    tmp_path: Path, text: str, message: str, line: int | None
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(InteropError) as err:
        import_file(path)
    assert message in str(err.value)
    assert err.value.line == line
    assert str(err.value).startswith(str(path) + (f":{line}" if line else ""))
    assert "\n" not in str(err.value)


def test_the_command_line_says_it_in_one_line_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "not,a,xer\n1,2,3\n")
    assert main(["import", str(path), "-o", str(tmp_path / "x.plan.json")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "ERMHDR" in err[0] and "Traceback" not in err[0]
    assert not (tmp_path / "x.plan.json").exists()


def test_a_binary_file_named_xer(tmp_path: Path) -> None:
    path = write(tmp_path, b"ERMHDR\x00\x01\x02" * 100)
    with pytest.raises(InteropError, match="binary file"):
        import_file(path)


def test_a_project_that_is_not_in_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, xer(PROJECT, CALENDAR, TASK_F, task("1", "A")))
    with pytest.raises(InteropError, match=r"holds no project 'P9'; choose one of 'P1'"):
        import_file(path, project="P9")


def test_what_can_be_read_past_is_read_and_reported(tmp_path: Path) -> None:
    """Extra values on a row, a stray line, no %E end line, unreadable numbers and dates, a link to an activity the
    file does not hold, a self link, an unknown relationship type: the plan is imported and each is said."""
    text = xer(
        PROJECT,
        CALENDAR,
        TASK_F + "\tact_start_date\tstatus_code",
        task("1", "A") + "\t\t",
        task("2", "B", hours="NaN") + "\tyesterday\tTK_Active",
        task("3", "C", hours="1,5") + "\t\t\textra\tvalues",
        "this line is not an XER line",
        "%T\tTASKPRED\n%F\ttask_pred_id\ttask_id\tpred_task_id\tproj_id\tpred_proj_id\tpred_type\tlag_hr_cnt",
        "%R\t1\t2\t1\t1\t1\tPR_XX\tlots",
        "%R\t2\t3\t99\t1\t1\tPR_FS\t0",
        "%R\t3\t3\t3\t1\t1\tPR_FS\t0",
        end=False,
    )
    plan, report = import_file(write(tmp_path, text))
    text = report.text(limit=None)
    assert [d.id for d in plan.decisions] == ["A", "B", "C"]
    assert [d.weeks() for d in plan.decisions] == [1.0, 0.0, pytest.approx(1.5 / 40)]  # '1,5' is 1.5 h
    assert "target_drtn_hr_cnt 'NaN' is not a number; read as empty" in text
    assert "act_start_date 'yesterday' is not a date; read as empty" in text
    assert "rows of table TASK hold more values than its %F line names fields" in text
    assert "1 line is not a %T, %F, %R or %E line (first: line 13); skipped" in text
    assert "the file has no %E end line: it may be cut short" in text
    assert "unknown relationship type 'PR_XX'; read as FS" in text
    assert "lag_hr_cnt 'lots' is not a number" in text
    assert "1 link to an item not in the file is left out" in text and "C 'Task C' after task_id 99" in text
    assert "an activity linked to itself; dropped" in text
    assert [(d.from_, d.to, str(d.type)) for d in plan.dependencies] == [("A", "B", "FS")]


def test_a_wbs_nested_deeper_than_python_recurses_is_refused_in_one_line(tmp_path: Path) -> None:
    depth = 5000
    rows = ["%T\tPROJWBS\n%F\twbs_id\tproj_id\tparent_wbs_id\twbs_short_name\twbs_name\tproj_node_flag"]
    rows += [f"%R\t{k}\t1\t{k - 1 if k > 1 else ''}\tW{k}\tLevel {k}\tN" for k in range(1, depth + 1)]
    text = xer(PROJECT, CALENDAR, *rows, TASK_F, task("1", "A", wbs=str(depth)))
    with pytest.raises(InteropError, match="the WBS is nested more than the 1,000 levels an import takes"):
        import_file(write(tmp_path, text))


def test_a_loop_of_wbs_parents_is_reported_not_followed_for_ever(tmp_path: Path) -> None:
    rows = [
        "%T\tPROJWBS\n%F\twbs_id\tproj_id\tparent_wbs_id\twbs_short_name\twbs_name\tproj_node_flag",
        "%R\t10\t1\t11\tA\tAlpha\tN",
        "%R\t11\t1\t10\tB\tBeta\tN",
    ]
    plan, report = import_file(
        write(tmp_path, xer(PROJECT, CALENDAR, *rows, TASK_F, task("1", "A", wbs="10")))
    )
    assert [d.id for d in plan.decisions] == ["A"]
    assert "form a loop of parents (parent_wbs_id); they are put at the top level" in report.text()


@pytest.mark.parametrize(
    ("hours", "said"),
    [
        ("1e308", r"activity A 'Task A' holds a value a plan cannot take \(duration"),  # s34: names it
        ("9" * 400, "target_drtn_hr_cnt '9999999999999999999999999999999999999...' is not a number"),
        ("-40", "a negative duration (-40 h) is read as 0"),
    ],
    ids=["astronomical", "400 digits", "negative"],
)
def test_absurd_durations_are_one_line_or_read_as_zero_and_said(
    tmp_path: Path, hours: str, said: str
) -> None:
    path = write(tmp_path, xer(PROJECT, CALENDAR, TASK_F, task("1", "A", hours=hours)))
    if hours == "1e308":  # the plan cannot hold it: refused, in one line
        with pytest.raises(InteropError, match=said) as err:
            import_file(path)
        assert "\n" not in str(err.value)
        return
    plan, report = import_file(path)
    assert plan.decisions[0].weeks() == 0.0
    assert said in report.text(limit=None)


def test_dates_at_the_ends_of_the_calendar_are_one_line(tmp_path: Path) -> None:
    project = (
        "%T\tPROJECT\n%F\tproj_id\tproj_short_name\tplan_start_date\tclndr_id\n%R\t1\tP1\t9999-12-31 08:00\t1"
    )
    path = write(tmp_path, xer(project, CALENDAR, TASK_F, task("1", "A")))
    # s34: the refusal names the project and its field (it was 'holds a date or a duration beyond what a calendar
    # holds', naming neither)
    with pytest.raises(
        InteropError, match=r"project 'P1': its planned start \(plan_start_date\) 31 Dec 9999 leaves"
    ):
        import_file(path)


def test_p6_xml_with_a_dtd_is_refused(tmp_path: Path) -> None:
    text = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
        '<APIBusinessObjects xmlns="http://xmlns.oracle.com/Primavera/P6/V8.3/API/BusinessObjects">'
        "<Project><ObjectId>1</ObjectId><Name>&a;</Name></Project></APIBusinessObjects>"
    )
    with pytest.raises(InteropError, match="refused: the XML declares a DTD or entities"):
        import_file(write(tmp_path, text, "p6.xml"))


def test_p6_xml_that_is_not_well_formed(tmp_path: Path) -> None:
    text = '<?xml version="1.0"?><APIBusinessObjects><Project><ObjectId>1</ObjectId>'
    with pytest.raises(InteropError, match="not well-formed XML"):
        import_file(write(tmp_path, text, "p6.xml"))


def test_p6_xml_forced_as_ms_project_says_what_it_is(tmp_path: Path) -> None:
    text = '<?xml version="1.0"?><APIBusinessObjects><Project><ObjectId>1</ObjectId></Project></APIBusinessObjects>'
    path = write(tmp_path, text, "p6.xml")
    with pytest.raises(InteropError, match="holds no TASK|holds no project|activities") as err:
        import_file(path)
    assert "\n" not in str(err.value)
    with pytest.raises(InteropError, match="not a Primavera P6 XML file"):
        import_file(
            write(tmp_path, '<Project xmlns="http://schemas.microsoft.com/project"/>', "ms.xml"), "p6xml"
        )


# -- fuzz: random P6 tables never crash the import ---------------------------------------------------------------
FIELDS = {
    "PROJECT": [
        "proj_id",
        "proj_short_name",
        "plan_start_date",
        "clndr_id",
        "last_recalc_date",
        "scd_end_date",
    ],
    "CALENDAR": ["clndr_id", "clndr_name", "default_flag", "day_hr_cnt", "week_hr_cnt", "clndr_data"],
    "PROJWBS": [
        "wbs_id",
        "proj_id",
        "parent_wbs_id",
        "seq_num",
        "proj_node_flag",
        "wbs_short_name",
        "wbs_name",
    ],
    "TASK": [
        "task_id",
        "proj_id",
        "wbs_id",
        "clndr_id",
        "task_code",
        "task_name",
        "task_type",
        "status_code",
        "target_drtn_hr_cnt",
        "remain_drtn_hr_cnt",
        "phys_complete_pct",
        "complete_pct_type",
        "act_start_date",
        "act_end_date",
        "early_start_date",
        "early_end_date",
        "cstr_type",
        "cstr_date",
        "rsrc_id",
    ],  # fmt: skip
    "TASKPRED": [
        "task_pred_id",
        "task_id",
        "pred_task_id",
        "proj_id",
        "pred_proj_id",
        "pred_type",
        "lag_hr_cnt",
    ],
    "RSRC": ["rsrc_id", "rsrc_name", "rsrc_short_name", "rsrc_type"],
    "TASKRSRC": ["taskrsrc_id", "task_id", "proj_id", "rsrc_id", "remain_qty_per_hr", "target_qty_per_hr"],
    "RSRCRATE": ["rsrc_rate_id", "rsrc_id", "max_qty_per_hr", "start_date"],
    "UDFTYPE": ["udf_type_id", "table_name", "udf_type_label"],
    "UDFVALUE": ["udf_type_id", "fk_id", "udf_text"],
    "SCHEDOPTIONS": ["proj_id", "sched_calendar_on_relationship_lag"],
}
VALUES = st.one_of(
    st.sampled_from(
        ["", "1", "2", "3", "0", "-1", "40", "8", "168", "1e308", "nan", "-inf", "1,5", "Y", "N"]
    ),
    st.sampled_from(
        ["2027-01-04 08:00", "2027-02-30 08:00", "0001-01-01 00:00", "9999-12-31 23:59", "2027-13-01"]
    ),
    st.sampled_from(["TT_Task", "TT_Mile", "TT_FinMile", "TT_LOE", "TT_WBS", "TK_Active", "TK_Complete"]),
    st.sampled_from(["PR_FS", "PR_SS", "PR_FF", "PR_SF", "CS_MSOA", "CS_MEOB", "CP_Phys", "rcal_24Hour"]),
    st.sampled_from(
        ["Planner stage", "Planner area", "Planner status", "Planner not before (weeks)", "TASK"]
    ),
    st.sampled_from(["(0||CalendarData()((0||DaysOfWeek()((0||2()((0||0(s|25:00|f|08:00)())))))))", "(((("]),
    st.text(st.characters(codec="utf-8", exclude_characters="\t\r\n"), max_size=12),
)


IDS = st.sampled_from(["1", "1", "2", "3", "", "x"])


@st.composite
def xer_files(draw: st.DrawFn) -> str:
    """A project and activities most of the time (ids from a small pool, so rows refer to each other), then tables
    in any order, fields in any order and any subset, values from hostile pools."""
    lines = [HEAD]
    names = draw(st.lists(st.sampled_from(sorted(FIELDS)), min_size=1, max_size=12))
    if draw(st.integers(0, 9)):
        names = ["PROJECT", *names, "TASK"]
    for name in names:
        fields = draw(st.permutations(FIELDS[name]))[: draw(st.integers(1, len(FIELDS[name])))]
        lines.append(f"%T\t{name}")
        lines.append("%F\t" + "\t".join(fields))
        for _ in range(draw(st.integers(0, 5))):
            values = [draw(IDS if f.endswith("_id") and draw(st.integers(0, 4)) else VALUES) for f in fields]
            lines.append("%R\t" + "\t".join(values))
    if draw(st.booleans()):
        lines.append("%E")
    return "\n".join(lines) + "\n"


@settings(max_examples=80, deadline=None, derandomize=True)
@given(text=xer_files())
def test_random_p6_tables_import_or_are_refused_in_one_line(text: str) -> None:
    """Whatever the tables hold, the import gives a plan that saves and loads again, or one InteropError line."""
    import tempfile

    from planner.model import load_plan, save_plan

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.xer"
        path.write_text(text, encoding="utf-8")
        try:
            plan, report = import_file(path)
        except InteropError as exc:
            assert "\n" not in str(exc) and str(exc).startswith(str(path))
            return
        save_plan(plan, Path(tmp) / "out.plan.json")
        again = load_plan(Path(tmp) / "out.plan.json")
        assert [d.id for d in again.decisions] == [d.id for d in plan.decisions]
        assert report.text()
