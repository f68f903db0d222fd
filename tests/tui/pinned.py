"""A fixed check for the snapshot tests: the fixture's findings written out by hand, so the pictures
change when the app changes, not when a rule is added or a message reworded."""

from __future__ import annotations

from types import SimpleNamespace

from parsers.model import Document, Figure
from tui_review.contracts.finding import Evidence, Finding, Verdict
from tui_review.contracts.place import Place


def _figure(doc: Document, text: str, *, nth: int = 0, cell: bool = False) -> Figure:
    found = [f for f in doc.figures if f.text == text and (f.cell is not None) == cell]
    return found[nth]


def _finding(doc: Document, fid: str, rule: str, severity: str, status: str, figures: list[Figure], expected: str, zh: str, en: str) -> Finding:
    stated = figures[0]
    return Finding(
        finding_id=fid,
        document=doc.path,
        rule=rule,
        severity=severity,
        verdict=Verdict.HOLDS if status == "ok" else Verdict.FAILS,
        section=doc.section_label(stated.section_id),
        section_id=stated.section_id,
        place=Place.of_figure(stated, doc),
        stated=f"{stated.text} 万元",
        expected=expected,
        message_zh=zh,
        message_en=en,
        evidence=[
            Evidence(f.id, f.text, f.value, f.unit, f.subject, str(f.role), doc.section_label(f.section_id), Place.of_figure(f, doc), 0 if i == 0 else 1)
            for i, f in enumerate(figures)
        ],
        figure_ids=tuple(f.id for f in figures),
    )


def pinned_check(doc: Document, config=None) -> SimpleNamespace:
    income, fiscal, other = _figure(doc, "354.72"), _figure(doc, "300.00"), _figure(doc, "50.00")
    spending, basic, project = _figure(doc, "354.72", nth=1), _figure(doc, "254.72"), _figure(doc, "100.00")
    three, hosting, cars = _figure(doc, "8.50"), _figure(doc, "2.50"), _figure(doc, "6.50")
    total_cell = _figure(doc, "354.72", cell=True)
    cells = [_figure(doc, "300.00", cell=True), _figure(doc, "50.00", cell=True)]
    findings = [
        _finding(doc, "pin-income", "sum.parts", "error", "open", [income, fiscal, other], "350.00 [349.985, 350.015]",
                 "收入总计 = 其中所列各项之和：300.00 + 50.00 = 350.00，与所列 354.72 不一致，差 4.72",
                 "income total = sum of its parts: 300.00 + 50.00 = 350.00, not 354.72 (off by 4.72)"),
        _finding(doc, "pin-three", "sum.parts", "error", "open", [three, hosting, cars], "9.00 [8.985, 9.015]",
                 "三公经费支出 = 其中所列各项之和：2.50 + 6.50 = 9.00，与所列 8.50 不一致，差 0.50",
                 "三公 spending = sum of its parts: 2.50 + 6.50 = 9.00, not 8.50 (off by 0.50)"),
        _finding(doc, "pin-table", "table.total", "warning", "open", [total_cell, *cells], "350.00",
                 "合计行 354.72 与各行之和 350.00 不一致", "total row 354.72 differs from its rows' sum 350.00"),
        _finding(doc, "pin-spending", "sum.parts", "error", "ok", [spending, basic, project], "354.72",
                 "支出总计 = 基本支出 + 项目支出，一致", "spending total = basic + project, holds"),
        _finding(doc, "pin-prose-table", "prose_table", "error", "ok", [income, total_cell], "354.72",
                 "正文收入总计与表中合计一致", "the prose income total matches the table's total"),
    ]
    return SimpleNamespace(findings=findings)
