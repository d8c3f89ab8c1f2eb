"""The roadmap's decision titles, shortened to fit their lane, end after a whole word (H-report33).

A twelve-stage plan's roadmap on a portrait page read 'Stand up the labelled evaluati…', 'Train adjusters on the
triag…', 'Agree the success metric w…': the lane titles were cut at the last character that fitted
(roadmap._fit_chars). They now end after the last whole word that fits (roadmap._fit_words); a title that fits
is whole."""

from __future__ import annotations

from matplotlib.figure import Figure

from planner.analysis import analyze
from planner.charts import draw_roadmap
from planner.charts.roadmap import _fit_chars, _fit_words, text_in
from planner.model import plan_from_dict
from tests.unseen_plans import _base, _d

TITLES = [
    "Stand up the labelled evaluation set",
    "Train adjusters on the triage assistant",
    "Agree the success metric with the claims director",
    "Wire the assistant into the case management system",
]


def test_fit_words_ends_after_a_word_and_fits() -> None:
    for title in TITLES:
        for width in (1.1, 1.4, 1.9):  # (narrower: a word over half the room is cut inside, by the one rule)
            chars, words = _fit_chars(title, width, 7.0), _fit_words(title, width, 7.0)
            if chars == title:
                assert words == title
                continue
            head = words.removesuffix("\u2026")
            assert title.startswith(head) and title[len(head)] == " ", words
            assert text_in(words, 7.0) <= width


def test_the_lanes_cut_no_title_inside_a_word() -> None:
    ds = [_d(i, ["validate", "integrate"][i % 2], duration=1 + i % 3, title=TITLES[i % 4]) for i in range(32)]
    deps = [{"from": f"d{i:04d}", "to": f"d{i + 4:04d}"} for i in range(28)]
    fig = Figure(figsize=(6.85, 8.9), dpi=72)
    draw_roadmap(fig, analyze(plan_from_dict(_base("Lanes", decisions=ds, dependencies=deps))))
    cut = [t.get_text() for t in fig.axes[0].texts if t.get_text().endswith("\u2026")]
    cut = [c for c in cut if any(x.startswith(c[:-1]) for x in TITLES)]
    assert cut  # some titles are shortened on a portrait page
    for c in cut:
        head = c.removesuffix("\u2026")
        full = next(x for x in TITLES if x.startswith(head))
        assert full[len(head)] == " ", c
