"""A non-editable install (`pip install .`, the wheel) carries only the data files that pyproject's package-data
names; an editable install finds every file in the tree, so a data file outside those patterns (a new resource
folder, a template in another format, a font) works in CI and in development and is missing on a user's machine.
The wheel build itself is slow (tests/test_wheel.py); this checks the patterns against the tree, as setuptools
expands them."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "planner"


def _package_data_patterns() -> list[str]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns: list[str] = config["tool"]["setuptools"]["package-data"]["planner"]
    return patterns


def _data_files() -> set[str]:
    """Every file of the package that is not Python source or bytecode."""
    return {
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".py", ".pyc")
    }


def test_package_data_names_every_data_file_of_the_package() -> None:
    shipped = {
        p.relative_to(PACKAGE).as_posix()
        for pattern in _package_data_patterns()
        for p in PACKAGE.glob(pattern)
        if p.is_file()
    }
    files = _data_files()
    assert files, "no data files found: the package layout changed"
    assert files - shipped == set(), "add these to [tool.setuptools.package-data] in pyproject.toml"


def test_the_resources_the_code_opens_are_among_them() -> None:
    # What the planner reads at run time from its own package (templates, schema, sample, frameworks, desktop files)
    files = _data_files()
    for folder in ("templates", "resources", "resources/frameworks", "resources/desktop"):
        assert any(f.startswith(folder + "/") for f in files), folder
    assert {"resources/plan.schema.v1.json", "resources/sample.plan.json"} <= files
