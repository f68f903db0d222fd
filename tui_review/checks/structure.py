"""Is this a disclosure at all? A file with no disclosure structure gets one warning
(rule ``structure.unrecognised``), so "no problems found" never reassures a reviewer about a
README or a letter that the tool could not read as a 预算/决算 disclosure.

A disclosure is recognised by what it carries, not by its words alone (a README may well be
titled 部门预算/决算): a standard table (`parsers.table_kinds`), or amounts in 元/万元/亿元 said to
be income or spending — a figure whose subject or section speaks of
收入, 支出, 经费, 拨款, 资金, 预算 or 决算 (or a unit whose amount was left out, ``parse.missing_figure``).
"""

from __future__ import annotations

import re

from parsers.model import Document, Severity
from parsers.numbers import MONEY_UNITS
from tui_review.checks.notice import notice
from tui_review.config import Config
from tui_review.contracts.finding import Finding
from tui_review.contracts.place import Place

RULE = "structure.unrecognised"
MIN_AMOUNTS = 1
MONEY_WORDS = re.compile(r"收入|支出|经费|拨款|资金|预算|决算|结转|结余|债|税|基金|费|投资|资产|采购|规模|利润|收益|限额|余额|总额")


def _money_figures(doc: Document) -> int:
    headings: dict[str, str] = {}
    count = 0
    for fig in doc.figures:
        if fig.unit not in MONEY_UNITS:
            continue
        if fig.section_id not in headings:
            headings[fig.section_id] = doc.section_label(fig.section_id)
        if MONEY_WORDS.search(fig.subject) or MONEY_WORDS.search(headings[fig.section_id]):
            count += 1
            if count >= MIN_AMOUNTS:
                break
    return count


def recognised(doc: Document) -> bool:
    missing = any(issue.code == "parse.missing_figure" for issue in doc.issues)  # "合计 万元": an amount left out
    return missing or any(t.kind for t in doc.tables) or _money_figures(doc) >= MIN_AMOUNTS


def findings(doc: Document, config: Config | None = None) -> list[Finding]:
    config = config or Config.default()
    if recognised(doc):
        return []
    found = notice(
        doc, config, RULE, Severity.WARNING, "document", Place(area="全文"), "",
        "未识别到预算/决算公开的结构（没有标准表格，也没有读出带单位的金额），本文件的内容未作核对（以纯文本排版的表格、不带单位的数字未能识别）",
        "no disclosure structure recognised (no standard table, and no amount with a unit could be read): nothing in this file "
        "was checked (tables set out as plain text and numbers without a unit are not recognised)",
    )
    return [found] if found is not None else []
