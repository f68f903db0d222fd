"""A small 部门决算 whose standard period tables can be drawn in either orientation (issue 10).

Two standard tables carry several periods: the 财政拨款“三公”经费支出决算表 (上年决算数, 全年预算数,
决算数 of each item) and the 一般公共预算财政拨款支出决算表 (年初预算数, 调整预算数, 决算数 of each
类). ``columns`` prints the periods as columns (the template's own shape); ``rows`` prints them as
rows, the items or 类 as columns (what some templates do). Period labels are compound, in words
(上年决算数, 全年预算数) or in years (2023年决算数, 2024年全年预算数). The 情况说明 states the figures
and carries two slips: a 类's 决算 that differs from its table cell, and a 三公 total that differs
from its parts; the tables themselves add up.
"""

from __future__ import annotations

from pdf_render import Cell, Layout, TableSpec, Writer

YEAR = 2024
THREE = ("出国", "购置", "运行", "接待")
# 三公 figures (万元) by period: 上年决算, 全年预算, 决算
THREE_PUBLIC = {
    "previous": {"出国": "9.00", "购置": "0.00", "运行": "12.00", "接待": "2.50"},
    "budget": {"出国": "10.00", "购置": "0.00", "运行": "12.50", "接待": "3.20"},
    "actual": {"出国": "8.00", "购置": "0.00", "运行": "11.30", "接待": "2.10"},
}
# 一般公共预算财政拨款支出 by 类: code, name, 年初预算, 调整预算, 决算
CLASSES = [
    ("201", "一般公共服务支出", "500.00", "520.00", "510.00"),
    ("208", "社会保障和就业支出", "80.00", "80.00", "78.00"),
    ("221", "住房保障支出", "40.00", "42.00", "41.00"),
]
LABELS = {
    "words": {"previous": "上年决算数", "budget": "全年预算数", "actual": "决算数",
              "initial": "年初预算数", "adjusted": "调整预算数"},
    "years": {"previous": f"{YEAR - 1}年决算数", "budget": f"{YEAR}年全年预算数", "actual": f"{YEAR}年决算数",
              "initial": f"{YEAR}年年初预算数", "adjusted": f"{YEAR}年调整预算数"},
}


def _add(*values: str) -> str:
    from decimal import Decimal

    return f"{sum(Decimal(v) for v in values):.2f}"


def _three_row(period: str) -> list[str]:
    v = THREE_PUBLIC[period]
    return [_add(*v.values()), v["出国"], _add(v["购置"], v["运行"]), v["购置"], v["运行"], v["接待"]]


THREE_ITEMS = ["合计", "因公出国（境）费", "小计", "公务用车购置费", "公务用车运行维护费", "公务接待费"]


def three_public_table(orientation: str, labels: dict[str, str]) -> TableSpec:
    periods = ("previous", "budget", "actual")
    title = "财政拨款“三公”经费支出决算表"
    if orientation == "rows":
        header = [
            [Cell("项目", rowspan=2), Cell("合计", rowspan=2), Cell("因公出国（境）费", rowspan=2),
             Cell("公务用车购置及运行维护费", 3), Cell("公务接待费", rowspan=2)],
            [Cell("小计"), Cell("公务用车购置费"), Cell("公务用车运行维护费")],
        ]
        rows = [[labels[p]] + _three_row(p) for p in periods]
        return TableSpec(title, header, rows, [120, 80, 90, 80, 90, 100, 80], tag="公开07表")
    header = [
        [Cell("合计", 3, 2), Cell("因公出国（境）费", 3, 2), Cell("公务用车购置及运行维护费", 9), Cell("公务接待费", 3, 2)],
        [Cell("小计", 3), Cell("公务用车购置费", 3), Cell("公务用车运行维护费", 3)],
        [Cell(labels[p]) for p in periods] * 6,
    ]
    by_period = {p: _three_row(p) for p in periods}
    row = [by_period[p][item] for item in range(6) for p in periods]
    return TableSpec(title, header, [row], [44] * 18, tag="公开07表", font=7.5)


def fiscal_table(orientation: str, labels: dict[str, str]) -> TableSpec:
    title = "一般公共预算财政拨款支出决算表"
    totals = [_add(*(c[k] for c in CLASSES)) for k in (2, 3, 4)]
    if orientation == "rows":
        header = [[Cell("项目", rowspan=2), Cell("合计", rowspan=2)] + [Cell(code) for code, *_ in CLASSES],
                  [Cell(name) for _, name, *_ in CLASSES]]
        rows = [[labels[key], totals[k]] + [c[k + 2] for c in CLASSES] for k, key in enumerate(("initial", "adjusted", "actual"))]
        return TableSpec(title, header, rows, [120, 90, 130, 130, 130], tag="公开05表")
    header = [[Cell("科目编码"), Cell("科目名称"), Cell(labels["initial"]), Cell(labels["adjusted"]), Cell(labels["actual"])]]
    rows = [[code, name, a, b, c] for code, name, a, b, c in CLASSES] + [["", "合计", *totals]]
    return TableSpec(title, header, rows, [70, 190, 100, 100, 100], tag="公开05表")


def explanation() -> list[tuple[str, list[str]]]:
    budget, actual, previous = (_add(*THREE_PUBLIC[p].values()) for p in ("budget", "actual", "previous"))
    a = THREE_PUBLIC["actual"]
    initial, adjusted, spent = (_add(*(c[k] for c in CLASSES)) for k in (2, 3, 4))
    return [
        ("一、一般公共预算财政拨款支出决算情况说明", [
            f"{YEAR}年度一般公共预算财政拨款支出年初预算为{initial}万元，调整预算为{adjusted}万元，支出决算为{spent}万元，完成调整预算的97.98%。",
            "1.一般公共服务支出（类）年初预算为500.00万元，支出决算为510.00万元，完成年初预算的102.00%。",
            "2.社会保障和就业支出（类）年初预算为80.00万元，支出决算为87.00万元，完成年初预算的108.75%。",  # slip: 78.00
            "3.住房保障支出（类）年初预算为40.00万元，支出决算为41.00万元，完成年初预算的102.50%。",
        ]),
        ("二、财政拨款“三公”经费支出决算情况说明", [
            f"{YEAR}年度“三公”经费财政拨款支出全年预算为{budget}万元，支出决算为{actual}万元，完成全年预算的83.27%。"
            f"与{YEAR - 1}年决算数{previous}万元相比，减少2.10万元，下降8.94%。",
            f"其中：因公出国（境）费支出决算为{a['出国']}万元；公务用车购置及运行维护费支出决算为{_add(a['购置'], a['运行'])}万元，"
            f"其中公务用车购置费{a['购置']}万元，公务用车运行维护费{a['运行']}万元；公务接待费支出决算为2.40万元。",  # slip: 2.10
        ]),
    ]


def render(path: str, orientation: str, label_style: str) -> None:
    labels = LABELS[label_style]
    w = Writer(path, f"某某局{YEAR}年度部门决算", layout=Layout())
    w.new_page(furniture=False)
    w.y -= 220
    w.centred("某某局", 26)
    w.centred(f"{YEAR}年度部门决算", 26)
    w.new_page()
    w.heading(f"第二部分 某某局{YEAR}年度部门决算表", 15)
    w.table(fiscal_table(orientation, labels), landscape_page=True)
    w.table(three_public_table(orientation, labels), landscape_page=True)
    w.new_page()
    w.heading(f"第三部分 某某局{YEAR}年度部门决算情况说明", 15)
    for heading, paragraphs in explanation():
        w.heading(heading, 13)
        for text in paragraphs:
            w.paragraph(text)
    w.save()
