"""Breakdowns the prose lists inline (rules ``sum.parts`` and ``components-of-change``): a total
and its enumerated parts (``X 万元，其中：A a、B b…``, 包括, 主要包括, 分别为; one part a line; ；-items
stating each part's change), the parts taken in the total's period. A list is complete only where
the document says so (a standard partition, 分别为, a closing 合计 of the same amount); otherwise it
claims Σ parts ≤ total, and parts that may nest only that none exceeds it. Breakdowns by
sub-sections are `prose_sections`', an amount split into paid and left `prose_paid`'s."""

from __future__ import annotations

import re
from decimal import Decimal

from parsers import lexicon
from parsers.model import Figure, Role
from parsers.numbers import MONEY_UNITS
from tui_review.contracts.relation import Relation
from tui_review.relations.prose_context import (
    AMOUNT_ROLES, Ctx, closes_bracket, end_of, has_form_issue, in_brackets, is_average, money, sentence_bounds, span, start_of,
    sum_relation,
)
from tui_review.relations.partitions import disjoint, one_partition, same_partition
from tui_review.relations.prose_claims import SAME_AS_PREVIOUS
from tui_review.relations.prose_nesting import MAY_OVERLAP, closed_reading, largest_within, may_nest, nested_reading
from tui_review.relations.table_index import name_key
from tui_review.relations.text_marks import marks

LIST_OPENER = lexicon.LIST_OPENER
LIST_REACH = 1500  # characters: how far before its opener a list's total, and after it its parts, may stand


# a line that opens by naming a quantity and stating its amount: “人员经费489.18万元，主要包括：…”
ITEM_LINE = re.compile(r"[ \t]*(?:[（(]?[一二三四五六七八九十\d]{1,2}[）).、．]\s*)?[\u4e00-\u9fff（）()“”\"]{2,30}?\s*(?:为|是)?\s*\d")
ITEM_LINES = 12  # lines a list typeset one part a line may run over


def _previous_sentence_amounts(ctx: Ctx, s_start: int) -> list[Figure]:
    """The amounts of the sentence before ``s_start`` — or, when that one only compares (“与2023年
    决算数 23.50 万元相比，减少 2.10 万元”), of the sentence it compares."""
    text = ctx.doc.text
    p_start, _ = sentence_bounds(text, max(0, s_start - 2))
    found = [f for f in ctx.between(max(p_start, s_start - LIST_REACH), s_start) if money(f)]
    if found and COMPARES_ONLY.match(text, p_start) and not any(ctx.period(f) == Role.AMOUNT for f in found):
        q_start, _ = sentence_bounds(text, max(0, p_start - 2))
        found = [f for f in ctx.between(max(q_start, p_start - LIST_REACH), p_start) if money(f)] + found
    return found


COMPARES_ONLY = re.compile(r"\s*(?:与|比|较|同)\s*(?:上年|去年|(?:19|20)\d{2}\s*年)")


def _item_lines(ctx: Ctx, opener_end: int, limit: int) -> list[tuple[int, int]] | None:
    """The lines of a list whose opener ends its line and whose parts follow one a line, each
    opening with its name and stating one amount in its first sentence; None when the list is
    not set out that way (a first line that lists several amounts is a list of its own)."""
    text = ctx.doc.text
    if not re.match(r"[ \t]*\n", text[opener_end : opener_end + 4]):
        return None
    out: list[tuple[int, int]] = []
    pos = text.index("\n", opener_end) + 1
    while pos < limit and len(out) < ITEM_LINES and ITEM_LINE.match(text, pos):
        end = text.find("\n", pos)
        end = min(limit, len(text) if end == -1 else end)
        stop = text.find("。", pos, end)
        if sum(1 for f in ctx.between(pos, end if stop == -1 else stop) if money(f)) != 1:
            return None
        out.append((pos, end))
        pos = end + 1
    return out if len(out) >= 2 else None


def _first_money(ctx: Ctx, start: int, end: int) -> Figure | None:
    return next((f for f in ctx.between(start, end) if money(f) and f.role in AMOUNT_ROLES + (Role.PREVIOUS,)), None)


def _names_another_total(text: str, opener: int, head: Figure) -> bool:
    """“收入包括：A a、B b；支出包括：C c…”: the opener follows the name of what it breaks down,
    and that is not the amount found before it."""
    clause_start = marks(text).last("，,。；;：:\n", opener) + 1
    name = re.sub(r"[\s“”\"（(]", "", text[clause_start:opener])
    if len(name) < 2 or re.search(r"\d", name):
        return False  # no name of its own (“，其中：”), or the head itself (“129.91 万元（其中：”)
    subject = re.sub(r"[\s“”\"]", "", head.subject)
    return not (name in subject or subject in name)


def components_of_change(head_change: Figure, changes: list[Figure], name: str, uncertain: tuple[str, str] | None) -> Relation:
    rel = sum_relation(
        "components-of-change",
        head_change,
        changes,
        word="增减",
        zh=f"{name} 的增减额 = 各分项增减额之和",
        en=f"change of {name} = sum of its items' changes",
    )
    rel.uncertain = uncertain
    return rel


# words that name one total in different ways: 一般公共预算（财政）拨款支出 ≡ 一般公共预算支出
ALIAS_NOISE = re.compile(r"本部门|本单位|本年度?|当年|(?<=预算)(?:财政)?拨款|财政")


def alias_key(name: str) -> str:
    return ALIAS_NOISE.sub("", re.sub(r"^(?:19|20)\d{2}\s*年度?", "", name_key(name)))


def restated_change(ctx: Ctx, head: Figure) -> tuple[Figure | None, tuple[str, str] | None]:
    """The change of ``head`` stated where the document restates it: the same amount (value,
    unit, period) under the same name, or one the document uses for it (…拨款支出 ≡ …支出), whose
    sentence goes on to say how it changed from the previous year. With why it is uncertain when
    the name differs; (None, None) when no restatement states a change."""
    key = alias_key(head.subject)
    if not key:
        return None, None
    for f in ctx.figs:
        if f is head or f.value != head.value or f.unit != head.unit or ctx.period(f) != ctx.period(head) or alias_key(f.subject) != key:
            continue
        f_start, f_end = span(f)
        _, s_end = sentence_bounds(ctx.doc.text, f_start)
        after = ctx.between(f_end, s_end)
        change = next((c for c in after if c.role == Role.CHANGE and money(c)), None)
        if change is None or any(money(a) and a.role != Role.CHANGE for a in after if start_of(a) < start_of(change)):
            continue
        if lexicon.BUDGET.search(ctx.doc.text, f_end, start_of(change)):
            continue  # a change against the budget, not the previous year
        if name_key(f.subject) == name_key(head.subject):
            return change, None
        why = (
            f"总数的增减额取自另一处对同一数字的表述（{f.subject}）",
            f"the total's change is taken from where the document restates it ({f.subject})",
        )
        return change, why
    return None, None


def inline_lists(ctx: Ctx) -> list[Relation]:
    """``X 万元，其中：A a、B b…。`` — parts in the same sentence (or following ；-lines)."""
    out: list[Relation] = []
    for m in LIST_OPENER.finditer(ctx.doc.text):
        in_sentence = _amounts_before(ctx, m)
        if in_sentence and in_sentence[-1].role == Role.CHANGE and not any(ctx.period(f) in HEAD_ROLES for f in in_sentence):
            rel = _change_list(ctx, in_sentence[-1], m)
            if rel is not None:
                out.append(rel)
            continue
        out += _amount_list(ctx, m, [f for f in in_sentence if ctx.period(f) in HEAD_ROLES])
    return out


HEAD_ROLES = AMOUNT_ROLES + (Role.PREVIOUS,)


def _amounts_before(ctx: Ctx, m: re.Match) -> list[Figure]:
    """The amounts a list's total is among: those of the opener's sentence before it — of its
    ；-item, when the opener stands in a later one (“…8.00 万元；B 11.30 万元，其中 b1…”) — or, for
    an opener that starts its sentence (“…354.72 万元。其中：”), of the sentence before."""
    text = ctx.doc.text
    s_start, _ = sentence_bounds(text, m.start())
    item_start = max(s_start, marks(text).last("；;", m.start()) + 1)
    found = [f for f in ctx.between(max(item_start, m.start() - LIST_REACH), m.start()) if money(f)]
    if not found and s_start == m.start():
        found = _previous_sentence_amounts(ctx, s_start)
    return found


def _list_end(ctx: Ctx, m: re.Match, limit: int) -> int:
    """Where a list ends: its sentence's end (not a full stop inside brackets), its ；-item's when
    it opens inside a later item, or its bracket's when it opens one (“基本支出 129.91 万元（其中：…）”)."""
    text = ctx.doc.text
    opener_end = m.end()
    end = marks(text).next("。", opener_end)
    while end != -1 and end < limit and in_brackets(text, opener_end, end):
        end = marks(text).next("。", end + 1)  # “B 500 万元（b1 100 万元，…。）…；C 2.4 万元。”: a full stop in brackets ends no list
    end = min(limit if end == -1 else min(end, limit), opener_end + LIST_REACH)
    s_start, _ = sentence_bounds(text, m.start())
    if marks(text).last("；;", m.start()) >= s_start:
        item_end = marks(text).next("；;", opener_end)
        end = end if item_end == -1 else min(end, item_end)
    if text[max(0, m.start() - 1) : m.start()] in ("（", "("):
        close = marks(text).next("）)", opener_end)
        end = end if close == -1 else min(end, close)
    return _next_sibling_item(text, s_start, m.start(), end)


# an inline enumerator opening an item: 1、 / 2. / （二）
INLINE_ITEM = re.compile(r"(?:^|(?<=[：:；;，,。\s]))(?:(?P<n>\d{1,2})[、.．](?!\d)|[（(](?P<p>\d{1,2})[）)])")


def _next_sibling_item(text: str, s_start: int, opener: int, end: int) -> int:
    """“1、基本支出 173.89 万元，包括：…；2、项目支出 110.56 万元，…”: a list opened inside an
    enumerated item ends where the next item of that enumeration begins."""
    own = [m for m in INLINE_ITEM.finditer(text, s_start, opener)]
    if not own:
        return end
    number = int(own[-1].group("n") or own[-1].group("p"))
    for m in INLINE_ITEM.finditer(text, opener, end):
        if int(m.group("n") or m.group("p")) == number + 1:
            return m.start()
    return end


def _outside_nested(ctx: Ctx, parts: list[Figure], start: int, end: int) -> list[Figure]:
    """The parts, less those of a list nested in one of them (“B 11.30 万元，其中 b1 0.00 万元，b2
    11.30 万元；C …”): each nested list runs to the end of its ；-item."""
    text = ctx.doc.text
    spans = []
    for inner in LIST_OPENER.finditer(text, start, end):
        close = marks(text).next("；;", inner.end())
        spans.append((inner.end(), end if close == -1 else min(close, end)))
    return [p for p in parts if not any(a <= start_of(p) < b for a, b in spans)]


def _amount_list(ctx: Ctx, m: re.Match, before: list[Figure]) -> list[Relation]:
    """The total's relations to the amounts a list gives (and to their changes)."""
    text = ctx.doc.text
    opener_end = m.end()
    if text[max(0, m.start() - 1) : m.start()] in ("（", "("):  # “基本支出 129.91 万元（其中：…”: the figure just before
        before = before[-1:]
    if not before:
        return []
    sec = ctx.doc.section(before[0].section_id)
    if sec is not None and sec.children and sec.children[0].start <= opener_end + 2:
        return []  # parts are sub-sections: section_sums handles them
    limit = sec.children[0].start if sec is not None and sec.children and sec.children[0].start > opener_end else (
        sec.end if sec is not None and sec.end > opener_end else len(text))  # text before any heading: no section bounds it
    end = _list_end(ctx, m, limit)
    lines = _item_lines(ctx, opener_end, limit)
    if lines is not None:  # “其中：\n人员经费 489.18 万元，主要包括：…\n公用经费 46.89 万元，…”
        end, parts = lines[-1][1], [f for f in (_first_money(ctx, a, b) for a, b in lines) if f is not None]
    else:
        parts = _outside_nested(ctx, list_parts(ctx, opener_end, end), opener_end, end)
    if has_form_issue(ctx, opener_end, end):
        return []  # a malformed or missing figure among the parts: the sum cannot be judged
    before = [f for f in before if not closes_bracket(text, end_of(f), m.start())]  # (含政府债券 832612 万元…)，其中: not the head
    head = _list_head(ctx, before, parts, nearest=sentence_bounds(text, m.start())[0] < m.start())
    if head is None or _names_another_total(text, m.start(), head) or is_average(head):
        return []
    parts = _same_side(head, [p for p in parts if ctx.period(p) == ctx.period(head) or p.role == Role.AMOUNT])
    if len(parts) < 2 or any(p.unit != head.unit and p.unit not in MONEY_UNITS for p in parts):
        return []
    complete = _list_is_complete(ctx, m, head, parts, end)
    rel = sum_relation(
        "sum.parts",
        head,
        parts,
        word=m.group(1),
        zh=f"{head.subject} = {m.group(1)}所列各项之和" if complete else f"{head.subject} ≥ {m.group(1)}所列各项之和",
        en=f"{head.subject} = sum of the items listed after {m.group(1)}" if complete else f"{head.subject} ≥ sum of the items listed after {m.group(1)}",
    )
    rel.partial = not complete
    if rel.partial and not disjoint(p.subject for p in parts):
        rel.uncertain = MAY_OVERLAP
        if may_nest(parts):  # 国家财政性教育经费 ⊃ 一般公共预算教育经费: such parts need not add up
            rel.alternative = largest_within(head, parts, m.group(1))
    if rel.partial and rel.alternative is None:  # a complete list (人员经费 + 公用经费) has no other reading
        rel.alternative = nested_reading(ctx, head, parts, m, end) or closed_reading(ctx, head, parts)
    changes = _changes_of_list(ctx, head, parts, m.start(), end, complete)
    return [rel] if changes is None else [rel, changes]


UNLISTED_ZERO = (
    "所列各项金额之和等于总数，但金额为 0 的项目可能未列出，其增减额不在其中",
    "the items listed add up to the total, but items of amount 0 may be left out, and their changes with them",
)


def _changes_of_list(ctx: Ctx, head: Figure, parts: list[Figure], opener: int, end: int, complete: bool) -> Relation | None:
    """“X 万元，较上年增加 c 万元，其中：A a 万元，较上年增加 ca 万元；B …”: when every listed
    part states its change, the changes add up to the total's. A list not known complete counts
    only when its amounts add up to the total, and then as uncertain (a part that fell to 0 is
    usually not listed)."""
    changes = []
    for part, following in zip(parts, [start_of(p) for p in parts[1:]] + [end]):
        change = next((f for f in ctx.between(end_of(part), following) if f.role == Role.CHANGE and money(f)), None)
        if change is None and _level(ctx.doc.text, end_of(part), following):
            continue  # “B b 万元，较上年持平”: a change of exactly 0, in words
        if change is None or lexicon.BUDGET.search(ctx.doc.text, end_of(part), start_of(change)):
            return None
        changes.append(change)
    if not changes:
        return None
    own = next((f for f in ctx.between(end_of(head), opener) if f.role == Role.CHANGE and money(f)), None)
    head_change, why = (own, None) if own is not None else restated_change(ctx, head)
    if head_change is None:
        return None
    if not complete:
        if not _adds_up(head, parts):
            return None
        why = why or UNLISTED_ZERO
    return components_of_change(head_change, changes, head.subject, why)


def _level(text: str, start: int, end: int) -> bool:
    """The words between ``start`` and ``end`` say the amount did not change (持平, 无变化; not
    基本持平, which claims nothing exact)."""
    m = SAME_AS_PREVIOUS.search(text, start, end)
    return m is not None and "基本" not in m.group(0)


def _adds_up(head: Figure, parts: list[Figure]) -> bool:
    """The parts' amounts add up to the head's within the rounding of every printed figure."""
    if any(p.unit != head.unit for p in parts):
        return False
    slack = head.half_ulp + sum((p.half_ulp for p in parts), Decimal(0))
    return abs(sum((p.value for p in parts), Decimal(0)) - head.value) <= slack


def list_parts(ctx: Ctx, start: int, end: int) -> list[Figure]:
    """The amounts a list states, each the first amount of its clause, up to where the sentence
    moves on to how the total changed — or, in a list of ；-items that each state an amount and
    how it changed, each item's amount."""
    itemised = _itemised_parts(ctx, start, end)
    if itemised:
        return itemised
    text = ctx.doc.text
    parts: list[Figure] = []
    for f in ctx.between(start, end):
        if (f.role in (Role.CHANGE, Role.GROWTH) and parts) or _states_a_total(text, f):
            break  # the sentence moved on to how the total changed, or states a total (…，合计 X)
        if money(f) and f.role in AMOUNT_ROLES + (Role.PREVIOUS,) and _clause_initial(text, f) and not in_brackets(text, start, start_of(f)) \
                and not _per_unit(text, f) and not lexicon.COMPARISON_BASE.match(clause_before(text, f)):  # 占年初预算 X 的: a rate's base
            if f.role == Role.PREVIOUS and parts and _compares(text, f):
                continue  # “A a 万元，比上年 b 万元…”: the base of A's comparison, not one more part
            parts.append(f)
    return parts


def _itemised_parts(ctx: Ctx, start: int, end: int) -> list[Figure]:
    """“其中：A a 万元，比上年增加 ca 万元；B b 万元，比上年减少 cb 万元。”: ≥ 2 ；-items, each
    opening with one amount (a bracket after it details it) followed by its change, or by words
    saying it did not change (持平) — a rate alone is no sign of a list (城镇 a 元，增长 x%；农村 b 元…
    are no parts of an average); an
    item of changes only compares the item before once more; [] for any other shape."""
    text = ctx.doc.text
    cuts = [start] + [i + 1 for i in range(start, end) if text[i] in "；;"] + [end]
    parts: list[Figure] = []
    for lo, hi in zip(cuts, cuts[1:]):
        figs = [f for f in ctx.between(lo, hi) if money(f) and not in_brackets(text, start, start_of(f))]  # (其中…) details the item
        if not figs:
            continue
        amounts = [f for f in figs if f.role in AMOUNT_ROLES + (Role.PREVIOUS,) and not (f.role == Role.PREVIOUS and f is not figs[0] and _compares(text, f))]
        if not amounts and parts and all(f.role in (Role.CHANGE, Role.GROWTH) for f in figs):
            continue  # “…；本年预算比上年执行数增加 a 万元”: a second comparison of the item before
        if len(amounts) != 1 or figs[0] is not amounts[0]:
            return []
        compared = any(f.role == Role.CHANGE and money(f) for f in ctx.between(end_of(amounts[0]), hi))
        if not compared and not _level(text, end_of(amounts[0]), hi):
            return []
        parts.append(amounts[0])
    return parts if len(parts) >= 2 else []


def _list_head(ctx: Ctx, before: list[Figure], parts: list[Figure], nearest: bool) -> Figure | None:
    """The total a list breaks down: an amount before the opener of the parts' own period
    (“全年预算 A，支出决算 B。其中：…” lists B's parts, not A's). Of several in the opener's own
    sentence (``nearest``), the nearest that can hold every part (“年初预算 336，调整后预算 378.83，
    其中区本级 371.32…”; “4402，加上级转移支付收入 1884，其中：…1478”); of a sentence before an
    opener that starts its own (“总计 X，包括本年收入 Y，上年结转 Z。其中：…” lists the parts of
    both), its first."""
    periods = {ctx.period(p) for p in parts if p.role != Role.AMOUNT} or {Role.AMOUNT}
    if len(periods) != 1:
        return None
    period = periods.pop()
    if period == Role.AMOUNT:  # parts in the document's own period: a 预算's budget, a 决算's actual
        candidates = [f for f in before if ctx.period(f) == Role.AMOUNT]
    else:
        candidates = [f for f in before if ctx.period(f) == period]
    if not candidates:
        return None
    if not nearest:
        return candidates[0]
    largest = max(parts, key=lambda p: p.value, default=None)
    holding = [c for c in candidates if largest is None or c.unit != largest.unit or c.value >= largest.value]
    return (holding or candidates)[-1]


# a clause that only names a total: …，合计 X / 以上共计 X / 收入合计为 X
TOTAL_CLAUSE = re.compile(r"(?:以上|上述|[两三四五六七八九十]项|收入|支出|收支)?(?:合计|共计|总计|累计)(?:为|是|达到?)?")


def _states_a_total(text: str, f: Figure) -> bool:
    """The figure's clause names a total (…，合计 X / 收入合计为 X), not one more part."""
    return bool(TOTAL_CLAUSE.fullmatch(re.sub(r"\s", "", clause_before(text, f))))


def clause_before(text: str, f: Figure) -> str:
    """The words of the figure's clause before it (from the last clause mark, at most 120 characters)."""
    return text[max(marks(text).last("，,、；;：:。\n", start_of(f)) + 1, start_of(f) - 120) : start_of(f)]


def _same_amount(a: Figure, b: Figure) -> bool:
    return a.unit == b.unit and abs(a.value - b.value) <= a.half_ulp + b.half_ulp


def broken_off(text: str, end: int) -> bool:
    """The text stops at ``end`` without a sentence closing it (an excerpt, a page cut off)."""
    if NON_SPACE.search(text, end) is not None:
        return False  # text goes on after ``end``
    last = end
    while last > 0 and text[last - 1].isspace():
        last -= 1
    return text[last - 1 : last] not in ("。", "；", ";", "）", ")", "！", "？")


NON_SPACE = re.compile(r"\S")


def _list_is_complete(ctx: Ctx, opener: re.Match, head: Figure, parts: list[Figure], end: int) -> bool:
    """Does the document say the listed parts are all of the total? Yes when they form a standard
    partition, when the list closes by restating the total (…，合计 X — the head's amount: a
    closing total of another amount sums up a chain the list stands in), or when 分别为 enumerates
    them; otherwise a 其中 list may name only the main items (the rest can follow in the next
    sentence), so it claims only Σ parts ≤ total. A list the text breaks off in (no full stop
    before the text ends) is never known complete."""
    if broken_off(ctx.doc.text, len(ctx.doc.text)) and not re.search(r"[。；;]", ctx.doc.text[end_of(parts[-1]) :]):
        return False
    if opener.group(1).startswith("分别"):
        return True
    closing = next((f for f in ctx.between(end_of(parts[-1]), end) if money(f) and _states_a_total(ctx.doc.text, f)), None)
    if closing is not None:
        return _same_amount(closing, head)
    if _goes_on_after(ctx, parts, end):
        return False
    return one_partition((p.subject for p in parts), enumerated=any(p.value == 0 for p in parts))


def _goes_on_after(ctx: Ctx, parts: list[Figure], end: int) -> bool:
    """The sentence after the list opens with one more item of its breakdown (“其中：一般公共预算拨款
    1125.76 万元，上年结转 0.00 万元。事业收入 86.97 万元，其他收入 70.00 万元。”)."""
    _, s_end = sentence_bounds(ctx.doc.text, end)
    following = next((f for f in ctx.between(end, s_end + 120) if money(f)), None)
    return following is not None and same_partition([p.subject for p in parts] + [following.subject])


def _change_list(ctx: Ctx, head: Figure, opener: re.Match) -> Relation | None:
    """"…增加 X 元，其中 A 增加 a 元，B 减少 b 元": the parts' changes add up to the total's."""
    text = ctx.doc.text
    end = marks(text).next("。", opener.end())
    end = len(text) if end == -1 else end
    parts = [f for f in ctx.between(opener.end(), end) if f.role == Role.CHANGE and money(f)
             and not in_brackets(text, opener.end(), start_of(f))]  # (税收增加146万元、非税增加219万元) details a part
    if len(parts) < 2 or has_form_issue(ctx, opener.end(), end):
        return None
    return sum_relation(
        "components-of-change",
        head,
        parts,
        word=opener.group(1),
        zh=f"{head.subject} 增减额 = 所列各项增减额之和",
        en=f"change of {head.subject} = sum of the listed changes",
    )


def _same_side(head: Figure, parts: list[Figure]) -> list[Figure]:
    """The parts up to the first that is the head's own other side (an income's list that runs on
    into “；完成政府性基金支出 4093 万元” has ended; 人员经费支出 under a 预算收入 is still a part)."""
    swapped = re.sub(r"收入|支出", lambda m: "支出" if m.group(0) == "收入" else "收入", head.subject)
    cut = next((i for i, p in enumerate(parts) if swapped != head.subject and len(_core(p.subject)) >= 4 and swapped.endswith(_core(p.subject))), len(parts))
    return parts[:cut]


def _core(subject: str) -> str:
    return re.sub(r"^(?:完成|实现|全年|累计)+", "", subject)


def _per_unit(text: str, f: Figure) -> bool:
    """An average or a price (“平均每辆 2.08 万元”, “人均 3 万元”): no part of a total."""
    return bool(lexicon.PER_UNIT.search(clause_before(text, f)))


def _compares(text: str, f: Figure) -> bool:
    """The figure's clause opens with a comparison (比上年… / 与上年…)."""
    return bool(COMPARES_ONLY.match(clause_before(text, f)))


def _clause_initial(text: str, f: Figure) -> bool:
    """The figure is the first amount of its clause (not a change or a second figure)."""
    f_start = i = start_of(f)
    floor = max(0, f_start - 240)  # a clause runs no further back than this (bounded scan)
    while i > floor and text[i - 1] not in "，,、；;：:。\n":
        i -= 1
        if text[i].isdigit() and i < f_start - 1 and not text[i + 1 : f_start].strip().startswith(("（", "(")):
            # another number before it in the same clause: allowed only for a bracketed code
            if re.search(r"[（(]\s*\d{3,7}\s*[）)]", text[i - 1 : f_start]):
                continue
            return False
    return True



def heads_of(relations: list[Relation]) -> dict[int, Figure]:
    """Each part of the given breakdowns (by offset) → its total."""
    return {start_of(t.figure): rel.target for rel in relations if rel.target is not None for t in rel.terms}
