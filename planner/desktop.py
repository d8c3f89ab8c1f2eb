"""Desktop integration without Qt: the bundled sample, the icon files, and installing the app for the current user.

The files come from the package (``planner/resources/``, read with :mod:`importlib.resources`), so they are the
same for a source checkout, an installed wheel and the standalone bundle. ``planner/resources/desktop/`` is laid
out like an XDG data folder (``applications/``, ``icons/hicolor/``, ``mime/packages/``): installing copies it into
``$XDG_DATA_HOME`` (``~/.local/share`` by default) and records what it wrote, so that uninstalling removes exactly
that.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath

APP_ID = "org.scalingroadmap.Planner"
MIME_TYPE = "application/x-scaling-roadmap-plan"
DESKTOP_FILE = f"applications/{APP_ID}.desktop"
MANIFEST = f"{APP_ID}/installed-files.json"

# Tools that refresh the desktop's caches after files change; each is optional (run when on PATH).
_CACHE_TOOLS = (
    ("update-mime-database", "mime"),
    ("update-desktop-database", "applications"),
    ("gtk-update-icon-cache", "icons/hicolor"),
)


def _package_resources() -> Traversable:
    return resources.files("planner").joinpath("resources")


def sample_plan_path() -> Path | None:
    """The bundled sample plan (a copy of ``sample_plans/bank-assistant.plan.json`` inside the package)."""
    sample = _package_resources().joinpath("sample.plan.json")
    # Installed packages and the bundle are folders on disk; a zipped install has no path to open.
    return Path(str(sample)) if isinstance(sample, Path) and sample.is_file() else None


def _walk(node: Traversable, prefix: PurePosixPath) -> Iterator[tuple[PurePosixPath, Traversable]]:
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        rel = prefix / child.name
        if child.is_dir():
            yield from _walk(child, rel)
        elif child.name != "__init__.py" and not child.name.endswith((".pyc", ".pyo")):
            yield rel, child


def desktop_files() -> dict[str, Traversable]:
    """The files to install, by their path relative to the XDG data folder (e.g. ``mime/packages/<id>.xml``)."""
    root = _package_resources().joinpath("desktop")
    return {str(rel): node for rel, node in _walk(root, PurePosixPath())}


def icon_pngs() -> dict[int, Traversable]:
    """The application icon's PNG files by pixel size (for the window icon)."""
    sizes: dict[int, Traversable] = {}
    for rel, node in desktop_files().items():
        m = re.fullmatch(rf"icons/hicolor/(\d+)x\1/apps/{re.escape(APP_ID)}\.png", rel)
        if m:
            sizes[int(m.group(1))] = node
    return dict(sorted(sizes.items()))


def data_home(environ: dict[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset, empty or relative (XDG Base Directory spec)."""
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME", "")
    return Path(value) if value and os.path.isabs(value) else Path.home() / ".local" / "share"


def launcher_command() -> list[str]:
    """The command that starts this planner: the bundle's executable, the ``planner`` script of this
    installation, or ``python -m planner`` as a last resort."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve())]
    script = Path(sys.executable).parent / "planner"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script.absolute())]
    found = shutil.which("planner")
    if found:
        return [str(Path(found).absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "planner"]


def _exec_arg(arg: str) -> str:
    """One argument of a desktop entry's ``Exec`` key, quoted by the Desktop Entry spec's rules."""
    if re.fullmatch(r"[A-Za-z0-9/._+=:,@-]+", arg):
        return arg
    return '"' + re.sub(r'(["`$\\])', r"\\\1", arg) + '"'


def _escape_string(value: str) -> str:
    """A desktop entry string value: backslashes are escaped once more (and ``%`` is literal as ``%%`` in Exec)."""
    return value.replace("\\", "\\\\")


def desktop_entry(template: str, command: list[str]) -> str:
    """The ``.desktop`` text with ``Exec`` and ``TryExec`` pointing at ``command`` (the file keeps its ``%f``)."""
    exec_value = _escape_string(" ".join(_exec_arg(a).replace("%", "%%") for a in command)) + " %f"
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + exec_value
        elif line.startswith("TryExec="):
            line = "TryExec=" + _escape_string(command[0])
        lines.append(line)
    return "\n".join(lines) + "\n"


@dataclass
class InstallResult:
    """What an install or uninstall did, for the command line to print."""

    data_home: Path
    files: list[Path] = field(default_factory=list)
    tools_run: list[str] = field(default_factory=list)
    tools_missing: list[str] = field(default_factory=list)
    tool_errors: list[str] = field(default_factory=list)


def _read_manifest(home: Path) -> dict[str, list[str]]:
    path = home / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError):
        # No record: nothing installed yet, or no folder to hold one (a file stands in the data home's path:
        # install then says the folder cannot be made, uninstall that there is nothing to remove).
        return {"files": [], "dirs": []}
    except (OSError, ValueError) as exc:
        raise OSError(
            f"{path}: cannot read the record of installed files ({exc}); delete it and install again"
        ) from None
    return {"files": list(data.get("files", [])), "dirs": list(data.get("dirs", []))}


def _refresh_caches(home: Path, result: InstallResult) -> None:
    for tool, sub in _CACHE_TOOLS:
        folder = home / sub
        exe = shutil.which(tool)
        if exe is None:
            result.tools_missing.append(tool)
            continue
        if not folder.is_dir():
            continue
        args = [exe, str(folder)] if tool != "gtk-update-icon-cache" else [exe, "-f", "-t", "-q", str(folder)]
        try:
            done = subprocess.run(args, capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as exc:
            result.tool_errors.append(f"{tool}: {exc}")
            continue
        if done.returncode != 0:
            said = (done.stderr or done.stdout).strip().splitlines()
            result.tool_errors.append(
                f"{tool} failed: {said[-1] if said else f'exit code {done.returncode}'}"
            )
        else:
            result.tools_run.append(tool)


def install(
    home: Path | None = None, command: list[str] | None = None, refresh: bool = True
) -> InstallResult:
    """Install the icon, the desktop entry and the MIME type for the current user under ``home``
    (default :func:`data_home`), then refresh the desktop's caches with the tools that are on PATH.

    Every file is written atomically; the files written and the folders created are recorded in
    ``<home>/<APP_ID>/installed-files.json`` so that :func:`uninstall` removes exactly those."""
    from planner.model.io import write_bytes_atomic

    home = data_home() if home is None else home
    command = launcher_command() if command is None else command
    result = InstallResult(home)
    manifest = _read_manifest(home)
    files, dirs = set(manifest["files"]), list(manifest["dirs"])

    # The data home itself (``~/.local/share`` on a fresh account may not exist yet) is the desktop's standard
    # folder, shared with every other application: made when missing, never recorded (uninstall leaves it).
    home.mkdir(parents=True, exist_ok=True)

    def ensure_dir(folder: Path) -> None:
        missing = []
        while folder != home and not folder.exists():
            missing.append(folder)
            folder = folder.parent
        for d in reversed(missing):
            d.mkdir()
            rel = d.relative_to(home).as_posix()
            if rel not in dirs:
                dirs.append(rel)

    for rel, node in desktop_files().items():
        target = home / rel
        ensure_dir(target.parent)
        data = node.read_bytes()
        if rel == DESKTOP_FILE:
            data = desktop_entry(data.decode("utf-8"), command).encode("utf-8")
        write_bytes_atomic(target, data)
        files.add(rel)
        result.files.append(target)
    ensure_dir((home / MANIFEST).parent)
    write_bytes_atomic(
        home / MANIFEST, (json.dumps({"files": sorted(files), "dirs": dirs}, indent=2) + "\n").encode("utf-8")
    )
    if refresh:
        _refresh_caches(home, result)
    return result


def uninstall(home: Path | None = None, refresh: bool = True) -> InstallResult:
    """Remove exactly the files :func:`install` recorded, and the folders it created once they are empty; then
    refresh the caches so the desktop forgets the MIME type. Nothing is removed when nothing was installed."""
    home = data_home() if home is None else home
    result = InstallResult(home)
    manifest = _read_manifest(home)
    for rel in manifest["files"]:
        target = home / rel
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        result.files.append(target)
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):  # no record (nothing was installed)
        (home / MANIFEST).unlink()
    # Refresh while the folders are still there, so that the caches forget the MIME type and the entry.
    if refresh and result.files:
        _refresh_caches(home, result)
    # Then the folders install created, deepest first, when empty; one the tools keep their caches in stays.
    for rel in sorted(manifest["dirs"], key=lambda r: -r.count("/")):
        try:
            (home / rel).rmdir()
        except OSError:
            continue
    return result


# -- About ---------------------------------------------------------------------------------------------------------
_LIBRARIES = (  # (shown name, module, attribute holding its version)
    ("PySide6", "PySide6", "__version__"),
    ("matplotlib", "matplotlib", "__version__"),
    ("NumPy", "numpy", "__version__"),
    ("NetworkX", "networkx", "__version__"),
    ("pydantic", "pydantic", "VERSION"),
    ("ReportLab", "reportlab", "Version"),
)


def licence() -> str:
    """The licence the package declares (pyproject ``license``), as installed metadata says."""
    from importlib import metadata

    try:
        meta = metadata.metadata("scaling-roadmap-planner")
    except metadata.PackageNotFoundError:
        return "unknown (no package metadata)"
    # A field asked for only when present: from Python 3.12, indexing a missing one warns (and is to raise KeyError).
    found = [meta[k] for k in ("License-Expression", "License") if k in meta and meta[k]]
    return shown_licence(str(found[0])) if found else "unknown"


def shown_licence(declared: str) -> str:
    """The licence as a person reads it: an SPDX reference to a licence of the project's own
    (``LicenseRef-Proprietary``, PEP 639) is shown by its name (``Proprietary``); anything else as declared."""
    return re.sub(r"\bLicenseRef-", "", declared)


def library_versions() -> list[tuple[str, str]]:
    """``[("Python", "3.11.7"), ("PySide6", "6.11.3"), ...]``: what this copy of the planner runs on."""
    import importlib
    import platform

    found = [("Python", platform.python_version())]
    for name, module, attr in _LIBRARIES:
        try:
            version = str(getattr(importlib.import_module(module), attr, "?"))
        except ImportError:
            version = "not installed"
        found.append((name, version))
    return found
