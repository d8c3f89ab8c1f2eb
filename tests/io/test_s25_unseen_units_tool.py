"""The import report's units line names the tool whose rule read the seconds: GitLab's Time Estimate is seconds,
so a GitLab issue CSV's report says so, not 'as Jira counts' (which a GitLab user would not recognise); a Jira
export's Original Estimate still says Jira."""

from __future__ import annotations

from pathlib import Path

from planner.io import import_file

DATA = Path(__file__).parent / "data" / "s25"


def _units_line(path: Path) -> str:
    _, report = import_file(path)
    lines = [line for line in report.text(limit=None).splitlines() if "read as working weeks" in line]
    assert len(lines) == 1, report.text(limit=None)
    return lines[0]


def test_a_gitlab_export_names_gitlab_for_its_seconds() -> None:
    line = _units_line(DATA / "gitlab-issues.csv")
    assert "144,000 seconds" in line and "GitLab" in line
    assert "Jira" not in line


def test_a_jira_export_still_names_jira_for_its_seconds(tmp_path: Path) -> None:
    path = tmp_path / "jira.csv"
    path.write_text(
        "Issue key,Summary,Original Estimate,Status\nAI-1,Agree the KPI,144000,To Do\nAI-2,Build pilot,288000,To Do\n",
        encoding="utf-8",
    )
    plan, _ = import_file(path)
    assert [d.weeks() for d in plan.decisions] == [1.0, 2.0]
    line = _units_line(path)
    assert "as Jira counts" in line and "GitLab" not in line
