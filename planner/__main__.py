"""``python -m planner``: the same as the ``planner`` command (and the standalone bundle's entry point)."""

from planner.cli import run

if __name__ == "__main__":
    run()
