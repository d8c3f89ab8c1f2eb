"""MS Project XML export writes the symbol the amounts are shown with (H-io23): it wrote only CurrencyCode, so MPXJ
(and MS Project, whose default is its own) showed a EUR plan's costs as '$17,000'. Now CurrencySymbol is the code's
symbol (EUR: €, before the amount, position 0), or the code itself before the amount with a space (position 2) for
a currency without one here (CHF 1,500); the import still reads the code."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.io import export_text, import_file
from tests.io.test_s22r_mpx_currency import _plan  # a 1,500 one-off on a 3-week decision


@pytest.mark.parametrize(
    ("currency", "header"),
    [
        ("EUR", "<CurrencySymbol>€</CurrencySymbol><CurrencyCode>EUR</CurrencyCode>"
         "<CurrencySymbolPosition>0</CurrencySymbolPosition>"),
        ("GBP", "<CurrencySymbol>£</CurrencySymbol><CurrencyCode>GBP</CurrencyCode>"
         "<CurrencySymbolPosition>0</CurrencySymbolPosition>"),
        ("CHF", "<CurrencySymbol>CHF</CurrencySymbol><CurrencyCode>CHF</CurrencyCode>"
         "<CurrencySymbolPosition>2</CurrencySymbolPosition>"),
    ],
)  # fmt: skip
def test_s23_mspdi_writes_the_currency_symbol(tmp_path: Path, currency: str, header: str) -> None:
    xml = str(export_text(_plan(currency), "mspdi"))
    assert header in xml
    out = tmp_path / "money.xml"
    out.write_text(xml, encoding="utf-8")
    back, _ = import_file(out)
    assert back.currency == currency
    assert [d.cost for d in back.decisions if d.cost] == [pytest.approx(1500.0)]


def test_s23_mspdi_without_a_currency_writes_no_symbol() -> None:
    xml = str(export_text(_plan(None), "mspdi"))
    assert "<CurrencySymbol>" not in xml and "<CurrencyCode>" not in xml
