"""Hostile option values and output targets on every command that writes (H-hostile): one clear line on stderr,
exit code 2, nothing written, nothing replaced -- never an internal error, a device replaced by a file, or the
input file overwritten by the output."""

from __future__ import annotations

import contextlib
import json
import os
import random
import stat
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.cli import main

SAMPLE = Path(__file__).resolve().parent.parent / "sample_plans" / "bank-assistant.plan.json"
FRAUD = SAMPLE.with_name("fraud-detection.plan.json")  # has scenarios
SMALL = {
    "schema_version": 1,
    "title": "Small",
    "start_date": "2027-01-04",
    "stages": [{"id": "s", "name": "S"}],
    "decisions": [
        {"id": "a", "title": "A", "stage": "s", "duration": 2},
        {"id": "b", "title": "B", "stage": "s", "duration": {"optimistic": 1, "likely": 2, "pessimistic": 5}},
    ],
    "dependencies": [{"from": "a", "to": "b"}],
}


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "small.plan.json"
    path.write_text(json.dumps(SMALL), encoding="utf-8")
    return path


def refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run ``argv``; it must exit 2 with one line on stderr that is not an internal error. Returns the line."""
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 2, (code, err)
    assert out == ""
    assert err.startswith("planner: ") and err.count("\n") == 1, err
    assert "internal error" not in err and "Traceback" not in err
    return err


def writers(plan: Path, out: str) -> dict[str, list[str]]:
    return {
        "new": ["new", "--force", "-o", out],
        "chart": ["export", str(plan), "-o", out + ".png"],
        "data": ["export", str(plan), "-o", out + ".csv"],
        "report": ["report", str(plan), "-o", out + ".pdf", "-q"],
        "import": ["import", str(plan.with_suffix(".csv")), "--force", "-o", out],
    }


@pytest.mark.parametrize("command", ["new", "chart", "data", "report", "import"])
def test_a_fifo_output_is_refused_and_stays_a_fifo(
    tmp_path: Path, small: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """The atomic write renames a new file over its target: over a FIFO (or, as root, over /dev/null) that
    replaced the pipe or the device itself."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    small.with_suffix(".csv").write_text("id,title\nx,X\n", encoding="utf-8")
    base = str(tmp_path / "pipe")
    argv = writers(small, base)[command]
    target = argv[argv.index("-o") + 1]
    os.mkfifo(target)
    err = refused(argv, capsys)
    assert "is a pipe (FIFO), not a file" in err
    assert stat.S_ISFIFO(os.stat(target).st_mode)


@pytest.mark.parametrize("command", ["new", "chart", "data", "report", "import"])
def test_dev_null_as_output_is_refused(
    tmp_path: Path, small: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    if not os.path.exists("/dev/null"):
        pytest.skip("no /dev/null on this system")
    small.with_suffix(".csv").write_text("id,title\nx,X\n", encoding="utf-8")
    argv = writers(small, "/dev/null")[command]
    argv[argv.index("-o") + 1] = "/dev/null"
    err = refused(argv, capsys)
    assert "/dev/null: is a device, not a file" in err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize("command", ["new", "chart", "data", "report", "import"])
def test_a_file_name_too_long_for_the_file_system(
    tmp_path: Path, small: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    small.with_suffix(".csv").write_text("id,title\nx,X\n", encoding="utf-8")
    argv = writers(small, str(tmp_path / ("n" * 300)))[command]
    err = refused(argv, capsys)
    assert "the file name is too long for the file system; choose a shorter name" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["small.plan.csv", "small.plan.json"]


def test_import_onto_its_own_input_is_refused_even_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "tasks.csv"
    source.write_text("id,title\nx,X\n", encoding="utf-8")
    err = refused(["import", str(source), "-o", str(source), "--force"], capsys)
    assert f"is the input file {source}; write to another file so that it is not lost" in err
    assert source.read_text(encoding="utf-8") == "id,title\nx,X\n"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_export_through_a_link_to_its_own_input_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.csv"  # a plan file under another tool's suffix still loads
    plan.write_text(json.dumps(SMALL), encoding="utf-8")
    link = tmp_path / "out.csv"
    link.symlink_to(plan.name)
    err = refused(["export", str(plan), "-o", str(link)], capsys)
    assert "is the input file" in err
    assert json.loads(plan.read_text(encoding="utf-8")) == SMALL


def test_a_png_past_the_pixel_budget_is_refused_not_run_out_of_memory(
    tmp_path: Path, small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """200 x 200 inches at 1,200 dpi (65,000 pixels a side after the side cap) asked for 17 GB: std::bad_alloc
    as an internal error, or the process killed."""
    out = tmp_path / "big.png"
    err = refused(["export", str(small), "-o", str(out), "--size", "200x200", "--dpi", "1200"], capsys)
    assert err == (
        "planner: --dpi 1200: the PNG would be 65,000 x 65,000 pixels, more than the 150 million a PNG export "
        "may have; choose a smaller --size or --dpi, or write .svg or .pdf, which have no pixels\n"
    )
    assert not out.exists()


def test_check_pixels_by_hand() -> None:
    from planner.commands.common import CliError
    from planner.commands.export import check_pixels

    check_pixels((100.0, 100.0), 122, True)  # 12,200 x 12,200 = 148.84 million: allowed
    with pytest.raises(CliError, match="12,300 x 12,300 pixels"):  # 151.29 million
        check_pixels((100.0, 100.0), 123, True)
    with pytest.raises(CliError, match=r"choose a smaller --dpi \(the chart is 13.3 x 200 inches\)"):
        check_pixels((13.3, 200.0), 1200, False)  # 325 dpi after the side cap: 4,323 x 65,000


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["simulate", "{plan}", "-n", "20", "--by", "1e308"],
            "planner: --by 1e308: give a week from 0 to 1,000,000\n",
        ),
        (
            ["simulate", "{plan}", "-n", "20", "--by", "900000"],
            "planner: --by 900000: falls after 31 Dec 9999, where the calendar ends; give an earlier week\n",
        ),
        (
            ["analyze", "{plan}", "--status-date", "9999-12-31"],
            "planner: {plan}: --status-date 9999-12-31: more than 10,000 weeks after the plan start (4 Jan 2027); "
            "choose an earlier date\n",
        ),
        (
            ["simulate", "{plan}", "-n", "20", "--status-date", "9999-12-31"],
            "planner: {plan}: --status-date 9999-12-31: more than 10,000 weeks after the plan start (4 Jan 2027); "
            "choose an earlier date\n",
        ),
        (
            ["report", "{plan}", "-o", "{tmp}/r.pdf", "--simulate", "--seed", "-1"],
            "planner: --seed -1: the seed must be 0 or more\n",
        ),
        (
            ["new", "--title", "x" * 1001],
            "planner: --title: 1,001 characters, more than the 1,000 a plan title",
        ),
        (["new", "--title", "  "], "planner: --title: the title is empty; give the plan a title"),
        (
            ["analyze", "{plan}", "--scenario", " "],
            "planner: --scenario: the name is empty; give a scenario's name",
        ),
        (
            ["report", "{plan}", "-o", "{tmp}/r.pdf", "--sections", ",,"],
            "planner: --sections: name at least one",
        ),
        (["compare", "{plan}", "--scenarios", ""], "planner: --scenarios: name at least one scenario"),
        (["new", "-o", "   "], "planner: -o/--output: the file name is empty"),
        (["export", "{plan}", "-o", " "], "planner: -o/--output: the file name is empty"),
        (
            ["screenshot", "{plan}", "-o", "{tmp}/s.png", "--size", "99999x99999"],
            "planner: --size 99999x99999: choose a width from 200 to 8,192 and a height from 150 to 8,192",
        ),
        (
            ["screenshot", "{plan}", "-o", "{tmp}/s.png", "--view", "presentation", "--step", "-1"],
            "planner: --step -1: the steps count from 0 (the overview)\n",
        ),
        (
            ["new", "-o", "{tmp}/plan.csv"],
            "planner: {tmp}/plan.csv: a plan file is JSON, not CSV; give a name ending in .plan.json "
            "(`planner export PLAN -o FILE.csv` writes .csv)\n",
        ),
        (
            ["new", "-o", "{tmp}/plan.xls"],
            "planner: {tmp}/plan.xls: a plan file is JSON, not XLS; give a name ending in .plan.json (the "
            "planner reads .xls files but does not write them)\n",
        ),
        (
            ["import", "{plan}", "--format", "csv", "-o", "{tmp}/out.mpp"],
            "planner: {tmp}/out.mpp: a plan file is JSON, not MPP; give a name ending in .plan.json (the "
            "planner reads .mpp files but does not write them)\n",
        ),
        (
            ["import", "{plan}", "--format", "csv", "-o", "{tmp}/out.xlsx"],
            "planner: {tmp}/out.xlsx: a plan file is JSON, not XLSX; give a name ending in .plan.json",
        ),
        (
            ["screenshot", "{plan}", "-o", "{tmp}/s.jpg"],
            "planner: {tmp}/s.jpg: a screenshot is a PNG; give a file name ending in .png\n",
        ),
    ],
)
def test_hostile_option_values_get_one_clear_line(
    tmp_path: Path, small: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    argv = [a.replace("{plan}", str(small)).replace("{tmp}", str(tmp_path)) for a in argv]
    err = refused(argv, capsys)
    assert err.startswith(message.replace("{plan}", str(small)).replace("{tmp}", str(tmp_path)))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["small.plan.json"]


def test_an_os_error_naming_a_file_is_the_users_problem_not_a_bug(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last line of defence: an OSError about a file the system refused (a full disk, no permission) is
    said as such; one about no file at all is still an internal error; running out of memory says what to try."""
    import errno

    import planner.commands.core as core

    def disk_full(_args: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/some/out.plan.json")

    monkeypatch.setattr(core, "cmd_templates", disk_full)
    monkeypatch.setattr("planner.cli.cmd_templates", disk_full)
    assert main(["templates"]) == 2
    assert capsys.readouterr().err == f"planner: /some/out.plan.json: {os.strerror(errno.ENOSPC)}\n"

    def no_file(_args: object) -> int:
        raise OSError("something else")

    monkeypatch.setattr("planner.cli.cmd_templates", no_file)
    assert main(["templates"]) == 2
    assert capsys.readouterr().err.startswith("planner: internal error: OSError: something else\n")

    def out_of_memory(_args: object) -> int:
        raise MemoryError

    monkeypatch.setattr("planner.cli.cmd_templates", out_of_memory)
    assert main(["templates"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("planner: out of memory:") and "--iterations" in err and err.count("\n") == 1


def test_diff_of_plans_with_many_teams_computes_team_loads_once_per_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`planner diff` of a plan with 3,000 teams ran for minutes: the team table read ``team_peaks`` (every team's
    load, recomputed at each read) twice per team and plan. Now once per plan."""
    import planner.analysis.compare as compare

    decisions = [
        {"id": f"d{k}", "title": f"D{k}", "stage": "s", "owner": f"t{k}", "duration": 1, "headcount": 2}
        for k in range(40)
    ]
    plan = {
        **SMALL,
        "teams": [{"id": f"t{k}", "name": f"T{k}", "capacity": 1} for k in range(40)],
        "decisions": decisions,
        "dependencies": [],
    }
    a, b = tmp_path / "a.plan.json", tmp_path / "b.plan.json"
    a.write_text(json.dumps(plan), encoding="utf-8")
    decisions[0]["headcount"] = 3
    b.write_text(json.dumps(plan), encoding="utf-8")
    calls: list[int] = []
    real = compare.team_loads

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(compare, "team_loads", counted)
    assert main(["diff", str(a), str(b), "--iterations", "20"]) == 0
    out = capsys.readouterr().out
    assert "  T0 " in out and "2 (1)" in out and "3 (1)" in out
    assert len(calls) == 2


def test_the_atomic_write_never_replaces_a_device_or_a_pipe(tmp_path: Path) -> None:
    """Every save, export and report goes through it: renaming a new file over a FIFO or /dev/null replaced the
    pipe or the device itself (as root, for the whole system)."""
    import errno

    from planner.model.io import write_text_atomic

    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.plan.json"
        os.mkfifo(fifo)
        with pytest.raises(OSError) as exc:
            write_text_atomic(fifo, "{}")
        assert exc.value.errno == errno.EINVAL and exc.value.filename == str(fifo)
        assert exc.value.strerror == "it is a pipe (FIFO), not a regular file"
        assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    if os.path.exists("/dev/null"):
        with pytest.raises(OSError, match="it is a device, not a regular file"):
            write_text_atomic("/dev/null", "{}")
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert [p.name for p in tmp_path.iterdir()] == (["pipe.plan.json"] if hasattr(os, "mkfifo") else [])
    plain = tmp_path / "plain.plan.json"
    write_text_atomic(plain, "{}")  # a regular file (or none yet) is written as before
    assert plain.read_text(encoding="utf-8") == "{}"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["simulate", "{big}", "-n", "10000000"],
            "--iterations 10,000,000: 1,000 decisions would sample 10,000,000,000 durations, more than the "
            "2,000,000,000 a run may take (hours of work); choose at most 2,000,000 iterations",
        ),
        (
            [
                "report",
                "{big}",
                "-o",
                "{tmp}/r.pdf",
                "--simulate",
                "--iterations",
                "1000000",
                "-q",
                "--seed",
                "1",
            ],
            "--iterations 1,000,000: 1,000 decisions would sample 1,000,000,000 durations, more than the "
            "999,999,999 a run may take (hours of work); choose at most 999,999 iterations",
        ),
        (
            ["diff", "{big}", "{big}", "--iterations", "1000000"],
            "--iterations 1,000,000: 1,000 decisions in each of 2 plans would sample 2,000,000,000 durations, more "
            "than the 999,999,999 a run may take (hours of work); choose at most 499,999 iterations",
        ),
    ],
)
def test_a_monte_carlo_run_of_hours_is_refused_up_front(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    message: str,
) -> None:
    """10,000,000 iterations of a 20,000-decision plan would have run for hours (100,000 took 74 s)."""
    import planner.commands.common as common

    big = tmp_path / "big.plan.json"
    decisions = [{"id": f"d{k}", "title": f"D{k}", "stage": "s", "duration": 1} for k in range(1000)]
    big.write_text(json.dumps({**SMALL, "decisions": decisions, "dependencies": []}), encoding="utf-8")
    if "999,999,999" in message:  # the report and diff: the same check on a smaller budget (a quick test)
        monkeypatch.setattr(common, "MAX_SAMPLES", 999_999_999)
    argv = [a.replace("{big}", str(big)).replace("{tmp}", str(tmp_path)) for a in argv]
    assert refused(argv, capsys) == f"planner: {message}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.plan.json"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["simulate", "{plan}", "-n", "abc"],
            "argument --iterations/-n: 'abc' is not a whole number; write one in",
        ),
        (["simulate", "{plan}", "--seed", "1.5"], "argument --seed: '1.5' is not a whole number"),
        (
            ["export", "{plan}", "-o", "{tmp}/x.png", "--dpi", "high"],
            "argument --dpi: 'high' is not a whole number",
        ),
        (
            ["compare", "{plan}", "--iterations", "1e999"],
            "argument --iterations/-n: '1e999' is not a whole number",
        ),
        (
            ["analyze", "{plan}", "--level-time-limit", "soon"],
            "argument --level-time-limit: 'soon' is not a number",
        ),
        (
            ["analyze", "{plan}", "--level", "--level-time-limit", "nan"],
            "planner: --level-time-limit nan: give the",
        ),
        (
            ["analyze", "{plan}", "--level-time-limit", "1e308"],
            "planner: --level-time-limit 1e+308: give the",
        ),
        (
            ["simulate", "{plan}", "-n", "1e9"],
            "planner: --iterations 1000000000: choose between 1 and 10,000,000",
        ),
    ],
)
def test_option_values_that_are_not_numbers_say_what_to_write(
    tmp_path: Path, small: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    argv = [a.replace("{plan}", str(small)).replace("{tmp}", str(tmp_path)) for a in argv]
    with pytest.raises(SystemExit) if message.startswith("argument") else contextlib.nullcontext():
        code = main(argv)
        assert code == 2
    err = capsys.readouterr().err
    assert message in err and "internal error" not in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["small.plan.json"]


def test_whole_number_by_hand() -> None:
    import argparse

    from planner.commands.common import whole_number

    assert [whole_number(t) for t in ("0", "-1", "10000", "1e4", "2.0", " 7 ")] == [0, -1, 10000, 10000, 2, 7]
    for bad in ("", "abc", "1.5", "nan", "inf", "1e999", "0x10"):
        with pytest.raises(argparse.ArgumentTypeError):
            whole_number(bad)


OPTION_FUZZ = settings(
    max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)


@OPTION_FUZZ
@given(st.randoms(use_true_random=False))
def test_fuzzed_hostile_option_values_behave(rng: random.Random) -> None:
    """One to three hostile option values (tests/fuzz_plans.OPTION_VALUES) on simulate, analyze, export, compare
    and report of a sample plan with scenarios: exit 0/1/2 with one message, nothing written on exit 2."""
    from tests.fuzz_plans import option_case, run_options_case

    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "plan.plan.json"
        plan.write_bytes(FRAUD.read_bytes())
        argv = option_case(rng, plan, Path(folder))
        assert run_options_case(argv, Path(folder)) == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["analyze", "{plan}", "--status-date", "-inf"],
            "planner: --status-date '-inf': weeks must be between 0",
        ),
        (
            ["export", "{plan}", "-o", "{tmp}/x.png", "--size", "-5x5"],
            "planner: --size '-5x5': width and height",
        ),
        (
            ["simulate", "{plan}", "-n", "5", "--by", "-5w"],
            "planner: --by: '-5w' is neither a number of weeks",
        ),
        (
            ["export", "{plan}", "-o", "--chart"],
            "argument -o/--output: expected one argument",
        ),  # an option: kept
    ],
)
def test_a_value_starting_with_a_dash_reaches_the_command(
    tmp_path: Path, small: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """argparse took ``-inf`` or ``-5x5`` after an option for an option of its own: "expected one argument"."""
    argv = [a.replace("{plan}", str(small)).replace("{tmp}", str(tmp_path)) for a in argv]
    with pytest.raises(SystemExit) if message.startswith("argument") else contextlib.nullcontext():
        assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_dash_values_by_hand() -> None:
    from planner.cli import _dash_values, build_parser

    parser = build_parser()
    assert _dash_values(parser, ["analyze", "f", "--status-date", "-inf", "--level"]) == [
        "analyze",
        "f",
        "--status-date=-inf",
        "--level",
    ]
    assert _dash_values(parser, ["export", "f", "-o", "--chart", "gantt"]) == [
        "export",
        "f",
        "-o",
        "--chart",
        "gantt",
    ]
    assert _dash_values(parser, ["export", "f", "-o", "-", "--", "-x"]) == [
        "export",
        "f",
        "-o",
        "-",
        "--",
        "-x",
    ]
    assert _dash_values(parser, ["nope", "--x", "-y"]) == ["nope", "--x", "-y"]


def test_control_characters_of_a_plan_never_reach_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A title with ESC ] 0 ; (the terminal's window title), ESC [ 2 J (clear the screen) or a carriage return
    acted on the user's terminal when `planner analyze` printed it; on a terminal each is shown as its escape."""
    import io as _io

    class Tty(_io.StringIO):
        def isatty(self) -> bool:
            return True

    title = "Plan\x1b]0;pwned\x07\x1b[2J\rX\x9b\u202eok\tend"
    plan = {**SMALL, "title": title}
    path = tmp_path / "ctrl.plan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    out = Tty()
    monkeypatch.setattr("sys.stdout", out)
    assert main(["analyze", str(path)]) == 0
    first = out.getvalue().splitlines()[0]
    # the tab too (H-unseen23): a name stays on its line and in its column, written as units.one_line writes it;
    # and the right-to-left override, which turned the rest of the line around (session 24)
    assert first == "Plan\\x1b]0;pwned\\x07\\x1b[2J\\x0dX\\x9b\\u202eok\\x09end"
    assert "\x1b" not in out.getvalue()
    piped = (
        _io.StringIO()
    )  # a file or a pipe gets the same line (it held the raw title, which split the line)
    monkeypatch.setattr("sys.stdout", piped)
    assert main(["analyze", str(path)]) == 0
    assert piped.getvalue().startswith(first + "\n")


def test_output_to_a_full_disk_is_one_line_not_an_internal_error(
    small: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`planner check PLAN > /dev/full` printed "internal error: OSError: [Errno 28]"."""
    import errno
    import io as _io

    class Full(_io.StringIO):
        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("sys.stdout", Full())
    assert main(["check", str(small)]) == 2
    assert capsys.readouterr().err == f"planner: cannot write the output: {os.strerror(errno.ENOSPC)}\n"
