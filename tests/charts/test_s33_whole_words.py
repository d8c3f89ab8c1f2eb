"""A chart label shortened to fit ends after a whole word (H-report33).

``style.fit_line`` cut at the last character that fitted: 'Review hours saved and choo…' on the insights
sample's Gantt, a stub a board reader took for a word. It now ends after the last whole word that fits; a single
word longer than half of what fits (a long name, a script without spaces) is still cut inside it."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from planner.charts import style

TITLE = "Review hours saved and choose the next domains"


def test_a_title_ends_after_a_whole_word() -> None:
    for width in (1.0, 1.6, 2.2):
        shown = style.fit_line(TITLE, width, 9.0)
        head = shown.removesuffix("\u2026")
        assert shown.endswith("\u2026") and TITLE.startswith(head) and TITLE[len(head)] == " ", shown
        assert style.measured_width_in(shown, 9.0) <= width


def test_a_long_word_or_a_script_without_spaces_is_still_cut() -> None:
    word = "Supercalifragilisticexpialidocious-onboarding"
    shown = style.fit_line(f"1 \u00b7 {word}", 1.2, 9.0)
    assert shown.startswith("1 \u00b7 Super") and shown.endswith("\u2026")
    thai = "การประเมินความเสี่ยงของระบบปัญญาประดิษฐ์ก่อนใช้งานจริง"
    cut = style.fit_line(thai, 1.0, 9.0)
    assert len(cut) > 5 and thai.startswith(cut.removesuffix("\u2026"))


def test_no_dangling_punctuation_before_the_ellipsis() -> None:
    shown = style.fit_line("Stage 1: Discovery, design and build of the pilot", 1.35, 9.0)
    assert not shown.removesuffix("\u2026").endswith((",", ":", " ", "-")), shown


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("abcdefgWMil  ,-·漢")), max_size=60),
    width=st.floats(0.2, 3.0),
)
@example(text="a" * 40, width=0.2)
def test_fitted_labels_fit_and_keep_a_prefix(text: str, width: float) -> None:
    shown = style.fit_line(text, width, 8.0)
    if shown == text:
        return
    assert shown.endswith("\u2026") and text.startswith(shown.removesuffix("\u2026").rstrip(" ,·-"))
    # at least one character is kept; beyond that it fits
    assert len(shown) == 2 or style.measured_width_in(shown, 8.0) <= width
