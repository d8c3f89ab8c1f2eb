"""A damaged spreadsheet through `planner import` (H-unseen21, found by benchmarks/fuzz_mutate.py seed 22929): a
workbook whose sheet list has a sheet without its link made openpyxl warn on stderr, before the import's own words,
with its source path ('.../openpyxl/reader/workbook.py:84: UserWarning: File contains an invalid specification for
0. This will be removed' and 'warn(msg)'). The command line passes such reader warnings over (planner/cli.py);
what the import could read is imported, and what it could not is said in its own words."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

from planner.model import load_plan
from tests.test_s18_unseen_one_truth import run


def damaged_workbook(path: Path) -> None:
    """A workbook of two decisions whose sheet list also names a sheet with no link (no r:id)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Decisions"
    ws.append(["id", "title", "duration"])
    ws.append(["a", "First", 2])
    ws.append(["b", "Second", 3])
    buf = io.BytesIO()
    wb.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zin, zipfile.ZipFile(out, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == "xl/workbook.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<sheet [^>]*/>)", r'\1<sheet name="Lost" sheetId="9"/>', text, count=1)
                data = text.encode("utf-8")
            zout.writestr(name, data)
    path.write_bytes(out.getvalue())


def test_a_readers_warning_is_not_shown(tmp_path: Path) -> None:
    src = tmp_path / "damaged.xlsx"
    damaged_workbook(src)
    out = tmp_path / "out.plan.json"
    rc, text, err = run(["import", str(src), "-o", str(out)])
    assert "Warning" not in err and "warn(msg)" not in err and "site-packages" not in err, err
    assert rc == 0, err
    assert out.exists()
    plan = load_plan(out)
    assert [(d.id, d.title, d.duration) for d in plan.decisions] == [
        ("a", "First", 2.0),
        ("b", "Second", 3.0),
    ]
