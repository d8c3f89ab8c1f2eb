"""The app on the screens consultants meet in workshops and had not been tried: a 1366x768 laptop, a 1920x1080
laptop at 150 %, 1280x720 projectors, a portrait 1080x1920 panel and a 3440x1440 ultra-wide. The window, every tab,
the dialogs and presentation mode fit the screen (each case a child process on an offscreen screen of that size;
the checks are those of test_screen_sizes)."""

from __future__ import annotations

import pytest

from tests.ui.test_screen_sizes import test_the_app_fits_other_screens as _fits


@pytest.mark.parametrize(
    ("width", "height", "scale", "plan"),
    [
        (1366, 768, "1", "bank-assistant"),
        (1920, 1080, "1.5", "bank-assistant"),  # the most common laptop setting: 1280x720 logical, ratio 1.5
        (1280, 720, "1", "ai-portfolio"),  # 196 decisions on a projector
        (1080, 1920, "1", "bank-assistant"),
        (3440, 1440, "1", "bank-assistant"),
    ],
    ids=["1366x768", "1920x1080-at-150", "1280x720-portfolio", "portrait-1080x1920", "ultrawide-3440x1440"],
)
def test_the_app_fits_the_screens_of_workshops(width, height, scale, plan):
    _fits(width, height, scale, plan)
