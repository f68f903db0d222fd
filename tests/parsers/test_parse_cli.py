"""`tui-review outline` and `tui-review figures` on the seeds, through the CLI entry point."""

from __future__ import annotations

import csv
import io
import json

from seed_docs import seed_path

from tui_review.cli import main


def test_outline_prints_the_tree_with_counts(capsys):
    assert main(["outline", str(seed_path("000"))]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "2023 年度科左中旗政务服务局（部门）预算公开"
    assert "kind=budget" in out[1] and "year=2023" in out[1] and "unit=万元" in out[1]
    assert "第二部分 2023 年度部门预算情况说明  [数字 0 · 表 0]" in out
    assert "  十四、项目绩效目标情况说明  [数字 5 · 表 0]" in out
    assert "      ▦ T1 (无标题) 2×3" in out


def test_outline_of_001_lists_the_performance_tables(capsys):
    assert main(["outline", str(seed_path("001"))]) == 0
    out = capsys.readouterr().out
    assert "▦ T4 项目支出绩效自评表 4×8 单位:万元" in out
    assert out.count("目 录") == 0 and out.count("第一部分 部门概况") == 1


def test_figures_json(capsys):
    assert main(["figures", str(seed_path("003")), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 77
    row = next(r for r in rows if r["text"] == "92.74")
    assert row["value"] == "92.74" and row["unit"] == "万元" and row["role"] == "amount"
    assert row["subject"] == "事业运行" and row["code"] == "2010350" and row["decimals"] == 2
    assert row["section"].endswith("（1）事业运行（2010350）92.74 万元")
    assert row["location"] == f"{row['figure_id'][1:]}-{int(row['figure_id'][1:]) + 5}"


def test_figures_csv(capsys):
    assert main(["figures", str(seed_path("004")), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 228
    cell = next(r for r in rows if r["location"] == "T5[r2,c4]")
    assert (cell["text"], cell["value"], cell["unit"], cell["subject"], cell["column"]) == ("225,976.861", "225976.861", "元", "货币资金", "货币资金")
    change = next(r for r in rows if r["text"] == "442，400.00")
    assert (change["value"], change["role"], change["sign"]) == ("442400.00", "change", "-1")


def test_figures_text(capsys):
    assert main(["figures", str(seed_path("002"))]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("# 112 figures / 个数字")
    assert "−28.03万元" in out
