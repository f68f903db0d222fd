"""What evaluating a relation says (`Outcome`: verdict, expected value, messages) and the relation's
figures as intervals in one unit (`Operands`: blanks read as 0)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from parsers.model import Figure, Severity
from tui_review.checks import figures as F
from tui_review.checks.intervals import Interval, convert, total
from tui_review.contracts.finding import Verdict


@dataclass(slots=True)
class Outcome:
    verdict: Verdict
    expected: str
    zh: str
    en: str
    rule: str | None = None  # reported under another rule (binding)
    cap: Severity | None = None  # the most severe this outcome may be (zero base: a warning)
    stated_value: Decimal | None = None  # the stated figure and the value the others imply,
    expected_value: Decimal | None = None  # both in ``unit``
    unit: str = ""


class Operands:
    """A relation's figures in one unit: interval and point value per figure, blanks read as 0."""

    def __init__(self, figures: Iterable[Figure], unit: str | None) -> None:
        self.unit = unit
        self.boxes: dict[str, Interval] = {}
        self.points: dict[str, Decimal] = {}
        self.blanks: list[Figure] = []
        self.grouped = False
        for fig in figures:
            self.grouped |= F.grouped(fig)
            if F.is_blank(fig):
                self.blanks.append(fig)
                self.boxes[fig.id], self.points[fig.id] = Interval.point(Decimal(0)), Decimal(0)
            else:
                self.boxes[fig.id] = Interval.of_figure(fig, unit)
                self.points[fig.id] = convert(F.signed(fig), fig.unit, unit)

    def combine(self, coeffs: dict[str, int]) -> tuple[Interval, Decimal]:
        """``Σ coeff·figure`` as an interval and as printed."""
        box = total([(c, self.boxes[i]) for i, c in coeffs.items()])
        point = sum((c * self.points[i] for i, c in coeffs.items()), Decimal(0))
        return box, point

    def number(self, value: Decimal) -> str:
        return F.number(value, self.grouped)

    def bound(self, value: Decimal) -> str:
        """A tolerance or interval end: exact, without trailing zeros."""
        return F.number(value.normalize(), self.grouped)
