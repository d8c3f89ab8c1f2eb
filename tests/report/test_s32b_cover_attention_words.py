"""The cover's 'Needs the board's attention' tile cuts its reason between words (H-unseen32).

A blocked decision on the critical path read '"Decide cicd" is blocked and on the critical path: every w…' on the
cover: the reason was cut at 48 characters, mid-word, leaving one letter on a line of its own. The tile now gives
the reason's headline (before its colon) when the whole does not fit, else the words that fit, then the ellipsis.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.analysis import board
from planner.model import plan_from_dict
from planner.report.sections.overview import cover_reason
from tests.report.report_helpers import analysis_of, make_report, normalise


def _plan(blocked: bool, inverted: bool) -> dict[str, object]:
    stages = [{"id": s, "name": s.title()} for s in ("validate", "integrate", "operationalize", "scale")]
    decisions = [
        {"id": "value", "title": "Agree the value case", "stage": "validate", "duration": 2},
        {
            "id": "cicd",
            "title": "Decide cicd",
            "stage": "operationalize",
            "duration": 4,
            "status": "blocked" if blocked else "not_started",
        },
        {"id": "live", "title": "Go live", "stage": "integrate" if inverted else "scale", "duration": 1},
    ]
    deps = [{"from": "value", "to": "cicd"}, {"from": "cicd", "to": "live"}]
    return {
        "schema_version": 1,
        "title": "Tile words",
        "stages": stages,
        "decisions": decisions,
        "dependencies": deps,
    }


@pytest.mark.parametrize(("blocked", "inverted"), [(True, False), (False, True), (True, True)])
def test_s32b_cover_tile_cuts_the_reason_between_words(tmp_path: Path, blocked: bool, inverted: bool) -> None:
    analysis = analysis_of(plan_from_dict(_plan(blocked, inverted)))
    asks = board.attention(analysis.plan, analysis, None, None)
    assert asks
    words = {w for a in asks for r in a.reasons for w in re.findall(r"\w+", r)}
    cover = normalise(make_report(analysis, tmp_path / "r.pdf").pages[0])
    # every word the tile shows is whole: the one before an ellipsis is one of the reason's words
    for cut in re.findall(r"(\w+)\u2026", cover):
        assert cut in words, (cut, cover)
    if blocked:
        assert "\u201cDecide cicd\u201d is blocked and on the critical path" in cover, cover
        assert "every w\u2026" not in cover


@pytest.mark.parametrize(
    "reason",
    [
        "it is on the critical path",
        "it is blocked and on the critical path: every week it stays blocked moves the finish",
        "it is planned in Validate, but a dependency that runs backwards between stages puts it behind Scale work",
        "it is blocked, with 3 weeks of float left",
        "x" * 80,
        "risk \u201cVendor: the model provider slips its EU region launch\u201d bears on it",
    ],
)
def test_s32b_cover_reason_is_whole_words_within_the_limit(reason: str) -> None:
    out = cover_reason(reason, 48)
    assert len(out) <= 48
    if len(reason) <= 48:
        assert out == reason
    else:
        body = out.rstrip("\u2026")
        assert reason.startswith(body)
        # cut at a word's end (or the whole of a too-long word's start, never mid-word otherwise)
        assert out.endswith("\u2026") or reason[len(body)] in ":;,. ", (out, reason)
        if " " in reason[:48]:
            assert reason[len(body)] in ":;,. ", (out, reason)
        assert body.count("\u201c") == body.count("\u201d") or out.endswith("\u2026"), (
            out
        )  # no name cut unmarked
