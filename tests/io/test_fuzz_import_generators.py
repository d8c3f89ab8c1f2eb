"""The import fuzzer's generators (benchmarks/fuzz_import.py) as property tests of the tracker importers.

The on-demand fuzzer runs >= 20,000 cases of every format; these tests run a small, derandomised sample of the
CSV/XLSX cases on every CI run:

* oracle tables (cost in every money notation the importer documents, progress with and without ``%``, durations
  with units or a unit in the header) import to exactly the numbers their cells say;
* hostile tracker tables (random recognised headers, cells from hostile pools) never crash, always exit 0 or 2 with
  one clear message, and a written plan always loads back (``check`` does not exit 2). Cells naming dates at the
  calendar's ends (year 9999/0001) are blanked: their overflow crashes are known and reported to the importers'
  owner (see the fuzzing report), and this test guards everything else.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import fuzz_import as fz

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def _import_and_check(path: Path, out: Path) -> tuple[int, str, list[str]]:
    """Import ``path`` to ``out`` and check it: the exit code, the import's stdout and every problem found."""
    out.unlink(missing_ok=True)  # hypothesis may run a seed twice in one tmp_path
    code, stdout, stderr, cpu = fz._run(["import", str(path), "-o", str(out)])
    problems = fz._bad_output("import", code, stdout, stderr, cpu)
    if code == 2 and out.exists():
        problems.append("exit 2 but the output file was written")
    if code == 0:
        ccode, cout, cerr, ccpu = fz._run(["check", str(out)])
        problems += fz._bad_output("check", ccode, cout, cerr, ccpu)
        if ccode == 2:
            problems.append(f"the imported plan does not load back: {cerr.strip()}")
    return code, stdout, problems


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@SETTINGS
@given(seed=st.integers(0, 2**32 - 1))
def test_oracle_tables_import_the_numbers_their_cells_say(fmt: str, seed: int, tmp_path: Path) -> None:
    rng = random.Random(seed)
    # every notation, actual dates with a month name ('16 Feb 2027', 'Feb 16, 2027') too (refused until H-io22)
    table, expect = fz.oracle_table(rng, fz.DATE_NOTATIONS)
    path = tmp_path / f"oracle{seed}.{fmt}"
    if fmt == "csv":
        import csv

        with path.open("w", newline="", encoding="utf-8") as f:
            csv.writer(f, lineterminator="\n").writerows(table)
    else:
        fz.write_xlsx(rng, table, path, typed=False, damage=False)
    out = tmp_path / f"oracle{seed}.plan.json"
    code, stdout, problems = _import_and_check(path, out)
    assert code == 0, (table, problems)
    assert problems == [], table
    assert fz._check_oracle(out, expect, stdout) == [], table


def test_the_oracle_sees_a_wrong_reading(tmp_path: Path) -> None:
    """The oracle is not vacuous: a number other than the cell's is flagged, the right one is not."""
    path = tmp_path / "one.csv"
    path.write_text('Name,Duration (days),Cost,% Complete\nRow 1,10,"$1,234.50",40%\n', encoding="utf-8")
    out = tmp_path / "one.plan.json"
    code, stdout, problems = _import_and_check(path, out)
    assert (code, problems) == (0, [])
    assert fz._check_oracle(out, {"Row 1": {"cost": 1234.5, "duration": 2.0, "progress": 40}}, stdout) == []
    wrong = fz._check_oracle(out, {"Row 1": {"cost": 1234.0, "duration": 10.0, "progress": 40}}, stdout)
    assert wrong == [
        "oracle: cost read as 1234.5, the cell says 1234.0",
        "oracle: duration read as 2, the cell says 10.0",
    ]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@SETTINGS
@given(seed=st.integers(0, 2**32 - 1))
def test_hostile_tracker_tables_never_crash_and_load_back(fmt: str, seed: int, tmp_path: Path) -> None:
    rng = random.Random(seed)
    table = fz.without_far_dates(fz.tracker_table(rng))
    path = tmp_path / f"case{seed}.{fmt}"
    if fmt == "csv":
        fz.write_csv(rng, table, path)
    else:
        fz.write_xlsx(rng, table, path, far=False)
    code, _stdout, problems = _import_and_check(path, tmp_path / f"case{seed}.plan.json")
    assert code in (0, 2)
    assert problems == [], table


def test_the_runner_flags_an_internal_error(tmp_path: Path) -> None:
    """The fuzzer's verdict is not vacuous: an internal error, a bad exit code and a silent exit 2 are problems."""
    assert fz._bad_output("import", 2, "", "planner: internal error: OverflowError: x\n", 0.1) == [
        "import: planner: internal error: OverflowError: x"
    ]
    assert fz._bad_output("import", 3, "", "planner: x\n", 0.1) == ["import: exit code 3"]
    assert fz._bad_output("import", 2, "", "", 0.1) == ["import: exit 2 with nothing on stderr"]
    assert fz._bad_output("import", 0, "Wrote x.\n", "", 0.1) == []
