"""Every function, class, constant or module of the planner that the README and docs name in code (`reanalyze`,
`planner.analysis.capacity.team_loads`, `graph_tiles(...)`, `SideBySide`) still exists: a rename or a removal that
leaves the docs naming the old one fails here. test_readme_truth checks the file paths; this checks the names."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md"))]

# Names of other programs the docs quote in code: Python's built-ins, matplotlib's PdfPages, JSON's NaN, and the
# element names of MS Project XML and Primavera's scheduler (the README's interop table).
FOREIGN_PREFIXES = ("os.", "gc.", "json.", "inspect.", "dataclasses.", "matplotlib.", "reportlab.", "numpy.")
FOREIGN = {"max", "min", "round", "PdfPages", "NaN", "Infinity", "PrimaveraScheduler"}
# The first part of a dotted name that makes it the planner's (`analysis.cost.target_margin`, `units.one_line`).
OURS = {"planner", "model", "analysis", "charts", "report", "io", "ui", "units", "commands", "cli", "desktop"}


def _defined() -> set[str]:
    files = list((ROOT / "planner").rglob("*.py"))
    source = "\n".join(path.read_text(encoding="utf-8") for path in files)
    names = set(re.findall(r"^\s*(?:async\s+)?(?:def|class)\s+(\w+)", source, re.M))
    names |= set(re.findall(r"^\s*(\w+)\s*(?::[^=\n]+)?=", source, re.M))  # constants, attributes, aliases
    names |= {path.stem for path in files} | {
        path.name for path in (ROOT / "planner").rglob("*") if path.is_dir()
    }
    return names | {"planner"}


def _named_in_code() -> list[tuple[str, str]]:
    """(where, name) of each name in backticks that reads as the planner's code: a call (`f(...)`), a dotted name
    starting with one of its packages, or (outside the README, whose interop table quotes other tools' XML) a
    CamelCase class name."""
    found = []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"`([A-Za-z_][\w.]*)(\([^`]*\))?`", text):
            name, call = match.group(1), match.group(2)
            parts = name.split(".")
            if name.startswith(FOREIGN_PREFIXES) or name.startswith("Q") or name in FOREIGN:
                continue
            if re.search(r"\.(py|md|json|toml|yaml|sm|log|conf)$", name):
                continue  # a file: test_readme_truth resolves those
            camel = path.name != "README.md" and re.fullmatch(r"[A-Z][a-z]+[A-Z]\w*", name) is not None
            if call is not None or (len(parts) > 1 and parts[0] in OURS) or camel:
                line = text[: match.start()].count("\n") + 1
                found.append((f"{path.relative_to(ROOT)}:{line}", name))
    return found


def test_every_name_the_docs_give_the_code_exists() -> None:
    defined = _defined()
    named = _named_in_code()
    assert len(named) >= 100, f"only {len(named)} names found: the pattern no longer reads the docs"
    gone = [f"{where}: `{name}`" for where, name in named if any(p not in defined for p in name.split("."))]
    assert not gone, "the docs name code that is not in planner/:\n" + "\n".join(gone)


def _parameters() -> dict[str, set[str]]:
    """Each function's parameter names and each class's annotated fields, by name, over planner/."""
    import ast

    found: dict[str, set[str]] = {}
    for path in (ROOT / "planner").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                args = node.args
                names = {a.arg for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]}
            elif isinstance(node, ast.ClassDef):
                names = {
                    t.target.id
                    for t in node.body
                    if isinstance(t, ast.AnnAssign) and isinstance(t.target, ast.Name)
                }
            else:
                continue
            found.setdefault(node.name, set()).update(names)
    return found


def test_every_keyword_the_docs_pass_is_a_parameter() -> None:
    """`simulate(..., common_random_numbers=True)`, `graph_tiles(..., max_whole=60, compact=True)`, `Section(...,
    new_page=True)`: each keyword a call in the docs passes is a parameter (or field) of what it calls."""
    parameters = _parameters()
    checked, wrong = 0, []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"`([A-Za-z_][\w.]*)\(([^`]*)\)`", text):
            name = match.group(1).split(".")[-1]
            for keyword in re.findall(r"(?<![\w.])([a-z_]\w*)=", match.group(2)):
                checked += 1
                if keyword not in parameters.get(name, set()):
                    wrong.append(f"{path.relative_to(ROOT)}: `{match.group(0)}`: {name} takes no {keyword}")
    assert checked >= 8
    assert not wrong, wrong


def test_the_defaults_of_the_field_table_are_the_models() -> None:
    """The README's "Every field" table gives defaults (`headcount` (..., default 1), `type` (...; default FS),
    `systemic_risk` (true/false, default false)): each is the model's default for that field."""
    from enum import Enum

    from pydantic import BaseModel

    from planner.model import plan as model

    classes = [c for c in vars(model).values() if isinstance(c, type) and issubclass(c, BaseModel)]
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text[text.index("**Every field.**") : text.index("What every figure means")]
    checked, wrong = 0, []
    for row in table.splitlines():
        for field, said in re.findall(r"`(\w+)` \(([^()]*(?:\([^()]*\)[^()]*)*)\)", row):
            default = re.search(r"default (\w+)", said)
            if default is None or "`" in said or default.group(1) in ("the", "a", "an"):
                continue  # no default said, one said in words, or the parenthesis is about other fields
            owners = [c for c in classes if field in c.model_fields or field + "_" in c.model_fields]
            values = set()
            for owner in owners:
                info = owner.model_fields.get(field) or owner.model_fields[field + "_"]
                value = info.default
                value = value.value if isinstance(value, Enum) else value
                values.add(str(value).lower().removesuffix(".0"))
            checked += 1
            if default.group(1).lower() not in values:
                wrong.append(
                    f"`{field}`: the README says default {default.group(1)}, the model {sorted(values)}"
                )
    assert checked >= 6
    assert not wrong, wrong
