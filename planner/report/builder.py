"""``build_report``: the PDF report of an analysed plan, written atomically, with progress and cancel."""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Table,
)
from reportlab.platypus.doctemplate import LayoutError

from planner import __version__, units
from planner.model.io import atomic_write, disk_full_text, output_target
from planner.report.context import (
    Heading,
    ReportContext,
    SideBySide,
    SplitTable,
    column_frames,
    contents_form,
    fit_width,
    flow_height,
)
from planner.report.errors import ReportCancelled, ReportError
from planner.report.fonts import BOLD, REGULAR, draw_string, drawn_width, register_fonts
from planner.report.sections import Section, resolve_sections
from planner.report.style import INK, MUTED, PAPERS, RULE, SECTION_GAP, PageGeometry, page_geometry
from planner.report.vector import ChartFlowable

Progress = Callable[[float, str], bool]

PRODUCER = "Scaling Roadmap Planner"
_PAGECOUNT_FORM = "pagecount"

# Sections that start on a page of their own; every other one follows the previous section when at least a fifth
# of the page is left, so that short sections never leave near-empty pages.
_OWN_PAGE = frozenset({"summary", "roadmap"})
_FOLLOW = 0.22  # share of a page that must be left for a section to follow the previous one on it
_TWO_COLUMNS = frozenset({"summary"})  # on landscape pages

# Share of the progress bar for each phase: writing the flowables is quick, laying out and drawing pages is not.
_COMPOSE, _LAYOUT = 0.12, 0.86


class _Canvas(Canvas):
    """Draws "of N" once, as a form that every page's footer refers to, when the page count is known (and the
    page numbers of the cover's contents the same way)."""

    def __init__(self, *args: Any, planner_doc: Any = None, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.planner_doc = planner_doc

    def save(self) -> None:
        pages = self.getPageNumber() - 1
        self.beginForm(_PAGECOUNT_FORM)
        self.setFont(REGULAR, 7.5)
        self.setFillColor(MUTED)
        self.drawString(0, 0, str(pages))
        self.endForm()
        doc = self.planner_doc
        if doc is not None:  # the cover's contents: each entry's page number, now that the pages are known
            for k, (_, key) in enumerate(doc.ctx.contents):
                self.beginForm(contents_form(k), lowerx=-60, lowery=-4, upperx=2, uppery=12)
                self.setFont(REGULAR, 9)
                self.setFillColor(INK)
                page = doc.heading_pages.get(key)
                self.drawRightString(0, 0, str(page) if page is not None else "")
                self.endForm()
        super().save()


class _Doc(BaseDocTemplate):
    def __init__(
        self,
        file: Any,
        ctx: ReportContext,
        geometry: PageGeometry,
        *,
        first: str,
        on_flowable: Callable[[int], None],
        **kw: Any,
    ) -> None:
        super().__init__(
            file,
            pagesize=(geometry.width, geometry.height),
            leftMargin=geometry.left,
            rightMargin=geometry.right,
            topMargin=geometry.top,
            bottomMargin=geometry.bottom,
            initialFontName=REGULAR,
            **kw,
        )
        self.ctx = ctx
        self.g = geometry
        self._on_flowable = on_flowable
        self._story: list[Any] | None = None
        self._section = ""  # the section running now
        self._page_start_section = ""  # the section running at the top of the page
        self._page_section: str | None = None  # a section that starts at the top of this page
        self.heading_pages: dict[str, int] = {}  # heading key -> page number, for the cover's contents
        # Every page says when the report was made and, with progress recorded, up to when (the status date).
        from planner.analysis.progress import status_week

        status = status_week(ctx.plan)
        self._footer_right = f"{PRODUCER} \u00b7 report of {units.format_date(ctx.generated)}" + (
            f" \u00b7 status date {ctx.status_said(status, short=True)}" if status is not None else ""
        )
        wide = ctx.wide

        def frame(g: PageGeometry, name: str) -> Frame:
            return column_frames(g, 1, (name,))[0]

        body = PageTemplate(
            "body",
            [frame(geometry, "body")],
            pagesize=(geometry.width, geometry.height),
            onPageEnd=lambda canv, doc: self._end_body(canv, geometry),
        )
        templates = [
            PageTemplate(
                "cover",
                [frame(geometry, "cover")],
                pagesize=(geometry.width, geometry.height),
                onPageEnd=self._end_cover,
            ),
            # Wide charts (roadmap, stage timeline, graph) get landscape pages in a portrait report.
            PageTemplate(
                "wide",
                [frame(wide, "wide")],
                pagesize=(wide.width, wide.height),
                onPageEnd=lambda canv, doc: self._end_body(canv, wide),
            ),
            # Two columns: the executive summary on a landscape page (lines of a readable length, one page).
            PageTemplate(
                "twocol",
                column_frames(geometry, 2, ("left", "right")),
                pagesize=(geometry.width, geometry.height),
                onPageEnd=lambda canv, doc: self._end_body(canv, geometry),
            ),
        ]
        # The first page is the first section's: ReportLab starts on the first template of the list.
        ordered = [*templates, body]
        self.addPageTemplates(sorted(ordered, key=lambda t: t.id != first))

    # -- progress and section tracking ---------------------------------------------------------------------
    def build(self, flowables: list[Any], *args: Any, **kw: Any) -> None:
        self._story = flowables  # ReportLab consumes this very list; its length is the work left
        super().build(flowables, *args, **kw)

    def handle_flowable(self, flowables: list[Any]) -> None:
        if flowables is self._story:  # not the internal lists (page-begin actions) handled the same way
            self._on_flowable(len(flowables))
        super().handle_flowable(flowables)

    def heading_drawn(self, heading: Heading, top: float) -> None:
        """Called by a :class:`Heading` as it is drawn (``top``: its top edge on the page, points)."""
        if heading.level != 0:
            return
        self.heading_pages.setdefault(heading.key, self.page)
        # A section that starts at the top of a page names that page in the header.
        if self._page_section is None and top >= self.frame.y1 + self.frame.height - 24:
            self._page_section = heading.title
        self._section = heading.title

    # -- page decoration --------------------------------------------------------------------------------------
    def _end_cover(self, canv: Canvas, doc: Any) -> None:
        canv.showOutline()
        self._roll_section()

    def _end_body(self, canv: Canvas, g: PageGeometry) -> None:
        section = self._page_section if self._page_section is not None else self._page_start_section
        canv.saveState()
        # Header: the plan on the left, the section on the right, a hairline under both.
        y = g.height - g.top + 10 * 2.835
        canv.setFont(REGULAR, 7.5)
        canv.setFillColor(MUTED)
        right_w = stringWidth(section, BOLD, 7.5)
        # Measured as it is drawn: a title with Arabic or Hebrew is laid out as the charts do, and ReportLab's width
        # of it (boxes for the characters no font has) ran the title into the section's name.
        title = fit_width(
            self.ctx.plan.title,
            REGULAR,
            7.5,
            g.frame_width - right_w - 24,
            measure=lambda t: drawn_width(t, REGULAR, 7.5),
        )
        draw_string(canv, g.left, y, title, REGULAR, 7.5)  # a CJK or Devanagari title from a fallback font
        canv.setFont(BOLD, 7.5)
        canv.setFillColor(INK)
        canv.drawRightString(g.width - g.right, y, section)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(g.left, y - 5, g.width - g.right, y - 5)
        # Footer: "Page n of N" on the left (N is a form filled in at the end), the product and date on the right.
        y = g.bottom - 10 * 2.835
        canv.line(g.left, y + 10, g.width - g.right, y + 10)
        canv.setFont(REGULAR, 7.5)
        canv.setFillColor(MUTED)
        label = f"Page {canv.getPageNumber()} of "
        canv.drawString(g.left, y, label)
        canv.saveState()
        canv.translate(g.left + stringWidth(label, REGULAR, 7.5), y)
        canv.doForm(_PAGECOUNT_FORM)
        canv.restoreState()
        canv.drawRightString(g.width - g.right, y, self._footer_right)
        canv.restoreState()
        self._roll_section()

    @property
    def section(self) -> str:
        """The title of the section being laid out."""
        return self._section

    def _roll_section(self) -> None:
        self._page_section = None
        self._page_start_section = self._section


def paper_of(g: PageGeometry) -> str:
    """The paper name of ``g`` (either orientation)."""
    size = sorted((g.width, g.height))
    return next((name for name, dims in PAPERS.items() if sorted(dims) == size), "a4")


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis to ``width`` points, in time linear in its length."""
    return fit_width(text, font, size, width)


def _one_line(analysis: Any) -> Any:
    """``analysis`` with its plan's names on one line, as the command line writes them
    (:func:`planner.model.names.one_line_names`: a control character in a name as its escape, ``\\x1b``, not a
    box and a note asking for a font); itself when no name holds one (the usual case)."""
    import dataclasses

    from planner.model.names import one_line_names

    plan = analysis.plan
    shown = one_line_names(plan)
    if shown is plan:
        return analysis
    base = analysis.baseline
    if base is not None:  # the same baseline, in the copy
        base = next((c for b, c in zip(plan.baselines, shown.baselines, strict=True) if b is base), base)
    return dataclasses.replace(analysis, plan=shown, baseline=base)


def build_report(
    analysis: Any,
    path: str | os.PathLike[str],
    *,
    paper: str = "a4",
    orientation: str = "landscape",
    sections: Sequence[str] | None = None,
    simulation: Any = None,
    progress: Progress | None = None,
) -> Path:
    """Write the PDF report of ``analysis`` (a :class:`planner.analysis.Analysis`) to ``path``; return the path.

    ``sections`` names the sections to include (see :func:`planner.report.available_sections`; None: the default
    set), always in report order. ``simulation`` (a Monte Carlo result) adds P-dates to the cover and summary.
    ``progress(fraction, message)`` is called as the work goes on; when it returns False the build stops with
    :class:`ReportCancelled`. The file is written atomically: a temporary file in the same folder, renamed over
    ``path`` only when complete, so a cancel or an error never leaves a partial PDF.

    Raises :class:`ReportError` when the plan has errors (no schedule to report), an option is unknown, or the
    file cannot be written.
    """
    target = Path(path)
    try:
        geometry = page_geometry(paper, orientation)
        chosen = resolve_sections(sections)
    except ValueError as exc:
        raise ReportError(str(exc)) from None
    if analysis.schedule is None or analysis.stages is None:
        n = len(analysis.errors)
        raise ReportError(
            f"the plan has {units.count(n, 'error')}; fix {units.agree(n, 'it', 'them')} before making a report "
            f"({units.agree(n, 'it is', 'they are')} among the plan's findings)"
        )
    if not chosen:
        raise ReportError("no sections chosen: the report would be empty")
    analysis = _one_line(analysis)
    register_fonts()

    def report(fraction: float, message: str) -> None:
        if progress is not None and progress(min(1.0, max(0.0, fraction)), message) is False:
            raise ReportCancelled(message)

    report(0.0, "Preparing the report")
    target = output_target(target)  # through a symbolic link, the file it points to is written
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise ReportError(f"{target}: is a folder; give a file name such as {target / 'report.pdf'}")
    if not folder.is_dir():
        raise ReportError(f"{target}: cannot write: the folder {folder} does not exist")
    try:
        # The one atomic write (planner.model.io): a cancelled or failed report leaves the old file, never half.
        with atomic_write(target, suffix=".part") as out:
            try:
                _build(analysis, out, geometry, chosen, simulation, report)
            except LayoutError as exc:  # a last line of defence: plan text is capped at load, and cells wrap
                raise ReportError(
                    f"{target}: the report could not be laid out: {str(exc)[:200]}. Shorten the "
                    "longest names or notes in the plan and try again."
                ) from None
            report(0.99, "Saving")
    except OSError as exc:  # (the system's error stays the ReportError's context: the app reads it)
        full = disk_full_text(exc)
        if full is not None:  # the old report (if any) is whole: room is all it takes
            raise ReportError(
                f"{target}: cannot write: {full[:1].lower()}{full[1:]}; free some space and make the report "
                "again, or write it to another disk"
            ) from None
        raise ReportError(f"{target}: cannot write: {exc.strerror or exc}") from None
    report(1.0, "Done")
    return target


class _Gap(Flowable):
    """Space between two sections that vanishes at the top of a page (where a plain Spacer would push a chart
    sized to the page onto the next one and leave an empty page behind)."""

    def __init__(self, height: float, frame_height: float) -> None:
        super().__init__()
        self._gap = height
        self._frame_height = frame_height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.height = 0.0 if avail_height >= self._frame_height - 0.5 else min(self._gap, avail_height)
        return 0.0, self.height

    def draw(self) -> None:
        pass


def _keep_before_break(story: list[Any], at: int, flowables: list[Any], g: PageGeometry) -> None:
    """The page break ``story[at]`` of a section that follows another on its page and ends where the next one
    starts a page of its own (the roadmap) becomes a :class:`_SectionBreak` when the section fits one page: its end
    stood alone on a page before the break (the cost section's two tables, 10 % of a page, after the executive
    summary of a one-decision plan). A section taller than a page flows on as before."""
    need = (
        flow_height(flowables, g.frame_width) + SECTION_GAP
    )  # with its gap (_Gap) above it on a page it shares
    # A chart that takes the rest of its page (between its least and its most height) gives way first.
    give = sum(
        max(0.0, f.max_height - f.min_height)
        for f in flowables
        if isinstance(f, ChartFlowable) and f._fixed is None and f.max_height is not None
    )
    # and charts side by side, drawn a little shorter where the page is short (SideBySide.split)
    give += sum(
        f.wrap(g.frame_width, 1e6)[1] - f.least_height() for f in flowables if isinstance(f, SideBySide)
    )
    if need <= g.frame_height - 1.0:
        story[at] = _SectionBreak(need, give, g.frame_height)


END_SHARE = (
    0.5  # the least share of its last page that a section taller than a page fills before a page break
)


def _keep_end_together(flowables: list[Any], g: PageGeometry) -> None:
    """The end of a section taller than a page that ends where the next one starts a page of its own (the
    roadmap): the table where its last :data:`END_SHARE` of a page begins keeps its rows from there on a page with
    what follows it (:attr:`SplitTable.keep_end`), so the section's last page is at least half used. Before, the
    cost section of twelve stages with 120-character names (A4 portrait) left 'The biggest items' alone on a page,
    26 % used, before the roadmap's page."""
    if flow_height(flowables, g.frame_width) <= g.frame_height - 1.0:
        return  # it fits a page: _keep_before_break's concern
    target = END_SHARE * g.frame_height
    after = 0.0
    for k in range(len(flowables) - 1, -1, -1):
        f = flowables[k]
        if isinstance(f, SplitTable):
            f.wrap(g.frame_width, 1e6)
            heights = f._rowHeights
            head = f._head_rows()
            if after + sum(heights) >= target:
                rows, got = 0, after + sum(heights[:head])
                while got < target and rows < len(heights) - head:
                    rows += 1
                    got += heights[-rows]
                if got <= g.frame_height - 1.0:
                    f.keep_end, f.after, f.end_page = rows, after, g.frame_height
                return
        after = flow_height(flowables[k:], g.frame_width)
        if after >= target:
            return  # a table or chart of half a page or more ends it: its last page is full enough


class _SectionBreak(CondPageBreak):
    """The page break of a section that fits one page (``need`` points, its gap included): where the page has less
    room, the section moves to the next page whole, as a chart does, rather than leave its end alone there; unless
    its charts that take the rest of their page, drawn up to ``give`` points shorter, let it fit here. As every
    section, it also starts the next page when less than :data:`_FOLLOW` of this one is left."""

    def __init__(self, need: float, give: float, frame_height: float) -> None:
        super().__init__(_FOLLOW * frame_height)
        self.need, self.give, self.frame_height = need, give, frame_height

    def _height(self, avail_height: float) -> float:
        short = self.need - self.give - avail_height  # what would not fit here, its charts at their shortest
        return avail_height + 1.0 if short > 0 else _FOLLOW * self.frame_height

    def starts_in(self, avail_width: float, avail_height: float) -> bool:
        """Whether the section starts in ``avail_height`` points left on a page (else on the next)."""
        return self._height(avail_height) <= avail_height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.height = self._height(avail_height)
        w, h = super().wrap(avail_width, avail_height)
        return float(w), float(h)


FIRST_ROWS = 2  # a table's rows kept under its heading and text when it splits
LEAD_SHARE = (
    0.3  # in the last this share of a page, a section starts only where its lead fits (_SectionStart)
)
LEAD_WORDS = 84.0  # points of a section's opening words that its lead counts (six lines of body text)
LEAD_SLACK = 27.0  # words this much taller than the room still count as fitting it (two lines of body text)
# A section's heading and words up to this share of a page never end a page without what they open (_SectionStart).
LEAD_ALONE = 0.3


def _least(f: Flowable, width: float) -> float:
    """The least height (points) that ``f`` starts a page with: a chart at its least height, a chart pair a little
    shorter, a flowing chart's first row, a table's header and first rows; 0 for anything else (some measure
    themselves only on a canvas)."""
    from planner.report.vector import FlowingChart

    if isinstance(f, ChartFlowable):
        return float(f.min_height if f._fixed is None else f.height)
    if isinstance(f, SideBySide):
        return f.least_height()
    if isinstance(f, FlowingChart):
        return float(f._height(f.start, min(f._n, f.start + f.row)))
    if isinstance(f, Table):
        f.wrap(width, 1e6)
        head = f.repeatRows if isinstance(f.repeatRows, int) else 0
        return float(sum(f._rowHeights[: head + FIRST_ROWS]))
    return 0.0


def _lead(flowables: list[Any], width: float) -> tuple[float, float, float]:
    """A section's start, in points: its heading, its heading and opening words, and the least of what follows
    them (its first chart or table rows; 0 when only words follow)."""
    shown = [f for f in flowables if not isinstance(f, (CondPageBreak, PageBreak))]
    k = 0
    while k < len(shown) and isinstance(shown[k], Paragraph):
        k += 1
    if not k:
        return 0.0, 0.0, 0.0
    head = flow_height(shown[:1], width)
    words = flow_height(shown[:k], width)
    return head, words, _least(shown[k], width) if k < len(shown) else 0.0


def _words(flowables: list[Any], g: PageGeometry) -> float:
    """Points a section of words only (its heading and paragraphs) takes; infinity for any other section."""
    shown = [f for f in flowables if not isinstance(f, (CondPageBreak, PageBreak))]
    if not shown or not all(isinstance(f, Paragraph) for f in shown):
        return float("inf")
    return flow_height(shown, g.frame_width)


class _SectionStart(CondPageBreak):
    """The page break before a section that follows another on its page: it starts the next page when less than
    :data:`_FOLLOW` of this one is left; and when less than :data:`LEAD_SHARE` is left, unless its start fits there
    (:func:`_lead`): its heading and words with the start of the chart or table after them, where the words fit
    (else they flow on: the heading and :data:`LEAD_WORDS` of them). 'Critical path' and its four lines stood at a
    page's foot, 17 % from it, and its chain of chips began the next page. Higher on a page as well, a heading and
    its introduction never stand alone (:meth:`alone`): they start the next page with their chart ('Critical
    path' and 'Team capacity' of a plan with negative lags ended pages 36 % and 39 % from their foot), where the
    page they leave is at least half used."""

    def __init__(
        self, lead: tuple[float, float, float], frame_height: float, whole: float = float("inf")
    ) -> None:
        super().__init__(_FOLLOW * frame_height)
        self.lead, self.frame_height, self.whole = lead, frame_height, whole

    def need(self, avail_height: float) -> float:
        """Points the section's start needs where ``avail_height`` points are left (its gap above it included)."""
        head, words, figure = self.lead
        # Words that (nearly) fit: they would stand there alone, or a line or two of them go on with the figure.
        if words + SECTION_GAP <= avail_height + LEAD_SLACK:
            return words + figure + SECTION_GAP
        return min(words, head + LEAD_WORDS) + SECTION_GAP

    def alone(self, avail_height: float) -> bool:
        """Whether the section's heading and opening words would stand alone where ``avail_height`` points are
        left: they fit there, the chart or table after them does not, and they are an introduction (at most
        :data:`LEAD_ALONE` of a page), not a text of their own. Higher than :data:`END_SHARE` of a page from its
        foot they stay (the words stay, the figure moves on: a page moved on would be more than half empty)."""
        head, words, figure = self.lead
        return (
            figure > 0
            and avail_height <= END_SHARE * self.frame_height  # the page they leave is at least half used
            and words <= LEAD_ALONE * self.frame_height
            and words + SECTION_GAP <= avail_height + LEAD_SLACK
            and words + figure + SECTION_GAP > avail_height
        )

    def _height(self, avail_height: float) -> float:
        short = self.need(avail_height) > avail_height and (
            avail_height < LEAD_SHARE * self.frame_height or self.alone(avail_height)
        )
        if self.whole + SECTION_GAP <= avail_height:
            # A section of a few words that fits whole in the room left follows, however little is left: nothing of
            # it goes on alone ('Findings' and its one line stood alone on a page, 6 % used, the appendix after it
            # going whole to the next page).
            return 0.0
        return avail_height + 1.0 if short else _FOLLOW * self.frame_height

    def starts_in(self, avail_width: float, avail_height: float) -> bool:
        """Whether the section starts in ``avail_height`` points left on a page (else on the next)."""
        return self._height(avail_height) <= avail_height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.height = self._height(avail_height)
        w, h = super().wrap(avail_width, avail_height)
        return float(w), float(h)


def _tell_followers(story: list[Any]) -> None:
    """Give each flowable that lays itself out by what follows it (a scenario's chart of several pages,
    ``follower``) a test of whether what comes next starts in the room it leaves on a page."""
    from planner.report.sections.comparison import _StartUnder

    for k, f in enumerate(story):
        if isinstance(f, _StartUnder):
            # the next few flowables, as they are now (ReportLab takes them off the story as it lays them out)
            after = story[k + 1 : k + 1 + _LOOK_AHEAD]
            f.follower = lambda width, room, after=after: _starts_in(after, width, room)


_LOOK_AHEAD = 8  # flowables: the page breaks and gaps before what follows, and what it starts with


def _starts_in(after: list[Any], width: float, room: float) -> bool:
    """Whether what follows (``after``) starts in ``room`` points left on a page: each page break before it (a
    section's start or break, a conditional one) lets it, the gaps between take their room."""
    from planner.report.sections.comparison import _StartUnder

    for f in after:
        if isinstance(f, _StartUnder | _SectionStart | _SectionBreak):
            if not f.starts_in(width, room):
                return False
            if isinstance(f, _StartUnder):
                return True
        elif isinstance(f, CondPageBreak):
            if room < f.height:
                return False
        elif isinstance(f, _Gap):
            room -= f.wrap(width, room)[1]
        else:  # a page break, or what it starts with
            return not isinstance(f, PageBreak | NextPageTemplate)
    return False


def _headings_before_tables(story: list[Any], width: float, frame_height: float) -> list[Any]:
    """Each table starts on the page of the heading and text that introduce it (a heading, a keep-with-next
    paragraph, at most four flowables before it, and the paragraphs between) with its header and first
    :data:`FIRST_ROWS` rows at least: else all of them start the next page. A heading and its text ended a page
    whose next one began with the table ("What levelling delays" over an empty foot), or a table split one row
    under them. A heading right before a long table is not kept with it by ReportLab as well, which would move the
    whole table whenever it is longer than what is left, leaving the rest of the page empty."""
    out: list[Any] = []
    start = 0
    for k, f in enumerate(story):
        if not isinstance(f, Table) or getattr(f, "figure", False):
            continue  # a figure (charts side by side) moves whole; the words above it stay, like any chart's
        # The paragraphs right before it (at most four), from the first one kept with what follows: a section's
        # heading and words over a sub-heading ("Findings" stood alone on a page, "Warnings" and its table on the
        # next).
        back = k
        while back > max(0, k - 4) and isinstance(story[back - 1], Paragraph):
            back -= 1
        first = next((i for i in range(back, k) if getattr(story[i].style, "keepWithNext", False)), None)
        if first is None:
            continue
        f.wrap(width, 1e6)
        above = flow_height(story[first:k], width) + max(
            0.0, f.getSpaceBefore() - story[k - 1].getSpaceAfter()
        )
        need = above + sum(f._rowHeights[: f.repeatRows + FIRST_ROWS])
        if isinstance(
            f, SplitTable
        ):  # a short table that does not split goes whole with them, if a page holds all
            whole = above + sum(f._rowHeights[: f.repeatRows + f.least_rows()])
            if whole <= frame_height - 1.0:
                need = whole
            else:  # else it splits where ReportLab splits it, under them
                f.frame_height = None
        # A heading kept with a long table (more than 3 rows, or rows as tall as a third of a page) by ReportLab
        # moves the whole table on when it does not fit: "Findings" stood alone on a page over a table of three
        # tall rows. The CondPageBreak keeps its first rows with it instead. (ReportLab keeps the rows in
        # _cellvalues.)
        if getattr(story[k - 1].style, "keepWithNext", False) and (
            len(f._cellvalues) > 4 or f._height > frame_height / 3
        ):
            story[k - 1].keepWithNext = False
        out += story[start:first]
        out.append(CondPageBreak(min(need + 1.0, frame_height - 1.0)))  # at a page's top: never a break
        start = first
    return out + story[start:]


def _build(
    analysis: Any,
    out: Any,
    geometry: PageGeometry,
    chosen: list[Section],
    simulation: Any,
    report: Callable[[float, str], None],
) -> None:
    plan = analysis.plan

    def check(message: str) -> None:
        report(state["fraction"], message)

    state = {"fraction": 0.0}
    # One orientation per report (the one asked for): wide charts adapt to the page instead of turning it.
    wide = geometry
    ctx = ReportContext(
        analysis=analysis,
        geometry=geometry,
        wide=wide,
        simulation=simulation,
        generated=dt.date.today(),
        check=check,
        sections=chosen,
    )

    # Phase 1: every section writes its flowables.
    story: list[Any] = []
    total_weight = sum(s.weight for s in chosen)
    done = 0.0
    first_template = ""
    last_template = ""
    written: dict[str, list[Any]] = {}
    # The cover is written last: its contents list is then known, so it can be fitted to its page.
    for section in sorted(chosen, key=lambda s: s.name == "cover"):
        state["fraction"] = _COMPOSE * done / total_weight
        check(f"Writing {section.title.lower()}")
        written[section.name] = section.build(ctx)
        done += section.weight
        head = next((f for f in written[section.name] if isinstance(f, Heading) and f.level == 0), None)
        if section.name != "cover" and head is not None:
            ctx.contents.append((head.title, head.key))
    flowing: tuple[int, list[Any]] | None = (
        None  # the section that follows another on its page: its break, itself
    )
    previous: list[Any] = []  # the flowables of the section before this one, and its name
    previous_name = ""
    for section in chosen:
        flowables = written[section.name]
        if not flowables:
            continue
        template = (
            "cover"
            if section.name == "cover"
            # a plan without decisions has a summary of two paragraphs: one column, the stages under it
            else "twocol"
            if section.name in _TWO_COLUMNS and geometry.width > geometry.height and not ctx.empty
            else "body"
        )
        if not story:  # the first page takes this section's template (a summary alone: its two columns)
            first_template = template
        else:
            if section.name in _OWN_PAGE or template != last_template:
                if flowing is not None:
                    _keep_before_break(story, *flowing, geometry)
                if last_template == "body" and previous_name not in _OWN_PAGE:  # (those are one page)
                    _keep_end_together(previous, geometry)
                story.append(NextPageTemplate(template))
                story.append(PageBreak())
                flowing = None
            else:
                flowing = (len(story), flowables)
                story.append(
                    _SectionStart(
                        _lead(flowables, geometry.frame_width),
                        geometry.frame_height,
                        _words(flowables, geometry),
                    )
                )
                story.append(_Gap(SECTION_GAP, geometry.frame_height))
        last_template = template
        previous, previous_name = flowables, section.name
        story.extend(flowables)
    # The report's end is a page's end as a section that starts a page is: the last section that ends in a table,
    # when it fits a page, goes to the next one whole rather than leave the table's last rows there alone (the
    # appendix of a ten-decision plan split seven and three, its last page 7 % used); a longer one keeps its last
    # page at least half used. (Words flow on as they do: the stages in detail start under a small graph.)
    if flowing is not None and flowing[1] and isinstance(flowing[1][-1], Table):
        _keep_before_break(story, *flowing, geometry)
    if story and last_template == "body" and previous_name not in _OWN_PAGE:
        _keep_end_together(previous, geometry)

    if not story:  # every chosen section had nothing to show (say a Gantt chart of a plan without decisions)
        names = ", ".join(s.name for s in chosen)
        raise ReportError(
            f"nothing to report: the plan has no {'decisions' if ctx.empty else 'content'} for the chosen "
            f"{units.agree(len(chosen), 'section', 'sections')} ({names}); choose others with --sections or leave it out"
        )
    if chosen[0].name != "cover" or ctx.glyph_note_at_end:  # the cover says which characters no font draws;
        # without it (or without room on it), the last page
        note = ctx.missing_glyphs_note()
        if note is not None:
            story += [_Gap(12, geometry.frame_height), note]
    story = _headings_before_tables(story, geometry.frame_width, geometry.frame_height)
    _tell_followers(story)

    # Phase 2: lay out and draw the pages; progress follows the flowables still to place.
    total = max(1, len(story))
    high = {"v": 0.0}

    def on_flowable(remaining: int) -> None:
        f = max(high["v"], 1.0 - remaining / total)
        high["v"] = f
        state["fraction"] = _COMPOSE + _LAYOUT * f
        report(state["fraction"], f"Page {doc.page} \u00b7 {doc.section or 'Cover'}")

    doc = _Doc(
        out,
        ctx,
        geometry,
        first=first_template,
        on_flowable=on_flowable,
        title=plan.title,
        subject="Scaling roadmap report: schedule, critical path, stages and findings",
        author=PRODUCER,
        creator=f"{PRODUCER} {__version__}",
        producer=f"{PRODUCER} {__version__} (ReportLab)",
        keywords="roadmap, critical path, stage gates, AI scaling",
        lang="en",
        displayDocTitle=True,
        pageCompression=1,
    )
    # Binary streams: ASCII85 (ReportLab's default) makes the file 25 % bigger and, in pure Python, costs ~10 %
    # of the build.
    from reportlab import rl_config

    rl_config.useA85 = 0
    doc.build(story, canvasmaker=functools.partial(_Canvas, planner_doc=doc))
    ctx.check("Finishing")
