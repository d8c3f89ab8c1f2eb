"""Files users try to import that the planner cannot read (MS Project's binary .mpp, ProjectLibre's .pod, old Excel,
LibreOffice, a plan file itself) get a message saying what the file is and what to do, not "give --format": the
tool that wrote the file can save it in a format the import reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import main
from planner.io import InteropError, import_file


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("plan.mpp", "File > Save As > XML Format (*.xml)"),
        ("plan.MPP", "MS Project's own binary format (.mpp)"),
        # .mpx is read (planner.io.mpx); an .mpp renamed .mpx is told apart by its bytes and gets the .mpp advice
        (
            "plan.mpx",
            "binary MS Project file (.mpp) with an .mpx name, not the MPX exchange format; in MS Project, "
            "File > Save As > XML Format (*.xml)",
        ),
        ("plan.pod", "in ProjectLibre, File > Save As > MS Project XML"),
        # .xls is read (planner.io.xls): these bytes are a damaged one, and the message says so
        ("plan.xls", "cannot be read as an Excel 97-2003 workbook"),
        # .ods is read (planner.io.ods): these bytes are no zip, and the message says so
        ("plan.ods", "is not an .ods spreadsheet (not a zip archive)"),
        ("roadmap.plan.json", "needs no import: open it"),
    ],
)
@pytest.mark.usefixtures("without_mpxj")  # the message of a machine without MPXJ (CI's)
def test_the_message_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, says: str
) -> None:
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 not read")
    with pytest.raises(InteropError) as info:
        import_file(path)
    assert says in str(info.value)
    out = tmp_path / "out.plan.json"
    assert main(["import", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err and "--format" not in err
    assert not out.exists()
