"""The cover gives the plan's description whole where it has room, and cuts a long one after a word.

Before: a count of 220 characters (320 in portrait) cut the bank sample's description (297 characters, under three
lines of a landscape cover) mid-word, 'GDPR and the EU AI Act transparenc…', leaving out its point, 'Governance and
compliance work is on the critical path.'"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.analysis import analyze
from planner.model import plan_from_dict
from planner.report import build_report

BANK = Path(__file__).resolve().parents[2] / "sample_plans" / "bank-assistant.plan.json"


def _cover(tmp_path: Path, description: str, orientation: str) -> tuple[str, int]:
    d = json.loads(BANK.read_text(encoding="utf-8"))
    d["description"] = description
    out = tmp_path / f"c-{orientation}.pdf"
    build_report(analyze(plan_from_dict(d, "<s32>")), out, sections=["cover"], orientation=orientation)
    pages = PdfReader(out).pages
    return " ".join((pages[0].extract_text() or "").split()), len(pages)


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_the_samples_description_is_whole(tmp_path: Path, orientation: str) -> None:
    description = json.loads(BANK.read_text(encoding="utf-8"))["description"]
    text, pages = _cover(tmp_path, description, orientation)
    assert description in text and pages == 1


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_a_long_description_is_cut_after_a_word(tmp_path: Path, orientation: str) -> None:
    words = [f"word{k}" for k in range(400)]
    text, pages = _cover(tmp_path, " ".join(words), orientation)
    assert pages == 1
    shown = text[text.index("word0") :].split("\u2026")[0].split(" ")
    assert len(shown) > 20 and shown == words[: len(shown)]  # whole words, in order, then the ellipsis


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_a_long_description_without_spaces_keeps_the_cover_one_page(tmp_path: Path, orientation: str) -> None:
    text, pages = _cover(tmp_path, "\u6f22\u5b57\u30c6\u30b9\u30c8" * 300, orientation)  # CJK: no spaces
    assert pages == 1
    assert "\u2026" in text
