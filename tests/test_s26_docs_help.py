"""`planner COMMAND --help` says what a reader needs without the README: every command has a description, and every
option that takes a value and has a default says it (an option whose default is a value the help keeps quiet about
cannot be used without reading the source)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from planner.cli import build_parser


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


COMMANDS = _subparsers()


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_a_description(name: str) -> None:
    description = COMMANDS[name].description
    assert description and len(description) > 30, f"`planner {name} --help` has no description"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_default_is_said(name: str) -> None:
    quiet = []
    for action in COMMANDS[name]._actions:
        if action.nargs == 0 or action.default in (None, [], argparse.SUPPRESS):
            continue  # flags, and options whose absence is "not given"
        if "default" not in (action.help or ""):
            quiet.append(f"{'/'.join(action.option_strings) or action.dest} (default {action.default!r})")
    assert not quiet, f"`planner {name} --help` does not say the default of: {', '.join(quiet)}"


def test_the_defaults_said_are_the_defaults() -> None:
    """Where a help text writes ``default X`` for an option with a plain default, X is that default."""
    import re

    wrong, compared = [], 0
    for name, parser in COMMANDS.items():
        for action in parser._actions:
            if action.nargs == 0 or not isinstance(action.default, (str, int, float)):
                continue
            said = re.search(r"default:? ([\w.-]+)", action.help or "")
            if said is None:
                continue
            value = action.default
            shown = f"{value:g}" if isinstance(value, float) else str(value)
            compared += 1
            if said.group(1).rstrip(".") != shown:
                wrong.append(f"planner {name} {action.option_strings}: says {said.group(1)!r}, is {shown!r}")
    assert not wrong, wrong
    assert compared >= 10


def test_diff_help_gives_the_exit_code_of_a_plan_that_cannot_be_scheduled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`planner diff --help` said only "Exit 0 also when the plans differ"; a plan with a cycle is exit code 1."""
    import json

    from planner.cli import main

    def write(name: str, links: list[tuple[str, str]]) -> str:
        plan = {
            "schema_version": 1,
            "title": name,
            "stages": [{"id": "s", "name": "S"}],
            "decisions": [{"id": i, "title": i.upper(), "stage": "s"} for i in ("a", "b")],
            "dependencies": [{"from": x, "to": y} for x, y in links],
        }
        path = tmp_path / f"{name}.plan.json"
        path.write_text(json.dumps(plan), encoding="utf-8")
        return str(path)

    good, looped = write("good", [("a", "b")]), write("looped", [("a", "b"), ("b", "a")])
    assert main(["diff", good, good, "-n", "0"]) == 0
    assert main(["diff", good, looped, "-n", "0"]) == 1
    capsys.readouterr()
    description = " ".join((COMMANDS["diff"].description or "").split())
    assert "Exit 0 also when the plans differ; 1 when either cannot be scheduled" in description


def test_the_readme_synopses_list_every_choice() -> None:
    """Where the README's command-line synopsis lists an option's choices (`--format a|b|c`), it lists all of them
    (test_readme_truth checks the other way: every choice listed is real). `import --format` left out xls, ods
    and mpxj."""
    import re

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("\n## The command line\n") :]
    block = section[section.index("```\n") + 4 : section.index("\n```", section.index("```\n") + 4)]
    texts: dict[str, str] = {}
    command = ""
    for line in block.splitlines():
        head = re.match(r"planner (\S+)", line)
        if head:
            command = "open" if head.group(1).startswith("[") else head.group(1)
        texts[command] = texts.get(command, "") + " " + line
    checked, short = 0, []
    for name, text in texts.items():
        if name not in COMMANDS:
            continue
        actions = {s: a for a in COMMANDS[name]._actions for s in a.option_strings}
        for option, listed in re.findall(r"(?<![\w-])(--[a-z][\w-]*)[ =]([\w.-]+(?:\|[\w.-]+)+)", text):
            action = actions.get(option)
            if action is None or action.choices is None:
                continue
            checked += 1
            left_out = [c for c in action.choices if c not in listed.split("|")]
            if left_out:
                short.append(f"planner {name} {option}: {left_out}")
    assert checked >= 10
    assert not short, f"the README's synopsis leaves out choices: {short}"


def _commands_with(option: str) -> set[str]:
    return {
        name for name, parser in COMMANDS.items() if any(option in a.option_strings for a in parser._actions)
    }


def _named_in(sentence: str) -> set[str]:
    import re

    return set(re.findall(r"[`\s]([a-z]+)`?(?=[,\s]|$)", sentence)) & set(COMMANDS)


def test_the_commands_said_to_take_scenario_and_status_date_are_those_that_do() -> None:
    """`planner scenarios --help` listed --scenario on analyze, simulate, report and export (check, coverage and
    open take it too); docs/progress-and-status-date.md left coverage out of --status-date."""
    import re

    description = " ".join((COMMANDS["scenarios"].description or "").split())
    said = re.search(r"Use --scenario NAME on (.+?) to work on one", description)
    assert said is not None
    assert _named_in(" " + said.group(1)) == _commands_with("--scenario")
    page = (Path(__file__).resolve().parent.parent / "docs" / "progress-and-status-date.md").read_text(
        "utf-8"
    )
    said = re.search(r"`--status-date` on (.+?) overrides", " ".join(page.split()))
    assert said is not None
    assert _named_in(" " + said.group(1)) == _commands_with("--status-date")


def test_the_top_level_help_gives_the_exit_codes() -> None:
    """`planner --help` said nothing of exit codes, which the README and every script calling planner need."""
    from planner.cli import build_parser
    from planner.commands.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE

    epilog = " ".join((build_parser().epilog or "").split())
    assert f"Exit codes: {EXIT_OK} success, {EXIT_INVALID} the plan has validation errors" in epilog
    assert f"{EXIT_USAGE} the input cannot be read or the command is misused" in epilog


def test_check_help_gives_the_exit_code_of_a_wrong_option(capsys: pytest.CaptureFixture[str]) -> None:
    """`planner check --help` gave 2 for "a file cannot be read" only; an unknown scenario is 2 as well."""
    from planner.cli import main

    fraud = Path(__file__).resolve().parent.parent / "sample_plans" / "fraud-detection.plan.json"
    assert main(["check", str(fraud), "--scenario", "no such scenario"]) == 2
    capsys.readouterr()
    description = " ".join((COMMANDS["check"].description or "").split())
    assert "2 when a file cannot be read or an option is wrong" in description
