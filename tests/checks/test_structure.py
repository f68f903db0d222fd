"""A file with no disclosure structure gets one warning; a disclosure, however small, gets none."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_review.cli import main

README_LIKE = (
    "# tui-review · 部门预算/决算公开审核工具\n\n安装：python3 -m venv .venv，然后运行 tui-review check 文件。\n\n"
    "## 选项\n\n1. --format csv 输出表格\n2. 数字按打印的小数位视为区间（354.72 代表 354.715 到 354.725）。\n"
)
PROSE_DISCLOSURE = "某某局2023年度部门预算\n\n一、支出预算情况说明\n\n2023 年度基本支出 354.72 万元。\n"
PROCUREMENT_NEWS = "2021年全国政府采购简要情况\n2021年全国政府采购规模为36,399亿元，较上年减少571.6亿元，下降1.6%。\n"
TABLE_ONLY = "部门收支总表\n单位：万元\n项目\t预算数\n本年收入合计\t100.00\n本年支出合计\t100.00\n收入总计\t100.00\n支出总计\t100.00\n"


@pytest.fixture(autouse=True)
def no_user_config(monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", "")
    monkeypatch.setenv("HOME", "/nonexistent")


def _check(tmp_path: Path, capsys, text: str) -> tuple[int, str]:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    code = main(["check", "--lang", "zh", str(path)])
    return code, capsys.readouterr().out


def test_a_readme_is_said_to_have_no_disclosure_structure_and_exits_0(tmp_path, capsys):
    code, out = _check(tmp_path, capsys, README_LIKE)
    assert code == 0
    assert "structure.unrecognised" in out and "未识别到预算/决算公开的结构" in out
    assert "没有发现问题" not in out


@pytest.mark.parametrize("text", [PROSE_DISCLOSURE, TABLE_ONLY, PROCUREMENT_NEWS])
def test_a_disclosure_in_prose_or_tables_only_is_recognised(tmp_path, capsys, text):
    _, out = _check(tmp_path, capsys, text)
    assert "structure.unrecognised" not in out


def test_the_bundled_sample_is_recognised(capsys):
    sample = next((Path(__file__).resolve().parents[2] / "tui_review" / "sample").glob("*.txt"))
    main(["check", str(sample)])
    assert "structure.unrecognised" not in capsys.readouterr().out
