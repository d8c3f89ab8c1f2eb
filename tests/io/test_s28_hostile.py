"""Hostile versions of this session's files (tests/io/data/s28): cut, re-encoded, with a BOM or other line ends,
repeated ids, links to tasks that are not there, loops. One clear refusal (exit 2 on the command line) or an import
with a report; never a traceback.

Two were not clear before: an MS Project XML file in which two tasks have one UID (a generated or hand-edited
file) gave the second task's links to the first ('a task linked to itself; dropped', 'names a task that is not in
the file') and never said why; and a file saved in Windows-1252 under a UTF-8 declaration was refused with 'is the
file complete?', which sends the user looking for the wrong problem."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from planner.cli import main
from planner.io import InteropError, import_file

DATA = Path(__file__).parent / "data" / "s28"
MSP = DATA / "msproject365-relaunch.xml"
XER = DATA / "p6-multi-project-exported-second.xer"


def _damaged(raw: bytes) -> dict[str, bytes]:
    text_ok = True
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text, text_ok = raw.decode("cp1252"), False
    out = {f"cut at {k}/7": raw[: len(raw) * k // 7] for k in range(1, 7)}
    out["bom"] = b"\xef\xbb\xbf" + text.encode("utf-8")
    out["lf"] = raw.replace(b"\r\n", b"\n")
    out["cr"] = raw.replace(b"\r\n", b"\r")
    out["doubled"] = raw + raw
    out["nul"] = raw[: len(raw) // 2] + b"\x00" + raw[len(raw) // 2 :]
    if text_ok:
        out["cp1252"] = text.encode("cp1252", errors="replace")
    out["utf-16"] = text.encode("utf-16")
    out["digits"] = re.sub(rb"\d{2,}", b"99999999999999999999", raw, count=40)
    return out


CASES = [(path, name, data) for path in (MSP, XER) for name, data in _damaged(path.read_bytes()).items()]


@pytest.mark.parametrize(("path", "name", "data"), CASES, ids=[f"{p.suffix}-{n}" for p, n, _ in CASES])
def test_a_damaged_file_is_refused_clearly_or_imported_with_a_report(
    tmp_path: Path, path: Path, name: str, data: bytes
) -> None:
    target = tmp_path / f"damaged{path.suffix}"
    target.write_bytes(data)
    try:
        plan, report = import_file(target)
    except InteropError as exc:
        assert str(exc).startswith(str(target)) and "Traceback" not in str(exc)
        return
    assert plan.decisions or report.items


def test_the_command_line_refuses_with_exit_2(tmp_path: Path) -> None:
    target = tmp_path / "cut.xml"
    target.write_bytes(MSP.read_bytes()[:5000])
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["import", str(target), "-o", str(tmp_path / "out.plan.json")])
    assert code == 2
    assert "Traceback" not in err.getvalue() and str(target) in err.getvalue()


def test_two_tasks_with_one_uid_are_both_carried_and_said(tmp_path: Path) -> None:
    """'Migrate content' (UID 13) written with 'Set up CMS''s UID 12: both stay, its own link from 'Set up CMS'
    (SS + 1 week) stays, and the report names it."""
    target = tmp_path / "same-uid.xml"
    target.write_bytes(MSP.read_bytes().replace(b"<UID>13</UID>", b"<UID>12</UID>"))
    plan, report = import_file(target)
    titles = {d.id: d.title for d in plan.decisions}
    assert {"Set up CMS", "Migrate content"} <= set(titles.values())
    links = {(titles[d.from_], titles[d.to]): (str(d.type), d.lag) for d in plan.dependencies}
    assert links[("Set up CMS", "Migrate content")] == ("SS", pytest.approx(1))
    text = report.text()
    assert "linked to itself" not in text
    assert (
        "1 task (UID 12 'Migrate content') repeats the UID of an earlier task: it is carried, and the links and "
        "assignments naming that UID go to the first"
    ) in text


def test_windows_1252_under_a_utf8_declaration_says_the_encoding(tmp_path: Path) -> None:
    target = tmp_path / "saved-by-an-editor.xml"
    text = MSP.read_bytes().decode("utf-8").replace("Website relaunch", "Relance du site (été)")
    target.write_bytes(text.encode("cp1252", errors="replace"))
    with pytest.raises(InteropError) as caught:
        import_file(target)
    message = str(caught.value)
    assert "text encoding" in message and "complete?" not in message
