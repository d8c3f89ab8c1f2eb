"""What every section builder gets: the analysis, the page, the styles, and helpers for headings, text, tables
and charts, so that sections stay short and look alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from planner.report.errors import ReportCancelled
from planner.report.style import PageGeometry, paragraph_styles, table_style
from planner.report.vector import ChartFlowable


def esc(text: Any) -> str:
    """``text`` made safe for ReportLab's paragraph markup."""
    return escape(str(text))


def fmt_weeks(x: float | None) -> str:
    """``12``, ``2.5`` or ``-``."""
    if x is None:
        return "-"
    x = float(x)
    if abs(x - round(x)) < 1e-9:
        return str(int(round(x)))
    return f"{x:.1f}"


def plural(n: float, word: str, words: str | None = None) -> str:
    """``1 week``, ``3 weeks``, ``2.5 weeks``."""
    return f"{fmt_weeks(n)} {word if n == 1 else (words or word + 's')}"


def fmt_date(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%b %Y')}"


class Heading(Paragraph):
    """A heading that is also a PDF bookmark (outline entry) at ``level`` (0 = section, 1 = subsection)."""

    def __init__(self, text: str, style: Any, *, title: str, key: str, level: int) -> None:
        super().__init__(text, style)
        self.title = title
        self.key = key
        self.level = level

    def draw(self) -> None:
        c = self.canv
        _, y = c.absolutePosition(0, self.height)
        c.bookmarkPage(self.key, fit="XYZ", left=0, top=y + 6)
        c.addOutlineEntry(self.title, self.key, level=self.level, closed=self.level > 0)
        super().draw()


@dataclass
class ReportContext:
    """The state shared by the section builders of one report."""

    analysis: Any
    geometry: PageGeometry
    wide: PageGeometry  # landscape pages for wide charts (the same as ``geometry`` in a landscape report)
    simulation: Any = None
    sections: list[Any] = field(default_factory=list)  # the Section objects being built, in order
    generated: dt.date = field(default_factory=dt.date.today)
    check: Callable[[str], None] = lambda message: None  # raises ReportCancelled when the user cancels
    styles: dict[str, Any] = field(default_factory=paragraph_styles)
    charts: list[ChartFlowable] = field(default_factory=list)
    _keys: set[str] = field(default_factory=set)

    # -- the plan, by name -------------------------------------------------------------------------------
    @property
    def plan(self) -> Any:
        return self.analysis.plan

    @property
    def schedule(self) -> Any:
        return self.analysis.schedule

    @property
    def stages(self) -> Any:
        return self.analysis.stages

    def __post_init__(self) -> None:
        plan = self.plan
        self._titles = {d.id: d.title for d in plan.decisions}
        self._stage_names = {x.id: x.name for x in plan.stages}
        self._team_names = {t.id: t.name for t in plan.teams}
        self._area_names = {a.id: a.name for a in plan.areas}

    def title_of(self, decision_id: str) -> str:
        return self._titles.get(decision_id, decision_id)

    def stage_name(self, stage_id: str) -> str:
        return self._stage_names.get(stage_id, stage_id)

    def team_name(self, team_id: str | None) -> str:
        return self._team_names.get(team_id, team_id) if team_id else "-"

    def area_name(self, area_id: str | None) -> str:
        return self._area_names.get(area_id, area_id) if area_id else "-"

    # -- time ------------------------------------------------------------------------------------------------
    def date(self, week: float | None) -> str | None:
        """``1 Mar 2027`` for ``week`` when the plan has a start date, else None."""
        if week is None:
            return None
        d = self.plan.date_of(float(week))
        return fmt_date(d) if d else None

    def when(self, week: float | None) -> str:
        """``week 12 (29 Mar 2027)`` or ``week 12``."""
        if week is None:
            return "-"
        d = self.date(week)
        return f"week {fmt_weeks(week)}" + (f" ({d})" if d else "")

    def when_cell(self, week: float | None) -> str:
        """Markup for a table cell: the week, and the date below it in grey."""
        if week is None:
            return "-"
        d = self.plan.date_of(float(week))
        return f"wk {fmt_weeks(week)}" + (f"<br/><font size='7' color='#5C5C5C'>{d.isoformat()}</font>" if d else "")

    # -- flowables ---------------------------------------------------------------------------------------
    def unique_key(self, base: str) -> str:
        key = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in base) or "s"
        k, n = key, 1
        while k in self._keys:
            n += 1
            k = f"{key}-{n}"
        self._keys.add(k)
        return k

    def heading(self, title: str, level: int = 0, *, key: str | None = None, style_name: str | None = None) -> Heading:
        """A section (level 0) or subsection (level 1) heading with its bookmark."""
        style = self.styles[style_name or ("h1" if level == 0 else "h2" if level == 1 else "h3")]
        return Heading(esc(title), style, title=title, key=self.unique_key(key or title), level=level)

    def p(self, text: str, style: str = "body", *, markup: bool = False) -> Paragraph:
        """A paragraph; ``text`` is escaped unless ``markup``."""
        return Paragraph(text if markup else esc(text), self.styles[style])

    def bullets(self, items: Sequence[str], *, markup: bool = False, style: str = "bullet") -> list[Flowable]:
        return [Paragraph(t if markup else esc(t), self.styles[style], bulletText="\u2022") for t in items]

    def space(self, h: float = 8) -> Spacer:
        return Spacer(1, h)

    def cell(self, text: Any, style: str = "cell", *, markup: bool = False) -> Paragraph:
        return Paragraph(str(text) if markup else esc(text), self.styles[style])

    def table(self, header: Sequence[Any], rows: Sequence[Sequence[Any]], widths: Sequence[float], *,
              extra_style: list[Any] | None = None, zebra: bool = True) -> Table:
        """A table over the frame width that splits across pages and repeats its header row.

        ``widths`` are relative; header strings become bold cells.
        """
        total = sum(widths)
        col_widths = [self.geometry.frame_width * w / total for w in widths]
        head = [self.cell(h, "head") if isinstance(h, str) else h for h in header]
        t = Table([head, *rows], colWidths=col_widths, repeatRows=1, hAlign="LEFT", splitByRow=1)
        t.setStyle(table_style(1, zebra=zebra, extra=extra_style))
        return t

    def chart(self, draw: Callable[[Any], None], height: float | None = None, *, name: str = "chart",
              width: float | None = None, wide: bool = False) -> ChartFlowable:
        """A vector chart slot; ``draw(fig)`` runs when the page is rendered. Default size: the whole frame
        (of a landscape page when ``wide``)."""
        g = self.wide if wide else self.geometry
        f = ChartFlowable(self._checked(draw, name), width or g.frame_width, height or g.frame_height - 2,
                          name=name)
        self.charts.append(f)
        return f

    def _checked(self, draw: Callable[[Any], None], name: str) -> Callable[[Any], None]:
        def run(fig: Any) -> None:
            self.check(f"Drawing the {name}")
            draw(fig)

        return run


__all__ = ["Heading", "ReportCancelled", "ReportContext", "esc", "fmt_date", "fmt_weeks", "plural"]
