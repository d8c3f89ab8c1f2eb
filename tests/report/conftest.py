"""Reports built once per session (building and reading a report takes a second or two)."""

from __future__ import annotations

import pytest

from tests.report.report_helpers import Report, analysis_of, generated_plan, make_report, sample


@pytest.fixture(scope="session")
def bank_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return make_report(analysis_of(sample("bank-assistant")), tmp_path_factory.mktemp("r") / "bank.pdf")


@pytest.fixture(scope="session")
def small_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return make_report(analysis_of(sample("insights-assistant")), tmp_path_factory.mktemp("r") / "small.pdf")


@pytest.fixture(scope="session")
def big_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return make_report(analysis_of(generated_plan(150)), tmp_path_factory.mktemp("r") / "big.pdf")
