"""Stable finding ids: the same document and the same relation give the same id on every run.

An id hashes what a reviewer would recognise — the rule, the stated figure's section path,
subject, role and printed text, and each operand's subject, role and printed text — never
offsets or table numbers, so ids survive edits elsewhere in the file. Two findings that still
collide (``增加 0 万元`` twice in one section) are told apart by a suffix in document order.
"""

from __future__ import annotations

import hashlib
import json

from parsers.model import Document, Figure
from tui_review.contracts.finding import Finding
from tui_review.contracts.relation import Relation

ID_LENGTH = 12


def digest(*parts: object) -> str:
    payload = json.dumps(parts, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:ID_LENGTH]


def _operand(fig: Figure, coeff: int, part: str) -> tuple[str, str, str, int, str]:
    return (fig.subject, str(fig.role), fig.text.strip(), coeff, part)


def relation_id(relation: Relation, doc: Document) -> str:
    stated = relation.target
    head: tuple[object, ...]
    if stated is not None:
        head = (doc.section_label(stated.section_id), stated.subject, str(stated.role), stated.text.strip())
    else:
        anchor = relation.terms[0].figure.section_id if relation.terms else ""
        head = (doc.section_label(relation.section_id or anchor), relation.word, relation.expected_sign)
    operands = sorted(
        [_operand(t.figure, t.coeff, "term") for t in relation.terms]
        + [_operand(t.figure, t.coeff, "denominator") for t in relation.denominator]
    )
    return digest(relation.rule, head, operands)


def deduplicate(findings: list[Finding]) -> None:
    """Suffix repeated ids (``-2``, ``-3`` …) in list order, in place."""
    seen: dict[str, int] = {}
    for finding in findings:
        base = finding.finding_id
        count = seen.get(base, 0) + 1
        seen[base] = count
        if count > 1:
            finding.finding_id = f"{base}-{count}"
