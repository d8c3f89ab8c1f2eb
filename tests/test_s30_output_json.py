"""Session 30, issue 12: ``planner analyze --format json`` hands its decisions and team loads to the JSON writer as
tables of columns (:class:`planner.analysis.json_table.JsonTable`), which it writes a few hundred rows at a time into
the output, where a dict was made per row and the whole text was made in memory before it was written (at 100k
decisions: 100k dicts of 19 keys, 125k step dicts and 59 MB of text, held at once). The output must be the same
bytes as the rows' dicts give, compact or indented, to a file, a text stream or a terminal."""

from __future__ import annotations

import contextlib
import io
import json
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import planner.commands.core
from benchmarks._plans import random_plan_dict
from planner.analysis import Analysis, analysis_to_dict, analyze
from planner.analysis.capacity import attach_to_analysis
from planner.analysis.json_table import JsonTable
from planner.cli import main
from planner.commands.common import dump_json
from planner.model import load_plan
from tests.conftest import build_plan

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "sample_plans").glob("*.plan.json"))


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _random(tmp_path: Path) -> Path:
    path = tmp_path / "random.plan.json"
    path.write_text(json.dumps(random_plan_dict(300, seed=3)), encoding="utf-8")
    return path


def _undated(tmp_path: Path) -> Path:
    """No start date (no date columns), progress recorded (planned durations beside the remaining ones)."""
    plan = build_plan(
        [
            {"id": "a", "duration": 4, "owner": "ops", "headcount": 2, "status": "done", "progress": 1},
            {"id": "b", "duration": 3, "owner": "ops", "headcount": 1, "progress": 0.5},
            {"id": "c", "duration": 2, "owner": "ops", "headcount": 2},
        ],
        [("a", "c")],
        teams=[{"id": "ops", "name": "Ops", "capacity": 2}],
    )
    path = tmp_path / "undated.plan.json"
    path.write_text(plan.model_dump_json(), encoding="utf-8")
    return path


def _analyses(tmp_path: Path) -> list[Analysis]:
    out = []
    for path in [*SAMPLES, _random(tmp_path), _undated(tmp_path)]:
        for rows in (False, True):  # the plan as models (the app's) and as rows (the commands')
            out.append(analyze(load_plan(path, rows=rows)))
    levelled = analyze(load_plan(SAMPLES[0]))
    attach_to_analysis(levelled, "heuristic", 10.0)  # levelled_load too
    return [*out, levelled]


def _to_file(tmp_path: Path) -> Callable[[Any, bool], str]:
    def write(value: Any, indent: bool) -> str:
        path = tmp_path / "out.json"
        with open(path, "w", encoding="utf-8") as out:
            dump_json(value, out, indent)
        return path.read_text(encoding="utf-8")

    return write


def _to_stream(kind: type[io.StringIO]) -> Callable[[Any, bool], str]:
    def write(value: Any, indent: bool) -> str:
        out = kind()
        dump_json(value, out, indent)
        return out.getvalue()

    return write


@pytest.mark.parametrize("indent", [False, True])
def test_analyze_json_with_tables_is_the_same_json(tmp_path: Path, indent: bool) -> None:
    analyses = _analyses(tmp_path)
    assert any(a.plan.start_date is None for a in analyses) and any(a.plan.start_date for a in analyses)
    for result in analyses:
        tables = analysis_to_dict(result, finding_objects=True, tables=True)
        dicts = analysis_to_dict(result)
        assert isinstance(tables["decisions"], JsonTable)
        assert tables["decisions"].to_list() == dicts["decisions"]
        for write in (_to_file(tmp_path), _to_stream(io.StringIO), _to_stream(_Terminal)):
            assert write(tables, indent) == write(dicts, indent)
        assert json.loads(write(tables, indent)) == dicts


def test_a_plan_with_errors_has_no_tables(tmp_path: Path) -> None:
    plan = build_plan([{"id": "a", "duration": 1}, {"id": "b", "duration": 1}], [("a", "b"), ("b", "a")])
    result = analyze(plan)
    assert not result.ok
    tables = analysis_to_dict(result, finding_objects=True, tables=True)
    assert tables["decisions"] == [] and tables["teams"] == []
    assert _to_file(tmp_path)(tables, False) == _to_file(tmp_path)(analysis_to_dict(result), False)


def test_analyze_writes_its_json_without_holding_the_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The JSON writer's memory at its peak is a small part of the text it writes (it held the whole text, and
    more: 17 MB for the 11 MB of a 20k-decision plan's analysis)."""
    path = tmp_path / "big.plan.json"
    path.write_text(json.dumps(random_plan_dict(20_000, seed=0)), encoding="utf-8")
    peaks: list[int] = []
    writer = planner.commands.core.dump_json

    def measured(*args: Any, **kwargs: Any) -> None:
        tracemalloc.start()
        try:
            writer(*args, **kwargs)
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()

    monkeypatch.setattr(planner.commands.core, "dump_json", measured)
    written = tmp_path / "out.json"
    with open(written, "w", encoding="utf-8") as out, contextlib.redirect_stdout(out):
        assert main(["analyze", str(path), "--format", "json"]) == 0
    size = written.stat().st_size
    assert len(json.loads(written.read_text(encoding="utf-8"))["decisions"]) == 20_000  # it did its work
    assert size > 5_000_000 and peaks[0] < size / 4
