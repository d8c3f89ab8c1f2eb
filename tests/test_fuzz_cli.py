"""Fuzzing the command line (issue 11), with a small budget for CI; ``benchmarks/fuzz_cli.py`` runs the same
cases by the hundred thousand on demand.

Two properties: structure-aware hostile plans go through load -> check -> analyze -> simulate -> export with exit
codes 0/1/2 only, one message on error and never "internal error"; and *whatever* the file (any bytes, any JSON
value under the plan's keys), the same holds.
"""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz_plans import CHARTS, make_case, run_case

FAST = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FAST
@given(st.randoms(use_true_random=False), st.sampled_from(CHARTS))
def test_structure_aware_fuzz_load_check_analyze_simulate_export(rng: random.Random, chart: str) -> None:
    data = make_case(rng)
    with tempfile.TemporaryDirectory() as folder:
        assert run_case(data, Path(folder), export=chart) == []


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
KEYS = [
    "schema_version",
    "title",
    "start_date",
    "stages",
    "decisions",
    "dependencies",
    "risks",
    "teams",
    "baselines",
    "extensions",
    "layout",
]


@FAST
@given(
    st.one_of(
        st.binary(max_size=200),
        st.text(max_size=200).map(lambda t: t.encode("utf-8")),
        st.dictionaries(st.sampled_from(KEYS), JSON, max_size=8).map(lambda d: json.dumps(d).encode("utf-8")),
        st.builds(
            lambda d: json.dumps(
                {
                    "schema_version": 1,
                    "title": "t",
                    "stages": [{"id": "s", "name": "S"}],
                    "decisions": [],
                    **d,
                }
            ).encode("utf-8"),
            st.dictionaries(st.sampled_from(KEYS[2:]), JSON, max_size=4),
        ),
    )
)
def test_whatever_the_file_the_cli_exits_0_1_2_with_one_message(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        assert run_case(data, Path(folder)) == []


def test_fuzz_finding_cost_chart_without_labels_warns_nothing() -> None:
    """Case 2,090,000 of benchmarks/fuzz_cli.py: a cost chart with nothing labelled printed matplotlib's "No
    artists with labels" warning, with a source path, on the report's stderr."""
    with tempfile.TemporaryDirectory() as folder:
        assert run_case(make_case(random.Random(2_090_000)), Path(folder), report=True) == []


def test_fuzz_finding_control_character_in_a_chart_warns_nothing() -> None:
    """Case 3,032,750 of benchmarks/fuzz_cli.py: a NUL in a title made matplotlib print "Glyph 0 missing from
    font(s)" with its source path on the export's stderr."""
    with tempfile.TemporaryDirectory() as folder:
        assert run_case(make_case(random.Random(3_032_750)), Path(folder), export="gantt") == []


def test_fuzz_finding_newline_glyph_warns_nothing() -> None:
    """Case 4,043,300: the warning for a newline measured as a glyph ("Glyph 10 (\\n) missing") spans two lines,
    which the first filter's pattern did not match."""
    with tempfile.TemporaryDirectory() as folder:
        assert run_case(make_case(random.Random(4_043_300)), Path(folder), export="roadmap") == []
