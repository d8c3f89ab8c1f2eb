"""`pip install .` on a fresh machine takes the newest setuptools (build isolation). It warned, on every build,
that the licence written as a table (``license = { text = "Proprietary" }``) is refused from 2027-02-18: from then
on a fresh install would not build at all. The project's configuration is read here by setuptools itself, with its
warnings as errors, and the About box still says "Proprietary" for the SPDX form."""

from __future__ import annotations

import tomllib
import warnings
from pathlib import Path

import pytest

from planner import desktop

REPO = Path(__file__).resolve().parents[1]


def test_setuptools_reads_the_project_without_a_deprecation(monkeypatch: pytest.MonkeyPatch) -> None:
    from setuptools.config.pyprojecttoml import apply_configuration
    from setuptools.dist import Distribution

    monkeypatch.chdir(REPO)  # as a build runs: from the project folder (the readme is found there)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dist = apply_configuration(Distribution(), REPO / "pyproject.toml")
    assert dist.metadata.license_expression == "LicenseRef-Proprietary"
    assert desktop.shown_licence(dist.metadata.license_expression) == "Proprietary"


def test_the_build_asks_for_a_setuptools_that_reads_that_licence() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = {
        "build-system": config["build-system"]["requires"],
        # tests/test_wheel.py builds without isolation, with the test environment's setuptools
        "test extra": config["project"]["optional-dependencies"]["test"],
    }
    for where, requirements in wanted.items():
        pins = [r for r in requirements if r.startswith("setuptools")]
        assert pins == ["setuptools>=77"], (where, pins)


@pytest.mark.parametrize(
    ("declared", "shown"),
    [
        ("LicenseRef-Proprietary", "Proprietary"),
        ("Proprietary", "Proprietary"),  # an install made before (the License field)
        ("MIT OR LicenseRef-Custom", "MIT OR Custom"),
        ("Apache-2.0", "Apache-2.0"),
    ],
)
def test_the_licence_is_shown_by_its_name(declared: str, shown: str) -> None:
    assert desktop.shown_licence(declared) == shown
