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
from typing import TYPE_CHECKING

from parsers.model import Severity
from tui_review.contracts.finding import Finding, Verdict

if TYPE_CHECKING:
    from tui_review.checks.suspects import Group

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
    groups: list[Group] = field(default_factory=list)  # failing findings grouped by their suspect

    def failing(self) -> list[Finding]:
        return [f for f in self.findings if f.failed]

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
        return {str(s): counts.get(s, 0) for s in Severity}

    def failed_relation_counts(self) -> dict[str, int]:
        """Relations that failed (verdict fails or zero base), by severity."""
        counts = Counter(f.severity for f in self.findings if f.verdict in (Verdict.FAILS, Verdict.ZERO_BASE))
        return {str(s): counts.get(s, 0) for s in Severity}

    def status_counts(self) -> dict[str, int]:
        """Findings that hold (``ok``) and those to review (``open``)."""
        return dict(Counter("ok" if f.holds else "open" for f in self.findings))

    @property
    def has_errors(self) -> bool:
        return any(f.severity == Severity.ERROR for f in self.failing())


# --- the text report's lines (``tui-review check --format text``) ---------------------------------

_SEVERITY = {"error": ("错误", "error"), "warning": ("警告", "warning"), "info": ("提示", "info")}
_GLYPH = {"error": "✗", "warning": "!", "info": "i"}


def finding_lines(f: Finding, lang: str = "zh", indent: str = "  ") -> list[str]:
    """A finding as the text report prints it: badge, rule, place and id; its message; 应为."""
    en = lang == "en"
    place = " ".join(p for p in (f"p.{f.page}" if f.page is not None else "", f.location) if p)
    if f.holds:
        badge = "✓ ok" if en else "✓ 一致"
    else:
        badge = f"{_GLYPH.get(f.severity, '?')} {_SEVERITY.get(f.severity, (f.severity, f.severity))[1 if en else 0]}"
    lines = [f"{indent}{badge}  {f.rule}  {place}  [{f.finding_id}]".rstrip(), f"{indent}    {f.message(lang)}"]
    if f.expected:
        lines.append(f"{indent}    {'expected' if en else '应为'}: {f.expected}")
    return lines


def group_lines(groups: list[Group], lang: str = "zh") -> list[str]:
    """Each suspect group: the suspect, its place, the value it would need, the N relations it
    breaks, the reason; then its member findings (their own arithmetic)."""
    if not groups:
        return []
    en = lang == "en"
    lines = ["Suspects (one group per most likely wrong figure):" if en else "可疑数字（每组对应一个最可能有误的数字）："]
    for group in groups:
        suspect = group.suspect
        if suspect is None:
            continue
        n = len(group.members)
        if not suspect.options:
            head = f"no single culprit · {n} relations" if en else f"无法确定单一可疑数字 · {n} 项关系"
        else:
            head = (" or " if en else " 或 ").join(
                (", " if en else "、").join(_suspect_head(fig, en) for fig in option) for option in suspect.options)
            head += f" · breaks {n} relations" if en else f" · 使 {n} 项关系不成立"
        lines.append(f"  ✗ [{group.group_id}] {head}")
        lines.append(f"      {suspect.message(lang)}")
        for member in group.members:
            lines += finding_lines(member, lang, indent="      ")
    return lines


def _suspect_head(fig, en: bool) -> str:
    place = " ".join(p for p in (f"p.{fig.page}" if fig.page is not None else "", fig.location) if p)
    needed = f"should be {fig.needed}" if en else f"应为 {fig.needed}"
    return f"{fig.subject} {fig.text} ({place}) {needed}" if en else f"{fig.subject} {fig.text}（{place}）{needed}"


# --- the review sheet's records (``tui-review check --format csv``) --------------------------------

SUSPECT_RULE = "suspect"  # the rule column of a group's own row
_RANK = {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}


def sheet_records(report: CheckReport, show_ok: bool = False) -> list[Finding]:
    """The sheet's records in order: each suspect group's own record (``finding_id`` = ``group`` =
    the group id, rule ``suspect``) followed by its members, then the other findings. The columns
    are `tui_review.contracts.columns`'."""
    records: list[Finding] = []
    for group in report.groups:
        if group.suspect is not None:
            records.append(group_record(report.document, group))
            records += group.members
    shown = report.findings if show_ok else report.failing()
    records += [f for f in shown if not f.group]
    return records


def group_record(document: str, group: Group) -> Finding:
    """A suspect group as one finding record: the suspect figure(s), the value(s) they would need."""
    suspect = group.suspect
    assert suspect is not None
    first = suspect.options[0] if suspect.options else ()
    joiner = " / "
    anchor = group.members[0]
    return Finding(
        finding_id=group.group_id,
        document=document,
        rule=SUSPECT_RULE,
        severity=max((Severity(f.severity) for f in group.members), key=lambda s: _RANK[s]),
        verdict=Verdict.FAILS,
        section=first[0].section if first else anchor.section,
        section_id=anchor.section_id,
        place=first[0].place if first else anchor.place,
        stated=joiner.join(" ".join(f.text for f in option) for option in suspect.options),
        expected=joiner.join(" ".join(f.needed for f in option) for option in suspect.options),
        message_zh=suspect.message_zh,
        message_en=suspect.message_en,
        group=group.group_id,
        suspect=suspect,
    )
