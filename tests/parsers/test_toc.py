"""The 目录 is told by its structure and never read as a second copy of the heading tree; a part
heading printed without its 第X部分 marker (on the part's cover page) is found through the 目录."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers import load_document
from parsers.headings import find_toc

PARTS = ["第一部分 部门概况", "一、主要职能", "二、机构设置", "第二部分 示例局2024年度部门决算表", "一、收入支出决算总表",
         "第三部分 示例局2024年度部门决算情况说明", "一、收入支出决算总体情况说明", "第四部分 名词解释"]
BODY = (
    "第一部分 部门概况\n\n一、主要职能\n\n负责审计监督工作。\n\n二、机构设置\n\n本部门设有 3 个处室。\n\n"
    "第二部分 示例局2024年度部门决算表\n\n一、收入支出决算总表\n\n本表单位为万元。\n\n"
    "第三部分 示例局2024年度部门决算情况说明\n\n一、收入支出决算总体情况说明\n\n收入支出总计 100.00 万元。\n\n"
    "第四部分 名词解释\n\n基本支出：指人员经费和公用经费。\n"
)


def _outline(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    doc = load_document(path)
    return [s.heading.replace(" ", "") for s in doc.sections() if s.level <= 2]


def _expected() -> list[str]:
    return [p.replace(" ", "") for p in PARTS]


@pytest.mark.parametrize("toc", [
    "目录\n" + "\n".join(p + ("。" if "、" in p else "") for p in PARTS),  # entries ending with a full stop
    "目 录\n" + "\n".join(f"{p}……{i + 3}" for i, p in enumerate(PARTS)),  # leader dots and page numbers
    "\n".join(PARTS),  # no 目录 word: told by its first entry printed again below
])
def test_a_toc_is_not_read_as_headings(tmp_path, toc):
    text = f"示例局2024年度部门决算\n\n{toc}\n\n{BODY}"
    assert _outline(tmp_path, text) == _expected()


def test_a_cover_title_ending_in_toc_keeps_the_title(tmp_path):
    text = "示例局2024年度部门决算公开目录\n" + "\n".join(PARTS) + "\n\n" + BODY
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    doc = load_document(path)
    assert [s.heading.replace(" ", "") for s in doc.sections() if s.level <= 2] == _expected()
    assert doc.title.startswith("示例局2024年度部门决算")


def test_headings_without_body_that_are_never_repeated_stay_headings():
    lines = ["第一部分 概况", "一、职能", "二、机构", "三、人员", "四、资产", "第二部分 说明", "一、收入"]
    assert find_toc(lines) is None


def test_a_part_heading_printed_without_its_marker_opens_that_part(tmp_path):
    body = BODY.replace("第二部分 示例局2024年度部门决算表\n", "示例局2024年度部门决算表\n")
    text = "示例局2024年度部门决算\n\n目录\n" + "\n".join(PARTS) + "\n\n" + body
    assert _outline(tmp_path, text) == _expected()
