"""Ratios the prose states (rules ``completion`` and ``share``): 完成…的 % against actual ÷
budget, and 占 % against part ÷ total (the total printed in the 占 clause, else the list's head)."""

from __future__ import annotations

from parsers.model import Figure, Role
from tui_review.contracts.relation import Relation
from tui_review.relations.prose_context import Ctx, budget_and_actual, closes_bracket, money, ratio_relation
from tui_review.relations.text_marks import marks


def completions(ctx: Ctx) -> list[Relation]:
    out: list[Relation] = []
    for comp in ctx.figs:
        if comp.role != Role.COMPLETION:
            continue
        budget, actual = budget_and_actual(ctx, comp.start)
        if budget is None or actual is None or (budget.value == actual.value == comp.value == 0):
            continue
        name = actual.subject or comp.subject
        out.append(ratio_relation("completion", comp, actual, budget, "完成", f"{name} 完成率 = 决算 ÷ 预算", f"completion of {name} = actual ÷ budget"))
    return out



def shares(ctx: Ctx, heads: dict[int, Figure]) -> list[Relation]:
    out: list[Relation] = []
    text = ctx.doc.text
    for share in ctx.figs:
        if share.role != Role.SHARE:
            continue
        line_start = marks(text).last("\n；;。", share.start) + 1
        clause_start = marks(text).last("，,；;。\n", share.start) + 1
        part = next(
            (f for f in reversed(ctx.between(line_start, clause_start)) if money(f) and not closes_bracket(text, f.end, clause_start)),
            None,
        )
        if part is None:
            continue
        inside = ctx.between(clause_start, share.start)
        total = inside[-1] if inside else heads.get(part.start)
        if total is None or total is part:
            continue
        if inside and total.unit is None:
            total.unit = part.unit  # "占总收入（4,677,326.79）的": the bracketed total is in the part's unit
        out.append(
            ratio_relation(
                "share",
                share,
                part,
                total,
                "占",
                f"{part.subject} 占比 = {part.subject} ÷ {total.subject or '合计'}",
                f"share of {part.subject} = {part.subject} ÷ {total.subject or 'total'}",
            )
        )
    return out

