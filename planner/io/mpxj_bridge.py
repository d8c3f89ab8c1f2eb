"""Binary and niche project formats (MS Project .mpp, ProjectLibre .pod, Asta, FastTrack, Phoenix, GNOME Planner...)
read through MPXJ, when it is installed: the optional ``mpxj`` extra (``pip install -e '.[mpxj]'``: the ``mpxj``
package, which carries MPXJ's Java library, and JPype) and a Java runtime (``apt install default-jre-headless``).

MPXJ (https://www.mpxj.org, LGPL) is the library other tools use to read these files; nothing in Python reads
.mpp. The planner runs it in a child process (:mod:`planner.io.mpxj_convert`) that converts the file to MS Project
XML, which :mod:`planner.io.mspdi` then imports as usual, so everything that import carries, reports and refuses
holds for these files too. Without MPXJ the suffixes stay refused with a message that says how to save the file
readable, or how to install the bridge.

``PLANNER_MPXJ_PYTHON`` may name another Python interpreter that has ``mpxj`` and ``jpype1`` installed (a separate
environment for the Java side); the converter needs nothing of the planner's.
"""

from __future__ import annotations

import importlib.util
import os
import shlex
import sys
from pathlib import Path

from planner.io.common import InteropError, read_limited

MPXJ_SUFFIXES = {
    ".mpp": "MS Project",
    ".mpt": "MS Project template",
    ".pod": "ProjectLibre",
    ".pp": "Asta Powerproject",
    ".fts": "FastTrack Schedule",
    ".ppx": "Phoenix Project Manager",
    ".planner": "GNOME Planner",
    ".pep": "TurboProject",
    ".cdpx": "ConceptDraw PROJECT",
    ".cdpz": "ConceptDraw PROJECT",
    ".gnt": "Gantt Designer",
    ".sp": "Synchro Scheduler",
    ".schedule": "Sage 100 Contractor",
    ".sdef": "SDEF",
}
"""Suffixes MPXJ reads that no importer of the planner's own does: the tool that writes each."""

MPXJ_REQUIREMENTS = ("mpxj>=13", "jpype1>=1.5")
"""The packages the bridge needs: pyproject.toml's ``mpxj`` extra (a test keeps the two the same)."""

INSTALL_HINT = (
    f"install MPXJ into the Python the planner runs on: {shlex.quote(sys.executable)} -m pip install "
    + " ".join(shlex.quote(r) for r in MPXJ_REQUIREMENTS)
    + " (or, in a checkout of the planner: pip install -e '.[mpxj]'), and a Java runtime "
    "(e.g. apt install default-jre-headless)"
)
"""What to do to read :data:`MPXJ_SUFFIXES` (said with every refusal of them)."""

TIMEOUT_SECONDS = 300
"""How long a conversion may take (a 10,000-task .mpp takes about 10 s, most of it starting Java)."""


CONVERTER = Path(__file__).with_name("mpxj_convert.py")
"""The converter's script, run by the bridge's interpreter (a bundled app ships no sources: no bridge there)."""


def describe(path: str | os.PathLike[str]) -> str:
    """What ``path`` is by its suffix: 'a ProjectLibre file (.pod)'; 'this file' for other suffixes."""
    suffix = Path(path).suffix.lower()
    return f"a {MPXJ_SUFFIXES[suffix]} file ({suffix})" if suffix in MPXJ_SUFFIXES else "this file"


def bridge_python() -> str | None:
    """The interpreter that runs the converter: ``PLANNER_MPXJ_PYTHON`` when set, else this one when it has the
    ``mpxj`` and ``jpype`` packages; None when MPXJ is not installed."""
    other = os.environ.get("PLANNER_MPXJ_PYTHON")
    if other and CONVERTER.is_file():
        return other
    if getattr(sys, "frozen", False) or not CONVERTER.is_file():
        return None  # a bundled app has no interpreter to run the converter with, nor its source
    if importlib.util.find_spec("mpxj") is None or importlib.util.find_spec("jpype") is None:
        return None
    return sys.executable


def available() -> bool:
    """Whether files of :data:`MPXJ_SUFFIXES` can be read (MPXJ installed; Java is found when converting)."""
    return bridge_python() is not None


def mpxj_version() -> str:
    """The installed MPXJ's version, for the import report ('' when unknown or in another interpreter)."""
    if os.environ.get("PLANNER_MPXJ_PYTHON"):
        return ""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("mpxj")
    except PackageNotFoundError:
        return ""


def convert_to_mspdi(path: str | os.PathLike[str]) -> bytes:
    """The MS Project XML MPXJ writes for the project file ``path``. Raises :class:`InteropError` when MPXJ is not
    installed, no Java runtime starts, MPXJ does not recognise the file or fails reading it, or it takes longer
    than :data:`TIMEOUT_SECONDS`."""
    import subprocess  # here, not at the top: planner.io is imported by every start of the app
    import tempfile

    read_limited(path)  # a missing, unreadable, oversized or non-regular file gets the usual message first
    what = describe(path)
    python = bridge_python()
    if python is None:
        raise InteropError(path, f"{what} is read through MPXJ, which is not installed", hint=INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="planner-mpxj-") as tmp:
        out = Path(tmp) / "converted.xml"
        try:
            done = subprocess.run(
                [python, str(CONVERTER), os.fspath(path), str(out)],
                capture_output=True,
                text=True,
                errors="replace",
                timeout=TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise InteropError(
                path,
                f"MPXJ took more than {TIMEOUT_SECONDS} s to read it",
                hint="save it as MS Project XML (*.xml) in the tool that wrote it, and import that",
            ) from None
        except OSError as exc:
            raise InteropError(
                path,
                f"the MPXJ bridge could not be started ({python}: {exc.strerror or exc})",
                hint="check PLANNER_MPXJ_PYTHON names a Python interpreter with mpxj and jpype1 installed",
            ) from None
        reason = next((ln.strip() for ln in reversed(done.stderr.splitlines()) if ln.strip()), "")
        if done.returncode == 3:
            raise InteropError(path, f"{what} is read through MPXJ, but {reason}", hint=INSTALL_HINT)
        if done.returncode == 4:
            raise InteropError(
                path,
                f"is not a project file MPXJ can read ({reason})",
                hint="check it is the file the tool saved, or save it as MS Project XML (*.xml) and import that",
            )
        if done.returncode != 0 or not out.is_file():
            raise InteropError(
                path,
                (reason or "MPXJ could not read it")
                if done.returncode == 5
                else f"the MPXJ converter stopped (exit code {done.returncode}){f': {reason}' if reason else ''}",
                hint="if the file is password-protected or from a newer version, save it as MS Project XML (*.xml) "
                "in the tool that wrote it, and import that",
            )
        try:
            return read_limited(out)
        except (
            InteropError
        ) as exc:  # e.g. larger than an import takes: say so of the user's file, not the temp one
            raise InteropError(path, f"converted to MS Project XML, {exc.problem}", hint=exc.hint) from None
