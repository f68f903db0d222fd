"""What every prose finder shares: the document's prose figures in order, and small readers of
the text around them (sentence bounds, a section's own figures, brackets, form issues) plus the
constructors of the relations the finders make.

Prose figures carry their offsets into ``Document.text`` (table cells carry none): `span`,
`start_of` and `end_of` read them as plain ints, and fail loudly on a figure without them, so a
finder never compares a missing offset."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from parsers import lexicon
from parsers.lexicon import BREAKDOWN
from parsers.model import Document, Figure, Role, Section
from parsers.numbers import MONEY_UNITS
from tui_review.contracts.relation import Relation, RelationKind, Term
from tui_review.relations.period import own_period
from tui_review.relations.table_index import TableView, standard_views
from tui_review.relations.text_marks import marks

AMOUNT_ROLES = (Role.AMOUNT, Role.BUDGET, Role.ACTUAL)
SENTENCE_END = "。！？"


def is_prose(f: Figure) -> bool:
    return f.start is not None and f.end is not None


def span(f: Figure) -> tuple[int, int]:
    """A prose figure's offsets into ``Document.text``; a table cell has none: a binding error."""
    if f.start is None or f.end is None:
        raise ValueError(f"figure {f.id} has no offsets in the text: a table cell, not a prose figure")
    return f.start, f.end


def start_of(f: Figure) -> int:
    return span(f)[0]


def end_of(f: Figure) -> int:
    return span(f)[1]


@dataclass(slots=True)
class Ctx:
    doc: Document
    figs: list[Figure]  # prose figures (`is_prose`) in document order
    starts: list[int] = field(default_factory=list)
    _tables: dict[str, TableView] | None = None  # the standard tables, by kind, once a finder needs them

    def __post_init__(self) -> None:
        self.starts = [start_of(f) for f in self.figs]

    def tables(self) -> dict[str, TableView]:
        """The document's standard tables by kind, read once for all the prose finders."""
        if self._tables is None:
            self._tables = standard_views(self.doc)
        return self._tables

    def between(self, start: int, end: int) -> list[Figure]:
        """Prose figures starting in [start, end), by bisection (documents run to thousands)."""
        starts = self.starts
        return self.figs[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    def period(self, fig: Figure) -> Role:
        return own_period(self.doc.kind, fig)


def context(doc: Document) -> Ctx:
    return Ctx(doc, sorted((f for f in doc.figures if is_prose(f)), key=start_of))



def money(f: Figure) -> bool:
    return f.unit in MONEY_UNITS


def is_average(f: Figure) -> bool:
    """A figure named as an average (按在校学生人数平均的…经费, 生均…): no total of its items."""
    return bool(lexicon.PER_UNIT.search(f.subject))


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    # a logical line ends at "\n", so no sentence reaches past the nearest one
    m = marks(text)
    lo = m.last("\n", pos) + 1
    hi = m.next("\n", pos)
    hi = len(text) if hi == -1 else hi
    start = max(m.last(SENTENCE_END, pos, lo) + 1, lo)
    end = m.next(SENTENCE_END, pos, hi)
    return start, (end if end != -1 else hi)


def own_figures(ctx: Ctx, sec: Section) -> list[Figure]:
    """Figures in a section's own text (before its first sub-section)."""
    end = sec.children[0].start if sec.children else sec.end
    return ctx.between(sec.start, end)


def first_amount(figs: list[Figure], roles: tuple[Role, ...], ctx: Ctx) -> Figure | None:
    for f in figs:
        if money(f) and ctx.period(f) in roles:
            return f
    return None


def sum_relation(rule: str, target: Figure, parts: list[Figure], coeffs: list[int] | None = None, *, word: str = "", zh: str = "", en: str = "") -> Relation:
    coeffs = coeffs or [1] * len(parts)
    return Relation(
        rule=rule,
        kind=RelationKind.SUM,
        target=target,
        terms=[Term(p, c) for p, c in zip(parts, coeffs)],
        word=word,
        label_zh=zh,
        label_en=en,
        section_id=target.section_id,
    )


def has_form_issue(ctx: Ctx, start: int, end: int) -> bool:
    return any(i.start is not None and start <= i.start < end for i in ctx.doc.issues if i.code in ("parse.malformed_number", "parse.missing_figure"))


def in_brackets(text: str, start: int, pos: int) -> bool:
    m = marks(text)
    return m.count("（(", start, pos) > m.count("）)", start, pos)


def closes_bracket(text: str, pos: int, end: int) -> bool:
    """A bracket opened before ``pos`` closes before ``end``: the figure sits inside it."""
    m = marks(text)
    return m.count("）)", pos, end) > m.count("（(", pos, end)



# an amount, then only the words of a completion naming its budget without an amount
COMPLETES_RIGHT_AFTER = re.compile(r"\s*(?:[千万亿]?元)?\s*[，,]\s*(?:为|达到?|完成|占)(?:了)?(?:年初|全年|调整后?的?)?预算数?(?:[（(][^）)]{0,20}[）)])?的\s*")


def _amounts_on_line_before(ctx: Ctx, pos: int) -> list[Figure]:
    return [f for f in ctx.between(marks(ctx.doc.text).last("\n", pos) + 1, pos) if money(f)]


def amount_completing(ctx: Ctx, pos: int) -> Figure | None:
    """The amount right before a completion phrase at ``pos`` (“X 万元，完成年初预算的 …”): what
    completes the budget, whatever words name it."""
    window = _amounts_on_line_before(ctx, pos)
    return window[-1] if window and COMPLETES_RIGHT_AFTER.fullmatch(ctx.doc.text, end_of(window[-1]), pos) else None


def budget_and_actual(ctx: Ctx, pos: int) -> tuple[Figure | None, Figure | None]:
    """The last 年初预算 figure and the last actual amount before ``pos`` on its line, of one
    quantity: a budget stated before a list opener or a ；(“年初预算 22.00 万元，决算 8.77 万元，
    其中：公务接待费决算 0.30 万元，完成预算的 3.75%”) is the total's, not the listed part's."""
    text = ctx.doc.text
    window = _amounts_on_line_before(ctx, pos)
    actual: Figure | None = amount_completing(ctx, pos)
    if actual is not None:
        # “全区预算支出 2809.1 亿元，为年初预算数的 103.7%”: the amount the rate follows is what
        # completes the budget, whatever words name it; the budget is an amount before it, if any
        budget = next((f for f in reversed(window[:-1]) if f.role == Role.BUDGET), None)
        if budget is None:
            return None, None
    else:
        budget = next((f for f in reversed(window) if f.role == Role.BUDGET), None)
        actual = next((f for f in reversed(window) if f.role in (Role.ACTUAL, Role.AMOUNT) and f is not budget), None)
    if budget is not None and actual is not None:
        lo, hi = sorted((end_of(budget), start_of(actual)))
        if re.search(r"[；;]", text[lo:hi]) or BREAKDOWN.search(text, lo, hi) or not one_quantity(budget, actual):
            return None, None
    return budget, actual


def one_quantity(a: Figure, b: Figure) -> bool:
    """The two figures may state one quantity: their subjects are one name or one contains the
    other (市级社会保险基金预算收入 is not 社会保险基金预算支出; 高新区 27.17 in a total's brackets,
    or another item's 因公出国（境）费支出 0.00, is not what 公务用车运行维护费支出减少 40217.50 changes)."""
    key_a, key_b = (re.sub(r"[\s“”\"（）()]", "", f.subject) for f in (a, b))
    return not key_a or not key_b or key_a in key_b or key_b in key_a


def ratio_relation(rule: str, target: Figure, part: Figure, whole: Figure, word: str, zh: str, en: str) -> Relation:
    return Relation(
        rule=rule,
        kind=RelationKind.RATIO,
        terms=[Term(part, 1)],
        target=target,
        denominator=[Term(whole, 1)],
        word=word,
        label_zh=zh,
        label_en=en,
        section_id=target.section_id,
    )

