"""An amount, what of it was paid and what is left, in one sentence (rule ``sum.parts``): “中标价
1734.047 万元，目前已支付 1650 万元，剩余尾款 84.047 万元” — the amount = paid + left."""

from __future__ import annotations

import re

from tui_review.contracts.relation import Relation
from tui_review.relations.prose_context import AMOUNT_ROLES, Ctx, money, sentence_bounds, start_of, sum_relation
from tui_review.relations.prose_lists import clause_before


PAID = re.compile(r"已(?:支付|拨付|付|使用|投入|完成支付)|累计(?:支付|拨付)")
LEFT = re.compile(r"剩余|尚余|尚欠|未支付|未付|余款|尾款")


def remainders(ctx: Ctx) -> list[Relation]:
    """“中标价 1734.047 万元，目前已支付 1650 万元，剩余尾款 84.047 万元”: in one sentence, an
    amount, what of it was paid and what is left — the amount = paid + left."""
    out: list[Relation] = []
    text = ctx.doc.text
    for left in ctx.figs:
        if not money(left) or not LEFT.search(clause_before(text, left)):
            continue
        s_start, _ = sentence_bounds(text, start_of(left))
        before = [f for f in ctx.between(s_start, start_of(left)) if money(f)]
        if len(before) < 2:
            continue
        whole, paid = before[-2], before[-1]
        if not PAID.search(clause_before(text, paid)) or PAID.search(clause_before(text, whole)):
            continue
        if whole.role not in AMOUNT_ROLES or len({whole.unit, paid.unit, left.unit}) != 1:
            continue
        out.append(sum_relation("sum.parts", whole, [paid, left], word="剩余",
                                zh=f"{whole.subject} = 已支付 + 剩余", en=f"{whole.subject} = paid + left"))
    return out
