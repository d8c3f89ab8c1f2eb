"""``planner baseline --name`` never writes a plan that would not load (H-unseen24).

Before: a plan holding 100 baselines (the most a plan file may, planner.model.limits.MAX_BASELINES) took a 101st
from ``planner baseline FILE --name NEW``, which said 'Kept baseline ...' and wrote a file that every command then
refused ('at baselines: List should have at most 100 items'). Now it is refused (exit 2), the file unchanged, with
what to do; replacing one of the 100 by its name still works.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_s18_unseen_one_truth import run


def _plan(tmp_path: Path, baselines: int) -> Path:
    entry = {"a": {"start": 0, "finish": 2}, "b": {"start": 2, "finish": 5}}
    data = {
        "schema_version": 1,
        "title": "Many baselines",
        "stages": [{"id": "s", "name": "S"}],
        "decisions": [
            {"id": "a", "title": "A", "stage": "s", "duration": 2},
            {"id": "b", "title": "B", "stage": "s", "duration": 4},
        ],
        "dependencies": [{"from": "a", "to": "b"}],
        "baselines": [{"name": f"Week {k}", "finish": 5, "decisions": entry} for k in range(baselines)],
    }
    path = tmp_path / "m.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_101st_baseline_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    path = _plan(tmp_path, 100)
    before = path.read_bytes()
    rc, out, err = run(["baseline", str(path), "--name", "One more"])
    assert (rc, out) == (2, "")
    assert err == (
        f"planner: {path}: the plan already has 100 baselines, the most a plan file holds; replace one by giving "
        "its name (the oldest is 'Week 0'), or delete one in the app; nothing was written\n"
    )
    assert path.read_bytes() == before
    assert run(["check", str(path)])[0] == 0


def test_replacing_one_of_them_and_the_hundredth_still_work(tmp_path: Path) -> None:
    path = _plan(tmp_path, 100)
    rc, out, err = run(["baseline", str(path), "--name", "Week 7"])
    assert rc == 0, err
    # by hand: a 0-2, b 2-6; 'Week 7' replaced in its place, finish 6 (it was 5)
    names = [(b["name"], b["finish"]) for b in json.loads(path.read_text(encoding="utf-8"))["baselines"]]
    assert len(names) == 100 and names[7] == ("Week 7", 6.0) and names[8] == ("Week 8", 5.0)
    path = _plan(tmp_path, 99)
    assert run(["baseline", str(path), "--name", "The hundredth"])[0] == 0
    assert run(["check", str(path)])[0] == 0
    assert len(json.loads(path.read_text(encoding="utf-8"))["baselines"]) == 100
