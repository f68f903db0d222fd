"""Findings about how figures are written, from the parser: its issues and its normalisations.

Each `ParseIssue` (``parse.malformed_number``, ``parse.missing_figure``, ``parse.letter_o`` …)
becomes one finding under the rule of the same id, keeping the parser's severity unless the
configuration sets one. The parser's silent-looking repairs (``Normalisation``: digits split by
spaces, full-width separators) are reported as one info note per kind and section (or table), so
a document with 250 split numbers yields a handful of notes, not 250. A repair the parser already
reported as an issue at the same place is not reported twice. Template wording left in
(``parse.ambiguous_sign``) is a warning at its first place and a note at the others.
"""

from __future__ import annotations

from pathlib import PurePath

from parsers.model import CellRef, Document, Normalisation, ParseIssue, Severity
from tui_review.contracts.finding import Finding, Verdict
from tui_review.contracts.place import Place
from tui_review.checks.ids import digest
from tui_review.config import Config

_LISTED = 20  # repairs listed by value in one note


def form_findings(doc: Document, config: Config) -> list[Finding]:
    return _issue_findings(doc, config) + _normalisation_findings(doc, config)


def _place(doc: Document, cell: CellRef | None, start: int | None, page: int | None, section_id: str) -> Place:
    if cell is not None:
        return Place.of_cell(cell, doc, page)
    return Place.in_text(start, page, doc, section_id)


# template wording left in (增加（减少）): where one template repeats it, the first place is the
# warning and the others are notes, so ten leftovers of one template are not ten warnings
ONCE_A_WARNING = frozenset({"parse.ambiguous_sign"})


def _issue_findings(doc: Document, config: Config) -> list[Finding]:
    out = []
    warned: set[tuple[str, str]] = set()
    for issue in doc.issues:
        rule = config.rule(issue.code)
        if rule is not None and not rule.enabled:
            continue
        severity = rule.severity_or(issue.severity) if rule is not None else issue.severity
        if issue.code in ONCE_A_WARNING and severity == Severity.WARNING:
            if (issue.code, issue.text) in warned:
                severity = Severity.INFO
            warned.add((issue.code, issue.text))
        out.append(_issue_finding(doc, issue, severity))
    return out


def _issue_finding(doc: Document, issue: ParseIssue, severity: Severity) -> Finding:
    section = doc.section_label(issue.section_id)
    return Finding(
        finding_id=digest(issue.code, section, issue.text),
        document=PurePath(doc.path).name,
        rule=issue.code,
        severity=severity,
        verdict=Verdict.FORM,
        section=section,
        section_id=issue.section_id,
        place=_place(doc, issue.cell, issue.start, issue.page, issue.section_id),
        stated=issue.text,
        expected="",
        message_zh=issue.message_zh,
        message_en=issue.message_en,
    )


def _section_of(doc: Document, fix: Normalisation) -> str:
    if fix.cell is not None:
        table = doc.table(fix.cell.table_id)
        return table.section_id if table is not None else ""
    if fix.start is None:
        return ""
    inside = [s for s in doc.sections() if s.start <= fix.start < s.end]
    return max(inside, key=lambda s: s.level).id if inside else ""


def _normalisation_findings(doc: Document, config: Config) -> list[Finding]:
    reported = {(i.code, i.start, i.cell) for i in doc.issues}
    groups: dict[tuple[str, str, str], list[Normalisation]] = {}
    for fix in doc.normalisations:
        rule_id = f"parse.{fix.kind}"
        if (rule_id, fix.start, fix.cell) in reported:
            continue
        table_id = fix.cell.table_id if fix.cell is not None else ""
        groups.setdefault((rule_id, _section_of(doc, fix), table_id), []).append(fix)
    out = []
    for (rule_id, section_id, table_id), fixes in groups.items():
        rule = config.rule(rule_id)
        if rule is None or not rule.enabled:
            continue
        section = doc.section_label(section_id)
        table = doc.table(table_id) if table_id else None
        shown = "、".join(f"“{f.before}”→{f.after}" for f in fixes[:_LISTED])
        more_zh = f" 等 {len(fixes)} 处" if len(fixes) > _LISTED else ""
        more_en = f" and {len(fixes) - _LISTED} more" if len(fixes) > _LISTED else ""
        out.append(
            Finding(
                finding_id=digest(rule_id, section, table.title if table is not None else ""),
                document=PurePath(doc.path).name,
                rule=rule_id,
                severity=rule.severity_or(Severity.INFO),
                verdict=Verdict.NOTE,
                section=section,
                section_id=section_id,
                place=(Place.of_table(table_id, doc, fixes[0].page) if table_id
                       else _place(doc, None, fixes[0].start, fixes[0].page, section_id)),
                stated="",
                expected="",
                message_zh=f"{rule.title_zh}（{len(fixes)} 处，已按右侧数值读取）：{shown}{more_zh}",
                message_en=f"{rule.title_en} ({len(fixes)}, read as shown on the right): {shown}{more_en}",
            )
        )
    return out
