"""Files only MPXJ reads (.mpp, .pod, .planner, ...): the bridge runs a converter in a child process and imports the
MS Project XML it writes (planner/io/mpxj_bridge.py).

The suite cannot need Java, so the child is replaced by a stand-in interpreter (``PLANNER_MPXJ_PYTHON``, a shell
script) that behaves as the converter does: writes MS Project XML and exits 0, or exits 3/4/5 with its reason on
stderr. What is tested is the planner's side: choosing the bridge, reading its output through the MS Project XML
import, the report, and every failure's message. The real conversion runs in the optional test at the end
(``MPXJ_PYTHON``: a Python with mpxj and JPype1, and Java)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from planner.io import InteropError, import_file, import_format, mpxj_bridge

DATA = Path(__file__).parent / "data"
MSPDI = DATA / "delivery-4x8-mspdi.xml"
PLANNER_FILE = DATA / "mpxj-bridge" / "planner-sample.planner"


def fake_bridge(tmp_path: Path, body: str) -> str:
    """A stand-in for the converter's interpreter: a shell script called as ``PY SCRIPT IN OUT``."""
    exe = tmp_path / "fake-python"
    exe.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    return str(exe)


@pytest.fixture
def mpp(tmp_path: Path) -> Path:
    path = tmp_path / "client roadmap.mpp"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    )  # an OLE2 header, as a real .mpp starts
    return path


def test_without_mpxj_an_mpp_is_refused_with_both_ways_out(
    monkeypatch: pytest.MonkeyPatch, mpp: Path
) -> None:
    monkeypatch.delenv("PLANNER_MPXJ_PYTHON", raising=False)
    monkeypatch.setattr(mpxj_bridge, "bridge_python", lambda: None)
    with pytest.raises(InteropError) as err:
        import_format(mpp)
    text = str(err.value)
    assert "MS Project's own binary format (.mpp) cannot be imported" in text
    assert "File > Save As > XML Format" in text  # the way without installing anything
    assert "-m pip install 'mpxj>=13' 'jpype1>=1.5'" in text and "Java runtime" in text


def test_every_mpxj_suffix_is_routed_to_the_import_step_and_described() -> None:
    from planner.io import UNREADABLE_SUFFIXES
    from planner.ui.dialogs.interop import is_import_path

    for suffix, tool in mpxj_bridge.MPXJ_SUFFIXES.items():
        assert suffix in UNREADABLE_SUFFIXES, suffix
        assert is_import_path(f"/plans/x{suffix}"), suffix
        assert mpxj_bridge.describe(f"x{suffix.upper()}") == f"a {tool} file ({suffix})"


def test_the_bridges_output_is_imported_as_ms_project_xml(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, mpp: Path
) -> None:
    monkeypatch.setenv("PLANNER_MPXJ_PYTHON", fake_bridge(tmp_path, f'cp "{MSPDI}" "$3"'))
    assert import_format(mpp) == "mpxj"
    plan, report = import_file(mpp)
    direct, _ = import_file(MSPDI)
    assert [(d.id, d.title, d.duration) for d in plan.decisions] == [
        (d.id, d.title, d.duration) for d in direct.decisions
    ]
    assert plan.dependencies == direct.dependencies
    assert (
        report.format == "MS Project, read through MPXJ"
    )  # another interpreter: its MPXJ version is not known
    assert report.summary().endswith(f"from {mpp.name} (MS Project, read through MPXJ).")


def test_the_converter_is_given_the_file_and_a_place_to_write(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, mpp: Path
) -> None:
    seen = tmp_path / "args.txt"
    body = f'printf "%s\\n" "$@" > "{seen}"; cp "{MSPDI}" "$3"'
    monkeypatch.setenv("PLANNER_MPXJ_PYTHON", fake_bridge(tmp_path, body))
    import_file(mpp, "mpxj")
    script, source, target = seen.read_text(encoding="utf-8").splitlines()
    assert Path(script).name == "mpxj_convert.py" and Path(script).is_file()
    assert source == str(mpp)
    assert not Path(target).exists()  # the temporary folder is gone after the import


@pytest.mark.parametrize(
    ("code", "reason", "expected"),
    [
        (
            3,
            "no Java runtime could be started (JVMNotFoundException: No JVM shared library file found)",
            "a MS Project file (.mpp) is read through MPXJ, but no Java runtime could be started",
        ),
        (4, "MPXJ does not recognise it", "is not a project file MPXJ can read (MPXJ does not recognise it)"),
        (5, "MPXJ could not read it: File is password protected", "MPXJ could not read it: File is password"),
        (
            9,
            "java.lang.OutOfMemoryError: Java heap space",
            "the MPXJ converter stopped (exit code 9): java.lang.OutOfMemoryError: Java heap space",
        ),
    ],
)
def test_a_failing_conversion_says_why_and_what_to_do(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, mpp: Path, code: int, reason: str, expected: str
) -> None:
    body = f'echo "at org.mpxj.Reader(Reader.java:12)" >&2; echo "{reason}" >&2; exit {code}'
    monkeypatch.setenv("PLANNER_MPXJ_PYTHON", fake_bridge(tmp_path, body))
    with pytest.raises(InteropError) as err:
        import_file(mpp)
    text = str(err.value)
    assert text.startswith(f"{mpp}: ") and expected in text
    assert "Reader.java" not in text  # the reason is the last line, not the stack above it
    assert ";" in text  # a hint follows: what to do


def test_a_converter_that_hangs_is_stopped(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, mpp: Path
) -> None:
    monkeypatch.setenv("PLANNER_MPXJ_PYTHON", fake_bridge(tmp_path, "sleep 30"))
    monkeypatch.setattr(mpxj_bridge, "TIMEOUT_SECONDS", 1)
    with pytest.raises(InteropError, match="MPXJ took more than 1 s to read it"):
        import_file(mpp)


def test_a_missing_bridge_interpreter_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, mpp: Path
) -> None:
    monkeypatch.setenv("PLANNER_MPXJ_PYTHON", str(tmp_path / "no-such-python"))
    with pytest.raises(InteropError, match="the MPXJ bridge could not be started .*PLANNER_MPXJ_PYTHON"):
        import_file(mpp)


def test_a_missing_file_is_refused_before_any_conversion(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    ran = tmp_path / "ran"
    monkeypatch.setenv("PLANNER_MPXJ_PYTHON", fake_bridge(tmp_path, f'touch "{ran}"'))
    with pytest.raises(InteropError, match="no such file"):
        import_file(tmp_path / "gone.mpp")
    assert not ran.exists()


def test_cli_import_of_an_mpp_without_mpxj_exits_2_and_writes_nothing(tmp_path: Path, mpp: Path) -> None:
    out = tmp_path / "out.plan.json"
    env = {k: v for k, v in os.environ.items() if k != "PLANNER_MPXJ_PYTHON"}
    env["PLANNER_MPXJ_PYTHON"] = str(tmp_path / "absent")  # a bridge that cannot start, whatever is installed
    done = subprocess.run(
        [sys.executable, "-m", "planner", "import", str(mpp), "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "could not be started" in done.stderr
    assert not out.exists()


@pytest.mark.skipif(
    not os.environ.get("MPXJ_PYTHON") or shutil.which("java") is None,
    reason="optional: set MPXJ_PYTHON to a Python with mpxj and JPype1 (and install Java) to convert with MPXJ",
)
def test_a_gnome_planner_file_through_real_mpxj(monkeypatch: pytest.MonkeyPatch) -> None:
    """MPXJ's own test file (junit/data/planner-sample.planner): two tasks of 80 hours' work on a 40-hour week,
    the second after the first (FS): 2 weeks each, finishing at week 4."""
    from planner.analysis import analyze

    monkeypatch.setenv("PLANNER_MPXJ_PYTHON", os.environ["MPXJ_PYTHON"])
    plan, report = import_file(PLANNER_FILE)
    assert plan.title == "Name"  # the project's name (MPXJ would have written its placeholder 'Project1')
    assert [(d.title, d.duration) for d in plan.decisions] == [("Task One", 2.0), ("Task Two", 2.0)]
    assert [(d.from_, d.to, d.type.value) for d in plan.dependencies] == [("task-one", "task-two", "FS")]
    assert report.format.startswith("GNOME Planner, read through MPXJ")
    schedule = analyze(plan).schedule
    assert schedule is not None and schedule.finish == pytest.approx(4.0)


def test_a_conversion_too_large_to_import_is_said_of_the_users_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, mpp: Path
) -> None:
    from planner.io import common

    monkeypatch.setenv("PLANNER_MPXJ_PYTHON", fake_bridge(tmp_path, f'cp "{MSPDI}" "$3"'))
    monkeypatch.setattr(common, "MAX_IMPORT_BYTES", MSPDI.stat().st_size - 1)
    monkeypatch.setattr(
        mpxj_bridge, "read_limited", lambda p: common.read_limited(p, common.MAX_IMPORT_BYTES)
    )
    with pytest.raises(InteropError) as err:
        import_file(mpp)
    text = str(err.value)
    assert text.startswith(f"{mpp}: converted to MS Project XML, ") and "planner-mpxj-" not in text


def test_no_bridge_where_the_converter_is_not_shipped(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A bundled app (PyInstaller ships bytecode, not the converter's script) has no bridge, even with
    PLANNER_MPXJ_PYTHON set: the refusal with both ways out, not a child that cannot find its script."""
    monkeypatch.setenv("PLANNER_MPXJ_PYTHON", fake_bridge(tmp_path, "exit 0"))
    monkeypatch.setattr(mpxj_bridge, "CONVERTER", tmp_path / "missing" / "mpxj_convert.py")
    assert not mpxj_bridge.available()
    with pytest.raises(InteropError, match="cannot be imported; in MS Project"):
        import_format(tmp_path / "x.mpp")
