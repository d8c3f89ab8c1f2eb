"""Findings: what validation (and capacity checks) report about a plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True)
class Finding:
    """One problem or remark. ``decisions`` names the decision ids involved, in a meaningful order."""

    severity: Severity
    code: str
    message: str
    decisions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """``{severity, code, message, decisions}`` (SPEC §3.1); written out rather than ``dataclasses.asdict``,
        whose deep copy was a tenth of a big plan's ``analyze`` (issue 12)."""
        return {
            "severity": str(self.severity),
            "code": self.code,
            "message": self.message,
            "decisions": list(self.decisions),
        }


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings, then info; stable within a severity."""
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])
