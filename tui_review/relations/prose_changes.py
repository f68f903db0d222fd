"""Changes and growth rates the prose states (rules ``change``, ``growth`` and ``direction``): a
stated change against the current and base figures printed around it, and a stated % against
change ÷ base (base = current ∓ change when not printed). Changes and rates enter with their sign
(``Figure.signed_value``: 减少 8.31 is −8.31)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from parsers import lexicon
from parsers.model import DocKind, Figure, Role
from tui_review.contracts.relation import Relation, RelationKind, Term
from tui_review.relations.prose_table import cell_for
from tui_review.relations.prose_context import (
    Ctx, closes_bracket, end_of, money, one_quantity, own_figures, sentence_bounds, span, start_of, sum_relation,
)
from tui_review.relations.text_marks import marks

NEIGHBOURHOOD = 400  # characters around a change in which its current, base and rate are sought
NEIGHBOURS = 12  # figures on each side


PREVIOUS_NAMED = re.compile(r"上年|去年|同期|同比|(?:比|较|与)\s*(?:19|20)\d{2}\s*年")  # 同比: year on year, never the budget


def _base_role(sentence: str) -> str:
    return "budget" if re.search(r"年初预算|预算数相比|比预算", sentence) else "previous"


@dataclass(slots=True)
class _Around:
    """What stands around a stated change in its sentence: the amount it changes (current), what
    it is measured against (base, or only the words naming it) and the figures after it."""

    current: Figure | None
    base: Figure | None
    base_kind: str  # "budget" or "previous"
    after: list[Figure]
    by_name: bool = False  # the current amount was found by its name in the sentence before
    others: list[Figure] = field(default_factory=list)  # other amounts the change may report on (current: the first)


def changes_and_growth(ctx: Ctx, heads: dict[int, Figure] | None = None) -> list[Relation]:
    """``heads``: each listed part (by offset) → the total its list breaks down."""
    out: list[Relation] = []
    heads = heads or {}
    for ch in ctx.figs:
        if ch.role != Role.CHANGE or not money(ch):
            continue
        around = _around(ctx, ch)
        if around.current is not None and around.base is None and around.base_kind == "budget":
            around.base = _budget_in_table(ctx, around.current)
        named = around.base is None and _take_named_pair(ctx, ch, around)
        why = NAMED_PAIR if named else NAMED_BEFORE if around.by_name else _closes_list(ctx, ch, around.current, heads)
        if around.current is not None and around.base is not None:
            out.append(_unsure(_change(ch, around.current, around.base, around.base_kind), why))
        rate = _rate_of(ctx, ch, around)
        if rate is not None and around.others:
            out.append(_with_other_readings(ctx, ch, around, rate))
        elif rate is not None:
            if why is LIST_END and around.current is not None:  # the total's change, if that reading holds
                rate.alternative = _rate_of(ctx, ch, replace(around, current=heads[start_of(around.current)]))
            elif around.current is not None and (total := _total_of_inserted_part(ctx, around.current)) is not None:
                # “收入总计 231.24 万元，其中年初结转和结余 0 万元，较上年增加 5.24 万元”: the total's change, maybe
                rate.alternative, why = _rate_of(ctx, ch, replace(around, current=total)), LIST_END
            elif around.current is None and around.base is not None and not _compared_base(ctx.doc.text, around.base):
                # “去年全年…收入累计完成 310682 万元，同比增加 23188 万元”: 去年 may be the year reported on
                rate.alternative = _rate_of(ctx, ch, replace(around, current=around.base, base=None))
            out.append(_unsure(rate, why))
        elif around.current is not None and around.base is None and ch.sign > 0 and ch.value != 0 \
                and _compared_right_after(ctx.doc.text, around.current, ch):
            out.append(_increase_within_current(ch, around.current, around.base_kind))
    rated = {id(r.target) for r in out if r.rule in ("growth", "direction")}
    out += [r for g in ctx.figs if g.role == Role.GROWTH and id(g) not in rated and (r := _growth_between(ctx, g)) is not None]
    return out


def _growth_between(ctx: Ctx, growth: Figure) -> Relation | None:
    """“2023年执行数为 60.13 万元，2024年预算安排 25.77 万元，比2023年减少 57.14%”: a rate stated
    with no change amount, against the sentence's one current and one previous amount:
    (current − previous) ÷ previous. Nothing is bound when the sentence holds more than one of
    either, or a change (the rate is then the change's), or the rate explains (原因)."""
    text = ctx.doc.text
    g_start = start_of(growth)
    s_start, _ = sentence_bounds(text, g_start)
    before = ctx.between(max(s_start, g_start - NEIGHBOURHOOD), g_start)
    if lexicon.REASON.search(text, s_start, g_start) or any(f.role in (Role.CHANGE, Role.GROWTH) for f in before):
        return None
    amounts = [f for f in before if money(f)]
    current = [f for f in amounts if ctx.period(f) == Role.AMOUNT]
    previous = [f for f in amounts if f.role == Role.PREVIOUS]
    if len(current) != 1 or len(previous) != 1 or len(amounts) != 2 or current[0].unit != previous[0].unit:
        return None
    now, then = current[0], previous[0]
    if now.value == then.value == growth.value == 0:
        return None
    name = now.subject or growth.subject
    return Relation(
        rule="growth",
        kind=RelationKind.RATIO,
        terms=[Term(now, 1), Term(then, -1)],
        target=growth,
        denominator=[Term(then, 1)],
        word="增长" if growth.sign > 0 else "下降",
        label_zh=f"{name} 增长率 = （本期 − 上年）÷ 上年",
        label_en=f"growth of {name} = (current − previous) ÷ previous",
        section_id=growth.section_id,
    )


def _unsure(relation: Relation, why: tuple[str, str] | None) -> Relation:
    """The relation, at most a warning for ``why`` when its binding is in doubt."""
    return relation if why is None or relation.uncertain is not None else replace(relation, uncertain=why)


NAMED_BEFORE = (
    "本期金额按名称取自前一句",
    "the current amount is the one the sentence before states under the same name",
)
LIST_END = (
    "增减额紧跟在“其中”所列最后一项之后，前面各项都没有增减额：可能是合计的增减额，而不是最后一项的",
    "the change follows the last part of a 其中 list whose other parts state none: it may be the total's, not the last part's",
)


def _closes_list(ctx: Ctx, ch: Figure, current: Figure | None, heads: dict[int, Figure]) -> tuple[str, str] | None:
    """“X 元，其中：A a 元，B b 元，同比增加 c 元”: a change after the last part of a list whose
    other parts state no change may be the total's as well as the last part's."""
    if current is None or (head := heads.get(start_of(current))) is None:
        return None
    parts = sorted(start for start, h in heads.items() if h is head)
    if parts[-1] != start_of(current) or len(parts) < 2:
        return None
    stated = [f for f in ctx.between(parts[0], parts[-1]) if f.role in (Role.CHANGE, Role.GROWTH)]
    return LIST_END if not stated else None


NAMED_PAIR = (
    "决算数与预算数按名称取自前文",
    "the actual and budget amounts are taken from the sentences before by their name",
)
# “本年度决算收入比预算收入增加 X 元”: the change compares the 决算 with the 预算 of one quantity
ACTUAL_OVER_BUDGET = re.compile(r"决算[^，,。；;\d]{0,12}?(?:比|较|与)[^，,。；;\d]{0,4}?预算")


def _actual_and_budget_before(ctx: Ctx, ch: Figure) -> tuple[Figure, Figure] | None:
    """“本年度预算收入 A 元。…本年度决算收入 B 元。…本年度决算收入比预算收入增加 X 元”: a 决算's
    change whose sentence compares the 决算 with the 预算 and states no amount of its own is B − A
    when its paragraph states, before it, exactly one 决算 and one 预算 amount under its name."""
    if ctx.doc.kind not in (DocKind.FINAL, DocKind.ANALYSIS) or not ch.subject:
        return None
    text = ctx.doc.text
    ch_start = start_of(ch)
    s_start, _ = sentence_bounds(text, ch_start)
    if not ACTUAL_OVER_BUDGET.search(text, s_start, ch_start):
        return None
    para = max(marks(text).last("\n", ch_start) + 1, ch_start - NEIGHBOURHOOD)
    same = [f for f in ctx.between(para, ch_start) if money(f) and f.unit == ch.unit and f.subject == ch.subject]
    actual = [f for f in same if f.role == Role.ACTUAL]
    budget = [f for f in same if f.role == Role.BUDGET]
    if len(actual) != 1 or len(budget) != 1:
        return None
    return actual[0], budget[0]


def _take_named_pair(ctx: Ctx, ch: Figure, around: _Around) -> bool:
    """Complete ``around`` with the 决算 and 预算 amounts named before the change, when they agree
    with what was found already; True when it did."""
    pair = _actual_and_budget_before(ctx, ch)
    if pair is None or around.current not in (None, pair[0]):
        return False
    around.current, around.base, around.base_kind = pair[0], pair[1], "budget"
    return True


def _budget_in_table(ctx: Ctx, current: Figure) -> Figure | None:
    """“一般公共服务类决算数为 1,627.50 万元，与年初预算相比增加 1,350.31 万元”: the 年初预算 the
    change is measured against is not printed in the sentence; the table cell stating the same
    科目's budget is (found as prose ↔ table finds the 决算's own cell)."""
    if ctx.doc.kind not in (DocKind.FINAL, DocKind.ANALYSIS) or not (current.code or "（" in current.subject):
        return None
    return cell_for(ctx.doc, replace(current, role=Role.BUDGET), ctx.tables())


def _around(ctx: Ctx, ch: Figure) -> _Around:
    text = ctx.doc.text
    ch_start, ch_end = span(ch)
    s_start, s_end = sentence_bounds(text, ch_start)
    # the figures just around the change (a bounded number: a sentence may run for pages)
    before = ctx.between(max(s_start, ch_start - NEIGHBOURHOOD), ch_start)[-NEIGHBOURS:]
    item_end = marks(text).next("；;", ch_end)  # the next ；-item states another quantity's figures
    after = ctx.between(ch_end, min(s_end, ch_end + NEIGHBOURHOOD, item_end if item_end != -1 else s_end))[:NEIGHBOURS]
    current = next((f for f in reversed(before) if money(f) and ctx.period(f) == Role.AMOUNT and not _rate_base(text, f)
                    and one_quantity(ch, f) and not closes_bracket(text, end_of(f), ch_start)), None)  # (包括购置费 a、运行费 b)，减少 c: not b's
    by_name = False
    if current is None:
        current = _heading_amount(ctx, ch, before) or _previous_sentence_amount(ctx, ch, before, s_start)
    if current is None:
        current = _named_in_previous_sentence(ctx, ch, before, s_start)
        by_name = current is not None
    others: list[Figure] = []
    if current is None:
        readings = _amounts_it_may_report_on(ctx, ch, before, s_start)
        current, others = (readings[0], readings[1:]) if readings else (None, [])
    since = start_of(current) if current is not None and start_of(current) >= s_start else s_start
    # the base must be what the change's own words compare with: 比上年 a previous amount, never
    # the budget of a “完成年初预算数 X 万元的 Y%” standing between
    own_words = text[max(marks(text).last("，,。；;\n", ch_start) + 1, ch_start - NEIGHBOURHOOD) : ch_start]
    allowed = (Role.PREVIOUS,) if PREVIOUS_NAMED.search(own_words) else (Role.PREVIOUS, Role.BUDGET)
    base = next((f for f in reversed(before) if start_of(f) > since and money(f) and f.role in allowed and not _rate_base(text, f)
                 and ctx.period(f) != Role.AMOUNT), None)  # a 预算's 年初预算 is its own period's amount, no base
    if base is not None:
        base_kind = "budget" if base.role == Role.BUDGET else "previous"
    else:
        clause_start = max(marks(text).last("。；;\n", ch_start) + 1, ch_start - NEIGHBOURHOOD)
        base_kind = _base_role(text[clause_start : ch_start])
    return _Around(current, base, base_kind, after, by_name, others)


def _total_of_inserted_part(ctx: Ctx, part: Figure) -> Figure | None:
    """The amount a lone 其中 item is inserted after, in its sentence (“X 万元，其中 A a 万元，较上年…”)."""
    text = ctx.doc.text
    s_start, _ = sentence_bounds(text, start_of(part))
    before = [f for f in ctx.between(s_start, start_of(part)) if money(f)]
    if not before or ctx.period(before[-1]) != ctx.period(part):
        return None
    return before[-1] if re.fullmatch(r"\s*(?:[千万亿]?元)?\s*[，,]\s*其中\s*[:：]?[^，,。；;\d]{2,20}", text[end_of(before[-1]) : start_of(part)]) else None


def _compared_base(text: str, base: Figure) -> bool:
    """The base is named as what is compared with (比上年 X 万元 / 较 X 万元 / 与上年 X 万元相比),
    not an amount a year-word (去年…完成 X 万元) alone makes last year's."""
    clause = text[max(marks(text).last("，,。；;\n", start_of(base)) + 1, start_of(base) - NEIGHBOURHOOD) : start_of(base)]
    return bool(re.match(r"\s*(?:比|较|与|同)", clause))


def _change(ch: Figure, current: Figure, base: Figure, base_kind: str) -> Relation:
    budget = base_kind == "budget"
    return sum_relation(
        "change",
        ch,
        [current, base],
        [1, -1],
        word="增加" if ch.sign > 0 else "减少",
        zh=f"{ch.subject} 增减额 = 本期 − {'年初预算' if budget else '上年'}",
        en=f"change of {ch.subject} = current − {'budget' if budget else 'previous'}",
    )


# “0.07 万元，较上年增加”: nothing but the comparison between an amount and its change (no second
# subject, no other figure, no clause break other than a comma)
RIGHT_AFTER = re.compile(r"\s*(?:万元|亿元|元)?\s*[，,]?\s*(?:比|较|与|同)\s*(?:上年|上一年|去年|上年度|年初预算)"
                         r"(?:预算数?|决算数?|执行数)?\s*(?:相比|比较)?\s*[，,]?\s*(?:增加|增长|上升)了?\s*")


def _compared_right_after(text: str, current: Figure, ch: Figure) -> bool:
    return RIGHT_AFTER.fullmatch(text, end_of(current), start_of(ch)) is not None


def _increase_within_current(ch: Figure, current: Figure, base_kind: str) -> Relation:
    """“公务接待费 0.07 万元，较上年增加 0.13 万元”: with no base printed, the base is the current
    amount less the increase, and an amount of money cannot be negative, so the increase cannot
    exceed the current amount. The base is inferred and the change may report on another amount
    of the sentence: at most a warning."""
    budget = base_kind == "budget"
    relation = sum_relation(
        "change",
        current,
        [ch],
        word="增加",
        zh=f"{current.subject} 本期 = {'年初预算' if budget else '上年'} + 增加额（{'年初预算' if budget else '上年'}未列出，不为负）",
        en=f"current {current.subject} = {'budget' if budget else 'previous'} + increase (the base is not printed and "
        "cannot be negative)",
    )
    return replace(
        relation,
        partial=True,
        uncertain=("基数未列出，按本期减增加额推算；增加额也可能属于句中另一金额",
                   "the base is not printed but inferred as current less the increase; the increase may report on "
                   "another amount of the sentence"),
    )


def _rate_of(ctx: Ctx, ch: Figure, around: _Around) -> Relation | None:
    """The growth rate stated with a change — after it, or right before it (“较上年下降 5%，比上年
    减少 0.53 万元”) —: its direction, else its value (change ÷ base)."""
    text = ctx.doc.text
    growth = next((f for f in around.after if f.role == Role.GROWTH), None)
    if growth is not None and (lexicon.REASON.search(text, end_of(ch), start_of(growth)) or lexicon.BREAKDOWN.search(text, end_of(ch), start_of(growth))
                               or any(money(f) for f in ctx.between(end_of(ch), start_of(growth)))):
        return None  # a rate in the 原因 explanation (“统一压减10%”) or of a part listed after 其中 is not this change's
    growth = growth or _rate_just_before(ctx, ch, around.current)
    if growth is None:
        return None
    if growth.sign != ch.sign and growth.value != 0 and ch.value != 0:
        return Relation(
            rule="direction",
            kind=RelationKind.DIRECTION,
            terms=[Term(ch, 1)],
            target=growth,
            expected_sign=growth.sign,
            word=text[start_of(growth) - 4 : start_of(growth)].strip(),
            label_zh=f"{ch.subject} 的增减方向应与增长率方向一致",
            label_en=f"the direction of the change of {ch.subject} should match its growth rate",
            section_id=ch.section_id,
        )
    base, current = around.base, around.current
    if all(f.value == 0 for f in (ch, growth, *(x for x in (base, current) if x is not None))):
        return None  # "0 万元，增加 0 万元，增长 0%": nothing stated that could disagree
    if base is not None:
        denominator = [Term(base, 1)]
    elif current is not None:
        denominator = [Term(current, 1), Term(ch, -1)]  # base = current − signed change
    else:
        return None
    return Relation(
        rule="growth",
        kind=RelationKind.RATIO,
        terms=[Term(ch, 1)],
        target=growth,
        denominator=denominator,
        word="增长" if growth.sign > 0 else "下降",
        label_zh=f"{ch.subject} 增长率 = 增减额 ÷ {'基数' if base is not None else '（本期 ∓ 增减额）'}",
        label_en=f"growth of {ch.subject} = change ÷ {'base' if base is not None else '(current ∓ change)'}",
        section_id=ch.section_id,
    )


# between a rate and the change that restates it in money: only the comparison words
RESTATED_AS_CHANGE = re.compile(r"\s*[%％]?\s*[，,]\s*(?:比|较|与|同)?[^，,。；;\d其包]{0,10}?(?:增加|减少|增长|下降|降低|上升|增收|减收|增支|减支)了?\s*$")


def _rate_just_before(ctx: Ctx, ch: Figure, current: Figure | None) -> Figure | None:
    """A growth rate stated right before the change, after the change's current amount, with
    nothing between them but the comparison words."""
    if current is None:
        return None
    between = ctx.between(end_of(current), start_of(ch))
    if not between or between[-1].role != Role.GROWTH or any(money(f) and not _rate_base(ctx.doc.text, f) for f in between) \
            or lexicon.REASON.search(ctx.doc.text, sentence_bounds(ctx.doc.text, start_of(ch))[0], start_of(ch)):
        return None  # “…主要原因是会议费压减10%，增减相抵后增加 X 万元”: the rate is the explanation's
    growth = between[-1]
    return growth if RESTATED_AS_CHANGE.match(ctx.doc.text, end_of(growth), start_of(ch)) else None


# a sentence that opens by comparing (“与上年相比增加…”, “比上年减少…”) continues the one before
COMPARISON_OPENING = re.compile(r"\s*(?:与|和|同|比|较)\s*(?:上年|上一年|去年|上年度)(?:预算数?|决算数?)?(?:相比|比较)?\s*[，,]?[^。，,；;\d]{0,16}?(?:增加|减少|增长|下降)")


def _amounts_it_may_report_on(ctx: Ctx, ch: Figure, before: list[Figure], s_start: int) -> list[Figure]:
    """“机关运行经费 54.24 万元，其中…。项目支出 46.74 万元，其中…。比上年增加 14 万元，增长 34.8%。”:
    a change whose sentence opens with the comparison, states no amount and names nothing may
    report on the first or the last amount of the sentence before, or on its paragraph's first."""
    text = ctx.doc.text
    if before or not UNNAMED_OPENING.fullmatch(text, s_start, start_of(ch)):
        return []
    p_start, _ = sentence_bounds(text, max(0, s_start - 2))
    if s_start - p_start > NEIGHBOURHOOD or not text[p_start:s_start].rstrip().endswith("。"):
        return []
    paragraph = max(marks(text).last("\n", s_start) + 1, s_start - NEIGHBOURHOOD)
    previous = [f for f in ctx.between(p_start, s_start) if money(f) and f.unit == ch.unit and ctx.period(f) == Role.AMOUNT]
    opening = next((f for f in ctx.between(paragraph, s_start) if money(f) and f.unit == ch.unit), None)
    candidates = previous[:1] + previous[-1:] + ([opening] if opening is not None and ctx.period(opening) == Role.AMOUNT else [])
    return list({id(f): f for f in candidates}.values())


# a sentence that opens with the comparison and names nothing before its change (“比上年增加”)
UNNAMED_OPENING = re.compile(r"\s*(?:与|和|同|比|较)\s*(?:上年|上一年|去年|上年度)(?:预算数?|决算数?|执行数)?(?:相比|比较)?\s*[，,]?\s*"
                             r"(?:增加|减少|增长|下降)了?\s*")
UNNAMED_CHANGE = (
    "增减额未写明是哪个数的：按前一句的首、末金额和本段首个金额逐一核对，均不相符",
    "the change names no amount: read against the first and last amounts of the sentence before and the paragraph's first, none fits",
)


def _with_other_readings(ctx: Ctx, ch: Figure, around: _Around, rate: Relation) -> Relation:
    """The rate over each amount the change may report on, as a chain of alternative readings:
    reported (at most a warning) only when none holds."""
    chain = rate
    for other in around.others:
        reading = _rate_of(ctx, ch, replace(around, current=other, others=[]))
        if reading is not None:
            chain.alternative = reading
            chain = reading
    return _unsure(rate, UNNAMED_CHANGE)


def _previous_sentence_amount(ctx: Ctx, ch: Figure, before: list[Figure], s_start: int) -> Figure | None:
    """“…预算数为 9312.9 万元。与上年相比增加 1435.14 万元”: a change whose sentence opens with the
    comparison and states no amount reports on the last amount of the sentence before, when that
    sentence states exactly one amount of the document's own period."""
    text = ctx.doc.text
    if before or not COMPARISON_OPENING.match(text, s_start, start_of(ch)):
        return None
    p_start, _ = sentence_bounds(text, max(0, s_start - 2))
    if s_start - p_start > NEIGHBOURHOOD or not text[p_start:s_start].rstrip().endswith("。"):
        return None
    amounts = [f for f in ctx.between(p_start, s_start) if money(f)]
    return amounts[0] if len(amounts) == 1 and ctx.period(amounts[0]) == Role.AMOUNT else None


# words that name a figure's stage or fund, not the quantity: 财政拨款“三公”经费预算总额 ≡ “三公”经费
STAGE_WORDS = re.compile(r"一般公共预算|财政拨款|预算|决算|执行|总额|总计|合计|数")


def _rate_base(text: str, f: Figure) -> bool:
    """The amount is the base a rate is of (“占年初预算数 109466 万元的 56.3%”), not a quantity stated."""
    return bool(re.match(r"\s*(?:[千万亿]?元)?\s*的\s*[-−]?\d", text[end_of(f) : end_of(f) + 12]))


def _named_in_previous_sentence(ctx: Ctx, ch: Figure, before: list[Figure], s_start: int) -> Figure | None:
    """“…“三公”经费预算总额为 2.7 万元，其中…。“三公”经费预算数比 2017 年预算数减少 0.06 万元”: a
    change that names its quantity and states no amount reports on the amount the sentence before
    states first under that name."""
    text = ctx.doc.text
    own = STAGE_WORDS.sub("", ch.subject)
    if before or len(own) < 2 or own not in re.sub(r"[“”\"‘’\s]", "", text[s_start : start_of(ch)]):
        return None  # the change's sentence must name the quantity itself, not inherit it
    p_start, _ = sentence_bounds(text, max(0, s_start - 2))
    if s_start - p_start > NEIGHBOURHOOD or not text[p_start:s_start].rstrip().endswith("。"):
        return None
    first = next((f for f in ctx.between(p_start, s_start) if money(f)), None)
    if first is None or ctx.period(first) != Role.AMOUNT or STAGE_WORDS.sub("", first.subject) != own:
        return None
    return first


def _heading_amount(ctx: Ctx, ch: Figure, before: list[Figure]) -> Figure | None:
    """A change sentence with no amount of its own reports on its section's heading amount."""
    if before:
        return None
    sec = ctx.doc.section(ch.section_id)
    if sec is None:
        return None
    own = own_figures(ctx, sec)
    cand = next((f for f in own if money(f) and ctx.period(f) == Role.AMOUNT and start_of(f) < start_of(ch)), None)
    return cand if cand is not None and cand.subject == ch.subject else None

