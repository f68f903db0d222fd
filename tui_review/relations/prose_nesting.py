"""Readings of a prose list whose items may not be siblings (rule ``sum.parts``): items named as
one kind of thing, one more narrowly (…教育经费 and 一般公共预算教育经费), and an item that opens a
list of its own whose end the text does not mark (“其中：A 10.72 亿元，主要为 a1 0.75 亿元；a2 6.95
亿元；a3 3.02 亿元。”: a2 and a3 may be A's parts as well as the total's), and a list whose parts
make up their total exactly at a ；, after which the text goes on to other quantities (“偿还本金 19755
亿元，其中…17027 亿元，…2728 亿元；…支付利息 9863 亿元”). Each gives the other claim a
`Relation.alternative` carries: the list is reported only when neither reading holds."""

from __future__ import annotations

import re

from parsers import lexicon
from decimal import Decimal

from parsers.model import Figure
from tui_review.contracts.relation import Relation
from tui_review.relations.prose_context import Ctx, end_of, start_of, sum_relation

MAY_OVERLAP = (
    "所列各项不是标准构成，文档也未表明它们互不包含（一项可能是另一项的一部分）",
    "the items listed are no standard breakdown and the document does not say they exclude one another (one may be part of another)",
)
# an item opening its own list: the list openers, and 主要为 / 主要是 / 主要有 before an amount's name
NESTED_OPENER = re.compile(rf"{lexicon.LIST_OPENER.pattern}|(主要为|主要是|主要有)\s*[:：]?")


# words that narrow a kind of money by its source or level, not by what it is spent on
SCOPE_WORDS = re.compile(r"一般公共预算|财政性|财政拨款|政府性基金|国有资本|本级|全[省市县区]|地方|中央|政府")


def may_nest(parts: list[Figure]) -> bool:
    """Two of the parts are named as one kind of thing, one by a narrower source or level
    (国家财政性教育经费 and 一般公共预算教育经费), or a name of four characters or more stands inside
    another (…政府债务 and 政府债务…): one may be part of the other. 养老保险缴费 and 医疗保险缴费 are
    two kinds; 电费 inside 邮电费 is no kind of it."""
    names = [re.sub(r"(?:支出|收入)$", "", p.subject) for p in parts]
    return any(_one_kind_by_scope(a, b) or min(len(a), len(b)) >= 4 and (a in b or b in a)
               for i, a in enumerate(names) for b in names[i + 1 :])


def _one_kind_by_scope(a: str, b: str) -> bool:
    n = _common_suffix(a, b)
    if a == b or n < 4 or _funds(a) and _funds(b) and _funds(a) != _funds(b):
        return False  # 一般公共预算拨款 and 政府性基金预算拨款: two funds, side by side
    return any(SCOPE_WORDS.search(x[: len(x) - n]) for x in (a, b))


def _funds(name: str) -> frozenset[str]:
    return frozenset(fund for fund, pattern in lexicon.FUNDS if fund != "财政拨款" and pattern.search(name))


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def largest_within(head: Figure, parts: list[Figure], word: str) -> Relation:
    """The reading of items that may contain one another: none exceeds the total (the largest,
    among those in the total's unit)."""
    largest = max([p for p in parts if p.unit == head.unit] or parts, key=lambda p: p.value)
    rel = sum_relation("sum.parts", head, [largest], word=word,
                       zh=f"{head.subject} ≥ {word}所列任一项", en=f"{head.subject} ≥ each item listed after {word}")
    rel.partial, rel.uncertain = True, MAY_OVERLAP
    return rel


NESTED_LIST = (
    "所列一项之后又列出其自身的构成，其后各项可能属于该项而非总数",
    "an item opens a list of its own: the items after it may be its parts rather than the total's",
)


def nested_reading(ctx: Ctx, head: Figure, parts: list[Figure], opener: re.Match, end: int) -> Relation | None:
    """The reading where the items after the first item that opens a list of its own are that
    item's parts: the total holds at least the items up to it."""
    text = ctx.doc.text
    for k, part in enumerate(parts[:-1]):
        inner = NESTED_OPENER.search(text, end_of(part), start_of(parts[k + 1]))
        if inner is not None and inner.start() >= opener.end() and inner.end() <= end:
            word = opener.group(1)
            rel = sum_relation("sum.parts", head, parts[: k + 1], word=word,
                               zh=f"{head.subject} ≥ {word}所列{part.subject}及其前各项之和",
                               en=f"{head.subject} ≥ the items listed after {word} up to {part.subject}")
            rel.partial, rel.uncertain = True, NESTED_LIST
            return rel
    return None


CLOSED_AT_ITEM_END = (
    "所列分项到分句结束处已恰好等于总数，其后可能是另外的数",
    "the parts up to the end of their clause make up the total exactly: what follows may be other quantities",
)


def closed_reading(ctx: Ctx, head: Figure, parts: list[Figure]) -> Relation | None:
    """The reading where the list ends with its clause (`_first_break`), when two parts or more
    stand before the end and add up to the total within rounding: the total is their sum. (Where
    ；or ，separates the items themselves — “其中：A a；B b；C c” — the first break follows one
    part and there is no such reading.)"""
    k = _first_break(ctx.doc.text, parts)
    if k is None or k < 1 or any(p.unit != head.unit for p in parts[: k + 1]):
        return None
    total = sum((p.value for p in parts[: k + 1]), Decimal(0))
    if abs(total - head.value) > head.half_ulp + sum((p.half_ulp for p in parts[: k + 1]), Decimal(0)):
        return None
    rel = sum_relation("sum.parts", head, parts[: k + 1], word="；",
                       zh=f"{head.subject} = 分句结束前所列各项之和", en=f"{head.subject} = sum of the items before the clause ends")
    rel.uncertain = CLOSED_AT_ITEM_END
    return rel


def _first_break(text: str, parts: list[Figure]) -> int | None:
    """The index of the part after which the list's clause ends: the first ；, or the first ，
    after parts joined by 、 only (“其中 A 51.43 亿元、B 11.43 亿元，共向下级…”)."""
    enumerated = True
    for k, part in enumerate(parts[:-1]):
        gap = text[end_of(part) : start_of(parts[k + 1])]
        if re.search(r"[；;]", gap) or re.search(r"[，,]", gap) and enumerated and k > 0:
            return k
        enumerated = enumerated and not re.search(r"[，,]", gap)
    return None
