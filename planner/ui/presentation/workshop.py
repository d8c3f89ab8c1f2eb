"""Workshop steps for presentation mode: a stage walk-through and a critical-path spotlight, the large-type panel
that shows a step, the blank screen, and a wrapping layout for the presenter bar.

A *deck* is the ordered list of steps a presenter walks with PgDn/PgUp (or a presenter remote): the overview, one
step per stage (Validate → Integrate → Operationalize → Scale: its decisions, gate criteria and readiness, what it
waits for and what it unblocks), then one step per decision of the critical path (its explanation; the rest of the
graph dimmed). :func:`build_deck` composes the steps from the analysis only; it draws nothing.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from planner.model import duration_triple, units
from planner.model.plan import duration_value
from planner.ui.views import format as fmt

if TYPE_CHECKING:
    from planner.analysis import Analysis

LIST_LIMIT = 5
"""Decisions named per list in a step (the rest are counted: large type leaves room for few)."""


@dataclass
class Step:
    """One step of the deck. ``spotlight`` are the decisions lit on the graph (the rest dimmed; empty: none),
    ``links`` the (from, to) links lit between them (None: every link inside the spotlight), ``focus`` the
    decision to select and centre."""

    kind: str  # "overview", "stage" or "critical"
    title: str
    body_html: str = ""
    spotlight: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] | None = None
    focus: str | None = None
    stage_id: str | None = None  # a stage step's stage: its band is shown when it has no decisions


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _breakable(text: str) -> str:
    """``text`` as the panel shows it: a long word may break (:func:`fmt.may_break`; a 60-letter word ran past
    the panel's right edge, cut); HTML-escaped."""
    return _esc(fmt.may_break(text))


def _names(titles: list[str], limit: int = LIST_LIMIT) -> str:
    # Each name laid out in the list's direction (an Arabic or Hebrew name was right-aligned, its bullet on the
    # right, among left-aligned ones).
    shown = "".join(f"<li dir='ltr'>{_breakable(t)}</li>" for t in titles[:limit])
    more = f"<li><i>and {len(titles) - limit} more</i></li>" if len(titles) > limit else ""
    return f"<ul style='margin-top:0px; margin-bottom:0px'>{shown}{more}</ul>"


def stage_steps(analysis: Analysis) -> list[Step]:
    """One step per stage, in plan order (see the module docstring). Empty without a schedule."""
    plan, s, st = analysis.plan, analysis.schedule, analysis.stages
    if s is None or st is None:
        return []
    by_id = {d.id: d for d in plan.decisions}
    crit = {s.ids[i] for i in range(len(s.ids)) if bool(s.critical[i])}
    stage_of = {d.id: d.stage for d in plan.decisions}
    order = {stage.id: k for k, stage in enumerate(plan.stages)}
    steps: list[Step] = []
    n = len(plan.stages)
    moves, move_texts = st.sequencing_moves(), st.sequencing_text()
    for k, (stage, result) in enumerate(zip(plan.stages, st.stages, strict=False)):
        ids = [d.id for d in plan.decisions if d.stage == stage.id]
        members = set(ids)
        waits: list[str] = []
        unblocks: list[str] = []
        for dep in plan.dependencies:
            if dep.to in members and dep.from_ not in members and dep.from_ in by_id:
                waits.append(dep.from_)
            if (
                dep.from_ in members
                and dep.to not in members
                and dep.to in by_id
                and order.get(stage_of.get(dep.to, ""), -1) > k
            ):
                unblocks.append(dep.to)
        waits = list(dict.fromkeys(waits))
        unblocks = list(dict.fromkeys(unblocks))
        parts: list[str] = []
        if stage.goal:
            parts.append(f"<p><i>{_esc(stage.goal)}</i></p>")
        if result.start is not None and result.finish is not None:
            parts.append(
                f"<p><b>Runs</b> {_esc(fmt.when(plan, result.start))} to "
                f"{_esc(fmt.when(plan, result.finish))}</p>"
            )
        n_crit = sum(1 for i in ids if i in crit)
        titles = [("● " if i in crit else "") + by_id[i].title for i in ids]
        parts.append(
            f"<p><b>{units.count(len(ids), 'decision')}</b>"
            + (f" ({n_crit} critical ●)" if n_crit else "")
            + "</p>"
            + (_names(titles) if ids else "")
        )
        # The graph draws a decision in the band of the stage it runs in under strict gates: beside 'Validate ·
        # 40 decisions' on the band the panel said 50, with no word of the 10 drawn further right.
        elsewhere = [
            text for (frm, _to, _ids), text in zip(moves, move_texts, strict=True) if frm == stage.id
        ]
        if elsewhere:
            parts.append(f"<p>{_esc('; '.join(elsewhere))} (drawn in that stage's band)</p>")
        crits = stage.gate_criteria
        if crits:
            lines = "".join(f"<li>{'✓' if c.met else '✗'} {_esc(c.text)}</li>" for c in crits[:LIST_LIMIT])
            parts.append(
                f"<p><b>Gate: {result.criteria_met} of {units.count(result.criteria_total, 'criterion', 'criteria')} met</b></p>"
                f"<ul style='margin-top:0px; margin-bottom:0px'>{lines}</ul>"
            )
        else:
            parts.append("<p><b>Gate:</b> no criteria written yet</p>")
        if result.done_share is not None:
            parts.append(
                f"<p><b>Readiness:</b> {_esc(units.format_share(result.done_share))} of the work done</p>"
            )
        if waits:
            parts.append("<p><b>Waits for</b></p>" + _names([by_id[i].title for i in waits], 5))
        elif k:
            parts.append("<p><b>Waits for</b> nothing outside the stage</p>")
        if unblocks:
            parts.append("<p><b>Unblocks</b></p>" + _names([by_id[i].title for i in unblocks], 5))
        steps.append(
            Step("stage", f"Stage {k + 1} of {n} · {stage.name}", "".join(parts), ids, None, None, stage.id)
        )
    return steps


def critical_steps(analysis: Analysis) -> list[Step]:
    """One step per decision of the critical path, start to finish. Empty without a schedule."""
    plan, s = analysis.plan, analysis.schedule
    if s is None:
        return []
    chain = list(s.critical_path)
    links = list(zip(chain, chain[1:], strict=False))
    steps: list[Step] = []
    for k, did in enumerate(chain):
        d = plan.decision(did)
        if d is None:
            continue
        i = s.index[did]
        e = analysis.explain(did)
        o, lk, p = duration_triple(d.duration)
        dur = (
            "a milestone"
            if d.milestone
            else fmt.weeks(lk, unit=True)
            + (f" (between {fmt.weeks(o)} and {fmt.weeks(p)})" if (o, p) != (lk, lk) else "")
        )
        left = float(s.duration[i])  # the work the schedule still runs: less than planned once under way
        planned = duration_value(d.duration, analysis.estimate)  # under the estimate the schedule uses
        if not d.milestone and left < planned - 1e-9:
            dur = f"{fmt.weeks(left, unit=True)} left of {fmt.weeks(planned, unit=True)}"
        parts = [
            f"<p><b>{_breakable(d.title)}</b></p>",
            f"<p>{_esc(fmt.runs(plan, float(s.es[i]), float(s.ef[i])))}, {_esc(dur)}.</p>",
            f"<p>{_esc(e.start_reason)}</p>",
            f"<p>{_esc(e.critical_text)}</p>",
        ]
        if k + 1 < len(chain):
            nxt = plan.decision(chain[k + 1])
            parts.append(f"<p><b>Then:</b> {_esc(nxt.title if nxt else chain[k + 1])}</p>")
        else:
            parts.append(f"<p><b>The plan finishes</b> {_esc(fmt.when(plan, s.finish))}.</p>")
        steps.append(
            Step("critical", f"Critical path {k + 1} of {len(chain)}", "".join(parts), chain, links, did)
        )
    return steps


def build_deck(analysis: Analysis | None) -> list[Step]:
    """The overview, the stage walk-through and the critical-path spotlight, in that order."""
    deck = [Step("overview", "Overview")]
    if analysis is not None and analysis.schedule is not None:
        deck += stage_steps(analysis) + critical_steps(analysis)
    return deck


class FlowLayout(QLayout):
    """Lays items out left to right and wraps them onto new lines (height for width), so that a row of large
    figures never makes the window wider than the screen."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 24) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._h = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            w = min(hint.width(), max(1, area.width()))
            h = item.heightForWidth(w) if item.hasHeightForWidth() else hint.height()
            if x > area.x() and x + w > area.right() + 1:
                x, y, line = area.x(), y + line + 4, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), QSize(w, h)))
            x += w + self._h
            line = max(line, h)
        return y + line - rect.y() + m.bottom()


class StepPanel(QFrame):
    """The current step in large type, beside the view (a stage, or a decision of the critical path)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepPanel")
        self.title = QLabel(self)
        self.title.setObjectName("stepTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # a stage named '<b>Scale</b>' is shown as typed
        # How many of a stage's cards the graph shows whole, when not all ('9 of 14 decisions in sight'): the
        # presenter and the room know there are more than the view shows (set_sight).
        self.sight = QLabel(self)
        self.sight.setObjectName("stepSight")
        self.sight.setWordWrap(True)
        self.sight.setTextFormat(Qt.TextFormat.PlainText)
        self.sight.hide()
        self.body = QLabel(self)
        self.body.setObjectName("stepBody")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.body.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        inner = QWidget(self)
        lay = QVBoxLayout(inner)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.body)
        lay.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self._layout = layout
        layout.addWidget(self.title)
        layout.addWidget(self.sight)
        layout.addWidget(self.scroll_area, 1)
        self.setStyleSheet("QFrame#stepPanel { border-left: 2px solid palette(mid); }")

    def content_height(self, width: int) -> int:
        """The height that shows the step's title and body whole in a panel ``width`` px wide (no scrolling)."""
        margins = self._layout.contentsMargins()
        text = max(1, width - margins.left() - margins.right())
        # (room for the scroll bar a body that does not fit gets)
        bar = self.scroll_area.verticalScrollBar().sizeHint().width()
        title = self.title.heightForWidth(text) if self.title.text() else 0
        body = self.body.heightForWidth(text - bar) if self.body.text() else 0
        sight = self.sight.heightForWidth(text) + self._layout.spacing() if not self.sight.isHidden() else 0
        return (
            margins.top()
            + margins.bottom()
            + max(0, title)
            + self._layout.spacing()
            + max(0, body)
            + sight
            + 2
        )

    def set_sight(self, text: str) -> None:
        """Say under the title how much of the step the graph shows (``text``; empty: all of it, nothing said)."""
        self.sight.setText(text)
        self.sight.setHidden(not text)

    def show_step(self, step: Step) -> None:
        # a 60-letter word in a stage's name ran past the panel's right edge, cut, as in the body
        self.title.setText(fmt.may_break(step.title))
        self.body.setText(step.body_html)
        self.set_sight("")
        self.scroll_area.verticalScrollBar().setValue(0)


class BlankScreen(QWidget):
    """A black screen over the whole window (B, or the presenter remote's blank key); B or Esc brings the
    presentation back."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("blankScreen")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#000000"))
        p.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.ignore()  # the window's actions (B, Esc) handle it
