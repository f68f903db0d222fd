"""Say what was not checked in the tables: rate columns no relation could judge (rule ``unbound.table``).

A column headed 执行率 / 完成率 / 增长率 / 占比 (`relations.table_ratios.rate_columns`) states a
ratio of its row's figures; when the finder found no operand columns for it (no 预算数 beside an
执行率, no 上年 column beside a 增长率, no 合计 row under a 占比 column) none of its figures is
checked. One info note per table names those columns, so a reviewer knows they need a human eye.
"""

from __future__ import annotations

from parsers.model import Document, Severity
from tui_review.checks.figures import evidence
from tui_review.checks.notice import notice
from tui_review.config import Config
from tui_review.contracts.finding import Finding, Verdict
from tui_review.contracts.place import Place
from tui_review.contracts.relation import Relation
from tui_review.relations.table_index import TableView, leaf
from tui_review.relations.table_ratios import rate_columns

RULE = "unbound.table"


def rate_notes(doc: Document, relations: list[Relation], config: Config) -> list[Finding]:
    bound = {f.id for r in relations for f in r.figures()}
    by_table: dict[str, tuple[TableView, list[int]]] = {}
    for view, col, _ in rate_columns(doc):
        cells = [f for (_, c), f in view.figures.items() if c == col]
        if any(f.id in bound for f in cells):
            continue
        by_table.setdefault(view.table.id, (view, []))[1].append(col)
    notes = [_note(doc, config, view, cols) for view, cols in by_table.values()]
    return [n for n in notes if n is not None]


def _note(doc: Document, config: Config, view: TableView, cols: list[int]) -> Finding | None:
    table = view.table
    names = [leaf(table.columns[c]) or f"第{c + 1}列" for c in cols]
    title = table.title or table.id
    zh = f"《{title}》中 {len(cols)} 列比率未找到计算所用的数字列（预算数/执行数、上年数、合计行），未核对（请人工核对）：" + "、".join(names)
    en = f"{title}: {len(cols)} rate column(s) whose operand columns (budget/actual, previous year, total row) were not found, not checked (check by hand): " + ", ".join(names)
    figures = sorted((f for (_, c), f in view.figures.items() if c in cols), key=lambda f: (f.cell.row, f.cell.col) if f.cell else (0, 0))
    found = notice(doc, config, RULE, Severity.INFO, f"table/{title}/{'|'.join(names)}", Place.of_figure(figures[0], doc),
                   "", zh, en, table.section_id, verdict=Verdict.NOTE)
    if found is not None:
        found.evidence = [evidence(f, doc, 0, "stated") for f in figures]
        found.figure_ids = tuple(f.id for f in figures)
    return found
