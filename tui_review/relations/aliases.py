"""Names the domain treats as one quantity, and when a document lets them be read as one.

A disclosure names one figure in several ways: the 一般公共预算 spending total is 一般公共预算支出 in
one template's table title, 一般公共预算财政拨款支出 in another's, 一般公共预算拨款支出 in the prose.
`names(subject, one_fund)` gives the register names a statement is entered under: its alias's
canonical name, or the subject itself; a combined subject (收入、支出总计 — "收、支总计各…") is
entered under both totals it speaks of. An alias whose equivalence depends on the document
(财政拨款收入 is the 一般公共预算 income only where all appropriated income comes from that one
fund) applies only when ``one_fund`` says the document establishes it (`parsers.identity.whole_funds`).
Sides are never merged: an income name is never an alias of a spending name, even where a balanced
budget makes the two totals equal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Alias:
    pattern: re.Pattern[str]  # the whole subject, as the parser canonicalised it
    canonical: tuple[str, ...]  # the register name(s) it stands for
    one_fund: bool = False  # applies only where the document's appropriations are one fund


ALIASES: tuple[Alias, ...] = (
    # the 一般公共预算 spending total: the standard table is titled 一般公共预算支出表 in some
    # templates and 一般公共预算财政拨款支出表 in others; the prose also says 一般公共预算拨款支出
    # (its 合计; a 总计 adds what is carried over or paid up: 支出 + 上解 + 还本 + 结转 = 支出总计)
    Alias(re.compile(r"(?:本年)?一般公共预算(?:财政)?(?:拨款)?支出(?:合计)?"), ("一般公共预算财政拨款支出",)),
    # the 一般公共预算 income row of the 收支总表 (一般公共预算拨款收入 / 一般公共预算财政拨款收入),
    # called 本年一般公共预算收入 where the 收入总表 is explained by source
    Alias(re.compile(r"(?:本年)?一般公共预算(?:财政)?(?:拨款)?收入"), ("一般公共预算财政拨款收入",)),
    # 财政拨款收入/支出 is the sum over the three appropriation funds: the 一般公共预算 figure only
    # where the other two are 0
    Alias(re.compile(r"(?:本年)?财政拨款收入(?:合计)?"), ("一般公共预算财政拨款收入",), one_fund=True),
    Alias(re.compile(r"(?:本年)?财政拨款支出(?:合计)?"), ("一般公共预算财政拨款支出",), one_fund=True),
    # the appropriation's 基本支出 / 项目支出 is the department's where all its money is one fund
    Alias(re.compile(r"(?:一般公共预算(?:财政)?(?:拨款)?|财政拨款)(?:基本支出)"), ("基本支出",), one_fund=True),
    Alias(re.compile(r"(?:一般公共预算(?:财政)?(?:拨款)?|财政拨款)(?:项目支出)"), ("项目支出",), one_fund=True),
    # "本年收入 X 万元，上年结转结余 Y 万元": the 收支总表's 本年收入合计 row
    Alias(re.compile(r"本年收入"), ("本年收入合计",)),
    Alias(re.compile(r"本年支出"), ("本年支出合计",)),
    # the department's income or spending named without 总计 / 合计 ("收入预算176.65万元", "部门预算收入
    # …", "本年度决算收入…", "占总收入（…）的"): 收入总计 or 本年收入合计, which differ by the
    # carry-over, so these are compared only with each other, as loose names (at most a warning)
    Alias(re.compile(r"(?:本部门|部门|单位)?(?:收入)|总收入"), ("部门收入",)),
    Alias(re.compile(r"(?:本部门|部门|单位)?(?:支出)|总支出"), ("部门支出",)),
    # "收入、支出预算总计 X 万元" / "收、支总计各增加 X 万元": one figure stated for both totals
    Alias(re.compile(r"收入?、?支出?(?:预算|决算)?总计"), ("收入总计", "支出总计")),
    Alias(re.compile(r"财政拨款收入?、?支出?(?:预算|决算)?(?:总计|总预算|总决算)"), ("财政拨款收入总计", "财政拨款支出总计")),
    # "财政拨款收、支总预算 X 万元": the 财政拨款收支总表's 总计
    Alias(re.compile(r"财政拨款收入(?:预算|决算)?(?:总计|总预算|总决算)"), ("财政拨款收入总计",)),
    Alias(re.compile(r"财政拨款支出(?:预算|决算)?(?:总计|总预算|总决算)"), ("财政拨款支出总计",)),
)


CANONICAL = frozenset(name for alias in ALIASES for name in alias.canonical)
# the department's own totals: one quantity in whatever list they stand (基本支出 is not: a fund's
# 基本支出 and the department's differ)
LOOSE = frozenset({"部门收入", "部门支出"})  # names that may mean one of two totals
DEPARTMENT_TOTALS = CANONICAL - {"基本支出", "项目支出"} - LOOSE


def names(subject: str, one_fund: bool) -> tuple[str, ...]:
    """The register names of a statement whose subject is ``subject``."""
    for alias in ALIASES:
        if alias.pattern.fullmatch(subject) and (one_fund or not alias.one_fund):
            return alias.canonical
    return (subject,)
