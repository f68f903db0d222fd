"""A project's 绩效自评 summary binds its 全年预算数 / 执行数 to the 年度资金总额 row of the
project's 项目支出绩效自评表 in the same section (`tui_review.relations.self_evaluation`); a slip on
either side fails rule ``prose.table``. A column whose header OCR damaged names nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers import load_document
from seed_docs import seed
from tui_review.engine import check_document
from tui_review.relations import self_evaluation

DOC = (
    "某某局2023年度部门决算\n"
    "一、项目绩效自评结果\n"
    "1.办公楼维修项目自评综述：项目自评得分 100 分。全年预算数为 {budget} 万元，执行数为 30.00 万元，完成预算的 100%。\n"
    "项目支出绩效自评表\n"
    "项目名称\t办公楼维修项目\t\t\t\t\t\t\n"
    "项目资金（万元）\t\t年初预算数\t全年预算数\t{actual_header}\t分值\t执行率(%)\t得分\n"
    "\t年度资金总额\t0.00\t30.00\t30.00\t10\t100.00\t10\n"
    "\t其中：财政拨款\t0.00\t30.00\t30.00\t\t100.00\t\n"
    "2.其他项目自评综述：全年预算数为 12.00 万元。\n"
)


def _doc(tmp_path: Path, budget: str = "30.00", actual_header: str = "全年执行数"):
    path = tmp_path / "doc.txt"
    path.write_text(DOC.format(budget=budget, actual_header=actual_header), encoding="utf-8")
    return load_document(path)


def test_the_summarys_amounts_bind_the_funds_total_row(tmp_path):
    doc = _doc(tmp_path)
    (table,) = doc.tables
    assert table.kind == "performance"
    bound = {(r.target.text, r.terms[0].figure.column) for r in self_evaluation.find(doc)}
    assert bound == {("30.00", "全年预算数"), ("30.00", "全年执行数")}  # not the other project's 12.00


def test_a_slip_in_the_summary_is_an_error(tmp_path):
    assert not [f for f in check_document(_doc(tmp_path)).findings if f.rule == "prose.table" and f.failed]
    failing = [f for f in check_document(_doc(tmp_path, budget="33.00")).findings if f.rule == "prose.table" and f.failed]
    assert [(str(f.severity), f.stated) for f in failing] == [("error", "33.00 万元")]


@pytest.mark.parametrize("header", ["F执行数", "全年执行 数 率"])
def test_a_damaged_column_header_binds_nothing(tmp_path, header):
    bound = {r.terms[0].figure.column for r in self_evaluation.find(_doc(tmp_path, actual_header=header))}
    assert bound == {"全年预算数"}


def test_a_seeds_summary_is_bound_to_its_table():
    # 001, “2.旗政务,人社,司法业务用房建设项目自评综述：…全年预算数为 84.05万元,执行数为 84.05万元”
    doc = seed("001")
    bound = sorted((r.target.text, r.terms[0].figure.text, r.terms[0].figure.column) for r in self_evaluation.find(doc))
    assert bound == [("84.05", "84. 05", "全年执行数"), ("84.05", "84. 05", "全年预算数")]
