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
from collections.abc import Callable
from typing import Any

import numpy as np
from matplotlib.backend_bases import GraphicsContextBase, RendererBase
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont
from matplotlib.path import Path
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from planner.report.fonts import REGULAR, font_for_file

_CAPS = {"butt": 0, "round": 1, "projecting": 2}
_JOINS = {"miter": 0, "round": 1, "bevel": 2}

_metrics_renderer: Any = None


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
        self._fonts: dict[int, str | None] = {}

    # -- what matplotlib asks of a renderer --------------------------------------------------------------
    def flipy(self) -> bool:
        return False

    def get_canvas_width_height(self) -> tuple[float, float]:
        return self.width, self.height

    def points_to_pixels(self, points: float) -> float:
        return points

    def new_gc(self) -> GraphicsContextBase:
        return GraphicsContextBase()

    def option_image_nocomposite(self) -> bool:
        return True

    def get_text_width_height_descent(self, s: str, prop: FontProperties, ismath: Any) -> tuple[float, float, float]:
        return _metrics().get_text_width_height_descent(s, prop, ismath)

    # -- state --------------------------------------------------------------------------------------------
    def _clip(self, gc: GraphicsContextBase) -> None:
        c = self.canv
        rect = gc.get_clip_rectangle()
        if rect is not None:
            x0, y0, w, h = rect.bounds
            p = c.beginPath()
            p.rect(x0, y0, w, h)
            c.clipPath(p, stroke=0, fill=0)
        tpath, affine = gc.get_clip_path()
        if tpath is not None:
            p = self._rl_path(tpath, affine)
            if p is not None:
                c.clipPath(p, stroke=0, fill=0)

    def _rl_path(self, path: Path, transform: Any, clip: Any = None) -> Any:
        p = self.canv.beginPath()
        empty = True
        last = (0.0, 0.0)
        for verts, code in path.iter_segments(transform, remove_nans=True, clip=clip, simplify=False, curves=True):
            if code == Path.MOVETO:
                p.moveTo(verts[0], verts[1])
                last = (verts[0], verts[1])
            elif code == Path.LINETO:
                p.lineTo(verts[0], verts[1])
                last = (verts[0], verts[1])
            elif code == Path.CURVE3:
                # Quadratic to cubic: control points 2/3 of the way from each end to the quadratic's control point.
                qx, qy, x, y = verts
                p.curveTo(last[0] + 2 / 3 * (qx - last[0]), last[1] + 2 / 3 * (qy - last[1]),
                          x + 2 / 3 * (qx - x), y + 2 / 3 * (qy - y), x, y)
                last = (x, y)
            elif code == Path.CURVE4:
                p.curveTo(*verts)
                last = (verts[4], verts[5])
            elif code == Path.CLOSEPOLY:
                p.close()
            empty = False
        return None if empty else p

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
        p = self._rl_path(path, transform, clip)
        if p is None:
            return
        c.saveState()
        self._clip(gc)
        if fill:
            c.setFillColorRGB(*rgbFace[:3], alpha=fill_alpha)
        if stroke:
            r, g, b = gc.get_rgb()[:3]
            c.setStrokeColorRGB(r, g, b, alpha=stroke_alpha)
            c.setLineWidth(lw)
            c.setLineCap(_CAPS.get(gc.get_capstyle(), 0))
            c.setLineJoin(_JOINS.get(gc.get_joinstyle(), 0))
            offset, dashes = gc.get_dashes()
            if dashes is not None and len(dashes):
                c.setDash([float(d) for d in dashes], float(offset or 0))
        if fill or stroke:
            c.drawPath(p, stroke=1 if stroke else 0, fill=1 if fill else 0)
        if hatch:
            self._hatch(gc, p)
        c.restoreState()

    def _hatch(self, gc: GraphicsContextBase, clip_path: Any) -> None:
        # matplotlib hatches are a unit-square pattern repeated every 72 points (one inch at 72 dpi).
        c = self.canv
        c.saveState()
        c.clipPath(clip_path, stroke=0, fill=0)
        hatch_path = gc.get_hatch_path()
        r, g, b = gc.get_hatch_color()[:3]
        c.setStrokeColorRGB(r, g, b)
        c.setFillColorRGB(r, g, b)
        lw = gc.get_hatch_linewidth() if hasattr(gc, "get_hatch_linewidth") else 1.0
        c.setLineWidth(lw)
        x0, y0, x1, y1 = _bounds(clip_path)
        for ix in range(int(math.floor(x0 / 72)), int(math.ceil(x1 / 72))):
            for iy in range(int(math.floor(y0 / 72)), int(math.ceil(y1 / 72))):
                from matplotlib.transforms import Affine2D

                p = self._rl_path(hatch_path, Affine2D().scale(72).translate(ix * 72, iy * 72))
                if p is not None:
                    c.drawPath(p, stroke=1, fill=0)
        c.restoreState()

    def draw_text(self, gc: GraphicsContextBase, x: float, y: float, s: str, prop: FontProperties, angle: float,
                  ismath: Any = False, mtext: Any = None) -> None:
        if ismath:
            self._text_as_path(gc, x, y, s, prop, angle, ismath, mtext)
            return
        font = self._font(prop)
        if font is None:
            self._text_as_path(gc, x, y, s, prop, angle, ismath, mtext)
            return
        c = self.canv
        alpha = gc.get_alpha() if gc.get_forced_alpha() else gc.get_rgb()[3]
        if alpha <= 0:
            return
        c.saveState()
        self._clip(gc)
        c.setFillColorRGB(*gc.get_rgb()[:3], alpha=alpha)
        c.translate(x, y)
        if angle:
            c.rotate(angle)
        t = c.beginText(0, 0)
        t.setFont(font, prop.get_size_in_points())
        t.textOut(s)
        c.drawText(t)
        c.restoreState()

    def _text_as_path(self, gc: Any, x: float, y: float, s: str, prop: Any, angle: float, ismath: Any,
                      mtext: Any) -> None:
        # Mathtext and fonts that cannot be embedded are drawn as outlines (matplotlib's own fallback).
        try:
            self._draw_text_as_path(gc, x, y, s, prop, angle, ismath, mtext)
        except TypeError:  # matplotlib < 3.10 has no ``mtext`` parameter here
            self._draw_text_as_path(gc, x, y, s, prop, angle, ismath)

    def _font(self, prop: FontProperties) -> str | None:
        key = hash(prop)
        if key not in self._fonts:
            try:
                self._fonts[key] = font_for_file(findfont(prop, fallback_to_default=True))
            except Exception:  # noqa: BLE001 - unknown font: fall back to the body font
                self._fonts[key] = REGULAR
        return self._fonts[key]

    def draw_image(self, gc: GraphicsContextBase, x: float, y: float, im: np.ndarray, transform: Any = None) -> None:
        from PIL import Image

        h, w = im.shape[:2]
        if w == 0 or h == 0:
            return
        c = self.canv
        c.saveState()
        self._clip(gc)
        # matplotlib hands the rows bottom-up; images are stored top-down.
        c.drawImage(ImageReader(Image.fromarray(np.asarray(im)[::-1])), x, y, width=w, height=h, mask="auto")
        c.restoreState()


def _bounds(p: Any) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    for op in p._code:  # ReportLab path operators: "x y m", "x y l", "x1 y1 x2 y2 x3 y3 c"
        nums = op.split()[:-1]
        try:
            vals = [float(v) for v in nums]
        except ValueError:
            continue
        xs += vals[0::2]
        ys += vals[1::2]
    if not xs:
        return 0.0, 0.0, 0.0, 0.0
    return min(xs), min(ys), max(xs), max(ys)


def render_figure(fig: Figure, canv: Canvas) -> None:
    """Draw ``fig`` (whose dpi must be 72) onto ``canv`` with the figure's bottom left at the canvas origin."""
    w, h = fig.get_size_inches() * 72
    renderer = CanvasRenderer(canv, float(w), float(h))
    fig.draw(renderer)


class ChartFlowable(Flowable):
    """A chart slot of fixed size: ``draw(fig)`` is called when the page is rendered, on a fresh 72-dpi figure.

    Drawing late keeps memory flat for reports with many chart pages and lets the build report progress per page.
    A chart that fails to draw leaves a framed note with the error instead of sinking the whole report.
    """

    def __init__(self, draw: Callable[[Figure], None], width: float, height: float, *, name: str = "chart") -> None:
        super().__init__()
        self._draw_chart = draw
        self.width = width
        self.height = height
        self.name = name
        self.error: str | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        fig = Figure(figsize=(self.width / 72, self.height / 72), dpi=72)
        try:
            self._draw_chart(fig)
            self.canv.saveState()
            render_figure(fig, self.canv)
            self.canv.restoreState()
        except Exception as exc:  # noqa: BLE001 - see the class docstring
            from planner.report.errors import ReportCancelled

            if isinstance(exc, ReportCancelled):
                raise
            self.error = f"{type(exc).__name__}: {exc}"
            self.canv.saveState()
            self.canv.setStrokeColorRGB(0.6, 0.6, 0.6)
            self.canv.rect(0, 0, self.width, self.height)
            self.canv.setFont(REGULAR, 9)
            self.canv.drawString(12, self.height - 20, f"The {self.name} chart could not be drawn: {self.error}"[:160])
            self.canv.restoreState()
        finally:
            fig.clear()
