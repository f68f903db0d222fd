"""What a document is: kind (预算/决算/分析报告), year, department, main unit, title."""

from __future__ import annotations

import re
from collections import Counter

from parsers import lexicon
from parsers.model import DocKind

YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
DEPARTMENT_SUFFIX = r"(?:局|中心|委员会|委|办公室|办|院|所|站|厅|部|馆|队|会|处|社|校|学校|街道办事处|街道|镇|乡|苏木)"
DEPT_BEFORE_YEAR = re.compile(rf"^\s*([\u4e00-\u9fff（）()]{{2,30}}?{DEPARTMENT_SUFFIX})\s*(?:19|20)\d{{2}}\s*年")
DEPT_AFTER_YEAR = re.compile(rf"(?:19|20)\d{{2}}\s*年度?\s*([\u4e00-\u9fff]{{2,30}}?{DEPARTMENT_SUFFIX})\s*[（(]?(?:部门|单位)?[）)]?\s*(?:部门)?(?:预算|决算)")
DEPT_FIELD = re.compile(rf"(?:部门名称|单位名称)\s*[:：]\s*([\u4e00-\u9fff]{{2,30}}?{DEPARTMENT_SUFFIX})")
DEPT_PROSE = re.compile(rf"([\u4e00-\u9fff]{{2,30}}?{DEPARTMENT_SUFFIX})\s*[（(]部门[）)]")
DEPT_SUBJECT = re.compile(rf"(?:^|[，。：:\s])([\u4e00-\u9fff]{{2,20}}?{DEPARTMENT_SUFFIX})(?:部门预算|预算包括|共有|贯彻)")


def detect_kind(title: str, text: str) -> DocKind:
    for source in (title, text[:3000]):
        if re.search(r"分析报告|决算分析", source):
            return DocKind.ANALYSIS
        execution = re.search(r"预算(?:收支|的)?执行情况|预算(?:收支)?执行", source)  # 2024年4月财政预算执行情况: outturns
        if execution is not None and "预算草案" not in source[: execution.start()]:
            return DocKind.FINAL
        source = lexicon.FUND_BUDGET.sub("", source)  # 一般公共预算财政拨款“三公”经费支出决算: a fund's name, no 预算
        has_final = "决算" in source
        has_budget = "预算" in source
        if has_final and (not has_budget or source.find("决算") < source.find("预算")):
            return DocKind.FINAL
        if has_budget:
            return DocKind.BUDGET
    return DocKind.UNKNOWN


def detect_year(title: str, text: str) -> int | None:
    for source in (title, text[:3000]):
        m = YEAR.search(source)
        if m:
            return int(m.group(1))
    return None


def detect_department(title: str, text: str) -> str | None:
    for pattern, source in (
        (DEPT_AFTER_YEAR, title),
        (DEPT_BEFORE_YEAR, title),
        (DEPT_FIELD, text[:3000]),
        (DEPT_PROSE, text),
        (DEPT_AFTER_YEAR, text[:5000]),
        (DEPT_SUBJECT, text[:8000]),
    ):
        names = [re.sub(r"^.*?年度?", "", re.sub(r"\s+", "", m.group(1))) for m in pattern.finditer(source)]
        names = [n for n in names if len(n) >= 3]
        if names:
            return max(names, key=len)  # "奈曼旗政务服务局" over a clipped "旗政务服务局"
    return None


def detect_unit(units: list[str | None]) -> str | None:
    counts = Counter(u for u in units if u in ("元", "万元", "亿元"))
    if not counts:
        return None
    return counts.most_common(1)[0][0]
