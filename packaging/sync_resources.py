"""Render the icon sizes from the SVG and copy the desktop files into the package (run after editing resources/).

    python packaging/sync_resources.py

``resources/`` (top level) is the source of truth for the desktop integration, laid out like an XDG data folder
(``applications/``, ``icons/hicolor/``, ``mime/packages/``, ``metainfo/``). The package carries a copy of what the
installed program needs at run time (window icon, ``planner install-desktop``) in ``planner/resources/desktop/``,
and the bundled sample plan in ``planner/resources/sample.plan.json``; tests/test_resources.py checks that the
copies are equal to their sources.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
PACKAGE_DESKTOP = ROOT / "planner" / "resources" / "desktop"
APP_ID = "org.scalingroadmap.Planner"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
SAMPLE_SOURCE = ROOT / "sample_plans" / "bank-assistant.plan.json"
SAMPLE_COPY = ROOT / "planner" / "resources" / "sample.plan.json"
# What the package copies (relative to resources/); metainfo is for software centres only.
PACKAGED = ("applications", "icons", "mime")


def render_pngs() -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = RESOURCES / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    written = []
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        out = RESOURCES / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(out), "PNG"):
            raise SystemExit(f"{out}: cannot write")
        written.append(out)
    return written


def copy_to_package() -> None:
    if PACKAGE_DESKTOP.exists():
        shutil.rmtree(PACKAGE_DESKTOP)
    for top in PACKAGED:
        shutil.copytree(RESOURCES / top, PACKAGE_DESKTOP / top)
    shutil.copyfile(SAMPLE_SOURCE, SAMPLE_COPY)


if __name__ == "__main__":
    for path in render_pngs():
        print(f"rendered {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")
    copy_to_package()
    print(
        f"copied {', '.join(PACKAGED)} to {PACKAGE_DESKTOP.relative_to(ROOT)} and the sample to "
        f"{SAMPLE_COPY.relative_to(ROOT)}"
    )
