"""Round trips (a hypothesis property over random plans): plan -> MSPDI / .gan / CSV / XLSX -> plan returns the
same decisions, durations, links, types and lags.

Units are chosen so that each format can hold them exactly: MSPDI lags are whole tenths of a minute and .gan lags
whole working days (a fifth of a week); the .gan and MSPDI exports also write exact estimates in custom fields.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.io import export_file, import_file
from planner.io.common import HELPER_TAG
from planner.model import Plan, plan_from_dict
from planner.model.plan import duration_triple

STAGES = ("validate", "integrate", "operationalize", "scale")
AREAS = ("architecture", "data", "governance")
TYPES = ("FS", "SS", "FF", "SF")
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

fifths = st.integers(1, 40).map(lambda k: k / 5)  # whole working days
lags = st.integers(-10, 20).map(lambda k: k / 5)
titles = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(lambda t: t.strip() == t and t.strip() != "")


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    n = draw(st.integers(1, 10))
    decisions: list[dict[str, Any]] = []
    for i in range(n):
        dec: dict[str, Any] = {
            "id": f"d{i}",
            "title": draw(titles),
            "stage": draw(st.sampled_from(STAGES)),
            "area": draw(st.sampled_from(AREAS)),
        }
        if draw(st.integers(0, 6)) == 0:
            dec["milestone"] = True
            dec["duration"] = 0
        else:
            o = draw(fifths)
            lk = o + draw(st.integers(0, 10)) / 5
            p = lk + draw(st.integers(0, 10)) / 5
            dec["duration"] = {"optimistic": o, "likely": lk, "pessimistic": p} if draw(st.booleans()) else lk
        if draw(st.booleans()):
            dec["owner"] = draw(st.sampled_from(["platform", "data-team"]))
            dec["headcount"] = draw(st.integers(1, 4)) / 2
        if draw(st.integers(0, 3)) == 0:
            dec["not_before"] = draw(fifths)
        dec["progress"] = draw(st.sampled_from([0, 0, 25, 100]))
        decisions.append(dec)
    deps = []
    if n >= 2:
        pairs = st.integers(0, n - 2).flatmap(lambda i: st.tuples(st.just(i), st.integers(i + 1, n - 1)))
        seen = set()
        for i, j in draw(st.lists(pairs, max_size=2 * n)):
            if (i, j) in seen:
                continue
            seen.add((i, j))
            deps.append(
                {"from": f"d{i}", "to": f"d{j}", "type": draw(st.sampled_from(TYPES)), "lag": draw(lags)}
            )
    return plan_from_dict(
        {
            "schema_version": 1,
            "title": "Round trip",
            "start_date": "2027-01-04",
            "stages": [{"id": s, "name": s.title()} for s in STAGES],
            "areas": [{"id": a, "name": a.title()} for a in AREAS],
            "teams": [
                {"id": "platform", "name": "Platform team", "capacity": 3},
                {"id": "data-team", "name": "Data team", "capacity": 2},
            ],
            "decisions": decisions,
            "dependencies": deps,
        }
    )


def _decisions(plan: Plan) -> list[tuple[Any, ...]]:
    return sorted(
        (
            d.id,
            d.title,
            d.stage,
            d.area,
            d.milestone,
            tuple(round(x, 6) for x in duration_triple(d.duration)),
            d.owner,
            d.headcount if d.owner else None,
            None if d.not_before is None else round(d.not_before, 6),
            d.progress,
        )
        for d in plan.decisions
        if HELPER_TAG not in d.tags
    )


def _links(plan: Plan) -> list[tuple[Any, ...]]:
    return sorted((d.from_, d.to, str(d.type), round(d.lag, 6)) for d in plan.dependencies)


def _round_trip(plan: Plan, tmp: Path, suffix: str) -> Plan:
    path = tmp / f"rt{suffix}"
    export_file(plan, path)
    back, _ = import_file(path)
    return back


def _check(plan: Plan, back: Plan) -> None:
    assert _decisions(back) == _decisions(plan)
    assert _links(back) == _links(plan)


@SETTINGS
@given(plan=plans())
def test_mspdi_round_trip(plan: Plan, tmp_path: Path) -> None:
    back = _round_trip(plan, tmp_path, ".xml")
    _check(plan, back)
    _same_finish(plan, back)


@SETTINGS
@given(plan=plans())
def test_gan_round_trip(plan: Plan, tmp_path: Path) -> None:
    back = _round_trip(plan, tmp_path, ".gan")
    _check(plan, back)
    _same_finish(plan, back)


@SETTINGS
@given(plan=plans())
def test_csv_round_trip(plan: Plan, tmp_path: Path) -> None:
    _check(plan, _round_trip(plan, tmp_path, ".csv"))


@settings(SETTINGS, max_examples=15)
@given(plan=plans())
def test_xlsx_round_trip(plan: Plan, tmp_path: Path) -> None:
    _check(plan, _round_trip(plan, tmp_path, ".xlsx"))


def _same_finish(plan: Plan, back: Plan) -> None:
    from planner.analysis.schedule import schedule

    assert abs(schedule(back).finish - schedule(plan).finish) < 1e-6
