"""The "Regulatory coverage" section (issue 17): which EU AI Act obligations, NIST AI RMF subcategories and ISO/IEC
42001 Annex A controls the plan's decisions cover, stage by stage; what is missing or comes too late; and the
references that do not check out. The figures come from :func:`planner.analysis.coverage.coverage`, as in
``planner coverage`` and the app's Coverage tab.

A plan whose decisions cite none of the three frameworks and that does not classify its AI system gets no section.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from planner.analysis.coverage import CoverageReport, FrameworkCoverage, coverage
from planner.model import units
from planner.report.context import ReportContext, esc
from planner.report.sections import Section

STATUS = {"covered": "covered", "late": "LATE", "missing": "MISSING", "uncovered": "-"}
STATUS_BG = {"late": "#FBE3C2", "missing": "#F7D0CC"}


def _cites_anything(report: CoverageReport) -> bool:
    return any(r.framework is not None for refs in report.references.values() for r in refs)


def build_coverage(ctx: ReportContext) -> list[Flowable]:
    plan = ctx.plan
    report = coverage(plan, ctx.analysis)
    if not _cites_anything(report) and plan.ai_system is None:
        return []
    out: list[Flowable] = [ctx.heading("Regulatory coverage")]
    eu = report.framework("euaiact")
    required = [i for i in eu.items if i.required]
    if report.role and report.tier:
        text = (
            f"The plan classifies its AI system as <b>{esc(report.tier)}</b> under the EU AI Act, with this "
            f"organisation as its <b>{esc(report.role)}</b>. Of the {len(required)} obligations that brings, "
            f"the decisions cover <b>{sum(1 for i in required if i.decisions)}</b>"
        )
        missing, late = eu.missing(), eu.late()
        if missing:
            text += (
                f"; <b>{len(missing)} {units.agree(len(missing), 'is', 'are')} missing</b> ("
                + ", ".join(esc(f"{i.item.id} {i.item.title}") for i in missing)
                + ")"
            )
        if late:
            text += (
                f"; {len(late)} {units.agree(len(late), 'is', 'are')} covered too late ("
                + ", ".join(esc(i.item.id) for i in late)
                + ")"
            )
        text += "."
        if report.go_live is not None:
            text += (
                f" Obligations are due at go-live, {esc(report.go_live_label)} "
                f"({esc(ctx.when(report.go_live))}), or earlier when the law applies sooner."
            )
        out.append(ctx.p(text, markup=True))
    else:
        out.append(
            ctx.p(
                "The plan does not say whether its AI system is high-risk, limited or minimal risk under "
                "the EU AI Act, nor whether this organisation is its provider or deployer, so no "
                "obligation is checked: the plan's AI system (role and risk tier) is not set.",
                markup=True,
            )
        )
    errors = [f for f in report.findings if str(f.severity) == "error"]
    for f in errors:
        out.append(ctx.p(f"<font color='#C0392B'><b>{esc(f.message)}</b></font>", markup=True))
    nist, iso = report.framework("nist"), report.framework("iso42001")
    classified = bool(report.role and report.tier)
    out.append(
        ctx.p(
            f"Voluntary frameworks: the decisions cite {len(nist.covered())} of the {len(nist.items)} "
            f"NIST AI RMF 1.0 subcategories and {len(iso.covered())} of the {len(iso.items)} ISO/IEC 42001 "
            f"Annex A controls"
            + (" (tables below)." if classified else "; the app's Coverage tab shows them by stage.")
        )
    )
    if not classified:  # a board report does not need the framework tables of an unclassified system
        return out

    if required:
        # Not kept with the table: a long table would be pushed whole to the next page, leaving this one blank.
        out.append(
            Paragraph(
                "EU AI Act obligations by stage",
                ParagraphStyle("h2_flow", ctx.styles["h2"], keepWithNext=False),
            )
        )
        out.extend(_eu_matrix(ctx, report, required))
    for fc in (nist, iso):
        out.append(Paragraph(f"{fc.name} by stage", ctx.styles["h2"]))
        out.append(_group_matrix(ctx, report, fc))

    bad = [
        (d, r) for d, refs in report.references.items() for r in refs if r.status in ("unknown", "malformed")
    ]
    if bad:
        out.append(Paragraph("References that do not check out", ctx.styles["h2"]))
        rows = [
            [ctx.cell(ctx.title_of(d)), ctx.cell(r.text), ctx.cell(r.problem, "cell_muted")] for d, r in bad
        ]
        out.append(ctx.table(["Decision", "Reference", "Problem"], rows, [2.6, 1.8, 3.6], wide=True))
    out.append(
        ctx.p(
            "Catalogues: NIST AI 100-1 (public domain); ISO/IEC 42001:2023 Annex A control numbers with our "
            "own short paraphrases (not ISO's text); Regulation (EU) 2024/1689 with its application dates "
            "(Art. 113). This is a planning aid, not legal advice.",
            "small",
        )
    )
    return out


def _eu_matrix(ctx: ReportContext, report: CoverageReport, rows_in: list[Any]) -> list[Flowable]:
    stages = report.stages
    header = ["Article", "Obligation", *(name for _, name in stages), "Applies", "Status"]
    rows: list[list[Any]] = []
    style: list[Any] = []
    for r, ic in enumerate(rows_in, start=1):
        cells = [
            ctx.cell(", ".join(ctx.title_of(d) for d in ic.by_stage.get(sid, [])), "cell_muted")
            for sid, _ in stages
        ]
        status = STATUS[ic.status]
        if ic.status == "late" and ic.due is not None:
            status += f" (due {ctx.when_text(ic.due).splitlines()[0]})"
        rows.append(
            [
                ctx.cell(ic.item.id, "cell_bold"),
                ctx.cell(ic.item.title),
                *cells,
                units.format_date(ic.item.applies) if ic.item.applies else "",
                ctx.cell(status),
            ]
        )
        if ic.status in STATUS_BG:
            style.append(("BACKGROUND", (len(header) - 1, r), (len(header) - 1, r), STATUS_BG[ic.status]))
    widths = [0.75, 1.9, *([1.6] * len(stages)), 0.95, 1.0]
    from planner.report.sections.details import chunked_tables

    return chunked_tables(ctx, header, rows, widths, extra_style=style, wide=True)


def _group_matrix(ctx: ReportContext, report: CoverageReport, fc: FrameworkCoverage) -> Flowable:
    """One row per NIST category / ISO group: how many of its items are covered, and which in each stage."""
    stages = report.stages
    groups: dict[str, list[Any]] = {}
    for ic in fc.items:
        groups.setdefault(ic.item.group, []).append(ic)
    rows: list[list[Any]] = []
    for group, items in groups.items():
        covered = [i for i in items if i.decisions]
        cells = []
        for sid, _ in stages:
            ids = [i.item.id.split(" ")[-1] for i in items if sid in i.by_stage]
            cells.append(", ".join(ids))
        label = group if fc.framework == "nist" else f"{group} {items[0].item.title}"
        rows.append(
            [ctx.cell(label, "cell_bold"), f"{len(covered)} / {len(items)}", *(ctx.cell(c) for c in cells)]
        )
    header = [
        "NIST category" if fc.framework == "nist" else "Annex A group",
        "Covered",
        *(name for _, name in stages),
    ]
    return ctx.table(header, rows, [2.2, 0.8, *([1.5] * len(stages))], right=(1,), wide=True)


SECTIONS = [
    Section(
        "coverage",
        "Regulatory coverage",
        build_coverage,
        78,
        description="EU AI Act, NIST AI RMF and ISO/IEC 42001 coverage by stage: missing and late obligations",
        weight=0.3,
        wide=True,
    ),
]
