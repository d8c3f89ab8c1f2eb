"""The roadmap's title fitting (``_fit_chars``, from prefix sums of the font's advances) against its definition:
the longest ``style.ellipsize`` of the title that ``style.measured_width_in`` says fits, tried prefix by prefix."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.charts import style
from planner.charts.roadmap import _fit_chars, text_in


def _by_definition(text: str, width_in: float, size_pt: float, bold: bool) -> str:
    text = " ".join(text.split())
    if style.measured_width_in(text, size_pt, bold=bold) <= width_in:
        return text
    best = 1
    for k in range(1, len(text) + 1):
        if style.measured_width_in(style.ellipsize(text, k), size_pt, bold=bold) <= width_in:
            best = k
    return style.ellipsize(text, best)


TEXT = st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyz  WMil.,-()'éü漢字")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(
    text=TEXT,
    width_in=st.floats(0.05, 4.0),
    size_pt=st.sampled_from([6.0, 6.5, 7.0, 7.5, 8.0, 9.0, 10.0]),
    bold=st.booleans(),
)
def test_fit_chars_is_the_longest_ellipsis_that_fits(
    text: str, width_in: float, size_pt: float, bold: bool
) -> None:
    assert _fit_chars(text, width_in, size_pt, bold) == _by_definition(text, width_in, size_pt, bold)
    assert text_in(text, size_pt, bold) == style.measured_width_in(text, size_pt, bold=bold)


def test_a_hand_checked_title() -> None:
    title = "Decouple the foundation model behind an inference service"
    fitted = _fit_chars(title, 1.5, 8.0)
    assert fitted.endswith("\u2026") and title.startswith(fitted[:-1].rstrip())
    assert text_in(fitted, 8.0) <= 1.5 < text_in(style.ellipsize(title, len(fitted) + 1), 8.0)


@settings(max_examples=200, deadline=None)
@given(text=TEXT, k=st.integers(1, 80), size_pt=st.sampled_from([6.0, 7.5, 8.0, 9.0]), bold=st.booleans())
def test_at_the_exact_width_of_an_ellipsis(text: str, k: int, size_pt: float, bold: bool) -> None:
    # a width that is exactly what one of the candidate titles measures: the boundary, to the last bit
    width_in = style.measured_width_in(style.ellipsize(" ".join(text.split()), k), size_pt, bold=bold)
    assert _fit_chars(text, width_in, size_pt, bold) == _by_definition(text, width_in, size_pt, bold)
