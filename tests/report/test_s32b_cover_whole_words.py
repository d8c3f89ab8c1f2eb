"""The cover's tiles cut a decision's or a risk's title after a whole word (H-unseen32).

Every sample's cover cut its titles mid-word: '"Load-test scoring at 3x Black Friday pe…" is on the critical path',
'Conformity assessment of candidate screenin…', 'Plausible but wrong answers erode analyst t…'. The tiles now cut
with :func:`planner.report.sections.overview.cut_words`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.report.sections.overview import cut_words
from tests.report.report_helpers import analysis_of, make_report, normalise, sample


@pytest.mark.parametrize("name", ["fraud-detection", "insights-assistant"])
def test_s32b_cover_titles_are_cut_between_words(tmp_path: Path, name: str) -> None:
    plan = sample(name)
    words = {
        w
        for t in [*(d.title for d in plan.decisions), *(r.title for r in plan.risks)]
        for w in re.findall(r"\w+", t)
    }
    cover = normalise(make_report(analysis_of(plan), tmp_path / "r.pdf").pages[0])
    cuts = re.findall(r"(\w+)\u2026", cover)
    assert cuts, cover  # the sample's titles are long enough to be cut
    for cut in cuts:
        assert cut in words, (cut, cover)


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("Load-test scoring at 3x Black Friday peak with fail-open paths", 40),
        ("Plausible but wrong answers erode analyst trust", 44),
        ("x" * 90, 40),  # no space: cut at a character
        ("短い言葉ではない非常に長いタイトルで空白がありません" * 3, 20),
        ("A " + "verylongword" * 6, 40),  # the only space too early: cut at a character, not after 'A'
        ("Short title", 40),
    ],
)
def test_s32b_cut_words_keeps_whole_words_within_the_limit(text: str, limit: int) -> None:
    out = cut_words(text, limit)
    assert len(out) <= limit
    if len(text) <= limit:
        assert out == text
        return
    body = out.removesuffix("\u2026")
    assert out.endswith("\u2026") and text.startswith(body)
    assert len(body) >= limit // 2 - 1  # never shortened to a stub
    if " " in text[limit // 2 : limit]:
        assert text[len(body)] in " ,;:-\u2013", out  # after a whole word
