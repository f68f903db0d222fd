"""A project's self-evaluation summary and its 项目支出绩效自评表 (rule ``prose.table``).

A 决算 reports each project's self-evaluation twice: a summary in prose (“…项目自评综述：…全年
预算数为 30 万元，执行数为 30 万元，完成预算的 100%”) and the 项目支出绩效自评表, whose funds block
prints the same amounts in the row 年度资金总额 under the columns 年初预算数 / 全年预算数 /
全年执行数. A prose amount binds to that cell when

- the words right before it name the column (全年预算数为 / 执行数为 / 年初预算数为);
- it stands in the section (the project's own heading) that holds exactly one performance table
  with a 年度资金总额 row and that column, read whole (OCR-damaged headers such as “F执行数” name
  no column and bind nothing).
"""

from __future__ import annotations

import re
from collections import defaultdict

from parsers.model import Document, Figure, Table
from parsers.numbers import MONEY_UNITS
from tui_review.contracts.relation import Relation
from tui_review.relations.named_cells import binding
from tui_review.relations.table_index import TableView, name_key, views

# the words before a prose amount → the column of the funds block it states
NAMED_COLUMNS = (
    ("全年预算数", re.compile(r"全年预算数?(?:为|是|共)?$")),
    ("全年执行数", re.compile(r"(?:全年)?执行数(?:为|是|共)?$")),
    ("年初预算数", re.compile(r"年初预算数?(?:为|是|共)?$")),
)
FUNDS_TOTAL = re.compile(r"^年度资金总额")
CLAUSE_END = re.compile(r"[，,。；;：:、]")


def _funds_cells(view: TableView) -> dict[str, Figure]:
    """The 年度资金总额 row's amount under each named column of a performance table."""
    table = view.table
    total = next((r for r, cells in enumerate(table.rows) if any(FUNDS_TOTAL.match(name_key(c)) for c in cells)), None)
    if total is None:
        return {}
    out: dict[str, Figure] = {}
    for name, _ in NAMED_COLUMNS:
        cols = [c for c, path in enumerate(table.columns) if name_key(path.split(" › ")[-1]) == name]
        cell = view.figures.get((total, cols[0])) if len(cols) == 1 else None
        if cell is not None and cell.unit in MONEY_UNITS:
            out[name] = cell
    return out


def _by_section(doc: Document) -> dict[str, dict[str, Figure]]:
    """Each section's funds cells, where exactly one of its performance tables has any."""
    found: dict[str, list[dict[str, Figure]]] = defaultdict(list)
    for view in views(doc):
        if view.table.kind == "performance" and (cells := _funds_cells(view)):
            found[view.table.section_id].append(cells)
    return {section: cells[0] for section, cells in found.items() if len(cells) == 1}


def _column_named_before(doc: Document, fig: Figure) -> str | None:
    start = fig.start or 0
    before = doc.text[max(0, start - 24) : start]
    ends = list(CLAUSE_END.finditer(before))
    clause = re.sub(r"\s+", "", before[ends[-1].end() :] if ends else before)
    return next((name for name, pattern in NAMED_COLUMNS if pattern.search(clause)), None)


def find(doc: Document) -> list[Relation]:
    sections = _by_section(doc)
    out: list[Relation] = []
    for fig in doc.figures:
        if fig.start is None or fig.unit not in MONEY_UNITS or fig.section_id not in sections:
            continue
        name = _column_named_before(doc, fig)
        cell = sections[fig.section_id].get(name) if name else None
        if cell is not None:
            out.append(_relation(doc, fig, cell, name or ""))
    return out


def _relation(doc: Document, fig: Figure, cell: Figure, column: str) -> Relation:
    table: Table | None = doc.table(cell.cell.table_id) if cell.cell is not None else None
    title = table.title if table is not None and table.title else "项目支出绩效自评表"
    return binding(fig, cell, f"自评综述中的{column}应与《{title}》年度资金总额 › {column}一致",
                   f"the summary's {column} should agree with {title} (年度资金总额 › {column})")
