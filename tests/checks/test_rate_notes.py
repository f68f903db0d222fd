"""Rate columns no relation could judge get one "not checked" note per table (rule ``unbound.table``)."""

from __future__ import annotations

from parsers.model import DocKind, Document, Table
from parsers.table_figures import table_figures
from tui_review.engine import check_document


def _notes(table: Table):
    figures, _, _ = table_figures(table, "万元", 2024)
    doc = Document(path="t.txt", sha256="", text="x", kind=DocKind.FINAL, year=2024, unit="万元", tables=[table], figures=figures)
    return [f for f in check_document(doc).findings if f.rule == "unbound.table"]


def test_rate_columns_without_operand_columns_get_one_note_per_table():
    # an 执行率 with no 预算数 beside it, a 增长率 with no 上年 column: nothing to compute them from
    table = Table("T1", [["项目甲", "120.00", "98.50", "3.20"], ["项目乙", "80.00", "101.20", "-1.50"]],
                  ["项目名称", "决算数", "执行率(%)", "增长率(%)"], title="项目执行情况表")
    (note,) = _notes(table)
    assert str(note.severity) == "info" and str(note.verdict) == "note"
    assert "2 列比率" in note.message_zh and "执行率(%)、增长率(%)" in note.message_zh
    assert set(note.figure_ids) == {"T1.0.2", "T1.1.2", "T1.0.3", "T1.1.3"}


def test_a_rate_column_checked_against_its_row_gets_no_note():
    table = Table("T1", [["项目甲", "100.00", "98.50", "98.50"]], ["项目名称", "全年预算数", "全年执行数", "执行率(%)"], title="项目执行情况表")
    assert _notes(table) == []
