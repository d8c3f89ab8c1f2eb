"""Examples the README gives inline (not in a console block, so test_readme_truth does not run them) print what
the README shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_target_line_example_is_what_analyze_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "e.g. for the template started on 4 Jan 2027 (`planner new --start-date 2027-01-04`) `Target: ...`"."""
    found = re.search(r"\(`planner new --start-date (\S+)`\)\s*`(Target: [^`]*)`", README)
    assert found is not None, "the README no longer gives the Target line's example"
    plan = tmp_path / "t.plan.json"
    assert main(["new", "--start-date", found.group(1), "-o", str(plan)]) == 0
    assert main(["analyze", str(plan)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert found.group(2) in printed


def test_export_chart_offers_every_chart_as_the_readme_says() -> None:
    """The README says File → Export Chart saves any chart of the chart tabs and of the Risk, Capacity and Cost tabs
    (the menu once left out the Cost tab's two, spend and cost); the menu offers every chart, under its title."""
    from planner.charts import CHARTS, TITLES
    from planner.ui.workbench import EXPORT_CHARTS

    assert (
        "File → Export Chart saves any chart of the chart tabs and of the\nRisk, Capacity and Cost tabs"
        in README
    )
    assert set(EXPORT_CHARTS) == set(CHARTS)
    assert all(EXPORT_CHARTS[name] == TITLES[name] for name in CHARTS)


def _agrees(shown: object, real: object, where: str) -> list[str]:
    """Where ``shown`` (a README example) and ``real`` (the program's output) differ: "..." stands for anything,
    a list ending in "..." for one that starts with the items shown, a number for the real one rounded as shown."""
    if shown == "..." or shown == ["..."]:
        return []
    if isinstance(shown, dict) and isinstance(real, dict):
        return [p for key, value in shown.items() for p in _agrees(value, real.get(key), f"{where}.{key}")]
    if isinstance(shown, list) and isinstance(real, list):
        if shown and shown[-1] == "...":
            shown, real = shown[:-1], real[: len(shown) - 1]
        if len(shown) != len(real):
            return [f"{where}: shows {len(shown)} items, prints {len(real)}"]
        return [
            p
            for i, (a, b) in enumerate(zip(shown, real, strict=True))
            for p in _agrees(a, b, f"{where}[{i}]")
        ]
    if isinstance(shown, float) and isinstance(real, (int, float)):
        decimals = len(repr(shown).split(".")[1])
        return [] if round(real, decimals) == shown else [f"{where}: shows {shown}, prints {real}"]
    if isinstance(shown, str) and shown.endswith("..."):
        return []  # a shortened text: "EU AI Act (...)"
    return [] if shown == real else [f"{where}: shows {shown!r}, prints {real!r}"]


def test_the_compare_json_example_is_what_compare_prints(capsys: pytest.CaptureFixture[str]) -> None:
    """The README's `planner compare --format json` example is the fraud sample's Base entry: its figures (the
    finish, P50/P80, cost, the first step of the critical path, the first stage and team) are what compare prints."""
    import json

    start = README.index("`planner compare --format json` prints:")
    block = README[README.index("```json\n", start) + 8 :]
    shown = json.loads(block[: block.index("```")])
    assert (
        main(["compare", str(ROOT / "sample_plans" / "fraud-detection.plan.json"), "--format", "json"]) == 0
    )
    real = json.loads(capsys.readouterr().out)
    real["scenarios"] = real["scenarios"][: len(shown["scenarios"])]
    assert _agrees(shown, real, "compare") == []


def test_the_quick_start_smoke_line_is_what_the_app_prints(tmp_path: Path) -> None:
    """The quick start's headless line: `planner` with PLANNER_EXIT_AFTER_OPEN=1 prints what the README quotes."""
    import os
    import subprocess
    import sys

    found = re.search(
        r"with `PLANNER_EXIT_AFTER_OPEN=1` as well, the app opens the plan, prints\s+`([^`]+)`", README
    )
    assert found is not None, "the README's quick start no longer quotes the smoke line"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PLANNER_EXIT_AFTER_OPEN": "1",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "planner"], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [found.group(1)]
    # "the app's data folder (... `~/.local/share/X/` on Linux, under `$XDG_DATA_HOME` when set ...; it also holds
    # `locks/` and `planner.log`, and the settings are in `~/.config/Y`)": where this run put them
    data = re.search(r"the folder is `~/\.local/share/([^`]+)/`", README)
    config = re.search(r"the\s+settings are in `~/\.config/([^`]+)`", README)
    assert data is not None and config is not None
    folder = tmp_path / "data" / data.group(1)
    assert (
        (folder / "recovery").is_dir() and (folder / "locks").is_dir() and (folder / "planner.log").is_file()
    )
    assert (tmp_path / "config" / config.group(1)).is_file()


def test_the_keyboard_shortcuts_the_readme_says_are_listed_are_the_groups() -> None:
    """ "Help → Keyboard Shortcuts (F1) lists every key of the app, by group (files, editing, ...)": the groups of the
    dialog's table, no more and no fewer (that every key is there: tests/ui/test_s26_shortcuts_listed.py)."""
    from planner.ui.dialogs.basic import SHORTCUTS

    found = re.search(r"Keyboard Shortcuts \(F1\) lists every key of the app, by group \(([^)]+)\)", README)
    assert found is not None, "the README no longer says what Help → Keyboard Shortcuts lists"
    said = re.split(r",\s*|\s+and\s+", " ".join(found.group(1).split()))
    assert [s.removeprefix("the ") for s in said] == [group.lower() for group, _ in SHORTCUTS]


def test_the_report_api_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/report.md's Python example (build_report with every keyword it shows) runs as written, given an
    analysis, and writes the PDF it names."""
    from planner.analysis import analyze
    from planner.model.io import load_plan

    page = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    start = page.index("```python\n") + len("```python\n")
    code = page[start : page.index("```", start)]
    monkeypatch.chdir(tmp_path)
    analysis = analyze(load_plan(ROOT / "sample_plans" / "insights-assistant.plan.json"))
    exec(compile(code, "docs/report.md", "exec"), {"analysis": analysis})  # the docs' own example, as written
    written = re.search(r'"(\w+\.pdf)"', code)
    assert written is not None and (tmp_path / written.group(1)).stat().st_size > 10_000
