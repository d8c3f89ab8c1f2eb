"""Equivalence check of fast_core.py against planner/ on awkward plans (run by hand, not a test):
shuffled decision order, duplicate ids, unknown references, self links, duplicate links, cycles, empty stages,
risks, an empty plan. Prints one line per case; exits 1 on any difference.

    /work/venv/bin/python benchmarks/experiments/check_fast_core.py
"""
from __future__ import annotations

import copy
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import ab_core as AB  # noqa: E402

from benchmarks._plans import random_plan_dict  # noqa: E402
from planner.model.plan import Plan  # noqa: E402


def cases():  # type: ignore[no-untyped-def]
    base = random_plan_dict(600, seed=11)
    yield "as generated", base
    for seed in range(3):
        d = copy.deepcopy(base)
        random.Random(seed).shuffle(d["decisions"])
        random.Random(seed + 7).shuffle(d["dependencies"])
        yield f"shuffled {seed}", d
    d = copy.deepcopy(base)
    d["decisions"].append(dict(d["decisions"][5], title="dup"))
    yield "duplicate decision id", d
    d = copy.deepcopy(base)
    d["dependencies"] += [{"from": "nope", "to": d["decisions"][3]["id"]}, {"from": d["decisions"][3]["id"],
                                                                            "to": d["decisions"][3]["id"]}]
    d["decisions"][7]["owner"] = "ghost-team"
    d["decisions"][8]["stage"] = "ghost-stage"
    yield "unknown references and a self link", d
    d = copy.deepcopy(base)
    for i in (0, 1, 2, 150):
        d["decisions"][i]["stage"] = "ghost-stage"
    yield "unknown stage on early decisions", d
    d = copy.deepcopy(base)
    d["dependencies"] += [dict(d["dependencies"][10], type="SS"), dict(d["dependencies"][20])]
    yield "duplicate links", d
    d = copy.deepcopy(base)
    d["dependencies"].append({"from": d["decisions"][400]["id"], "to": d["decisions"][2]["id"]})
    yield "a cycle (maybe)", d
    d = copy.deepcopy(base)
    for x in d["decisions"]:
        if x["stage"] == "integrate":
            x["stage"] = "operationalize"
    yield "an empty stage", d
    d = copy.deepcopy(base)
    d["risks"] = [{"id": "r1", "title": "R", "probability": 0.3, "impact": 2, "decisions": [d["decisions"][1]["id"],
                                                                                              "ghost"]}]
    yield "risks", d
    d = copy.deepcopy(base)
    d["decisions"], d["dependencies"] = [], []
    yield "empty plan", d
    d = copy.deepcopy(base)
    d["decisions"], d["dependencies"] = d["decisions"][:1], []
    yield "one decision", d


bad = 0
for label, data in cases():
    plan = Plan.model_validate(data)
    ra, rb = None, None
    try:
        _, ra = AB.pipeline(plan, False)
    except SystemExit:
        pass
    except Exception as exc:  # noqa: BLE001
        ra = repr(exc)
    try:
        _, rb = AB.pipeline(plan, True)
    except Exception as exc:  # noqa: BLE001
        rb = repr(exc)
    if isinstance(ra, tuple) and isinstance(rb, tuple):
        diff = AB.same(ra, rb)
    else:
        diff = [] if ra == rb else [f"{ra!r} != {rb!r}"]
    fa = AB.V.validate(plan, AB.G.compile_plan(plan))
    fb = AB.F.validate_fast(plan, AB.F.compile_plan_fast(plan))
    if fa != fb:
        diff = [*diff, "validate findings differ"]
    label += f" [{len(fa)} findings, {sum(f.severity == 'error' for f in fa)} errors]"
    bad += bool(diff)
    print(f"{label:<62} {diff or 'same'}")
sys.exit(1 if bad else 0)
