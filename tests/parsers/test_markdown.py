"""Markdown disclosures (a converter's output): headings and pipe tables read like a text file's."""

from __future__ import annotations

from parsers import load_document
from parsers.markdown import to_plain_text
from tui_review.engine import check_document

DOC = """# 示例区审计局2024年度部门决算

## 第一部分 情况说明

### 一、收入支出决算总体情况说明

- 2024年度收入总计 300.00 万元，支出总计 300.00 万元。

---

## 第二部分 决算表

### 收入支出决算总表

单位：万元

| 项目 | 决算数 | 项目 | 决算数 |
|---|---:|:---|---:|
| 一、一般公共预算财政拨款收入 | 250.00 | 一、一般公共服务支出 | 200.00 |
| 二、其他收入 | 50.00 | 二、社会保障和就业支出 | 100.00 |
| 本年收入合计 | 300.00 | 本年支出合计 | 300.00 |
"""


def test_markdown_syntax_becomes_the_plain_layout_line_for_line():
    plain = to_plain_text(DOC)
    assert len(plain.split("\n")) == len(DOC.split("\n"))
    lines = plain.split("\n")
    assert "第一部分 情况说明" in lines and "一、收入支出决算总体情况说明" in lines
    assert "本年收入合计\t300.00\t本年支出合计\t300.00" in lines
    assert not any(line.startswith(("#", "|", "- ", "---")) for line in lines)


def test_a_markdown_disclosure_has_its_sections_and_tables_and_a_slip_in_a_table_is_found(tmp_path):
    path = tmp_path / "决算.md"
    path.write_text(DOC, encoding="utf-8")
    doc = load_document(path)
    assert [s.title for s in doc.sections() if s.title][:2] == ["情况说明", "收入支出决算总体情况说明"]
    (table,) = doc.tables
    assert table.rows[-1] == ["本年收入合计", "300.00", "本年支出合计", "300.00"]
    path.write_text(DOC.replace("| 250.00 |", "| 260.00 |"), encoding="utf-8")
    failed = [f.rule for f in check_document(load_document(path)).findings if f.failed and f.severity == "error"]
    assert "table.total" in failed


def test_lines_that_only_contain_pipes_are_not_taken_for_a_table():
    flattened = "项目|||增减|增减原因|合计|\n公务接待费|1114.54|989.86|-124.68|厉行节约|\n"
    assert to_plain_text(flattened) == flattened
