"""The table exports' money comes back without its currency (review of session 22): `planner new --currency EUR`,
a cost, `export -o m.csv`, `import m.csv` gave `currency: null`, and the notes did not say so. They do now; a team's
name with a control character is counted by the control-character note too (.xml and .gan write it as U+FFFD)."""

from __future__ import annotations

from planner.io import export_notes
from planner.model import Plan


def _plan(team: str = "Team") -> Plan:
    return Plan.model_validate(
        {
            "schema_version": 1,
            "title": "Currency",
            "currency": "EUR",
            "stages": [{"id": "v", "name": "V"}],
            "teams": [{"id": "t", "name": team}],
            "decisions": [{"id": "a", "title": "A", "stage": "v", "owner": "t", "cost": 100}],
        }
    )


def test_tables_say_the_currency_is_not_carried() -> None:
    # the tables carry it since session 23 (their plan_currency column): no note (test_s23_table_currency.py)
    assert not any("currency" in n for n in export_notes(_plan(), "csv"))
    assert not any("currency" in n for n in export_notes(_plan(), "xlsx"))
    assert not any("currency" in n for n in export_notes(_plan(), "mspdi"))  # CurrencyCode
    assert not any("currency" in n for n in export_notes(_plan(), "mpx"))


def test_a_team_name_with_a_control_character_is_counted() -> None:
    notes = export_notes(_plan("Team\x1bX"), "mspdi")
    assert any("team 't''s name" in n and "control characters" in n for n in notes), notes
