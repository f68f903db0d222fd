"""Prose ↔ a text table of no standard kind (`tui_review.relations.named_cells`): an analysis
table or a chart's data whose rows are periods binds each prose amount to the one cell of the same
name and period; a slip on either side fails rule ``prose.table``. Cells whose period is not
certain bind nothing. Both text layouts: tab-separated rows and one cell per line."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers import load_document
from parsers.model import Role
from seed_docs import seed
from tui_review.engine import check_document
from tui_review.relations import named_cells

PROSE = (
    "某某局2023年度部门决算\n"
    "一、支出决算情况说明\n"
    "本年度预算支出470.00万元，其中：人员经费380.00万元，公用经费90.00万元。"
    "本年度决算支出{total}万元，其中：人员经费{staff}万元，公用经费100.00万元。\n"
    "二、预决算对比\n"
)
TAB_SEPARATED = "{title}\n单位：万元\n\t人员经费\t公用经费\n{budget}\t380.00\t90.00\n2023年度决算\t{cell}\t100.00\n"
ONE_CELL_PER_LINE = "{title}\n单位：万元\n\t人员经费\n\t公用经费\n\t{budget}\n\t380.00\n\t90.00\n\t2023年度决算\n\t{cell}\n\t100.00\n"
LAYOUTS = {"tab-separated": TAB_SEPARATED, "one-cell-per-line": ONE_CELL_PER_LINE}


def _doc(tmp_path: Path, layout: str, *, staff: str = "400.00", cell: str = "400.00", title: str = "预决算对比情况", budget: str = "2023年度预算"):
    path = tmp_path / "doc.txt"
    total = f"{float(staff) + 100:.2f}"  # the prose's own sum holds: only the binding can fail
    path.write_text(PROSE.format(staff=staff, total=total) + LAYOUTS[layout].format(title=title, cell=cell, budget=budget), encoding="utf-8")
    return load_document(path)


def _bound(doc) -> dict[str, str]:
    return {f"{r.target.subject}/{r.target.role.value}/{r.target.text}": r.terms[0].figure.id for r in named_cells.find(doc)}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_prose_amount_binds_the_cell_of_its_name_and_period(tmp_path, layout):
    doc = _doc(tmp_path, layout)
    (table,) = doc.tables
    assert table.kind is None
    assert _bound(doc) == {
        "人员经费/budget/380.00": "T1.0.1",
        "公用经费/budget/90.00": "T1.0.2",
        "人员经费/actual/400.00": "T1.1.1",
        "公用经费/actual/100.00": "T1.1.2",
    }


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("slip", [{"cell": "410.00"}, {"staff": "410.00"}], ids=["cell", "prose"])
def test_a_slip_on_either_side_is_an_error(tmp_path, layout, slip):
    assert not [f for f in check_document(_doc(tmp_path, layout)).findings if f.rule == "prose.table" and f.failed]
    failing = [f for f in check_document(_doc(tmp_path, layout, **slip)).findings if f.rule == "prose.table" and f.failed]
    assert [(str(f.severity), f.stated) for f in failing] == [("error", "410.00 万元" if "staff" in slip else "400.00 万元")]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_row_without_a_stage_takes_the_one_its_title_names(tmp_path, layout):
    # “年初安排” says the rows are budgets: the row “2023年” alone would read as the year's outturn
    doc = _doc(tmp_path, layout, title="支出年初安排情况", budget="2023年")
    assert {r.target.text: r.terms[0].figure.id for r in named_cells.find(doc)}["380.00"] == "T1.0.1"
    assert "400.00" not in {r.target.text for r in named_cells.find(doc) if r.terms[0].figure.id == "T1.0.1"}
    # a title naming both stages, or a comparison, leaves such a row's stage unknown: it binds nothing
    for title in ("支出预、决算执行情况", "支出上下年对比"):
        doc = _doc(tmp_path, layout, title=title, budget="2023年")
        assert all(r.terms[0].figure.cell.row == 1 for r in named_cells.find(doc))
    # a previous year's row binds nothing (its stage is seldom certain)
    doc = _doc(tmp_path, layout, title="支出年初安排情况", budget="2022年")
    assert [r.terms[0].figure.role for r in named_cells.find(doc)] == [Role.ACTUAL, Role.ACTUAL]


def test_a_name_the_domain_does_not_fix_fails_at_most_as_a_warning(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text(
        "某某局2023年度部门决算\n一、资产情况\n本年度办公设备购置支出11.30万元。\n二、对比\n\t办公设备购置\t公务用车\n2023年度决算\t12.30\t21.98\n",
        encoding="utf-8",
    )
    failing = [f for f in check_document(load_document(path)).findings if f.rule == "prose.table" and f.failed]
    assert [str(f.severity) for f in failing] == ["warning"]


def test_a_seeds_prose_figure_is_bound_to_its_table_cell():
    # 004, “4.财政拨款收入、支出分析”: the prose “财政拨款收入、支出决算总计4,677,326.79元，其中人员经费
    # 4,049,552.76元” and the table printed above it, row “2021年度决算支出”, column 人员经费
    doc = seed("004")
    staff = next(f for f in doc.figures if f.start is not None and f.subject == "人员经费" and f.text == "4,049,552.76" and f.role == Role.ACTUAL)
    cells = [r.terms[0].figure for r in named_cells.find(doc) if r.target is staff]
    printed = [(c.text, doc.table(c.cell.table_id).rows[c.cell.row][0], c.column) for c in cells if c.cell is not None]
    # the 元 table of section 4 and the chart data in 万元 at the end (预/决算执行, 上下年对比)
    assert printed == [("4,049,552.76", "2021年度决算支出", "人员经费"), ("404.96", "决算", "人员经费"), ("404.96", "2021年决算", "人员经费")]
