"""Claims the 情况说明 prose makes about its own figures, as `Relation`s.

Changes and growth rates enter relations with their sign (``Figure.signed_value``: 减少 8.31 is
−8.31), so every relation is plain arithmetic on signed values.

- **sum.parts**: a total and its enumerated parts — inline (``X 万元，其中：A a、B b…``, 包括,
  主要包括) or as sub-sections (``（一）收入预算总计 354.72 万元`` over ``1．本年收入合计…``,
  ``2．上年结转结余…``), the parts taken in the total's role (budget, actual, amount);
- **components-of-change**: a total's change and its sub-sections' changes;
- **change**: a stated change against the current and base figures printed in the same sentence;
- **growth**: a stated % against change ÷ base (base = current ∓ change when not printed);
- **share**: 占 % against part ÷ total (the total printed in the 占 clause, else the list's head);
- **completion**: 完成…的 % against actual ÷ budget;
- **balance**: 收入总计 = 支出总计;
- **definition**: 机关/机构运行经费 = 公用经费 where the document's glossary says so;
- **direction**: 大于/小于/持平 between a section's 决算 and 年初预算 figures.

Binding is conservative: where a sentence's figures cannot be bound with confidence, no relation
is made and the figure stays unchecked (coverage shows it).
"""

from __future__ import annotations

from parsers.model import Document
from tui_review.contracts.relation import Relation
from tui_review.relations.prose_changes import changes_and_growth
from tui_review.relations.prose_claims import balance, definitions, directions, same_as_previous
from tui_review.relations.prose_context import context
from tui_review.relations.prose_lists import heads_of, inline_lists
from tui_review.relations.prose_paid import remainders
from tui_review.relations.prose_sections import part_heads, section_sums
from tui_review.relations.prose_series import series_rates
from tui_review.relations.prose_ratios import completions, shares

__all__ = ["find", "part_heads"]


def find(doc: Document) -> list[Relation]:
    ctx = context(doc)
    lists = inline_lists(ctx)
    out: list[Relation] = []
    out += section_sums(ctx)
    out += lists
    out += remainders(ctx)
    out += series_rates(ctx)
    out += changes_and_growth(ctx, heads_of(lists))
    out += completions(ctx)
    out += shares(ctx, heads_of(lists))
    out += balance(ctx)
    out += definitions(ctx)
    out += directions(ctx)
    out += same_as_previous(ctx)
    return out
