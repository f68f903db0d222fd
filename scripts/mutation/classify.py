"""What a printed number claims, read from the document's own words and table layout — never from
the engine's relations (the measure would be circular).

`excluded(...)` says why a number changes nothing checkable (a year or date, a phone or postcode,
a count of people or things, a page number, a 科目 code, a list ordinal), or None. `claim_kinds`
gives every kind of claim the number takes part in:

- ``growth``: a percentage (or a bare number where one belongs) after 增长/下降/降幅/增幅/… in its clause;
- ``change``: an amount after 增加/减少/增长/下降/节约/… in its clause;
- ``share``: a percentage in a clause with 占 (占…的, 占比, 比重);
- ``completion``: a percentage in a clause with 完成/执行率/执行进度/为预算的;
- ``sum``: a cell of a table that has a 合计/小计/总计 row or column; a prose amount in a sentence
  with another amount and 其中/分别为/包括 (or right after 合计/总计/共计); the first amount of a
  numbered item (``1.一般公共服务类110.91万元``: a part of its parent's breakdown);
- ``repeat``: a prose amount printed again (same figure, same unit) elsewhere in the prose;
- ``prose↔table``: a prose amount equal to a table cell of the same document (or a cell equal to
  a prose amount), 元 and 万元 both tried; for these two the value must print three significant
  digits or more (2.00, 12.5 — not 0.5 or 25, where equality is often a coincidence);
- ``missing`` is not a property of a number: it is the kind of every deletion (see `harness`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from parsers.model import Table

KINDS = ("sum", "change", "growth", "share", "completion", "repeat", "prose↔table", "missing")
OTHER = "other"

MONEY = re.compile(r"^(?:万元|亿元|千元|元)")
PERCENT = re.compile(r"^[%％]")
POINTS = re.compile(r"^个?百分点")
COUNT_UNIT = re.compile(
    r"^(?:[万千百]?余?(?:人次?|户|家|个|件|次|辆|台|套|平方米|名))|^(?:万?人次?|名|辆|台|套|个(?!百分点)|次|件|家|户|所|座|间|张|份|批|期|场|天|日|周|小时|分钟|年|月|平方米|㎡|m²|公里|千米|米|吨|册|本|篇|"
    r"条|项(?![）)])|只|头|亩|公顷|岁|课时|床|部|类|种|支|架|艘|处|栋|层|级|位|卷|盒|箱|km|kg|G|兆|M|户次|宗|起|例|元/)"
)
PHONE_WORDS = re.compile(r"(?:电话|传真|联系方式|手机|热线|邮编|邮政编码|QQ|网址|地址)")
CLAUSE_END = re.compile(r"[。；;！!？?，,：:、\n]")
SENTENCE_END = re.compile(r"[。；;！!？?]|\n\s*\n")
GROWTH_WORDS = re.compile(r"(?:增长|下降|降幅|增幅|减幅|增速|上升|提高|降低|减少|增加|回落|下滑|增减|减少了|增加了|增长了|下降了)")
CHANGE_WORDS = re.compile(r"(?:增加|减少|增长|下降|节约|节支|超支|增支|减支|增减|减少了|增加了|多支出|少支出|追加|调减|调增|压减|缩减)")
SHARE_WORDS = re.compile(r"(?:占|比重)")
COMPLETION_WORDS = re.compile(r"(?:完成|执行率|执行进度|执行了|为预算的|为年初预算的|预算执行)")
PARTS_WORDS = re.compile(r"(?:其中|分别为|分别是|包括|主要用于|具体为|构成)")
TOTAL_BEFORE = re.compile(r"(?:合计|总计|共计|总额为?|总计为|合计为)$")
TOTAL_LABEL = re.compile(r"(?:合计|小计|总计|共计)")
CODE_HEADER = re.compile(r"(?:编码|代码|序号|编号|行次|栏次|(?:^|›)\s*[类款项]\s*$|科目\s*$)")
COUNT_HEADER = re.compile(r"(?:人数|编制|车辆|辆|数量|个数|台数|套数|（人）|\(人\)|（个）|（辆）|（台）|（套）)")
RATE_HEADER = re.compile(r"(?:率|%|％|比重|占比|百分比)")
DASHES = "-—–－"
MONEY_AMOUNT = re.compile(r"[0-9０-９][0-9０-９,，.．]*(?:万元|亿元|千元|元)")
LIST_ITEM = re.compile(r"^(?:[0-9０-９]{1,2}[.．、]|[（(][0-9０-９一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)")


def ascii_digits(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def value_of(text: str) -> Decimal | None:
    try:
        return Decimal(ascii_digits(text).replace(",", "").replace(" ", ""))
    except InvalidOperation:
        return None


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def clause_before(left: str) -> str:
    """The words before a number back to the last clause boundary (commas inside numbers kept)."""
    text = compact(left)
    cut = 0
    for m in CLAUSE_END.finditer(text):
        if m.group(0) in ",，" and 0 < m.start() < len(text) - 1 and text[m.start() - 1].isdigit() and text[m.start() + 1].isdigit():
            continue
        cut = m.end()
    return text[cut:]


def sentence_around(left: str, right: str) -> tuple[str, str]:
    before = compact(left)
    cuts = [m.end() for m in SENTENCE_END.finditer(before)]
    after = compact(right)
    m = SENTENCE_END.search(after)
    return before[cuts[-1] if cuts else 0:], after[: m.start()] if m else after


def unit_after(right: str, cell_header: str = "") -> str:
    """``money``, ``percent``, ``points``, ``count`` or ``bare``: what follows the number."""
    after = compact(right)
    if MONEY.match(after):
        return "money"
    if PERCENT.match(after):
        return "percent"
    if POINTS.match(after):
        return "points"
    if COUNT_UNIT.match(after):
        return "count"
    if cell_header and RATE_HEADER.search(cell_header):
        return "percent"
    return "bare"


def excluded(text: str, left: str, right: str, *, in_cell: bool, header: str = "") -> str | None:
    """Why this printed number changes nothing checkable, or None when it is an amount or a rate."""
    value = value_of(text)
    integer = re.fullmatch(r"[0-9０-９]+", text) is not None
    after, before = compact(right), compact(left)
    unit = unit_after(right, header)
    if in_cell and CODE_HEADER.search(header):
        return "code"
    if in_cell and COUNT_HEADER.search(header) and unit != "money":
        return "count"
    if integer and value is not None and 1949 <= value <= 2099 and len(text) == 4 and unit not in ("money", "percent"):
        return "year"
    if integer and value is not None and value <= 31 and (re.match(r"^(?:月|日|号)", after) or re.search(r"年$", before)):
        return "date"
    if unit == "count":
        return "count"
    if re.search(r"[×÷*/＝=]$", before):
        return "formula"  # 完成率＝执行数÷预算数×100%: a constant of a definition
    if unit in ("money", "percent", "points"):
        return None
    if PHONE_WORDS.search(before[-12:]) or re.match(r"^[-—－]\d", after) or re.search(r"\d[-—－]$", before):
        return "phone"
    return _by_place(text, left, right, in_cell) or (_by_shape(text, after) if integer else None)


def _by_place(text: str, left: str, right: str, in_cell: bool) -> str | None:
    """Page numbers (a line of its own between dashes, the end of a 目录 line) and ordinals."""
    line_left, line_right = left.rsplit("\n", 1)[-1], right.split("\n", 1)[0]
    after, before = compact(right), compact(left)
    alone = re.fullmatch(rf"\s*[{DASHES}]?\s*", line_left) and re.fullmatch(rf"\s*[{DASHES}]?\s*", line_right)
    if not in_cell and alone and re.search(rf"[{DASHES}]", line_left + line_right):
        return "page number"
    if re.search(r"(?:…|\.\.\.|·{2,}|\.{3,}|-{3,})$", before):
        return "page number"
    if re.search(r"第$", before) or re.match(r"^(?:页|部分|章|条|节|号|批|期|届|次会议)", after):
        return "ordinal"
    integer = re.fullmatch(r"[0-9０-９]+", text) is not None
    if integer and not in_cell and not line_left.strip() and re.match(r"^\s*[.．、)）]", line_right):
        return "ordinal"
    if integer and re.search(r"[（(\[〔【]$", before) and re.match(r"^[）)\]〕】]", after):
        return "code" if len(text) >= 3 else "ordinal"
    return None


def _by_shape(text: str, after: str) -> str | None:
    """An integer shaped like a 科目 code (2010350, 301 工资福利支出, 08) or a phone number."""
    if len(text) in (3, 5, 7) and text[0] in "2345" and (len(text) > 3 or re.match(r"^[\u4e00-\u9fff]", after)):
        return "code"
    if len(text) >= 7:
        return "phone"
    if len(text) >= 2 and text[0] in "0０":
        return "code"  # 01, 08: a 款 or 项 code (no amount is printed with a leading zero)
    return None


@dataclass(frozen=True, slots=True)
class CellPlace:
    """A table cell as the classifier sees it: the table, and the cell's column header and row label."""

    table: Table
    row: int
    col: int

    @property
    def header(self) -> str:
        columns = self.table.columns
        return columns[self.col] if self.col < len(columns) else ""

    @property
    def row_label(self) -> str:
        row = self.table.rows[self.row]
        return next((c.strip() for c in row if c.strip() and not re.fullmatch(r"[\d\s.,，%％()（）+\-－]*", c.strip())), "")


def has_total(table: Table) -> bool:
    """Does the table print a total that its cells add up to (a 合计/小计/总计 row or column)?"""
    if any(TOTAL_LABEL.search(c) for c in table.columns):
        return True
    for row in table.rows:
        label = next((c for c in row if c.strip() and not re.fullmatch(r"[\d\s.,，%％()（）+\-－]*", c.strip())), "")
        if TOTAL_LABEL.search(label):
            return True
    return False


def distinctive(value: Decimal) -> bool:
    """Printed with three significant digits or more (2.00, 12.5, 354): an equal value elsewhere is
    a statement of the same amount, not a coincidence of small numbers (0.5, 25)."""
    digits = value.as_tuple().digits
    return value != 0 and len(str(int("".join(map(str, digits))))) >= 3 if digits else False


@dataclass(slots=True)
class Amounts:
    """The document's amounts, for the two kinds that need more than the number's own words."""

    prose: dict[tuple[Decimal, str], int]  # (value, unit) → how many prose statements print it
    cells: set[Decimal]  # every cell value

    def repeated(self, value: Decimal, unit: str) -> bool:
        return distinctive(value) and self.prose.get((value, unit), 0) >= 2

    def in_tables(self, value: Decimal, unit: str) -> bool:
        if not distinctive(value):
            return False
        scaled = {value}
        if unit == "万元":
            scaled.add(value * 10000)
        elif unit == "元":
            scaled.add(value / 10000)
        elif unit == "亿元":
            scaled.add(value * 10000)
        return any(v in self.cells for v in scaled)

    def in_prose(self, value: Decimal) -> bool:
        if not distinctive(value):
            return False
        return any(v in (value, value * 10000, value / 10000) for v, _ in self.prose)


THRESHOLD = re.compile(r"^(?:万元|亿元|千元|元)\s*(?:[（(]\s*含\s*[）)])?\s*(?:及?以上|及?以下|以内)")


def threshold(right: str) -> bool:
    """``单价100万元（含）以上``: a bound in a rule, not an amount the document states."""
    return THRESHOLD.match(compact(right)) is not None


def money_unit(right: str) -> str:
    m = MONEY.match(compact(right))
    return m.group(0) if m else ""


def prose_kinds(text: str, left: str, right: str, amounts: Amounts) -> list[str]:
    if threshold(right):
        return []  # a bound in a rule (单价100万元以上) claims no amount
    unit = unit_after(right)
    clause = clause_before(left)
    near = clause[-14:]
    kinds = []
    # a bare decimal before a clause end stands where a rate lost its % (增长1412.35，)
    rate = unit in ("percent", "points") or (unit == "bare" and "." in text and re.match(r"^(?:[，,。；;]|$)", compact(right)) is not None)
    if rate and GROWTH_WORDS.search(near):
        kinds.append("growth")
    if unit == "money" and CHANGE_WORDS.search(near):
        kinds.append("change")
    if rate and SHARE_WORDS.search(clause):
        kinds.append("share")
    if rate and COMPLETION_WORDS.search(clause):
        kinds.append("completion")
    if unit == "money":
        before, after = sentence_around(left, right)
        others = len(MONEY_AMOUNT.findall(before)) + len(MONEY_AMOUNT.findall(after))
        line = compact(left.rsplit("\n", 1)[-1])
        listed = LIST_ITEM.match(line) is not None and not MONEY_AMOUNT.search(line)
        if listed or (others and (PARTS_WORDS.search(before + after) or TOTAL_BEFORE.search(before))):
            kinds.append("sum")
        value = value_of(text)
        if value is not None and amounts.repeated(value, money_unit(right)):
            kinds.append("repeat")
        if value is not None and amounts.in_tables(value, money_unit(right)):
            kinds.append("prose↔table")
    return kinds


def cell_kinds(text: str, place: CellPlace, amounts: Amounts) -> list[str]:
    header = place.header
    kinds = []
    if RATE_HEADER.search(header):
        if re.search(r"(?:增长|增减|变动|增幅|降幅)", header):
            kinds.append("growth")
        if re.search(r"(?:执行|完成)", header):
            kinds.append("completion")
        if re.search(r"(?:占|比重)", header):
            kinds.append("share")
        return kinds
    if re.search(r"(?:增减|增加|减少|变动)(?:额|数)?", header) and not TOTAL_LABEL.search(header):
        kinds.append("change")
    if has_total(place.table):
        kinds.append("sum")
    value = value_of(text)
    if value is not None and amounts.in_prose(value):
        kinds.append("prose↔table")
    return kinds
