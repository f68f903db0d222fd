"""Figures in table cells: each numeric cell becomes a `Figure` keyed by its cell.

- **subject**: the row's label — the nearest text cell to the left of the number, leaving out
  code, serial, unit and attribute columns (指标性质/指标方向) and, when there is another
  choice, text standing under a value column (a 定性 indicator's 年度指标值); the 功能/经济分类
  code is kept apart in ``Figure.code``. In a table whose rows are periods (``2020年度``,
  ``预算``, ``2021年决算`` — the data of a chart), the subject is the column and the row gives
  the role.
- **role**: what the column header (or a period row) says: 年初预算/预算数 → budget,
  决算/执行数 → actual, 上年/an earlier year → previous, 执行率/完成率 → completion,
  比重/占比 → share, 分值/得分 → other; a count unit makes it a count.
- **unit**: % for a percentage column or cell, 分 for score columns, the row's own unit where the
  table has a 计量单位 column or prints one in the row (performance tables), else the table's
  ``单位``, else the document's.

Malformed cells in value columns are reported (``54,7,774.03``: error; a truncated ``0.``:
warning), as are 元 amounts with more than two decimals (``225,976.861``: warning).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers import lexicon
from parsers.model import CellRef, Figure, Normalisation, ParseIssue, Role, Severity, Table
from parsers.numbers import ParsedNumber, parse_cell
from parsers.subjects import canonical_subject
from parsers.text_tables import header_type

NON_FIGURE_COLUMN = re.compile(r"编码|代码|序号|行次|栏次|^类$|^款$|^项$|计量|^单位$")
CODE_COLUMN = re.compile(r"编码|代码|^类$|^款$|^项$")
UNIT_COLUMN = re.compile(r"计量|^单位$")
ATTRIBUTE_COLUMN = re.compile(r"性质|方向")
SCORE_COLUMN = re.compile(r"分值|得分|总分")
TARGET_COLUMN = re.compile(r"指标值|目标值|完成值")  # a performance indicator's target / achieved value
CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$|^\d{2}$")
ROW_UNITS = {
    "万元": "万元", "元": "元", "亿元": "亿元", "万": "万元", "%": "%", "％": "%", "个": "个", "人": "人", "台": "台", "套": "套",
    "辆": "辆", "次": "次", "件": "件", "项": "项", "家": "家", "米": "米", "平方米": "平方米", "㎡": "平方米", "t": "吨", "吨": "吨",
    "年": "年", "天": "天", "分": "分",
}
COUNT_UNITS = {"个", "人", "台", "套", "辆", "次", "件", "项", "家"}
PERIOD_LABEL = re.compile(
    r"^(?:(?P<year>(?:19|20)\d{2})\s*年度?)?\s*(?P<when>上年度?|本年度?|今年|当年|全年|年初|调整)?\s*"
    r"(?P<kind>预算|决算|执行|实际)?\s*数?\s*(?:收入|支出)?$"
)


def _leaf(name: str) -> str:
    return re.sub(r"\s+", "", name.split(" › ")[-1]) if name else ""




RATE_COLUMN = re.compile(r"(?:执行|完成|增长|增减|下降)率|增幅|降幅|比重|占比")
HEADER_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def column_role(column: str, doc_year: int | None = None) -> Role:
    """The role a column header gives its cells (年初预算 → budget, 决算 → actual, 上年 → previous,
    a year before the document's — 2023年决算数 in a 2024 决算 — → previous, …)."""
    leaf = _leaf(column)
    year = HEADER_YEAR.search(column)
    if doc_year and year and int(year.group(1)) < doc_year and not re.search(r"执行率|完成率", leaf):
        return Role.PREVIOUS
    if re.search(r"执行率|完成率", leaf):
        return Role.COMPLETION
    if SCORE_COLUMN.search(leaf) or TARGET_COLUMN.search(leaf):
        return Role.OTHER
    if re.search(r"上年", column):
        return Role.PREVIOUS
    if re.search(r"年初预算|预算数|全年预算|预算", lexicon.FUND_BUDGET.sub("", column)):  # 一般公共预算财政拨款 names a fund
        return Role.BUDGET
    if re.search(r"决算|执行数|实际|执行", column):
        return Role.ACTUAL
    if re.search(r"%|％|率|比重|占比", column):
        return Role.SHARE
    return Role.AMOUNT


def _period_role(label: str, doc_year: int | None) -> Role | None:
    """The role a period row label gives (``2020年度`` or ``上年预算数`` → previous, ``本年预算数``
    → budget, ``2021年决算`` → actual), or None when the label names no period."""
    t = re.sub(r"\s+", "", label)
    m = PERIOD_LABEL.match(t)
    if not t or m is None or not (m.group("year") or m.group("when") or m.group("kind")):
        return None
    year, when, kind = m.group("year"), m.group("when") or "", m.group("kind") or ""
    if when.startswith("上年") or (year and doc_year and int(year) < doc_year):
        return Role.PREVIOUS
    if kind == "预算" or when in ("年初", "调整"):
        return Role.BUDGET
    if kind in ("决算", "执行", "实际"):
        return Role.ACTUAL
    return Role.AMOUNT


def table_figures(
    table: Table, doc_unit: str | None, doc_year: int | None = None
) -> tuple[list[Figure], list[ParseIssue], list[Normalisation]]:
    """The figures of the table's numeric cells, the issues of malformed ones and the
    normalisations made reading them."""
    reader = _TableReader(table, doc_unit, doc_year, _Columns.of(table))
    for r, row in enumerate(table.rows):
        reader.read_row(r, row)
    return reader.figures, reader.issues, reader.fixes


@dataclass(slots=True)
class _Columns:
    """What each column holds, from its header (the columns whose cells are no figures among them)."""

    leaves: list[str]  # the last segment of each column path, spaces removed
    types: list[str]  # header_type of each column: t (text), n (number), u (unknown)
    skip: set[int]  # code, serial and unit columns: never figures
    code: list[int]  # 功能/经济分类 code columns
    unit: list[int]  # 计量单位 columns
    attribute: set[int]  # 指标性质/指标方向: not row labels

    @classmethod
    def of(cls, table: Table) -> _Columns:
        leaves = [_leaf(name) for name in table.columns]
        return cls(
            leaves=leaves,
            types=[header_type(name) for name in table.columns],
            skip={c for c, leaf in enumerate(leaves) if NON_FIGURE_COLUMN.search(leaf)},
            code=[c for c, leaf in enumerate(leaves) if CODE_COLUMN.search(leaf)],
            unit=[c for c, leaf in enumerate(leaves) if UNIT_COLUMN.search(leaf)],
            attribute={c for c, leaf in enumerate(leaves) if ATTRIBUTE_COLUMN.search(leaf)},
        )

    def is_text(self, c: int) -> bool:
        return self.types[c] == "t" if c < len(self.types) else False


@dataclass(slots=True)
class _Row:
    """One table row as read: its number, cells, the numbers parsed from them, code and unit."""

    r: int
    cells: list[str]
    parsed: dict[int, ParsedNumber | None]  # by column, the non-figure columns left out
    code: str
    unit: str | None


@dataclass(slots=True)
class _TableReader:
    table: Table
    doc_unit: str | None
    doc_year: int | None
    columns: _Columns
    figures: list[Figure] = field(default_factory=list)
    issues: list[ParseIssue] = field(default_factory=list)
    fixes: list[Normalisation] = field(default_factory=list)
    # rows carry their own units (a 计量单位 column, or a unit printed in a row so far): a row
    # that names none has no unit rather than the table's
    mixed_units: bool = False

    def __post_init__(self) -> None:
        self.mixed_units = bool(self.columns.unit)

    def read_row(self, r: int, cells: list[str]) -> None:
        columns = self.columns
        parsed = {c: parse_cell(cell) for c, cell in enumerate(cells) if c not in columns.skip}
        code = "".join(cells[c].strip() for c in columns.code if c < len(cells) and cells[c].strip())
        row = _Row(r, cells, parsed, code, self._row_unit(cells, parsed))
        for c, number in sorted(parsed.items()):
            if number is not None:
                self.read_cell(row, c, number)

    def _row_unit(self, cells: list[str], parsed: dict[int, ParsedNumber | None]) -> str | None:
        """The unit of the row's 计量单位 cell, else the one unit printed alone in a cell of it."""
        unit_cols = self.columns.unit
        unit = next((ROW_UNITS[cells[c].strip()] for c in unit_cols if c < len(cells) and cells[c].strip() in ROW_UNITS), None)
        if unit is None and not unit_cols:
            tokens = [ROW_UNITS[cell.strip()] for c, cell in enumerate(cells) if cell.strip() in ROW_UNITS and parsed.get(c) is None]
            if len(tokens) == 1:
                unit, self.mixed_units = tokens[0], True
        return unit

    def read_cell(self, row: _Row, c: int, number: ParsedNumber) -> None:
        table = self.table
        cell = CellRef(table.id, row.r, c)
        page = table.cell_pages.get((row.r, c), table.page)
        at = _CellPlace(table.section_id, page, cell)
        if number.malformed:
            if not self.columns.is_text(c):  # debris in a label column (“1,7” for 二级指标) is not a figure
                self.issues.append(_malformed(row.cells[c], number, at))
            return
        figure = self._figure(row, c, number, cell, page)
        self.figures.append(figure)
        if figure.unit == "元" and number.decimals > 2:
            self.issues.append(_too_many_decimals(figure.text, number.decimals, at))
        for fix in number.fixes:
            self.fixes.append(Normalisation(fix, row.cells[c], str(number.value), None, page, cell))
            if fix == "letter_o":
                self.issues.append(_letter_o(row.cells[c], number, at))

    def _figure(self, row: _Row, c: int, number: ParsedNumber, cell: CellRef, page: int | None) -> Figure:
        table = self.table
        column = table.columns[c] if c < len(table.columns) else ""
        printed = row.cells[c]
        text = printed.strip()
        label, label_code = _label(row.cells, c, row.parsed, self.columns.skip, self.columns.attribute, self.columns.types)
        subject, role = _subject_and_role(label, column, self.doc_year)
        unit = _cell_unit(text, column, row.unit, self.mixed_units, table.unit, self.doc_unit)
        if unit in COUNT_UNITS and role in (Role.AMOUNT, Role.ACTUAL, Role.OTHER) and not SCORE_COLUMN.search(_leaf(column)):
            role = Role.COUNT
        return Figure(
            id=f"{table.id}.{row.r}.{c}",
            text=text,
            value=number.value,
            decimals=number.decimals,
            unit=unit,
            subject=subject,
            role=role,
            section_id=table.section_id,
            page=page,
            cell=cell,
            bbox=table.cell_bboxes.get((row.r, c)),
            column=column,
            code=row.code or label_code,
            raw=printed if printed != text else "",
        )


def _subject_and_role(label: str, column: str, doc_year: int | None) -> tuple[str, Role]:
    """The subject of a cell (its row label) and its role (from its column); in a chart's data,
    whose rows are periods, the column is the subject and the row gives the role."""
    period = _period_role(label, doc_year) if label else None
    if period is not None and column and _period_role(_leaf(column), doc_year) is None:
        return canonical_subject(_leaf(column)), period
    return canonical_subject(label), column_role(column, doc_year)


@dataclass(frozen=True, slots=True)
class _CellPlace:
    """Where a cell stands, for the issues the parser reports about it."""

    section_id: str
    page: int | None
    cell: CellRef

    def issue(self, code: str, severity: Severity, zh: str, en: str, text: str) -> ParseIssue:
        return ParseIssue(code, severity, zh, en, text, self.section_id, self.page, cell=self.cell)


def _malformed(printed: str, number: ParsedNumber, at: _CellPlace) -> ParseIssue:
    truncated = number.malformed == "point"
    zh = f"表格单元格“{printed}”数字{'不完整' if truncated else '格式错误'}，未读取"
    en = f"{'truncated' if truncated else 'malformed'} number in a table cell: “{printed}”, not read"
    return at.issue("parse.malformed_number", Severity.WARNING if truncated else Severity.ERROR, zh, en, printed)


def _too_many_decimals(text: str, decimals: int, at: _CellPlace) -> ParseIssue:
    zh = f"以元为单位的金额“{text}”有 {decimals} 位小数（应不超过 2 位）"
    en = f"amount in 元 “{text}” has {decimals} decimals (at most 2 expected)"
    return at.issue("parse.malformed_number", Severity.WARNING, zh, en, text)


def _letter_o(printed: str, number: ParsedNumber, at: _CellPlace) -> ParseIssue:
    zh = f"单元格“{printed}”中用字母 O 代替了 0，按 {number.value} 读取"
    en = f"the letter O typed for zero in cell “{printed}”: read as {number.value}"
    return at.issue("parse.letter_o", Severity.WARNING, zh, en, printed)


def _label(
    row: list[str],
    c: int,
    parsed_row: dict[int, ParsedNumber | None],
    skip_cols: set[int],
    attribute_cols: set[int],
    types: list[str],
) -> tuple[str, str]:
    """The row label of cell ``c`` and a code printed in front of it (``2010350 事业运行``)."""

    def is_text(k: int) -> bool:
        return bool(row[k].strip()) and parsed_row.get(k) is None and k not in skip_cols and k not in attribute_cols

    candidates = [k for k in range(c - 1, -1, -1) if is_text(k)]
    preferred = [k for k in candidates if k >= len(types) or types[k] != "n"]
    # last resort: a label standing in an attribute column (a 总分 row printed off its place)
    fallback = [k for k in range(c - 1, -1, -1) if k in attribute_cols and row[k].strip() and parsed_row.get(k) is None]
    k = next(iter(preferred or candidates or fallback), None)
    if k is None:
        return "", ""
    label = row[k].strip()
    m = re.match(r"^(\d{3}(?:\d{2}){0,2})\s*(?=[\u4e00-\u9fff])", label)
    if m:
        return label[m.end() :], m.group(1)
    code = next((row[j].strip() for j in range(k - 1, -1, -1) if CODE.match(row[j].strip()) and j not in skip_cols), "")
    return label, code


def _cell_unit(text: str, column: str, row_unit: str | None, mixed: bool, table_unit: str | None, doc_unit: str | None) -> str | None:
    leaf = _leaf(column)
    if text.endswith(("%", "％")) or re.search(r"[%％]", leaf):
        return "%"
    if SCORE_COLUMN.search(leaf):
        return "分"
    if RATE_COLUMN.search(leaf):
        return "%"  # a rate column whose header leaves out its % (增长率, 占比 …) holds percentages
    if row_unit is not None:
        return row_unit
    if mixed:
        return None  # a table whose rows carry their own units, and this row names none
    return table_unit or doc_unit

