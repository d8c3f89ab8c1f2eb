"""The desktop resources (top-level resources/) parse, validate, and the package carries equal copies."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from planner import desktop
from planner.model import load_plan

REPO = Path(__file__).resolve().parents[1]
RESOURCES = REPO / "resources"
APP_ID = desktop.APP_ID
DESKTOP = RESOURCES / "applications" / f"{APP_ID}.desktop"
MIME = RESOURCES / "mime" / "packages" / f"{APP_ID}.xml"
METAINFO = RESOURCES / "metainfo" / f"{APP_ID}.metainfo.xml"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_package_copies_equal_their_sources() -> None:
    """planner/resources/desktop mirrors resources/{applications,icons,mime}; the sample mirrors sample_plans/.
    After editing resources/ or the sample, run `python packaging/sync_resources.py`."""
    packaged = {rel: node.read_bytes() for rel, node in desktop.desktop_files().items()}
    sources = {
        p.relative_to(RESOURCES).as_posix(): p.read_bytes()
        for top in ("applications", "icons", "mime")
        for p in (RESOURCES / top).rglob("*")
        if p.is_file()
    }
    assert sorted(packaged) == sorted(sources)
    stale = [rel for rel in sources if packaged[rel] != sources[rel]]
    assert not stale, f"run python packaging/sync_resources.py: {stale}"
    sample = desktop.sample_plan_path()
    assert sample is not None
    assert sample.read_bytes() == (REPO / "sample_plans" / "bank-assistant.plan.json").read_bytes(), (
        "planner/resources/sample.plan.json differs from sample_plans/bank-assistant.plan.json: "
        "run python packaging/sync_resources.py"
    )


def test_the_bundled_sample_is_inside_the_package_and_loads() -> None:
    sample = desktop.sample_plan_path()
    assert sample is not None and sample.is_relative_to(REPO / "planner" / "resources")
    from planner.cli import sample_plan_path

    assert sample_plan_path() == sample
    assert len(load_plan(sample).decisions) == 48


def test_icon_sizes_are_square_pngs_of_their_size() -> None:
    svg = RESOURCES / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    root = ET.parse(svg).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg" and root.get("viewBox") == "0 0 256 256"
    for size in PNG_SIZES:
        png = RESOURCES / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert _png_size(png.read_bytes()) == (size, size), png
    assert sorted(desktop.icon_pngs()) == list(PNG_SIZES)


def test_desktop_entry_opens_plan_files() -> None:
    entry = _entry(DESKTOP)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Scaling Roadmap Planner"
    assert entry["Icon"] == APP_ID
    assert entry["Exec"] == "planner %f"
    assert desktop.MIME_TYPE in entry["MimeType"].split(";")
    assert entry["Terminal"] == "false"
    assert "Office" in entry["Categories"].split(";")


def test_mime_type_claims_plan_json_files() -> None:
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(MIME).getroot()
    types = root.findall("m:mime-type", ns)
    assert [t.get("type") for t in types] == [desktop.MIME_TYPE]
    (mime,) = types
    assert [g.get("pattern") for g in mime.findall("m:glob", ns)] == ["*.plan.json"]
    assert int(mime.find("m:glob", ns).get("weight", "50")) > 50  # beats *.json
    assert mime.find("m:sub-class-of", ns).get("type") == "application/json"
    assert mime.find("m:icon", ns).get("name") == APP_ID


def test_metainfo_describes_the_app_with_screenshots() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("provides/mediatype") == desktop.MIME_TYPE
    images = [i.text or "" for i in root.findall("screenshots/screenshot/image")]
    assert len(images) >= 1 and all(i.startswith("https://") for i in images)
    from planner import __version__

    assert root.find("releases/release").get("version") == __version__


# The freedesktop validators: run when installed (apt: desktop-file-utils, appstream); the parsing tests above
# always run.
@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-validate not installed"
)
def test_desktop_file_validate() -> None:
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli not installed")
def test_appstreamcli_validate() -> None:
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
