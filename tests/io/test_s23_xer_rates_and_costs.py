"""P6 XER export: every team's rate and the labour's cost on each assignment (H-io23).

Before, a team with a rate and no capacity had no RSRCRATE row, so its rate was dropped unsaid (the notes said only
'1 one-off cost'; export -> import gave the team no rate), and TASKRSRC carried no costs: MPXJ read every activity's
cost as 0 (P6 shows the stored costs until it recalculates). By hand: 'Data science' EUR 4,000 a person-week is
100 an hour; A, 2 people for 3 weeks: 240 hours, 24,000. 'Ops' 2,000 a week (50 an hour); B, 1 person for 2 weeks,
half done: 80 hours, 4,000, 2,000 done and 2,000 left."""

from __future__ import annotations

from pathlib import Path

from planner.io import export_text, import_file
from planner.model import Plan


def _plan() -> Plan:
    return Plan.model_validate(
        {
            "schema_version": 1,
            "title": "Rates",
            "start_date": "2027-01-04",
            "currency": "EUR",
            "stages": [{"id": "validate", "name": "Validate"}],
            "teams": [
                {"id": "ds", "name": "Data science", "rate": 4000},
                {"id": "ops", "name": "Ops", "rate": 2000, "capacity": 3},
            ],
            "decisions": [
                {"id": "a", "title": "A", "stage": "validate", "owner": "ds", "headcount": 2, "duration": 3},
                {
                    "id": "b",
                    "title": "B",
                    "stage": "validate",
                    "owner": "ops",
                    "duration": 2,
                    "status": "in_progress",
                    "progress": 50,
                    "actual_start": "2027-01-04",
                },
            ],
        }
    )


def _table(text: str, name: str) -> list[dict[str, str]]:
    lines = text.splitlines()
    start = lines.index(f"%T\t{name}")
    fields = lines[start + 1].split("\t")[1:]
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("%R"):
            break
        rows.append(dict(zip(fields, line.split("\t")[1:], strict=False)))
    return rows


def test_s23_a_team_with_a_rate_and_no_capacity_keeps_its_rate(tmp_path: Path) -> None:
    out = tmp_path / "rates.xer"
    out.write_bytes(_bytes())
    back, _ = import_file(out)
    assert {t.name: (t.rate, t.capacity) for t in back.teams} == {
        "Data science": (4000, None),
        "Ops": (2000, 3),
    }


def _bytes() -> bytes:
    data = export_text(_plan(), "xer")
    return data if isinstance(data, bytes) else data.encode("cp1252")


def test_s23_assignments_carry_the_labour_cost() -> None:
    text = _bytes().decode("cp1252")
    rates = {r["rsrc_id"]: (r["max_qty_per_hr"], r["cost_per_qty"]) for r in _table(text, "RSRCRATE")}
    assert rates == {"1": ("", "100.0000"), "2": ("3", "50.0000")}
    costs = [
        (r["rsrc_id"], r["cost_per_qty"], r["target_cost"], r["act_reg_cost"], r["remain_cost"])
        for r in _table(text, "TASKRSRC")
    ]
    assert costs == [
        ("1", "100.0000", "24000.00", "0.00", "24000.00"),
        ("2", "50.0000", "4000.00", "2000.00", "2000.00"),
    ]
