"""Run in a child process by :mod:`planner.io.mpxj_bridge`: read a project file of any format MPXJ knows and write
it as MS Project XML (MSPDI). Never imported by the planner itself: the Java virtual machine it starts cannot be
stopped and restarted in one process, and a file that crashes a Java reader must not take the app with it.

    python -m planner.io.mpxj_convert IN OUT

Exit codes: 0 written; 3 no Java runtime or no MPXJ; 4 MPXJ does not recognise the file; 5 MPXJ failed reading
it. On failure the last line of standard error is the reason, one line, for the user.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any


def _reader_classes() -> tuple[Any, Any]:
    """MPXJ's UniversalProjectReader and MSPDIWriter (package ``org.mpxj`` since MPXJ 13, ``net.sf.mpxj`` before)."""
    for package in ("org.mpxj", "net.sf.mpxj"):
        try:
            reader = importlib.import_module(f"{package}.reader").UniversalProjectReader
            writer = importlib.import_module(f"{package}.mspdi").MSPDIWriter
        except ImportError:
            continue
        return reader, writer
    raise ImportError("MPXJ's Java classes were not found")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m planner.io.mpxj_convert IN OUT", file=sys.stderr)
        return 2
    source, target = argv
    try:
        jpype = importlib.import_module("jpype")
        importlib.import_module("mpxj")  # puts MPXJ's jars on the class path
        jpype.startJVM(convertStrings=True)
        importlib.import_module("jpype.imports")
        reader_cls, writer_cls = _reader_classes()
    except ImportError as exc:
        print(f"the MPXJ bridge is not installed ({exc})", file=sys.stderr)
        return 3
    except Exception as exc:  # noqa: BLE001 - jpype's JVMNotFoundException and its kin: no Java runtime to start
        print(f"no Java runtime could be started ({type(exc).__name__}: {exc})", file=sys.stderr)
        return 3
    try:
        project = reader_cls().read(source)
    except Exception as exc:  # noqa: BLE001 - any Java exception: corrupt, password-protected, a version MPXJ cannot read
        reason = " ".join(str(exc).split()) or type(exc).__name__
        print(f"MPXJ could not read it: {reason[:300]}", file=sys.stderr)
        return 5
    if project is None:
        print("MPXJ does not recognise it as a project file of any tool it reads", file=sys.stderr)
        return 4
    props = project.getProjectProperties()
    if not props.getProjectTitle():  # MPXJ's writer would put its placeholder 'Project1' in the title
        name = str(props.getName() or "").strip()
        props.setProjectTitle(name if name and not name.lower().endswith(".xml") else Path(source).stem)
    try:
        writer_cls().write(project, target)
    except Exception as exc:  # noqa: BLE001 - any Java exception
        reason = " ".join(str(exc).split()) or type(exc).__name__
        print(f"MPXJ could not convert it to MS Project XML: {reason[:300]}", file=sys.stderr)
        return 5
    return 0


if __name__ == "__main__":  # pragma: no cover - run as a child process
    sys.exit(main(sys.argv[1:]))
