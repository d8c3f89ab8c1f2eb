"""Mutation testing of one module against a chosen set of tests (an optional tool; no extra dependency).

    .venv/bin/python scripts/mutate.py planner/analysis/schedule.py tests/analysis/test_schedule.py ...
    .venv/bin/python scripts/mutate.py planner/units.py tests/test_mutation_units.py --list   # the mutants only
    .venv/bin/python scripts/mutate.py planner/analysis/stages.py tests/analysis --only 3,17  # rerun some

What it does: copies the working tree (without .git, .venv, build, dist) to a scratch folder (``--work``, default
``/tmp/planner-mutate``; ``--refresh`` copies again), so the shared tree is never touched. It parses the module,
lists every mutation site, and for each mutant writes the mutated module (``ast.unparse``, so comments go) into the
copy and runs ``pytest -x -q -p no:cacheprovider`` on the given tests there, one process at a time, with the copy
first on ``PYTHONPATH``. A mutant whose tests fail (or time out) is *killed*; one whose tests pass *survived*.
Sites on lines the tests never run (measured once with a line tracer) are reported as *not run* without running
pytest; a flipped ``strict=``/``repr=``/``compare=``... flag (:data:`FLAGS`) is listed as *excluded*. The first
run checks that the unmutated, re-unparsed module passes. Give the tests cheapest-first: ``-x`` stops at the first
failure, and the test that failed is recorded (``killer``), so with the old tests before new ones the results say
which tests a mutant needed.

Mutations: comparison boundary (``<``/``<=``, ``>``/``>=``) and negation (``==``/``!=``, ``<``/``>=``, ``is``/``is
not``, ``in``/``not in``), arithmetic swaps (``+``/``-``, ``*``/``/``, ``//``/``/``), a dropped ``not`` or unary
minus, ``and``/``or``, numeric constants ``n`` -> ``n + 1`` (and ``1`` -> ``0``), ``True``/``False``,
``max``/``min`` (builtins, numpy functions and methods, ``np.maximum``/``np.minimum``, ``np.argmax``/``argmin``),
``any``/``all``, ``floor``/``ceil``. Docstrings, annotations and f-string text are left alone.

Results go to ``<work>/<module>[.<tag>].results.json`` (rewritten after every mutant, so a stopped run keeps what
it did) and the survivors are printed as ``line: original -> mutant``. ``--survivors <results file>`` reruns only
what survived there (say, against new tests), ``--lines 120-180`` limits the sites, and ``touch <work>/pause``
holds the run between two mutants (to run another pytest without two at once on a shared machine).
"""

from __future__ import annotations

import argparse
import ast
import copy
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
COPY_DIRS = ("planner", "tests", "sample_plans", "resources", "docs", "benchmarks", "scripts")
COPY_FILES = ("pyproject.toml", "README.md", "CONTRIBUTING.md")

BOUNDARY: dict[type, type] = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt}
NEGATE: dict[type, type] = {
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Lt: ast.GtE,
    ast.GtE: ast.Lt,
    ast.Gt: ast.LtE,
    ast.LtE: ast.Gt,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
}
BINOP: dict[type, type] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Div,
    ast.Mod: ast.FloorDiv,
}
FLAGS = {"strict", "repr", "compare", "init", "eq", "frozen", "kw_only", "slots", "hash"}
"""Keyword arguments whose flipped constant changes no figure (``zip(strict=)``, dataclass ``field()`` options):
their mutants are listed as *excluded* and not run."""
NAMES = {
    "max": "min",
    "min": "max",
    "maximum": "minimum",
    "minimum": "maximum",
    "argmax": "argmin",
    "argmin": "argmax",
    "any": "all",
    "all": "any",
    "floor": "ceil",
    "ceil": "floor",
    "fmax": "fmin",
    "fmin": "fmax",
    "nanmax": "nanmin",
    "nanmin": "nanmax",
}


@dataclass
class Site:
    index: int
    line: int
    kind: str
    before: str
    after: str
    status: str = ""
    seconds: float = 0.0
    killer: str = ""  # the test that failed first


class _Mutator:
    """Walks a tree in a fixed order, numbering mutation sites; applies site ``target`` when given."""

    def __init__(self, target: int | None = None) -> None:
        self.target = target
        self.sites: list[tuple[int, str, str, str]] = []

    def _site(self, line: int, kind: str, before: str, after: str) -> bool:
        self.sites.append((line, kind, before, after))
        return len(self.sites) - 1 == self.target

    def run(self, tree: ast.Module) -> None:
        self._visit(tree, skip=False)

    def _visit(self, node: ast.AST, skip: bool) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Module)):
            body = node.body
            start = 1 if body and _is_docstring(body[0]) else 0
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for d in node.args.defaults + [d for d in node.args.kw_defaults if d is not None]:
                    self._visit(d, skip)
                for d in node.decorator_list:
                    self._visit(d, skip)
            for stmt in body[start:]:
                self._visit(stmt, skip)
            return
        if isinstance(node, ast.AnnAssign):
            if node.value is not None:
                self._visit(node.value, skip)
            return
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            return
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            return
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            return
        if isinstance(node, ast.keyword) and node.arg in FLAGS and isinstance(node.value, ast.Constant):
            node.value.flag = True  # type: ignore[attr-defined]  # its mutant is listed, not run
        if not skip:
            self._mutate(node)
        for child in ast.iter_child_nodes(node):
            self._visit(child, skip)

    def _mutate(self, node: ast.AST) -> None:
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Compare):
            for k, op in enumerate(list(node.ops)):
                for kind, table in (("boundary", BOUNDARY), ("negate", NEGATE)):
                    new = table.get(type(op))
                    if new is None:
                        continue
                    before = ast.unparse(node)
                    mutated = copy.deepcopy(node)
                    mutated.ops[k] = new()
                    if self._site(line, kind, before, ast.unparse(mutated)):
                        node.ops[k] = new()
        elif isinstance(node, (ast.BinOp, ast.AugAssign)):
            new = BINOP.get(type(node.op))
            if new is not None:
                before = ast.unparse(node)
                arith = copy.deepcopy(node)
                arith.op = new()
                if self._site(line, "arith", before, ast.unparse(arith)):
                    node.op = new()
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.USub)):
            before = ast.unparse(node)
            # Replace by the operand: done by the parent rewrite below (a wrapper flag on the node).
            if self._site(line, "drop-unary", before, ast.unparse(node.operand)):
                node.op = ast.UAdd() if isinstance(node.op, ast.USub) else _NotDropped()
        elif isinstance(node, ast.BoolOp):
            new_op: ast.boolop = ast.Or() if isinstance(node.op, ast.And) else ast.And()
            before = ast.unparse(node)
            flipped = copy.deepcopy(node)
            flipped.op = new_op
            if self._site(line, "boolop", before, ast.unparse(flipped)):
                node.op = new_op
        elif isinstance(node, ast.Constant) and not isinstance(node.value, str | bytes):
            self._constant(node, line)
        elif isinstance(node, (ast.Name, ast.Attribute)) and isinstance(node.ctx, ast.Load):
            self._name(node, line)

    def _constant(self, node: ast.Constant, line: int) -> None:
        value = node.value
        if isinstance(value, bool):
            new_value: Any = not value
        elif isinstance(value, int | float):
            new_value = 0 if value == 1 else value + 1
        else:
            return
        kind = "flag" if getattr(node, "flag", False) else "constant"
        if self._site(line, kind, repr(value), repr(new_value)):
            node.value = new_value

    def _name(self, node: ast.Name | ast.Attribute, line: int) -> None:
        if isinstance(node, ast.Name):
            if node.id in NAMES and self._site(line, "name", node.id, NAMES[node.id]):
                node.id = NAMES[node.id]
            return
        if node.attr not in NAMES:
            return
        text = ast.unparse(node)
        if self._site(line, "name", text, text.rsplit(".", 1)[0] + "." + NAMES[node.attr]):
            node.attr = NAMES[node.attr]


class _NotDropped(ast.UAdd):
    """Marks a ``not`` to be dropped (replaced by its operand) when unparsing."""


class _DropNot(ast.NodeTransformer):
    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.op, _NotDropped):
            return node.operand
        return node


def _is_docstring(stmt: ast.stmt) -> bool:
    return (
        isinstance(stmt, ast.Expr)
        and isinstance(stmt.value, ast.Constant)
        and isinstance(stmt.value.value, str)
    )


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def sites(source: str) -> list[Site]:
    m = _Mutator()
    m.run(ast.parse(source))
    return [Site(i, *s) for i, s in enumerate(m.sites)]


def mutant(source: str, index: int) -> str:
    tree = ast.parse(source)
    _Mutator(index).run(tree)
    tree = _DropNot().visit(tree)
    return ast.unparse(ast.fix_missing_locations(tree)) + "\n"


def _copy_tree(work: Path) -> None:
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis")
    for d in COPY_DIRS:
        if (ROOT / d).exists():
            shutil.copytree(ROOT / d, work / d, ignore=ignore)
    for f in COPY_FILES:
        if (ROOT / f).exists():
            shutil.copy2(ROOT / f, work / f)


def _env(work: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(work) + os.pathsep + str(work / "tests")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _pytest(work: Path, tests: list[str], timeout: float, extra: list[str]) -> tuple[str, float, str]:
    cmd = [sys.executable, "-B", "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *extra, *tests]
    t0 = time.monotonic()
    try:
        r = subprocess.run(cmd, cwd=work, env=_env(work), capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return "timeout", time.monotonic() - t0, ""
    status = "survived" if r.returncode == 0 else "killed"
    out = r.stdout.decode(errors="replace").splitlines()
    killer = next((line.split()[1] for line in out if line.startswith(("FAILED ", "ERROR "))), "")
    if r.returncode not in (0, 1):
        status = "error" if r.returncode != 1 else status
        tail = (r.stdout + r.stderr).decode(errors="replace").strip().splitlines()[-3:]
        print("   pytest exit", r.returncode, " | ".join(tail), flush=True)
    return status, time.monotonic() - t0, killer


_TRACE = """
import sys, threading, json
target = sys.argv[1]
lines = set()
def tracer(frame, event, arg):
    if frame.f_code.co_filename == target:
        lines.add(frame.f_lineno)
        return tracer
    return None
sys.settrace(tracer); threading.settrace(tracer)
import pytest
rc = pytest.main(sys.argv[3:])
sys.settrace(None)
json.dump(sorted(lines), open(sys.argv[2], "w"))
sys.exit(int(rc))
"""


def _covered_lines(work: Path, module: Path, tests: list[str], extra: list[str]) -> set[int]:
    """Lines of the (unparsed) module the tests execute."""
    out = work / "covered.json"
    cmd = [sys.executable, "-B", "-c", _TRACE, str(work / module), str(out), "-q", "-p", "no:cacheprovider"]
    subprocess.run([*cmd, *extra, *tests], cwd=work, env=_env(work), capture_output=True, check=False)
    return set(json.loads(out.read_text())) if out.exists() else set()


def _node_lines(unparsed: str) -> dict[int, int]:
    """Site index -> line in the unparsed text (what the tracer sees)."""
    return {i: s.line for i, s in enumerate(sites(unparsed))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("module", help="path of the module, relative to the repository root")
    ap.add_argument("tests", nargs="*", help="test files or folders (relative to the root)")
    ap.add_argument("--work", default="/tmp/planner-mutate")
    ap.add_argument("--refresh", action="store_true", help="copy the working tree again")
    ap.add_argument("--list", action="store_true", help="print the mutants and stop")
    ap.add_argument("--only", default="", help="comma-separated site indexes to run")
    ap.add_argument("--timeout", type=float, default=0.0, help="seconds per run (default: 4 x the clean run)")
    ap.add_argument("-k", default="", help="pytest -k expression")
    ap.add_argument("--tag", default="", help="suffix of the results file")
    ap.add_argument("--lines", default="", help="only sites on these lines of the module: 120-180,300-320")
    ap.add_argument("--survivors", default="", help="run only the survivors listed in this results file")
    args = ap.parse_args(argv)

    module = Path(args.module)
    source = (ROOT / module).read_text()
    all_sites = sites(source)
    if args.list:
        for s in all_sites:
            print(f"{s.index:4d} L{s.line:<4d} {s.kind:10s} {s.before[:60]!s} -> {s.after[:60]}")
        print(len(all_sites), "mutants")
        return 0
    work = Path(args.work)
    if args.refresh or not (work / "planner").exists():
        _copy_tree(work)
    for t in args.tests:  # the tests as they are now in the working tree (new tests included)
        src, dst = ROOT / t.split("::")[0], work / t.split("::")[0]
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dst)
    target = work / module
    results_name = str(module).replace("/", ".") + (f".{args.tag}" if args.tag else "") + ".results.json"
    extra = ["-k", args.k] if args.k else []
    original = (ROOT / module).read_text()
    try:
        clean = ast.unparse(ast.parse(original)) + "\n"
        target.write_text(clean)
        status, seconds, _ = _pytest(work, args.tests, 1800, extra)
        if status != "survived":
            print(f"the tests fail on the unmutated module ({status}); fix that first", file=sys.stderr)
            return 2
        timeout = args.timeout or max(30.0, 4 * seconds)
        covered = _covered_lines(work, module, args.tests, extra)
        lines_in_clean = _node_lines(clean)
        print(f"clean run {seconds:.1f}s, timeout {timeout:.0f}s, {len(all_sites)} mutants", flush=True)
        chosen = {int(x) for x in args.only.split(",") if x} or set(range(len(all_sites)))
        if args.lines:
            spans = [tuple(int(x) for x in part.split("-")) for part in args.lines.split(",")]
            chosen = {s.index for s in all_sites if any(a <= s.line <= b for a, b in spans)} & chosen
        if args.survivors:
            previous = json.loads(Path(args.survivors).read_text())
            chosen = {r["index"] for r in previous if r["status"] in ("survived", "not run")}
        for s in all_sites:
            if s.index not in chosen:
                continue
            while (work / "pause").exists():  # touch <work>/pause to hold the next run (one pytest at a time)
                time.sleep(2)
            if s.kind == "flag":
                s.status = "excluded"
            elif lines_in_clean.get(s.index) not in covered:
                s.status = "not run"
            else:
                target.write_text(mutant(source, s.index))
                s.status, s.seconds, s.killer = _pytest(work, args.tests, timeout, extra)
            done = [
                asdict(x) for x in all_sites if x.status
            ]  # kept after every mutant: a stopped run keeps its part
            (work / results_name).write_text(json.dumps(done, indent=1))
            mark = {"killed": ".", "timeout": "t", "survived": "S", "not run": "-"}.get(s.status, "E")
            print(mark, end="\n" if s.status in ("survived", "not run") else "", flush=True)
            if s.status in ("survived", "not run"):
                print(
                    f"  #{s.index} L{s.line} {s.kind}: {s.before[:70]} -> {s.after[:70]} [{s.status}]",
                    flush=True,
                )
    finally:
        target.write_text(original)
    ran = [s for s in all_sites if s.index in chosen and s.status]
    counts: dict[str, int] = {}
    for s in ran:
        counts[s.status] = counts.get(s.status, 0) + 1
    print()
    print(module, counts)
    (work / results_name).write_text(json.dumps([asdict(s) for s in ran], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
