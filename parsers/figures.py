"""Figures in prose: every number in a sentence, with its unit, role, subject and sign.

The words around a number decide what it is:
- the unit after it (万元, 元, %, 个, 辆 …);
- its role from the words just before it: 增加/减少 (change), 增长/下降 + % (growth),
  占 (share), 完成…的 (completion), 年初预算/预算数 (budget), 决算/执行数 (actual), a past year or
  上年 (previous), a count unit (count);
- its subject from the clause before it, stripped of role words, the department's name and the
  year; a clause with no subject of its own ("与上年相比增加 45.76 万元") inherits the subject of
  the sentence's previous figure, or the section's heading.

Numbers that are not amounts — years, dates, document numbers (〔2021〕83号), phone numbers,
codes in brackets (（2010350）, attached to the next figure as its ``code``), list markers,
section numbers, 图/表 numbers — are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers.model import Figure, ParseIssue, Role, Severity
from parsers.numbers import MONEY_UNITS, parse_number
from parsers.subjects import canonical_subject, strip_role_words

DIGIT = "0-9０-９"
NUMBER = re.compile(
    rf"(?<![A-Za-z0-9０-９.．/\-－])"
    rf"(?:[{DIGIT}Oo](?:[{DIGIT}Oo]|[,，](?=[{DIGIT}Oo]))*)(?:[.．][{DIGIT}Oo]+)?"
    rf"(?![A-Za-z0-9０-９])"
)
UNIT = re.compile(
    r"\s*(%%|%|％|万元|亿元|千元|元|个百分点|百分点|人次|个月|个|人|辆|台（套）|台\(套\)|台|套|批次|次|件|家|项|名|户|篇|条|平方米|㎡|米|天|分|倍)"
)
COUNT_UNITS = frozenset("人次 个 人 辆 台（套） 台(套) 台 套 批次 次 件 家 项 名 户 篇 条".split())
CODE_IN_BRACKETS = re.compile(r"[（(]\s*(\d{3}|\d{5}|\d{7})\s*(?:类|款|项)?\s*[）)]")
CLAUSE_BOUNDARY = "，,。；;：:、\n"
PERCENT_UNITS = ("%", "％", "%%")

SIGN_WORDS = [
    ("增加", 1), ("增长", 1), ("上升", 1), ("提高", 1), ("超支", 1), ("多", 1), ("增", 1),
    ("减少", -1), ("下降", -1), ("降低", -1), ("节约", -1), ("压减", -1), ("减", -1), ("少", -1),
]
SIGN_AT_END = re.compile(r"(增加|增长|上升|提高|超支|减少|下降|降低|节约|压减)(?:（[^）]*）|\([^)]*\))?了?\s*$")
SHARE_AT_END = re.compile(r"占(?:比|[^，。；]*?的)?\s*(?:比重|比例)?(?:为)?\s*$")
COMPLETION_AT_END = re.compile(r"(?:完成[^，。；]{0,12}的|执行率为?|完成率为?|完成)\s*$")
BUDGET_WORDS = re.compile(r"年初预算|预算数|全年预算|预算安排|预算为|调整预算")
ACTUAL_WORDS = re.compile(r"决算数|支出决算|决算为|执行数|决算|实际支出|全年执行")
PREVIOUS_WORDS = re.compile(r"上年(?!结转|末|底)|上一年|去年|上年度")
YEAR_IN_CLAUSE = re.compile(r"((?:19|20)\d{2})\s*年")


@dataclass(slots=True)
class ProseResult:
    figures: list[Figure] = field(default_factory=list)
    issues: list[ParseIssue] = field(default_factory=list)
    fixes: list[tuple[str, str, str, int]] = field(default_factory=list)  # kind, before, after, start


def _is_excluded(line: str, s: int, e: int, token: str) -> bool:
    """Numbers that are not figures: years, dates, document numbers, phones, ordinals, codes."""
    before = line[max(0, s - 6) : s]
    after = line[e : e + 4]
    b1 = before.rstrip()[-1:] if before.rstrip() else ""
    a1 = after.lstrip()[:1]
    digits = re.sub(r"[^0-9０-９]", "", token)
    plain_int = token.isdigit()
    if plain_int and len(token) == 4 and 1949 <= int(token) <= 2100:
        if a1 in ("年", "〕", "】", "]", "）", ")") or b1 in ("〔", "【", "[", "（", "(") or re.match(r"\s*[-/.]\s*\d", after):
            return True
    if plain_int and a1 in ("月", "日") and int(token) <= 31:
        return True
    if plain_int and a1 == "号" and re.search(r"[〕】\]]\s*$", before):
        return True
    if b1 in ("〔", "【") or a1 in ("〕", "】"):
        return True
    if b1 == "第" or b1 in ("图", "表") or after.startswith("表") or (a1 == "表" and not re.match(r"\s*表[示明]", after)):
        return True
    if plain_int and len(digits) == 11 and digits.startswith("1"):
        return True
    if re.search(r"电话|传真|邮编|手机|热线[:：]?\s*$", line[max(0, s - 12) : s]):
        return True
    if re.match(r"\s*[-－—]\s*\d", after) and plain_int:
        return True
    if CODE_IN_BRACKETS.fullmatch(line[max(0, s - 2) : e + 3].strip()) or (b1 in ("（", "(") and a1 in ("）", ")", "类", "款", "项") and plain_int and len(token) in (3, 5, 7)):
        return True
    return False


def _clause_start(line: str, pos: int, floor: int) -> int:
    i = pos
    while i > floor:
        c = line[i - 1]
        if c in CLAUSE_BOUNDARY and not (c in ",，" and i >= 2 and line[i - 2].isdigit() and i < len(line) and line[i].isdigit()):
            break
        i -= 1
    return i


def extract_prose_figures(
    line: str,
    offset: int,
    *,
    section_id: str,
    section_subject: str,
    doc_year: int | None,
    doc_unit: str | None,
    department: str | None,
    skip: list[tuple[int, int]],
    page_of=None,
) -> ProseResult:
    """Figures of one logical line; ``offset`` is the line's start in Document.text.

    ``skip`` lists spans (line-relative) that hold no figures: heading markers, table markers.
    """
    result = ProseResult()
    prev_subject = ""
    prev_end_sentence = 0
    last_code = ""
    for m in NUMBER.finditer(line):
        s, e = m.start(), m.end()
        token = m.group(0)
        if any(a <= s < b for a, b in skip):
            continue
        if re.fullmatch(r"[Oo.．]+", token) and not re.search(r"[Oo]", token[:1]):
            continue
        if re.fullmatch(r"[Oo]+(?:[.．][Oo]+)?", token):
            nxt = UNIT.match(line, e)
            if nxt is None and "." not in token:
                continue  # a lone letter O is a letter, unless a unit follows it
        if _is_excluded(line, s, e, token):
            continue
        parsed = parse_number(token)
        if parsed is None:
            continue
        unit_m = UNIT.match(line, e)
        unit = unit_m.group(1) if unit_m else None
        if unit in ("%%", "％"):
            unit_printed = unit
            unit = "%"
        else:
            unit_printed = unit or ""
        if unit in ("台(套)",):
            unit = "台（套）"
        gstart = offset + s
        page = page_of(gstart) if page_of else None
        if parsed.malformed:
            result.issues.append(
                ParseIssue(
                    "parse.malformed_number",
                    Severity.ERROR,
                    f"数字“{token}”格式错误（千分位分隔符位置不对），无法确定其数值",
                    f"malformed number “{token}” (misplaced thousands separators): its value is ambiguous",
                    token,
                    section_id,
                    page,
                    gstart,
                    offset + e,
                )
            )
            continue
        if unit_printed == "%%":
            result.issues.append(
                ParseIssue(
                    "parse.malformed_percent",
                    Severity.WARNING,
                    f"百分号重复：“{token}%%”",
                    f"doubled percent sign: “{token}%%”",
                    token + "%%",
                    section_id,
                    page,
                    gstart,
                    offset + e + (unit_m.end() - e if unit_m else 0),
                )
            )
        if unit == "元" and parsed.decimals > 2:
            result.issues.append(
                ParseIssue(
                    "parse.malformed_number",
                    Severity.WARNING,
                    f"以元为单位的金额“{token}”有 {parsed.decimals} 位小数（应不超过 2 位）",
                    f"amount in 元 “{token}” has {parsed.decimals} decimals (at most 2 expected)",
                    token,
                    section_id,
                    page,
                    gstart,
                    offset + e,
                )
            )
        for fix in parsed.fixes:
            result.fixes.append((fix, token, str(parsed.value), gstart))
            if fix == "letter_o":
                result.issues.append(
                    ParseIssue(
                        "parse.letter_o",
                        Severity.WARNING,
                        f"数字中用字母 O 代替了 0：“{token}”按 {parsed.value} 读取",
                        f"the letter O typed for zero: “{token}” read as {parsed.value}",
                        token,
                        section_id,
                        page,
                        gstart,
                        offset + e,
                    )
                )
        # the clause before the number: its subject and its role words
        sentence_start = max(line.rfind(c, 0, s) for c in "。；;！？") + 1
        cstart = _clause_start(line, s, 0)
        cstart = max([cstart] + [b for a, b in skip if b <= s])  # a heading marker is not part of a subject
        clause = line[cstart:s]
        code_m = None
        for cm in CODE_IN_BRACKETS.finditer(line, max(cstart, 0), s):
            code_m = cm
        code = code_m.group(1) if code_m else ""
        if code_m and code_m.end() >= s - 1:
            last_code = code
        role, sign = _role(clause, unit, line, cstart, s)
        if role in (Role.AMOUNT, Role.OTHER) and unit in MONEY_UNITS:
            role = _period_role(line[sentence_start:s], clause, doc_year)
        subject_text = clause
        if code_m:
            subject_text = clause[: code_m.start() - cstart] + clause[code_m.end() - cstart :]
        subject = canonical_subject(strip_role_words(subject_text, department=department))
        if not subject:
            in_sentence = prev_subject and prev_end_sentence == sentence_start
            subject = prev_subject if in_sentence else section_subject
        fig = Figure(
            id=f"P{gstart}",
            text=line[s:e],
            value=parsed.value,
            decimals=parsed.decimals,
            unit=unit if unit is not None else None,
            subject=subject,
            role=role,
            sign=sign,
            section_id=section_id,
            page=page,
            start=gstart,
            end=offset + e,
            code=code or (last_code if subject == prev_subject else ""),
        )
        if fig.unit is None and doc_unit and role in (Role.CHANGE,):
            fig.unit = doc_unit
        result.figures.append(fig)
        prev_subject = subject
        prev_end_sentence = sentence_start
    return result


def _role(clause: str, unit: str | None, line: str, cstart: int, s: int) -> tuple[Role, int]:
    is_pct = unit == "%"
    tail = clause.rstrip()
    sign_m = SIGN_AT_END.search(tail)
    if is_pct:
        if SHARE_AT_END.search(tail) or re.search(r"占", tail):
            return Role.SHARE, 1
        if COMPLETION_AT_END.search(tail) or re.search(r"完成|执行率", tail):
            return Role.COMPLETION, 1
        if sign_m:
            return Role.GROWTH, _sign_of(sign_m.group(1))
        return Role.OTHER, 1
    if unit in COUNT_UNITS:
        return Role.COUNT, 1
    if sign_m:
        return Role.CHANGE, _sign_of(sign_m.group(1))
    if unit in MONEY_UNITS:
        return Role.AMOUNT, 1
    return Role.OTHER, 1


def _sign_of(word: str) -> int:
    for w, sgn in SIGN_WORDS:
        if word.startswith(w):
            return sgn
    return 1


def _period_role(sentence_head: str, clause: str, doc_year: int | None) -> Role:
    if PREVIOUS_WORDS.search(clause):  # 上年决算 / 上年预算: the period decides first
        return Role.PREVIOUS
    clause_years = [int(y) for y in YEAR_IN_CLAUSE.findall(clause)]
    if doc_year and clause_years and clause_years[-1] < doc_year:
        return Role.PREVIOUS
    if BUDGET_WORDS.search(clause):
        return Role.BUDGET
    if ACTUAL_WORDS.search(clause):
        return Role.ACTUAL
    years = [int(y) for y in YEAR_IN_CLAUSE.findall(sentence_head)]
    if doc_year and years and years[-1] < doc_year:
        return Role.PREVIOUS
    return Role.AMOUNT


MISSING = re.compile(
    r"(合计|总计|共计|为|支出|收入|预算|决算|拨款|经费|费用|资金|总额)\s*(万元|亿元|元)(?=\s*(?:[，,。；;、）)]|其中|$))"
)
MISSING_PCT = re.compile(r"(占|增长|下降|完成年初预算的|完成预算的)\s*[%％](?=\s*(?:[，,。；;、）)]|$))")


def missing_figures(line: str, offset: int, section_id: str, page_of=None) -> list[ParseIssue]:
    """A sentence that demands a figure but prints none: ``支出预算合计 万元``."""
    out = []
    for pattern in (MISSING, MISSING_PCT):
        for m in pattern.finditer(line):
            start = offset + m.start()
            out.append(
                ParseIssue(
                    "parse.missing_figure",
                    Severity.ERROR,
                    f"缺少数字：“{m.group(0)}”前应有金额或比例",
                    f"missing figure: “{m.group(0)}” has no number before its unit",
                    m.group(0),
                    section_id,
                    page_of(start) if page_of else None,
                    start,
                    offset + m.end(),
                )
            )
    return out
