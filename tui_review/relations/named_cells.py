"""Prose ↔ a table that is no standard table (rule ``prose.table``): a prose amount and the one cell
of such a table that names the same quantity in the same period.

Analysis reports and text disclosures print their own small tables — a chart's data with periods
as rows (``2021年度预算`` / ``2021年度决算`` × 人员经费 / 公用经费 / 项目支出), a year's “三公”
items — which no standard kind describes, so `prose_table` never reads them. Here a prose figure
binds to a cell of such a table when

- the two names are one name (spaces, level marks and a closing 支出/拨款 aside), and the name
  denotes one quantity wherever it is printed (a standard row name or a 类/款/项) — any other name
  of money (一般公共服务, 办公设备购置) binds too, but a failure is at most a warning saying so;
- their periods agree with the document's own folded in (`period.own_period`): 预算 with 预算,
  决算 with 决算; a cell whose row and column state no stage takes the one its table's title
  names (a “年初安排情况” chart's ``2021年`` row is a budget) and binds nothing where the title
  names two or compares; a previous year's figure binds to nothing (its stage, 预算 or 决算, is
  seldom certain);
- the cell is the only one of its table with that name and period.

Identities whose scope differs (a fund or a part of the spending named in one place only) make
the relation uncertain, as in `repeat`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from parsers.identity import Identity, identify, whole_funds
from parsers.model import Document, Figure, Role, Table
from parsers.numbers import MONEY_UNITS
from tui_review.contracts.relation import Relation, RelationKind, Term
from tui_review.relations import aliases, register
from tui_review.relations.period import own_period
from tui_review.relations.repeat import CLASSIFIED, STANDARD_QUANTITIES, subject_key

BINDABLE = (Role.AMOUNT, Role.BUDGET, Role.ACTUAL)
STAGE_WORDS = re.compile(r"预算|决算|年初|安排|执行|实际|上年|对比")
TITLE_BUDGET = re.compile(r"预算|预、|年初|安排")  # 预、决算 names both stages
TITLE_ACTUAL = re.compile(r"决算|执行|实际")
COMPARED = re.compile(r"上年|对比|比较")
# a name of one amount: Chinese words only, not a catch-all (其他…) nor a bare word of money
NAME = re.compile(r"^[\u4e00-\u9fff“”（）]{2,24}$")
CATCH_ALL = re.compile(r"^其[他它]|合计$|小计$|总计$|^人均")


def _key(subject: str) -> str:
    return subject_key(register.clean(subject).replace(" ", ""))


def _fixed(name: str) -> bool:
    """A name the domain fixes: one quantity wherever it is printed."""
    return bool(STANDARD_QUANTITIES.search(name) or name in aliases.CANONICAL or CLASSIFIED.search(name))


def _nameable(name: str) -> bool:
    return bool(NAME.match(name)) and not CATCH_ALL.search(name) and name not in register.GENERIC


def _period_of_cell(doc: Document, table: Table, cell: Figure) -> Role | None:
    """The cell's period with the document's folded in, or None when it is not certain. A cell
    whose row and column name no stage (``2021年``) is of the one stage its table's title names
    (“收入、支出年初安排情况”: budgets), and uncertain where the title names two or a comparison."""
    if cell.role not in BINDABLE:
        return None
    role = cell.role
    if role == Role.AMOUNT and STAGE_WORDS.search(table.title):
        budget, actual = TITLE_BUDGET.search(table.title), TITLE_ACTUAL.search(table.title)
        if COMPARED.search(table.title) or bool(budget) == bool(actual):
            return None
        role = Role.BUDGET if budget else Role.ACTUAL
    return own_period(doc.kind, replace(cell, role=role))


def _cells(doc: Document) -> dict[tuple[str, Role], list[Figure]]:
    """The cells of kind-less text tables by (name key, period), a name and period stated once in
    its table only. A PDF's tables are left to `prose_table`: those of no standard kind there are
    mostly 经济分类 or procurement tables, whose 公务接待费 is not the “三公” item."""
    tables = {t.id: t for t in doc.tables if t.kind is None and t.start is not None}
    per_table: dict[tuple[str, str, Role], list[Figure]] = defaultdict(list)
    for f in doc.figures:
        if f.cell is None or f.cell.table_id not in tables or f.unit not in MONEY_UNITS or not f.text:
            continue
        period = _period_of_cell(doc, tables[f.cell.table_id], f)
        if period is None or not _nameable(_key(f.subject)):
            continue
        per_table[(f.cell.table_id, _key(f.subject), period)].append(f)
    out: dict[tuple[str, Role], list[Figure]] = defaultdict(list)
    for (_, key, period), cells in per_table.items():
        if len(cells) == 1:
            out[(key, period)].append(cells[0])
    return out


def find(doc: Document) -> list[Relation]:
    cells = _cells(doc)
    if not cells:
        return []
    whole = whole_funds(doc)
    out: list[Relation] = []
    for fig in doc.figures:
        if fig.start is None or fig.unit not in MONEY_UNITS or fig.role not in BINDABLE:
            continue
        key = _key(fig.subject)
        for cell in cells.get((key, own_period(doc.kind, fig)), []):
            if cell.code == fig.code:  # a 科目's row binds only the 科目 of the same code
                out.append(_relation(doc, fig, cell, whole))
    return out


def _relation(doc: Document, fig: Figure, cell: Figure, whole: frozenset[str]) -> Relation:
    title = _title(doc, cell) or (cell.cell.table_id if cell.cell is not None else "")
    return binding(
        fig, cell,
        f"情况说明中的{fig.subject}应与表《{title}》中的{cell.subject}一致",
        f"the {fig.subject} stated in the prose should agree with {cell.subject} in table {title}",
        _uncertainty(doc, fig, cell, whole),
    )


def _title(doc: Document, cell: Figure) -> str:
    table = doc.table(cell.cell.table_id) if cell.cell is not None else None
    return table.title if table is not None else ""


def binding(fig: Figure, cell: Figure, zh: str, en: str, uncertain: tuple[str, str] | None = None) -> Relation:
    """The ``prose.table`` relation that prose figure ``fig`` states the amount of ``cell``."""
    return Relation(rule="prose.table", kind=RelationKind.SUM, terms=[Term(cell)], target=fig, label_zh=zh, label_en=en,
                    section_id=fig.section_id, uncertain=uncertain)


def _cell_identity(doc: Document, cell: Figure) -> Identity:
    """A cell's identity; an untitled text table is about what the headings it stands under say
    (the funds of “4.财政拨款收入、支出分析” are its cells' funds)."""
    table = doc.table(cell.cell.table_id) if cell.cell is not None else None
    if table is None or table.title:
        return cell.identity or identify(doc, cell)
    return identify(doc, cell, " ".join(s.title for s in doc.section_path(table.section_id)))


def _uncertainty(doc: Document, fig: Figure, cell: Figure, whole: frozenset[str]) -> tuple[str, str] | None:
    mine, theirs = fig.identity or identify(doc, fig), _cell_identity(doc, cell)
    why = mine.why_not_same(theirs, whole)
    if why is not None:
        return why
    name = _key(fig.subject)
    if not (_fixed(register.clean(fig.subject)) or _fixed(name)):
        return (f"“{name}”不是标准科目或表格行名称，表中同名的数可能口径不同",
                f"“{name}” is no standard subject or row name: the table's figure of that name may differ in scope")
    return None
