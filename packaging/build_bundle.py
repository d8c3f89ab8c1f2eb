"""Build the standalone bundle: ``python packaging/build_bundle.py`` (after ``pip install -e '.[bundle]'``).

Writes, under ``dist/``:
- ``scaling-roadmap-planner/``: the folder to ship; ``scaling-roadmap-planner/planner`` is the program (the desktop
  app, and every command of the command line); it needs no Python on the machine.
- ``scaling-roadmap-planner-<version>-linux-<arch>.tar.gz``: the same folder as one archive.
- ``scaling-roadmap-planner.contents.txt``: every file shipped, with its size, largest first.

PyInstaller (one-dir mode) does the work with ``packaging/planner.spec``, which keeps only the Qt modules and
plugins the app uses and drops the libraries only the dropped plugins needed. Build on the oldest Linux you want
to support: the bundle carries its Python, Qt and libraries, but uses the machine's C library and X11/Wayland.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "scaling-roadmap-planner"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from planner import __version__

    return __version__


def check_build_host() -> list[str]:
    """Warnings about the build machine: Qt's X11 plugin needs libraries PyInstaller copies from it."""
    problems = []
    try:
        import PySide6
    except ImportError:
        return ["PySide6 is not installed in this environment"]
    xcb = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if xcb.is_file() and shutil.which("ldd"):
        out = subprocess.run(["ldd", str(xcb)], capture_output=True, text=True).stdout
        missing = sorted({line.split()[0] for line in out.splitlines() if "not found" in line})
        if missing:
            problems.append(
                "Qt's X11 plugin needs libraries this machine lacks, so the bundle will not have them "
                f"either: {', '.join(missing)} (Debian/Ubuntu: apt-get install libxcb-icccm4 "
                "libxcb-keysyms1 libxcb-cursor0)"
            )
    try:
        import PySide6.QtPdf
    except ImportError:
        pass
    else:
        problems.append(
            "the full PySide6 (with Addons) is installed; the bundle is built for PySide6-Essentials "
            "and excludes the rest, but a venv with only the project's dependencies is leaner to analyse"
        )
    return problems


def strip_python(folder: Path) -> None:
    """Debug symbols are most of the size of the build machine's libpython and standard extension modules;
    stripping those is safe (unlike stripping the wheels' libraries: OpenBLAS breaks)."""
    strip = shutil.which("strip")
    if strip is None:
        return
    internal = folder / "_internal"
    for lib in [*internal.glob("libpython3*.so*"), *internal.glob("python3*/lib-dynload/*.so")]:
        if not lib.is_symlink():
            subprocess.run([strip, "--strip-debug", str(lib)], check=True)


def listing(folder: Path) -> list[tuple[int, str]]:
    # Symbolic links (PyInstaller links libraries into _internal/) take no space: count each file once.
    files = [
        (p.stat().st_size, p.relative_to(folder).as_posix())
        for p in folder.rglob("*")
        if p.is_file() and not p.is_symlink()
    ]
    return sorted(files, reverse=True)


def check_contents(files: list[tuple[int, str]]) -> None:
    """Nothing from the source tree's tests or benchmarks, and the package data the app needs."""
    names = [n for _, n in files]
    leaked = [n for n in names if n.startswith(("_internal/tests/", "_internal/benchmarks/"))]
    if leaked:
        raise SystemExit(f"the bundle contains test or benchmark files: {leaked[:5]}")
    for required in (
        "_internal/planner/resources/sample.plan.json",
        "_internal/planner/resources/plan.schema.v1.json",
        "_internal/planner/templates/ai-scaling.plan.json",
        "_internal/matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf",
    ):
        if required not in names:
            raise SystemExit(f"the bundle lacks {required}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-archive", action="store_true", help="build the folder only")
    args = parser.parse_args()
    try:
        import PyInstaller.__main__ as pyinstaller
    except ImportError:
        sys.stderr.write("build_bundle: PyInstaller is not installed; run: pip install -e '.[bundle]'\n")
        return 2
    for problem in check_build_host():
        sys.stderr.write(f"build_bundle: warning: {problem}\n")
    started = time.perf_counter()
    pyinstaller.run(
        [
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--workpath",
            str(WORK),
            "--distpath",
            str(DIST),
            str(ROOT / "packaging" / "planner.spec"),
        ]
    )
    folder = DIST / NAME
    strip_python(folder)
    files = listing(folder)
    check_contents(files)
    total = sum(size for size, _ in files)
    contents = DIST / f"{NAME}.contents.txt"
    contents.write_text(
        "".join(f"{size:>11,}  {name}\n" for size, name in files)
        + f"{total:>11,}  total ({len(files)} files)\n",
        encoding="utf-8",
    )
    print(
        f"bundle: {folder.relative_to(ROOT)}/ {total / 1e6:.1f} MB in {len(files)} files "
        f"(built in {time.perf_counter() - started:.0f} s; every file: {contents.relative_to(ROOT)})"
    )
    groups: dict[str, int] = {}
    for size, name in files:
        parts = name.split("/")
        key = "/".join(parts[:3]) if parts[1:2] == ["PySide6"] else "/".join(parts[:2])
        groups[key] = groups.get(key, 0) + size
    for key, size in sorted(groups.items(), key=lambda kv: -kv[1])[:12]:
        print(f"  {size / 1e6:7.1f} MB  {key}")
    if not args.no_archive:
        arch = platform.machine() or "unknown"
        archive = DIST / f"{NAME}-{version()}-linux-{arch}.tar.gz"
        tmp = archive.with_name(archive.name + ".tmp")
        with tarfile.open(tmp, "w:gz", compresslevel=6) as tar:
            tar.add(folder, arcname=NAME)
        os.replace(tmp, archive)
        print(f"archive: {archive.relative_to(ROOT)} {archive.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
