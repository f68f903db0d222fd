"""Standard table kinds: which of the disclosure's standard tables a title (or header) names.

The kinds and the names each goes by (决算 and 预算, Shanghai and national templates, older
variants) follow ``tables.md``. Names contain one another (收入支出决算总表 is inside
财政拨款收入支出决算总表; 支出决算表 inside 一般公共预算财政拨款支出决算表), so the patterns are tried
from the most specific kind to the least, and the first match wins.
"""

from __future__ import annotations

import re

# kind → (Chinese name for messages, pattern on the normalised title); order matters
KINDS: dict[str, tuple[str, re.Pattern[str]]] = {
    "performance": ("绩效目标/自评表", re.compile(r"绩效.*表")),
    "procurement": ("政府采购预算表", re.compile(r"政府采购.*表")),
    "three_public": ("“三公”经费支出表", re.compile(r"三公.*表")),
    "running_costs": ("机关运行经费支出表", re.compile(r"机关运行经费.*表")),
    "gov_fund": ("政府性基金预算财政拨款收入支出表", re.compile(r"政府性基金.*表")),
    "state_capital": ("国有资本经营预算财政拨款收入支出表", re.compile(r"国有资本经营.*表")),
    "fiscal_summary": ("财政拨款收入支出总表", re.compile(r"财政拨款(?:收入支出|收支).*表")),
    "basic_expenditure": ("一般公共预算财政拨款基本支出表", re.compile(r"基本支出.*表")),
    "project_expenditure": ("项目支出表", re.compile(r"项目支出.*表")),
    "general_budget_expenditure": ("一般公共预算财政拨款支出表", re.compile(r"一般公共预算.*支出.*表")),
    "income_expenditure_summary": ("收入支出总表", re.compile(r"(?:收入支出|收支).*总表|收支.*表")),
    "income": ("收入表", re.compile(r"收入(?:决算|预算)?总?表")),
    "expenditure": ("支出表", re.compile(r"支出(?:决算|预算)?总?表")),
}

# The tables every 决算 (公开01–09) and every 预算 disclosure carries, whatever its province.
STANDARD_KINDS = (
    "income_expenditure_summary",
    "income",
    "expenditure",
    "fiscal_summary",
    "general_budget_expenditure",
    "basic_expenditure",
    "three_public",
    "gov_fund",
    "state_capital",
)

_NOISE = re.compile(r"[\s“”\"'‘’「」]|^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.]|公开\d+表|附?表\d+(?:-\d+)?)")


def normalise_title(title: str) -> str:
    t = title
    for _ in range(2):
        t = _NOISE.sub("", t)
    return t


def kind_of_title(title: str) -> str | None:
    """The standard kind a table title names (None when it names none)."""
    t = normalise_title(title)
    for kind, (_, pattern) in KINDS.items():
        if pattern.search(t):
            return kind
    return None


def kind_of_columns(columns: list[str]) -> str | None:
    """The kind a table's column headers imply, for a table printed without a title."""
    leaves = {c.split(" › ")[-1] for c in columns}
    joined = "|".join(columns)
    if "三公" in joined:
        return "three_public"
    if "经济分类" in joined or {"人员经费", "公用经费"} <= leaves:
        return "basic_expenditure"
    if "本年收入合计" in joined and "财政拨款收入" in joined:
        return "income"
    if "本年支出合计" in joined and "基本支出" in joined:
        return "expenditure"
    return None


def recognise(title: str, columns: list[str]) -> str | None:
    return (kind_of_title(title) if title else None) or kind_of_columns(columns)


def recognise_text(title: str, columns: list[str], periods_as_rows: bool) -> str | None:
    """The kind of a table found in plain text. Its title names it as a PDF table's does; its
    columns only when its rows are 科目 or items: a chart's data or an analysis table whose rows
    are periods (``2021年度预算`` / ``2021年度决算``) and whose columns are 人员经费 / 公用经费 is no
    基本支出表, whatever its columns are called."""
    by_title = kind_of_title(title) if title else None
    if by_title is not None or periods_as_rows:
        return by_title
    return kind_of_columns(columns)


def kind_name(kind: str) -> str:
    return KINDS[kind][0] if kind in KINDS else kind
