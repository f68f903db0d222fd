"""The domain's words, defined once: what each word says about a figure's identity.

Every list the identity of a figure is read from lives here, one entry per line with what it
means, so that a parser step or a relation finder never keeps a private copy of a word list.
(Older modules still hold some lists of their own; new code takes them from here.)
"""

from __future__ import annotations

import re

# --- funds: whose money a figure is -----------------------------------------------------------
FUNDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("一般公共预算", re.compile(r"一般公共预算")),  # the general budget
    ("政府性基金", re.compile(r"政府性基金")),  # government funds
    ("国有资本经营", re.compile(r"国有资本经营")),  # state-capital operations
    ("财政专户", re.compile(r"财政专户")),  # special fiscal accounts (教育收费 …)
    ("财政拨款", re.compile(r"财政拨款")),  # all appropriations (the three above together)
)

# --- parts: which part of the spending a statement is about -----------------------------------
PARTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("基本支出", re.compile(r"基本支出")),  # basic spending: 人员经费 + 公用经费
    ("项目支出", re.compile(r"项目支出")),  # project spending
    ("机关运行经费", re.compile(r"机关运行经费|机构运行经费")),  # running costs of 行政/参公 units
    ("三公", re.compile(r"三公")),  # 因公出国（境）+ 公务用车购置及运行 + 公务接待
    ("会议费", re.compile(r"会议费")),
    ("培训费", re.compile(r"培训费")),
    ("政府采购", re.compile(r"政府采购")),  # procurement (a different measure of the same money)
    ("国有资产", re.compile(r"国有资产|资产占[有用]")),  # assets: stocks, not flows
    ("绩效", re.compile(r"绩效")),  # performance: targets and scores
)

# --- period words ----------------------------------------------------------------------------
PREVIOUS = re.compile(r"上年(?!结转|末|底)|上一年|去年|上年度")  # the previous year
BUDGET = re.compile(r"年初预算|预算数|全年预算|预算安排|预算为|调整预算")  # a budget figure
ACTUAL = re.compile(r"决算数|支出决算|决算为|执行数|决算|实际支出|全年执行")  # an outturn

# --- classification levels -------------------------------------------------------------------
LEVEL_MARK = re.compile(r"[（(]\s*\d{0,7}\s*(类|款|项)\s*[）)]")  # （类） / （208类） / (项)
LEVEL_BY_DIGITS = {3: "类", 5: "款", 7: "项"}  # 功能分类 code length → level


def words_in(text: str, entries: tuple[tuple[str, re.Pattern[str]], ...]) -> frozenset[str]:
    """The keys of ``entries`` whose pattern occurs in ``text``."""
    return frozenset(key for key, pattern in entries if pattern.search(text))
