"""The report against the longest text a plan may hold (issue 11): linear-time shortening, no layout error
escaping as a crash, no ``.part`` left behind, and writing through a symbolic link."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from reportlab.platypus.doctemplate import LayoutError

import planner.report.builder as builder
from planner.model import limits
from planner.report import build_report
from planner.report.errors import ReportError
from planner.report.fonts import REGULAR, register_fonts
from tests.report.report_helpers import analysis_of, sample


def test_title_shortening_is_linear() -> None:
    register_fonts()
    start = time.perf_counter()
    short = builder._fit("W" * 2_000_000, REGULAR, 7.5, 400)
    assert time.perf_counter() - start < 2.0  # character by character this would take hours
    assert short.endswith("\u2026") and 10 < len(short) < 200
    from reportlab.pdfbase.pdfmetrics import stringWidth

    assert stringWidth(short, REGULAR, 7.5) <= 400
    assert stringWidth(short[:-1] + "W\u2026", REGULAR, 7.5) > 400  # the longest prefix that fits
    assert builder._fit("fits", REGULAR, 7.5, 400) == "fits"


def test_longest_allowed_texts_make_a_report(tmp_path: Path) -> None:
    plan = sample("insights-assistant")
    plan.title = "T" * limits.MAX_TITLE_CHARS
    for s in plan.stages:
        s.name = (("Stage " + s.id + " ") * 60)[: limits.MAX_NAME_CHARS]
    for t in plan.teams:
        t.name = "N" * limits.MAX_NAME_CHARS
    plan.decisions[0].title = "W" * limits.MAX_NAME_CHARS
    plan.decisions[0].notes = "word " * 5000
    out = build_report(analysis_of(plan), tmp_path / "long.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["long.pdf"]


def test_a_layout_error_is_a_report_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object) -> None:
        raise LayoutError("Flowable <Table> too large on page 3")

    monkeypatch.setattr(builder, "_build", fail)
    with pytest.raises(ReportError, match="could not be laid out"):
        build_report(analysis_of(sample("insights-assistant")), tmp_path / "r.pdf")
    assert list(tmp_path.iterdir()) == []  # no .part left behind


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_report_through_a_symlink_writes_its_target(tmp_path: Path) -> None:
    link = tmp_path / "latest.pdf"
    link.symlink_to("r1.pdf")
    build_report(analysis_of(sample("insights-assistant")), link, sections=["summary"])
    assert link.is_symlink() and (tmp_path / "r1.pdf").read_bytes().startswith(b"%PDF")
