"""The child of the GUI kill test (``tests/ui/test_recovery_kill.py``, ``benchmarks/gui_kill.py``): opens the main
window offscreen and adds a decision every 100-500 ms, logging ``<k> <time>`` after each edit, until killed.

    python tests/ui/recovery_child.py LOG SEED      (PLANNER_DATA_DIR names the app data folder)
"""

from __future__ import annotations

import os
import random
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    log_path, seed = sys.argv[1], int(sys.argv[2])
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from planner.templates import load_template
    from planner.ui.main_window import MainWindow

    app = QApplication([])
    app.setOrganizationName("PlannerKillTest")
    window = MainWindow(plan=load_template("ai-scaling"), persist_layout=False)
    window.show()
    rng = random.Random(seed)
    log = open(log_path, "a", buffering=1, encoding="utf-8")  # noqa: SIM115 - open until the process is killed
    k = 0

    def edit() -> None:
        nonlocal k
        window.doc.add_decision(f"edit-{k}")
        log.write(f"{k} {time.time():.4f}\n")  # a write() reaches the kernel: it survives SIGKILL
        k += 1
        QTimer.singleShot(rng.randint(100, 500), edit)

    log.write(f"ready {time.time():.4f}\n")
    QTimer.singleShot(rng.randint(100, 500), edit)
    app.exec()


if __name__ == "__main__":
    main()
