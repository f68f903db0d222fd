"""Subjects: the canonical name of what a figure quantifies, so two statements can be matched.

`canonical_subject` folds the ways one name is printed (half/full-width brackets, spaces, quotes,
a leading 本年/本部门, trailing 为/是) into one key; `strip_role_words` removes the words that
say *which* figure it is (年初预算, 决算, 与上年相比, 增加 …) rather than *what* it measures.
"""

from __future__ import annotations

import re

BRACKETS = str.maketrans({"(": "（", ")": "）", "[": "【", "]": "】", '"': "", "“": "", "”": "", "'": "", "‘": "", "’": ""})

ROLE_WORDS = re.compile(
    r"与(?:上年|上年度|去年|年初预算|年初预算数)(?:决算|预算数?)?相比(?:较)?|比上年(?:度)?(?:决算|预算数?|执行数)?(?:相比)?|较上年(?:度)?(?:决算|预算数?)?|"
    r"比年初预算(?:数)?|同比|环比|"
    r"年初预算数?|全年预算数?|预算数|支出决算数?|决算数|执行数|"
    r"(?:增加|减少|增长|下降|上升|降低|持平)(?:（[^）]*）)?|"
    r"完成[^，。；]{0,12}的|占(?:比)?[^，。；]*的|占比|占|"
    r"主要包括|主要用于|包括|其中|分别为|分别是|合计为|共计|具体情况如下|如下"
)
LEADING = re.compile(r"^(?:[\s、，,：:]|本年度?|本部门|本单位|我单位|我部门|全年|当年|截至|截止|年度)+")
TRAILING = re.compile(r"(?:为|是|达|约|共计|总额为|[\s、，,：:])+$")
YEAR = re.compile(r"(?:19|20)\d{2}\s*年(?:度)?(?:底|末)?")


def strip_role_words(text: str, department: str | None = None) -> str:
    t = text
    if department:
        t = t.replace(department, "")
    t = re.sub(r"[（(]部门[）)]", "", t)
    t = YEAR.sub("", t)
    t = ROLE_WORDS.sub("", t)
    return t


def canonical_subject(text: str) -> str:
    t = text.translate(BRACKETS)
    t = re.sub(r"\s+", "", t)
    for _ in range(3):
        t = LEADING.sub("", t)
        t = TRAILING.sub("", t)
    t = re.sub(r"^[（）]+$", "", t)
    if t.startswith("（") and "）" not in t:
        t = t[1:]
    if t.endswith("）") and "（" not in t:
        t = t[:-1]
    return t
