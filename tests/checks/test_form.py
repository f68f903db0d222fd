"""Findings from the parser's issues: one warning per template leftover, notes for its repeats."""

from __future__ import annotations

from parsers.text import parse_text
from tui_review.checks.form import form_findings
from tui_review.config import Config

TEMPLATE_LEFT_IN = (
    "某某局2023年度部门决算\n一、三公\n公务接待费支出5.00万元，比上年增加(减少)1.00万元；"
    "会议费支出3.00万元，比上年增加(减少)0.50万元；培训费支出2.00万元，比上年增加(减少)0.20万元。\n"
)


def test_a_template_leftover_repeated_is_one_warning_and_notes():
    found = [f for f in form_findings(parse_text(TEMPLATE_LEFT_IN), Config.default()) if f.rule == "parse.ambiguous_sign"]
    assert [f.severity for f in found] == ["warning", "info", "info"]
