"""The hints for the optional extras (exact levelling's OR-Tools, the MPXJ bridge) said `pip install
'scaling-roadmap-planner[exact]'`: the planner is installed from a copy, not from the package index, where that name
is not published (pip: 'No matching distribution'; and anyone could register it). They now name the packages
themselves, installed with the planner's own Python, and those are the extras pyproject.toml declares."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

from planner.analysis import levelling_exact
from planner.io import mpxj_bridge

ROOT = Path(__file__).resolve().parents[1]


def _extras() -> dict[str, list[str]]:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return dict(tomllib.load(f)["project"]["optional-dependencies"])


def test_the_hints_name_the_extras_packages() -> None:
    extras = _extras()
    assert list(levelling_exact.EXACT_REQUIREMENTS) == extras["exact"]
    assert list(mpxj_bridge.MPXJ_REQUIREMENTS) == extras["mpxj"]


def test_the_hints_install_into_the_planners_python(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    for hint in (levelling_exact.install_hint(), mpxj_bridge.INSTALL_HINT):
        assert f"{sys.executable} -m pip install " in hint, hint
        assert "scaling-roadmap-planner[" not in hint, hint
