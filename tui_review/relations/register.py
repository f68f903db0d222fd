"""The register of quantities: which prose statements name one quantity, read from their words.

The `repeat` rule enters every prose money figure under a register name. This module owns the
words of that reading:

- `clean(subject)`: the name without the clause words the parser leaves in front of it
  (主要原因是 / 一是 / 其中 …), so "主要原因是上年基本支出" is entered as "上年基本支出";
- `free_name(name)`: whether a name the domain does not fix (not a standard row, not a 类/款/项)
  is still a name of one sum of money — "大楼取暖费", "上年结转收入" — rather than a clause
  ("基本支出包含一次性补助") or a catch-all ("其他支出") that different places use for different
  sums;
- `one_of_several(doc, fig)`: an amount a 分别为 gives one of several quantities named together;
- `reason_without_period(doc, fig)`: a figure inside a reason clause (原因是 / 由于 / 主要是 …) whose
  own words give no year: the parser reads it as the document's period, but a reason often speaks
  of last year's amount, so its period is uncertain.
"""

from __future__ import annotations

import re

from parsers.model import Document, Figure, Role
from tui_review.relations.text_marks import marks

# clause words before a name: reasons, enumerations (一是…), list openers
LEAD = re.compile(
    r"^(?:(?:变动)?(?:主要)?原因(?:是|为|主要是)?[:：]?|主要是|主要为|由于|因为|[一二三四五六七八九十]是|其中[:：]?|包括[:：]?|另外|此外|同时|另)+"
)
# a name of money ends in a noun of money
MONEY_NOUN = re.compile(r"(?:费|费用|经费|资金|收入|支出|补助|补贴|工资|奖金|津贴|结转|结余|拨款|缴费|保险金?|公积金|款|税|租金|利息)$")
# words that make a "name" a clause (a verb or a comparison), or a name whose reach differs by place
NOT_A_NAME = re.compile(
    r"[，,。；;：:、（）()\d]|包含|包括|纳入|用于|安排|支付|缴纳|拨付|增加|减少|增长|下降|比|较|相比|导致|主要|原因|"
    r"由于|因为|其他|其它|合计|小计|总计|共计|累计|以及|和|及|与|等"
)
GENERIC = frozenset({"资金", "经费", "收入", "支出", "费用", "款项", "项目资金", "专项资金", "财政资金", "预算资金"})
RESPECTIVE = re.compile(r"分别(?:为|是|达到?)")  # “A与B分别为 x 和 y”
REASON = re.compile(r"原因|由于|因为|主要是(?!用于)")
OWN_PERIOD = re.compile(r"上年|去年|上一年|本年|今年|当年|同期|年初|全年|(?:19|20)\d{2}\s*年")
PERIODLESS = (Role.AMOUNT, Role.OTHER)


def clean(subject: str) -> str:
    return LEAD.sub("", subject)


def free_name(name: str) -> bool:
    """A name outside the standard rows and 类/款/项 that still names one sum of money."""
    return (
        3 <= len(name) <= 20
        and name not in GENERIC
        and MONEY_NOUN.search(name) is not None
        and NOT_A_NAME.search(name) is None
    )


def reason_without_period(doc: Document, fig: Figure) -> bool:
    """``fig`` stands in a reason clause and its own words name no period."""
    if fig.start is None or fig.role not in PERIODLESS:
        return False
    start = marks(doc.text).last("。；;\n", fig.start) + 1
    words = doc.text[start : fig.start]
    reasons = [m.end() for m in REASON.finditer(words)]
    return bool(reasons) and OWN_PERIOD.search(words, reasons[-1]) is None


def same_sentence(doc: Document, a: Figure, b: Figure) -> bool:
    if a.start is None or b.start is None:
        return False
    lo, hi = sorted((a.start, b.start))
    return marks(doc.text).next("。；;\n", lo, hi) == -1




def one_of_several(doc: Document, fig: Figure) -> bool:
    """``fig`` is one of the amounts a 分别为 gives several quantities named together (“A与B分别为
    0.34亿元和4.23亿元”): its subject names them all, so it is no name of its own amount."""
    if fig.start is None:
        return False
    start = marks(doc.text).last("。；;\n", fig.start) + 1
    words = doc.text[start : fig.start]
    return RESPECTIVE.search(words) is not None
