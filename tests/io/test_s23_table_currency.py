"""The table exports carry the plan's currency (H-io23): a ``plan_currency`` column beside ``plan_start_date`` and
``status_date``, written only when the plan has a currency (a plan without one exports the columns it always did).
Before, `planner new --currency EUR`, a cost of 1,500, export to .csv or .xlsx and import gave the cost back as a
bare 1,500 with currency null (the export's notes said so since 24c86b5)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from planner.io import InteropError, export_notes, export_text, import_file
from planner.model import Plan
from tests.io.test_s22r_mpx_currency import _plan  # EUR 1,500 one-off on a 3-week decision


def _write(tmp_path: Path, plan: Plan, fmt: str) -> Path:
    data = export_text(plan, fmt)
    out = tmp_path / f"money.{fmt}"
    out.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return out


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("currency", ["EUR", "JPY", None])
def test_s23_table_round_trip_keeps_the_currency(tmp_path: Path, fmt: str, currency: str | None) -> None:
    back, report = import_file(_write(tmp_path, _plan(currency), fmt))
    assert back.currency == currency
    assert [d.cost for d in back.decisions] == [pytest.approx(1500.0)]
    assert not [i for i in report.items if "currenc" in i.message or "cost" in i.message]  # (a stage guess)
    assert not any("currency" in n for n in export_notes(_plan(currency), fmt))


def test_s23_csv_has_the_column_only_with_a_currency(tmp_path: Path) -> None:
    rows = list(csv.reader(io.StringIO(str(export_text(_plan("EUR"), "csv")))))
    assert rows[0][-3:] == ["plan_start_date", "status_date", "plan_currency"]
    assert rows[1][-3:] == ["2027-01-04", "", "EUR"]
    plain = list(csv.reader(io.StringIO(str(export_text(_plan(None), "csv")))))
    assert plain[0][-2:] == ["plan_start_date", "status_date"]


def test_s23_a_currency_cell_that_is_no_code_is_refused(tmp_path: Path) -> None:
    out = _write(tmp_path, _plan("EUR"), "csv")
    out.write_text(out.read_text(encoding="utf-8").replace(",EUR", ",Euros"), encoding="utf-8")
    with pytest.raises(InteropError) as err:
        import_file(out)
    assert "line 2: plan_currency 'Euros' is not a currency code" in str(err.value)
    # typed in lower case by hand: read as its code
    out.write_text(out.read_text(encoding="utf-8").replace(",Euros", ",gbp"), encoding="utf-8")
    assert import_file(out)[0].currency == "GBP"
