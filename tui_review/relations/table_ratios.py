"""Rate columns of any table, checked against their own row (rules ``table.completion``,
``table.growth``, ``table.share``).

A column whose header says it is a rate — 执行率 / 完成率, 增长率 / 增减率 / 比上年增长% (or a ``%``
column under a 比上年增减 group), 占比 / 比重 — states, in each row, a ratio of that row's figures:

- 执行率 = 执行数 (决算数, 实际) ÷ 预算数 of the same period (全年预算 / 调整预算 before 年初预算);
- 增长率 = (本年 − 上年) ÷ 上年, the two amount columns of the same kind (预算 or 决算);
- 占比 = the row's amount ÷ the table's 合计 (总计) row in the same amount column.

Operand columns are told by their header segments and periods (`table_index.segments`, the
document's year), ranked by how much of the rate column's header path they share. A relation is
certain only when each operand is the one best-ranked column of its kind; otherwise it carries
the reason (``Relation.uncertain``), so its failure is at most a warning. A rate whose base is
blank or printed as 0, or which is itself blank, is not judged: no relation is made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from parsers import lexicon
from parsers.model import DocKind, Document, Figure, Role
from tui_review.contracts.relation import Relation, RelationKind, Term
from tui_review.relations.table_index import SEPARATOR, TableView, name_key, segments, views

COMPLETION = re.compile(r"执行率|完成率|执行进度")
GROWTH = re.compile(r"增长率|增减率|增幅|降幅|增长\s*[（(]?[%％]|增减\s*[（(]?[%％]|比上年增[长减]")
SHARE = re.compile(r"占比|比重|占.{0,12}[%％]")
BARE_PERCENT = re.compile(r"^(?:[（(]?[%％][）)]?|百分比|幅度)$")
GROWTH_GROUP = re.compile(r"增减|增长|比上年|与上年")
SHARE_GROUP = re.compile(r"占|比重|构成")
CHANGE_AMOUNT = re.compile(r"增减|增长|增加|减少|差额|变动|比上年|与上年")
NOT_AN_AMOUNT = re.compile(r"率|[%％]|占比|比重|分值|得分|序号|行次|栏次|指标|人数|个数|数量|编码|代码")
PREVIOUS = re.compile(r"上年|上一年|去年")
CURRENT = re.compile(r"本年|当年|今年")
BUDGET_WORD = re.compile(r"预算(?!拨款)|计划")
ACTUAL_WORD = re.compile(r"决算|执行数|执行$|实际|完成数|完成$")
FULL_YEAR_BUDGET = re.compile(r"全年预算|调整后?预算|变动后预算")
TOTAL_ROW = lexicon.TOTAL_ONLY
SUB_ITEM = re.compile(r"^\s*(?:[（(]|\d|其中)")
YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


@dataclass(frozen=True, slots=True)
class _Column:
    index: int
    path: list[str]
    previous: bool  # of the year before the document's
    stage: str  # "预算", "决算" or ""
    full_year: bool  # 全年预算 / 调整预算 (a completion rate's base before 年初预算)


def rate_kind(path: list[str]) -> str | None:
    """``completion``, ``growth`` or ``share`` for a rate column's header path, else None."""
    leaf = re.sub(r"\s+", "", path[-1]) if path else ""
    if COMPLETION.search(leaf):
        return "completion"
    if GROWTH.search(leaf):
        return "growth"
    if SHARE.search(leaf):
        return "share"
    if BARE_PERCENT.match(leaf) and len(path) > 1:
        group = re.sub(r"\s+", "", path[-2])
        if GROWTH_GROUP.search(group):
            return "growth"
        if SHARE_GROUP.search(group):
            return "share"
    return None


def _year_of(path: str) -> int | None:
    years = YEAR.findall(path)
    return int(years[-1]) if years else None


def _operand(view: TableView, col: int, doc: Document) -> _Column | None:
    """The column as an amount operand (period and stage), or None when it is no plain amount."""
    path = segments(view.table.columns[col])
    text = "".join(re.sub(r"\s+", "", s) for s in path)
    if not path or NOT_AN_AMOUNT.search(text) or rate_kind(path) or CHANGE_AMOUNT.search(text):
        return None
    year = _year_of(text)
    previous = bool(PREVIOUS.search(text)) or (year is not None and doc.year is not None and year == doc.year - 1)
    if year is not None and doc.year is not None and year not in (doc.year, doc.year - 1):
        return None  # a column of some other year: no operand of a rate of this document
    stageless = lexicon.FUND_BUDGET.sub("", text)
    stage = "决算" if ACTUAL_WORD.search(stageless) else "预算" if BUDGET_WORD.search(stageless) else ""
    return _Column(col, path, previous, stage, bool(FULL_YEAR_BUDGET.search(stageless)))


def _shared(a: list[str], b: list[str]) -> int:
    n = 0
    for x, y in zip(a[:-1], b[:-1]):
        if x != y:
            break
        n += 1
    return n


def _best(candidates: list[_Column], rate_path: list[str], prefer=None) -> tuple[_Column | None, bool]:
    """The candidate sharing the most of the rate column's header path (then ``prefer``, then the
    nearest to its left); certain when it is the only one of its rank."""
    if not candidates:
        return None, False
    def rank(c: _Column) -> tuple[int, int]:
        return (_shared(c.path, rate_path), 1 if prefer is not None and prefer(c) else 0)
    top = max(rank(c) for c in candidates)
    best = [c for c in candidates if rank(c) == top]
    return best[-1], len(best) == 1


def _own_stage(doc: Document) -> str:
    return "预算" if doc.kind == DocKind.BUDGET else "决算" if doc.kind in (DocKind.FINAL, DocKind.ANALYSIS) else ""


@dataclass(slots=True)
class _Plan:
    """The operand columns of one rate column, and why they may not be the right ones."""

    numerator: list[tuple[int, int]]  # (column, coeff)
    denominator: int | None  # a column (completion, growth); None: the 合计 row (share)
    why: tuple[str, str] | None


UNCERTAIN_COLUMNS = ("无法唯一确定计算该比率所用的列", "the columns this rate is computed from cannot be told for certain")


def _completion_plan(operands: list[_Column], path: list[str], doc: Document) -> _Plan | None:
    current = [c for c in operands if not c.previous]
    actual, actual_sure = _best([c for c in current if c.stage == "决算"], path)
    budget, budget_sure = _best([c for c in current if c.stage == "预算"], path, prefer=lambda c: c.full_year)
    if actual is None or budget is None:
        return None
    return _Plan([(actual.index, 1)], budget.index, None if actual_sure and budget_sure else UNCERTAIN_COLUMNS)


def _growth_plan(operands: list[_Column], path: list[str], doc: Document) -> _Plan | None:
    previous, prev_sure = _best([c for c in operands if c.previous], path)
    if previous is None:
        return None
    stage = previous.stage or _own_stage(doc)
    current, cur_sure = _best([c for c in operands if not c.previous], path,
                              prefer=lambda c: (c.stage or _own_stage(doc)) == stage)
    if current is None:
        return None
    same_stage = (current.stage or _own_stage(doc)) == stage
    sure = prev_sure and cur_sure and same_stage
    return _Plan([(current.index, 1), (previous.index, -1)], previous.index, None if sure else UNCERTAIN_COLUMNS)


def _share_plan(operands: list[_Column], path: list[str], doc: Document) -> _Plan | None:
    amount, sure = _best(operands, path)
    if amount is None:
        return None
    return _Plan([(amount.index, 1)], None, None if sure else UNCERTAIN_COLUMNS)


PLANNERS = {"completion": _completion_plan, "growth": _growth_plan, "share": _share_plan}
RULES = {"completion": "table.completion", "growth": "table.growth", "share": "table.share"}
NAMES = {"completion": ("执行率", "completion rate"), "growth": ("增长率", "growth rate"), "share": ("占比", "share")}
ROLES = {"completion": Role.COMPLETION, "growth": Role.GROWTH, "share": Role.SHARE}
SUB_ROW = ("占比的基数可能是上级科目而非合计行", "the share may be of the parent item rather than of the total row")


def _judgeable(fig: Figure | None) -> bool:
    return fig is not None and bool(fig.text.strip())


def _fraction_column(view: TableView, col: int, rows: list[int]) -> bool:
    """A rate column printed as fractions (0.98 for 98%) without a % in its header: not read."""
    header = view.table.columns[col]
    if re.search(r"[%％]", header):
        return False
    values = [f.value for r in rows if (f := view.figures.get((r, col))) is not None]
    return bool(values) and all(abs(v) <= 1 for v in values)


def _as_rate(fig: Figure, kind: str) -> Figure:
    """The rate cell as a percentage of its kind (its header may give it a money unit or a 上年 role)."""
    if fig.unit == "%" and fig.role == ROLES[kind]:
        return fig
    return replace(fig, unit="%", role=ROLES[kind], sign=1)


def _row_key(view: TableView, row: int, col: int) -> str:
    fig = view.figures.get((row, col))
    return name_key(fig.subject) if fig is not None else ""


def _total_row(view: TableView, rows: list[int], col: int) -> int | None:
    totals = [r for r in rows if TOTAL_ROW.match(_row_key(view, r, col)) and not _code(view, r, col)]
    return totals[0] if len(totals) == 1 else None


def _code(view: TableView, row: int, col: int) -> str:
    fig = view.figures.get((row, col))
    return fig.code if fig is not None else ""


def _top_level(view: TableView, rows: list[int], col: int) -> set[int]:
    """Rows whose share is certainly of the table's total: 类 rows, or every row of an uncoded
    table that is not a sub-item (（一）, 1., 其中)."""
    codes = {r: _code(view, r, col) for r in rows}
    if any(codes.values()):
        shortest = min(len(c) for c in codes.values() if c)
        return {r for r, c in codes.items() if len(c) == shortest}
    return {r for r in rows if not SUB_ITEM.match(_printed_label(view, r, col))}


def _printed_label(view: TableView, row: int, col: int) -> str:
    """The row's label as printed (ordinal kept): the nearest text cell left of ``col``."""
    cells = view.table.rows[row]
    for c in range(min(col, len(cells)) - 1, -1, -1):
        if cells[c].strip() and (row, c) not in view.figures and not re.fullmatch(r"\d{3,7}", cells[c].strip()):
            return cells[c].strip()
    return ""


def _relations(view: TableView, col: int, kind: str, plan: _Plan) -> list[Relation]:
    title = view.table.title or view.table.id
    label = NAMES[kind]
    rows = sorted({r for r, c in view.figures if c == col})
    if _fraction_column(view, col, rows):
        return []
    amount = plan.numerator[0][0]
    total = _total_row(view, sorted({r for r, c in view.figures if c == amount}), amount) if kind == "share" else None
    if kind == "share" and total is None:
        return []
    top = _top_level(view, rows, amount) if kind == "share" else set()
    header = SEPARATOR.join(segments(view.table.columns[col]))
    out = []
    for row in rows:
        rate = view.figures[(row, col)]
        if not _judgeable(rate) or row == total:
            continue
        nums = [(view.figures.get((row, c)), k) for c, k in plan.numerator]
        base_cell = (total, amount) if total is not None else (row, plan.denominator) if plan.denominator is not None else None
        base = view.figures.get(base_cell) if base_cell is not None else None
        if base is None or base.value == 0 or not _judgeable(base) or not all(_judgeable(f) for f, _ in nums):
            continue  # a blank or zero base, or a blank operand: not judged
        why = plan.why
        if kind == "share" and row not in top and why is None:
            why = SUB_ROW
        name = view.row_name(row, col) or rate.subject or f"第{row + 1}行"
        out.append(Relation(
            rule=RULES[kind],
            kind=RelationKind.RATIO,
            terms=[Term(f, k) for f, k in nums if f is not None],
            target=_as_rate(rate, kind),
            denominator=[Term(base)],
            word=label[0],
            label_zh=f"{title}：{name} {header}",
            label_en=f"{title}: {name} {header} ({label[1]})",
            section_id=view.table.section_id,
            uncertain=why,
        ))
    return out


def _column_groups(view: TableView) -> list[list[int]]:
    """The value columns of each panel; a table whose panels cannot be told (a performance table
    whose columns also hold text rows) is one group of every column holding a figure."""
    groups = [p.value_cols for p in view.panels]
    covered = {c for g in groups for c in g}
    rest = sorted({c for _, c in view.figures if c not in covered})
    return groups + ([rest] if rest else [])


def rate_columns(doc: Document) -> list[tuple[TableView, int, str]]:
    """Every rate column of every table that prints a figure: (view, column, kind)."""
    out = []
    for view in views(doc):
        filled = {c for _, c in view.figures}
        for group in _column_groups(view):
            for col in group:
                kind = rate_kind(segments(view.table.columns[col]))
                if kind is not None and col in filled:
                    out.append((view, col, kind))
    return out


def find(doc: Document) -> list[Relation]:
    out: list[Relation] = []
    for view in views(doc):
        for group in _column_groups(view):
            operands = [op for c in group if (op := _operand(view, c, doc)) is not None]
            for col in group:
                path = segments(view.table.columns[col])
                kind = rate_kind(path)
                if kind is None:
                    continue
                plan = PLANNERS[kind](operands, path, doc)
                if plan is not None:
                    out += _relations(view, col, kind, plan)
    return out


__all__ = ["find", "rate_columns", "rate_kind"]
