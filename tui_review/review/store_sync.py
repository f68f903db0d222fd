"""Tying a review made on one version of a document to the findings of another (`sync`): notes are
re-attached by finding id, then by the stated figure's text; what cannot be re-attached is kept
(``attached = False``), listed and exported, never dropped."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from tui_review.contracts.finding import Finding
from tui_review.review.records import Notice, OwnFinding, Review, StoreError, SyncReport
from tui_review.review.snapshot import snapshot_of
from tui_review.review.store_sql import transaction

if TYPE_CHECKING:
    from parsers.model import Document
    from tui_review.review.store import ReviewStore


def sync(self: ReviewStore, document: Document, findings: Iterable[Finding]) -> SyncReport:
    """Tie this review to the current findings of ``document`` (see the module docstring)."""
    findings = list(findings)
    report = SyncReport()
    stored_sha = self.meta("sha256")
    report.first_open = stored_sha is None
    report.changed = stored_sha is not None and stored_sha != document.sha256
    by_id = {f.finding_id: f for f in findings}
    moves: list[tuple[str, Review]] = []
    taken = {fid for fid in self._reviews if fid in by_id}
    for review in list(self._reviews.values()):
        if review.finding_id in by_id:
            if not review.attached:
                review.attached = True
                moves.append((review.finding_id, review))
            continue
        target = _match_finding(review, findings, taken)
        if target is None:
            if review.attached:
                review.attached = False
                moves.append((review.finding_id, review))
            report.orphans.append(review)
            continue
        taken.add(target.finding_id)
        report.reattached.append((review.finding_id, target.finding_id))
        moved = replace(
            review, finding_id=target.finding_id, previous_id=review.finding_id, attached=True,
            snapshot=snapshot_of(target),
        )
        moves.append((review.finding_id, moved))
    own_changes = [own for own in self._own.values() if _reattach_own(own, document)]
    report.orphan_own = [own for own in self._own.values() if not own.attached]
    if self.read_only:
        for old_id, review in moves:
            self._reviews.pop(old_id, None)
            self._reviews[review.finding_id] = review
        return report
    try:
        with transaction(self._conn):
            for old_id, review in moves:
                self._conn.execute("DELETE FROM reviews WHERE finding_id = ?", (old_id,))
                self._write("review", review.finding_id, review)
            for own in own_changes:
                self._write("own", own.own_id, own)
            self._conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('sha256', ?)", (document.sha256,))
            self._conn.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('document', ?)", (Path(document.path).name,)
            )
    except sqlite3.Error as exc:
        raise StoreError(
            f"保存审核记录失败（{exc}）", f"Could not save the review ({exc})"
        ) from None
    for old_id, review in moves:
        self._reviews.pop(old_id, None)
        self._reviews[review.finding_id] = review
    notice = _notice_of(report)
    if notice is not None:
        self.notices.append(notice)
    return report


def _notice_of(report: SyncReport) -> Notice | None:
    """What the reviewer is told when notes moved or could not be re-attached."""
    lost = len(report.orphans) + len(report.orphan_own)
    if report.changed:
        return Notice(
            "changed",
            f"文档自上次审核后已更改：{len(report.reattached)} 条批注已重新关联，{lost} 条未能关联（已保留）",
            f"The document changed since the last review: {len(report.reattached)} notes re-attached, {lost} could not be (kept)",
        )
    if lost:
        return Notice("orphans", f"{lost} 条批注未能关联到当前检查结果（已保留）", f"{lost} notes match no current finding (kept)")
    return None


def _match_finding(review: Review, findings: list[Finding], taken: set[str]) -> Finding | None:
    """The one current finding that states the same figure text (best by rule, then section)."""
    kept = review.snapshot
    if not kept.stated or kept.rule.startswith("cross."):
        return None  # a cross finding re-attaches by id only (when its document is opened with its set)
    scored: list[tuple[int, Finding]] = []
    for f in findings:
        if f.finding_id in taken or f.stated != kept.stated:
            continue
        scored.append(((f.rule == kept.rule) * 2 + (f.section == kept.section), f))
    if not scored:
        return None
    best = max(score for score, _ in scored)
    top = [f for score, f in scored if score == best]
    return top[0] if len(top) == 1 else None


def _reattach_own(own: OwnFinding, document: Document) -> bool:
    """Point ``own`` at the same figure/section/table in ``document``: the same id if it still shows
    the same text, else the one place showing that text (in the same section, for figures).
    True when anything changed."""
    before = (own.target_id, own.attached, own.section_id)
    if own.kind == "figure":
        places = [(f.id, f.text, f.section_id) for f in document.figures]
    elif own.kind == "section":
        places = [(s.id, s.heading, s.id) for s in document.sections()]
    else:
        places = [(t.id, t.title, t.section_id) for t in document.tables]
    same = [p for p in places if p[1] == own.text]
    found = [p for p in same if p[0] == own.target_id]
    if not found and own.kind == "figure":
        in_section = [p for p in same if document.section_label(p[2]) == own.section]
        found = in_section if len(in_section) == 1 else []
    found = found or same
    if len(found) == 1:
        own.target_id, _, own.section_id = found[0]
        own.attached = True
    else:
        own.attached = False
    return before != (own.target_id, own.attached, own.section_id)
