"""Each figure's identity, resolved once for the whole document: what quantity it is.

An `Identity` says what a figure measures, independently of where it is printed: subject (its
canonical name, 功能/经济分类 code and level, and whether the name is complete), period (year;
预算 or 决算; current or previous), fund and part of the spending (from its section's headings
or its table's title), measure (amount, change, growth, share, completion, count) and unit.
Relation finders compare figures by identity; an identity that is incomplete or ambiguous caps a
failing relation at a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsers import lexicon
from parsers.model import DocKind, Document, Figure, Role

MEASURES = {
    Role.CHANGE: "change", Role.GROWTH: "growth", Role.SHARE: "share", Role.COMPLETION: "completion",
    Role.COUNT: "count", Role.OTHER: "other",
}
OPEN_NAME = re.compile(r"[（(][^）)]*$|[、和及与]$")  # a name cut inside a bracket or after a conjunction


ALL_FUNDS = frozenset({"财政拨款"})  # the fund word that takes in the others


@dataclass(frozen=True, slots=True)
class Identity:
    subject: str  # canonical name (parsers.subjects)
    code: str  # 功能/经济分类 code, "" when none is printed
    level: str  # 类 / 款 / 项 where the code or the name's level marker tells, else ""
    complete: bool  # the name closes (no cut-off bracket, no dangling 和/及)
    year: int | None  # the year the figure is of
    stage: str  # "预算" / "决算" / "" (a previous year's figure whose stage the words do not give)
    previous: bool  # of the year before the document's
    funds: frozenset[str]  # fund words of its section or table (lexicon.FUNDS)
    parts: frozenset[str]  # part words of its section or table (lexicon.PARTS)
    measure: str  # amount / change / growth / share / completion / count / other
    unit: str | None

    def surely_other(self, other: Identity, whole: frozenset[str] = frozenset()) -> bool:
        """Both places name a scope and the scopes cannot overlap: two budget funds (一般公共预算 /
        政府性基金; 财政拨款 holds them all), or 基本支出 / 项目支出. Two quantities whatever their names."""
        mine, theirs = self.funds - whole - ALL_FUNDS, other.funds - whole - ALL_FUNDS
        if mine and theirs and not mine & theirs:
            return True
        return {self.parts, other.parts} == {frozenset({"基本支出"}), frozenset({"项目支出"})}

    def why_not_same(self, other: Identity, whole: frozenset[str] = frozenset()) -> tuple[str, str] | None:
        """Why ``self`` and ``other`` may be two quantities though their names agree (zh, en), or
        None when they are certainly one. ``whole``: fund words the document makes immaterial."""
        if not (self.complete and other.complete):
            return ("科目名称可能不完整（换行或截断）", "a name may be incomplete (wrapped or cut)")
        if self.parts != other.parts or self.funds - whole != other.funds - whole:
            mine = "、".join(sorted((self.funds - whole) | self.parts)) or "未限定"
            theirs = "、".join(sorted((other.funds - whole) | other.parts)) or "未限定"
            mine_en = ", ".join(sorted((self.funds - whole) | self.parts)) or "unqualified"
            theirs_en = ", ".join(sorted((other.funds - whole) | other.parts)) or "unqualified"
            return (f"两处所在部分的口径不同（{mine} / {theirs}），可能是不同的数",
                    f"the two places speak of different scopes ({mine_en} / {theirs_en}): possibly two quantities")
        return None


def _stage(fig: Figure, kind: DocKind) -> str:
    if fig.role == Role.BUDGET:
        return "预算"
    if fig.role == Role.ACTUAL:
        return "决算"
    if fig.role == Role.PREVIOUS:
        return ""
    return "预算" if kind == DocKind.BUDGET else "决算" if kind in (DocKind.FINAL, DocKind.ANALYSIS) else ""


def _level(fig: Figure) -> str:
    if fig.code and fig.code.startswith("2") and len(fig.code) in lexicon.LEVEL_BY_DIGITS:
        return lexicon.LEVEL_BY_DIGITS[len(fig.code)]
    marks = lexicon.LEVEL_MARK.findall(fig.subject)
    return marks[-1] if marks else ""


def _complete(subject: str) -> bool:
    """A name is complete unless it is cut inside a bracket, after a conjunction, or a 类/款/项
    chain runs on past its last level marker without closing (“…（款）机关事业单位基本养老”)."""
    if not subject or OPEN_NAME.search(subject):
        return False
    marks = list(lexicon.LEVEL_MARK.finditer(subject))
    if not marks:
        return True
    tail = subject[marks[-1].end() :]
    return not re.sub(r"^(?:支出|经费|拨款|资金)", "", tail)


def _context(doc: Document, fig: Figure) -> str:
    if fig.cell is not None:
        table = doc.table(fig.cell.table_id)
        return table.title if table is not None else ""
    return " ".join(s.title for s in doc.section_path(fig.section_id))


def identify(doc: Document, fig: Figure, context: str | None = None) -> Identity:
    context = _context(doc, fig) if context is None else context
    previous = fig.role == Role.PREVIOUS
    year = doc.year - 1 if previous and doc.year else doc.year
    return Identity(
        subject=fig.subject,
        code=fig.code,
        level=_level(fig),
        complete=_complete(fig.subject),
        year=year,
        stage=_stage(fig, doc.kind),
        previous=previous,
        funds=lexicon.words_in(context, lexicon.FUNDS),
        parts=lexicon.words_in(context, lexicon.PARTS),
        measure=MEASURES.get(fig.role, "amount"),
        unit=fig.unit,
    )


def identify_all(doc: Document) -> None:
    """Give every figure of ``doc`` its identity (once, after parsing)."""
    contexts: dict[str, str] = {}
    for fig in doc.figures:
        key = f"T:{fig.cell.table_id}" if fig.cell is not None else f"S:{fig.section_id}"
        if key not in contexts:
            contexts[key] = _context(doc, fig)
        fig.identity = identify(doc, fig, contexts[key])


INCOME_SOURCE = re.compile(
    r"^(?:(?P<fund>一般公共预算|政府性基金|国有资本经营)(?:预算)?(?:财政)?拨款(?:收入)?|"
    r"(?P<other>财政专户管理资金|事业|事业单位经营|经营|上级补助|附属单位上缴|其他)收入)$"
)


def whole_funds(doc: Document) -> frozenset[str]:
    """Fund scopes that, in this document, are the whole: the income it states comes from one
    appropriation fund and every other source it lists is 0 (a 一般公共预算 heading then speaks of
    the same quantities as an unqualified one). Empty when the document does not say so."""
    nonzero: set[str] = set()
    zero = 0
    for fig in doc.figures:
        m = INCOME_SOURCE.match(fig.subject)
        if m is None or fig.unit not in ("元", "万元", "亿元"):
            continue
        source = m.group("fund") or m.group("other")
        if fig.value == 0:
            zero += 1
        else:
            nonzero.add(source)
    if zero >= 2 and nonzero == {"一般公共预算"}:
        return frozenset(("一般公共预算", "财政拨款"))
    return frozenset()

