"""An edit the app refuses for a field's pattern says what the field takes in words, as a load error does
(planner.model.io.pattern_words): it quoted the regular expression ('String should match pattern '^[A-Z]{3}$'')."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from planner.model.plan import Area, Plan
from planner.ui.state.document import validation_message


def _message(make: object) -> str:
    with pytest.raises(ValidationError) as info:
        make()  # type: ignore[operator]
    return validation_message(info.value)


def test_colour_and_currency_are_refused_in_words() -> None:
    colour = _message(lambda: Area(id="a", name="A", color="red"))
    assert colour == "Color: a colour is written #RRGGBB, e.g. #4C72B0"
    currency = _message(
        lambda: Plan.model_validate(
            {"schema_version": 1, "title": "x", "currency": "usd", "stages": [{"id": "s", "name": "S"}]}
        )
    )
    assert currency == "Currency: a currency is a three-letter ISO 4217 code in capitals, e.g. USD"
    assert "pattern" not in colour + currency
