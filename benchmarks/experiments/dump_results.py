"""Dump everything the analysis computes, for the awkward plans of check_fast_core.py and a 10k random plan, to a
pickle, using whichever ``planner`` is first on sys.path. Compare two dumps to check a patch changes nothing:

    /work/venv/bin/python benchmarks/experiments/dump_results.py /tmp/a.pkl
    PYTHONPATH=/tmp/patched /work/venv/bin/python benchmarks/experiments/dump_results.py /tmp/b.pkl
    /work/venv/bin/python benchmarks/experiments/dump_results.py --compare /tmp/a.pkl /tmp/b.pkl
"""
from __future__ import annotations

import copy
import pickle
import random
import sys
from pathlib import Path

import numpy as np

if sys.argv[1] == "--compare":
    a, b = (pickle.loads(Path(p).read_bytes()) for p in sys.argv[2:4])
    bad = [k for k in a if k not in b or a[k] != b[k]]
    print(f"{len(a)} cases; differing: {bad or 'none'}")
    sys.exit(1 if bad else 0)

sys.path.append(str(Path(__file__).resolve().parents[2]))
import planner  # noqa: E402
from benchmarks._plans import random_plan_dict  # noqa: E402
from planner.analysis import analysis_to_dict, analyze, compile_plan, validate  # noqa: E402
from planner.model.plan import Plan  # noqa: E402

print("planner from", Path(planner.__file__).parent, file=sys.stderr)


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
    d["dependencies"] += [{"from": "nope", "to": d["decisions"][3]["id"]},
                          {"from": d["decisions"][3]["id"], "to": d["decisions"][3]["id"]}]
    d["decisions"][7]["owner"] = "ghost-team"
    d["decisions"][8]["stage"] = "ghost-stage"
    yield "unknown references and a self link", d
    d = copy.deepcopy(base)
    d["dependencies"] += [dict(d["dependencies"][10], type="SS"), dict(d["dependencies"][20])]
    yield "duplicate links", d
    d = copy.deepcopy(base)
    d["dependencies"].append({"from": d["decisions"][400]["id"], "to": d["decisions"][2]["id"]})
    yield "a cycle", d
    d = copy.deepcopy(base)
    for x in d["decisions"]:
        if x["stage"] == "integrate":
            x["stage"] = "operationalize"
    yield "an empty stage", d
    d = copy.deepcopy(base)
    d["decisions"], d["dependencies"] = [], []
    yield "empty plan", d
    d = copy.deepcopy(base)
    d["decisions"], d["dependencies"] = d["decisions"][:1], []
    yield "one decision", d
    yield "random 10k", random_plan_dict(10_000, seed=5)
    d = random_plan_dict(10_000, seed=6)
    random.Random(1).shuffle(d["decisions"])
    yield "random 10k shuffled", d


out = {}
for label, data in cases():
    plan = Plan.model_validate(data)
    for est in ("likely", "pert"):
        res = analyze(plan, est)
        g = compile_plan(plan, est)
        rec = {"analysis": analysis_to_dict(res), "findings": [f.to_dict() for f in validate(plan, g)],
               "order": g.order, "cyclic": g.cyclic,
               "arrays": {k: getattr(g, k).tolist() for k in ("src", "dst", "kind", "lag", "edge_dep", "stage")}}
        if res.stages is not None:
            st = res.stages
            rec["stages"] = (st.sequenced.tolist(), st.gated_es.tolist(), st.gated_ef.tolist(), st.gated_finish,
                             st.gating_price, [vars(x) for x in st.stages], st.inversions, st.suggested_moves)
            rec["notes"] = (res.schedule.notes, res.schedule.critical_path)
        out[f"{label} / {est}"] = rec
Path(sys.argv[1]).write_bytes(pickle.dumps(out))
print(f"{len(out)} cases dumped", file=sys.stderr)
_ = np
