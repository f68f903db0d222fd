"""The findings contract: what the checks report, and the columns every output shares.

A `Finding` is one relation's verdict (or one parser issue), with the evidence a reviewer needs to
redo the arithmetic without opening the document. Relations that hold are findings too, with
``status == "ok"``, so the UI can mark figures as verified and the CLI can report coverage.

``finding_id`` is stable: the same document and the same relation give the same id on every run,
so reviewers' notes (kept by id in the review store) survive re-runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

# The review-sheet columns, in order (`check --format csv` and the TUI's export share them).
CSV_COLUMNS = (
    "document",
    "finding_id",
    "severity",
    "rule",
    "section",
    "page",
    "location",
    "stated",
    "expected",
    "message",
    "status",
    "note",
    "group",
)
JSON_KEYS = CSV_COLUMNS + ("evidence", "suspect")

STATUS_OK = "ok"  # the relation holds
STATUS_OPEN = "open"  # a failing relation nobody has reviewed yet (待核)


class Verdict(StrEnum):
    """How the engine reached a finding (finer than ``status``; the UI may show it)."""

    HOLDS = "holds"  # the printed figures agree exactly
    ROUNDING = "rounding"  # they agree only within the rounding (and configured) tolerance
    FAILS = "fails"  # no values the printed figures can stand for satisfy the relation
    ZERO_BASE = "zero_base"  # a percentage over a zero base stated as 100%
    BINDING = "binding"  # the figures cannot belong together: the wrong figure was bound
    UNCHECKED = "unchecked"  # a blank figure or a denominator that may be 0: no verdict
    FORM = "form"  # a parser issue about how a figure is written
    NOTE = "note"  # the engine's summary of several relations (rounding, unchecked)


@dataclass(slots=True)
class Evidence:
    """One figure a finding relies on, with its place."""

    figure_id: str
    text: str  # as printed
    value: Decimal
    unit: str | None
    subject: str
    role: str
    section: str  # section label
    page: int | None
    location: str  # "@offset" or "T3[r2,c4]"
    coeff: int = 1  # its sign in the relation (+1 / −1), 0 for the stated figure itself
    part: str = "term"  # "stated", "term" or "denominator" (a ratio's divisor)

    def as_dict(self) -> dict:
        return {
            "figure_id": self.figure_id,
            "text": self.text,
            "value": str(self.value),
            "unit": self.unit,
            "subject": self.subject,
            "role": self.role,
            "section": self.section,
            "page": self.page,
            "location": self.location,
            "coeff": self.coeff,
            "part": self.part,
        }


@dataclass(frozen=True, slots=True)
class SuspectFigure:
    """A figure a group blames, with the value it would need for its relations to hold."""

    figure_id: str
    text: str  # as printed
    subject: str
    section: str
    page: int | None
    location: str
    needed: str  # the value it would need, written as the document writes it
    needed_range: str  # every value that would do: "[339.505, 339.515]"

    def as_dict(self) -> dict:
        return {
            "figure_id": self.figure_id,
            "text": self.text,
            "subject": self.subject,
            "section": self.section,
            "page": self.page,
            "location": self.location,
            "needed": self.needed,
            "needed_range": self.needed_range,
        }


@dataclass(frozen=True, slots=True)
class Suspect:
    """The figure(s) most likely wrong behind a group of failing findings (`tui_review.checks.suspects`).

    ``options`` are the equally good explanations: one option is usually one figure, several
    figures when they must change together (a cell printed twice); more than one option is a tie
    the document does not settle; none means no single culprit was found within the search bound.
    """

    group: str  # the group id every member finding carries
    options: tuple[tuple[SuspectFigure, ...], ...]
    relations: int  # failing relations the group explains
    broken: int  # relations that hold now and would not after the change
    message_zh: str
    message_en: str

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message_zh

    def as_dict(self, lang: str = "zh") -> dict:
        first = self.options[0][0].as_dict() if self.options else {}
        return {
            **first,
            "group": self.group,
            "options": [[f.as_dict() for f in option] for option in self.options],
            "relations": self.relations,
            "message": self.message(lang),
        }


@dataclass(slots=True)
class Finding:
    finding_id: str
    document: str  # the document's file name
    rule: str
    severity: str  # error / warning / info
    status: str  # ok (holds) / open (fails, not yet reviewed); the review store may override
    section: str  # section label ("第二部分… › 一、…")
    section_id: str
    page: int | None
    location: str
    stated: str  # the stated figure as printed (with unit)
    expected: str  # what the other figures imply, with its interval
    message_zh: str
    message_en: str
    evidence: list[Evidence] = field(default_factory=list)
    note: str = ""
    figure_ids: tuple[str, ...] = ()  # every figure the finding touches (for highlighting)
    verdict: str = ""  # a Verdict: why the status is what it is
    group: str = ""  # the suspect group it belongs to ("" when none)
    suspect: Suspect | None = None  # that group's suspect

    @property
    def failed(self) -> bool:
        return self.status != STATUS_OK

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message_zh

    def row(self, lang: str = "zh") -> dict:
        """One review-sheet row (CSV_COLUMNS)."""
        return {
            "document": self.document,
            "finding_id": self.finding_id,
            "severity": self.severity,
            "rule": self.rule,
            "section": self.section,
            "page": "" if self.page is None else self.page,
            "location": self.location,
            "stated": self.stated,
            "expected": self.expected,
            "message": self.message(lang),
            "status": self.status,
            "note": self.note,
            "group": self.group,
        }

    def as_json(self, lang: str = "zh") -> dict:
        out = self.row(lang)
        out["page"] = self.page
        out["group"] = self.group or None
        out["evidence"] = [e.as_dict() for e in self.evidence]
        out["suspect"] = None if self.suspect is None else self.suspect.as_dict(lang)
        return out
