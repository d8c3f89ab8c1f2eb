"""Regenerate the pictures the README and docs show (docs/images), as a reader would make them.

    .venv/bin/python scripts/docs_images.py            # everything (about three minutes on 2 cores)
    .venv/bin/python scripts/docs_images.py charts app # only some groups: charts, screens, app, report, scenarios

charts: `planner export` of the samples; screens: the README's main screenshots (`planner screenshot`); app: every
view of docs/images/app at 1280x800 and 1920x1080, light and dark, and the presentation steps; report: pages of
`planner report` rendered with pdftoppm (poppler-utils; skipped with a note when it is absent); scenarios: the
scenario bar, the graph in a scenario and the Compare dialog, and the fitted graph of the template, grabbed from
the app offscreen (no command makes those). Look at the pictures before committing them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
FRAUD = ROOT / "sample_plans" / "fraud-detection.plan.json"
BANK = ROOT / "sample_plans" / "bank-assistant.plan.json"
INSIGHTS = ROOT / "sample_plans" / "insights-assistant.plan.json"
APP_VIEWS = [
    "capacity",
    "critical-path",
    "findings",
    "gantt",
    "graph",
    "inspector",
    "plan",
    "risk",
    "roadmap",
    "stages",
    "table",
    "window",
]


def planner(*args: object) -> None:
    subprocess.run([sys.executable, "-m", "planner", *map(str, args)], check=True, stdout=subprocess.DEVNULL)


def charts() -> None:
    for chart in ("gantt", "stages", "critical-path", "load", "risk"):
        planner("export", FRAUD, "--chart", chart, "--dpi", 80, "-o", IMAGES / f"chart-{chart}.png")
    planner(
        "export",
        FRAUD,
        "--chart",
        "roadmap",
        "--size",
        "13.33x7.5",
        "--dpi",
        100,
        "-o",
        IMAGES / "chart-roadmap.png",
    )
    planner("export", INSIGHTS, "--chart", "graph", "--dpi", 80, "-o", IMAGES / "chart-graph.png")
    planner(
        "export",
        BANK,
        "--chart",
        "gantt",
        "--status-date",
        "2027-06-01",
        "-o",
        IMAGES / "chart-gantt-status.png",
    )


def screens() -> None:
    planner("screenshot", BANK, "--size", "1440x900", "--select", "ai-gateway", "-o", IMAGES / "window.png")
    planner(
        "screenshot",
        BANK,
        "--view",
        "presentation",
        "--size",
        "1440x900",
        "--select",
        "ai-gateway",
        "-o",
        IMAGES / "presentation.png",
    )
    planner(
        "screenshot",
        FRAUD,
        "--view",
        "graph",
        "--size",
        "1600x1000",
        "--select",
        "scoring-service",
        "-o",
        IMAGES / "graph.png",
    )
    planner("screenshot", FRAUD, "--view", "risk", "--size", "1600x1000", "-o", IMAGES / "risk.png")
    template = Path(tempfile.mkdtemp()) / "template.plan.json"
    planner("new", "-o", template)
    planner("screenshot", template, "--view", "cost", "--size", "1600x1040", "-o", IMAGES / "app-cost.png")
    planner(
        "screenshot", template, "--view", "coverage", "--size", "1600x1040", "-o", IMAGES / "app-coverage.png"
    )


def app() -> None:
    out = IMAGES / "app"
    for view in APP_VIEWS:
        for size in ("1280x800", "1920x1080"):
            for theme in ("light", "dark"):
                planner(
                    "screenshot",
                    BANK,
                    "--view",
                    view,
                    "--size",
                    size,
                    "--theme",
                    theme,
                    "--select",
                    "ai-gateway",
                    "-o",
                    out / f"{view}-{size}-{theme}.png",
                )
    for step in range(7):
        planner(
            "screenshot",
            BANK,
            "--view",
            "presentation",
            "--step",
            step,
            "--size",
            "1280x720",
            "-o",
            out / f"presentation-step{step}-1280x720.png",
        )
    for step in (0, 2, 7):
        planner(
            "screenshot",
            BANK,
            "--view",
            "presentation",
            "--step",
            step,
            "--size",
            "1920x1080",
            "--theme",
            "dark",
            "-o",
            out / f"presentation-step{step}-1920x1080-dark.png",
        )


def report() -> None:
    if shutil.which("pdftoppm") is None:
        print("report: pdftoppm is not installed (apt-get install poppler-utils); report pages not made")
        return
    work = Path(tempfile.mkdtemp())
    planner("report", FRAUD, "--simulate", "-q", "-o", work / "fraud.pdf")
    pages = {1: "report-page-01.png", 2: "report-page-02.png", 4: "report-roadmap.png"}
    for page, name in pages.items():
        _page(work / "fraud.pdf", page, 75, IMAGES / name)
    planner(
        "report",
        FRAUD,
        "-q",
        "--scenarios",
        "Buy the feature store,Go live before automated retraining",
        "-o",
        work / "scenarios.pdf",
    )
    for page in (3, 8):
        _page(work / "scenarios.pdf", page, 100, IMAGES / f"report-scenarios-{page:02d}.png")


def _page(pdf: Path, page: int, dpi: int, out: Path) -> None:
    stem = out.with_suffix("")
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-png",
            "-singlefile",
            "-f",
            str(page),
            "-l",
            str(page),
            str(pdf),
            str(stem),
        ],
        check=True,
    )


def scenarios() -> None:
    """The scenario bar, the graph in a scenario and the Compare dialog: the app offscreen, grabbed."""
    # A 1920x1080 offscreen screen (the app keeps dialogs within the screen: the default one is 800x600).
    import json

    config = Path(tempfile.mkdtemp()) / "screen.json"
    screen = {"name": "docs", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [{**screen, "logicalBaseDpi": 96}]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    from planner.model import load_plan
    from planner.ui.app import create_application
    from planner.ui.main_window import MainWindow

    app = create_application()
    window = MainWindow(plan=load_plan(FRAUD), persist_layout=False)
    window.doc.set_path(str(FRAUD))

    def settle(seconds: float = 0.5) -> None:
        import time

        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    try:
        window.resize(1500, 900)
        window.show()
        window.doc.wait_for_analysis()
        window.scenario_bar.switch("Buy the feature store")
        window.doc.wait_for_analysis()
        settle()
        window.grab().save(str(IMAGES / "scenario-switcher.png"))
        window.show_view("Graph")
        settle()
        focus_on = getattr(window.canvas, "focus_on", None)  # absent on the placeholder canvas
        if callable(focus_on):
            focus_on(["feature-store"])
        settle()
        window.grab().save(str(IMAGES / "scenario-graph.png"))
        dialog = window.scenario_bar.show_compare()
        dialog.resize(1300, 900)
        dialog.iterations.setValue(5000)  # as planner compare and the report's comparison
        dialog.set_chosen(["Base", "Buy the feature store", "Go live before automated retraining"])
        dialog.run()
        dialog.wait()
        settle(1.0)
        dialog.grab().save(str(IMAGES / "scenario-compare.png"))
        dialog.tabs.setCurrentIndex(1)
        settle(1.0)
        dialog.grab().save(str(IMAGES / "scenario-compare-gantt.png"))
        dialog.shutdown()
    finally:
        window.discard_and_close()
    # Fit to Window on the ai-scaling template: the graph's stage-by-area overview.
    from planner.templates import load_template

    window = MainWindow(plan=load_template("ai-scaling"), persist_layout=False)
    try:
        window.resize(1280, 800)
        window.show()
        window.doc.wait_for_analysis()
        window.show_view("Graph")
        settle()
        window.fit_action.trigger()
        settle()
        window.grab().save(str(IMAGES / "app" / "graph-fitted-1280x800-light.png"))
    finally:
        window.discard_and_close()


GROUPS = {"charts": charts, "screens": screens, "app": app, "report": report, "scenarios": scenarios}


def main(argv: list[str]) -> int:
    unknown = [a for a in argv if a not in GROUPS]
    if unknown:
        print(f"unknown group {unknown}; choose from {', '.join(GROUPS)}", file=sys.stderr)
        return 2
    for name in argv or list(GROUPS):
        print(f"{name} ...", flush=True)
        GROUPS[name]()
    print(f"written to {IMAGES.relative_to(ROOT)}/: look at them before committing")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
