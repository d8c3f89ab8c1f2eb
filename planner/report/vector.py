"""Vector charts in the PDF: a matplotlib renderer that draws straight onto a ReportLab canvas.

The charts of :mod:`planner.charts` draw onto a :class:`matplotlib.figure.Figure`. To put one in the report as
vectors with real text, :class:`ChartFlowable` creates a figure of the slot's size at 72 dpi (so one display unit
is one PDF point), lets the chart draw on it, and renders it with :class:`CanvasRenderer`, a small implementation of
matplotlib's renderer interface (``draw_path``, ``draw_text``, ``draw_image``) that emits ReportLab canvas
operations. Text becomes PDF text in the report's embedded TrueType fonts, so it is selectable and searchable, and
the fonts are embedded once for the whole document rather than once per chart. docs/report.md records why this was
chosen over SVG + svglib and over merging matplotlib PDF pages.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
from matplotlib.backend_bases import GraphicsContextBase, RendererBase
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont
from matplotlib.path import Path
from numpy.typing import ArrayLike
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from planner.report.fonts import REGULAR, font_for_file, font_runs
from planner.units import right_to_left

_CAPS = {"butt": 0, "round": 1, "projecting": 2}
_JOINS = {"miter": 0, "round": 1, "bevel": 2}

_metrics_renderer: Any = None
_METRICS_CACHE: dict[tuple[Any, ...], tuple[float, float, float]] = {}
_FONTS: dict[tuple[Any, ...], str | None] = {}


def _metrics() -> Any:
    """A 1x1 Agg renderer at 72 dpi, used only to measure text exactly as matplotlib's layout did."""
    global _metrics_renderer
    if _metrics_renderer is None:
        from matplotlib.backends.backend_agg import RendererAgg

        _metrics_renderer = RendererAgg(1, 1, 72)
    return _metrics_renderer


class CanvasRenderer(RendererBase):
    """Renders a matplotlib figure (at 72 dpi) onto a ReportLab canvas whose origin is the figure's bottom left."""

    def __init__(self, canv: Canvas, width: float, height: float) -> None:
        super().__init__()
        self.canv = canv
        self.width = width
        self.height = height
        self._group_open = False
        self._group_key: Any = None

    # -- what matplotlib asks of a renderer --------------------------------------------------------------
    def flipy(self) -> bool:
        return False

    def get_canvas_width_height(self) -> tuple[float, float]:
        return self.width, self.height

    def points_to_pixels(self, points: ArrayLike) -> ArrayLike:
        return points

    def new_gc(self) -> GraphicsContextBase:
        return GraphicsContextBase()

    def option_image_nocomposite(self) -> bool:
        return True

    def get_text_width_height_descent(
        self, s: str, prop: FontProperties, ismath: Any
    ) -> tuple[float, float, float]:
        # Charts repeat labels (ticks, legends, tiles of one chart): measure each once per process.
        key = (s, hash(prop), str(prop.get_file() or ""), ismath)
        hit = _METRICS_CACHE.get(key)
        if hit is None:
            w, h, d = _metrics().get_text_width_height_descent(s, prop, ismath)
            # The width of what draw_text draws: the embedded font's advance widths, unhinted. Agg's width at
            # 72 dpi is hinted to whole pixels and runs up to a few percent short, so right-aligned and centred
            # labels overshot their anchors (a stage label ran into the bar it stood beside).
            font = None if ismath or right_to_left(s) else self._font(prop)
            if font is not None:
                size = prop.get_size_in_points()
                w = sum(stringWidth(run, f, size) for f, run in font_runs(s, font))
            hit = (w, h, d)
            if len(_METRICS_CACHE) > 20000:
                _METRICS_CACHE.clear()
            _METRICS_CACHE[key] = hit
        return hit

    # -- state --------------------------------------------------------------------------------------------
    def _clip(self, gc: GraphicsContextBase) -> None:
        """Make ``gc``'s clip current. Consecutive marks with the same clip share one saved graphics state (a
        chart's hundreds of bars and labels share their axes' clip), which keeps the PDF small and fast."""
        rect = gc.get_clip_rectangle()
        tpath, affine = gc.get_clip_path()  # both None, or neither
        clip_key = None
        if tpath is not None and affine is not None:
            clip_key = (id(tpath), tuple(affine.get_matrix().ravel().round(6)))
        key = (None if rect is None else tuple(round(v, 3) for v in rect.bounds), clip_key)
        if self._group_open and key == self._group_key:
            return
        self.end_group()
        self.canv.saveState()
        self._group_open, self._group_key = True, key
        if rect is not None:
            x0, y0, w, h = rect.bounds
            self.canv.addLiteral(f"{x0:.2f} {y0:.2f} {w:.2f} {h:.2f} re W n")
        if tpath is not None:
            # The stubs say TransformedPath; matplotlib returns the Path of get_transformed_path_and_affine().
            ops = _path_ops(tpath, affine)  # type: ignore[arg-type]
            if ops:
                self.canv.addLiteral(ops + " W n")

    def end_group(self) -> None:
        """Close the graphics state opened for the current clip (called at the end of a figure)."""
        if self._group_open:
            self.canv.restoreState()
            self._group_open, self._group_key = False, None

    @staticmethod
    def _alphas(gc: GraphicsContextBase, rgb_face: Any) -> tuple[float, float]:
        stroke_alpha = gc.get_alpha() if gc.get_forced_alpha() else gc.get_rgb()[3]
        if rgb_face is None:
            return stroke_alpha, 1.0
        if gc.get_forced_alpha():
            return stroke_alpha, gc.get_alpha()
        return stroke_alpha, (rgb_face[3] if len(rgb_face) > 3 else 1.0)

    # -- drawing ------------------------------------------------------------------------------------------
    def draw_path(self, gc: GraphicsContextBase, path: Path, transform: Any, rgbFace: Any = None) -> None:  # noqa: N803
        c = self.canv
        lw = gc.get_linewidth()
        stroke_alpha, fill_alpha = self._alphas(gc, rgbFace)
        stroke = lw > 0 and stroke_alpha > 0
        fill = rgbFace is not None and fill_alpha > 0
        hatch = gc.get_hatch()
        if not (stroke or fill or hatch):
            return
        clip = (0, 0, self.width, self.height) if rgbFace is None and hatch is None else None
        ops = _path_ops(path, transform, clip)
        if not ops:
            return
        self._clip(gc)
        # Every mark sets all the state it uses: marks share the clip's graphics state.
        if fill:
            c.setFillColorRGB(*rgbFace[:3], alpha=fill_alpha)
        if stroke:
            r, g, b = gc.get_rgb()[:3]
            c.setStrokeColorRGB(r, g, b, alpha=stroke_alpha)
            c.setLineWidth(lw)
            c.setLineCap(_CAPS.get(gc.get_capstyle(), 0))
            c.setLineJoin(_JOINS.get(gc.get_joinstyle(), 0))
            offset, dashes = gc.get_dashes()
            dash_list = [] if dashes is None else [float(d) for d in np.asarray(dashes).ravel()]
            if dash_list:
                c.setDash(dash_list, float(offset or 0))
            else:
                c.setDash([], 0)
        if fill or stroke:
            c.addLiteral(f"{ops} {'B' if fill and stroke else 'f' if fill else 'S'}")
        if hatch:
            self._hatch(gc, path, transform, ops)

    def _hatch(self, gc: GraphicsContextBase, path: Path, transform: Any, ops: str) -> None:
        # matplotlib hatches are a unit-square pattern repeated every 72 points (one inch at 72 dpi), drawn in
        # one path clipped to the shape.
        c = self.canv
        hatch_path = gc.get_hatch_path()
        if hatch_path is None:
            return
        ext = path.get_extents(transform)
        if not (np.isfinite(ext.x0) and np.isfinite(ext.y1)):
            return
        xs = np.arange(math.floor(ext.x0 / 72), math.ceil(ext.x1 / 72)) * 72.0
        ys = np.arange(math.floor(ext.y0 / 72), math.ceil(ext.y1 / 72)) * 72.0
        if not len(xs) or not len(ys) or len(xs) * len(ys) > 4000:
            return
        verts = np.asarray(hatch_path.vertices) * 72.0
        if hatch_path.codes is not None:
            codes = np.asarray(hatch_path.codes)
        else:
            codes = np.full(len(verts), Path.LINETO)
            codes[0] = Path.MOVETO
        offsets = np.array([(x, y) for x in xs for y in ys])
        all_verts = (verts[None, :, :] + offsets[:, None, :]).reshape(-1, 2)
        all_codes = np.tile(codes, len(offsets))
        c.saveState()
        c.addLiteral(ops + " W n")
        r, g, b = to_rgb(gc.get_hatch_color())
        c.setStrokeColorRGB(r, g, b)
        c.setFillColorRGB(r, g, b)
        c.setLineWidth(gc.get_hatch_linewidth() if hasattr(gc, "get_hatch_linewidth") else 1.0)
        hatch_ops = _ops(all_verts, all_codes)
        if hatch_ops:
            c.addLiteral(hatch_ops + " S")
        c.restoreState()

    def draw_text(
        self,
        gc: GraphicsContextBase,
        x: float,
        y: float,
        s: str,
        prop: FontProperties,
        angle: float,
        ismath: Any = False,
        mtext: Any = None,
    ) -> None:
        if ismath:
            self._text_as_path(gc, x, y, s, prop, angle, ismath, mtext)
            return
        font = self._font(prop)
        if font is None:
            self._text_as_path(gc, x, y, s, prop, angle, ismath, mtext)
            return
        if right_to_left(s):
            # ReportLab sets text left to right, glyph by glyph: Hebrew came out backwards and Arabic backwards in
            # unjoined letters. matplotlib lays the string out (libraqm: bidi order, Arabic joining) and draws its
            # outlines; the string itself goes over them as invisible text, squeezed to their width, so it is still
            # found, copied and selected where it is drawn.
            self._text_as_path(gc, x, y, s, prop, angle, ismath, mtext)
            self._text(gc, x, y, s, prop, angle, font, invisible=True)
            return
        self._text(gc, x, y, s, prop, angle, font)

    def _text(
        self, gc: Any, x: float, y: float, s: str, prop: Any, angle: float, font: str, invisible: bool = False
    ) -> None:
        """``s`` as PDF text in ``font`` (characters it lacks from a fallback font, :func:`font_runs`); not
        painted (render mode 3) when ``invisible``."""
        c = self.canv
        alpha = gc.get_alpha() if gc.get_forced_alpha() else gc.get_rgb()[3]
        if alpha <= 0:
            return
        self._clip(gc)
        c.saveState()
        c.setFillColorRGB(*gc.get_rgb()[:3], alpha=alpha)
        c.translate(x, y)
        if angle:
            c.rotate(angle)
        t = c.beginText(0, 0)
        size = prop.get_size_in_points()
        runs = font_runs(s, font)
        if invisible:
            t.setTextRenderMode(3)
            own = sum(stringWidth(run, f, size) for f, run in runs)
            drawn = self.get_text_width_height_descent(s, prop, False)[0]
            if own > 0 and drawn > 0:
                t.setHorizScale(100.0 * drawn / own)
        for f, run in runs:
            t.setFont(f, size)
            t.textOut(run)
        c.drawText(t)
        c.restoreState()

    def _text_as_path(
        self, gc: Any, x: float, y: float, s: str, prop: Any, angle: float, ismath: Any, mtext: Any
    ) -> None:
        # Mathtext and fonts that cannot be embedded are drawn as outlines (matplotlib's own fallback).
        # RendererBase._draw_text_as_path is private, so the stubs do not declare it.
        try:
            self._draw_text_as_path(gc, x, y, s, prop, angle, ismath, mtext)  # type: ignore[attr-defined]
        except TypeError:  # matplotlib < 3.10 has no ``mtext`` parameter here
            self._draw_text_as_path(gc, x, y, s, prop, angle, ismath)  # type: ignore[attr-defined]

    def _font(self, prop: FontProperties) -> str | None:
        # The face does not depend on the size: one look-up per family, style and weight for the process.
        key = (
            tuple(prop.get_family()),
            prop.get_style(),
            prop.get_variant(),
            prop.get_weight(),
            prop.get_stretch(),
            str(prop.get_file() or ""),
        )
        font = _FONTS.get(key, "")
        if font == "":
            try:
                font = font_for_file(findfont(prop, fallback_to_default=True))
            except Exception:  # noqa: BLE001 - unknown font: fall back to the body font
                font = REGULAR
            _FONTS[key] = font
        return font

    def draw_image(
        self, gc: GraphicsContextBase, x: float, y: float, im: ArrayLike, transform: Any = None
    ) -> None:
        from PIL import Image

        img = np.asarray(im)
        h, w = img.shape[:2]
        if w == 0 or h == 0:
            return
        c = self.canv
        self._clip(gc)
        c.saveState()
        # matplotlib hands the rows bottom-up; images are stored top-down.
        c.drawImage(ImageReader(Image.fromarray(img[::-1])), x, y, width=w, height=h, mask="auto")
        c.restoreState()


def _ops(vertices: np.ndarray, codes: np.ndarray) -> str:
    """PDF path-construction operators for matplotlib path vertices and codes (coordinates in points)."""
    xy = [f"{x:.2f} {y:.2f}" for x, y in vertices.tolist()]
    out: list[str] = []
    cl = codes.tolist()
    i, n = 0, len(cl)
    last = (0.0, 0.0)
    while i < n:
        code = cl[i]
        if code == Path.MOVETO:
            out.append(xy[i] + " m")
            last = tuple(vertices[i])
            i += 1
        elif code == Path.LINETO:
            out.append(xy[i] + " l")
            last = tuple(vertices[i])
            i += 1
        elif code == Path.CURVE4 and i + 2 < n:
            out.append(f"{xy[i]} {xy[i + 1]} {xy[i + 2]} c")
            last = tuple(vertices[i + 2])
            i += 3
        elif code == Path.CURVE3 and i + 1 < n:
            # Quadratic to cubic: control points 2/3 of the way from each end to the quadratic's control point.
            (qx, qy), (x, y) = vertices[i], vertices[i + 1]
            c1 = (last[0] + 2 / 3 * (qx - last[0]), last[1] + 2 / 3 * (qy - last[1]))
            c2 = (x + 2 / 3 * (qx - x), y + 2 / 3 * (qy - y))
            out.append(f"{c1[0]:.2f} {c1[1]:.2f} {c2[0]:.2f} {c2[1]:.2f} {xy[i + 1]} c")
            last = (x, y)
            i += 2
        elif code == Path.CLOSEPOLY:
            out.append("h")
            i += 1
        else:  # STOP
            i += 1
    return " ".join(out)


def _path_ops(path: Path, transform: Any = None, clip: Any = None) -> str:
    """The operators that construct ``path`` after ``transform`` (NaNs removed, optionally clipped)."""
    cleaned = path.cleaned(transform=transform, remove_nans=True, clip=clip, simplify=False, curves=True)
    vertices = np.asarray(cleaned.vertices)
    if not len(vertices):
        return ""
    if cleaned.codes is not None:
        codes = np.asarray(cleaned.codes)
    else:
        codes = np.full(len(vertices), Path.LINETO, dtype=np.uint8)
        codes[0] = Path.MOVETO
    return _ops(vertices, codes)


def smallest_font(fig: Figure) -> float:
    """The smallest font size (pt) of any visible, non-empty text on ``fig`` (inf without text)."""
    from matplotlib.text import Text

    sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    return float(min(sizes)) if sizes else math.inf


def render_figure(fig: Figure, canv: Canvas) -> None:
    """Draw ``fig`` (whose dpi must be 72) onto ``canv`` with the figure's bottom left at the canvas origin."""
    w, h = fig.get_size_inches() * 72
    renderer = CanvasRenderer(canv, float(w), float(h))
    try:
        fig.draw(renderer)
    finally:
        renderer.end_group()


def laid_out_width(text: str, size: float, *, bold: bool = False) -> float:
    """Points one line of ``text`` takes as :func:`draw_laid_out` draws it (matplotlib's layout: joined Arabic is
    narrower than ReportLab's sum of its letters, so a run measured by that stood a gap before the next)."""
    key = ("laid-out", text, size, bold)
    got = _METRICS_CACHE.get(key)
    if got is None:
        from matplotlib.textpath import text_to_path  # unhinted: Agg's measure is a few points wider

        from planner.charts import style

        with style.rc_context(), warnings.catch_warnings():  # a character no font has is measured as its box
            warnings.filterwarnings("ignore", message="Glyph .* missing from font", category=UserWarning)
            prop = FontProperties(size=size, weight="bold" if bold else "normal")
            got = text_to_path.get_text_width_height_descent(style.left_to_right(text), prop, ismath=False)
        _METRICS_CACHE[key] = got
    return float(got[0])


def draw_laid_out(canv: Canvas, x: float, y: float, text: str, size: float, *, bold: bool = False) -> None:
    """One line of ``text`` with its baseline at ``(x, y)`` on ``canv``, in the canvas's fill colour, drawn as the
    charts draw right-to-left text (:meth:`CanvasRenderer.draw_text`): laid out by matplotlib (libraqm: bidi order,
    Arabic joining) as outlines, with the string as invisible text over them. ReportLab sets a string left to
    right glyph by glyph: a Hebrew plan title read backwards in the page header, Arabic backwards and unjoined."""
    fill = canv._fillColorObj  # the colour the caller chose (ReportLab has no getter)
    rgb = (float(fill.red), float(fill.green), float(fill.blue)) if fill is not None else (0.0, 0.0, 0.0)
    base = size * 0.5  # room under the baseline for descenders
    width = (
        stringWidth(text, REGULAR, size) * 1.5 + 2 * size
    )  # the outlines' room; nothing is drawn past them
    from planner.charts import style

    fig = Figure(figsize=(width / 72, (base + size * 1.5) / 72), dpi=72)
    fig.patch.set_visible(False)
    with (
        style.rc_context()
    ):  # the charts' fonts: DejaVu, then the fallback fonts installed (CJK in a mixed title)
        fig.text(
            0,
            base / (base + size * 1.5),
            style.left_to_right(text),  # the line reads left to right ('1. التحقق', not 'التحقق .1')
            fontsize=size,
            color=rgb,
            va="baseline",
            ha="left",
            fontweight="bold" if bold else "normal",
        )
        canv.saveState()
        canv.translate(x, y - base)
        with (
            warnings.catch_warnings()
        ):  # a character no font has is a box, named on the cover (missing_glyphs_note)
            warnings.filterwarnings("ignore", message="Glyph .* missing from font", category=UserWarning)
            render_figure(fig, canv)
        canv.restoreState()


class LaidOutLine(Flowable):
    """A one-line table cell or label with right-to-left text, drawn by :func:`draw_laid_out` in ``style``'s font
    size, weight and colour."""

    def __init__(self, text: str, style: Any) -> None:
        super().__init__()
        self.text, self.style = text, style

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = min(avail_width, stringWidth(self.text, self.style.fontName, self.style.fontSize))
        return self.width, float(self.style.leading)

    def draw(self) -> None:
        self.canv.setFillColor(self.style.textColor)
        bold = "Bold" in self.style.fontName
        draw_laid_out(
            self.canv, 0, self.style.leading - self.style.fontSize, self.text, self.style.fontSize, bold=bold
        )


class ChartFlowable(Flowable):
    """A chart slot of fixed size: ``draw(fig)`` is called when the page is rendered, on a fresh 72-dpi figure.

    Drawing late keeps memory flat for reports with many chart pages and lets the build report progress per page.
    A chart that fails to draw leaves a framed note with the error instead of sinking the whole report.
    """

    def __init__(
        self,
        draw: Callable[[Figure], None],
        width: float,
        height: float | None,
        *,
        name: str = "chart",
        min_height: float = 144.0,
        figure: Figure | None = None,
        max_height: float | None = None,
        reserve: float = 0.0,
    ) -> None:
        super().__init__()
        self.max_height = max_height
        self.reserve = reserve
        self._draw_chart = draw
        self._figure = figure  # already drawn at this size (a legibility probe): rendered as it is
        self.width = width
        self._fixed = height
        self.height = height if height is not None else min_height
        self.min_height = min_height
        self.name = name
        self.error: str | None = None
        self.scale = 1.0  # drawn on a figure this much smaller, then enlarged to the slot (a small roadmap)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # A slot without a fixed height takes the rest of the frame (at least ``min_height``), less ``reserve``
        # points kept under it for what follows it (a table that belongs on its page).
        if self._fixed is None:
            self.height = max(self.min_height, avail_height - self.reserve - 1)
            if self.max_height is not None:
                self.height = min(self.height, max(self.min_height, self.max_height))
        return self.width, self.height

    def draw(self) -> None:
        ready = self._figure
        if ready is not None and not np.allclose(ready.get_size_inches() * 72, (self.width, self.height)):
            ready = None
        self._figure = None
        k = self.scale
        fig = (
            ready
            if ready is not None
            else Figure(figsize=(self.width / 72 / k, self.height / 72 / k), dpi=72)
        )
        try:
            if ready is None:
                self._draw_chart(fig)
            self.canv.saveState()
            self.canv.scale(k, k)  # a chart drawn 1/k as large, its type k times larger on the page
            render_figure(fig, self.canv)
            self.canv.restoreState()
        except Exception as exc:  # see the class docstring
            from planner.report.errors import ReportCancelled

            if isinstance(exc, ReportCancelled):
                raise
            self.error = f"{type(exc).__name__}: {exc}"
            self.canv.saveState()
            self.canv.setStrokeColorRGB(0.6, 0.6, 0.6)
            self.canv.rect(0, 0, self.width, self.height)
            self.canv.setFont(REGULAR, 9)
            self.canv.drawString(
                12, self.height - 20, f"The {self.name} chart could not be drawn: {self.error}"[:160]
            )
            self.canv.restoreState()
        finally:
            fig.clear()


class FlowingChart(Flowable):
    """A chart of ``n`` steps set in rows (the critical path's chain) that flows over pages like a table.

    It is as tall as all its rows (``height(start, stop)``, points). Where a page has less room it splits: the
    steps whose rows fit there (``fit(start, avail_height) -> stop``; ``start`` when not one row fits) are drawn
    on that page and the rest go on in a further figure of the same kind on the next; each part is drawn by
    ``make(start, stop, height)`` (a :class:`ChartFlowable`) and is no taller than the room it was given. Rows of
    ``row`` steps are never cut. A chart that fits on a page of ``page`` points leaves at least two rows for the
    next page, and moves on whole, like any figure, when fewer than half its rows would stay (a chain of 6 cut 4
    and 2 took a page more; one of 17 left its words alone on a page, 14 % used); so does a chart where a page has
    room for no row."""

    def __init__(
        self,
        make: Callable[[int, int, float], Flowable],
        n: int,
        fit: Callable[[int, float], int],
        height: Callable[[int, int], float],
        width: float,
        page: float,
        row: int,
        start: int = 0,
    ) -> None:
        super().__init__()
        self._make, self._n, self._fit, self._height = make, n, fit, height
        self.width = width
        self.page, self.row = page, max(1, row)
        self.start = start
        self.height = height(start, n)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        stop = min(self._n, self._fit(self.start, avail_height))
        if self.height <= self.page - 1.0:  # it would fit on the next page whole
            rows = -(-(self._n - self.start) // self.row)
            stop = min(stop, self.start + self.row * max(0, rows - 2))  # two rows at least go on
            if 2 * (stop - self.start) < self._n - self.start:
                return []  # fewer than half its rows would stay: it moves on whole
        if stop <= self.start:
            return []
        part = self._make(self.start, stop, min(avail_height - 1.0, self._height(self.start, stop)))
        if stop >= self._n:
            return [part]
        rest = FlowingChart(
            self._make, self._n, self._fit, self._height, self.width, self.page, self.row, stop
        )
        return [part, rest]

    def draw(self) -> None:  # the whole rest fits where it stands
        part = self._make(self.start, self._n, self.height)
        part.wrap(self.width, self.height)
        part.drawOn(self.canv, 0, 0)
