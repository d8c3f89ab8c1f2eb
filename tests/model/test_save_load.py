"""Loading and saving (SPEC §2): round trip, deterministic output, atomic save, schema versions, extensions."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from planner.model import (
    SCHEMA_VERSION,
    Decision,
    Dependency,
    PlanLoadError,
    dump_plan,
    load_plan,
    new_plan,
    parse_plan,
    plan_to_dict,
    save_plan,
    write_text_atomic,
)
from planner.model.migrations import MIGRATIONS, migrate, migration

DATA = Path(__file__).resolve().parent / "data"

FULL_PLAN = {
    "schema_version": 1,
    "title": "Fraud detection: from pilot to enterprise",
    "description": "Everything the file format has, with non-default values.\nSecond line: ünïcødé ✓",
    "start_date": "2027-01-04",
    "currency": "EUR",
    "stages": [
        {
            "id": "validate",
            "name": "Validate",
            "goal": "Prove value",
            "gate_criteria": [
                {"text": "Success metric defined", "met": True},
                {"text": "Pilot beat the baseline"},
            ],
        },
        {"id": "integrate", "name": "Integrate"},
    ],
    "areas": [
        {"id": "architecture", "name": "Architecture", "color": "#4C72B0"},
        {"id": "data", "name": "Data"},
    ],
    "teams": [
        {"id": "platform", "name": "Platform team", "capacity": 4},
        {"id": "ds", "name": "Data science"},
    ],
    "decisions": [
        {
            "id": "z-last-alphabetically",
            "title": "Listed first on purpose",
            "area": "data",
            "stage": "validate",
            "owner": "ds",
            "duration": 2.5,
            "headcount": 1.5,
            "cost": 12000,
            "status": "done",
            "progress": 100,
            "references": ["EU AI Act Art. 6", "NIST AI RMF MAP 4"],
            "tags": ["llm", "compliance"],
            "notes": "why",
        },
        {
            "id": "inference-service",
            "title": "Decouple the model behind an inference service",
            "area": "architecture",
            "stage": "integrate",
            "owner": "platform",
            "duration": {"optimistic": 2, "likely": 3, "pessimistic": 6},
            "headcount": 2,
            "cost": 40000,
            "status": "in_progress",
            "progress": 40,
            "not_before": 4,
        },
        {"id": "go-live", "title": "Go live", "stage": "integrate", "milestone": True, "duration": 0},
        {"id": "a", "title": "Default duration", "stage": "validate"},
    ],
    "dependencies": [
        {
            "from": "z-last-alphabetically",
            "to": "inference-service",
            "type": "SS",
            "lag": -1.5,
            "note": "lead",
        },
        {"from": "inference-service", "to": "go-live"},
        {"from": "a", "to": "go-live", "type": "FF", "lag": 2},
    ],
    "risks": [
        {
            "id": "vendor",
            "title": "GPU vendor slips",
            "probability": 0.25,
            "impact": {"optimistic": 1, "likely": 2, "pessimistic": 5},
            "decisions": ["inference-service"],
            "mitigation": "second supplier",
            "owner": "platform",
        }
    ],
    "baselines": [
        {
            "name": "Kick-off",
            "created": "2027-01-04T09:30:00Z",
            "finish": 12,
            "decisions": {"a": {"start": 0, "finish": 1}},
        }
    ],
    "layout": {"a": {"x": 10.5, "y": -3}},
    "extensions": {
        "com.example.tool": {"b": 1.0, "a": [3, 2, 1], "nested": {"z": None, "y": "text"}},
        "another": 2.0,
    },
}


def full_text() -> str:
    return json.dumps(FULL_PLAN, indent=2, ensure_ascii=False) + "\n"


def test_round_trip_equality(tmp_path: Path) -> None:
    plan = parse_plan(full_text(), "full.plan.json")
    path = tmp_path / "out.plan.json"
    save_plan(plan, path)
    again = load_plan(path)
    assert again == plan
    assert plan_to_dict(again) == plan_to_dict(plan)


def test_round_trip_keeps_every_value(tmp_path: Path) -> None:
    # Saving writes back what was read (defaults left out): the dicts compare equal, 3.0 == 3 included.
    plan = parse_plan(full_text())
    written = json.loads(dump_plan(plan))
    expected = json.loads(full_text())
    # Defaults are left out, except that a decision's duration (default 1) and a dependency's type (default FS)
    # are always written, for readability.
    expected["dependencies"][1]["type"] = "FS"
    expected["decisions"][3]["duration"] = 1
    assert written == expected


def test_output_is_deterministic(tmp_path: Path) -> None:
    plan = parse_plan(full_text())
    first, second = tmp_path / "1.plan.json", tmp_path / "2.plan.json"
    save_plan(plan, first)
    save_plan(load_plan(first), second)
    assert first.read_bytes() == second.read_bytes()
    assert dump_plan(plan) == dump_plan(parse_plan(full_text()))


def test_output_format() -> None:
    text = dump_plan(parse_plan(full_text()))
    assert text.endswith("}\n") and not text.endswith("\n\n")
    lines = text.splitlines()
    assert lines[0] == "{"
    assert lines[1] == '  "schema_version": 1,'  # schema_version first, 2-space indent
    assert lines[2] == '  "title": "Fraud detection: from pilot to enterprise",'
    assert all((len(line) - len(line.lstrip(" "))) % 2 == 0 for line in lines)
    assert "\t" not in text
    assert "ünïcødé ✓" in text  # UTF-8 characters, not \u escapes
    # Key order is the model's field order, not alphabetical and not the input's order.
    data = json.loads(text)
    assert list(data) == [
        "schema_version",
        "title",
        "description",
        "start_date",
        "currency",
        "stages",
        "areas",
        "teams",
        "decisions",
        "dependencies",
        "risks",
        "baselines",
        "layout",
        "extensions",
    ]
    assert list(data["decisions"][1]) == [
        "id",
        "title",
        "area",
        "stage",
        "owner",
        "duration",
        "headcount",
        "cost",
        "status",
        "progress",
        "not_before",
    ]
    assert list(data["dependencies"][0]) == ["from", "to", "type", "lag", "note"]
    # Lists keep the user's order.
    assert [d["id"] for d in data["decisions"]] == [
        "z-last-alphabetically",
        "inference-service",
        "go-live",
        "a",
    ]
    assert [s["id"] for s in data["stages"]] == ["validate", "integrate"]
    assert data["decisions"][0]["references"] == ["EU AI Act Art. 6", "NIST AI RMF MAP 4"]
    # Whole numbers are written as people type them.
    assert '"capacity": 4\n' in text and '"lag": -1.5,' in text and '"duration": 2.5,' in text


def test_input_key_order_does_not_matter() -> None:
    shuffled = dict(reversed(list(FULL_PLAN.items())))
    assert dump_plan(parse_plan(json.dumps(shuffled))) == dump_plan(parse_plan(full_text()))


def test_extensions_are_kept_verbatim(tmp_path: Path) -> None:
    plan = parse_plan(full_text())
    path = tmp_path / "ext.plan.json"
    save_plan(plan, path)
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["extensions"] == FULL_PLAN["extensions"]
    # Key order and number spelling inside extensions are the other tool's business: untouched.
    assert list(data["extensions"]["com.example.tool"]) == ["b", "a", "nested"]
    assert isinstance(data["extensions"]["another"], float)
    assert '"another": 2.0' in text and '"b": 1.0' in text


def test_new_plan_has_the_standard_stages_and_areas(tmp_path: Path) -> None:
    plan = new_plan("Fresh")
    assert [s.id for s in plan.stages] == ["validate", "integrate", "operationalize", "scale"]
    assert len(plan.areas) == 8
    assert plan.schema_version == SCHEMA_VERSION
    path = tmp_path / "new.plan.json"
    save_plan(plan, path)
    assert load_plan(path) == plan


def test_edit_then_save(tmp_path: Path) -> None:
    plan = new_plan()
    plan.decisions.append(Decision(id="a", title="A", stage="validate"))
    plan.decisions.append(Decision(id="b", title="B", stage="scale", duration=0.5))
    plan.dependencies.append(Dependency.model_validate({"from": "a", "to": "b", "type": "SF", "lag": -1}))
    path = tmp_path / "edited.plan.json"
    save_plan(plan, path)
    assert load_plan(path) == plan


# -- atomic save -------------------------------------------------------------------------------------------------
def leftovers(folder: Path, keep: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != keep)


def test_failed_replace_keeps_the_original(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.plan.json"
    original = full_text().encode()
    path.write_bytes(original)

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space left"):
        save_plan(new_plan("Other"), path)
    assert path.read_bytes() == original
    assert leftovers(tmp_path, path.name) == []


def test_failure_mid_write_keeps_the_original(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.plan.json"
    original = full_text().encode()
    path.write_bytes(original)

    def broken_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="Input/output error"):
        save_plan(new_plan("Other"), path)
    assert path.read_bytes() == original
    assert leftovers(tmp_path, path.name) == []


def test_interrupted_write_keeps_the_original(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Even a KeyboardInterrupt during the write leaves the old file and no temporary file.
    import planner.model.io as plan_io

    path = tmp_path / "plan.plan.json"
    path.write_text("old content\n", encoding="utf-8")

    real_fdopen = os.fdopen

    class Exploding:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()
            return False

        def write(self, text: str) -> int:
            self.fh.write(text[: len(text) // 2])
            raise KeyboardInterrupt

    monkeypatch.setattr(plan_io.os, "fdopen", lambda fd, *a, **k: Exploding(real_fdopen(fd, *a, **k)))
    with pytest.raises(KeyboardInterrupt):
        write_text_atomic(path, "new content that is long enough\n")
    assert path.read_text(encoding="utf-8") == "old content\n"
    assert leftovers(tmp_path, path.name) == []


def test_save_writes_a_new_file_and_keeps_permissions(tmp_path: Path) -> None:
    path = tmp_path / "fresh.plan.json"
    save_plan(new_plan(), path)
    assert path.stat().st_mode & 0o777 == 0o644
    path.chmod(0o600)
    save_plan(new_plan("Again"), path)
    assert path.stat().st_mode & 0o777 == 0o600
    assert load_plan(path).title == "Again"
    assert leftovers(tmp_path, path.name) == []


def test_save_into_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        save_plan(new_plan(), tmp_path / "no" / "such" / "folder.plan.json")


# -- schema versions and migrations --------------------------------------------------------------------------
def test_newer_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.plan.json"
    text = full_text().replace('"schema_version": 1', '"schema_version": 7', 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanLoadError) as info:
        load_plan(path)
    assert str(info.value) == (
        f"{path}: at schema_version: this plan was written by a newer version of the planner (schema_version 7; "
        "this program reads up to 1)\n  Upgrade Scaling Roadmap Planner to open it. The file has not been changed."
    )
    assert path.read_text(encoding="utf-8") == text


def test_negative_schema_version(tmp_path: Path) -> None:
    with pytest.raises(PlanLoadError, match="schema_version -1 is not a valid version"):
        parse_plan(full_text().replace('"schema_version": 1', '"schema_version": -1', 1), "x.plan.json")


def test_migration_from_version_0() -> None:
    plan = load_plan(DATA / "draft-v0.plan.json")
    assert plan.schema_version == 1
    assert [(d.id, d.stage, d.weeks()) for d in plan.decisions] == [
        ("value-case", "validate", 3.0),
        ("pilot", "validate", 4.0),
        ("integration", "integrate", 5.0),
    ]
    assert plan.decisions[1].weeks("pessimistic") == 8
    assert [(d.from_, d.to, str(d.type), d.lag) for d in plan.dependencies] == [
        ("value-case", "pilot", "FS", 0.0),
        ("pilot", "integration", "SS", 2.0),
    ]
    assert plan.extensions == {"draft-tool": {"exported": True}}


def test_migrated_plan_saves_as_the_current_version(tmp_path: Path) -> None:
    plan = load_plan(DATA / "draft-v0.plan.json")
    path = tmp_path / "migrated.plan.json"
    save_plan(plan, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    assert "phase" not in data["decisions"][0] and "predecessor" not in data["dependencies"][0]
    assert load_plan(path) == plan


def test_migration_does_not_modify_its_input() -> None:
    data = json.loads((DATA / "draft-v0.plan.json").read_text(encoding="utf-8"))
    before = json.dumps(data, sort_keys=True)
    migrate(data, 0)
    assert json.dumps(data, sort_keys=True) == before


def test_migration_errors_name_the_field_after_migration(tmp_path: Path) -> None:
    data = json.loads((DATA / "draft-v0.plan.json").read_text(encoding="utf-8"))
    data["decisions"][0]["weeks"] = -2
    with pytest.raises(
        PlanLoadError, match=r"at decisions\[0\] \(id 'value-case'\)\.duration: .*greater than"
    ):
        parse_plan(json.dumps(data), "draft.plan.json")


def test_missing_migration_step_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(MIGRATIONS, 0)
    with pytest.raises(PlanLoadError, match="no migration from schema_version 0 to 1"):
        parse_plan((DATA / "draft-v0.plan.json").read_text(encoding="utf-8"), "draft.plan.json")


def test_a_migration_is_registered_once() -> None:
    with pytest.raises(ValueError, match="already registered"):
        migration(0)(lambda data: data)
    assert sorted(MIGRATIONS) == list(range(SCHEMA_VERSION))
