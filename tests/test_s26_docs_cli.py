"""What `planner report --help` and docs/report.md say of the comparison section holds: it is not a default, and
asking for it without the scenarios to compare is refused with what to do (it used to be left out silently, and
the report written without it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import main

ROOT = Path(__file__).resolve().parent.parent
FRAUD = ROOT / "sample_plans" / "fraud-detection.plan.json"


def test_the_comparison_section_without_scenarios_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.pdf"
    assert main(["report", str(FRAUD), "--sections", "cover,comparison", "-o", str(out), "-q"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "--scenarios" in err and "planner scenarios FILE" in err
    assert not out.exists()


def test_the_sections_help_says_comparison_is_not_a_default() -> None:
    import argparse

    from planner.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices["report"]
    help_text = next(a.help for a in sub._actions if "--sections" in a.option_strings) or ""
    assert "default: all but comparison, which --scenarios adds" in help_text
    from planner.report.sections import default_section_names

    assert "comparison" not in default_section_names()


def test_import_report_json_is_one_json_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`planner import ... --report json` wrote the JSON report and then "Wrote FILE." on stderr, so a program
    reading it (`2>report.json`, `2>&1 | jq`) got something that is not JSON. It is now one document, with the
    file written and the imported plan's errors in it."""
    import json

    out = tmp_path / "project.plan.json"
    source = ROOT / "tests" / "io" / "data" / "task-links-project2013-mspdi.xml"
    assert main(["import", str(source), "-o", str(out), "--report", "json"]) == 0
    captured = capsys.readouterr()
    document = json.loads(captured.err)
    assert document["output"] == str(out) and document["errors"] == 0
    assert document["counts"] and document["items"]
    assert out.is_file() and captured.out == ""


@pytest.mark.parametrize(
    ("argv", "most"),
    [
        (["simulate", str(FRAUD)], 10_000_000),
        (["compare", str(FRAUD)], 1_000_000),
        (["diff", str(FRAUD), str(FRAUD)], 1_000_000),
        (["report", str(FRAUD), "--simulate", "-o", "r.pdf"], 1_000_000),
    ],
)
def test_the_iteration_limits_are_the_readmes(
    argv: list[str],
    most: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The README's Limits table said 10,000,000 iterations for simulate, compare, diff and report --simulate;
    the last three stop at 1,000,000. Each command refuses one more than the README gives it (exit 2, before any
    work), and the README gives each its own."""
    monkeypatch.chdir(tmp_path)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| Monte Carlo work |"))
    command = argv[0] if argv[0] != "report" else "report --simulate"
    said = row.index(f"`{command}`")
    assert f"{most:,}" in row[max(0, said - 60) : said]
    assert main([*argv, "--iterations", str(most + 1)]) == 2
    assert f"{most:,}" in capsys.readouterr().err
    import argparse

    from planner.cli import build_parser

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)).choices[
        argv[0]
    ]
    help_text = next(a.help for a in sub._actions if "--iterations" in a.option_strings) or ""
    assert f"{most:,} (default" in help_text


@pytest.mark.parametrize(
    ("command", "option", "outside"),
    [("export", "--dpi", ["9", "1201"]), ("screenshot", "--size", ["199x150", "8193x900"])],
)
def test_the_ranges_the_help_gives_are_enforced(
    command: str, option: str, outside: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`export --dpi` and `screenshot --size` refused values outside a range their --help did not give; the help
    now gives it, and values just outside it are refused (exit 2)."""
    import argparse

    from planner.cli import build_parser

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)).choices[
        command
    ]
    help_text = next(a.help for a in sub._actions if option in a.option_strings) or ""
    low, high = {"--dpi": ("10", "1200"), "--size": ("200x150", "8192x8192")}[option]
    assert f"{low} to {high}" in help_text
    for value in outside:
        out = tmp_path / "x.png"
        assert main([command, str(FRAUD), "-o", str(out), f"{option}={value}"]) == 2
        assert not out.exists()
    capsys.readouterr()


def test_the_schedule_risk_section_is_in_a_report_without_a_simulation(tmp_path: Path) -> None:
    """The README said the report has schedule risk "(with --simulate)"; without a simulation the section is there
    too, with the risk register by expected delay, and the README says so."""
    from pypdf import PdfReader

    from planner.analysis import analyze
    from planner.model.io import load_plan
    from planner.report import build_report

    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert (
        "schedule risk (the risk register by expected delay; with `--simulate`, the Monte Carlo figures"
        in readme
    )
    out = tmp_path / "risk.pdf"
    build_report(analyze(load_plan(FRAUD)), out, sections=["risk"])
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert "Schedule risk" in text and "Not simulated" in text and "Risk register" in text
