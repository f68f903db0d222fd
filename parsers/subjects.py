"""Subjects: the canonical name of what a figure quantifies, so two statements can be matched.

`canonical_subject` folds the ways one name is printed (half/full-width brackets, spaces, quotes,
list markers, a leading 本部门/一是/和, a trailing 为/是/各) into one key; `strip_role_words`
removes the words that say *which* figure it is (年初预算, 决算数, 与上年相比, 增加, 占…的 …) rather
than *what* it measures, including the period word inside a total's name, so that a budget's
``收入预算总计`` and a final account's ``收入决算总计`` both become ``收入总计`` (the figure's role
keeps the budget/actual distinction).

`is_role_only` tells a clause that names no quantity of its own (``支出决算``, ``本年预算``,
``收、支各``): such a figure takes the subject of the quantity its sentence is about.
"""

from __future__ import annotations

import re

BRACKETS = str.maketrans({"(": "（", ")": "）", "[": "【", "]": "】", '"': "", "“": "", "”": "", "'": "", "‘": "", "’": "", "《": "", "》": ""})

_BASE = r"(?:上年同期|去年同期|同期|上年预算数?|上年决算数?|上年执行数|上年度?|去年|年初预算数?|预算数?|决算数?|(?:19|20)\d{2}(?!\d)\s*年?度?)"
ROLE_WORDS = re.compile(
    # comparisons: 与上年相比 / 与年初预算(…)相比 / 比上年预算数 / 较上年
    rf"与\s*{_BASE}?\s*(?:决算|预算数?)?\s*相比(?:较)?|与\s*{_BASE}|(?:比|较)\s*{_BASE}(?:决算|预算数?|执行数)?(?:收入|支出)?数?(?:相比)?|"
    r"同比|环比|相比(?:较)?|"
    # which figure of the quantity
    r"年初预算数?|全年预算数?|调整后?的?预算数?|预算数(?!据)|(?<![\u4e00-\u9fff])支出决算数?(?![合总小]计)|决算数(?!据)|执行数(?!据)|"
    r"(?:(?<=[年比较])|^)(?:增|减)$|负(?=增长)|(?:增加|减少|增长|下降|上升|降低|持平|增幅|降幅|减幅|增收|减收|增支|减支)(?:[（(][^）)]*[）)])?(?:了|(?:率|幅度?)?(?:为|达到?))?|"
    r"完成[^，。；]{0,12}的|完成(?=(?:年初|全年|调整后?)?预算数?$)|(?:为|达到?)(?:年初|全年|调整后?)?预算数?(?:[（(][^）)]{0,20}[）)])?的|占(?:比)?[^，。；]*的|占比|占|"
    r"主要包括|主要用于|具体包括|包括|其中|分别为|分别是|合计为|共计|具体情况如下|如下"
)
# the period word inside a total's name: 收入预算总计 → 收入总计, 三公经费预算支出 → 三公经费支出;
# never the fund names 一般公共预算 / 政府性基金预算 / 国有资本经营预算
PERIOD_IN_NAME = re.compile(r"(?<=收入|支出|收支)(?:预算|决算)数?|(?<=[收支])(?:预算|决算)(?=总计|合计)|(?<![共金营])(?:预算|决算)(?=收入|支出)")
MARKER = re.compile(r"^\s*(?:第[一二三四五六七八九十]+部分|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|\d{1,2}\s*[.．、](?!\d)|[一二三四五六七八九十]{1,3}\s*、)")
LEADING = re.compile(
    r"^(?:[\s、，,：:；;）)的]|在[^，,。；;]{1,20}?方面[—\-－:：]*|和|及|以及|加上|涉及|本年度|本年(?!度|收入|支出)|本部门|本单位|我单位|我部门|全年|当年(?!收入|支出)|截至|截止|年度|"
    r"[一二三四五六七八九十]是|其[一二三]|其中|另外|此外|同时|另|(?:与|比|较)(?![重例率]))+"
)
TRAILING = re.compile(r"(?:为|是|达|达到|共|总额为|各|总体|(?:累计)?完成|(?:预算|决算)?数据|(?<![对占相])(?:比|较)|(?<![参给赋])与|[\s、，,：:；;（(])+$")  # …比 (比2016年度: the year went)
# an enumerator inside a clause (“政务服务中心一是支付…”): the item follows it
ENUMERATOR = re.compile(r"^.*?[一二三四五六七八九十]是\s*(?=\S)")
YEAR = re.compile(r"(?:(?:19|20)\d{2}\s*年(?:度)?(?:底|末)?)?(?:\s*(?:\d{1,2}\s*[-—~－至]\s*)?\d{1,2}\s*月(?:份)?(?:\s*\d{1,2}\s*日)?(?:底|末)?)?")
ROLE_ONLY = re.compile(r"(?:收、支|收支)(?:总计|合计)?|预算|决算|各|")
BARE_TOTALS = ("收入", "支出")


# “X决算数据比2014年X决算数据减少”: what follows 比 + a year is the base, the subject is before it
COMPARED_WITH_A_YEAR = re.compile(r"(?<=\S)(?:比|较)\s*(?:19|20)\d{2}\s*年.*$")


def strip_role_words(text: str, department: str | None = None) -> str:
    t = text
    if department:
        t = t.replace(department, "")
    t = re.sub(r"[（(]部门[）)]", "", t)
    t = COMPARED_WITH_A_YEAR.sub("", t)
    t = YEAR.sub("", t)
    t = ROLE_WORDS.sub("", t)
    t = PERIOD_IN_NAME.sub("", t)
    t = ENUMERATOR.sub("", t)
    t = re.sub(r"(支出|收入)\1", r"\1", t)
    return t


def canonical_subject(text: str) -> str:
    t = text.translate(BRACKETS)
    t = re.sub(r"\s+", "", t)
    t = t.replace("（）", "")
    for _ in range(3):
        t = MARKER.sub("", t)
        t = LEADING.sub("", t)
        t = TRAILING.sub("", t)
    t = re.sub(r"^[（）]+$", "", t)
    if t.startswith("（") and "）" not in t:
        t = t[1:]
    if t.endswith("（"):
        t = t[:-1]
    if t.endswith("）") and "（" not in t:
        t = t[:-1]
    return t


def is_role_only(subject: str, clause: str) -> bool:
    """A subject that names no quantity of its own (it refers to the sentence's quantity).

    ``支出``/``收入`` alone count only when the clause begins with them (``支出决算 375.54 万元``
    after ``年初预算 55.99 万元``), not when a qualifier was stripped (``本部门预算收入``).
    """
    if ROLE_ONLY.fullmatch(subject):
        return True
    if subject in BARE_TOTALS:
        head = canonical_subject(YEAR.sub("", clause))
        return head.startswith(subject) and not re.match(r"^(?:本|我)", re.sub(r"^[\s、，,：:；;]+", "", YEAR.sub("", clause)))
    return False
