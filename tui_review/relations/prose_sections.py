"""Breakdowns by sub-sections (rules ``sum.parts`` and ``components-of-change``): a section's
total and the amount each of its sub-sections states (``（一）收入预算总计 354.72 万元`` over
``1．本年收入合计…``), or — when the section's own text states no amount — the total its heading
names, stated in the sections before (``（二）一般公共预算财政拨款具体使用安排情况``). Also
`part_heads`: every listed part's total, inline or by sub-sections, for the finders that must not
take a part for its total."""

from __future__ import annotations

import re

from parsers.model import Document, Figure, Role, Section
from tui_review.contracts.relation import Relation
from tui_review.relations.prose_context import AMOUNT_ROLES, Ctx, context, end_of, first_amount, is_average, money, own_figures, sentence_bounds, span, start_of, sum_relation
from tui_review.relations.prose_lists import (
    LIST_OPENER, LIST_REACH, alias_key, broken_off, components_of_change, heads_of, inline_lists, list_parts, restated_change,
)
from tui_review.relations.text_marks import marks


def section_sums(ctx: Ctx) -> list[Relation]:
    """A section's head figure = Σ its sub-sections' figures of the same role (and their changes)."""
    out: list[Relation] = []
    for sec in ctx.doc.sections():
        if len(sec.children) < 2:
            continue
        own = own_figures(ctx, sec)
        head = first_amount(own, AMOUNT_ROLES, ctx)
        named = head is None and (head := _named_by_heading(ctx, sec)) is not None
        if head is None or _combined_total(ctx, head) or not (named or _announces_parts(ctx, sec, head)) or _numbering_restarts(sec):
            continue
        if not named and _listed_before(ctx, sec, head) > len(sec.children):
            continue  # the sentence lists more parts than the sub-sections describe: not all have one
        role = ctx.period(head)
        parts = _each_present([first_amount(own_figures(ctx, child), (role,), ctx) for child in sec.children])
        if parts is None:
            continue
        if any(_same_name(head, p) for p in parts) or _all_of_the_other_side(head, parts) or is_average(head):
            continue  # the section opens with one of its parts (因公出国（境）费 …), or with its income before spending items
        rel = sum_relation(
            "sum.parts",
            head,
            parts,
            word="其中",
            zh=f"{head.subject or sec.title} = 各分项之和",
            en=f"{head.subject or sec.title} = sum of its items",
        )
        rel.uncertain = HEAD_NAMED_BY_HEADING if named else None
        rel.partial = broken_off(ctx.doc.text, sec.children[-1].end)  # the text stops inside the last item: more may follow
        out.append(rel)
        if named:
            continue
        own_change = _own_change(ctx, head, own)
        head_change = (own_change, None) if own_change is not None else restated_change(ctx, head)
        if head_change[0] is not None:
            changes = _each_present([next((f for f in own_figures(ctx, c) if f.role == Role.CHANGE), None) for c in sec.children])
            if changes is not None:
                out.append(components_of_change(head_change[0], changes, head.subject or sec.title, head_change[1]))
    return out


HEAD_NAMED_BY_HEADING = (
    "总数取自前文：本节标题所指的数字（本节只列出各分项）；各分项之外可能还有未列出的项目",
    "the total is taken from before: the amount the section's heading names (the section lists only the items); "
    "items may exist beyond those listed",
)
# “（二）一般公共预算财政拨款具体使用安排情况”: the words after the name of what a section details
HEADING_TAIL = re.compile(r"(?:的)?(?:具体)?(?:使用)?(?:安排)?(?:支出)?(?:情况)?(?:说明)?$")


def _named_by_heading(ctx: Ctx, sec: Section) -> Figure | None:
    """The total a section whose own text states no amount details, where its heading names it
    (“（二）一般公共预算财政拨款具体使用安排情况” over “1.一般公共服务类 110.91 万元…”): the last
    amount of that name in the sections before, in the document's own period."""
    name = HEADING_TAIL.sub("", re.sub(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十\d]{1,3}[、.．])\s*", "", sec.title))
    key = alias_key(name)
    if len(key) < 4:
        return None
    before = ctx.between(max(0, sec.start - 4 * LIST_REACH), sec.start)
    return next((f for f in reversed(before) if money(f) and ctx.period(f) == Role.AMOUNT and alias_key(f.subject) == key), None)


def _own_change(ctx: Ctx, head: Figure, own: list[Figure]) -> Figure | None:
    """The change stated for ``head`` itself: the first change after it with no other amount
    between (“总收入 581.45 万元，其中本年收入 390.55 万元，较上年减少 175.26 万元” states the
    change of 本年收入, not of 总收入)."""
    for f in own:
        if start_of(f) <= start_of(head):
            continue
        if f.role == Role.CHANGE:
            return f
        if money(f) and f.role in AMOUNT_ROLES:
            return None
    return None


def _each_present(found: list[Figure | None]) -> list[Figure] | None:
    """The figures found for every item, or None when any item has none."""
    present = [f for f in found if f is not None]
    return present if len(present) == len(found) else None


def _same_name(a: Figure, b: Figure) -> bool:
    """One name, or one the other with more words — not with more items (公务用车购置及运行维护费
    is made of 公务用车购置 and 运行维护费, not named after the first)."""
    key_a, key_b = re.sub(r"(?:支出|经费|费用)$", "", a.subject), re.sub(r"(?:支出|经费|费用)$", "", b.subject)
    if not key_a or not key_b:
        return False
    short, long = sorted((key_a, key_b), key=len)
    return long.startswith(short) and not re.match(r"[及和与、]", long[len(short) :])


def _all_of_the_other_side(head: Figure, parts: list[Figure]) -> bool:
    """An income total over items that are all spending (or the reverse): “全镇公共财政总收入 5756.3 万元…。
    …支出完成 5472.90 万元，如下：1、一般公共服务支出…”."""
    side = "收入" if "收入" in head.subject and "支出" not in head.subject else "支出" if "支出" in head.subject and "收入" not in head.subject else ""
    other = {"收入": "支出", "支出": "收入"}.get(side)
    return other is not None and all(p.subject.endswith(other) for p in parts)


def _combined_total(ctx: Ctx, head: Figure) -> bool:
    """"收入、支出预算总计 X" states two equal totals at once: what follows details each, not a sum."""
    head_start = start_of(head)
    clause_start = marks(ctx.doc.text).last("，,。；;\n", head_start) + 1
    clause = ctx.doc.text[clause_start:head_start]
    return bool(re.search(r"收入?[、，,和及与]\s*支出?|收、支|收支", clause))


def _announces_parts(ctx: Ctx, sec: Section, head: Figure) -> bool:
    """The head's sentence says its parts follow (其中/包括…), or every sub-heading states an amount."""
    text = ctx.doc.text
    own_end = sec.children[0].start
    head_start, head_end = span(head)
    _, s_end = sentence_bounds(text, head_start)
    opener = LIST_OPENER.search(text, head_end, own_end)
    if opener and (opener.start() <= s_end or not text[s_end + 1 : opener.start()].strip()):
        return True
    return all(any(money(f) for f in ctx.between(child.start, child.start + len(child.heading) + 2)) for child in sec.children)


ITEM_NUMBER = re.compile(r"^\s*[（(]?\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[）)、.．]")
CHINESE_DIGITS = "一二三四五六七八九十"


def _numbering_restarts(sec: Section) -> bool:
    """The sub-sections are numbered as more than one enumeration (1、2、3、 then 1、2、3、 again:
    two breakdowns, of one total or of two)."""
    numbers = []
    for child in sec.children:
        m = ITEM_NUMBER.match(child.heading)
        if m is None:
            return False
        n = m.group(1)
        numbers.append(int(n) if n.isdigit() else CHINESE_DIGITS.index(n[-1]) + 1 + (10 if len(n) > 1 else 0))
    return any(b <= a for a, b in zip(numbers, numbers[1:]))


def _listed_before(ctx: Ctx, sec: Section, head: Figure) -> int:
    """How many parts the head's own paragraph lists before the sub-sections (“其中：A a，B b，
    C c。具体情况如下：（一）A…（二）B…”); 0 when it lists none."""
    text = ctx.doc.text
    opener = LIST_OPENER.search(text, end_of(head), sec.children[0].start)
    if opener is None:
        return 0
    end = marks(text).next("。", opener.end())
    return len(list_parts(ctx, opener.end(), min(sec.children[0].start, len(text) if end == -1 else end)))


def part_heads(doc: Document) -> dict[int, Figure]:
    """Every part of a stated breakdown (inline or by sub-sections), by offset → its total."""
    ctx = context(doc)
    return heads_of(section_sums(ctx) + inline_lists(ctx))

