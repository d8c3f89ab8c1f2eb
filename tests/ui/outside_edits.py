"""What another program does to the open plan file in the file-changed tests: a colleague's commit pulled by git
(a new file renamed over the old one, as git and most editors write)."""

from __future__ import annotations

import json
import os
from pathlib import Path


def colleague_edits(path: Path, index: int, **fields: object) -> None:
    """Set ``fields`` of the plan file's decision number ``index``, written as git writes a pulled file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["decisions"][index].update(fields)
    tmp = path.with_name("outside.tmp")
    tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
    os.replace(tmp, path)
