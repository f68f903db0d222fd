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
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from parsers.model import DocKind, Figure, ParseIssue, Role, Severity
from parsers.normalise import is_han
from parsers.numbers import MONEY_UNITS, parse_number
from parsers.subjects import ROLE_ONLY, canonical_subject, is_role_only, strip_role_words

DIGIT = "0-9０-９"
NUMBER = re.compile(
    rf"(?<![A-Za-z0-9０-９.．/\-－])"
    rf"(?:[{DIGIT}Oo](?:[{DIGIT}Oo]|[,，](?=[{DIGIT}Oo]))*)(?:[.．][{DIGIT}Oo]+)?"
    rf"(?![A-Za-z0-9０-９])"
)
# after a number: an approximation (余/多), a scale (万/亿/千), a unit word
UNIT = re.compile(
    r"\s*(?P<approx>余|多)?(?P<scale>万|亿|千)?(?P<approx2>余|多)?\s*"
    r"(?P<unit>[%％]{2}|%|％|元|个百分点|百分点|人次|个工作日|个月|个|人(?!员|民)|辆|台（套）|台\(套\)|台|套|批次|组次|次(?!性)|"
    r"件|家(?!庭)|项(?!目)|名(?!称|单)|户|篇|条(?!例|件)|张|枚|期(?!间|末|初)|所(?!属|在|有)|平方米|㎡|米|天|小时|周(?!年|边)|"
    r"分(?!别|类|配|析|钟)|倍)?"
)
COUNT_UNITS = frozenset("人次 个 人 辆 台（套） 台 套 批次 组次 次 件 家 项 名 户 篇 条 张 枚 期 所".split())
PERCENT = "%"
CODE_IN_BRACKETS = re.compile(r"[（(]\s*(\d{3}|\d{5}|\d{7})\s*(?:类|款|项)?\s*[）)]")
CLAUSE_STOP = "，,。；;：:！？\n"
SENTENCE_STOP = "。！？"
MONEY_WORDS = re.compile(r"费|款|资金|金额|经费|成本|价|支出|收入|预算|决算|拨款|余额|投资")
FUND_ONLY = re.compile(r"(?:一般公共预算)?(?:财政)?拨款")  # a fund source naming no classification of its own
CLASSIFIED = re.compile(r"[（(]?(?:类|款|项)[）)]?$")
APPROX_BEFORE = re.compile(r"(?:约|近|大约|超过|逾)\s*$")
REASON = re.compile(r"原因[:：是为]?|由于|因为|差异原因")
THRESHOLD = re.compile(r"\s*(?:[（(]\s*含\s*[）)])?\s*(?:及以上|及以下|以上|以下|以内)")
COMPARISON_BASE = re.compile(r"^\s*(?:与|比|较)")
BREAKDOWN = re.compile(r"其中|主要包括|具体包括|包括|分别为")
FORMULA_OPERATORS = "×÷*=＝"

SIGN_WORDS = [
    ("增加", 1), ("增长", 1), ("上升", 1), ("提高", 1), ("超支", 1), ("多", 1), ("增", 1),
    ("减少", -1), ("下降", -1), ("降低", -1), ("降幅", -1), ("节约", -1), ("压减", -1), ("压缩", -1), ("减", -1), ("少", -1),
]
SIGN_AT_END = re.compile(
    r"(增加|增长|上升|提高|超支|减少|下降|降低|节约|压减|压缩|精简|简化|增幅|降幅|减幅)(?P<alt>[（(][^）)]*[）)])?"
    r"(?:了|(?<=幅)(?:为|达到?)|(?:率|幅度?)(?:为|达到?)?)?\s*$"
)
# a rate's words (增长 / 降幅 …, not 增加 / 减少, which state amounts): a bare number after them, in a
# sentence that has just stated the change in money, is the rate with its % left out
RATE_AT_END = re.compile(r"(?:增长|下降|降低|上升|增幅|降幅|减幅)(?:率|幅度?)?(?:为|达到?|了)?\s*$")
SHARE_AT_END = re.compile(r"占(?:比|[^，。；]*?的)?\s*(?:比重|比例)?(?:为)?\s*$")
COMPLETION_AT_END = re.compile(r"(?:完成[^，。；]{0,12}的|执行率为?|完成率为?|完成)\s*$")
BUDGET_WORDS = re.compile(r"年初预算|预算数|全年预算|预算安排|预算为|调整预算")
BUDGET_WORDS_IN_FINAL = re.compile(r"预算收入|收入预算|预算支出|支出预算|预算总计|预算合计")
ACTUAL_WORDS = re.compile(r"决算数|支出决算|决算为|执行数|决算|实际支出|全年执行")
PREVIOUS_WORDS = re.compile(r"上年(?!结转|末|底)|上一年|去年|上年度")
# a year that names a period (2022年, 2022年度), not a date (2018年9月)
PERIOD_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)")


@dataclass(slots=True)
class ProseResult:
    figures: list[Figure] = field(default_factory=list)
    issues: list[ParseIssue] = field(default_factory=list)
    fixes: list[tuple[str, str, str, int]] = field(default_factory=list)  # kind, before, after, start


@dataclass(slots=True)
class _Unit:
    unit: str | None  # canonical unit
    end: int  # end of the printed unit in the line
    approx: bool = False
    doubled_percent: bool = False


def _read_unit(line: str, e: int, clause: str, sentence: str = "") -> _Unit:
    m = UNIT.match(line, e)
    scale, word = m.group("scale"), m.group("unit")
    if scale is None and word is None:
        return _Unit(None, e)
    approx = bool(m.group("approx") or m.group("approx2"))
    if word is not None and re.fullmatch(r"[%％]{2}", word):
        return _Unit(PERCENT, m.end(), approx, True)
    if word in ("%", "％"):
        return _Unit(PERCENT, m.end(), approx)
    if word == "台(套)":
        word = "台（套）"
    if scale is None:
        return _Unit(word, m.end(), approx)
    if word == "元":
        return _Unit(f"{scale}元", m.end(), approx)
    if word is None:  # a bare 万 / 亿: money when its clause or sentence speaks of money
        end = m.start("scale") + 1 if not m.group("approx2") else m.end("approx2")
        return _Unit(f"{scale}元" if MONEY_WORDS.search(clause) or MONEY_WORDS.search(sentence) else scale, end, approx)
    return _Unit(f"{scale}{word}", m.end(), approx)


def _is_count(unit: str | None) -> bool:
    return unit is not None and (unit in COUNT_UNITS or (unit[:1] in "万亿千" and unit[1:] in COUNT_UNITS))


def _is_excluded(line: str, s: int, e: int, token: str) -> bool:
    """Numbers that are not figures: years, dates, document numbers, phones, ordinals, codes, formulas."""
    before = line[max(0, s - 6) : s]
    after = line[e : e + 4]
    b1 = before.rstrip()[-1:] if before.rstrip() else ""
    a1 = after.lstrip()[:1]
    digits = re.sub(r"[^0-9０-９]", "", token)
    plain_int = token.isdigit()
    if plain_int and len(token) == 4 and 1949 <= int(token) <= 2100:
        if a1 in ("年", "度", "〕", "】", "]", "）", ")") or b1 in ("〔", "【", "[", "（", "(") or re.match(r"\s*[-/.]\s*\d", after):
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
    if (b1 and b1 in FORMULA_OPERATORS) or (a1 and a1 in FORMULA_OPERATORS):
        return True  # a factor of a formula (…÷上期支出总额×100%)
    if b1 in (":", "：") and not a1 and re.search(r"[=＝]", line[max(0, s - WINDOW) : s]):
        return True  # a ratio at the end of a formula (人车比例=…:1)
    return False


def _is_identifier(line: str, e: int, token: str) -> bool:
    """A unitless number written as part of a name (12345 热线, 等级保护 2.0 和…), not a quantity.

    Only long integers and decimals qualify: a short integer before an unknown measure word stays
    a figure (role ``other``) for the reviewer to see.
    """
    rest = line[e : e + 16].lstrip(" ”\"’」』】）)")
    if not rest or not is_han(rest[0]) or rest[0] in "余多":
        return False
    digits = re.sub(r"[^0-9０-９Oo]", "", token)
    return len(digits) >= 4 or bool(re.search(r"[.．]", token))


def _depths(line: str) -> list[int]:
    """Bracket depth before each position of ``line``."""
    out = [0] * (len(line) + 1)
    d = 0
    for i, c in enumerate(line):
        out[i] = d
        if c in "（(":
            d += 1
        elif c in "）)" and d > 0:
            d -= 1
    out[len(line)] = d
    return out


@dataclass(slots=True)
class _Topic:
    subject: str
    code: str
    role: Role


@dataclass(slots=True)
class _State:
    """What the sentences of one paragraph are about, as the figures go by."""

    sentence: int = -1  # start of the current sentence
    topics: dict[int, _Topic] = field(default_factory=dict)  # bracket depth → last explicit amount
    head: _Topic | None = None  # first explicit amount of the current sentence
    previous_head: _Topic | None = None  # head of the latest earlier sentence that had one
    last_subject: str = ""  # last figure's subject in the sentence (any unit)
    reason: int | None = None  # where the sentence's 变动原因/由于 explanation begins
    breakdown: bool = False  # the sentence lists parts (“其中：…”): its head is not a topic later

    def new_sentence(self, start: int, line: str, stops: _Stops) -> None:
        if start == self.sentence:
            return
        if self.head is not None and not self.breakdown:
            self.previous_head = self.head
        name = _naming_sentence(line, start, stops)
        if name:  # “住房改革支出（款）住房公积金（项）。年初预算 19.66万元…”
            self.previous_head = _Topic(name, "", Role.AMOUNT)
        self.sentence = start
        self.topics = {}
        self.head = None
        self.last_subject = ""
        end = min([p for p in (line.find(c, start) for c in SENTENCE_STOP) if p >= 0] or [len(line)])
        m = REASON.search(line, start, end)
        self.reason = m.start() if m else None
        self.breakdown = bool(BREAKDOWN.match(line[start : start + 12].lstrip(" ：:，,")))

    def topic(self, depth: int) -> _Topic | None:
        for d in range(depth, -1, -1):
            if d in self.topics:
                return self.topics[d]
        return None

    def record(self, depth: int, topic: _Topic) -> None:
        self.topics[depth] = topic
        for d in [d for d in self.topics if d > depth]:
            del self.topics[d]
        if self.head is None and depth == 0:
            self.head = topic


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
    result = ProseResult()
    depths = _depths(line)
    stops = _Stops(line)
    state = _State()
    floor = 0  # end of the previous figure: a clause never reaches back past it
    pos = 0
    while True:
        m = NUMBER.search(line, pos)
        if m is None:
            break
        s, e = m.start(), m.end()
        token = m.group(0)
        pos = e
        span = next(((a, b) for a, b in skip if a <= s < b), None)
        if span is not None:
            pos = max(span[1], s + 1)  # a heading marker (“1.”) may run into the title's first number
            continue
        if re.fullmatch(r"[Oo.．]+", token) and not re.search(r"[Oo]", token[:1]):
            continue
        if re.fullmatch(r"[Oo]+(?:[.．][Oo]+)?", token) and "." not in token and "．" not in token:
            if UNIT.match(line, e).group("unit") is None:
                continue  # a lone letter O is a letter, unless a unit follows it
        if _is_excluded(line, s, e, token):
            continue
        parsed = parse_number(token)
        if parsed is None:
            continue
        gstart = offset + s
        page = page_of(gstart) if page_of else None
        cstart = stops.clause(s, floor)
        clause = line[cstart:s]
        sentence_start = stops.sentence(s)
        unit = _read_unit(line, e, clause, line[max(sentence_start, s - WINDOW) : s])
        money_format = bool(re.search(r"[,，]", token)) and parsed.decimals == 2 and not parsed.malformed
        if unit.unit is None and not (money_format and doc_unit):
            if _is_identifier(line, e, token):
                continue
            split = _split_digits(line, e, token)
            if split is not None:
                result.issues.append(
                    _issue(
                        "parse.malformed_number",
                        Severity.ERROR,
                        f"数字“{line[s:split]}”中间有空格，无法确定是一个数还是两个数",
                        f"digits split by a space: “{line[s:split]}” may be one number or two",
                        line[s:split],
                        section_id,
                        page,
                        gstart,
                        offset + split,
                    )
                )
                pos = floor = split
                continue
        if parsed.malformed:
            result.issues.append(
                _issue(
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
            floor = unit.end
            continue
        if unit.doubled_percent:
            result.issues.append(
                _issue(
                    "parse.malformed_percent",
                    Severity.WARNING,
                    f"百分号重复：“{line[s:unit.end]}”",
                    f"doubled percent sign: “{line[s:unit.end]}”",
                    line[s : unit.end],
                    section_id,
                    page,
                    gstart,
                    offset + unit.end,
                )
            )
        unit_name = unit.unit
        if unit_name is None and doc_unit and money_format:
            unit_name = doc_unit  # money format (4,677,326.79) in a document that states its unit
        if unit_name == "元" and parsed.decimals > 2:
            result.issues.append(
                _issue(
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
                    _issue(
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

        state.new_sentence(sentence_start, line, stops)
        depth = depths[s]
        money = unit_name in MONEY_UNITS

        # role and sign
        role, sign, alt = _role(clause, unit_name, line[max(stops.clause(s), s - WINDOW) : s])
        if alt:
            result.issues.append(
                _issue(
                    "parse.ambiguous_sign",
                    Severity.WARNING,
                    f"增减方向不明：“{alt}”（模板文字未删除？），按前一个词读取",
                    f"ambiguous direction “{alt}” (template wording left in?): read as the first word",
                    alt,
                    section_id,
                    page,
                    offset + cstart + clause.rfind(alt),
                    offset + cstart + clause.rfind(alt) + len(alt),
                )
            )
        if unit_name is None and role == Role.CHANGE and _rate_without_percent(clause, result.figures, offset + sentence_start):
            role, unit_name = Role.GROWTH, PERCENT
            result.issues.append(_issue(
                "parse.missing_percent", Severity.WARNING,
                f"“{clause.strip()[-6:]}{token}”缺少百分号：按增长率 {token}% 核对",
                f"“{token}” after a rate word has no % sign: checked as the growth rate {token}%",
                token, section_id, page, gstart, offset + e,
            ))
        if role in (Role.AMOUNT, Role.OTHER) and money:
            role = _period_role(line[max(sentence_start, stops.semicolon(s), s - WINDOW) : s], clause, doc_year, doc_kind)
        base = money and role in (Role.AMOUNT, Role.BUDGET, Role.ACTUAL, Role.PREVIOUS) and bool(COMPARISON_BASE.match(clause))
        if money and role == Role.AMOUNT and not base:
            head_role = _breakdown_role(line, sentence_start, s, state)
            if head_role is not None:
                role = head_role
        if unit.approx or APPROX_BEFORE.search(clause) or THRESHOLD.match(line, unit.end):
            role = Role.OTHER if not _is_count(unit_name) else role

        # subject and code
        code_m = None
        for cm in CODE_IN_BRACKETS.finditer(line, cstart, s):
            code_m = cm
        code = code_m.group(1) if code_m else ""
        subject_text = clause
        if code_m:
            subject_text = clause[: code_m.start() - cstart] + clause[code_m.end() - cstart :]
        subject = canonical_subject(strip_role_words(subject_text, department=department))
        explaining = state.reason is not None and state.reason < s  # inside a 变动原因 explanation
        threshold = bool(THRESHOLD.match(line, unit.end))
        if _is_count(unit_name):
            weak = not subject or _ends_with_conjunction(clause)
            noun = _counted_noun(line, unit.end, strict=not weak)
            if noun or weak:
                subject = noun or (subject if not _ends_with_conjunction(clause) else "") or state.last_subject or subject or section_subject
        elif not subject and not money and unit_name != PERCENT and state.last_subject:
            subject = state.last_subject  # “总分 100 99.96”
        elif not subject or is_role_only(subject, subject_text):
            inherited = state.topic(depth)
            if inherited is None and (not subject or ROLE_ONLY.fullmatch(subject)):
                inherited = state.previous_head
            if inherited is not None:
                subject, code = inherited.subject, code or inherited.code
            elif not subject:
                subject = section_subject
            elif money and not base and not explaining and role not in (Role.CHANGE, Role.GROWTH):
                state.record(depth, _Topic(subject, code, role))  # a bare 收入 heading its sentence
        elif FUND_ONLY.fullmatch(subject) and CLASSIFIED.search(section_subject):
            # “（二）社会保障和就业支出（类）/ 本年财政拨款预算数为 41.17 万元”: the class's appropriation
            subject = section_subject
            if money and not base and not explaining and role not in (Role.CHANGE, Role.GROWTH):
                state.record(depth, _Topic(subject, code, role))
        elif money and not base and not explaining and not threshold and role not in (Role.CHANGE, Role.GROWTH):
            state.record(depth, _Topic(subject, code, role))
        if money and state.head is None and depth == 0 and not base and not explaining and role in (Role.AMOUNT, Role.BUDGET, Role.ACTUAL, Role.PREVIOUS):
            state.head = _Topic(subject, code, role)
        state.last_subject = subject

        fig = Figure(
            id=f"P{gstart}",
            text=line[s:e],
            value=parsed.value,
            decimals=parsed.decimals,
            unit=unit_name,
            subject=subject,
            role=role,
            sign=sign,
            section_id=section_id,
            page=page,
            start=gstart,
            end=offset + e,
            code=code,
        )
        if fig.unit is None and doc_unit and role == Role.CHANGE:
            fig.unit = doc_unit
        result.figures.append(fig)
        if not threshold:  # “单价 50 万元（含）以上的设备 0 台” : the threshold belongs to the noun
            floor = unit.end
    return result


CLASSIFICATION_NAME = re.compile(r"[\u4e00-\u9fff（）()、]{2,60}[（(](?:类|款|项)[）)]")


def _naming_sentence(line: str, start: int, stops: _Stops) -> str:
    """The sentence just before ``start`` when it only names a 类/款/项 (and holds no number)."""
    prev_end = start - 1
    if prev_end < 1 or line[prev_end] not in SENTENCE_STOP:
        return ""
    prev_start = stops.sentence(prev_end)
    text = line[prev_start:prev_end].strip()
    text = re.sub(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、])", "", text)
    if not CLASSIFICATION_NAME.fullmatch(text) or re.search(r"\d", text):
        return ""
    return canonical_subject(text)


def _issue(code, severity, zh, en, text, section_id, page, start, end) -> ParseIssue:
    return ParseIssue(code, severity, zh, en, text, section_id, page, start, end)


WINDOW = 240  # characters: how far back words may qualify a figure (bounds every back-scan)


class _Stops:
    """Where each clause and sentence of a line begins, found once per line so that locating a
    figure's clause or sentence is a bisection, not a scan back (linear time on any line)."""

    __slots__ = ("clauses", "sentences", "semicolons")

    def __init__(self, line: str) -> None:
        self.clauses = [0] + [
            i + 1 for i, c in enumerate(line)
            if c in CLAUSE_STOP and not (c in ",，" and line[i - 1 : i].isdigit() and line[i + 1 : i + 2].isdigit())
        ]
        self.sentences = [0] + [i + 1 for i, c in enumerate(line) if c in SENTENCE_STOP]
        self.semicolons = [0] + [i + 1 for i, c in enumerate(line) if c in "；;"]

    @staticmethod
    def _at(starts: list[int], pos: int) -> int:
        return starts[bisect_right(starts, pos) - 1]

    def clause(self, pos: int, floor: int = 0) -> int:
        """Start of the clause holding ``pos`` (never before ``floor``); a thousands separator
        (1,724.62) splits no clause."""
        return max(floor, self._at(self.clauses, pos))

    def sentence(self, pos: int) -> int:
        return self._at(self.sentences, pos)

    def semicolon(self, pos: int) -> int:
        return self._at(self.semicolons, pos)


def _split_digits(line: str, e: int, token: str) -> int | None:
    """``32 90 项``: a short integer, one space, a number with a unit → end of the pair, else None."""
    if not (token.isdigit() and len(token) <= 4 and line[e : e + 1] == " "):
        return None
    m = NUMBER.match(line, e + 1)
    if m is None:
        return None
    following = UNIT.match(line, m.end())
    if following.group("unit") is None and following.group("scale") is None:
        return None
    return m.end()


def _ends_with_conjunction(clause: str) -> bool:
    """``调入3名事业编人员及``: the clause's words belong to the previous figure."""
    return bool(re.search(r"(?:及|和|与|以及|、)\s*$", clause))


def _counted_noun(line: str, end: int, strict: bool) -> str:
    """The noun a count is of, when it follows the measure word (``下设 4 个股室，``).

    ``strict``: only a noun that ends the clause (or joins the next with 和/及/为); otherwise a
    noun before 的 or a number is accepted too (used when the clause before says nothing).
    """
    stop = r"[，,。；;、：:（(）)\s]|为|和|及|$" if strict else r"[，,。；;、：:（(）)\s0-9]|的|为|和|及|$"
    m = re.match(rf"\s*([\u4e00-\u9fff]{{2,10}}?)(?={stop})", line[end : end + 24])
    if m is None or re.match(r"[和及与或的是为在均已都全共还并可将被由]", m.group(1)):
        return ""
    return m.group(1)


def _role(clause: str, unit: str | None, whole_clause: str) -> tuple[Role, int, str]:
    """Role and sign from the clause's last words; the third value is an ambiguous 增加（减少）.

    ``whole_clause`` reaches back past a figure inside the clause, for 占/完成 phrases that
    print their denominator (``占总收入（4,677,326.79）的86.58%``).
    """
    tail = clause.rstrip()
    sign_m = SIGN_AT_END.search(tail)
    alt = ""
    if sign_m and sign_m.group("alt") and re.search(r"增|减|升|降", sign_m.group("alt")):
        alt = sign_m.group(0).rstrip("了 ")
    if unit == PERCENT:
        if SHARE_AT_END.search(tail) or re.search(r"占", whole_clause):
            return Role.SHARE, 1, ""
        if COMPLETION_AT_END.search(tail) or re.search(r"完成|执行率", whole_clause):
            return Role.COMPLETION, 1, ""
        if sign_m:
            return Role.GROWTH, _sign_of(sign_m.group(1)), alt
        return Role.OTHER, 1, ""
    if _is_count(unit):
        return Role.COUNT, 1, ""
    if sign_m:
        return Role.CHANGE, _sign_of(sign_m.group(1)), alt
    if unit in MONEY_UNITS:
        return Role.AMOUNT, 1, ""
    return Role.OTHER, 1, ""


def _rate_without_percent(clause: str, figures: list[Figure], sentence_start: int) -> bool:
    """A bare number after 增长/下降/降幅 … right after the sentence stated the change in money
    (“增加 10.00 万元，增长 11.11。”): the rate, its % left out."""
    if not RATE_AT_END.search(clause) or not figures:
        return False
    last = figures[-1]
    return last.start is not None and last.start >= sentence_start and last.role == Role.CHANGE and last.unit in MONEY_UNITS


def _sign_of(word: str) -> int:
    for w, sgn in SIGN_WORDS:
        if word.startswith(w):
            return sgn
    if word in ("精简", "简化"):
        return -1
    return 1


def _period_role(sentence_head: str, clause: str, doc_year: int | None, doc_kind: DocKind | None) -> Role:
    if PREVIOUS_WORDS.search(clause):
        return Role.PREVIOUS
    years = [int(y) for y in PERIOD_YEAR.findall(sentence_head)]
    if doc_year and years and years[-1] < doc_year:
        return Role.PREVIOUS
    if BUDGET_WORDS.search(clause):
        return Role.BUDGET
    if ACTUAL_WORDS.search(clause):
        return Role.ACTUAL
    if doc_kind in (DocKind.FINAL, DocKind.ANALYSIS) and BUDGET_WORDS_IN_FINAL.search(clause):
        return Role.BUDGET
    return Role.AMOUNT


def _breakdown_role(line: str, sentence_start: int, s: int, state: _State) -> Role | None:
    """Parts listed after 其中/包括 take their total's period (budget, actual, previous)."""
    head = state.head
    text = line[max(sentence_start, s - WINDOW) : s]
    if head is None and BREAKDOWN.match(line[sentence_start : sentence_start + 12].lstrip(" ：:，,")):
        head = state.previous_head  # “…元。其中：…” continues the previous sentence's total
    elif head is not None and not BREAKDOWN.search(text):
        return None
    if head is None or head.role not in (Role.BUDGET, Role.ACTUAL, Role.PREVIOUS):
        return None
    return head.role


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
