"""The records of the review store: the reviewer's judgement on a finding (`Review`), the
reviewer's own finding (`OwnFinding`), what the reviewer must be told (`Notice`), what ``sync``
found (`SyncReport`), and the store's one error (`StoreError`)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime, timezone

from parsers.errors import BilingualError
from tui_review.contracts.finding import Finding, ReviewStatus


class StoreError(BilingualError):
    """A review file that cannot be opened or written: one line in Chinese and English."""

    prefix_zh = prefix_en = ""  # the texts name the file themselves


@dataclass(slots=True)
class Notice:
    """Something the reviewer must be told about the store (fallback location, read-only, changes)."""

    code: str  # fallback | read_only | changed | orphans
    zh: str
    en: str

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


@dataclass(slots=True)
class Review:
    """The reviewer's judgement on one finding, with a snapshot of the finding (the fields it marks
    ``kept``) so a note can be listed, exported and re-attached without the finding."""

    finding_id: str
    snapshot: Finding
    status: ReviewStatus = ReviewStatus.OPEN
    note: str = ""
    attached: bool = True
    previous_id: str = ""
    updated_at: str = ""

    def message(self, lang: str = "zh") -> str:
        return self.snapshot.message(lang)


@dataclass(slots=True)
class OwnFinding:
    """A figure, cell, table or section the reviewer marked as a problem, with a note."""

    own_id: int
    kind: str  # figure | section | table
    target_id: str  # figure id, section id or table id
    text: str = ""  # the figure's printed text, or the section heading / table title
    section: str = ""
    section_id: str = ""
    page: int | None = None
    location: str = ""
    note: str = ""
    status: str = "confirmed"
    attached: bool = True
    created_at: str = ""
    updated_at: str = ""

    @property
    def finding_id(self) -> str:
        return f"own-{self.own_id}"


@dataclass(slots=True)
class SyncReport:
    """What ``sync`` found when a review met the current findings."""

    first_open: bool = False
    changed: bool = False  # the document's SHA-256 differs from the one the review was made on
    reattached: list[tuple[str, str]] = field(default_factory=list)  # (old finding id, new id)
    orphans: list[Review] = field(default_factory=list)
    orphan_own: list[OwnFinding] = field(default_factory=list)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def columns(cls) -> list[str]:
    return [f.name for f in fields(cls)]
