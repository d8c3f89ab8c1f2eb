"""The command line's text with titles and names in wide scripts (CJK, emoji): headings are underlined as wide as
they show in a terminal, and table columns stay aligned (a CJK character takes two columns)."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest

import planner.commands.common
from planner.cli import main
from planner.commands.common import columns, elide, fit, rule

TEMPLATE_TITLE = "AI 规模化路线图 🚀"  # "AI " 3 + six CJK characters 12 + " " 1 + the rocket 2 = 18 columns


def test_columns_counts_wide_characters_twice_and_marks_not_at_all() -> None:
    assert columns("Scale") == 5
    assert columns(TEMPLATE_TITLE) == 18
    assert columns("Cafe\u0301") == 4  # a combining accent takes no column
    assert columns("\U0001f469\u200d\U0001f4bb") == 4  # two emoji joined by a zero-width joiner


def test_fit_pads_and_elides_to_exact_columns() -> None:
    for text in ("Validate", "验证阶段 (价值证明)", "\U0001f680 launch", "x" * 40, ""):
        for width in (1, 2, 5, 10, 16):
            cell = fit(text, width)
            # exactly the width, or one less when a wide character would straddle the edge
            assert columns(cell) in (width, width - 1), (text, width, cell)
    # 验证阶段 8 + " (" 2 + 价值 4 = 14 columns, then the ellipsis 1 and one space: 16
    assert fit("验证阶段 (价值证明)", 16) == "验证阶段 (价值… "
    assert elide("数据团队的平台", 8) == "数据团…"
    assert rule(TEMPLATE_TITLE) == "=" * 18


def test_common_docstring_examples() -> None:
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner()
    for test in finder.find(planner.commands.common):
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def _wide_plan(tmp_path: Path) -> Path:
    path = tmp_path / "wide.plan.json"
    assert main(["new", "-o", str(path), "--force"]) == 0
    plan = json.loads(path.read_text(encoding="utf-8"))
    plan["title"] = TEMPLATE_TITLE
    plan["stages"][0]["name"] = "验证阶段 (价值证明)"
    path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["analyze", "simulate"])
def test_wide_title_and_stage_name_keep_the_text_aligned(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _wide_plan(tmp_path)
    capsys.readouterr()
    argv = [command, str(path)] + (["-n", "200"] if command == "simulate" else [])
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == TEMPLATE_TITLE
    assert lines[1] == "=" * 18
    table = [line for line in lines if line.startswith("  验证阶段") or line.startswith("  Integrate")]
    assert len(table) == 2, lines
    wide, plain = table
    # The stage cell is 16 columns after two spaces, then a space: both rows' figures start at column 19.
    assert wide.startswith("  验证阶段 (价值…  ")
    assert columns("  验证阶段 (价值…  ") == 19 and plain.startswith("  " + "Integrate".ljust(16) + " ")
    assert len(wide) - len("  验证阶段 (价值…  ") == len(plain) - 19  # the rest is the same width
