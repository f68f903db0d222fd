"""The findings contract: the one record of a finding, from the engine to the store to the sheet.

A `Finding` is one relation's verdict (or one parser issue, or a reviewer's own finding), with the
evidence a reviewer needs to redo the arithmetic without opening the document. Relations that hold
are findings too (``verdict`` holds or rounding), so the UI can mark figures as verified and the
CLI can report coverage.

Three enums, three meanings: `Severity` (how bad a failure is), `Verdict` (what the engine found)
and `ReviewStatus` (what the reviewer decided). A finding carries no reviewer status: that is the
review store's (`Judgement`). Review-sheet columns are derived from this record in
`tui_review.contracts.columns`; the review store keeps the fields marked ``kept``.

``finding_id`` is stable: the same document and the same relation give the same id on every run,
so reviewers' notes (kept by id in the review store) survive re-runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from parsers.model import Severity
from tui_review.contracts.place import Place

__all__ = ["KEPT", "Evidence", "Finding", "Judgement", "ReviewStatus", "Severity", "Suspect", "SuspectFigure", "Verdict"]

KEPT = {"kept": True}  # field metadata: the review store keeps a copy of this field with each review

SEVERITY_LABELS = {Severity.ERROR: ("错误", "error"), Severity.WARNING: ("警告", "warning"), Severity.INFO: ("提示", "info")}


class Verdict(StrEnum):
    """What the engine found about a relation (or what kind of finding it is)."""

    HOLDS = "holds"  # the printed figures agree exactly
    ROUNDING = "rounding"  # they agree only within the rounding (and configured) tolerance
    FAILS = "fails"  # no values the printed figures can stand for satisfy the relation
    ZERO_BASE = "zero_base"  # a percentage over a zero base stated as 100%
    BINDING = "binding"  # the figures cannot belong together: the wrong figure was bound
    UNCHECKED = "unchecked"  # a blank figure or a denominator that may be 0: no verdict
    FORM = "form"  # a parser issue about how a figure is written, or a missing table
    NOTE = "note"  # the engine's summary of several relations (rounding, unchecked)
    MARKED = "marked"  # the reviewer's own finding: a human judgement, no arithmetic

    @property
    def holds(self) -> bool:
        return self in (Verdict.HOLDS, Verdict.ROUNDING)


class ReviewStatus(StrEnum):
    """The reviewer's decision on a finding."""

    OPEN = "open"  # 待核: nobody has decided yet
    CONFIRMED = "confirmed"  # 确认问题
    DISMISSED = "dismissed"  # 误报
    FOLLOW_UP = "follow-up"  # 需补充说明

    def label(self, lang: str = "zh") -> str:
        return self.value if lang == "en" else _STATUS_ZH[self]


_STATUS_ZH = {
    ReviewStatus.OPEN: "待核",
    ReviewStatus.CONFIRMED: "确认问题",
    ReviewStatus.DISMISSED: "误报",
    ReviewStatus.FOLLOW_UP: "需补充说明",
}


def severity_label(severity: Severity | str, lang: str = "zh") -> str:
    zh, en = SEVERITY_LABELS.get(Severity(severity), (str(severity), str(severity)))
    return en if lang == "en" else zh


class _Placed:
    """``page`` and ``location`` of a record that has a typed ``place``."""

    __slots__ = ()
    place: Place

    @property
    def page(self) -> int | None:
        return self.place.page

    @property
    def location(self) -> str:
        """The place's short technical form (``T3[r2,c4]``, ``@923``)."""
        return self.place.code()


@dataclass(slots=True)
class Judgement:
    """The reviewer's status and note on one finding (the review store's; open and empty by default)."""

    status: ReviewStatus = ReviewStatus.OPEN
    note: str = ""


@dataclass(slots=True)
class Evidence(_Placed):
    """One figure a finding relies on, with its place."""

    figure_id: str
    text: str  # as printed
    value: Decimal
    unit: str | None
    subject: str
    role: str
    section: str  # section label
    place: Place
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
            "place": self.place.as_dict(),
            "coeff": self.coeff,
            "part": self.part,
        }


@dataclass(frozen=True, slots=True)
class SuspectFigure(_Placed):
    """A figure a group blames, with the value it would need for its relations to hold."""

    figure_id: str
    text: str  # as printed
    subject: str
    section: str
    place: Place
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
            "place": self.place.as_dict(),
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
class Finding(_Placed):
    finding_id: str
    document: str  # the document's file name
    rule: str = field(metadata=KEPT)
    severity: Severity = field(metadata=KEPT)
    verdict: Verdict = field(metadata=KEPT)
    section: str = field(metadata=KEPT)  # section label ("第二部分… › 一、…")
    section_id: str = field(metadata=KEPT)
    place: Place = field(metadata=KEPT)
    stated: str = field(metadata=KEPT)  # the stated figure as printed (with unit and sign)
    expected: str = field(metadata=KEPT)  # what the other figures imply, with its interval
    message_zh: str = field(metadata=KEPT)
    message_en: str = field(metadata=KEPT)
    stated_value: Decimal | None = field(default=None, metadata=KEPT)  # in ``unit``
    expected_value: Decimal | None = field(default=None, metadata=KEPT)  # in ``unit``
    unit: str = field(default="", metadata=KEPT)  # of both values (万元, 元, %, …)
    evidence: list[Evidence] = field(default_factory=list)
    figure_ids: tuple[str, ...] = ()  # every figure the finding touches (for highlighting)
    group: str = ""  # the suspect group it belongs to ("" when none)
    suspect: Suspect | None = None  # that group's suspect

    @property
    def failed(self) -> bool:
        """A finding to review: a relation that does not hold, a parser issue, a note, a mark."""
        return not self.holds

    @property
    def holds(self) -> bool:
        return Verdict(self.verdict).holds

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message_zh
