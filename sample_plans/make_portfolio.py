"""Generate ai-portfolio.plan.json: eight AI use cases delivered on one shared platform.

Pure standard library and deterministic: running it twice writes the same bytes. The plan is composed from a
shared-platform track plus one track per use case; each use-case track follows the four stages with titles,
references and notes specific to that use case, and links into the platform where it really depends on it.
Statuses and progress are derived from the planned (likely) schedule at the status date, so the sample reads
like a programme a few months in; a few explicit overrides show slippage and a blocked decision.

Usage: python sample_plans/make_portfolio.py [OUTPUT]   (default: ai-portfolio.plan.json next to this script)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

START_DATE = "2027-04-05"  # a Monday
STATUS_WEEK = 12.0  # the "today" the statuses reflect, in weeks from the start
RATE = 4500  # blended cost of one person-week, USD

AREAS = [
    ("architecture", "Architecture", "#0072B2"),
    ("infrastructure", "Infrastructure", "#E69F00"),
    ("engineering-workflows", "Engineering workflows", "#009E73"),
    ("data", "Data", "#56B4E9"),
    ("governance", "Governance", "#CC79A7"),
    ("compliance", "Compliance", "#D55E00"),
    ("organization", "Organization", "#F0E442"),
    ("team-capability", "Team capability", "#999999"),
]

STAGES = [
    (
        "validate",
        "Validate",
        "Choose use cases on business value and risk, and prove each one with real users before it is built out.",
        [
            ("Use-case intake and value scoring in place", True),
            ("Every wave-1 use case has a success metric and an EU AI Act risk class", True),
            ("Each use case beat its baseline in a controlled pilot", False),
        ],
    ),
    (
        "integrate",
        "Integrate",
        "Bring each use case into real workflows through the shared inference gateway, feature store and data catalogue.",
        [
            ("No use case calls a model provider directly", False),
            ("Human review designed into every use case's workflow", False),
            ("Portfolio RACI and responsible AI standard published", True),
        ],
    ),
    (
        "operationalize",
        "Operationalize",
        "Run every use case on shared CI/CD, monitoring, data-quality and governance, with elastic capacity.",
        [
            ("All live use cases deploy through shared CI/CD with rollback", False),
            ("Drift and quality monitoring with retraining triggers for every live model", False),
            ("Model risk committee approval on file for every go-live", False),
            ("High-risk use cases have QMS, technical documentation and registration", False),
        ],
    ),
    (
        "scale",
        "Scale",
        "Make AI a repeatable capability: self-service platform, reusable components, operating model and academy.",
        [
            ("New use cases onboard through the self-service portal", False),
            ("Centre of excellence and AI academy running", False),
            ("Portfolio value reported to the executive committee quarterly", False),
        ],
    ),
]

TEAMS = [
    ("platform", "AI platform team", 7),
    ("data", "Enterprise data team", 6),
    ("mlops", "MLOps & LLMOps team", 5),
    ("risk", "AI governance & risk office", 3),
    ("change", "Transformation office", 4),
    ("squad-ops", "Operations AI squad", 5),
    ("squad-customer", "Customer AI squad", 5),
    ("squad-commercial", "Commercial AI squad", 5),
    ("squad-corporate", "Corporate functions AI squad", 5),
]

DECISIONS: list[dict] = []
DEPENDENCIES: list[dict] = []


def add(
    id_,
    title,
    area,
    stage,
    owner,
    est,
    headcount,
    refs,
    tags,
    notes,
    *,
    not_before=None,
    milestone=False,
    extra_cost=0,
) -> None:
    """Append one decision, keys in the plan file's order; ``est`` is (optimistic, likely, pessimistic) weeks."""
    assert len(title) <= 70, title
    assert id_ not in {d["id"] for d in DECISIONS}, id_
    d = {"id": id_, "title": title, "area": area, "stage": stage, "owner": owner}
    if milestone:
        d["duration"] = 0
        d["headcount"] = 0
    else:
        opt, likely_, pess = est
        d["duration"] = {"optimistic": opt, "likely": likely_, "pessimistic": pess}
        d["headcount"] = headcount
        d["cost"] = round((headcount * likely_ * RATE + extra_cost) / 500) * 500
    d["status"] = "not_started"
    d["progress"] = 0
    if not_before is not None:
        d["not_before"] = not_before
    if milestone:
        d["milestone"] = True
    d["references"] = list(refs)
    d["tags"] = list(tags)
    d["notes"] = notes
    DECISIONS.append(d)


def link(frm, to, type_="FS", lag=0, note="") -> None:
    """Append one dependency: ``frm`` is the predecessor, ``to`` the successor, ``lag`` in weeks."""
    DEPENDENCIES.append({"from": frm, "to": to, "type": type_, "lag": lag, "note": note})


def scaled(est: tuple[float, float, float], factor: float) -> tuple[float, float, float]:
    """Scale a three-point estimate (weeks) by ``factor``, rounded to half weeks and kept ordered."""
    opt, likely_, pess = (max(0.5, round(x * factor * 2) / 2) for x in est)
    likely_ = max(opt, likely_)
    return opt, likely_, max(likely_, pess)


# --------------------------------------------------------------------------------------------------------------------
# Shared platform track
# --------------------------------------------------------------------------------------------------------------------
P = [
    # validate
    (
        "portfolio-intake",
        "Set up use-case intake and value scoring",
        "organization",
        "validate",
        "change",
        (1, 2, 3),
        2,
        ["NIST AI RMF MAP 1.3", "NIST AI RMF MAP 3.1"],
        ["portfolio", "value"],
        "Scoring every idea on value, feasibility and risk keeps the portfolio from following the loudest sponsor.",
    ),
    (
        "portfolio-prioritisation",
        "Prioritise the first wave of use cases by value and risk",
        "organization",
        "validate",
        "change",
        (1, 1.5, 2),
        2,
        ["NIST AI RMF MAP 1.3", "NIST AI RMF MANAGE 1.1"],
        ["portfolio"],
        "Wave 1 mixes quick wins with one use case that forces the platform to be built properly.",
    ),
    (
        "ai-inventory",
        "Create the enterprise AI use-case inventory",
        "governance",
        "validate",
        "risk",
        (1, 2, 3),
        1,
        ["NIST AI RMF GOVERN 1.6", "ISO/IEC 42001 A.2.2"],
        ["inventory"],
        "You cannot govern AI systems nobody has listed, including those bought inside SaaS products.",
    ),
    (
        "ai-act-triage",
        "Triage all candidate use cases under the EU AI Act",
        "compliance",
        "validate",
        "risk",
        (1, 2, 3),
        1,
        ["EU AI Act Art. 5", "EU AI Act Art. 6", "EU AI Act Annex III"],
        ["eu-ai-act"],
        "Early triage finds the high-risk use cases whose compliance work dominates their schedule.",
    ),
    (
        "reference-architecture",
        "Define the shared AI platform reference architecture",
        "architecture",
        "validate",
        "platform",
        (2, 3, 4),
        2,
        ["ISO/IEC 42001 A.6.2.2", "Google MLOps level 1"],
        ["platform", "architecture"],
        "One architecture for gateway, features, retrieval and monitoring stops each squad building its own stack.",
    ),
    (
        "landing-zone",
        "Extend the cloud landing zone for AI workloads",
        "infrastructure",
        "validate",
        "platform",
        (2, 3, 5),
        2,
        ["ISO/IEC 42001 A.4.5", "NIST AI RMF MEASURE 2.7"],
        ["platform", "infrastructure"],
        "Network isolation, GPU quotas and key management are prerequisites for every use case.",
    ),
    (
        "skills-baseline",
        "Baseline AI skills across IT and business units",
        "team-capability",
        "validate",
        "change",
        (1, 2, 3),
        1,
        ["EU AI Act Art. 4", "NIST AI RMF GOVERN 2.2", "ISO/IEC 42001 7.2"],
        ["skills"],
        "The skills baseline sizes the hiring and training the eight use cases will need.",
    ),
    (
        "wave1-approved",
        "Wave 1 use cases approved",
        "governance",
        "validate",
        "change",
        None,
        0,
        ["NIST AI RMF MANAGE 1.1"],
        ["gate", "portfolio"],
        "The executive committee funds the first three use cases and the platform.",
    ),
    # integrate
    (
        "inference-gateway",
        "Build the shared inference gateway for all use cases",
        "architecture",
        "integrate",
        "platform",
        (3, 4, 6),
        3,
        ["NIST AI RMF GOVERN 6.2", "NIST AI RMF MAP 4.2", "ISO/IEC 42001 A.6.2.5"],
        ["platform", "llm"],
        "Use cases call one API; providers and models can be swapped, metered and logged centrally.",
    ),
    (
        "model-catalogue",
        "Curate an approved catalogue of foundation models",
        "governance",
        "integrate",
        "mlops",
        (1, 2, 3),
        1,
        ["NIST AI RMF MANAGE 3.2", "ISO/IEC 42001 A.10.3"],
        ["llm", "third-party"],
        "Squads choose from vetted models with known terms, data residency and evaluation results.",
    ),
    (
        "vector-store",
        "Offer a managed vector store for retrieval use cases",
        "infrastructure",
        "integrate",
        "platform",
        (2, 3, 4),
        2,
        ["ISO/IEC 42001 A.4.4"],
        ["platform", "rag"],
        "Four use cases need retrieval; one managed service beats four hand-run indexes.",
    ),
    (
        "feature-store",
        "Stand up the shared feature store",
        "data",
        "integrate",
        "data",
        (3, 4, 6),
        2,
        ["Google MLOps level 1", "ISO/IEC 42001 A.7.2"],
        ["platform", "feature-store"],
        "Shared, versioned features remove training/serving skew and duplicate pipelines.",
    ),
    (
        "data-catalogue",
        "Publish a data catalogue with owners and access workflow",
        "data",
        "integrate",
        "data",
        (2, 3, 5),
        2,
        ["EU AI Act Art. 10", "ISO/IEC 42001 A.7.5"],
        ["data", "governance"],
        "Squads find, request and justify data in days instead of chasing owners for weeks.",
    ),
    (
        "ingestion-patterns",
        "Standardise batch and real-time ingestion patterns",
        "data",
        "integrate",
        "data",
        (1, 2, 3),
        2,
        ["Google MLOps level 1", "ISO/IEC 42001 A.7.6"],
        ["data", "streaming"],
        "Each use case picks batch or streaming from a supported pattern instead of inventing one.",
    ),
    (
        "identity-integration",
        "Integrate platform access with enterprise identity",
        "infrastructure",
        "integrate",
        "platform",
        (1, 2, 3),
        1,
        ["EU AI Act Art. 15", "NIST AI RMF MEASURE 2.7"],
        ["security"],
        "Role-based access and audit trails come for free to every use case on the platform.",
    ),
    (
        "repo-templates",
        "Provide repo templates with CI for model and prompt code",
        "engineering-workflows",
        "integrate",
        "mlops",
        (1, 2, 3),
        2,
        ["Google MLOps level 1", "ISO/IEC 42001 A.6.2.3"],
        ["cicd"],
        "Squads start from a tested skeleton with evaluation, linting and packaging wired in.",
    ),
    (
        "portfolio-raci",
        "Agree a portfolio RACI across platform, squads and risk",
        "governance",
        "integrate",
        "risk",
        (1, 1, 2),
        1,
        ["NIST AI RMF GOVERN 2.1", "ISO/IEC 42001 A.3.2", "ISO/IEC 42001 A.10.2"],
        ["accountability"],
        "Squads own outcomes, the platform owns shared services, risk owns the standard; written down once.",
    ),
    (
        "responsible-ai-standard",
        "Publish the responsible AI standard and review checklist",
        "governance",
        "integrate",
        "risk",
        (2, 3, 4),
        1,
        ["NIST AI RMF GOVERN 1.2", "ISO/IEC 42001 A.6.1.3"],
        ["policy"],
        "One checklist applied at each gate makes reviews predictable for squads.",
    ),
    (
        "impact-template",
        "Create a shared DPIA and AI impact assessment template",
        "compliance",
        "integrate",
        "risk",
        (1, 2, 3),
        1,
        ["GDPR Art. 35", "ISO/IEC 42001 A.5.2", "ISO/IEC 42001 A.5.3"],
        ["privacy"],
        "A combined template avoids two parallel assessments for every use case with personal data.",
    ),
    (
        "squad-model",
        "Form cross-functional use-case squads",
        "organization",
        "integrate",
        "change",
        (2, 3, 4),
        1,
        ["NIST AI RMF GOVERN 3.1", "ISO/IEC 42001 A.4.6"],
        ["operating-model"],
        "Business, data and engineering in one squad per domain, so integration is nobody's afterthought.",
    ),
    (
        "platform-mvp",
        "Platform MVP available to squads",
        "architecture",
        "integrate",
        "platform",
        None,
        0,
        ["ISO/IEC 42001 A.6.2.5"],
        ["gate", "platform"],
        "Gateway, feature store, vector store and repo templates usable by wave-1 squads.",
    ),
    # operationalize
    (
        "shared-cicd",
        "Build shared CI/CD for models, prompts and retrieval",
        "engineering-workflows",
        "operationalize",
        "mlops",
        (3, 4, 6),
        2,
        ["Google MLOps level 2", "ISO/IEC 42001 A.6.2.5"],
        ["cicd", "mlops"],
        "Zero-downtime, reversible releases for every use case, whatever the artefact type.",
    ),
    (
        "model-registry",
        "Run a central model and prompt registry",
        "engineering-workflows",
        "operationalize",
        "mlops",
        (1, 2, 3),
        1,
        ["Google MLOps level 1", "ISO/IEC 42001 A.6.2.7"],
        ["mlops"],
        "Every model and prompt in production is traceable to data, evaluation and approval.",
    ),
    (
        "monitoring-stack",
        "Provide shared drift, quality and cost monitoring",
        "engineering-workflows",
        "operationalize",
        "mlops",
        (2, 3, 5),
        2,
        ["NIST AI RMF MEASURE 2.4", "NIST AI RMF MANAGE 4.1", "Google MLOps level 1"],
        ["monitoring", "drift"],
        "Squads configure thresholds instead of building dashboards and alerting from scratch.",
    ),
    (
        "gpu-autoscaling",
        "Run an elastic, autoscaling GPU and CPU serving pool",
        "infrastructure",
        "operationalize",
        "platform",
        (2, 3, 5),
        2,
        ["ISO/IEC 42001 A.4.5", "EU AI Act Art. 15"],
        ["scaling", "infrastructure"],
        "Capacity follows demand across use cases, so peaks in one do not starve another.",
        60000,
    ),
    (
        "ai-finops",
        "Introduce AI FinOps with per-use-case chargeback",
        "infrastructure",
        "operationalize",
        "platform",
        (1, 2, 3),
        1,
        ["ISO/IEC 42001 A.4.5", "NIST AI RMF MANAGE 2.1"],
        ["finops"],
        "Visible unit costs keep token and GPU spend tied to the value each use case delivers.",
    ),
    (
        "dq-framework",
        "Roll out a shared data-quality framework",
        "data",
        "operationalize",
        "data",
        (2, 3, 4),
        2,
        ["EU AI Act Art. 10", "ISO/IEC 42001 A.7.4", "Google MLOps level 1"],
        ["quality"],
        "Common checks and contracts catch broken upstream data before models see it.",
    ),
    (
        "model-risk-committee",
        "Establish the AI model risk committee",
        "governance",
        "operationalize",
        "risk",
        (1, 2, 3),
        1,
        ["NIST AI RMF GOVERN 2.3", "NIST AI RMF GOVERN 1.4", "ISO/IEC 42001 A.3.2"],
        ["accountability", "risk"],
        "A standing committee approves every go-live and material change across the portfolio.",
    ),
    (
        "ai-qms",
        "Extend the quality management system to AI systems",
        "compliance",
        "operationalize",
        "risk",
        (2, 3, 5),
        1,
        ["EU AI Act Art. 17", "ISO/IEC 42001 10.1"],
        ["eu-ai-act", "quality"],
        "Required for high-risk systems and good practice for the rest: one change and test discipline.",
    ),
    (
        "ai-incident-process",
        "Define the enterprise AI incident process",
        "governance",
        "operationalize",
        "risk",
        (1, 2, 3),
        1,
        ["NIST AI RMF MANAGE 4.3", "EU AI Act Art. 73", "ISO/IEC 42001 A.8.4"],
        ["incidents"],
        "Harmful outputs and model failures are triaged, fixed and reported the same way in every squad.",
    ),
    (
        "platform-sre",
        "Set up 24/7 SRE support for the AI platform",
        "organization",
        "operationalize",
        "platform",
        (1, 2, 3),
        2,
        ["NIST AI RMF MANAGE 2.4", "ISO/IEC 42001 A.6.2.6"],
        ["operations"],
        "Business-critical use cases need the platform supported like any other production service.",
    ),
    (
        "mlops-bootcamp",
        "Run MLOps and LLMOps bootcamps for squads",
        "team-capability",
        "operationalize",
        "change",
        (2, 3, 4),
        1,
        ["NIST AI RMF GOVERN 2.2", "ISO/IEC 42001 7.2"],
        ["training", "mlops"],
        "Squads run their own pipelines instead of queueing for the platform team.",
    ),
    (
        "platform-ga",
        "Platform generally available",
        "engineering-workflows",
        "operationalize",
        "platform",
        None,
        0,
        ["ISO/IEC 42001 A.6.2.5"],
        ["gate", "platform"],
        "CI/CD, registry, monitoring and elastic serving supported for all squads.",
    ),
    # scale
    (
        "self-service-portal",
        "Launch a self-service portal for new use cases",
        "engineering-workflows",
        "scale",
        "platform",
        (3, 4, 6),
        2,
        ["Google MLOps level 2"],
        ["platform", "self-service"],
        "Use case nine should start from a form and a template, not a platform project.",
    ),
    (
        "reusable-components",
        "Package reusable retrieval and forecasting components",
        "architecture",
        "scale",
        "mlops",
        (2, 3, 5),
        2,
        ["Google MLOps level 2", "ISO/IEC 42001 A.4.4"],
        ["platform", "reuse"],
        "The best pieces of the first use cases become supported building blocks.",
    ),
    (
        "data-products",
        "Publish governed data products for reuse",
        "data",
        "scale",
        "data",
        (3, 4, 6),
        2,
        ["ISO/IEC 42001 A.7.2", "EU AI Act Art. 10"],
        ["data", "reuse"],
        "Customer, asset and supplier data products stop each squad re-deriving the same tables.",
    ),
    (
        "second-region",
        "Add a second region for AI serving resilience",
        "infrastructure",
        "scale",
        "platform",
        (2, 4, 6),
        2,
        ["EU AI Act Art. 15", "NIST AI RMF MANAGE 2.4"],
        ["resilience"],
        "As more processes depend on AI, a regional outage must not stop them.",
        40000,
    ),
    (
        "post-market-monitoring",
        "Run portfolio-wide post-market monitoring",
        "compliance",
        "scale",
        "risk",
        (1, 2, 3),
        1,
        ["EU AI Act Art. 72", "NIST AI RMF MANAGE 4.1"],
        ["eu-ai-act", "monitoring"],
        "High-risk systems need a documented monitoring plan; the rest benefit from the same routine.",
    ),
    (
        "ai-coe",
        "Establish the AI centre of excellence",
        "organization",
        "scale",
        "change",
        (3, 4, 6),
        2,
        ["NIST AI RMF GOVERN 2.3", "ISO/IEC 42001 5.1"],
        ["operating-model"],
        "Central standards and platform, federated squads: the operating model for the next wave.",
    ),
    (
        "ai-academy",
        "Launch the enterprise AI academy",
        "team-capability",
        "scale",
        "change",
        (3, 4, 8),
        1,
        ["EU AI Act Art. 4", "NIST AI RMF GOVERN 2.2", "ISO/IEC 42001 7.3"],
        ["training", "skills"],
        "AI literacy for everyone who uses or oversees AI, deeper tracks for builders.",
    ),
    (
        "value-dashboard",
        "Publish the portfolio value dashboard",
        "organization",
        "scale",
        "change",
        (1, 2, 3),
        1,
        ["NIST AI RMF MANAGE 2.2", "ISO/IEC 42001 9.1"],
        ["value", "portfolio"],
        "Realised value per use case decides what the next wave funds.",
    ),
    (
        "enterprise-scale",
        "Portfolio at enterprise scale",
        "organization",
        "scale",
        "change",
        None,
        0,
        ["NIST AI RMF MANAGE 2.2"],
        ["gate", "portfolio"],
        "Eight use cases live, self-service platform and operating model in place.",
    ),
]
for row in P:
    id_, title, area, stage, owner, est, hc, refs, tags, notes, *extra = row
    add(
        id_,
        title,
        area,
        stage,
        owner,
        est,
        hc,
        refs,
        ["platform-track", *tags],
        notes,
        milestone=est is None,
        extra_cost=extra[0] if extra else 0,
    )

for a, b, *rest in [
    ("portfolio-intake", "portfolio-prioritisation"),
    ("portfolio-intake", "ai-inventory", "SS", 1, "The inventory starts from the intake register."),
    ("ai-inventory", "ai-act-triage"),
    (
        "portfolio-intake",
        "reference-architecture",
        "SS",
        1,
        "Architecture options are shaped by the candidate list.",
    ),
    (
        "reference-architecture",
        "landing-zone",
        "SS",
        2,
        "Landing-zone work starts once the network design is set.",
    ),
    ("portfolio-intake", "skills-baseline", "SS", 1, "Skills needs follow the shortlisted use cases."),
    ("portfolio-prioritisation", "wave1-approved"),
    ("ai-act-triage", "wave1-approved"),
    ("reference-architecture", "wave1-approved"),
    ("reference-architecture", "inference-gateway"),
    ("landing-zone", "inference-gateway"),
    ("ai-act-triage", "model-catalogue"),
    ("inference-gateway", "model-catalogue", "SS", 1, "Catalogue entries are exposed through the gateway."),
    ("landing-zone", "vector-store"),
    ("landing-zone", "feature-store"),
    ("wave1-approved", "data-catalogue"),
    (
        "data-catalogue",
        "ingestion-patterns",
        "SS",
        1,
        "Patterns are documented as catalogue sources are added.",
    ),
    ("landing-zone", "identity-integration"),
    ("reference-architecture", "repo-templates"),
    ("wave1-approved", "portfolio-raci"),
    ("portfolio-raci", "responsible-ai-standard"),
    ("ai-act-triage", "impact-template"),
    ("wave1-approved", "squad-model"),
    ("skills-baseline", "squad-model"),
    ("inference-gateway", "platform-mvp"),
    ("vector-store", "platform-mvp"),
    ("feature-store", "platform-mvp"),
    ("identity-integration", "platform-mvp"),
    ("repo-templates", "platform-mvp"),
    ("repo-templates", "shared-cicd"),
    ("platform-mvp", "shared-cicd"),
    ("shared-cicd", "model-registry", "SS", 1, "The registry is the pipeline's release target."),
    ("platform-mvp", "monitoring-stack"),
    ("platform-mvp", "gpu-autoscaling"),
    ("gpu-autoscaling", "ai-finops", "SS", 1, "Chargeback uses the pool's usage metering."),
    ("ingestion-patterns", "dq-framework"),
    ("responsible-ai-standard", "model-risk-committee"),
    ("model-risk-committee", "ai-qms", "SS", 1, "The committee sponsors the QMS extension."),
    ("model-risk-committee", "ai-incident-process"),
    ("gpu-autoscaling", "platform-sre"),
    ("shared-cicd", "mlops-bootcamp", "SS", 2, "Bootcamps teach the pipeline as it stabilises."),
    ("shared-cicd", "platform-ga"),
    ("model-registry", "platform-ga"),
    ("monitoring-stack", "platform-ga"),
    ("platform-sre", "platform-ga"),
    ("ai-finops", "platform-ga"),
    ("platform-ga", "self-service-portal"),
    ("dq-framework", "data-products"),
    ("platform-ga", "second-region"),
    ("ai-qms", "post-market-monitoring"),
    ("ai-incident-process", "post-market-monitoring"),
    ("squad-model", "ai-coe"),
    ("platform-ga", "ai-coe"),
    ("ai-coe", "ai-academy", "SS", 2, "The academy is run by the centre of excellence."),
    ("mlops-bootcamp", "ai-academy"),
    ("self-service-portal", "enterprise-scale"),
    ("reusable-components", "enterprise-scale"),
    ("data-products", "enterprise-scale"),
    ("second-region", "enterprise-scale"),
    ("post-market-monitoring", "enterprise-scale"),
    ("ai-academy", "enterprise-scale"),
    ("value-dashboard", "enterprise-scale"),
]:
    link(a, b, *rest)

# --------------------------------------------------------------------------------------------------------------------
# Use-case tracks
# --------------------------------------------------------------------------------------------------------------------
USE_CASES = [
    dict(
        id="invoice",
        name="Invoice capture",
        kind="genai",
        squad="squad-ops",
        wave=1,
        start=0,
        size=0.9,
        metric="touchless invoice rate",
        data="supplier invoice and PO data",
        tier="minimal risk",
        pilot="pilot extraction on 2,000 real supplier invoices",
        users="the accounts-payable team",
        corpus="supplier and PO master data",
        system="the ERP accounts-payable workflow",
        review="low-confidence fields",
        trainees="accounts-payable clerks",
        personal=False,
        scope="all 14 shared-service centres",
        specific=[
            (
                "po-matching",
                "Invoice capture: match invoices to purchase orders automatically",
                "data",
                "integrate",
                (2, 3, 5),
                2,
                ["ISO/IEC 42001 A.7.6"],
                ["erp"],
                "Three-way matching is where most manual touch time goes today.",
                [
                    ("pipeline", "po-matching", "SS", 1, "Matching uses the retrieved PO lines."),
                    ("po-matching", "integration"),
                ],
            )
        ],
    ),
    dict(
        id="churn",
        dq="CRM and billing feeds",
        name="Churn prediction",
        kind="ml",
        squad="squad-customer",
        wave=1,
        start=0,
        size=1.0,
        metric="retained revenue per month",
        data="CRM, billing and usage data",
        tier="minimal risk",
        pilot="backtest churn models on two years of customers",
        users="two retention teams",
        cadence="nightly batch",
        system="the CRM retention campaign tool",
        review="large retention discounts",
        trainees="retention agents",
        personal=True,
        scope="all consumer segments and markets",
        specific=[
            (
                "proxy-bias",
                "Churn prediction: test features for proxy discrimination",
                "governance",
                "operationalize",
                (1, 2, 3),
                1,
                ["NIST AI RMF MEASURE 2.11", "GDPR Art. 22"],
                ["fairness"],
                "Postcode and tenure can act as proxies for protected characteristics in offer decisions.",
                [("pipeline", "proxy-bias"), ("proxy-bias", "approval")],
            ),
            (
                "offer-design",
                "Churn prediction: design retention offers with marketing",
                "organization",
                "integrate",
                (1, 2, 3),
                1,
                ["NIST AI RMF MAP 3.1"],
                ["value"],
                "A churn score creates value only when it triggers the right offer.",
                [
                    ("validate-gate", "offer-design"),
                    (
                        "offer-design",
                        "integration",
                        "SS",
                        1,
                        "Campaign rules are needed early in integration.",
                    ),
                ],
            ),
        ],
    ),
    dict(
        id="service-desk",
        name="Service-desk copilot",
        kind="genai",
        squad="squad-corporate",
        wave=1,
        start=0,
        size=1.0,
        metric="first-contact resolution",
        data="ticket history and knowledge base",
        tier="limited risk",
        pilot="pilot answers on 500 real IT tickets",
        users="40 first-line agents",
        corpus="the IT knowledge base",
        system="the IT service-management tool",
        review="suggested fixes",
        trainees="service-desk agents",
        personal=True,
        scope="all employees via chat",
        specific=[
            (
                "kb-cleanup",
                "Service-desk copilot: clean up and tag the knowledge base",
                "data",
                "validate",
                (2, 3, 4),
                2,
                ["EU AI Act Art. 10", "ISO/IEC 42001 A.7.4"],
                ["rag", "knowledge"],
                "Retrieval over stale, duplicated articles produces confident wrong answers.",
                [
                    (
                        "data-assessment",
                        "kb-cleanup",
                        "SS",
                        1,
                        "Clean-up starts with the worst sources found.",
                    ),
                    ("kb-cleanup", "pilot", "FF", 1, "The pilot ends on the cleaned knowledge base."),
                ],
            ),
            (
                "tool-limits",
                "Service-desk copilot: restrict tool actions to approved runbooks",
                "governance",
                "integrate",
                (1, 2, 3),
                1,
                ["OWASP LLM06:2025 Excessive Agency", "NIST AI RMF MAP 3.5"],
                ["agents", "security"],
                "Password resets and licence changes run only through approved, logged runbooks.",
                [("validate-gate", "tool-limits"), ("tool-limits", "integration")],
            ),
        ],
    ),
    dict(
        id="demand",
        dq="sales and stock feeds",
        name="Demand forecasting",
        kind="ml",
        squad="squad-commercial",
        wave=2,
        start=14,
        size=1.2,
        metric="forecast error and stock-outs",
        data="sales, promotion and stock history",
        tier="minimal risk",
        pilot="backtest forecasts for 3,000 SKUs",
        users="planners in two categories",
        cadence="weekly batch",
        system="the supply-planning system",
        review="large forecast changes",
        trainees="demand planners",
        personal=False,
        scope="all categories and warehouses",
        specific=[
            (
                "external-signals",
                "Demand forecasting: add promotions and weather signals",
                "data",
                "integrate",
                (2, 3, 4),
                1,
                ["ISO/IEC 42001 A.7.3"],
                ["features"],
                "Promotions explain most forecast misses in the pilot categories.",
                [
                    ("validate-gate", "external-signals"),
                    (
                        "external-signals",
                        "pipeline",
                        "SS",
                        1,
                        "Signals feed the weekly pipeline as they land.",
                    ),
                ],
            ),
            (
                "sop-alignment",
                "Demand forecasting: embed forecasts in the S&OP cycle",
                "organization",
                "scale",
                (1, 2, 3),
                1,
                ["NIST AI RMF MAP 3.3"],
                ["process"],
                "Forecasts only change stock decisions once S&OP meetings use them.",
                [
                    ("go-live", "sop-alignment"),
                    ("sop-alignment", "rollout", "SS", 1, "Rollout follows the S&OP calendar."),
                ],
            ),
        ],
    ),
    dict(
        id="contract",
        name="Contract review",
        kind="genai",
        squad="squad-corporate",
        wave=2,
        start=16,
        size=1.1,
        metric="lawyer hours per contract",
        data="signed contracts and playbooks",
        tier="minimal risk",
        pilot="pilot clause review on 150 supplier contracts",
        users="six in-house lawyers",
        corpus="contracts and legal playbooks",
        system="the contract lifecycle tool",
        review="high-risk deviations",
        trainees="legal and procurement staff",
        personal=True,
        scope="all procurement and sales contracts",
        specific=[
            (
                "clause-library",
                "Contract review: build a clause library with legal",
                "data",
                "validate",
                (2, 3, 5),
                1,
                ["ISO/IEC 42001 A.7.2"],
                ["knowledge"],
                "Approved fallback clauses are the reference the assistant compares against.",
                [("data-assessment", "clause-library"), ("clause-library", "pilot")],
            ),
            (
                "privilege-controls",
                "Contract review: keep privileged documents out of prompts",
                "compliance",
                "integrate",
                (1, 1.5, 2),
                1,
                ["OWASP LLM02:2025 Sensitive Information Disclosure", "GDPR Art. 25"],
                ["privacy", "legal"],
                "Legal privilege and confidentiality must survive retrieval and logging.",
                [("validate-gate", "privilege-controls"), ("privilege-controls", "integration")],
            ),
        ],
    ),
    dict(
        id="maintenance",
        dq="sensor feeds",
        name="Predictive maintenance",
        kind="ml",
        squad="squad-ops",
        wave=2,
        start=18,
        size=1.3,
        metric="unplanned downtime hours",
        data="sensor and maintenance history",
        tier="minimal risk",
        pilot="backtest failure prediction on one line",
        users="engineers at one plant",
        cadence="real-time streaming",
        system="the work-order system",
        review="line-stopping orders",
        trainees="maintenance planners",
        personal=False,
        scope="all five plants",
        specific=[
            (
                "historian-streaming",
                "Predictive maintenance: stream sensor data from plant historians",
                "infrastructure",
                "integrate",
                (2, 4, 6),
                2,
                ["ISO/IEC 42001 A.4.5"],
                ["streaming", "ot"],
                "Failure signatures appear minutes before a stop, so scoring must be streaming.",
                [("validate-gate", "historian-streaming"), ("historian-streaming", "pipeline")],
            ),
            (
                "failure-labels",
                "Predictive maintenance: label failure history with engineers",
                "data",
                "validate",
                (1, 2, 4),
                1,
                ["EU AI Act Art. 10", "ISO/IEC 42001 A.7.6"],
                ["labels"],
                "Free-text work orders must become failure labels before any model can learn.",
                [("data-assessment", "failure-labels"), ("failure-labels", "pilot")],
            ),
        ],
    ),
    dict(
        id="marketing",
        name="Marketing content",
        kind="genai",
        squad="squad-commercial",
        wave=3,
        start=30,
        size=0.9,
        metric="campaign production lead time",
        data="brand guidelines and past campaigns",
        tier="limited risk",
        pilot="pilot copy drafts for three campaigns",
        users="the content team",
        corpus="brand guidelines and claims",
        system="the marketing asset-management tool",
        review="every product claim",
        trainees="marketers and agencies",
        personal=False,
        scope="all markets and languages",
        specific=[
            (
                "content-labelling",
                "Marketing content: label AI-generated images and text",
                "compliance",
                "integrate",
                (1, 1, 2),
                1,
                ["EU AI Act Art. 50"],
                ["transparency"],
                "Synthetic images and deep-fake-like content must be marked as AI-generated.",
                [("validate-gate", "content-labelling"), ("content-labelling", "integration")],
            ),
            (
                "claims-review",
                "Marketing content: add brand and claims review workflow",
                "governance",
                "integrate",
                (1, 2, 3),
                1,
                ["NIST AI RMF MAP 3.5", "NIST AI 600-1"],
                ["oversight"],
                "Unapproved product claims are a legal risk, however fluent the copy.",
                [
                    (
                        "oversight",
                        "claims-review",
                        "SS",
                        1,
                        "Claims review is part of the human-review design.",
                    ),
                    ("claims-review", "integration"),
                ],
            ),
        ],
    ),
    dict(
        id="screening",
        dq="application data",
        name="Candidate screening",
        kind="ml",
        squad="squad-customer",
        wave=3,
        start=28,
        size=1.0,
        metric="time to shortlist",
        data="anonymised application history",
        tier="high risk",
        pilot="backtest ranking on past requisitions",
        users="two recruiting teams",
        cadence="on-demand batch",
        system="the applicant tracking system",
        review="every rejection",
        trainees="recruiters and managers",
        personal=True,
        scope="all professional hiring in the EU",
        specific=[
            (
                "works-council",
                "Candidate screening: consult the works council",
                "organization",
                "validate",
                (2, 4, 8),
                1,
                ["EU AI Act Art. 26", "NIST AI RMF GOVERN 5.1"],
                ["employees"],
                "Employee representatives must be informed before a high-risk system is used at work.",
                [("ai-act", "works-council"), ("works-council", "validate-gate")],
            ),
            (
                "risk-management",
                "Candidate screening: operate an Art. 9 risk management system",
                "compliance",
                "operationalize",
                (2, 3, 5),
                1,
                ["EU AI Act Art. 9", "NIST AI RMF MANAGE 1.2"],
                ["eu-ai-act", "high-risk"],
                "High-risk systems need a documented, lifecycle-long risk process.",
                [("integration", "risk-management"), ("risk-management", "approval")],
            ),
            (
                "bias-testing",
                "Candidate screening: document data governance and bias tests",
                "compliance",
                "operationalize",
                (2, 3, 4),
                1,
                ["EU AI Act Art. 10", "NIST AI RMF MEASURE 2.11"],
                ["eu-ai-act", "fairness"],
                "Training data must be examined for biases that could discriminate between candidates.",
                [
                    ("pipeline", "bias-testing"),
                    ("bias-testing", "tech-doc", "FF", 1, "Documentation closes after the bias results."),
                ],
            ),
            (
                "tech-doc",
                "Candidate screening: prepare Annex IV technical documentation",
                "compliance",
                "operationalize",
                (2, 3, 5),
                1,
                ["EU AI Act Art. 11", "EU AI Act Annex IV", "EU AI Act Art. 12"],
                ["eu-ai-act", "documentation"],
                "The documentation is the evidence base for conformity assessment.",
                [("integration", "tech-doc")],
            ),
            (
                "conformity",
                "Candidate screening: pass conformity assessment and register",
                "compliance",
                "operationalize",
                (2, 3, 6),
                1,
                ["EU AI Act Art. 43", "EU AI Act Art. 49", "EU AI Act Art. 17"],
                ["eu-ai-act", "high-risk"],
                "No high-risk system may be put into service without conformity assessment and registration.",
                [("tech-doc", "conformity"), ("risk-management", "conformity"), ("conformity", "go-live")],
            ),
        ],
    ),
]

REFS = {
    "value-case": ["NIST AI RMF MAP 1.1", "NIST AI RMF MAP 3.1"],
    "data-assessment": ["EU AI Act Art. 10", "NIST AI RMF MAP 4.1", "ISO/IEC 42001 A.7.3"],
    "ai-act": ["EU AI Act Art. 6", "EU AI Act Annex III"],
    "pilot": ["NIST AI RMF MEASURE 2.3", "Google MLOps level 0"],
    "value-proof": ["NIST AI RMF MEASURE 1.1", "NIST AI RMF MANAGE 1.1"],
    "validate-gate": ["NIST AI RMF MANAGE 1.1"],
    "onboard": ["NIST AI RMF GOVERN 6.2", "ISO/IEC 42001 A.6.2.5"],
    "pipeline": ["Google MLOps level 1", "ISO/IEC 42001 A.7.6"],
    "integration": ["NIST AI RMF MAP 3.3", "ISO/IEC 42001 A.9.4"],
    "oversight": ["EU AI Act Art. 14", "NIST AI RMF GOVERN 3.2", "NIST AI RMF MAP 3.5"],
    "dpia": ["GDPR Art. 35", "ISO/IEC 42001 A.5.4"],
    "training": ["EU AI Act Art. 4", "NIST AI RMF MAP 3.4"],
    "cicd": ["Google MLOps level 2", "ISO/IEC 42001 A.6.2.5"],
    "monitoring": ["NIST AI RMF MEASURE 2.4", "NIST AI RMF MANAGE 4.1", "Google MLOps level 1"],
    "dq": ["EU AI Act Art. 10", "ISO/IEC 42001 A.7.4"],
    "approval": ["NIST AI RMF GOVERN 1.4", "ISO/IEC 42001 A.6.2.5"],
    "go-live": ["NIST AI RMF MANAGE 4.1"],
    "rollout": ["NIST AI RMF MANAGE 2.2"],
}


def use_case(uc: dict) -> None:
    p, n, squad, f = uc["id"], uc["name"], uc["squad"], uc["size"]
    genai = uc["kind"] == "genai"
    base_tags = [p, f"wave-{uc['wave']}", "genai" if genai else "ml"]

    def step(key, title, area, stage, owner, est, hc, notes, *, tags=(), milestone=False, not_before=None):
        refs = list(REFS[key])
        if key == "ai-act" and uc["tier"].startswith("limited"):
            refs.append("EU AI Act Art. 50")
        if key == "ai-act" and uc["tier"].startswith("high"):
            refs += ["EU AI Act Art. 9", "EU AI Act Art. 14"]
        add(
            f"{p}-{key}",
            f"{n}: {title}",
            area,
            stage,
            owner,
            None if milestone else scaled(est, f),
            hc,
            refs,
            [*base_tags, *tags],
            notes,
            milestone=milestone,
            not_before=not_before,
        )

    step(
        "value-case",
        f"set success metric ({uc['metric']})",
        "organization",
        "validate",
        squad,
        (1, 1.5, 2),
        2,
        f"{n} is judged on {uc['metric']}, not on model accuracy.",
        tags=["value"],
        not_before=uc["start"] or None,
    )
    step(
        "data-assessment",
        f"assess {uc['data']}",
        "data",
        "validate",
        "data",
        (1, 2, 3),
        1,
        f"Checks that {uc['data']} is available, lawful to use and good enough.",
        tags=["data"],
    )
    step(
        "ai-act",
        f"classify under the EU AI Act ({uc['tier']})",
        "compliance",
        "validate",
        "risk",
        (0.5, 1, 2),
        1,
        f"Recorded as {uc['tier']}; the class sets the compliance scope for {n}.",
        tags=["eu-ai-act"],
    )
    step(
        "pilot",
        uc["pilot"],
        "engineering-workflows",
        "validate",
        squad,
        (2, 3, 5),
        2,
        f"Real cases from {uc['users']}, not curated samples.",
        tags=["pilot"],
    )
    step(
        "value-proof",
        f"prove value with {uc['users']}",
        "organization",
        "validate",
        squad,
        (2, 3, 4),
        2,
        f"A controlled comparison against the current process on {uc['metric']}.",
        tags=["value", "pilot"],
    )
    step(
        "validate-gate",
        "validate gate passed",
        "governance",
        "validate",
        squad,
        None,
        0,
        f"Go/no-go on building {n} out.",
        tags=["gate"],
        milestone=True,
    )
    if genai:
        step(
            "onboard",
            "call models only via the inference gateway",
            "architecture",
            "integrate",
            squad,
            (1, 1.5, 2),
            1,
            "The model stays behind the shared gateway, never hard-wired into app logic.",
            tags=["architecture"],
        )
        step(
            "pipeline",
            f"build retrieval over {uc['corpus']}",
            "data",
            "integrate",
            "data",
            (2, 3, 5),
            2,
            f"Retrieval grounds answers in {uc['corpus']} with source citations.",
            tags=["rag"],
        )
    else:
        step(
            "onboard",
            "publish features to the shared feature store",
            "architecture",
            "integrate",
            squad,
            (1, 2, 3),
            1,
            "Features are defined once for training and scoring on the shared store.",
            tags=["feature-store"],
        )
        step(
            "pipeline",
            f"build {uc['cadence']} scoring pipeline",
            "data",
            "integrate",
            "data",
            (2, 3, 5),
            2,
            f"{uc['cadence'].capitalize()} scoring matches how fast {uc['system'].removeprefix('the ')} "
            f"acts on the result.",
            tags=["data", "batch" if "batch" in uc["cadence"] else "streaming"],
        )
    step(
        "integration",
        f"integrate with {uc['system']}",
        "architecture",
        "integrate",
        squad,
        (2, 4, 6),
        3,
        f"Results land inside {uc['system']}, where the work actually happens.",
        tags=["integration"],
    )
    step(
        "oversight",
        f"design human review of {uc['review']}",
        "governance",
        "integrate",
        squad,
        (1, 1.5, 2),
        1,
        f"People check {uc['review']} and can overrule the system.",
        tags=["oversight"],
    )
    if uc["personal"]:
        step(
            "dpia",
            "complete DPIA and AI impact assessment",
            "compliance",
            "integrate",
            "risk",
            (1, 2, 3),
            1,
            f"{n} processes personal data, so a DPIA is required before go-live.",
            tags=["privacy"],
        )
    step(
        "training",
        f"train {uc['trainees']} on the new workflow",
        "team-capability",
        "integrate",
        "change",
        (1, 1, 2),
        1,
        f"{uc['trainees'].capitalize()} learn when to trust, check and correct the output.",
        tags=["training"],
    )
    if genai:
        step(
            "cicd",
            "ship prompts and retrieval via shared CI/CD",
            "engineering-workflows",
            "operationalize",
            "mlops",
            (1, 2, 3),
            1,
            "Prompt and retrieval changes are evaluated, released and rolled back without downtime.",
            tags=["cicd"],
        )
        step(
            "monitoring",
            "monitor answer quality, drift and cost",
            "engineering-workflows",
            "operationalize",
            "mlops",
            (1, 1.5, 2),
            1,
            "Quality and cost alerts trigger re-evaluation when content or usage shifts.",
            tags=["monitoring"],
        )
    else:
        step(
            "cicd",
            "ship model versions via shared CI/CD",
            "engineering-workflows",
            "operationalize",
            "mlops",
            (1, 2, 3),
            1,
            "Champion-challenger releases with zero-downtime rollback.",
            tags=["cicd"],
        )
        step(
            "monitoring",
            "set drift thresholds and retraining triggers",
            "engineering-workflows",
            "operationalize",
            "mlops",
            (1, 1.5, 2),
            1,
            "Drift beyond agreed thresholds starts an automated retraining run.",
            tags=["monitoring", "drift"],
        )
    if not genai:
        step(
            "dq",
            f"add data-quality checks on {uc['dq']}",
            "data",
            "operationalize",
            "data",
            (1, 2, 3),
            1,
            f"Broken {uc['dq']} are stopped before they reach the model.",
            tags=["quality"],
        )
    step(
        "approval",
        "obtain model risk committee go-live approval",
        "governance",
        "operationalize",
        "risk",
        (0.5, 1, 2),
        1,
        "The committee reviews evaluation, oversight and monitoring evidence before go-live.",
        tags=["approval"],
    )
    step(
        "go-live",
        "live in production",
        "organization",
        "operationalize",
        squad,
        None,
        0,
        f"{n} is used in production by {uc['users']}.",
        tags=["launch"],
        milestone=True,
    )
    step(
        "rollout",
        f"roll out to {uc['scope']}",
        "organization",
        "scale",
        squad,
        (3, 5, 8),
        2,
        f"Broad rollout is where {uc['metric']} turns into material value.",
        tags=["rollout"],
    )

    def q(key: str) -> str:
        return f"{p}-{key}"

    chain = [
        (
            "value-case",
            "data-assessment",
            "SS",
            0.5,
            "Data owners are approached as soon as the scope is drafted.",
        ),
        ("value-case", "ai-act"),
        ("data-assessment", "pilot"),
        ("pilot", "value-proof"),
        ("ai-act", "value-proof"),
        ("value-proof", "validate-gate"),
        ("validate-gate", "onboard"),
        ("validate-gate", "pipeline"),
        ("validate-gate", "oversight"),
        ("onboard", "integration"),
        (
            "pipeline",
            "integration",
            "FF",
            1,
            "Integration closes once the pipeline delivers production data.",
        ),
        (
            "oversight",
            "integration",
            "SS",
            1,
            "The review step must be designed before the build is far along.",
        ),
        ("integration", "training", "FF", 1, "Training ends just after the integrated workflow is ready."),
        ("integration", "cicd"),
        ("cicd", "monitoring"),
        ("monitoring", "approval"),
        ("training", "approval"),
        ("approval", "go-live"),
        ("go-live", "rollout"),
    ]
    if not genai:
        chain += [("pipeline", "dq"), ("dq", "approval")]
    if uc["personal"]:
        chain += [("validate-gate", "dpia"), ("dpia", "integration")]
    for a, b, *rest in chain:
        link(q(a), q(b), *rest)
    for suffix, title, area, stage, est, hc, refs, tags, notes, deps in uc["specific"]:
        add(q(suffix), title, area, stage, squad, scaled(est, 1.0), hc, refs, [*base_tags, *tags], notes)
        for a, b, *rest in deps:
            link(q(a), q(b), *rest)

    # Links into the shared platform, always from the same or an earlier stage.
    if uc["wave"] == 1:
        link("wave1-approved", q("value-case"))
    else:
        link("portfolio-prioritisation", q("value-case"))
    link("ai-act-triage", q("ai-act"))
    if genai:
        link("inference-gateway", q("onboard"))
        link("vector-store", q("pipeline"))
    else:
        link("feature-store", q("onboard"))
        link("ingestion-patterns", q("pipeline"))
    if uc["personal"]:
        link("impact-template", q("dpia"))
    link("responsible-ai-standard", q("oversight"))
    link("squad-model", q("training"))
    link("shared-cicd", q("cicd"))
    link("monitoring-stack", q("monitoring"))
    if not genai:
        link("dq-framework", q("dq"))
    link("model-risk-committee", q("approval"))
    if uc["tier"].startswith("high"):
        link("ai-qms", q("conformity"))
    if uc["wave"] == 1:
        link(q("go-live"), "value-dashboard")
    link(q("rollout"), "enterprise-scale")


for uc in USE_CASES:
    use_case(uc)
link(
    "invoice-go-live",
    "reusable-components",
    note="Retrieval components are harvested from the first GenAI go-live.",
)
link("churn-go-live", "reusable-components", note="Batch scoring components come from the first ML go-live.")
link("platform-ga", "data-products")


# --------------------------------------------------------------------------------------------------------------------
# Status as of STATUS_WEEK, from the planned (likely) schedule, plus deliberate deviations
# --------------------------------------------------------------------------------------------------------------------
def likely(d: dict) -> float:
    return 0.0 if d.get("milestone") else d["duration"]["likely"]


def planned_schedule() -> dict[str, tuple[float, float]]:
    by_id = {d["id"]: d for d in DECISIONS}
    preds: dict[str, list[dict]] = {i: [] for i in by_id}
    indeg = {i: 0 for i in by_id}
    succs: dict[str, list[str]] = {i: [] for i in by_id}
    for e in DEPENDENCIES:
        preds[e["to"]].append(e)
        succs[e["from"]].append(e["to"])
        indeg[e["to"]] += 1
    ready = [i for i in by_id if indeg[i] == 0]
    es: dict[str, float] = {}
    ef: dict[str, float] = {}
    while ready:
        j = ready.pop(0)
        dj = likely(by_id[j])
        s = max(0.0, by_id[j].get("not_before") or 0.0)
        for e in preds[j]:
            i, lag = e["from"], e["lag"]
            s = max(
                s,
                {"FS": ef[i] + lag, "SS": es[i] + lag, "FF": ef[i] + lag - dj, "SF": es[i] + lag - dj}[
                    e["type"]
                ],
            )
        es[j], ef[j] = s, s + dj
        for k in succs[j]:
            indeg[k] -= 1
            if indeg[k] == 0:
                ready.append(k)
    assert len(es) == len(by_id), "dependency cycle"
    return {i: (es[i], ef[i]) for i in by_id}


OVERRIDES = {
    # Blocked: churn's data work waits for a data-sharing agreement, so the churn track is behind plan.
    "churn-data-assessment": (
        "blocked",
        40,
        "Blocked: the CRM data-sharing agreement is waiting for privacy-office sign-off.",
    ),
    # Running late against plan.
    "model-catalogue": (
        "in_progress",
        60,
        "Licence terms for two candidate models are still being negotiated with the vendors.",
    ),
    "impact-template": ("in_progress", 70, None),
}

schedule = planned_schedule()
for d in DECISIONS:
    es, ef = schedule[d["id"]]
    if ef <= STATUS_WEEK and (es < STATUS_WEEK or not d.get("milestone")):
        d["status"], d["progress"] = "done", 100
    elif es < STATUS_WEEK < ef:
        d["status"] = "in_progress"
        d["progress"] = max(5, min(95, int(round((STATUS_WEEK - es) / (ef - es) * 20)) * 5))
    if d["id"] in OVERRIDES:
        status, progress, note = OVERRIDES[d["id"]]
        d["status"], d["progress"] = status, progress
        if note:
            d["notes"] = note
# Keep statuses consistent with the links after the overrides, in schedule order: nothing is under way after a
# finish-to-start predecessor that is unfinished, or after a start-to-start predecessor that has not started, and
# nothing is finished before a finish-to-finish predecessor is.
by_id = {d["id"]: d for d in DECISIONS}
for d in sorted(DECISIONS, key=lambda d: schedule[d["id"]]):
    for e in DEPENDENCIES:
        if e["to"] != d["id"]:
            continue
        pred = by_id[e["from"]]["status"]
        if (e["type"] == "FS" and pred != "done") or (e["type"] == "SS" and pred == "not_started"):
            d["status"], d["progress"] = "not_started", 0
        elif e["type"] == "FF" and pred != "done" and d["status"] == "done":
            d["status"], d["progress"] = "in_progress", 90

RISKS = [
    {
        "id": "gpu-shortage",
        "title": "GPU capacity is not available in the EU region when needed",
        "probability": 0.3,
        "impact": {"optimistic": 2, "likely": 4, "pessimistic": 8},
        "decisions": ["gpu-autoscaling", "inference-gateway"],
        "mitigation": "Reserve baseline capacity early and keep a second provider behind the gateway.",
        "owner": "platform",
    },
    {
        "id": "crm-data-sharing",
        "title": "CRM data-sharing agreement is delayed",
        "probability": 0.5,
        "impact": {"optimistic": 1, "likely": 3, "pessimistic": 6},
        "decisions": ["churn-data-assessment", "churn-pipeline"],
        "mitigation": "Start with pseudonymised extracts under the existing analytics agreement.",
        "owner": "data",
    },
    {
        "id": "screening-conformity",
        "title": "Conformity assessment of candidate screening takes longer",
        "probability": 0.4,
        "impact": {"optimistic": 2, "likely": 5, "pessimistic": 10},
        "decisions": ["screening-conformity"],
        "mitigation": "Engage the notified-body route early and reuse the QMS evidence from the platform.",
        "owner": "risk",
    },
    {
        "id": "squad-attrition",
        "title": "Key ML engineers leave mid-programme",
        "probability": 0.2,
        "impact": {"optimistic": 1, "likely": 2, "pessimistic": 4},
        "decisions": ["shared-cicd", "monitoring-stack"],
        "mitigation": "Pair on every platform component and document runbooks as part of done.",
        "owner": "mlops",
    },
]


def build() -> dict:
    return {
        "schema_version": 1,
        "title": "Enterprise AI portfolio: eight use cases on a shared platform",
        "description": (
            "A two-year programme delivering eight AI use cases in three waves on a shared AI platform: "
            "inference gateway, feature and vector stores, shared CI/CD and monitoring, one governance process. "
            f"Statuses reflect week {STATUS_WEEK:g}. Generated by sample_plans/make_portfolio.py."
        ),
        "start_date": START_DATE,
        "currency": "USD",
        "stages": [
            {"id": i, "name": n, "goal": g, "gate_criteria": [{"text": t, "met": m} for t, m in c]}
            for i, n, g, c in STAGES
        ],
        "areas": [{"id": i, "name": n, "color": c} for i, n, c in AREAS],
        "teams": [{"id": i, "name": n, "capacity": c} for i, n, c in TEAMS],
        "decisions": DECISIONS,
        "dependencies": DEPENDENCIES,
        "risks": RISKS,
        "extensions": {},
    }


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).with_name("ai-portfolio.plan.json")
    # The app's canonical format (what a first save writes), so that the sample diffs cleanly in git.
    from planner.model import plan_from_dict, save_plan

    save_plan(plan_from_dict(json.loads(json.dumps(build()))), out)
    print(f"wrote {out} ({len(DECISIONS)} decisions, {len(DEPENDENCIES)} dependencies)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
