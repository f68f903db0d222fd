"""Figures in prose: every number in a sentence, with its unit, role, subject and sign.

The words around a number decide what it is:

- **unit**: the word after it — 万元/元/亿元, %, counts (个, 人, 辆, 台（套）, 项, 件, 期 …), a scale
  with a count (``71.2 万个``), ``余``/``多`` for an approximation (``1000 余万元``: role ``other``,
  never checked as exact), a bare ``万`` after money words (``服务费 24 万``) read as 万元. An amount
  printed in money format without a unit (``总收入（4,677,326.79）``) takes the document's unit.
- **role**: from the words just before it: 增加/减少 (change), 增长/下降 + % (growth), 占 (share),
  完成…的 / 执行率 (completion), 上年 or an earlier year (previous), 年初预算/预算数 (budget),
  决算/执行数 (actual), a count unit (count); a threshold (``单价 50 万元（含）以上``) is ``other``.
  Parts listed after 其中/包括 take the period role of their total (``2020年度决算收入…。其中人员
  经费…`` are previous-year amounts).
- **subject**: the clause before the number — back to the previous figure or clause punctuation
  (a 、 separates list items only after a figure: ``收入、支出预算总计`` stays whole) — stripped of
  role words, list markers, the department's name and the year (see ``parsers.subjects``). A
  clause that names no quantity (``与上年相比增加``, ``支出决算``, ``与年初预算…相比``) takes the
  quantity its sentence is about: the last explicit amount of the sentence at the same bracket
  depth (a ``（其中：…）`` aside never becomes the topic, nor do amounts inside a 变动原因
  explanation or a “其中：…” breakdown sentence), else the head of the previous sentence (or a
  sentence that only names a 类/款/项: ``住房改革支出（款）住房公积金（项）。年初预算…``), else the
  section's heading. A bare fund source (``本年财政拨款预算数为…``) under a 类/款/项 heading is
  that classification's. A count's subject is the noun after its measure word when one ends the
  clause (``下设 4 个股室``), else the clause before it.

Numbers that are not figures are skipped: years (``2021度`` too), dates, document numbers
(〔2021〕83号), phone numbers, codes in brackets (（2010350）, attached to the figure as ``code``),
heading markers, 图/表/第 numbers, identifiers (``12345 热线``, ``等级保护 2.0``) and the numbers of a
formula (``×100%``). Digits a space splits before a unit (``32 90 项``) are reported as a malformed
number, never read as two figures.

The reading is a pipeline of small steps over each number of a logical line (`extract_prose_figures`):
candidates (`_skipped`) → the token and its unit (`_token`) → its printed form (`_form`) → role
and sign (`_role`) → subject and code (`_subject`) → the `Figure`. The steps live in
`parsers.figure_tokens`, `parsers.figure_roles` and `parsers.figure_topics`; word lists in
`parsers.lexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from parsers import lexicon
from parsers.figure_series import in_series, joins_series, series_text
from parsers.figure_roles import breakdown_role, period_role, rate_without_percent, role_of
from parsers.figure_tokens import (
    CODE_IN_BRACKETS, NUMBER, PERCENT, UNIT, WINDOW, Stops, Unit, is_count, is_excluded, is_identifier, read_unit, split_digits,
)
from parsers.figure_topics import Topic, Topics, counted_noun, depths, ends_with_conjunction, inherited_topic, of_the_heads_fund
from parsers.model import DocKind, Figure, ParseIssue, Role, Series, Severity
from parsers.numbers import MONEY_UNITS, ParsedNumber, parse_number
from parsers.subjects import ROLE_ONLY, canonical_subject, is_role_only, strip_role_words

FUND_ONLY = re.compile(r"(?:一般公共预算)?(?:财政)?拨款")  # a fund source naming no classification of its own
CLASSIFIED = re.compile(r"[（(]?(?:类|款|项)[）)]?$")


@dataclass(slots=True)
class ProseResult:
    figures: list[Figure] = field(default_factory=list)
    issues: list[ParseIssue] = field(default_factory=list)
    fixes: list[tuple[str, str, str, int]] = field(default_factory=list)  # kind, before, after, start
    series: list[Series] = field(default_factory=list)


@dataclass(slots=True)
class _Line:
    """One logical line being read, what its document says, and what has been read so far."""

    text: str
    offset: int  # the line's start in Document.text
    section_id: str
    section_subject: str
    doc_year: int | None
    doc_unit: str | None
    doc_kind: DocKind | None
    department: str | None
    page_of: Callable[[int], int | None] | None
    result: ProseResult = field(default_factory=ProseResult)
    stops: Stops = field(init=False)
    depths: list[int] = field(init=False)
    topics: Topics = field(default_factory=Topics)

    def __post_init__(self) -> None:
        self.stops = Stops(self.text)
        self.depths = depths(self.text)

    def issue(self, code: str, severity: Severity, zh: str, en: str, text: str, start: int, end: int) -> None:
        """Report a parse issue at [start, end) of the line."""
        page = self.page_of(self.offset + start) if self.page_of else None
        self.result.issues.append(ParseIssue(code, severity, zh, en, text, self.section_id, page, self.offset + start, self.offset + end))


@dataclass(slots=True)
class _Token:
    """One number of the line and what the steps have learnt of it."""

    start: int  # in the line
    end: int
    text: str
    parsed: ParsedNumber
    clause_start: int
    sentence_start: int
    unit: Unit
    unit_name: str | None = None
    role: Role = Role.OTHER
    sign: int = 1
    subject: str = ""
    code: str = ""
    base: bool = False  # the base of a comparison (“与上年 X 万元相比”)
    from_before: bool = False  # the subject is an earlier sentence's amount's


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
    doc_kind: DocKind | None = None,
) -> ProseResult:
    """Figures of one logical line (a paragraph); ``offset`` is the line's start in Document.text.

    ``skip`` lists spans (line-relative) that hold no figures: heading markers, table markers.
    """
    ln = _Line(line, offset, section_id, section_subject, doc_year, doc_unit, doc_kind, department, page_of)
    floor = 0  # end of the previous figure: a clause never reaches back past it
    pos = 0
    last_end = -1  # where the previous figure's number ends
    series_first = 0  # where the series of numbers the current one belongs to begins
    while (m := NUMBER.search(line, pos)) is not None:
        pos = m.end()
        skipped = _skipped(ln, m, skip)
        if skipped is not None:
            pos = skipped
            continue
        tok = _token(ln, m, floor)
        if tok is None:
            continue
        rejected = _form(ln, tok)
        if rejected is not None:
            pos, floor = max(pos, rejected[0]), max(floor, rejected[1])
            continue
        _role(ln, tok)
        joined = last_end >= 0 and joins_series(line, last_end, tok.start)
        series_first = series_first if joined else tok.start
        in_series = _in_series(ln, tok, joined, series_first)
        if in_series:
            if not joined:
                _note_series(ln, tok.start)
                ln.result.series.append(Series((), tok.role, tok.sign, ln.offset + tok.start))
            tok.role = Role.OTHER
        _subject(ln, tok)
        fig = _figure(ln, tok)
        ln.result.figures.append(fig)
        if in_series and ln.result.series:
            last = ln.result.series[-1]
            ln.result.series[-1] = replace(last, figure_ids=(*last.figure_ids, fig.id))
        last_end = tok.end
        if not lexicon.THRESHOLD.match(line, tok.unit.end):  # “单价 50 万元（含）以上的设备 0 台”: the threshold belongs to the noun
            floor = tok.unit.end
    return ln.result


def _in_series(ln: _Line, tok: _Token, joined: bool, first: int) -> bool:
    return in_series(ln.text, tok.unit.end, tok.unit_name, joined, first)


def _note_series(ln: _Line, start: int) -> None:
    """One info note per series: its numbers are not bound by name."""
    printed = series_text(ln.text, start)
    ln.issue("parse.series", Severity.INFO,
             f"“{printed}”按顺序分别对应前面并列的几项：不按名称核对（同一句中金额、增减额、增长率各组一一对应时按顺序核对增长率，其余请人工核对）",
             f"“{printed}” gives several quantities named together, in order: not checked by name (where one sentence gives "
             "amounts, changes and rates in matching order their growth rates are checked by position; check the rest by hand)",
             printed, start, start + len(printed))


# the words after which a number may be printed negative (增长-9.41%): anywhere else a minus
# before a number is an operator (…÷上期支出总额-1)×100%) and the number no figure
SIGNED_AFTER = re.compile(r"(?:增长|增加|下降|减少|增幅|降幅|减幅|上升|降低|增减|变动|变化)(?:率|幅度?|额)?(?:为|是|达到?)?\s*$")


def _skipped(ln: _Line, m: re.Match[str], skip: list[tuple[int, int]]) -> int | None:
    """Where to go on from when the number is no figure (a heading marker, a letter O, a year,
    a date, a code, an operand after a minus …); None when it is a candidate."""
    s, e, token = m.start(), m.end(), m.group(0)
    if ln.text[s - 1 : s] in ("-", "－", "−") and not SIGNED_AFTER.search(ln.text, max(0, s - 12), s - 1):
        return e
    span = next(((a, b) for a, b in skip if a <= s < b), None)
    if span is not None:
        return max(span[1], s + 1)  # a heading marker (“1.”) may run into the title's first number
    if re.fullmatch(r"[Oo.．]+", token) and not re.search(r"[Oo]", token[:1]):
        return e
    if re.fullmatch(r"[Oo]+(?:[.．][Oo]+)?", token) and "." not in token and "．" not in token:
        unit = UNIT.match(ln.text, e)
        if unit is None or unit.group("unit") is None:
            return e  # a lone letter O is a letter, unless a unit follows it
    return e if is_excluded(ln.text, s, e, token) else None


def _token(ln: _Line, m: re.Match[str], floor: int) -> _Token | None:
    parsed = parse_number(m.group(0))
    if parsed is None:
        return None
    s = m.start()
    clause_start = ln.stops.clause(s, floor)
    sentence_start = ln.stops.sentence(s)
    unit = read_unit(ln.text, m.end(), ln.text[clause_start:s], ln.text[max(sentence_start, s - WINDOW) : s])
    return _Token(s, m.end(), m.group(0), parsed, clause_start, sentence_start, unit)


def _form(ln: _Line, tok: _Token) -> tuple[int, int] | None:
    """Report how the number is printed; (pos, floor) to go on from when it cannot be read as a
    figure (a name, two numbers a space split, misplaced separators), else None."""
    line, token, parsed, unit = ln.text, tok.text, tok.parsed, tok.unit
    money_format = bool(re.search(r"[,，]", token)) and parsed.decimals == 2 and not parsed.malformed
    if unit.unit is None and not (money_format and ln.doc_unit):
        if is_identifier(line, tok.end, token):
            return (tok.end, 0)
        split = split_digits(line, tok.end, token)
        if split is not None:
            ln.issue("parse.malformed_number", Severity.ERROR, f"数字“{line[tok.start:split]}”中间有空格，无法确定是一个数还是两个数",
                     f"digits split by a space: “{line[tok.start:split]}” may be one number or two", line[tok.start : split], tok.start, split)
            return (split, split)
    if parsed.malformed:
        ln.issue("parse.malformed_number", Severity.ERROR, f"数字“{token}”格式错误（千分位分隔符位置不对），无法确定其数值",
                 f"malformed number “{token}” (misplaced thousands separators): its value is ambiguous", token, tok.start, tok.end)
        return (tok.end, unit.end)
    if unit.doubled_percent:
        printed = line[tok.start : unit.end]
        ln.issue("parse.malformed_percent", Severity.WARNING, f"百分号重复：“{printed}”", f"doubled percent sign: “{printed}”", printed, tok.start, unit.end)
    tok.unit_name = unit.unit
    if tok.unit_name is None and ln.doc_unit and money_format:
        tok.unit_name = ln.doc_unit  # money format (4,677,326.79) in a document that states its unit
    if tok.unit_name == "元" and parsed.decimals > 2:
        ln.issue("parse.malformed_number", Severity.WARNING, f"以元为单位的金额“{token}”有 {parsed.decimals} 位小数（应不超过 2 位）",
                 f"amount in 元 “{token}” has {parsed.decimals} decimals (at most 2 expected)", token, tok.start, tok.end)
    for fix in parsed.fixes:
        ln.result.fixes.append((fix, token, str(parsed.value), ln.offset + tok.start))
        if fix == "letter_o":
            ln.issue("parse.letter_o", Severity.WARNING, f"数字中用字母 O 代替了 0：“{token}”按 {parsed.value} 读取",
                     f"the letter O typed for zero: “{token}” read as {parsed.value}", token, tok.start, tok.end)
    return None


def _role(ln: _Line, tok: _Token) -> None:
    """The figure's role and sign, from the words before it and the sentence's period words."""
    line, s = ln.text, tok.start
    minus = line[s - 1 : s] in ("-", "－", "−") and s >= 2  # “增长-9.41%”: a rate printed negative
    clause = line[tok.clause_start : s - 1 if minus else s]
    ln.topics.new_sentence(tok.sentence_start, line, ln.stops)
    tok.role, tok.sign, alt = role_of(clause, tok.unit_name, line[max(ln.stops.clause(s), s - WINDOW) : s - 1 if minus else s])
    if minus and tok.sign > 0:
        tok.sign = -tok.sign  # “下降-81.75%”: a minus after a falling word restates the fall
    if alt:
        at = tok.clause_start + clause.rfind(alt)
        ln.issue("parse.ambiguous_sign", Severity.WARNING, f"增减方向不明：“{alt}”（模板文字未删除？），按前一个词读取",
                 f"ambiguous direction “{alt}” (template wording left in?): read as the first word", alt, at, at + len(alt))
    if tok.role == Role.OTHER and tok.unit_name == PERCENT and (change := _bracketed_after_change(ln, tok)) is not None:
        tok.role, tok.sign = Role.GROWTH, change.sign  # “较上年减少1.5万元（42.86%）”: the change's rate
    if tok.unit_name is None and tok.role == Role.CHANGE and rate_without_percent(clause, ln.result.figures, ln.offset + tok.sentence_start):
        tok.role, tok.unit_name = Role.GROWTH, PERCENT
        ln.issue("parse.missing_percent", Severity.WARNING, f"“{clause.strip()[-6:]}{tok.text}”缺少百分号：按增长率 {tok.text}% 核对",
                 f"“{tok.text}” after a rate word has no % sign: checked as the growth rate {tok.text}%", tok.text, s, tok.end)
    money = tok.unit_name in MONEY_UNITS
    if tok.role in (Role.AMOUNT, Role.OTHER) and money:
        tok.role = period_role(line[max(tok.sentence_start, ln.stops.semicolon(s), s - WINDOW) : s], clause, ln.doc_year, ln.doc_kind)
    tok.base = money and tok.role in (Role.AMOUNT, Role.BUDGET, Role.ACTUAL, Role.PREVIOUS) and bool(lexicon.COMPARISON_BASE.match(clause))
    if money and tok.role == Role.AMOUNT and not tok.base:
        head_role = breakdown_role(line, tok.sentence_start, s, ln.topics)
        if head_role is not None:
            tok.role = head_role
    if tok.unit.approx or lexicon.APPROX_BEFORE.search(clause) or lexicon.THRESHOLD.match(line, tok.unit.end):
        tok.role = Role.OTHER if not is_count(tok.unit_name) else tok.role


# the two-digit 款 and 项 codes printed after a 类 code: （204类）司法（06款）其他司法支出（99项）
LOWER_LEVEL_CODES = re.compile(r"[^（(\d]{0,30}[（(]\s*(\d{2})\s*款\s*[）)](?:[^（(\d]{0,40}[（(]\s*(\d{2})\s*项\s*[）)])?")


def _own_name(ln: _Line, tok: _Token) -> tuple[str, str, str]:
    """What the figure's clause itself names: (subject, code, the clause's words without the code)."""
    line, s, cstart = ln.text, tok.start, tok.clause_start
    clause = line[cstart:s].rstrip("-－−")  # the minus of a rate printed negative names nothing
    code_m = None
    for cm in CODE_IN_BRACKETS.finditer(line, cstart, s):
        code_m = cm
    code = code_m.group(1) if code_m else ""
    subject_text = clause if not code_m else clause[: code_m.start() - cstart] + clause[code_m.end() - cstart :]
    if tok.role == Role.SHARE and "占" in subject_text:
        subject_text = subject_text[: subject_text.rindex("占")]  # “占基本支出预算 81.25%” names the base, not the part
    if code_m and len(code) == 3 and (levels := LOWER_LEVEL_CODES.match(line, code_m.end(), s)):
        code += levels.group(1) + (levels.group(2) or "")  # （204类）司法（06款）其他司法支出（99项）→ 2040699
    return canonical_subject(strip_role_words(subject_text, department=ln.department)), code, subject_text


def _subject(ln: _Line, tok: _Token) -> None:
    """The figure's subject and code: its clause's words, else the quantity its sentence is about."""
    line, s = ln.text, tok.start
    clause = line[tok.clause_start : s]
    subject, code, subject_text = _own_name(ln, tok)
    state, depth, money, role = ln.topics, ln.depths[s], tok.unit_name in MONEY_UNITS, tok.role
    subject = of_the_heads_fund(state, subject)
    explaining = state.explaining(line, max(state.sentence, ln.stops.semicolon(s)), s)
    topical = money and not tok.base and not explaining and role not in (Role.CHANGE, Role.GROWTH)
    if is_count(tok.unit_name):
        subject = _counted_subject(ln, tok, clause, subject)
    elif not subject and not money and tok.unit_name != PERCENT and state.last_subject:
        subject = state.last_subject  # “总分 100 99.96”
    elif (not subject or is_role_only(subject, subject_text)) and money and (named := _named_after(ln, tok)):
        subject = named  # “其中 5,498.23 万元为高等学校学费、住宿费收入”
    elif (not subject or is_role_only(subject, subject_text)) and (lender := _lender(ln, tok, money)):
        subject, code = lender.subject, code or lender.code
    elif (not subject or is_role_only(subject, subject_text)) and role in (Role.CHANGE, Role.GROWTH) and (named := _named_in_item(ln, tok)):
        subject = named
    elif not subject or is_role_only(subject, subject_text):
        inherited = inherited_topic(state, depth, subject, topical)
        if inherited is not None:
            subject, code = inherited.subject, code or inherited.code
            tok.from_before = state.topic(depth) is None and not inherited.named and state.gap
        elif not subject:
            subject = ln.section_subject
        elif topical:
            state.record(depth, Topic(subject, code, role))  # a bare 收入 heading its sentence
    elif FUND_ONLY.fullmatch(subject) and CLASSIFIED.search(ln.section_subject):
        # “（二）社会保障和就业支出（类）/ 本年财政拨款预算数为 41.17 万元”: the class's appropriation
        subject = ln.section_subject
        if topical:
            state.record(depth, Topic(subject, code, role))
    elif topical and not lexicon.THRESHOLD.match(line, tok.unit.end):
        state.record(depth, Topic(subject, code, role))
    if money and depth == 0 and not tok.base and not explaining and role in (Role.AMOUNT, Role.BUDGET, Role.ACTUAL, Role.PREVIOUS):
        if state.head is None:
            state.head = Topic(subject, code, role)
        state.amounts.append((s, Topic(subject, code, role)))
    state.last_subject = subject
    tok.subject, tok.code = subject, code


def _counted_subject(ln: _Line, tok: _Token, clause: str, subject: str) -> str:
    """A count's subject: the noun after its measure word (“67 批次公务接待”), else its clause's."""
    weak = not subject or ends_with_conjunction(clause)
    noun = counted_noun(ln.text, tok.unit.end, strict=not weak)
    if not (noun or weak):
        return subject
    return noun or (subject if not ends_with_conjunction(clause) else "") or ln.topics.last_subject or subject or ln.section_subject


def _just_before(ln: _Line, role: Role, since: int = 0) -> Figure | None:
    """The figure read just before the current one, when it has ``role`` and starts at or after
    ``since`` (an offset in the line: its sentence or ；-item)."""
    prev = ln.result.figures[-1] if ln.result.figures else None
    if prev is None or prev.role != role or prev.start is None or prev.start - ln.offset < since:
        return None
    return prev


def _bracketed_after_change(ln: _Line, tok: _Token) -> Figure | None:
    """The change in money a bracketed rate directly follows (“减少1.5万元（42.86%）”), else None."""
    prev = _just_before(ln, Role.CHANGE)
    if prev is None or prev.end is None or prev.unit not in MONEY_UNITS:
        return None
    between = ln.text[prev.end - ln.offset : tok.start]
    return prev if re.fullmatch(r"\s*(?:[千万亿]?元)?\s*[（(]\s*", between) else None


# a clause that names a quantity and compares it, with no figure: “公务用车运行维护费支出决算比预算无增减变化”
NAMING_COMPARISON = re.compile(
    r"[\s，,；;：:]*(?![与比较同和])([\u4e00-\u9fff（）()“”\"]{2,30}?)(?:决算|预算)?数?\s*(?:比|较)\s*(?:年初|全年|上年|去年|预算|决算|(?:19|20)\d{2})")


def _named_in_item(ln: _Line, tok: _Token) -> str:
    """The quantity a change naming none is of, where a clause before it in its ；-item names one
    and compares it without a figure (“…，公务用车运行维护费支出决算比预算无增减变化，比去年增加 1.05
    万元”); "" when none does or a figure stands between."""
    line = ln.text
    item = max(tok.sentence_start, ln.stops.semicolon(tok.start))
    if any(f.start is not None and f.start - ln.offset >= item for f in ln.result.figures):
        return ""
    for start in reversed([c for c in ln.stops.clauses if item <= c < tok.clause_start]):
        m = NAMING_COMPARISON.match(line, start, tok.clause_start)
        if m is not None:
            name = canonical_subject(strip_role_words(m.group(1), department=ln.department))
            return name if name and not ROLE_ONLY.fullmatch(name) else ""
    return ""


# “N 万元为 X收入”: the amount's name follows it — a kind of money, up to the clause's end
NAMED_AFTER = re.compile(r"\s*(?:为|是)\s*([^\d，,。；;：:（）()%％]{2,40}?(?:收入|支出|经费|资金|费用?|拨款|补助))\s*(?=[，,。；;]|$)")


def _named_after(ln: _Line, tok: _Token) -> str:
    """The name an amount that names nothing before it is given after it (“其中 N 万元为 X收入”);
    "" when none. Never a comparison (“为上年的 95%”, “为预算的…”)."""
    m = NAMED_AFTER.match(ln.text, tok.unit.end)
    if m is None or re.match(r"(?:上年|去年|预算|年初|全年|总)", m.group(1)):
        return ""
    name = canonical_subject(strip_role_words(m.group(1), department=ln.department))
    return name if name and not ROLE_ONLY.fullmatch(name) else ""


def _lender(ln: _Line, tok: _Token, money: bool) -> Figure | None:
    """The figure just before whose subject a figure naming nothing takes: a rate the change's
    (“…；公务接待费支出增加 0.01 万元，增长 3.45%”), an amount what was counted (“国内公务接待
    67 批次，660 人次，共 12.8 万元”) or what changed (“减少 133 万元，为 115,055 万元”)."""
    if not money:
        return _rate_of_change(ln, tok)
    return _counted_just_before(ln, tok) or _reached_after_change(ln, tok) or _amount_before_brackets(ln, tok)


def _amount_before_brackets(ln: _Line, tok: _Token) -> Figure | None:
    """“公务用车购置及运行费 500.00 万元（购置费 100.00 万元…）比上年增加 0 万元”: a figure whose
    clause opens by closing a bracket is of the amount the bracket follows."""
    line = ln.text
    close = tok.start - len(line[tok.clause_start : tok.start].lstrip())
    if line[close : close + 1] not in ("）", ")"):
        return None
    inner = ln.depths[close] - 1  # the depth the bracket opened from (ln.depths: before each position)
    opening = next((i for i in range(close - 1, max(-1, close - 400), -1) if line[i] in "（(" and ln.depths[i] == inner), None)
    before = [f for f in ln.result.figures if opening is not None and f.end is not None and f.end - ln.offset <= opening]
    prev = before[-1] if before else None
    if opening is None or prev is None or prev.end is None or prev.unit not in MONEY_UNITS or not prev.subject:
        return None
    return prev if re.fullmatch(r"\s*(?:[千万亿]?元)?\s*", line[prev.end - ln.offset : opening]) else None


def _reached_after_change(ln: _Line, tok: _Token) -> Figure | None:
    """“相应结转下年减少133万元，为115,055万元”: the amount a change led to is the changed quantity's."""
    prev = _just_before(ln, Role.CHANGE, tok.sentence_start)
    if prev is None or prev.end is None or not prev.subject:
        return None
    return prev if re.fullmatch(r"\s*(?:[千万亿]?元)?\s*[，,]?\s*(?:为|达到?|增至|减至|降至|至)\s*", ln.text[prev.end - ln.offset : tok.start]) else None


def _counted_just_before(ln: _Line, tok: _Token) -> Figure | None:
    """The count right before an amount in its sentence, when the amount's clause names nothing."""
    prev = _just_before(ln, Role.COUNT, tok.sentence_start)
    return prev if prev is not None and prev.subject and ln.topics.topic(0) is None else None


def _rate_of_change(ln: _Line, tok: _Token) -> Figure | None:
    """For a growth rate, the change in money right before it, in its ；-item, with no other
    figure between."""
    if tok.role != Role.GROWTH:
        return None
    prev = _just_before(ln, Role.CHANGE, max(tok.sentence_start, ln.stops.semicolon(tok.start)))
    return prev if prev is not None and prev.unit in MONEY_UNITS and prev.subject else None


def _figure(ln: _Line, tok: _Token) -> Figure:
    start = ln.offset + tok.start
    unit = tok.unit_name
    if unit is None and ln.doc_unit and tok.role == Role.CHANGE:
        unit = ln.doc_unit
    return Figure(
        id=f"P{start}", text=ln.text[tok.start : tok.end], value=tok.parsed.value, decimals=tok.parsed.decimals, unit=unit,
        subject=tok.subject, role=tok.role, sign=tok.sign, section_id=ln.section_id, subject_from_before=tok.from_before,
        page=ln.page_of(start) if ln.page_of else None, start=start, end=ln.offset + tok.end, code=tok.code,
    )
