"""MPX export keeps the plan's currency (review of ff8a257: MPX carries the one-off costs in whole units, but its
currency record was written empty, so EUR 1,500 came back as a bare 1,500 and MS Project showed it in its own
default currency)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.io import export_text, import_file
from planner.model import Plan


def _plan(currency: str | None) -> Plan:
    return Plan.model_validate(
        {
            "schema_version": 1,
            "title": "Money",
            "start_date": "2027-01-04",
            "currency": currency,
            "stages": [{"id": "v", "name": "Validate"}],
            "decisions": [{"id": "a", "title": "A", "stage": "v", "duration": 3, "cost": 1500}],
        }
    )


@pytest.mark.parametrize("currency", ["EUR", "JPY", None])
def test_s22r_mpx_round_trip_keeps_the_currency(tmp_path: Path, currency: str | None) -> None:
    out = tmp_path / "money.mpx"
    data = export_text(_plan(currency), "mpx")
    out.write_bytes(data if isinstance(data, bytes) else data.encode("cp1252"))
    back, _ = import_file(out)
    assert back.currency == currency
    # the one-off cost is read back whole, the currency's code not taken for part of the number
    assert [d.cost for d in back.decisions if d.cost] == [pytest.approx(1500.0)]


def test_s22r_mpx_currency_record_names_the_code() -> None:
    data = export_text(_plan("EUR"), "mpx")
    text = data.decode("cp1252") if isinstance(data, bytes) else data
    record = next(line for line in text.splitlines() if line.startswith("10,"))
    assert record.split(",")[1] == "EUR"
