"""Regulatory and framework coverage (issue 17): catalogues valid against their sources, reference parsing, the
template complete for a high-risk provider, exactly the articles of removed decisions reported missing, late
coverage (go-live and application date), high-risk gaps, and the command line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from planner.analysis import analyze
from planner.analysis.coverage import (
    FRAMEWORKS,
    ROLES,
    TIERS,
    catalogue_dir,
    coverage,
    load_catalogue,
    parse_reference,
)
from planner.cli import main
from planner.model import Plan, plan_from_dict
from planner.templates import load_template

# The published structures, from the sources named in each catalogue.
NIST_SUBCATEGORIES = {  # NIST AI 100-1, Tables 1-4: subcategories per category
    "GOVERN": [7, 3, 2, 3, 2, 2],
    "MAP": [6, 3, 5, 2, 2],
    "MEASURE": [3, 13, 3, 3],
    "MANAGE": [4, 4, 2, 3],
}
ISO_ANNEX_A = {  # ISO/IEC 42001:2023 Table A.1: control numbers per group
    "A.2": ["2", "3", "4"],
    "A.3": ["2", "3"],
    "A.4": ["2", "3", "4", "5", "6"],
    "A.5": ["2", "3", "4", "5"],
    "A.6": ["1.2", "1.3", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8"],
    "A.7": ["2", "3", "4", "5", "6"],
    "A.8": ["2", "3", "4", "5"],
    "A.9": ["2", "3", "4"],
    "A.10": ["2", "3", "4"],
}
EU_DATES = {dt.date(2025, 2, 2), dt.date(2025, 8, 2), dt.date(2026, 8, 2), dt.date(2027, 8, 2)}  # Art. 113
ADDED = [
    "record-retention",
    "post-market-monitoring-plan",
    "corrective-actions",
    "conformity-assessment",
    "eu-registration",
]
PROVIDER_HIGH_RISK = {
    "Art. 4",
    "Art. 9",
    "Art. 10",
    "Art. 11",
    "Art. 12",
    "Art. 13",
    "Art. 14",
    "Art. 15",
    "Art. 16",
    "Art. 17",
    "Art. 18",
    "Art. 19",
    "Art. 20",
    "Art. 21",
    "Art. 43",
    "Art. 47",
    "Art. 48",
    "Art. 49",
    "Art. 72",
    "Art. 73",
}


# -- catalogues ---------------------------------------------------------------------------------------------------
def test_nist_catalogue_has_exactly_the_72_subcategories() -> None:
    cat = load_catalogue("nist")
    expected = {
        f"{fn} {c}.{s}"
        for fn, counts in NIST_SUBCATEGORIES.items()
        for c, n in enumerate(counts, 1)
        for s in range(1, n + 1)
    }
    assert len(expected) == 72
    assert [i.id for i in cat.items] == sorted(expected, key=[i.id for i in cat.items].index)
    assert {i.id for i in cat.items} == expected and len(cat.items) == 72
    assert {g for g, _ in cat.groups} == {
        f"{fn} {c}" for fn, counts in NIST_SUBCATEGORIES.items() for c in range(1, len(counts) + 1)
    }


def test_iso_catalogue_has_the_38_annex_a_controls_in_our_own_words() -> None:
    cat = load_catalogue("iso42001")
    expected = {f"{g}.{n}" for g, ns in ISO_ANNEX_A.items() for n in ns}
    assert len(expected) == 38 and {i.id for i in cat.items} == expected
    # Paraphrases, not the standard's text: short, one sentence each.
    assert all(0 < len(i.summary) <= 80 for i in cat.items)
    assert {"4.1", "6.1", "7.2", "10.2"} <= cat.clauses


def test_eu_catalogue_obligations_are_valid_articles_roles_tiers_and_dates() -> None:
    cat = load_catalogue("euaiact")
    assert cat.articles == 113 and "III" in cat.annexes
    for item in cat.items:
        number = int(item.id.removeprefix("Art. "))
        assert 1 <= number <= 113
        assert set(item.roles) <= set(ROLES) and set(item.tiers) <= set(TIERS)
        assert item.applies in EU_DATES
        assert item.applies_annex_i in (None, dt.date(2027, 8, 2))
    provider = {i.id for i in cat.items if "provider" in i.roles and "high-risk" in i.tiers}
    assert provider == PROVIDER_HIGH_RISK
    assert {i.id for i in cat.items if "deployer" in i.roles and "high-risk" in i.tiers} == {
        "Art. 4",
        "Art. 26",
        "Art. 27",
    }
    assert {i.id for i in cat.items if i.gpai} == {"Art. 53", "Art. 55"}


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_every_catalogue_records_source_and_licence(framework: str) -> None:
    cat = load_catalogue(framework)
    assert len(cat.source) > 40 and len(cat.licence) > 40
    assert "SOURCES.md" in {p.name for p in catalogue_dir().iterdir()}


# -- references ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "framework", "ident", "status"),
    [
        ("NIST AI RMF MAP 1.1", "nist", "MAP 1.1", "ok"),
        ("NIST AI RMF measure 2.13", "nist", "MEASURE 2.13", "ok"),
        ("NIST AI RMF MAP 4", "nist", "MAP 4", "imprecise"),
        ("NIST AI RMF MAP 1.7", "nist", "MAP 1.7", "unknown"),
        ("NIST AI RMF Mapping 1", "nist", None, "malformed"),
        ("ISO/IEC 42001 A.6.2.8", "iso42001", "A.6.2.8", "ok"),
        ("ISO 42001 A.10.3", "iso42001", "A.10.3", "ok"),
        ("ISO/IEC 42001 A.6", "iso42001", "A.6", "imprecise"),
        ("ISO/IEC 42001 A.11.2", "iso42001", "A.11.2", "unknown"),
        ("ISO/IEC 42001 7.2", "iso42001", "7.2", "valid"),
        ("ISO/IEC 42001 12.1", "iso42001", "12.1", "unknown"),
        ("ISO/IEC 42001 Annex A", "iso42001", None, "malformed"),
        ("EU AI Act Art. 14", "euaiact", "Art. 14", "ok"),
        ("EU AI Act Article 26(2)", "euaiact", "Art. 26", "ok"),
        ("EU AI Act Art. 6", "euaiact", "Art. 6", "valid"),
        ("EU AI Act Annex III", "euaiact", "Annex III", "valid"),
        ("EU AI Act Art. 140", "euaiact", "Art. 140", "unknown"),
        ("EU AI Act Annex XIV", "euaiact", "Annex XIV", "unknown"),
        ("EU AI Act chapter 3", "euaiact", None, "malformed"),
        ("Google MLOps level 1", None, None, "other"),
        ("NIST AI 600-1", None, None, "other"),
    ],
)
def test_parse_reference(text: str, framework: str | None, ident: str | None, status: str) -> None:
    ref = parse_reference(text)
    assert (ref.framework, ref.id, ref.status) == (framework, ident, status)
    assert bool(ref.problem) == (status in ("unknown", "malformed", "imprecise"))


def tiny(**extra: Any) -> Plan:
    data: dict[str, Any] = {
        "schema_version": 1,
        "title": "T",
        "stages": [{"id": "build", "name": "Build"}, {"id": "scale", "name": "Scale"}],
        "decisions": [
            {
                "id": "a",
                "title": "A",
                "stage": "build",
                "duration": 4,
                "references": ["NIST AI RMF MAP 9.9", "EU AI Act Artikel 5", "NIST AI RMF MAP 4"],
            },
            {"id": "live", "title": "Live", "stage": "scale", "duration": 2},
        ],
        "dependencies": [{"from": "a", "to": "live"}],
    }
    data.update(extra)
    return plan_from_dict(data)


def test_unknown_and_malformed_references_are_findings_naming_the_decision() -> None:
    plan = tiny()
    report = coverage(plan, analyze(plan))
    codes = {(f.code, f.decisions[0]) for f in report.findings if f.decisions}
    assert {("reference-unknown", "a"), ("reference-malformed", "a"), ("reference-imprecise", "a")} <= codes
    unknown = next(f for f in report.findings if f.code == "reference-unknown")
    assert "MAP 9.9" in unknown.message and "A (a)" in unknown.message
    assert any(f.code == "ai-system-unclassified" for f in report.findings)


# -- the template ---------------------------------------------------------------------------------------------------
def template_without(ids: list[str]) -> Plan:
    plan = load_template("ai-scaling")
    plan.decisions = [d for d in plan.decisions if d.id not in ids]
    plan.dependencies = [x for x in plan.dependencies if x.from_ not in ids and x.to not in ids]
    return plan


def test_template_as_high_risk_provider_misses_nothing() -> None:
    plan = load_template("ai-scaling")
    result = analyze(plan)
    report = coverage(plan, result, role="provider", tier="high-risk")
    eu = report.framework("euaiact")
    assert {i.item.id for i in eu.items if i.required} == PROVIDER_HIGH_RISK
    assert eu.missing() == [] and eu.late() == []
    assert not [f for f in report.findings if str(f.severity) in ("error", "warning")]
    data = report.to_dict(plan)
    assert data["missing"] == [] and data["late"] == []


def test_template_without_the_added_decisions_misses_exactly_their_articles() -> None:
    plan = template_without(ADDED)
    report = coverage(plan, analyze(plan), role="provider", tier="high-risk")
    missing = {
        f.message.split("EU AI Act ")[1].split(" (")[0]
        for f in report.findings
        if f.code == "obligation-missing"
    }
    assert missing == {
        "Art. 16",
        "Art. 18",
        "Art. 19",
        "Art. 20",
        "Art. 21",
        "Art. 43",
        "Art. 47",
        "Art. 48",
        "Art. 49",
    }
    # Art. 72/73 stay covered, but only by the Scale stage's monitoring decision: after go-live.
    assert {i.item.id for i in report.framework("euaiact").late()} == {"Art. 72", "Art. 73"}
    gaps = [f.message for f in report.findings if f.code == "high-risk-gap"]
    assert len(gaps) == 1 and "conformity assessment" in gaps[0] and "Art. 43 / Art. 47" in gaps[0]


def test_adding_a_reference_removes_its_finding() -> None:
    plan = template_without(["eu-registration"])
    before = coverage(plan, analyze(plan), role="provider", tier="high-risk")
    assert [f.code for f in before.findings if "Art. 49" in f.message] == ["obligation-missing"]
    next(d for d in plan.decisions if d.id == "corrective-actions").references.append("EU AI Act Art. 49")
    after = coverage(plan, analyze(plan), role="provider", tier="high-risk")
    assert not [f for f in after.findings if "Art. 49" in f.message]


def test_the_template_as_deployer_misses_art_26_and_27() -> None:
    plan = load_template("ai-scaling")
    report = coverage(plan, analyze(plan), role="deployer", tier="high-risk")
    assert {i.item.id for i in report.framework("euaiact").missing()} == {"Art. 26", "Art. 27"}
    gaps = " ".join(f.message for f in report.findings if f.code == "high-risk-gap")
    assert "human oversight" in gaps and "logging" in gaps


def test_the_plan_field_sets_role_and_tier_and_the_arguments_override_it() -> None:
    plan = load_template("ai-scaling")
    plan.ai_system = plan_from_dict(
        {
            "schema_version": 1,
            "title": "x",
            "stages": [{"id": "s", "name": "S"}],
            "decisions": [],
            "ai_system": {"role": "deployer", "risk_tier": "high-risk"},
        }
    ).ai_system
    assert coverage(plan, analyze(plan)).role == "deployer"
    assert coverage(plan, analyze(plan), role="provider").role == "provider"


# -- lateness ------------------------------------------------------------------------------------------------------
def test_late_against_go_live_milestone_and_application_date() -> None:
    # Plan starts 5 Jan 2026; Art. 9 applies 2 Aug 2026 = 209 days = week 29.86. Risk management finishes at
    # week 35, before go-live (week 40): late against the application date only.
    plan = plan_from_dict(
        {
            "schema_version": 1,
            "title": "L",
            "start_date": "2026-01-05",
            "ai_system": {"role": "provider", "risk_tier": "high-risk", "go_live": "live"},
            "stages": [{"id": "build", "name": "Build"}, {"id": "run", "name": "Run"}],
            "decisions": [
                {
                    "id": "rms",
                    "title": "Risk management",
                    "stage": "build",
                    "duration": 35,
                    "references": ["EU AI Act Art. 9"],
                },
                {
                    "id": "log",
                    "title": "Logging",
                    "stage": "build",
                    "duration": 5,
                    "not_before": 20,
                    "references": ["EU AI Act Art. 12"],
                },
                {
                    "id": "ovs",
                    "title": "Oversight",
                    "stage": "run",
                    "duration": 2,
                    "not_before": 40,
                    "references": ["EU AI Act Art. 14", "EU AI Act Art. 43"],
                },
                {"id": "live", "title": "Go live", "stage": "build", "milestone": True, "not_before": 40},
            ],
        }
    )
    report = coverage(plan, analyze(plan), frameworks=["euaiact"])
    assert report.go_live == 40
    rows = {i.item.id: i for i in report.framework("euaiact").items}
    assert rows["Art. 9"].status == "late" and rows["Art. 9"].due == pytest.approx(209 / 7)
    assert rows["Art. 9"].due_reason == "applies 2 Aug 2026"
    assert rows["Art. 12"].status == "covered"  # finishes week 25, before 2 Aug 2026
    assert rows["Art. 14"].status == "late" and rows["Art. 14"].covered_by == 42
    late = [f for f in report.findings if f.code == "obligation-late"]
    assert {f.decisions[0] for f in late} == {"rms", "ovs"}
    assert any("(2 Aug 2026)" in f.message for f in late)  # prose dates by the one rule (SPEC §3.3a), not ISO
    # Art. 4 already applied when the plan started: due at go-live, and missing here.
    assert rows["Art. 4"].status == "missing" and rows["Art. 4"].due == 40


def test_an_unknown_go_live_decision_is_a_finding() -> None:
    plan = tiny(ai_system={"role": "provider", "risk_tier": "minimal", "go_live": "nope"})
    report = coverage(plan, analyze(plan))
    assert [f.code for f in report.findings if f.code == "go-live-unknown"] == ["go-live-unknown"]
    assert report.go_live == 4  # the Scale stage's start


def test_prohibited_tier_is_an_error() -> None:
    plan = tiny()
    report = coverage(plan, analyze(plan), role="provider", tier="prohibited")
    assert [f.code for f in report.findings if str(f.severity) == "error"] == ["prohibited-practice"]


def test_a_high_risk_plan_without_oversight_is_flagged() -> None:
    plan = template_without(["human-oversight"])
    report = coverage(plan, analyze(plan), role="provider", tier="high-risk")
    gaps = [f.message for f in report.findings if f.code == "high-risk-gap"]
    assert gaps == [
        "A high-risk AI system (provider) with no human oversight decision: nothing covers EU AI Act Art. 14."
    ]


def test_coverage_without_a_schedule_still_lists_items() -> None:
    plan = tiny(dependencies=[{"from": "a", "to": "live"}, {"from": "live", "to": "a"}])
    report = coverage(plan, analyze(plan), role="provider", tier="minimal")
    assert report.go_live is None and report.notes
    assert {i.item.id for i in report.framework("euaiact").missing()} == {"Art. 4"}


# -- command line ---------------------------------------------------------------------------------------------------
def test_cli_coverage_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from planner.model import save_plan

    path = tmp_path / "t.plan.json"
    save_plan(template_without(["eu-registration"]), path)
    assert main(["coverage", str(path), "--role", "provider", "--tier", "high-risk", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"covered", "missing", "late", "matrix", "findings"} <= set(out)
    assert [m["id"] for m in out["missing"]] == ["Art. 49"]
    assert {c["id"] for c in out["covered"]} >= {"Art. 14", "MAP 1.1", "A.6.2.8"}
    assert main(["coverage", str(path), "--framework", "nist"]) == 0
    text = capsys.readouterr().out
    assert "NIST AI Risk Management Framework 1.0: 30 of 72 covered" in text and "EU AI Act" not in text


def test_cli_coverage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["coverage", str(tmp_path / "missing.plan.json")]) == 2
    assert "missing.plan.json" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["coverage", "x", "--tier", "extreme"])
    assert exc.value.code == 2
