"""The examples in the docstrings of the core (planner.analysis, model, io, charts, report, commands and units) run
(networkx style): an example in a docstring is a promise a reader relies on. Before session 28 only planner.analysis's
ran; the others' could go stale unseen. The desktop app (planner.ui) is left out: its examples would need a Qt app."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import planner

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(planner.__path__, prefix="planner.")
    if not info.name.startswith(("planner.ui", "planner.__main__"))
)


@pytest.mark.parametrize("module_name", MODULES)
def test_docstring_examples(module_name: str) -> None:
    module = importlib.import_module(module_name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in finder.find(module, module_name):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, (
        f"{result.failed} of {result.attempted} doctest examples failed in {module_name}"
    )


def test_the_core_modules_have_examples() -> None:
    finder = doctest.DocTestFinder(exclude_empty=True)
    for name in ("schedule", "validation", "explain"):
        module = importlib.import_module(f"planner.analysis.{name}")
        assert sum(len(t.examples) for t in finder.find(module)) > 0, name


def test_more_than_the_analysis_is_covered() -> None:
    finder = doctest.DocTestFinder(exclude_empty=True)
    for name in ("planner.units", "planner.model.io", "planner.model.scenarios"):
        module = importlib.import_module(name)
        assert sum(len(t.examples) for t in finder.find(module)) > 0, name
