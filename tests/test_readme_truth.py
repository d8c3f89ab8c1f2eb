"""The README and docs say what is true, as far as a test can hold it mechanically (fast, no network).

- every concrete ``planner ...`` command shown in a code block parses with the real argument parser;
- every option a synopsis shows exists on that command, and every choice it lists is a real choice;
- every option of every command's ``--help`` is in the README's synopsis of that command;
- every relative link, image and backticked repository path in the README and docs exists;
- every dependency in pyproject.toml is named in the README's "Dependencies and why";
- every field of the plan model is in the README's field table, and nothing there that the model lacks;
- every package of ``planner/`` (and every folder of ``planner/ui``) is in docs/architecture.md;
- the decision counts the README gives for the samples and the template are the files'.
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from planner.cli import build_parser
from planner.model import plan as plan_model
from planner.model.io import load_plan

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = [
    README,
    *sorted((ROOT / "docs").glob("*.md")),
    ROOT / "CONTRIBUTING.md",
    ROOT / "benchmarks" / "README.md",
]
FENCE = re.compile(r"^```(\S*)\s*$")


def _blocks(path: Path) -> Iterator[tuple[str, int, str]]:
    """(language, line number, line) of every line inside a fenced code block."""
    lang: str | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        fence = FENCE.match(line)
        if lang is None and fence:
            lang = fence.group(1) or "plain"
        elif lang is not None and line.startswith("```"):
            lang = None
        elif lang is not None:
            yield lang, number, line


def _section(title: str) -> str:
    """The README text under ``## title`` up to the next ``## `` heading."""
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else len(text)]


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


COMMANDS = _subparsers()


# -- concrete commands ------------------------------------------------------------------------------------------
def _concrete_commands() -> list[tuple[str, list[str]]]:
    """Commands a reader would type: ``$ planner ...`` lines of console blocks and ``planner`` lines of bash
    blocks (comments, pipes and the program's path taken off)."""
    found = []
    for path in DOCS:
        for lang, number, line in _blocks(path):
            text = line.strip()
            if lang == "console":
                if not text.startswith("$ "):
                    continue
                text = text[2:]
            elif lang != "bash":
                continue
            for command in re.split(r"&&|\|(?!\|)", text):
                words = shlex.split(command, comments=True)
                if words and re.fullmatch(r"(\S*/)?planner", words[0]):
                    found.append((f"{path.relative_to(ROOT)}:{number}", words[1:]))
        # Inline commands written out in full (a file named, no placeholder such as FILE, [...] or A|B).
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"`((?:\S*/)?planner [^`]*)`", text):
            command = " ".join(match.group(1).split())
            if re.search(r"\[|\||…|\.\.\.|\b[A-Z]{2,}\b", command):
                continue
            if re.search(r"\.(json|xml|gan|csv|xlsx|pdf|png|svg)\b", command):
                number = text[: match.start()].count("\n") + 1
                found.append((f"{path.relative_to(ROOT)}:{number}", shlex.split(command)[1:]))
    return found


CONCRETE = _concrete_commands()


def test_the_readme_shows_commands() -> None:
    assert len(CONCRETE) >= 10, CONCRETE


@pytest.mark.parametrize(("where", "argv"), CONCRETE, ids=[w for w, _ in CONCRETE])
def test_each_command_shown_parses(where: str, argv: list[str]) -> None:
    parser = build_parser()
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        argv = ["open", *argv]  # `planner FILE` is `planner open FILE` (cli.main)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        pytest.fail(f"{where}: `planner {' '.join(argv)}` does not parse (exit {exc.code})")
    assert args.command == argv[0]


# -- synopses ---------------------------------------------------------------------------------------------------
def _synopses() -> list[tuple[str, list[str], str]]:
    """(where, commands, text) of every synopsis line of a plain code block in README and docs: a line that
    starts with ``planner`` and the indented lines under it that carry on its options."""
    found: list[tuple[str, list[str], str]] = []
    for path in DOCS:
        current: tuple[str, list[str], str] | None = None
        for lang, number, line in _blocks(path):
            if lang != "plain":
                continue
            head = re.match(r"planner (\S+)", line)
            if head and not re.match(
                r"planner \S+\s+\d", line
            ):  # not a timing table ("planner check SAMPLE 0.5 s")
                word = head.group(1)
                names = ["open"] if word.startswith("[") else [w for w in word.split("|") if not w.isupper()]
                if current:
                    found.append(current)
                current = (f"{path.relative_to(ROOT)}:{number}", names, line)
            elif current and re.match(r"\s+\[", line):
                current = (current[0], current[1], current[2] + " " + line)
            else:
                if current:
                    found.append(current)
                current = None
        if current:
            found.append(current)
    # `planner scenarios FILE | compare FILE [...] | diff A B` names three commands on one line.
    out = []
    for where, names, text in found:
        if " | " in text and names and names[0] == "scenarios":
            for part in text.split(" | "):
                part = part.strip()
                command = part.removeprefix("planner ").split()[0]
                out.append((where, [command], part))
        else:
            out.append((where, names, text))
    return out


SYNOPSES = _synopses()


def _options_in(text: str) -> list[tuple[str, str | None]]:
    """(option, the choices written after it or None) of every option a synopsis shows."""
    out = []
    for match in re.finditer(r"(?<![\w-])(--?[a-zA-Z][\w-]*)(?:[ =]([\w.,-]+(?:\|[\w.,-]+)+))?", text):
        out.append((match.group(1), match.group(2)))
    return out


def test_the_synopses_are_found() -> None:
    covered = {name for _, names, _ in SYNOPSES for name in names}
    assert covered == set(COMMANDS), f"commands without a synopsis: {sorted(set(COMMANDS) - covered)}"


@pytest.mark.parametrize(("where", "names", "text"), SYNOPSES, ids=[s[0] for s in SYNOPSES])
def test_every_documented_option_exists(where: str, names: list[str], text: str) -> None:
    for name in names:
        assert name in COMMANDS, f"{where}: there is no command `planner {name}`"
        actions = {s: a for a in COMMANDS[name]._actions for s in a.option_strings}
        for option, choices in _options_in(text):
            assert option in actions, f"{where}: `planner {name}` has no option {option}"
            valid = actions[option].choices
            if choices and valid is not None:
                unknown = [c for c in choices.split("|") if c not in valid]
                assert not unknown, f"{where}: {option} of `planner {name}` has no choice {unknown}"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_option_of_each_command_is_documented(name: str) -> None:
    shown = " ".join(text for _, names, text in SYNOPSES if name in names)
    shown_options = {option for option, _ in _options_in(shown)}
    for action in COMMANDS[name]._actions:
        if not action.option_strings or "--help" in action.option_strings:
            continue
        assert shown_options & set(action.option_strings), (
            f"`planner {name} {action.option_strings[0]}` is in --help but in no synopsis of README/docs"
        )


def test_the_chart_names_are_real() -> None:
    from planner.charts import CHARTS

    line = next(text for _, names, text in SYNOPSES if "export" in names and "--chart" in text)
    shown = re.search(r"--chart ([\w|-]+)", line)
    assert shown is not None
    assert set(shown.group(1).split("|")) == set(CHARTS)


# -- links and paths --------------------------------------------------------------------------------------------
LINK = re.compile(r"\]\(([^)\s]+)\)")
REPO_PATH = re.compile(
    r"`((?:planner|docs|tests|benchmarks|packaging|scripts|resources|sample_plans|\.ci)/[\w./*-]*)(?:::\w+)?`"
)


def _anchors(path: Path) -> set[str]:
    """The anchors GitHub gives the headings of ``path``: lower case, punctuation dropped, spaces to hyphens."""
    headings = re.findall(r"^#+ (.+)$", path.read_text(encoding="utf-8"), flags=re.M)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}


@pytest.mark.parametrize("path", DOCS, ids=[str(p.relative_to(ROOT)) for p in DOCS])
def test_links_and_paths_resolve(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    broken = []
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):
            continue
        file, _, anchor = target.partition("#")
        linked = path.parent / file if file else path
        missing_anchor = (
            bool(anchor) and linked.suffix == ".md" and linked.exists() and anchor not in _anchors(linked)
        )
        if not linked.exists() or missing_anchor:
            broken.append(target)
    for target in REPO_PATH.findall(text):
        if not (any(ROOT.glob(target)) if "*" in target else (ROOT / target).exists()):
            broken.append(target)
    assert not broken, f"{path.relative_to(ROOT)}: these do not exist: {broken}"


def test_every_screenshot_the_readme_shows_is_a_png() -> None:
    for target in re.findall(r"!\[[^\]]*\]\(([^)]+\.png)\)", README.read_text(encoding="utf-8")):
        assert (ROOT / target).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", target


# -- dependencies -----------------------------------------------------------------------------------------------
def test_every_dependency_is_named_with_its_reason() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        wanted += [d for d in extra if not d.startswith(project["name"])]
    table = _section("Dependencies and why").lower()
    rows = [line for line in table.splitlines() if line.startswith("| ")]
    for requirement in wanted:
        name = re.match(r"[A-Za-z0-9_.-]+", requirement).group(0).lower()
        row = next(
            (r for r in rows if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", r.split("|")[1])), None
        )
        assert row is not None, f"{name} (pyproject.toml) is not in README 'Dependencies and why'"
        assert len(row.split("|")[2].strip()) > 10, f"{name}: no reason given"


# -- the file format --------------------------------------------------------------------------------------------
def _model_fields(model: type[BaseModel], prefix: str, seen: set[type]) -> Iterator[str]:
    seen.add(model)
    for name, field in model.model_fields.items():
        key = field.alias or name
        yield f"{prefix}{key}"
        for inner in _models_in(field.annotation):
            if inner not in seen:
                yield from _model_fields(inner, f"{prefix}{key}.", seen)


def _models_in(annotation: object) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in getattr(annotation, "__args__", ()):
        yield from _models_in(arg)


def _field_table() -> dict[str, tuple[set[str], str]]:
    """README's "Every field" table: object ('' for the plan itself) -> (the field names it shows, its text)."""
    section = _section("The plan file")
    table = section[section.index("**Every field.**") :]
    table = table[: table.index("\n\n", table.index("| object |"))]
    rows = {}
    for line in table.splitlines():
        cells = line.split(" | ")
        if not line.startswith("| ") or len(cells) != 2 or cells[0] in ("| object", "|---"):
            continue
        name = cells[0].removeprefix("| ").strip("`").removesuffix("[]")
        rows["" if name.startswith("plan") else name] = (set(re.findall(r"`([a-z_]+)`", cells[1])), cells[1])
    return rows


def test_the_field_table_matches_the_model() -> None:
    rows = _field_table()
    model = [f for f in _model_fields(plan_model.Plan, "", set()) if f.count(".") <= 2]
    # A scenario's added decisions and dependencies are plan decisions and dependencies: not repeated.
    model = [f for f in model if not re.match(r"scenarios\.add_(decisions|dependencies)\.", f)]
    for path in model:
        parts = path.split(".")
        top = "" if len(parts) == 1 else parts[0]
        assert top in rows, f"README's field table has no row for {top}"
        assert parts[-1] in rows[top][0], f"README's field table does not name {path}"
    for top, (names, _) in rows.items():
        known = {
            f.split(".")[-1]
            for f in model
            if (f.split(".")[0] == top and "." in f) or (not top and "." not in f)
        }
        assert names <= known, f"README's field table names {sorted(names - known)} under {top or 'plan'}"


def test_the_field_table_marks_what_the_schema_requires() -> None:
    import json

    schema = json.loads((ROOT / "planner" / "resources" / "plan.schema.v1.json").read_text(encoding="utf-8"))
    rows = _field_table()
    objects = {
        "": schema,
        "ai_system": schema["$defs"]["AISystem"],
        "stages": schema["$defs"]["Stage"],
        "areas": schema["$defs"]["Area"],
        "teams": schema["$defs"]["Team"],
        "decisions": schema["$defs"]["Decision"],
        "dependencies": schema["$defs"]["Dependency"],
        "risks": schema["$defs"]["Risk"],
        "baselines": schema["$defs"]["Baseline"],
        "scenarios": schema["$defs"]["Scenario"],
    }
    for top, definition in objects.items():
        text = rows[top][1]
        assert set(definition["properties"]) <= rows[top][0], f"README: {top or 'plan'} lacks a schema field"
        for field in definition.get("required", []):
            assert f"`{field}` (required" in text, f"README: {top or 'plan'}.{field} is required"
        for field in set(definition["properties"]) - set(definition.get("required", [])):
            assert f"`{field}` (required" not in text, f"README: {top or 'plan'}.{field} is not required"


# -- architecture -----------------------------------------------------------------------------------------------
def test_the_architecture_map_lists_every_package() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    package = ROOT / "planner"
    for entry in sorted(package.iterdir()):
        if entry.name.startswith("_") or entry.name == "resources":
            continue
        if (entry / "__init__.py").exists() or entry.suffix == ".py":
            assert f"planner.{entry.stem}`" in text, (
                f"docs/architecture.md does not list planner.{entry.stem}"
            )
    for folder in sorted((package / "ui").iterdir()):
        if (folder / "__init__.py").exists():
            assert f"`ui/{folder.name}/`" in text, (
                f"docs/architecture.md does not list planner/ui/{folder.name}/"
            )
    for doc in ("architecture.md", "architecture-details.md"):
        text = (ROOT / "docs" / doc).read_text(encoding="utf-8")
        for module in re.findall(r"`ui/(\w+)\.py`", text) + re.findall(r"`(\w+)\.py`", text):
            assert list(package.rglob(f"{module}.py")), f"docs/{doc} names {module}.py, which is gone"


def test_the_architecture_map_is_one_page() -> None:
    # the brief: "a one-page map of the packages and how data flows through them"; the detail lives beside it
    lines = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 90, (
        f"docs/architecture.md has {len(lines)} lines: move detail to architecture-details.md"
    )


# -- figures ----------------------------------------------------------------------------------------------------
def test_the_sample_and_template_counts_are_the_files() -> None:
    where = _section("Where things live")
    row = next(line for line in where.splitlines() if line.startswith("| `sample_plans/`"))
    shown = [int(n) for n in re.findall(r"\((\d+)(?: decisions)?\)", row)]
    actual = [
        len(load_plan(ROOT / "sample_plans" / f"{name}.plan.json").decisions)
        for name in ("insights-assistant", "fraud-detection", "bank-assistant", "ai-portfolio")
    ]
    assert shown == actual
    from planner.templates import load_template

    template = load_template("ai-scaling")
    text = README.read_text(encoding="utf-8")
    assert (
        f"{len(template.decisions)} decisions over {len(template.stages)} stages and "
        f"{len(template.areas)} areas" in text
    )


# -- the examples print what they show ---------------------------------------------------------------------------
def _console_examples() -> list[tuple[str, list[str], list[str]]]:
    """(where, argv, the output lines shown under it) of every ``$ planner ...`` line of the README's console
    blocks, in reading order (a later example may use a file an earlier one wrote)."""
    examples: list[tuple[str, list[str], list[str]]] = []
    for lang, number, line in _blocks(README):
        if lang != "console":
            continue
        if line.startswith("$ "):
            command, _, pipe = line[2:].partition(" | ")
            words = shlex.split(command, comments=True)
            # `| jq .a.b`: the example shows that value of the JSON, which the test picks out the same way
            jq = re.match(r"jq (\.[\w.]+)", pipe.strip())
            argv = words[1:] + ([f"jq{jq.group(1)}"] if jq else [])
            examples.append((f"README.md:{number}", argv, []))
        elif examples and line.strip() != "...":
            examples[-1][2].append(line.rstrip())
    return examples


def test_the_console_examples_print_what_they_show(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Run as a reader would, from a folder with the repository's sample plans and test data. Left out: the report
    (seconds of work; `tests/report` covers it) and an example on the reader's own plan (`my.plan.json`)."""
    from planner.cli import main

    (tmp_path / "sample_plans").symlink_to(ROOT / "sample_plans")
    (tmp_path / "tests").symlink_to(ROOT / "tests")
    monkeypatch.chdir(tmp_path)
    ran = 0
    for where, argv, shown in _console_examples():
        if argv[0] == "report" or any(a.startswith("my.") for a in argv):
            continue
        path = argv[-1][3:] if argv[-1].startswith("jq.") else None
        if path is not None:
            argv = argv[:-1]
        code = main(argv)
        out, err = capsys.readouterr()
        assert code == 0, f"{where}: `planner {' '.join(argv)}` exited {code}: {err}"
        if path is not None:
            value = json.loads(out)
            for key in filter(None, path.split(".")):
                value = value[key]
            out = json.dumps(value) + "\n"
        printed = [line.rstrip() for line in (out + err).splitlines()]
        at = 0
        for line in shown:
            assert line in printed[at:], (
                f"{where}: `planner {' '.join(argv)}` does not print {line!r} (in order)"
            )
            at = printed.index(line, at) + 1
        ran += 1
    assert ran >= 8


def test_export_help_names_every_chart_and_format() -> None:
    """`planner export --help` names the charts and data formats without importing them: the lists must be the
    registries'."""
    from planner.charts import CHARTS
    from planner.commands.export import BUILTIN_CHARTS
    from planner.commands.interop import DATA_SUFFIXES
    from planner.io import EXPORT_SUFFIXES

    assert set(BUILTIN_CHARTS) == set(CHARTS)
    assert set(DATA_SUFFIXES) == set(EXPORT_SUFFIXES)


def test_export_to_an_unknown_suffix_names_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from planner.cli import main

    code = main(
        ["export", str(ROOT / "sample_plans" / "fraud-detection.plan.json"), "-o", str(tmp_path / "x.txt")]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1
    for suffix in (".png", ".svg", ".pdf", ".xml", ".gan", ".csv", ".xlsx", ".tjp", ".mmd", ".dot"):
        assert suffix in err
    assert not (tmp_path / "x.txt").exists()


def test_the_plan_file_example_is_a_plan_file(tmp_path: Path) -> None:
    """The JSON example under "The plan file" loads as it is (its unknown ids are left to validation)."""
    section = _section("The plan file")
    start = section.index("```json\n") + len("```json\n")
    example = section[start : section.index("```", start)]
    path = tmp_path / "example.plan.json"
    path.write_text(example, encoding="utf-8")
    plan = load_plan(path)
    assert plan.decisions[0].id == "inference-service"
    assert plan.dependencies[0].from_ == "value-case"


def test_the_scenario_example_applies_to_the_fraud_sample(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's scenario example names decisions, a team, a risk and links of the fraud sample: every change
    applies (none skipped as unknown)."""
    import json

    from planner.cli import main

    text = README.read_text(encoding="utf-8")
    start = text.index('"scenarios": [\n')
    fragment = "{" + text[start : text.index("```", start)].strip() + "}"
    plan = json.loads((ROOT / "sample_plans" / "fraud-detection.plan.json").read_text(encoding="utf-8"))
    plan["scenarios"] = json.loads(fragment)["scenarios"]
    path = tmp_path / "scenario.plan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    assert main(["scenarios", str(path), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [s["name"] for s in out["scenarios"]] == ["Buy the feature store"]
    assert main(["check", str(path)]) == 0
    assert "scenario-unknown-reference" not in capsys.readouterr().out


def test_every_finding_code_is_in_what_is_computed() -> None:
    """Each code validation (and the status-date, capacity and scenario checks) can report is in
    docs/what-is-computed.md §3.1, under its severity."""
    source = " ".join(
        (ROOT / "planner" / "analysis" / name).read_text(encoding="utf-8")
        for name in ("validation.py", "progress.py", "capacity.py")
    )
    found = re.findall(r"\b(E|W|I|Severity\.[A-Z]+),\s*\"([a-z]+(?:-[a-z]+)*)\"", " ".join(source.split()))
    assert len(found) >= 20
    text = (ROOT / "docs" / "what-is-computed.md").read_text(encoding="utf-8")
    section = text[text.index("## 3.1") : text.index("## 3.2")]
    parts = {"E": "**Errors**", "W": "**Warnings**", "I": "**Info**"}
    for severity, code in found:
        key = severity[0] if len(severity) == 1 else severity.split(".")[1][0]
        start = section.index(parts[key])
        end = min(
            (section.index(p) for p in parts.values() if section.index(p) > start), default=len(section)
        )
        assert f"`{code}`" in section[start:end], (
            f"{code} is not listed under {parts[key]} in what-is-computed.md"
        )
    # the scenario checks word their codes with a conditional expression
    for code in (
        "scenario-unknown-reference",
        "scenario-duplicate-id",
        "scenario-case-duplicate-id",
        "scenario-cycle",
        "scenario-milestone-duration",
        "scenario-duplicate-dependency",
    ):
        assert f"`{code}`" in section


def test_the_limits_table_gives_the_limits_the_reader_enforces() -> None:
    from planner.model import limits as L

    section = _section("The plan file")
    table = section[section.index("### Limits") :]
    table = table[: table.index("\n\n", table.index("| What | Limit |"))]

    def n(value: float) -> str:
        return f"{int(value):,}"

    expected = [
        f"{L.MAX_PLAN_BYTES // 1_000_000} MB",
        f"at most {L.MAX_DEPTH} levels",
        f"at most {n(L.MAX_NUMBER_DIGITS)} digits",
        f"0–{n(L.MAX_WEEKS)}",
        f"at most {n(L.MAX_WEEKS)} either way",
        f"headcount ≤ {n(L.MAX_HEADCOUNT)}",
        f"capacity ≤ {n(L.MAX_CAPACITY)}",
        f"money ≤ 10^{len(str(int(L.MAX_COST))) - 1}",
        f"plan title ≤ {n(L.MAX_TITLE_CHARS)} characters",
        f"references ≤ {n(L.MAX_NAME_CHARS)}",
        f"descriptions ≤ {n(L.MAX_TEXT_CHARS)}",
        f"{n(L.MAX_DECISIONS)} decisions",
        f"{n(L.MAX_DEPENDENCIES)} dependencies",
        f"{n(L.MAX_STAGES)} stages",
        f"{n(L.MAX_AREAS)} areas",
        f"{n(L.MAX_TEAMS)} teams and risks",
        f"{n(L.MAX_BASELINES)} baselines",
        f"{n(L.MAX_LIST_ITEMS)} gate criteria, tags or references",
    ]
    assert L.MAX_TEAMS == L.MAX_RISKS and 10 ** (len(str(int(L.MAX_COST))) - 1) == L.MAX_COST
    missing = [text for text in expected if text not in table]
    assert not missing, f"README 'Limits' does not say: {missing}"
