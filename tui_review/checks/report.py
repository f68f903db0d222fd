"""`CheckReport`: one document's findings, with the counts and coverage the CLI and TUI show.

Coverage is figures checked ÷ figures extracted, per kind (amounts, percentages, counts): a
figure counts as checked when a relation reached a verdict on it (it holds, holds within
rounding, fails, or is a zero-base percentage). Figures in relations that could not be checked
or were bound doubtfully are extracted but not checked — the engine says so rather than guess.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from parsers.model import Severity
from tui_review.contracts.finding import STATUS_OK, Finding, Verdict

# verdicts on a relation that count as "checked" (for coverage and the summary line)
CHECKED_VERDICTS = frozenset({Verdict.HOLDS, Verdict.ROUNDING, Verdict.FAILS, Verdict.ZERO_BASE})
KINDS = ("amount", "percent", "count")


@dataclass(frozen=True, slots=True)
class Coverage:
    checked: int
    extracted: int

    @property
    def ratio(self) -> Decimal | None:
        return Decimal(self.checked) / Decimal(self.extracted) if self.extracted else None

    def percent(self) -> str:
        """``62.5%``, or ``—`` when nothing was extracted."""
        ratio = self.ratio
        return "—" if ratio is None else f"{(ratio * 100).quantize(Decimal('0.1'))}%"


@dataclass(slots=True)
class CheckReport:
    document: str  # the document's file name
    findings: list[Finding]  # relation verdicts (ok and failing), notes and form findings
    coverage: Coverage  # amounts
    coverage_by_kind: dict[str, Coverage] = field(default_factory=dict)  # amount / percent / count
    relations: int = 0  # relations evaluated (enabled rules)
    notices: list[tuple[str, str]] = field(default_factory=list)  # (zh, en) engine notices

    def failing(self) -> list[Finding]:
        return [f for f in self.findings if f.status != STATUS_OK]

    @property
    def checked(self) -> int:
        """Relations that reached a verdict."""
        return sum(1 for f in self.findings if f.verdict in CHECKED_VERDICTS)

    @property
    def verified(self) -> int:
        """Relations that hold (exactly or within rounding)."""
        return sum(1 for f in self.findings if f.verdict in (Verdict.HOLDS, Verdict.ROUNDING))

    @property
    def unchecked(self) -> int:
        """Relations evaluated without a verdict (blank figures, zero denominators, doubtful binding)."""
        return self.relations - self.checked

    def severity_counts(self) -> dict[str, int]:
        """Failing findings by severity (every severity present, zeros included)."""
        counts = Counter(f.severity for f in self.failing())
        return {str(s): counts.get(str(s), 0) for s in Severity}

    def failed_relation_counts(self) -> dict[str, int]:
        """Relations that failed (verdict fails or zero base), by severity."""
        counts = Counter(f.severity for f in self.findings if f.verdict in (Verdict.FAILS, Verdict.ZERO_BASE))
        return {str(s): counts.get(str(s), 0) for s in Severity}

    def status_counts(self) -> dict[str, int]:
        return dict(Counter(f.status for f in self.findings))

    @property
    def has_errors(self) -> bool:
        return any(f.severity == Severity.ERROR for f in self.failing())
