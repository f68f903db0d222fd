"""Checks across a document set: each link's cross relations, evaluated like any other relation.

`cross_findings(infos, config)` groups the described documents (`tui_review.docsets`), and for
each link reads its two documents (the parse cache makes this cheap for a file just checked; only
two models are alive at a time), finds the link's relations (`tui_review.relations.cross`) and
evaluates them with `tui_review.checks.evaluate`, under the ``cross.*`` rules. A relation whose
identity is uncertain (``Relation.uncertain``) is capped at a warning by the evaluator, which
says what was uncertain. A finding's ``document`` names both files; its section and evidence name
each figure's file, and each prose place is an offset into its own document's text.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import PurePath

from parsers.model import Document, Severity
from tui_review.checks.evaluate import evaluate
from tui_review.checks.ids import deduplicate, digest
from tui_review.config import Config, Rule
from tui_review.contracts.finding import Finding, Verdict
from tui_review.contracts.place import Place
from tui_review.docsets import DocInfo, Link, group
from tui_review.relations import cross

__all__ = ["check_pair", "cross_findings"]


def check_pair(link_kind: str, first: Document, second: Document, config: Config | None = None) -> list[Finding]:
    """The findings (holding ones included) of the relations a link states between two documents."""
    config = config or Config.default()
    pair, relations = cross.find(link_kind, first, second)
    both = f"{PurePath(first.path).name} ↔ {PurePath(second.path).name}"
    findings = []
    for relation in relations:
        rule = config.rule(relation.rule) or Rule.fallback(relation.rule)
        if not rule.enabled:
            continue
        finding = evaluate(relation, pair, rule)
        if finding.verdict == Verdict.UNCHECKED:
            continue
        finding.document = both
        _own_offsets(finding, len(first.text) + 1)
        findings.append(finding)
    deduplicate(findings)
    return findings


def _own_offsets(finding: Finding, shift: int) -> None:
    """Places of the second document's prose figures as offsets into its own text, not the pair's."""
    for evidence in finding.evidence:
        place = evidence.place
        if evidence.figure_id.startswith(cross.SECOND) and place.offset is not None:
            own = replace(place, offset=place.offset - shift)
            if finding.place == place:
                finding.place = own
            evidence.place = own


def cross_findings(infos: list[DocInfo], config: Config | None = None, *, password: str | None = None) -> list[Finding]:
    """Every link's findings over the described documents (unreadable partners are skipped)."""
    from parsers import InputError, load_document

    findings: list[Finding] = []
    for docset in group(infos):
        for link in docset.links:
            try:
                first = load_document(link.first.path, password=password)
                second = load_document(link.second.path, password=password)
            except InputError:
                continue
            try:
                findings += check_pair(str(link.kind), first, second, config)
            except Exception as exc:  # noqa: BLE001 — a finder's bug must cost one pair, not the run
                findings.append(_internal(link, type(exc).__name__))
    return findings


def _internal(link: Link, error: str) -> Finding:
    both = f"{link.first.name} ↔ {link.second.name}"
    return Finding(
        finding_id=digest("internal.finder", "cross", both, str(link.kind)),
        document=both,
        rule="internal.finder",
        severity=Severity.WARNING,
        verdict=Verdict.NOTE,
        section="",
        section_id="",
        place=Place(area="跨文档核对"),
        stated="",
        expected="",
        message_zh=f"跨文档核对（{link.kind}）出现内部错误（{error}），这两份文档之间未作核对",
        message_en=f"internal error in the cross-document check ({link.kind}: {error}); this pair was not checked",
    )
