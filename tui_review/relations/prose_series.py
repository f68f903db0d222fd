"""Numbers given in order for quantities named together (rule ``growth``): “收、支总计各是 A、B
万元，各增加 c1、c2 万元，增长 r1%、r2%”. The words pair them only by position, so they are bound to
no name; but where one sentence gives the amounts (as a series, or one by one under the names the
series lists in that order), then a change series and a rate series of the same length, each
position is one quantity: rᵢ = cᵢ ÷ (Aᵢ ∓ cᵢ)."""

from __future__ import annotations

import re
from dataclasses import replace

from parsers.model import Figure, Role, Series
from tui_review.contracts.relation import Relation, RelationKind, Term
from tui_review.relations.period import own_period
from tui_review.relations.prose_context import Ctx, money, sentence_bounds

PERCENT = "%"


def series_rates(ctx: Ctx) -> list[Relation]:
    doc = ctx.doc
    by_id = {f.id: f for f in doc.figures}
    out: list[Relation] = []
    for rates in doc.series:
        if rates.role != Role.GROWTH or len(rates.figure_ids) < 2:
            continue
        s_start, _ = sentence_bounds(doc.text, rates.start)
        before = [s for s in doc.series if s_start <= s.start < rates.start and len(s.figure_ids) == len(rates.figure_ids)]
        changes = [s for s in before if s.role == Role.CHANGE]
        if not changes:
            continue
        amounts = [s for s in before if s.start < changes[-1].start and own_period(doc.kind, _as(by_id[s.figure_ids[0]], s)) == Role.AMOUNT]
        named = amounts[-1] if amounts else _named_before(ctx, by_id, changes[-1], s_start)
        if named is not None:
            out += _aligned(by_id, named, changes[-1], rates)
    return out


def _named_before(ctx: Ctx, by_id: dict[str, Figure], changes: Series, s_start: int) -> Series | None:
    """“收入总计 7562.45 万元，支出总计 6632.48 万元，…收入、支出总计各增加 c1、c2 万元”: the amounts
    the sentence states before the series one by one, when there are exactly as many as the series
    names quantities and each is the one named in that place."""
    names = re.split(r"[、和及与]", by_id[changes.figure_ids[0]].subject)
    amounts = [f for f in ctx.between(s_start, changes.start) if money(f) and ctx.period(f) == Role.AMOUNT]
    if len(amounts) != len(changes.figure_ids) or len(names) != len(amounts):
        return None
    if not all(name and name[0] in amount.subject for name, amount in zip(names, amounts)):
        return None
    return Series(tuple(f.id for f in amounts), Role.AMOUNT, 1, amounts[0].start or 0)


def _as(fig: Figure, series: Series) -> Figure:
    """The figure as what its series' words make it (its own role is OTHER)."""
    return replace(fig, role=series.role, sign=series.sign)


def _aligned(by_id: dict[str, Figure], amounts: Series, changes: Series, rates: Series) -> list[Relation]:
    out = []
    for position, ids in enumerate(zip(amounts.figure_ids, changes.figure_ids, rates.figure_ids), start=1):
        amount, change, rate = (_as(by_id[i], s) for i, s in zip(ids, (amounts, changes, rates)))
        if not (money(amount) and money(change) and rate.unit == PERCENT):
            return []
        name = f"{amount.subject}（第 {position} 项）"
        out.append(Relation(
            rule="growth",
            kind=RelationKind.RATIO,
            terms=[Term(change, 1)],
            target=rate,
            denominator=[Term(amount, 1), Term(change, -1)],  # base = current − signed change
            word="增长" if rate.sign > 0 else "下降",
            label_zh=f"{name} 增长率 = 增减额 ÷ （本期 ∓ 增减额）（按“各”所列顺序对应）",
            label_en=f"growth of {amount.subject} (item {position}) = change ÷ (current ∓ change) (paired in the order listed)",
            section_id=rate.section_id,
        ))
    return out
