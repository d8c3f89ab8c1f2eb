"""A structure-aware generator of hostile plan files (issue 11), shared by ``tests/test_fuzz_cli.py`` (hypothesis
drives the seeds, a small budget) and ``benchmarks/fuzz_cli.py`` (>= 100,000 cases on demand).

A case starts from a plausible plan (a few stages, decisions, links, risks, baselines) and applies a handful of
mutations aimed at the places that broke before: extreme numbers (near 1e308, 10,000.001 weeks, 4,301-digit
integers, NaN), late and early start dates, long strings and ``$`` signs, wrong types where lists belong (in current
and old schema versions), unknown ids and cycles, deep nesting, duplicate keys, and damage to the bytes (cut short,
invalid UTF-8, a byte flipped). ``run_case`` runs the command line on it in-process and returns what went wrong,
if anything.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
from pathlib import Path
from typing import Any

NUMBERS: list[Any] = [
    0,
    0.0,
    -0.0,
    1,
    -1,
    0.5,
    2.5,
    7,
    52,
    9999.999,
    10_000,
    10_000.001,
    1e6,
    1e15,
    1e16,
    1e300,
    1.7976931348623157e308,
    -1e308,
    5e-324,
    -5e-324,
    2**53,
    2**63,
    -(2**63),
    True,
    False,
    None,
]
STRINGS: list[str] = [
    "",
    " ",
    "x",
    "Spend $x^$ budget",
    "Budget $50k for phase 1, $20k for phase 2",
    r"\frac{a}{b}",
    "$",
    "$$",
    "<b>bold</b> & <i>",
    "emoji 🚀 ünïcödé",
    "a\nb\tc",
    "\x00",
    "-",
    "..",
    "✓" * 40,
    "validate",
    "integrate",
    "a",
    "b",
    "c",
]
DATES: list[Any] = [
    "2027-01-04",
    "0001-01-01",
    "1900-02-28",
    "9999-12-31",
    "9999-06-01",
    "9990-01-01",
    "2027-02-30",
    "not a date",
    20270104,
    None,
]


def _id(rng: random.Random, k: int) -> str:
    return f"d{k}" if rng.random() < 0.95 else rng.choice(["", "bad id", "x" * 70, "d0", "-x"])


def base_plan(rng: random.Random) -> dict[str, Any]:
    n_stages = rng.randint(1, 4)
    stages = [
        {"id": f"s{i}", "name": f"Stage {i}", "gate_criteria": [{"text": "ok", "met": rng.random() < 0.5}]}
        for i in range(n_stages)
    ]
    n = rng.randint(0, 14)
    decisions = []
    for k in range(n):
        d: dict[str, Any] = {
            "id": _id(rng, k),
            "title": f"Decision {k}",
            "stage": f"s{rng.randrange(n_stages)}",
        }
        if rng.random() < 0.5:
            o = rng.choice([0, 0.5, 1, 2, 3])
            d["duration"] = {
                "optimistic": o,
                "likely": o + rng.choice([0, 1, 2]),
                "pessimistic": o + rng.choice([2, 5]),
            }
        else:
            d["duration"] = rng.choice([0, 1, 2, 3.5, 8])
        if rng.random() < 0.2:
            d["not_before"] = rng.choice([0, 1, 4, 10])
        if rng.random() < 0.3:
            d["owner"] = rng.choice(["t0", "t1"])
        if rng.random() < 0.1:
            d["milestone"] = True
            d["duration"] = 0
        if rng.random() < 0.2:
            d["headcount"] = rng.choice([0, 1, 2, 5])
        decisions.append(d)
    deps = []
    for _ in range(rng.randint(0, 2 * n)):
        a, b = rng.randrange(max(n, 1)), rng.randrange(max(n, 1))
        if n and (a < b or rng.random() < 0.05):  # mostly forward links; a few may close a cycle
            deps.append(
                {
                    "from": f"d{a}",
                    "to": f"d{b}",
                    "type": rng.choice(["FS", "SS", "FF", "SF"]),
                    "lag": rng.choice([0, 0, 1, -1, 2.5]),
                }
            )
    plan: dict[str, Any] = {
        "schema_version": 1,
        "title": "Fuzzed plan",
        "stages": stages,
        "decisions": decisions,
        "dependencies": deps,
        "teams": [{"id": "t0", "name": "Team 0", "capacity": 2}, {"id": "t1", "name": "Team 1"}],
    }
    if rng.random() < 0.7:
        plan["start_date"] = "2027-01-04"
    if n and rng.random() < 0.4:
        plan["risks"] = [
            {
                "id": "r0",
                "title": "Risk",
                "probability": rng.choice([0, 0.3, 1]),
                "impact": rng.choice([1, {"optimistic": 0, "likely": 1, "pessimistic": 3}]),
                "decisions": [f"d{rng.randrange(n)}"],
            }
        ]
    if n and rng.random() < 0.15:
        plan["baselines"] = [{"name": "B", "finish": 10, "decisions": {"d0": {"start": 0, "finish": 2}}}]
    if rng.random() < 0.3:  # cost and coverage fields (issue 17): they are dated and summed too
        plan["budget"] = rng.choice([0, 1000, 1e6])
        plan["target"] = rng.choice([10, 52.5, "2027-06-01", "2026-01-01"])
        plan["cost_of_delay"] = rng.choice([0, 500])
        plan["horizon"] = rng.choice([20, 104, 520])
        plan["teams"][0]["rate"] = rng.choice([0, 2000])
        plan["ai_system"] = {"role": rng.choice(["provider", "deployer"]), "risk_tier": "high-risk"}
        for d in decisions:
            if rng.random() < 0.3:
                d["cost"] = rng.choice([0, 1000, 25000])
                d["run_rate"] = rng.choice([0, 100])
                d["cost_category"] = rng.choice(["people", "cloud", "vendor", "other"])
    if n and rng.random() < 0.2:  # a scenario (issue 13): overrides, additions and drops
        plan["scenarios"] = [
            {
                "name": "Faster",
                "decisions": {
                    "d0": {"duration": rng.choice([0, 1, 9_000]), "not_before": rng.choice([0, 3])}
                },
                "teams": {"t0": {"capacity": 1}},
                "drop_decisions": [f"d{n - 1}"],
                "add_dependencies": [{"from": "d0", "to": f"d{n - 1}"}],
            }
        ]
    return plan


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if len(prefix) > 8:
        return out
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*prefix, i))
    return out


def _set(root: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    node = root
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return root


def _deep(depth: int) -> Any:
    value: Any = []
    for _ in range(depth):
        value = [value]
    return value


def mutate(rng: random.Random, plan: dict[str, Any]) -> dict[str, Any]:
    kind = rng.random()
    paths = _paths(plan)
    path = rng.choice(paths)
    if kind < 0.35:
        plan = _set(plan, path, rng.choice(NUMBERS))
    elif kind < 0.55:
        text = rng.choice(STRINGS)
        if rng.random() < 0.3:
            text = text * rng.choice([50, 400, 2000])
        plan = _set(plan, path, text)
    elif kind < 0.62:
        plan["start_date"] = rng.choice(DATES)
    elif kind < 0.70:
        decisions = plan.get("decisions") or []
        if isinstance(decisions, list) and decisions and isinstance(decisions[0], dict):
            field = rng.choice(["duration", "not_before", "headcount", "cost"])
            decisions[rng.randrange(len(decisions))][field] = rng.choice(
                [9_999, 10_000, 5_000, 1e300, 1e308, {"optimistic": 0, "likely": 1e308, "pessimistic": 1e308}]
            )
    elif kind < 0.76:
        plan = _set(plan, path, rng.choice([None, 5, "x", {}, [], [None], {"a": 1}]))
    elif kind < 0.80:
        plan["schema_version"] = 0
        old_key = rng.choice(["dependencies", "decisions"])
        plan[old_key] = rng.choice([None, 3, "x", [None, 1], plan.get(old_key)])
    elif kind < 0.84:
        plan.setdefault("extensions", {})
        if isinstance(plan["extensions"], dict):
            plan["extensions"]["deep"] = _deep(rng.choice([10, 63, 65, 200, 900]))
    elif kind < 0.88:
        plan = _set(plan, path, rng.choice(["weeks", "phase", "predecessor"]))
    elif kind < 0.92:
        decisions = plan.get("decisions")
        if isinstance(decisions, list):
            n = len(decisions)
            plan["dependencies"] = [{"from": f"d{k}", "to": f"d{(k + 1) % max(n, 1)}"} for k in range(n)]
    else:
        for _ in range(rng.randint(5, 60)):  # many long stage names / titles (layout limits)
            stages = plan.get("stages")
            if isinstance(stages, list) and stages and isinstance(stages[0], dict):
                stages[rng.randrange(len(stages))]["name"] = "W" * rng.choice([100, 300, 301, 1000])
                break
    return plan


def damage(rng: random.Random, text: str) -> bytes:
    data = text.encode("utf-8")
    kind = rng.random()
    if kind < 0.25 and data:
        return data[: rng.randrange(len(data))]
    if kind < 0.45 and data:
        i = rng.randrange(len(data))
        return data[:i] + bytes([rng.randrange(256)]) + data[i + 1 :]
    if kind < 0.6:
        big = "9" * rng.choice([4_299, 4_301, 10_000])
        return text.replace('"schema_version": 1', f'"schema_version": 1, "title": {big}', 1).encode("utf-8")
    if kind < 0.75:
        return text.replace('"title":', '"title": "dup", "title":', 1).encode("utf-8")
    if kind < 0.85:
        return text.replace("1", "NaN", 1).encode("utf-8")
    if kind < 0.92:
        return b"\xef\xbb\xbf" + data
    return b"[" * rng.choice([100, 999, 5000]) + b"]" * rng.choice([0, 100, 5000])


def make_case(rng: random.Random) -> bytes:
    """The bytes of one fuzzed plan file."""
    plan = base_plan(rng)
    for _ in range(rng.choice([0, 1, 1, 2, 3, 5])):
        with contextlib.suppress(KeyError, IndexError, TypeError):
            plan = mutate(rng, plan)
        if not isinstance(plan, dict):
            break
    text = json.dumps(plan, indent=rng.choice([None, 2]), ensure_ascii=rng.random() < 0.5)
    if rng.random() < 0.2:
        return damage(rng, text)
    return text.encode("utf-8")


def reuse_parser() -> None:
    """Build the command line's parser once for the whole process (three quarters of a case's time is argparse
    building ~20 sub-parsers). For the on-demand script only: tests must not share a patched module."""
    import planner.cli as cli

    parser = cli.build_parser()
    cli.build_parser = lambda: parser


def _run(argv: list[str]) -> tuple[int, str, str]:
    from planner.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def _no_constants(token: str) -> Any:
    raise ValueError(f"{token} in JSON output")


COMMANDS: list[list[str]] = [
    ["check"],
    ["check", "--format", "json"],
    ["analyze", "--format", "json"],
    ["analyze"],
    ["simulate", "--iterations", "60", "--format", "json"],
    ["analyze", "--scenario", "Faster", "--format", "json"],
]
CHARTS = ["gantt", "graph", "roadmap", "stages", "critical-path", "risk", "load"]


FAST_COMMANDS: list[list[str]] = [
    ["check", "--format", "json"],
    ["analyze", "--format", "json"],
    ["simulate", "--iterations", "60", "--format", "json"],
]


def run_case(
    data: bytes,
    folder: Path,
    *,
    export: str | None = None,
    report: bool = False,
    commands: list[list[str]] | None = None,
) -> list[str]:
    """Run the command line on ``data``; return the problems found (empty: every command behaved).

    Behaved: exit code 0, 1 or 2; exit 2 prints exactly one ``planner:`` message on stderr and nothing on
    stdout; no "internal error", no traceback, no warnings; JSON output parses without NaN or Infinity."""
    path = folder / "case.plan.json"
    path.write_bytes(data)
    problems: list[str] = []
    runs = [[c[0], str(path), *c[1:]] for c in (COMMANDS if commands is None else commands)]
    if export:
        runs.append(["export", str(path), "-o", str(folder / "chart.svg"), "--chart", export])
    if report:
        runs.append(["report", str(path), "-o", str(folder / "r.pdf")])
    for argv in runs:
        code, out, err = _run(argv)
        name = " ".join(a for a in argv if a != str(path))
        if code not in (0, 1, 2):
            problems.append(f"{name}: exit {code}")
        if "internal error" in err or "Traceback" in err or "Warning" in err:
            bad = [
                line
                for line in err.splitlines()
                if any(w in line for w in ("internal error", "Traceback", "Warning"))
            ]
            problems.append(f"{name}: {bad[0].strip()}")
        if code == 2 and (err.count("planner:") != 1 or out):
            problems.append(f"{name}: exit 2 without exactly one message: {err[:200]!r}")
        if code in (0, 1) and "--format" in argv and "json" in argv:
            try:
                json.loads(out, parse_constant=_no_constants)
            except ValueError as exc:
                problems.append(f"{name}: JSON output: {exc}")
    for leftover in folder.iterdir():
        if leftover.name.startswith(".") and leftover.name.endswith((".tmp", ".part")):
            problems.append(f"temporary file left: {leftover.name}")
    return problems


# -- hostile option values (H-hostile) ------------------------------------------------------------------------------
OPTION_VALUES: dict[str, list[str]] = {
    "--iterations": ["0", "-1", "1", "3", "200", "1e3", "1e9", "abc", "", "10000001", "99999999999999999999"],
    "--seed": ["-1", "0", "7", "abc", "1.5", "99999999999999999999999", "4294967296"],
    "--by": [
        "1e308",
        "-5",
        "nan",
        "inf",
        "0",
        "30",
        "2027-02-30",
        "2027-06-01",
        "9999-12-31",
        "0001-01-01",
        "",
    ],
    "--status-date": [
        "garbage",
        "nan",
        "1e308",
        "-0",
        "12",
        "2027-13-01",
        "9999-12-31",
        "2027-06-01",
        "   ",
        "",
    ],
    "--top": ["-1", "0", "3", "999999999999"],
    "--level-time-limit": ["nan", "inf", "-1", "0", "1e308", "abc", "0.5"],
    "--size": ["0x0", "99999x99999", "abc", "200x200", "nanxnan", "1x1", "13.3x7.5", "-5x5", "x", "1e-300x1"],
    "--dpi": ["0", "100000", "-1", "abc", "10", "72"],
    "--chart": [*CHARTS, "nope", "", "cost", "tornado"],
    "--scenario": ["nope", "", "Base", "Buy the feature store", "--help", "../etc"],
    "--baseline": ["nope", "latest", ""],
    "--estimate": ["pert", "optimistic", "nope"],
    "--scenarios": [
        "nope",
        "",
        ",",
        "Base",
        "Base,Buy the feature store",
        "Buy the feature store,Buy the feature store",
    ],
    "--sections": ["nope", "", ",,,", "cover", "cover,gantt,nope"],
}
OPTIONS_OF: dict[str, list[str]] = {
    "simulate": ["--iterations", "--seed", "--by", "--status-date", "--top", "--scenario"],
    "analyze": ["--status-date", "--level-time-limit", "--scenario", "--baseline", "--estimate"],
    "export": ["--size", "--dpi", "--chart", "--scenario", "--baseline", "--estimate", "--status-date"],
    "compare": ["--scenarios", "--iterations", "--seed"],
    "report": ["--sections", "--iterations", "--seed", "--scenarios", "--status-date"],
}


def option_case(rng: random.Random, plan: Path, folder: Path) -> list[str]:
    """One command line with one to three hostile option values on ``plan``. Values that would do real work (a
    thousand iterations at most, 72 dpi at most) keep a case quick; ``benchmarks/fuzz_cli.py`` is for volume."""
    command = rng.choice(sorted(OPTIONS_OF))
    argv = [command, str(plan)]
    if command == "export":
        argv += ["-o", str(folder / f"out{rng.choice(['.png', '.svg', '.csv', '.docx', ''])}")]
    if command == "report":
        argv += ["-o", str(folder / "out.pdf"), "-q"]
        if rng.random() < 0.3:
            argv.append("--simulate")
    if command == "analyze" and rng.random() < 0.5:
        argv.append("--level")
    if command == "compare" and rng.random() < 0.5:
        argv += ["--iterations", "20"]
    for option in rng.sample(OPTIONS_OF[command], rng.choice([1, 1, 2, 3])):
        argv += [option, rng.choice(OPTION_VALUES[option])]
    return argv


def run_options_case(argv: list[str], folder: Path) -> list[str]:
    """Run one command line of :func:`option_case`; the problems found (empty: it behaved). Behaved: exit 0, 1 or
    2 (argparse's own usage errors included); on exit 2 one message on stderr, ``planner: ...`` or argparse's
    ``error:``, and no output file; never an internal error, a traceback or a warning; no temporary file left."""
    from planner.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse refuses the command line
            code = exc.code if isinstance(exc.code, int) else 2
    text = err.getvalue()
    name = " ".join(argv[:1] + argv[2:])
    problems = []
    if code not in (0, 1, 2):
        problems.append(f"{name}: exit {code}")
    if any(w in text for w in ("internal error", "Traceback", "Warning")):
        problems.append(f"{name}: {text.strip().splitlines()[-1][:200]}")
    if code == 2:
        if text.count("planner:") + text.count(" error: ") != 1:
            problems.append(f"{name}: exit 2 without exactly one message: {text[:300]!r}")
        written = [p.name for p in folder.iterdir() if p.name.startswith("out")]
        if written:
            problems.append(f"{name}: exit 2 but wrote {written}")
    for leftover in folder.iterdir():
        if leftover.name.startswith(".") and leftover.name.endswith((".tmp", ".part")):
            problems.append(f"{name}: temporary file left: {leftover.name}")
    return problems
