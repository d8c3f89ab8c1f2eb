"""The examples in the planner.analysis docstrings run (networkx style)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import planner.analysis

MODULES = sorted(
    [planner.analysis.__name__]
    + [info.name for info in pkgutil.walk_packages(planner.analysis.__path__, prefix="planner.analysis.")]
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
