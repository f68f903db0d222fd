"""Suspect groups in a review: the findings one suspect figure explains become one entry (the
suspect, its place, the value it would need), with its member findings listed right after it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from parsers.model import Severity
from tui_review.contracts.finding import Finding, Judgement, ReviewStatus, Verdict
from tui_review.review.entry import Entry

if TYPE_CHECKING:
    from tui_review.review.session import ReviewSession

GROUP_KIND = "group"  # an entry standing for the findings one suspect explains
SUSPECT_RULE = "suspect"  # the rule of a group's own record (as in ``check --format csv``)


def group_entry(session: ReviewSession, members: list[Entry]) -> Entry:
    """One entry for a suspect group: the suspect figure(s), their place, the value(s) they would
    need; its status is its members' (open while any is open)."""
    anchor = members[0].record
    suspect = anchor.suspect
    assert suspect is not None
    figures = [f for option in suspect.options for f in option]
    first = session.figures.get(figures[0].figure_id) if figures else None
    severities = {m.severity for m in members}
    severity = Severity.ERROR if "error" in severities else Severity.WARNING if "warning" in severities else Severity.INFO
    record = Finding(
        finding_id=suspect.group,
        document=session.document_name,
        rule=SUSPECT_RULE,
        severity=severity,
        verdict=Verdict.FAILS,
        section=figures[0].section if figures else anchor.section,
        section_id=first.section_id if first else anchor.section_id,
        place=figures[0].place if figures else anchor.place,
        stated=_options(suspect.options, "text"),
        expected=_options(suspect.options, "needed"),
        message_zh=suspect.message_zh,
        message_en=suspect.message_en,
        figure_ids=tuple(f.figure_id for f in figures if f.figure_id in session.figures),
        group=suspect.group,
        suspect=suspect,
    )
    still_open = [m for m in members if m.status == ReviewStatus.OPEN]
    notes = {m.note for m in members}
    judgement = Judgement(members[0].status if not still_open else ReviewStatus.OPEN, members[0].note if len(notes) == 1 else "")
    node = session.node_of_figure(first) if first is not None else members[0].node
    return Entry(record, GROUP_KIND, judgement, node, record.figure_ids, members=tuple(m.key for m in members))


def _options(options, attribute: str) -> str:
    """``300.00 / 50.00`` for a tie, ``349.51、349.51`` for figures changed together."""
    return " / ".join("、".join(getattr(f, attribute) for f in option) for option in options)


def groups_of(entries: list[Entry]) -> dict[str, list[Entry]]:
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        if entry.group:
            groups.setdefault(entry.group, []).append(entry)
    return groups


def members_after_their_group(entries: list[Entry]) -> list[Entry]:
    """Entries in order, each group's members moved right after the group entry."""
    members: dict[str, list[Entry]] = {}
    for entry in entries:
        if entry.group and entry.kind != GROUP_KIND:
            members.setdefault(entry.group, []).append(entry)
    out = []
    for entry in entries:
        if entry.group and entry.kind != GROUP_KIND:
            continue
        out.append(entry)
        if entry.kind == GROUP_KIND:
            out += members.pop(entry.group, [])
    for rest in members.values():  # members whose group has no entry
        out += rest
    return out
