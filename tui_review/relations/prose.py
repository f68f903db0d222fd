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

import bisect
import re
from dataclasses import dataclass, field

from parsers.model import Document, Figure, Role, Section
from parsers.numbers import MONEY_UNITS
from tui_review.contracts.relation import Relation, RelationKind, Term
from tui_review.relations.period import own_period
from tui_review.relations.text_marks import marks

AMOUNT_ROLES = (Role.AMOUNT, Role.BUDGET, Role.ACTUAL)
LIST_OPENER = re.compile(r"(其中|主要包括|包括|具体包括|主要用于以下方面|用于以下方面|主要用于|分别为|具体情况如下|具体如下)\s*[:：]?")
SENTENCE_END = "。！？"
REASON = re.compile(r"原因|由于|因为")
NEIGHBOURHOOD = 400  # characters around a change in which its current, base and rate are sought
NEIGHBOURS = 12  # figures on each side
LIST_REACH = 1500  # characters: how far before its opener a list's total, and after it its parts, may stand


@dataclass(slots=True)
class _Ctx:
    doc: Document
    figs: list[Figure]  # prose figures in document order
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.starts = [f.start for f in self.figs]

    def between(self, start: int, end: int) -> list[Figure]:
        """Prose figures starting in [start, end), by bisection (documents run to thousands)."""
        starts = self.starts
        return self.figs[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    def period(self, fig: Figure) -> Role:
        return own_period(self.doc.kind, fig)


def _context(doc: Document) -> _Ctx:
    return _Ctx(doc, sorted((f for f in doc.figures if f.start is not None), key=lambda f: f.start))


def find(doc: Document) -> list[Relation]:
    ctx = _context(doc)
    lists = _inline_lists(ctx)
    out: list[Relation] = []
    out += _section_sums(ctx)
    out += lists
    out += _changes_and_growth(ctx)
    out += _completions(ctx)
    out += _shares(ctx, _heads(lists))
    out += _balance(ctx)
    out += _definitions(ctx)
    out += _directions(ctx)
    return out


# ---------------------------------------------------------------- helpers


def _money(f: Figure) -> bool:
    return f.unit in MONEY_UNITS


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    # a logical line ends at "\n", so no sentence reaches past the nearest one
    m = marks(text)
    lo = m.last("\n", pos) + 1
    hi = m.next("\n", pos)
    hi = len(text) if hi == -1 else hi
    start = max(m.last(SENTENCE_END, pos, lo) + 1, lo)
    end = m.next(SENTENCE_END, pos, hi)
    return start, (end if end != -1 else hi)


def _own_figures(ctx: _Ctx, sec: Section) -> list[Figure]:
    """Figures in a section's own text (before its first sub-section)."""
    end = sec.children[0].start if sec.children else sec.end
    return ctx.between(sec.start, end)


def _first(figs: list[Figure], roles, ctx: _Ctx) -> Figure | None:
    for f in figs:
        if _money(f) and ctx.period(f) in roles:
            return f
    return None


def _sum(rule: str, target: Figure, parts: list[Figure], coeffs: list[int] | None = None, *, word: str = "", zh: str = "", en: str = "") -> Relation:
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


# ---------------------------------------------------------------- sum.parts


def _section_sums(ctx: _Ctx) -> list[Relation]:
    """A section's head figure = Σ its sub-sections' figures of the same role (and their changes)."""
    out: list[Relation] = []
    for sec in ctx.doc.sections():
        if len(sec.children) < 2:
            continue
        own = _own_figures(ctx, sec)
        head = _first(own, AMOUNT_ROLES, ctx)
        if head is None or _combined_total(ctx, head) or not _announces_parts(ctx, sec, head):
            continue
        role = ctx.period(head)
        parts = [_first(_own_figures(ctx, child), (role,), ctx) for child in sec.children]
        if any(p is None for p in parts):
            continue
        if any(_same_name(head, p) for p in parts):
            continue  # the section opens with one of its parts (因公出国（境）费 …), not with their total
        out.append(
            _sum(
                "sum.parts",
                head,
                parts,
                word="其中",
                zh=f"{head.subject or sec.title} = 各分项之和",
                en=f"{head.subject or sec.title} = sum of its items",
            )
        )
        head_change = next((f for f in own if f.role == Role.CHANGE and f.start > head.start), None)
        if head_change is not None:
            changes = [next((f for f in _own_figures(ctx, c) if f.role == Role.CHANGE), None) for c in sec.children]
            if all(c is not None for c in changes):
                out.append(
                    _sum(
                        "components-of-change",
                        head_change,
                        changes,
                        word="增减",
                        zh=f"{head.subject or sec.title} 的增减额 = 各分项增减额之和",
                        en=f"change of {head.subject or sec.title} = sum of its items' changes",
                    )
                )
    return out


def _same_name(a: Figure, b: Figure) -> bool:
    key_a, key_b = re.sub(r"(?:支出|经费|费用)$", "", a.subject), re.sub(r"(?:支出|经费|费用)$", "", b.subject)
    return bool(key_a) and (key_a == key_b or key_a.startswith(key_b) or key_b.startswith(key_a))


def _combined_total(ctx: _Ctx, head: Figure) -> bool:
    """"收入、支出预算总计 X" states two equal totals at once: what follows details each, not a sum."""
    clause_start = marks(ctx.doc.text).last("，,。；;\n", head.start) + 1
    clause = ctx.doc.text[clause_start : head.start]
    return bool(re.search(r"收入?[、，,和及与]\s*支出?|收、支|收支", clause))


def _announces_parts(ctx: _Ctx, sec: Section, head: Figure) -> bool:
    """The head's sentence says its parts follow (其中/包括…), or every sub-heading states an amount."""
    text = ctx.doc.text
    own_end = sec.children[0].start
    _, s_end = _sentence_bounds(text, head.start)
    opener = LIST_OPENER.search(text, head.end, own_end)
    if opener and (opener.start() <= s_end or not text[s_end + 1 : opener.start()].strip()):
        return True
    return all(any(_money(f) for f in ctx.between(child.start, child.start + len(child.heading) + 2)) for child in sec.children)


def _inline_lists(ctx: _Ctx) -> list[Relation]:
    """``X 万元，其中：A a、B b…。`` — parts in the same sentence (or following ；-lines)."""
    out: list[Relation] = []
    text = ctx.doc.text
    for m in LIST_OPENER.finditer(text):
        opener_end = m.end()
        s_start, _ = _sentence_bounds(text, m.start())
        # the head: the first amount of the sentence holding the opener, or of the previous sentence
        # when the opener starts a sentence ("…354.72 万元。其中：")
        head_roles = AMOUNT_ROLES + (Role.PREVIOUS,)
        in_sentence = [f for f in ctx.between(max(s_start, m.start() - LIST_REACH), m.start()) if _money(f)]
        if not in_sentence and s_start == m.start():  # "…。其中：" refers back to the previous sentence
            p_start, _ = _sentence_bounds(text, max(0, s_start - 2))
            in_sentence = [f for f in ctx.between(max(p_start, s_start - LIST_REACH), s_start) if _money(f)]
        if in_sentence and in_sentence[-1].role == Role.CHANGE and not any(ctx.period(f) in head_roles for f in in_sentence):
            rel = _change_list(ctx, in_sentence[-1], m)
            if rel is not None:
                out.append(rel)
            continue
        before = [f for f in in_sentence if ctx.period(f) in head_roles]
        nested = text[max(0, m.start() - 1) : m.start()] in ("（", "(")
        if nested:  # "基本支出 129.91 万元（其中：人员经费…）": the head is the figure just before
            before = before[-1:]
        if not before:
            continue
        sec = ctx.doc.section(before[0].section_id)
        limit = sec.children[0].start if sec is not None and sec.children and sec.children[0].start > opener_end else (sec.end if sec else len(text))
        if sec is not None and sec.children and sec.children[0].start <= opener_end + 2:
            continue  # parts are sub-sections: _section_sums handles them
        end = marks(text).next("。", opener_end)
        end = min(limit if end == -1 else min(end, limit), opener_end + LIST_REACH)
        if nested:
            close = marks(text).next("）)", opener_end)
            close = end if close == -1 else close
            end = min(end, close)
        parts = _list_parts(ctx, opener_end, end)
        if _has_form_issue(ctx, opener_end, end):
            continue  # a malformed or missing figure among the parts: the sum cannot be judged
        head = _list_head(ctx, before, parts)
        if head is None:
            continue
        parts = [p for p in parts if ctx.period(p) == ctx.period(head) or p.role == Role.AMOUNT]
        if len(parts) < 2 or any(p.unit != head.unit and p.unit not in MONEY_UNITS for p in parts):
            continue
        complete = _list_is_complete(ctx, m, parts, end)
        rel = _sum(
            "sum.parts",
            head,
            parts,
            word=m.group(1),
            zh=f"{head.subject} = {m.group(1)}所列各项之和" if complete else f"{head.subject} ≥ {m.group(1)}所列各项之和",
            en=f"{head.subject} = sum of the items listed after {m.group(1)}" if complete else f"{head.subject} ≥ sum of the items listed after {m.group(1)}",
        )
        rel.partial = not complete
        out.append(rel)
    return out


def _list_parts(ctx: _Ctx, start: int, end: int) -> list[Figure]:
    """The amounts a list states, each the first amount of its clause, up to where the sentence
    moves on to how the total changed."""
    text = ctx.doc.text
    parts: list[Figure] = []
    for f in ctx.between(start, end):
        if (f.role in (Role.CHANGE, Role.GROWTH) and parts) or CLOSING_TOTAL.fullmatch(f.subject):
            break  # the sentence moved on to how the total changed, or restates it (…，合计 X)
        if _money(f) and f.role in AMOUNT_ROLES + (Role.PREVIOUS,) and _clause_initial(text, f) and not _in_brackets(text, start, f.start):
            parts.append(f)
    return parts


def _list_head(ctx: _Ctx, before: list[Figure], parts: list[Figure]) -> Figure | None:
    """The total a list breaks down: the amount before the opener of the parts' own period
    (“全年预算 A，支出决算 B。其中：…” lists B's parts, not A's), by period, never by position."""
    periods = {ctx.period(p) for p in parts if p.role != Role.AMOUNT} or {Role.AMOUNT}
    if len(periods) != 1:
        return None
    period = periods.pop()
    if period == Role.AMOUNT:  # parts in the document's own period: a 预算's budget, a 决算's actual
        candidates = [f for f in before if ctx.period(f) == Role.AMOUNT]
    else:
        candidates = [f for f in before if ctx.period(f) == period]
    return candidates[0] if candidates else None


CLOSING_TOTAL = re.compile(r"合计|共计|总计|累计")
# sets of parts that make up their total whatever the document: 基本 + 项目 (+ the rarer kinds),
# 人员经费 + 公用经费, the 三公 items, a vehicle's purchase + running costs, income sources
PARTITIONS = (
    re.compile(r"^(?:一般公共预算(?:财政)?拨款)?(?:基本支出|项目支出|单位预留机动经费|上缴上级支出|经营支出|对附属单位补助支出|结转下年资金?)$"),
    re.compile(r"^(?:人员经费|公用经费)$"),
    re.compile(r"^(?:因公出国（境）费|公务用车购置及运行(?:维护)?费|公务接待费)(?:支出)?$"),
    re.compile(r"^(?:公务用车)?(?:购置费?|运行(?:维护)?费)(?:支出)?$"),
    re.compile(r"^(?:(?:一般公共预算|政府性基金(?:预算)?|国有资本经营(?:预算)?)?(?:财政)?拨款|财政专户管理资金|事业|事业单位经营|经营|上级补助|附属单位上缴|其他|上年结转(?:结余)?|用事业基金弥补收支差额)收入?$"),
)


def _list_is_complete(ctx: _Ctx, opener: re.Match, parts: list[Figure], end: int) -> bool:
    """Does the document say the listed parts are all of the total? Yes when they form a standard
    partition, when the list closes by restating the total (…，合计 X), or when 分别为 enumerates
    them; otherwise a 其中 list may name only the main items (the rest can follow in the next
    sentence), so it claims only Σ parts ≤ total."""
    if opener.group(1).startswith("分别"):
        return True
    if any(CLOSING_TOTAL.search(ctx.doc.text, p.end, end) for p in parts[-1:]):
        return True
    return any(all(pattern.match(p.subject) for p in parts) for pattern in PARTITIONS)


def _change_list(ctx: _Ctx, head: Figure, opener: re.Match) -> Relation | None:
    """"…增加 X 元，其中 A 增加 a 元，B 减少 b 元": the parts' changes add up to the total's."""
    text = ctx.doc.text
    end = marks(text).next("。", opener.end())
    end = len(text) if end == -1 else end
    parts = [f for f in ctx.between(opener.end(), end) if f.role == Role.CHANGE and _money(f)]
    if len(parts) < 2 or _has_form_issue(ctx, opener.end(), end):
        return None
    return _sum(
        "components-of-change",
        head,
        parts,
        word=opener.group(1),
        zh=f"{head.subject} 增减额 = 所列各项增减额之和",
        en=f"change of {head.subject} = sum of the listed changes",
    )


def _has_form_issue(ctx: _Ctx, start: int, end: int) -> bool:
    return any(i.start is not None and start <= i.start < end for i in ctx.doc.issues if i.code in ("parse.malformed_number", "parse.missing_figure"))


def _in_brackets(text: str, start: int, pos: int) -> bool:
    m = marks(text)
    return m.count("（(", start, pos) > m.count("）)", start, pos)


def _closes_bracket(text: str, pos: int, end: int) -> bool:
    """A bracket opened before ``pos`` closes before ``end``: the figure sits inside it."""
    m = marks(text)
    return m.count("）)", pos, end) > m.count("（(", pos, end)


def _clause_initial(text: str, f: Figure) -> bool:
    """The figure is the first amount of its clause (not a change or a second figure)."""
    i = f.start
    floor = max(0, f.start - 240)  # a clause runs no further back than this (bounded scan)
    while i > floor and text[i - 1] not in "，,、；;：:。\n":
        i -= 1
        if text[i].isdigit() and i < f.start - 1 and not text[i + 1 : f.start].strip().startswith(("（", "(")):
            # another number before it in the same clause: allowed only for a bracketed code
            if re.search(r"[（(]\s*\d{3,7}\s*[）)]", text[i - 1 : f.start]):
                continue
            return False
    return True


# ---------------------------------------------------------------- change, growth


def _base_role(sentence: str) -> str:
    return "budget" if re.search(r"年初预算|预算数相比|比预算", sentence) else "previous"


def _changes_and_growth(ctx: _Ctx) -> list[Relation]:
    out: list[Relation] = []
    text = ctx.doc.text
    for i, ch in enumerate(ctx.figs):
        if ch.role != Role.CHANGE or not _money(ch):
            continue
        s_start, s_end = _sentence_bounds(text, ch.start)
        # the figures just around the change (a bounded number: a sentence may run for pages)
        before = ctx.between(max(s_start, ch.start - NEIGHBOURHOOD), ch.start)[-NEIGHBOURS:]
        after = ctx.between(ch.end, min(s_end, ch.end + NEIGHBOURHOOD))[:NEIGHBOURS]
        current = next((f for f in reversed(before) if _money(f) and ctx.period(f) == Role.AMOUNT), None)
        if current is None:
            current = _heading_amount(ctx, ch, before)
        since = current.start if current is not None and current.start >= s_start else s_start
        base = next((f for f in reversed(before) if f.start > since and _money(f) and f.role in (Role.PREVIOUS, Role.BUDGET)), None)
        if base is not None:
            base_kind = "budget" if base.role == Role.BUDGET else "previous"
        else:
            clause_start = max(marks(text).last("。；;\n", ch.start) + 1, ch.start - NEIGHBOURHOOD)
            base_kind = _base_role(text[clause_start : ch.start])
        if current is not None and base is not None:
            out.append(
                _sum(
                    "change",
                    ch,
                    [current, base],
                    [1, -1],
                    word="增加" if ch.sign > 0 else "减少",
                    zh=f"{ch.subject} 增减额 = 本期 − {'年初预算' if base_kind == 'budget' else '上年'}",
                    en=f"change of {ch.subject} = current − {'budget' if base_kind == 'budget' else 'previous'}",
                )
            )
        growth = next((f for f in after if f.role == Role.GROWTH), None)
        if growth is None or REASON.search(text, ch.end, growth.start):
            continue  # a rate inside the 原因 explanation (“统一压减10%”) is not this change's growth
        if growth.sign != ch.sign and growth.value != 0 and ch.value != 0:
            out.append(
                Relation(
                    rule="direction",
                    kind=RelationKind.DIRECTION,
                    terms=[Term(ch, 1)],
                    target=growth,
                    expected_sign=growth.sign,
                    word=text[growth.start - 4 : growth.start].strip(),
                    label_zh=f"{ch.subject} 的增减方向应与增长率方向一致",
                    label_en=f"the direction of the change of {ch.subject} should match its growth rate",
                    section_id=ch.section_id,
                )
            )
            continue
        if all(f.value == 0 for f in (ch, growth, *(x for x in (base, current) if x is not None))):  # noqa: E501
            continue  # "0 万元，增加 0 万元，增长 0%": nothing stated that could disagree
        if base is not None:
            denominator = [Term(base, 1)]
        elif current is not None:
            denominator = [Term(current, 1), Term(ch, -1)]  # base = current − signed change
        else:
            continue
        out.append(
            Relation(
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
        )
    return out


def _heading_amount(ctx: _Ctx, ch: Figure, before: list[Figure]) -> Figure | None:
    """A change sentence with no amount of its own reports on its section's heading amount."""
    if before:
        return None
    sec = ctx.doc.section(ch.section_id)
    if sec is None:
        return None
    own = _own_figures(ctx, sec)
    cand = next((f for f in own if _money(f) and ctx.period(f) == Role.AMOUNT and f.start < ch.start), None)
    return cand if cand is not None and cand.subject == ch.subject else None


# ---------------------------------------------------------------- completion, share


def _completions(ctx: _Ctx) -> list[Relation]:
    out: list[Relation] = []
    text = ctx.doc.text
    for comp in ctx.figs:
        if comp.role != Role.COMPLETION:
            continue
        budget, actual = _budget_and_actual(ctx, comp.start)
        if budget is None or actual is None or (budget.value == actual.value == comp.value == 0):
            continue
        name = actual.subject or comp.subject
        out.append(_ratio("completion", comp, actual, budget, "完成", f"{name} 完成率 = 决算 ÷ 预算", f"completion of {name} = actual ÷ budget"))
    return out


def _budget_and_actual(ctx: _Ctx, pos: int) -> tuple[Figure | None, Figure | None]:
    """The last 年初预算 figure and the last actual amount before ``pos`` on its line."""
    line_start = marks(ctx.doc.text).last("\n", pos) + 1
    window = [f for f in ctx.between(line_start, pos) if _money(f)]
    budget = next((f for f in reversed(window) if f.role == Role.BUDGET), None)
    actual = next((f for f in reversed(window) if f.role in (Role.ACTUAL, Role.AMOUNT) and f is not budget), None)
    return budget, actual


def _ratio(rule: str, target: Figure, part: Figure, whole: Figure, word: str, zh: str, en: str) -> Relation:
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


def _shares(ctx: _Ctx, heads: dict[int, Figure]) -> list[Relation]:
    out: list[Relation] = []
    text = ctx.doc.text
    for share in ctx.figs:
        if share.role != Role.SHARE:
            continue
        line_start = marks(text).last("\n；;。", share.start) + 1
        clause_start = marks(text).last("，,；;。\n", share.start) + 1
        part = next(
            (f for f in reversed(ctx.between(line_start, clause_start)) if _money(f) and not _closes_bracket(text, f.end, clause_start)),
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
            _ratio(
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


def _heads(relations: list[Relation]) -> dict[int, Figure]:
    """Each part of the given breakdowns (by offset) → its total."""
    return {t.figure.start: rel.target for rel in relations for t in rel.terms}


def part_heads(doc: Document) -> dict[int, Figure]:
    """Every part of a stated breakdown (inline or by sub-sections), by offset → its total."""
    ctx = _context(doc)
    return _heads(_section_sums(ctx) + _inline_lists(ctx))


# ---------------------------------------------------------------- balance, definition, direction


def _subject_is(f: Figure, pattern: str) -> bool:
    return bool(re.search(pattern, f.subject))


def _balance(ctx: _Ctx) -> list[Relation]:
    income = next((f for f in ctx.figs if _money(f) and ctx.period(f) == Role.AMOUNT and _subject_is(f, r"^收入.*总计$")), None)
    spend = next((f for f in ctx.figs if _money(f) and ctx.period(f) == Role.AMOUNT and _subject_is(f, r"^支出.*总计$")), None)
    if income is None or spend is None:
        return []
    return [_sum("balance", spend, [income], word="总计", zh="收入总计 = 支出总计", en="total income = total expenditure")]


GLOSSARY = re.compile(r"(机关运行经费|机构运行经费)\s*[:：]?\s*(?:是)?指[^。]*?公用经费")


def _definitions(ctx: _Ctx) -> list[Relation]:
    m = GLOSSARY.search(ctx.doc.text)
    if m is None:
        return []
    name = m.group(1)
    qualifiers = r"(?:财政拨款|一般公共预算|预算|支出|安排|决算)*"
    running = next((f for f in ctx.figs if _money(f) and ctx.period(f) == Role.AMOUNT and re.fullmatch(rf"{name}{qualifiers}", f.subject)), None)
    public = next((f for f in ctx.figs if _money(f) and ctx.period(f) == Role.AMOUNT and re.fullmatch(rf"(?:（[一二三四五六]）)?公用经费{qualifiers}", f.subject)), None)
    if running is None or public is None:
        return []
    end = ctx.doc.text.find("。", m.start())
    cite = ctx.doc.text[m.start() : end + 1 if end != -1 else m.end()]
    if _has_public_institutions(ctx.doc.text, m.start(), end):
        # the glossary limits 机关运行经费 to 行政 (and 参公) units: with 事业单位 in the department,
        # their 公用经费 is in 公用经费 but not in 机关运行经费, so only ≤ is claimed
        rel = _sum("definition", public, [running], word="名词解释",
                   zh=f"{name} ≤ 公用经费（依据名词解释；部门含事业单位）",
                   en=f"{name} ≤ 公用经费 (per the glossary; the department has 事业单位)")
        rel.partial = True
    else:
        rel = _sum("definition", running, [public], word="名词解释",
                   zh=f"{name} = 公用经费（依据名词解释）", en=f"{name} = 公用经费 (per the glossary)")
    rel.cites = cite
    return [rel]


PUBLIC_INSTITUTION = re.compile(r"(?<!参照公务员法管理的)(?<!参公)事业单位|事业编")


def _has_public_institutions(text: str, glossary_start: int, glossary_end: int) -> bool:
    """The document speaks of 事业单位 of its own (outside the glossary's definition and
    other than 参照公务员法管理的事业单位)."""
    return any(not glossary_start <= m.start() <= glossary_end for m in PUBLIC_INSTITUTION.finditer(text))


DIRECTION_WORDS = [(re.compile(r"决算数?(?:大于|高于|超过)(?:年初)?预算数?"), 1), (re.compile(r"决算数?(?:小于|低于)(?:年初)?预算数?"), -1), (re.compile(r"决算数?与(?:年初)?预算数?持平"), 0)]


def _directions(ctx: _Ctx) -> list[Relation]:
    out: list[Relation] = []
    text = ctx.doc.text
    for pattern, sign in DIRECTION_WORDS:
        for m in pattern.finditer(text):
            if re.search(r"[（(](?:大于|小于|高于|低于)[）)]", text[m.start() : m.end() + 6]):
                continue  # a template's unfilled alternative: "大于（小于）"
            budget, actual = _budget_and_actual(ctx, m.start())
            if budget is None or actual is None:
                continue
            out.append(
                Relation(
                    rule="direction",
                    kind=RelationKind.DIRECTION,
                    terms=[Term(actual, 1), Term(budget, -1)],
                    expected_sign=sign,
                    word=m.group(0),
                    label_zh=f"“{m.group(0)}”应与所列数字一致",
                    label_en=f"“{m.group(0)}” should match the figures",
                    section_id=actual.section_id,
                )
            )
    return out
