"""The scope a figure is stated in: which fund and which part of the spending its section or table
is about, read from the words of its headings or table title.

A name alone does not fix a quantity: 公务接待费 is a 三公 item in one section and an 经济分类 款 of
基本支出 in another; 社会保障和就业支出（类） under 一般公共预算 excludes what 政府性基金 pays. Two
statements of one name are the same quantity with certainty only when their scopes agree.
"""

from __future__ import annotations

import re

from parsers.model import Document, Figure

# scope words, most specific first; each entry: (key, pattern on a heading or title)
SCOPE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("一般公共预算", re.compile(r"一般公共预算")),  # fund: general budget
    ("政府性基金", re.compile(r"政府性基金")),  # fund: government funds
    ("国有资本经营", re.compile(r"国有资本经营")),  # fund: state capital
    ("财政拨款", re.compile(r"财政拨款")),  # all appropriation funds
    ("基本支出", re.compile(r"基本支出")),  # part: basic spending (人员经费 + 公用经费)
    ("项目支出", re.compile(r"项目支出")),  # part: project spending
    ("机关运行经费", re.compile(r"机关运行经费|机构运行经费")),
    ("三公", re.compile(r"三公")),
    ("会议费", re.compile(r"会议费")),
    ("培训费", re.compile(r"培训费")),
    ("政府采购", re.compile(r"政府采购")),
    ("国有资产", re.compile(r"国有资产|资产占[有用]")),
    ("绩效", re.compile(r"绩效")),
)


def scope_of_text(text: str) -> frozenset[str]:
    return frozenset(key for key, pattern in SCOPE_WORDS if pattern.search(text))


def scope(doc: Document, fig: Figure) -> frozenset[str]:
    """The scope words of the section (prose figure) or the table (cell) that states ``fig``."""
    if fig.cell is not None:
        table = doc.table(fig.cell.table_id)
        return scope_of_text(table.title if table is not None else "")
    return scope_of_text(" ".join(s.title for s in doc.section_path(fig.section_id)))


FUNDS = ("一般公共预算", "政府性基金", "国有资本经营", "财政拨款")
INCOME_SOURCE = re.compile(
    r"^(?:(?P<fund>一般公共预算|政府性基金|国有资本经营)(?:预算)?(?:财政)?拨款(?:收入)?|"
    r"(?P<other>财政专户管理资金|事业|事业单位经营|经营|上级补助|附属单位上缴|其他)收入)$"
)


def whole_funds(doc: Document) -> frozenset[str]:
    """Fund scopes that, in this document, are the whole: the income it states comes from one
    appropriation fund and every other source it lists is 0 (a 一般公共预算 heading then speaks of
    the same quantities as an unqualified one). Empty when the document does not say so."""
    nonzero: set[str] = set()
    zero = 0
    for fig in doc.figures:
        m = INCOME_SOURCE.match(fig.subject)
        if m is None or fig.unit not in ("元", "万元", "亿元"):
            continue
        source = m.group("fund") or m.group("other")
        if fig.value == 0:
            zero += 1
        else:
            nonzero.add(source)
    if zero >= 2 and nonzero == {"一般公共预算"}:
        return frozenset(("一般公共预算", "财政拨款"))
    return frozenset()

