"""A finding that is no arithmetic verdict: a notice about the document's form or names.

`notice(...)` builds such a `Finding` (verdict ``form``) under a rule of the pack, with the rule's
configured severity and ``enabled`` honoured; the non-arithmetic checks (``structure``,
``names``) give their findings through it.
"""

from __future__ import annotations

from pathlib import PurePath

from parsers.model import Document, Severity
from tui_review.checks.ids import digest
from tui_review.config import Config
from tui_review.contracts.finding import Finding, Verdict
from tui_review.contracts.place import Place


def notice(doc: Document, config: Config, rule_id: str, severity: Severity, key: str, place: Place,
           stated: str, zh: str, en: str, section_id: str = "", verdict: Verdict = Verdict.FORM) -> Finding | None:
    """``key`` makes the finding's id stable across runs (what it is about, not where)."""
    rule = config.rule(rule_id)
    if rule is not None and not rule.enabled:
        return None
    return Finding(
        finding_id=digest(rule_id, key),
        document=PurePath(doc.path).name,
        rule=rule_id,
        severity=rule.severity_or(severity) if rule is not None else severity,
        verdict=verdict,
        section=doc.section_label(section_id),
        section_id=section_id,
        place=place,
        stated=stated,
        expected="",
        message_zh=zh,
        message_en=en,
    )
