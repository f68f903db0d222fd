"""One note per place instead of twenty: relations that hold only thanks to rounding, and
relations that could not be checked, summarised per table (table figures) or per section (the
``一、`` level heading, so a section's sub-items share one note).

Rounding-only relations stay ``ok`` individually (the UI marks their figures verified); the
``rounding`` note tells the reviewer where the printed figures do not agree exactly and why that
is not an error. Unchecked relations are replaced by the ``unchecked`` note, which lists them.
"""

from __future__ import annotations

from pathlib import PurePath

from parsers.model import Document, Severity
from tui_review.contracts.finding import Finding, Verdict
from tui_review.contracts.place import Place
from tui_review.checks.ids import digest
from tui_review.contracts.relation import Relation
from tui_review.config import Config

ROUNDING_RULE = "rounding"
UNCHECKED_RULE = "unchecked"
_NOTED = {Verdict.ROUNDING: ROUNDING_RULE, Verdict.UNCHECKED: UNCHECKED_RULE}
_NOTE_LEVEL = 2  # the heading level notes are gathered at (一、 under 第X部分)


def _place(relation: Relation, finding: Finding, doc: Document) -> tuple[str, str]:
    """``("table", table_id)`` for a relation on table cells, else ``("section", id)`` of the
    section a reviewer works through: the first heading of level 2 (``一、``) or deeper on the
    way down to the relation, so the sub-items of one section share one note."""
    anchor = relation.target or relation.terms[0].figure
    if anchor.cell is not None:
        return ("table", anchor.cell.table_id)
    return ("section", note_section(doc, finding.section_id))


def note_section(doc: Document, section_id: str) -> str:
    """The section a note about ``section_id`` is gathered at: the first heading of level 2
    (``一、``) or deeper on the way down to it."""
    path = doc.section_path(section_id)
    chosen = next((s for s in path if s.level >= _NOTE_LEVEL), path[-1] if path else None)
    return chosen.id if chosen is not None else section_id


def notes(evaluated: list[tuple[Relation, Finding]], doc: Document, config: Config) -> list[Finding]:
    """The ``rounding`` and ``unchecked`` notes for ``evaluated``, one per rule and place."""
    groups: dict[tuple[str, tuple[str, str]], list[Finding]] = {}
    for relation, finding in evaluated:
        rule_id = _NOTED.get(Verdict(finding.verdict))
        if rule_id is not None:
            groups.setdefault((rule_id, _place(relation, finding, doc)), []).append(finding)
    out = []
    for (rule_id, place), members in groups.items():
        rule = config.rule(rule_id)
        if rule is not None and not rule.enabled:
            continue
        severity = rule.severity_or(Severity.INFO) if rule is not None else Severity.INFO
        out.append(_note(rule_id, place, members, doc, severity))
    return out


def _note(rule_id: str, place: tuple[str, str], members: list[Finding], doc: Document, severity: Severity) -> Finding:
    kind, key = place
    table = doc.table(key) if kind == "table" else None
    section_id = table.section_id if table is not None else key
    where_zh = f"本表（{table.title or key}）" if table is not None else "本节"
    where_en = f"In table {table.title or key}" if table is not None else "In this section"
    n = len(members)
    if rule_id == ROUNDING_RULE:
        items_zh = "；".join(f"{_subject(m)} {m.stated}（计算值 {m.expected}）" for m in members)
        items_en = "; ".join(f"{_subject(m)} {m.stated} (computed {m.expected})" for m in members)
        zh = f"{where_zh}有 {n} 处数字仅因舍入而不完全相等，均在舍入允许范围内，不是错误：{items_zh}"
        en = f"{where_en}, {n} relation(s) agree only within rounding; not errors: {items_en}"
    else:
        zh = f"{where_zh}有 {n} 处关系无法核对：" + "；".join(m.message_zh for m in members)
        en = f"{where_en}, {n} relation(s) could not be checked: " + "; ".join(m.message_en for m in members)
    evidence = list({e.figure_id: e for m in members for e in m.evidence if e.part == "stated"}.values())
    return Finding(
        finding_id=digest(rule_id, kind, table.title if table is not None else doc.section_label(section_id)),
        document=PurePath(doc.path).name,
        rule=rule_id,
        severity=severity,
        verdict=Verdict.NOTE,
        section=doc.section_label(section_id),
        section_id=section_id,
        place=Place.of_table(key, doc, members[0].page) if table is not None else members[0].place,
        stated="",
        expected="",
        message_zh=zh,
        message_en=en,
        evidence=evidence,
        figure_ids=tuple(dict.fromkeys(i for m in members for i in m.figure_ids)),
    )


def _subject(finding: Finding) -> str:
    """The stated figure's subject (a direction claim has none: its first term's)."""
    stated = next((e for e in finding.evidence if e.part == "stated"), None)
    first = stated or (finding.evidence[0] if finding.evidence else None)
    return first.subject if first is not None else ""
