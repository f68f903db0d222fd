"""Hand-made documents and findings for the review tests (no parser involved)."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from parsers.model import CellRef, Document, Figure, Section, Table
from tui_review.contracts.finding import Evidence, Finding, Verdict
from tui_review.contracts.place import Place

TEXT = (
    "第一部分 收支情况\n"
    "收入合计 354.72 万元，其中财政拨款 300.00 万元，其他收入 50.00 万元。\n"
    "支出合计 354.72 万元。\n"
    "第二部分 表格\n"
)


def make_doc(text: str = TEXT, path: str = "doc.txt") -> Document:
    """Two sections, one table, prose figures found by their printed text."""
    split = text.index("第二部分")
    s1 = Section("1", "收支情况", "第一部分", 1, 0, split, parent_id="")
    s2 = Section("2", "表格", "第二部分", 1, split, len(text), parent_id="", table_ids=["T1"])
    root = Section("", "", "", 0, 0, len(text), children=[s1, s2])
    figures = []
    pos = 0
    for printed in ("354.72", "300.00", "50.00", "354.72"):
        start = text.index(printed, pos)
        pos = start + len(printed)
        figures.append(
            Figure(f"P{start}", printed, Decimal(printed), 2, "万元", section_id="1", start=start, end=pos)
        )
    table = Table("T1", [["收入合计", "354.72"], ["财政拨款", "300.00"]], ["项目", "金额"], title="收入表", section_id="2")
    figures.append(Figure("T1.0.1", "354.72", Decimal("354.72"), 2, "万元", section_id="2", cell=CellRef("T1", 0, 1)))
    figures.append(Figure("T1.1.1", "300.00", Decimal("300.00"), 2, "万元", section_id="2", cell=CellRef("T1", 1, 1)))
    return Document(
        path=path,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        root=root,
        tables=[table],
        figures=figures,
    )


def make_finding(doc: Document, fid: str, figure_ids: tuple[str, ...], *, failed=True, severity="error", rule="sum.parts") -> Finding:
    figs = {f.id: f for f in doc.figures}
    stated = figs[figure_ids[0]]
    return Finding(
        finding_id=fid,
        document=doc.path,
        rule=rule,
        severity=severity,
        verdict=Verdict.FAILS if failed else Verdict.HOLDS,
        section=doc.section_label(stated.section_id),
        section_id=stated.section_id,
        place=Place.of_figure(stated, doc),
        stated=f"{stated.text}万元",
        expected="350.00万元",
        message_zh="合计与分项之和不符",
        message_en="total differs from the sum of its parts",
        stated_value=stated.value,
        expected_value=Decimal("350.00"),
        unit="万元",
        evidence=[
            Evidence(f.id, f.text, f.value, f.unit, "", "amount", doc.section_label(f.section_id), Place.of_figure(f, doc), 0 if i == 0 else 1)
            for i, f in enumerate(figs[x] for x in figure_ids)
        ],
        figure_ids=figure_ids,
    )
