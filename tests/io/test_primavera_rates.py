"""P6 resource rates and the base currency come in: a team's rate is its resource's cost per hour in effect when the
project starts, times the hours of a week of the project calendar; the plan's currency is the database's base
currency (CURRTYPE at exchange rate 1) when it is an ISO 4217 code. They were dropped without a word
(resource-rates-test.xer, written by P6 20.12: MPXJ's test data, see tests/io/data/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.io import export_text, import_file
from planner.io.primavera import _latest
from planner.model import plan_from_dict

DATA = Path(__file__).parent / "data"


def test_p6_rates_in_effect_at_the_start_and_the_base_currency() -> None:
    plan, report = import_file(DATA / "mpxj-real" / "resource-rates-test.xer")
    # RSRCRATE of resource 1316: 1.00/h from 1 Jan 2022, 21.00/h from 1 Jan 2023; the project starts 22 Aug 2022
    # on a 40-hour calendar: 1.00 x 40 = 40 a person-week
    assert [(t.id, t.rate) for t in plan.teams] == [("R1", 40)]
    assert plan.currency == "USD"
    assert any(i.kind == "cost" and "team rates per person-week" in i.message for i in report.items)


def test_the_rate_row_in_effect() -> None:
    rows = [
        {"rsrc_id": "r", "cost_per_qty": "1", "start_date": "2022-01-01 00:00"},
        {"rsrc_id": "r", "cost_per_qty": "21", "start_date": "2023-01-01 00:00"},
        {"rsrc_id": "s", "cost_per_qty": "7", "start_date": "2030-01-01 00:00"},
        {"rsrc_id": "t", "cost_per_qty": "nan", "start_date": ""},
    ]
    assert _latest(rows, "cost_per_qty", at="2022-08-22", cap=1e9) == {"r": 1.0, "s": 7.0}
    assert _latest(rows, "cost_per_qty", at="2023-01-01", cap=1e9) == {
        "r": 21.0,
        "s": 7.0,
    }  # from its first day


@settings(max_examples=25, deadline=None)
@given(
    rates=st.lists(st.integers(0, 20_000), min_size=1, max_size=4),
    currency=st.sampled_from(["EUR", "GBP", None]),
)
def test_rates_and_currency_survive_an_xer_round_trip(
    rates: list[int], currency: str | None, tmp_path_factory: pytest.TempPathFactory
) -> None:
    teams = [
        {"id": f"t{k}", "name": f"Team {k}", "capacity": 2, "rate": r or None} for k, r in enumerate(rates)
    ]
    plan = plan_from_dict(
        {
            "schema_version": 1,
            "title": "Rates",
            "start_date": "2027-01-04",
            "currency": currency,
            "stages": [{"id": "s", "name": "S"}],
            "teams": teams,
            "decisions": [{"id": "a", "title": "A", "stage": "s", "duration": 2, "owner": "t0"}],
        }
    )
    path = tmp_path_factory.mktemp("xer") / "p.xer"
    text = export_text(plan, "xer")
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    back, _ = import_file(path)
    assert [t.rate for t in back.teams] == [t.rate for t in plan.teams]
    assert back.currency == (currency or "USD")  # the export names USD when the plan has no currency
