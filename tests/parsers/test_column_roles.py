"""What a table column's header says its cells are (the role every table figure gets)."""

from __future__ import annotations

import pytest

from parsers.model import Role
from parsers.table_figures import column_role


@pytest.mark.parametrize(
    ("column", "role"),
    [
        ("年初预算数", Role.BUDGET),
        ("支出 › 全年预算", Role.BUDGET),
        ("决算数", Role.ACTUAL),
        ("上年决算数", Role.PREVIOUS),
        ("预算执行率", Role.COMPLETION),
        ("合计", Role.AMOUNT),
        # a fund source names no period: the 财政拨款收入支出决算总表's columns hold the year's amounts
        ("支出 › 一般公共预算财政拨款", Role.AMOUNT),
        ("政府性基金预算财政拨款", Role.AMOUNT),
        ("国有资本经营预算财政拨款 › 小计", Role.AMOUNT),
        ("一般公共预算财政拨款 › 年初预算数", Role.BUDGET),
    ],
)
def test_column_role(column, role):
    assert column_role(column) == role
