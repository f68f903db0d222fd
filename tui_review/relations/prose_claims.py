"""Claims about the document as a whole (rules ``balance``, ``definition`` and ``direction``):
收入总计 = 支出总计; 机关/机构运行经费 = (or ≤) 公用经费 where the glossary defines it so; and the
words 大于/小于/持平 between a section's 决算 and 年初预算 figures."""

from __future__ import annotations

import re

from parsers import lexicon
from parsers.model import DocKind, Figure, Role
from tui_review.contracts.relation import Relation, RelationKind, Term
from parsers.subjects import canonical_subject, strip_role_words
from tui_review.relations.prose_context import Ctx, budget_and_actual, money, sentence_bounds, sum_relation
from tui_review.relations.text_marks import marks


def _subject_is(f: Figure, pattern: str) -> bool:
    return bool(re.search(pattern, f.subject))


def balance(ctx: Ctx) -> list[Relation]:
    """收入总计 = 支出总计 — or, where the document goes on to say what is left (“收支相抵，年终结余
    结转 96.6 亿元”, a government's account), 收入总计 = 支出总计 + that balance."""
    income = next((f for f in ctx.figs if money(f) and ctx.period(f) == Role.AMOUNT and _subject_is(f, r"^收入.*总计$")), None)
    spend = next((f for f in ctx.figs if money(f) and ctx.period(f) == Role.AMOUNT and _subject_is(f, r"^支出.*总计$")), None)
    if income is None or spend is None:
        return _budget_balances(ctx)
    left, stated = _balance_left(ctx, max(income, spend, key=lambda f: f.start or 0))
    if stated and left is None:
        return []  # a balance is stated but its figure could not be read: the totals need not agree
    if left is not None:
        return [sum_relation("balance", income, [spend, left], word="收支相抵", zh="收入总计 = 支出总计 + 收支相抵后的结余",
                             en="total income = total expenditure + the balance left")]
    return [sum_relation("balance", spend, [income], word="总计", zh="收入总计 = 支出总计", en="total income = total expenditure")]


BARE_TOTALS = (
    "“收入”“支出”未写明“总计”：按预算收支平衡核对，若其中一方不含上年结转或结转下年，两者可以不等",
    "“收入” and “支出” are not called totals: checked as a balanced budget; if one leaves out the carry-over they may differ",
)


def _budget_balances(ctx: Ctx) -> list[Relation]:
    """A 预算 balances: where it states its 收入 and 支出 by those bare names (本部门预算收入
    159.89 万元 … 本部门预算支出 159.89 万元), or its 财政拨款收入 and 财政拨款支出, they are equal,
    and so are the changes it states for them — as warnings, the names not saying they are the totals."""
    if ctx.doc.kind != DocKind.BUDGET:
        return []
    out: list[Relation] = []
    for fund in ("", "财政拨款"):  # the department's 收入/支出, and its appropriations' (财政拨款收入/支出)
        for role in (Role.AMOUNT, Role.CHANGE):
            income = next((f for f in ctx.figs if money(f) and f.subject == f"{fund}收入" and ctx.period(f) == role and f.cell is None), None)
            spend = next((f for f in ctx.figs if money(f) and f.subject == f"{fund}支出" and ctx.period(f) == role and f.cell is None), None)
            if income is None or spend is None or income.section_id != spend.section_id:
                break
            if role == Role.CHANGE and _compared_with(ctx.doc.text, income) != _compared_with(ctx.doc.text, spend):
                break  # 比2024年预算执行数增加 / 比2024年预算增加: two bases, two changes
            change = "" if role == Role.AMOUNT else "增减额"
            rel = sum_relation("balance", spend, [income], word="收支平衡", zh=f"预算{fund}收入{change} = 预算{fund}支出{change}",
                               en=f"{'change of ' if change else ''}budgeted {fund and 'appropriation '}income = "
                               f"{'change of ' if change else ''}budgeted {fund and 'appropriation '}expenditure")
            rel.uncertain = BARE_TOTALS
            out.append(rel)
    return out


# what a change is measured against: 上年 / 2024年 and its stage (预算, 预算执行数, 决算数 …)
COMPARED_WITH = re.compile(r"(?:比|较|与)\s*(?:上年度?|去年|(?:19|20)\d{2}\s*年度?)?\s*(?P<stage>[^，,。；;\d]{0,8}?)\s*(?:相比)?\s*(?:增加|减少|增长|下降)")


def _compared_with(text: str, change: Figure) -> str:
    start = change.start or 0
    clause = text[max(0, start - 40) : start]
    found = list(COMPARED_WITH.finditer(clause))
    return found[-1].group("stage") if found else ""


# “收支相抵，年终结余结转 96.6 亿元” / “收支相抵后，结转下年 …”
BALANCE_LEFT = re.compile(r"收支相抵[^。\d]{0,20}?(?:结余|结转|滚存|赤字)")


def _balance_left(ctx: Ctx, last_total: Figure) -> tuple[Figure | None, bool]:
    """The balance the document states right after its totals (in the total's sentence or the
    next), and whether it states one at all."""
    text = ctx.doc.text
    _, s_end = sentence_bounds(text, last_total.start or 0)
    _, next_end = sentence_bounds(text, min(len(text) - 1, s_end + 1))
    m = BALANCE_LEFT.search(text, last_total.start or 0, next_end)
    if m is None:
        return None, False
    left = next((f for f in ctx.between(m.end(), next_end) if money(f) and f.unit == last_total.unit), None)
    return left, True


GLOSSARY = re.compile(r"(机关运行经费|机构运行经费)\s*[:：]?\s*(?:是)?指[^。]*?公用经费")


def definitions(ctx: Ctx) -> list[Relation]:
    m = GLOSSARY.search(ctx.doc.text)
    if m is None:
        return []
    name = m.group(1)
    qualifiers = r"(?:财政拨款|一般公共预算|预算|支出|安排|决算)*"
    running = next((f for f in ctx.figs if money(f) and ctx.period(f) == Role.AMOUNT and re.fullmatch(rf"{name}{qualifiers}", f.subject)), None)
    public = next((f for f in ctx.figs if money(f) and ctx.period(f) == Role.AMOUNT and re.fullmatch(rf"(?:（[一二三四五六]）)?公用经费{qualifiers}", f.subject)), None)
    if running is None or public is None:
        return []
    end = ctx.doc.text.find("。", m.start())
    cite = ctx.doc.text[m.start() : end + 1 if end != -1 else m.end()]
    if _has_public_institutions(ctx.doc.text, m.start(), end):
        # the glossary limits 机关运行经费 to 行政 (and 参公) units: with 事业单位 in the department,
        # their 公用经费 is in 公用经费 but not in 机关运行经费, so only ≤ is claimed
        rel = sum_relation("definition", public, [running], word="名词解释",
                   zh=f"{name} ≤ 公用经费（依据名词解释；部门含事业单位）",
                   en=f"{name} ≤ 公用经费 (per the glossary; the department has 事业单位)")
        rel.partial = True
    else:
        rel = sum_relation("definition", running, [public], word="名词解释",
                   zh=f"{name} = 公用经费（依据名词解释）", en=f"{name} = 公用经费 (per the glossary)")
    rel.cites = cite
    return [rel]


PUBLIC_INSTITUTION = re.compile(r"(?<!参照公务员法管理的)(?<!参公)事业单位|事业编")


def _has_public_institutions(text: str, glossary_start: int, glossary_end: int) -> bool:
    """The document speaks of 事业单位 of its own (outside the glossary's definition and
    other than 参照公务员法管理的事业单位)."""
    return any(not glossary_start <= m.start() <= glossary_end for m in PUBLIC_INSTITUTION.finditer(text))


SAME = lexicon.SAME
DIRECTION_WORDS = [
    (re.compile(r"决算数?(?:大于|高于|超过)(?:年初)?预算数?"), 1),
    (re.compile(r"决算数?(?:小于|低于)(?:年初)?预算数?"), -1),
    (re.compile(rf"决算数?与(?:年初)?预算数?{SAME}|决算数?(?:等于|相等于)(?:年初)?预算数?"), 0),
]
# “与上年相比持平 / 与上年预算数相等 / 同比无变化”: a claim of no change against the previous year
IN_CLAUSE = r"(?:[^，,。；;]|(?<=\d)[,，](?=\d))"  # a clause's characters; a thousands separator splits nothing
SAME_AS_PREVIOUS = re.compile(rf"(?:与|和|同|较|比)\s*(?:上年|上一年|去年|上年度){IN_CLAUSE}{{0,20}}?(?:相比|比较)?[，,]?\s*(?:基本)?{SAME}|同比{SAME}")


def directions(ctx: Ctx) -> list[Relation]:
    out: list[Relation] = []
    text = ctx.doc.text
    for pattern, sign in DIRECTION_WORDS:
        for m in pattern.finditer(text):
            if re.search(r"[（(](?:大于|小于|高于|低于)[）)]", text[m.start() : m.end() + 6]):
                continue  # a template's unfilled alternative: "大于（小于）"
            budget, actual = _pair_named(ctx, m.start()) or budget_and_actual(ctx, m.start())
            if budget is None or actual is None:
                continue
            out.append(_direction(m.group(0), actual, budget, sign, "所列数字", "the figures"))
    return out


FUND_WORDS = re.compile(r"一般公共预算|财政拨款|拨款|财政")  # “三公”经费支出 names “三公”经费财政拨款支出


def _pair_named(ctx: Ctx, pos: int) -> tuple[Figure | None, Figure | None] | None:
    """Where the claim's clause names its quantity (““三公”经费支出决算大于预算数”), that
    quantity's last budget and actual before it on its line — (None, None) when they are not
    both there; None when the clause names nothing."""
    text = ctx.doc.text
    clause = text[marks(text).last("，,。；;\n", pos) + 1 : pos]
    name = canonical_subject(strip_role_words(re.sub(r"(?:决算|预算)数?$", "", clause.strip())))
    if len(name) < 2:
        return None
    line_start = marks(text).last("\n", pos) + 1
    key = FUND_WORDS.sub("", name)
    named = [f for f in ctx.between(line_start, pos) if money(f) and (own := FUND_WORDS.sub("", f.subject)) and (own in key or key in own)]
    budget = next((f for f in reversed(named) if f.role == Role.BUDGET), None)
    actual = next((f for f in reversed(named) if f.role in (Role.ACTUAL, Role.AMOUNT) and f is not budget), None)
    return budget, actual


def _direction(words: str, now: Figure, base: Figure, sign: int, figures_zh: str, figures_en: str) -> Relation:
    """The words' claim about ``now − base``: its sign (1 大于, −1 小于, 0 持平/等于)."""
    return Relation(
        rule="direction",
        kind=RelationKind.DIRECTION,
        terms=[Term(now, 1), Term(base, -1)],
        expected_sign=sign,
        word=words,
        label_zh=f"“{words}”应与{figures_zh}一致",
        label_en=f"“{words}” should match {figures_en}",
        section_id=now.section_id,
    )


def same_as_previous(ctx: Ctx) -> list[Relation]:
    """“支出 X 万元，上年 Y 万元，与上年持平”: the sentence's amount and its previous-year amount
    must agree within rounding. 基本持平 (roughly level) claims nothing exact and is skipped."""
    out: list[Relation] = []
    text = ctx.doc.text
    for m in SAME_AS_PREVIOUS.finditer(text):
        if "基本" in m.group(0):
            continue
        start, _ = sentence_bounds(text, m.start())
        figs = [f for f in ctx.between(start, m.end()) if money(f)]
        current = next((f for f in reversed(figs) if ctx.period(f) == Role.AMOUNT), None)
        previous = next((f for f in reversed(figs) if f.role == Role.PREVIOUS), None)
        if current is None or previous is None or not _same_subject(current, previous):
            continue
        out.append(_direction(m.group(0), current, previous, 0, "所列本期数和上年数", "the current and previous figures"))
    return out


PERIOD_ONLY = re.compile(r"^(?:上年|上一年|去年|上年度)(?:数|决算数?|预算数?|执行数)?$")


def _same_subject(current: Figure, previous: Figure) -> bool:
    """The two amounts are of one quantity: the same name, or a previous figure named only by its
    period (“…100 万元，上年 90 万元”)."""
    return not current.subject or not previous.subject or PERIOD_ONLY.match(previous.subject) is not None or current.subject == previous.subject

