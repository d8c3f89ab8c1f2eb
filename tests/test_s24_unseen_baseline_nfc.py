"""Baseline names alike to the eye are one name, whatever their Unicode form, as scenario names are (H-unseen24).

Before: a baseline called 'Café plan' with the accent as a combining mark (NFD, as a name pasted from a file
written on macOS holds it) was not found by ``analyze --baseline 'Café plan'`` typed on a keyboard (NFC): "no such
baseline; the plan has 'Café plan'"; ``export --chart gantt --baseline`` refused it the same way, and ``planner
baseline --name 'Café plan'`` added a second baseline that nothing could tell from the first. Now
:meth:`Plan.baseline` and ``with_baseline`` compare names by :func:`planner.model.names.name_key`.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_s18_unseen_one_truth import run

NFD, NFC = "Cafe\u0301 plan", "Caf\u00e9 plan"


def _plan(tmp_path: Path) -> Path:
    data = {
        "schema_version": 1,
        "title": "Names",
        "start_date": "2027-01-04",
        "stages": [{"id": "s", "name": "S"}],
        "decisions": [
            {"id": "a", "title": "A", "stage": "s", "duration": 2},
            {"id": "b", "title": "B", "stage": "s", "duration": 4},
        ],
        "dependencies": [{"from": "a", "to": "b"}],
        "baselines": [
            {
                "name": NFD,
                "finish": 5,
                "decisions": {"a": {"start": 0, "finish": 2}, "b": {"start": 2, "finish": 5}},
            }
        ],
    }
    path = tmp_path / "b.plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_analyze_finds_the_baseline_typed_in_another_form(tmp_path: Path) -> None:
    path = _plan(tmp_path)
    for name in (NFC, NFD):
        rc, out, err = run(["analyze", str(path), "--baseline", name, "--format", "json"])
        assert rc == 0, err
        got = json.loads(out)["baseline"]
        # by hand: a 0-2, b 2-6 against the baseline's finish 5: one week later
        assert (got["baseline_finish"], got["finish"], got["finish_slip"]) == (5.0, 6.0, 1.0)
        assert got["baseline_finish_date"] == "2027-02-08"  # 4 Jan 2027 + 35 days


def test_export_draws_it_and_an_unknown_name_is_quoted_by_the_one_rule(tmp_path: Path) -> None:
    path = _plan(tmp_path)
    out_svg = tmp_path / "g.svg"
    rc, out, err = run(["export", str(path), "-o", str(out_svg), "--chart", "gantt", "--baseline", NFC])
    assert rc == 0, err
    assert out_svg.stat().st_size > 0
    for command in (["analyze", str(path)], ["export", str(path), "-o", str(out_svg), "--chart", "gantt"]):
        rc, out, err = run([*command, "--baseline", "Q1\nplan"])
        assert rc == 2
        assert err == (f"planner: {path}: --baseline 'Q1\\x0aplan': no such baseline; the plan has '{NFD}'\n")


def test_keeping_a_baseline_of_that_name_replaces_it(tmp_path: Path) -> None:
    path = _plan(tmp_path)
    rc, out, err = run(["baseline", str(path), "--name", NFC])
    assert rc == 0, err
    assert out.startswith(f"Replaced baseline '{NFC}' in {path}: finish week 6")
    baselines = json.loads(path.read_text(encoding="utf-8"))["baselines"]
    assert [(b["name"], b["finish"]) for b in baselines] == [(NFC, 6.0)]
