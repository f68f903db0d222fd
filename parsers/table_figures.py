"""Figures in table cells: each numeric cell becomes a `Figure` keyed by its cell.

Its subject is the row's label (the row's text cells, with the 功能/经济分类 code kept apart in
``Figure.code``), its column the flattened column path, its role what the column header says
(预算数 → budget, 决算数 → actual, 上年 → previous), its unit the table's ``单位`` (or a 计量单位
column of the same row, as in performance tables), else the document's.
"""

from __future__ import annotations

import re

from parsers.model import CellRef, Figure, Normalisation, ParseIssue, Role, Severity, Table
from parsers.numbers import parse_cell
from parsers.subjects import canonical_subject

NON_FIGURE_COLUMN = re.compile(r"编码|代码|序号|行次|栏次|^类$|^款$|^项$|计量单位|^单位$")
CODE_COLUMN = re.compile(r"编码|代码|^类$|^款$|^项$")
UNIT_COLUMN = re.compile(r"计量单位|^单位$")
CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$|^\d{2}$")
ROW_UNITS = {"万元", "元", "亿元", "%", "个", "人", "台", "套", "辆", "次", "件", "项", "米", "平方米"}


def _column_role(column: str) -> Role:
    if re.search(r"年初预算|预算数|全年预算|预算", column):
        return Role.BUDGET
    if re.search(r"决算|执行数|实际", column):
        return Role.ACTUAL
    if re.search(r"上年", column):
        return Role.PREVIOUS
    if re.search(r"%|％|率|比重|占比", column):
        return Role.SHARE
    return Role.AMOUNT


def table_figures(table: Table, doc_unit: str | None) -> tuple[list[Figure], list[ParseIssue], list[Normalisation]]:
    figures: list[Figure] = []
    issues: list[ParseIssue] = []
    fixes: list[Normalisation] = []
    skip_cols = {c for c, name in enumerate(table.columns) if NON_FIGURE_COLUMN.search(name.split(" › ")[-1] if name else "")}
    code_cols = [c for c, name in enumerate(table.columns) if CODE_COLUMN.search(name.split(" › ")[-1] if name else "")]
    unit_cols = [c for c, name in enumerate(table.columns) if UNIT_COLUMN.search(name.split(" › ")[-1] if name else "")]
    for r, row in enumerate(table.rows):
        parsed_row = {c: parse_cell(cell) for c, cell in enumerate(row) if c not in skip_cols}
        label_cells = [cell for c, cell in enumerate(row) if cell and c not in skip_cols and parsed_row.get(c) is None]
        code = "".join(row[c].strip() for c in code_cols if c < len(row) and row[c].strip())
        if not code and label_cells and CODE.match(label_cells[0].strip()):
            code = label_cells.pop(0).strip()
        subject = canonical_subject("".join(label_cells))
        row_unit = next((row[c].strip() for c in unit_cols if c < len(row) and row[c].strip() in ROW_UNITS), None)
        for c, parsed in parsed_row.items():
            if parsed is None:
                continue
            column = table.columns[c] if c < len(table.columns) else ""
            cell = CellRef(table.id, r, c)
            if parsed.malformed:
                issues.append(
                    ParseIssue(
                        "parse.malformed_number",
                        Severity.ERROR,
                        f"表格单元格“{row[c]}”数字格式错误",
                        f"malformed number in a table cell: “{row[c]}”",
                        row[c],
                        table.section_id,
                        table.cell_pages.get((r, c), table.page),
                        cell=cell,
                    )
                )
                continue
            text = row[c].strip()
            unit = "%" if text.endswith("%") or re.search(r"%|％", column) else (row_unit or table.unit or doc_unit)
            figures.append(
                Figure(
                    id=f"{table.id}.{r}.{c}",
                    text=text,
                    value=parsed.value,
                    decimals=parsed.decimals,
                    unit=unit,
                    subject=subject,
                    role=_column_role(column),
                    section_id=table.section_id,
                    page=table.cell_pages.get((r, c), table.page),
                    cell=cell,
                    bbox=table.cell_bboxes.get((r, c)),
                    column=column,
                    code=code,
                    raw=row[c] if row[c] != text else "",
                )
            )
            page = table.cell_pages.get((r, c), table.page)
            for fix in parsed.fixes:
                fixes.append(Normalisation(fix, row[c], str(parsed.value), None, page, cell))
                if fix == "letter_o":
                    issues.append(
                        ParseIssue(
                            "parse.letter_o",
                            Severity.WARNING,
                            f"单元格“{row[c]}”中用字母 O 代替了 0，按 {parsed.value} 读取",
                            f"the letter O typed for zero in cell “{row[c]}”: read as {parsed.value}",
                            row[c],
                            table.section_id,
                            page,
                            cell=cell,
                        )
                    )
    return figures, issues, fixes
