"""One row of the findings list and of the review sheet: a finding record and the reviewer's judgement.

`Entry` wraps the one `Finding` record (the engine's, the reviewer's own finding, or a note kept
from an earlier version of the document) with the reviewer's `Judgement` and where the tree shows
it (`NodeRef`). The session builds entries; the list, the detail pane and the sheet read them.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui_review.contracts.finding import Finding, Judgement, ReviewStatus
from tui_review.contracts.place import Place
from tui_review.review.store import OwnFinding, Review


@dataclass(frozen=True, slots=True)
class NodeRef:
    """A node of the document tree: a section or a table."""

    kind: str  # "section" | "table"
    id: str


@dataclass(slots=True)
class Entry:
    """One row of the findings list and of the review sheet: a finding record (the engine's, the
    reviewer's own, or one kept from an earlier version of the document) and the reviewer's judgement."""

    record: Finding
    kind: str  # "finding" | "own" | "orphan" (a note kept from an earlier version) | "group"
    judgement: Judgement
    node: NodeRef | None
    figure_ids: tuple[str, ...] = ()
    finding: Finding | None = None  # the engine's finding (kind "finding")
    own: OwnFinding | None = None
    review: Review | None = None
    members: tuple[str, ...] = ()  # a group entry's member findings

    @property
    def group(self) -> str:
        """The suspect group of a finding that has a suspect, or of a group entry itself."""
        return self.record.group if self.record.suspect is not None else ""

    @property
    def key(self) -> str:
        return self.record.finding_id  # finding id, "own-N" for the reviewer's own findings

    @property
    def status(self) -> ReviewStatus:
        return self.judgement.status

    @property
    def note(self) -> str:
        return self.judgement.note

    @property
    def severity(self) -> str:
        return self.record.severity

    @property
    def rule(self) -> str:
        return self.record.rule

    @property
    def section(self) -> str:
        return self.record.section

    @property
    def section_id(self) -> str:
        return self.record.section_id

    @property
    def place(self) -> Place:
        return self.record.place

    @property
    def page(self) -> int | None:
        return self.record.page

    @property
    def location(self) -> str:
        return self.record.location

    @property
    def stated(self) -> str:
        return self.record.stated

    @property
    def expected(self) -> str:
        return self.record.expected

    @property
    def message_zh(self) -> str:
        return self.record.message_zh

    @property
    def message_en(self) -> str:
        return self.record.message_en

    def message(self, lang: str = "zh") -> str:
        return self.record.message(lang)
