"""The core never imports Qt, and nothing in planner/ imports matplotlib.pyplot (SPEC §5, STYLE)."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import planner

PLANNER_DIR = Path(planner.__file__).resolve().parent
CORE_PACKAGES = ("model", "analysis", "charts", "report", "io")


def test_importing_the_core_does_not_load_qt() -> None:
    # A fresh interpreter, so that nothing the test session imported (pytest-qt, the GUI tests) can mask an import.
    script = textwrap.dedent(
        f"""
        import importlib, pkgutil, sys
        imported = []
        for name in {[f"planner.{p}" for p in CORE_PACKAGES]!r}:
            pkg = importlib.import_module(name)
            imported.append(name)
            for info in pkgutil.walk_packages(pkg.__path__, prefix=name + "."):
                importlib.import_module(info.name)
                imported.append(info.name)
        qt = sorted(m for m in sys.modules if m == "PySide6" or m.startswith("PySide6.") or m == "planner.ui"
                    or m.startswith("planner.ui."))
        assert not qt, f"the core imported Qt: {{qt}}"
        assert "matplotlib.pyplot" not in sys.modules, "the core imported matplotlib.pyplot"
        print(len(imported))
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.strip()) >= 10  # model and analysis alone have 10 modules


def python_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import in ``path``, including ``from x import y`` as ``x.y`` and
    ``importlib.import_module("...")`` / ``__import__("...")`` with a literal name."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            fname = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if fname in {"import_module", "__import__"} and isinstance(node.args[0].value, str):
                found.append((node.lineno, node.args[0].value))
    return found


def is_module(name: str, banned: str) -> bool:
    return name == banned or name.startswith(banned + ".")


@pytest.mark.parametrize("package", CORE_PACKAGES)
def test_no_qt_import_in_core_sources(package: str) -> None:
    bad = [
        f"{path.relative_to(PLANNER_DIR.parent)}:{line}: imports {name}"
        for path in python_files(PLANNER_DIR / package)
        for line, name in imported_modules(path)
        if is_module(name, "PySide6") or is_module(name, "planner.ui")
    ]
    assert not bad, "the core must not import Qt:\n" + "\n".join(bad)


def test_no_pyplot_anywhere_in_planner() -> None:
    files = python_files(PLANNER_DIR)
    assert len(files) >= 15
    bad = [
        f"{path.relative_to(PLANNER_DIR.parent)}:{line}: imports {name}"
        for path in files
        for line, name in imported_modules(path)
        if is_module(name, "matplotlib.pyplot") or name == "pylab"
    ]
    assert not bad, "draw on a matplotlib.figure.Figure you are given, never pyplot:\n" + "\n".join(bad)


def test_the_checker_sees_what_it_must(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import PySide6.QtWidgets\n"
        "from matplotlib import pyplot as plt\n"
        "import importlib\n"
        "importlib.import_module('PySide6.QtCore')\n",
        encoding="utf-8",
    )
    names = [name for _, name in imported_modules(sample)]
    assert "PySide6.QtWidgets" in names
    assert "matplotlib.pyplot" in names
    assert names.count("PySide6.QtCore") == 1
