"""A prose figure's role and sign, from the words just before it.

增加/减少 → change, 增长/下降/降幅 + % → growth (a bare number after a rate word right after a
change in money → growth with its % left out), 占 → share, 完成…的 / 执行率 → completion,
上年 or an earlier year → previous, 年初预算/预算数 → budget, 决算/执行数 → actual, a count unit →
count. Parts listed after 其中/包括 take their total's period (`breakdown_role`). The word lists
are the lexicon's (`parsers.lexicon`).
"""

from __future__ import annotations

import re

from parsers import lexicon
from parsers.figure_tokens import PERCENT, WINDOW, is_count
from parsers.figure_topics import Topics
from parsers.model import DocKind, Figure, Role
from parsers.numbers import MONEY_UNITS


TARGET_COMPLETED = re.compile(r"占(?:年初|全年|调整后?的?)?(?:预算|任务|计划)数?")


def role_of(clause: str, unit: str | None, whole_clause: str) -> tuple[Role, int, str]:
    """Role and sign from the clause's last words; the third value is an ambiguous 增加（减少）.

    ``whole_clause`` reaches back past a figure inside the clause, for 占/完成 phrases that
    print their denominator (``占总收入（4,677,326.79）的86.58%``).
    """
    tail = clause.rstrip()
    sign_m = lexicon.SIGN_AT_END.search(tail)
    alt = ""
    if sign_m and sign_m.group("alt") and re.search(r"增|减|升|降", sign_m.group("alt")) \
            and not re.match(r"[（(]\s*(?:以下简称|以下称|简称|下同)", sign_m.group("alt")):  # 增长（以下简称“增长”）22.2%
        alt = sign_m.group(0).rstrip("了 ")
    if unit == PERCENT:
        if TARGET_COMPLETED.search(whole_clause):
            return Role.COMPLETION, 1, ""  # 占年初预算数 109466 万元的 56.3%, 占任务数的 56.4%
        if lexicon.SHARE_AT_END.search(tail) or re.search(r"占", whole_clause):
            return Role.SHARE, 1, ""
        if lexicon.COMPLETION_AT_END.search(tail) or re.search(r"完成|执行率", whole_clause):
            return Role.COMPLETION, 1, ""
        if sign_m:
            sign = sign_of(sign_m.group(1) or sign_m.group("short"))
            return Role.GROWTH, -sign if tail[: sign_m.start()].endswith("负") else sign, alt  # 负增长 11.3%: a fall
        return Role.OTHER, 1, ""
    if is_count(unit):
        return Role.COUNT, 1, ""
    if sign_m:
        return Role.CHANGE, sign_of(sign_m.group(1) or sign_m.group("short")), alt
    if unit in MONEY_UNITS:
        return Role.AMOUNT, 1, ""
    return Role.OTHER, 1, ""


def rate_without_percent(clause: str, figures: list[Figure], sentence_start: int) -> bool:
    """A bare number after 增长/下降/降幅 … right after the sentence stated the change in money
    (“增加 10.00 万元，增长 11.11。”): the rate, its % left out."""
    if not lexicon.RATE_AT_END.search(clause) or not figures:
        return False
    last = figures[-1]
    return last.start is not None and last.start >= sentence_start and last.role == Role.CHANGE and last.unit in MONEY_UNITS


def sign_of(word: str) -> int:
    for w, sgn in lexicon.SIGN_WORDS:
        if word.startswith(w):
            return sgn
    if word in ("精简", "简化"):
        return -1
    return 1


FUND_NAME = re.compile(rf"{lexicon.FUND_BUDGET.pattern}(?!数|为|的)")  # 一般公共预算为 X: a budget after all
def period_role(sentence_head: str, clause: str, doc_year: int | None, doc_kind: DocKind | None) -> Role:
    if lexicon.PREVIOUS.search(clause):
        return Role.PREVIOUS
    years = [int(y) for y in lexicon.PERIOD_YEAR.findall(lexicon.BASE_YEAR.sub("", sentence_head))]
    if doc_year and years and years[-1] < doc_year:
        return Role.PREVIOUS
    # a clause that only says what the amount is a base of: “完成预算 29.6 万元的 92.8%” (that item's budget),
    # “较 5.88 万元增加了 0.51 万元” (what the year's amount is compared with)
    base_only = lexicon.COMPARISON_BASE.fullmatch(clause.strip()) is not None
    if lexicon.BUDGET.search(FUND_NAME.sub("", clause)) or (base_only and "预算" in clause):
        return Role.BUDGET  # not the 预算 of a fund's name: 一般公共预算安排“三公”经费决算数 is an outturn
    if base_only:
        return Role.PREVIOUS
    if lexicon.ACTUAL.search(clause):
        return Role.ACTUAL
    if doc_kind in (DocKind.FINAL, DocKind.ANALYSIS) and lexicon.BUDGET_IN_FINAL.search(clause):
        return Role.BUDGET
    return Role.AMOUNT


def breakdown_role(line: str, sentence_start: int, s: int, state: Topics) -> Role | None:
    """Parts listed after 其中/包括 take their total's period (budget, actual, previous): the
    period of the last amount stated before the opener."""
    openers = [m.start() for m in lexicon.BREAKDOWN.finditer(line, max(sentence_start, s - WINDOW), s)]
    head = state.total_before(openers[-1]) if openers else None
    if head is None and lexicon.BREAKDOWN.match(line[sentence_start : sentence_start + 12].lstrip(" ：:，,")):
        head = state.previous_last  # “…元。其中：…” continues the previous sentence's total
    elif head is None:
        return None
    if head is None or head.role not in (Role.BUDGET, Role.ACTUAL, Role.PREVIOUS):
        return None
    return head.role
