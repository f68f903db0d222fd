"""Hypothesis strategies and properties shared by the property tests and ``scripts/fuzz.py``."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from parsers.text import parse_text

FULLWIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")
HEADING = "一、收入支出决算总体情况说明\n"


def printed(value: Decimal, decimals: int, style: str) -> str:
    """``value`` as the documents print it: plain, grouped with ``,`` or ``，``, full-width digits."""
    text = f"{value:,.{decimals}f}" if style in ("comma", "fullwidth_comma", "fullwidth_digits") else f"{value:.{decimals}f}"
    if style == "fullwidth_comma":
        text = text.replace(",", "，")
    if style == "fullwidth_digits":
        text = text.translate(FULLWIDTH).replace(",", "，")
    return text


@st.composite
def amounts(draw):
    decimals = draw(st.integers(0, 2))
    cents = draw(st.integers(0, 10**11))
    value = (Decimal(cents) / 100).quantize(Decimal(1).scaleb(-decimals)) if decimals else Decimal(cents // 100)
    style = draw(st.sampled_from(["plain", "comma", "fullwidth_comma", "fullwidth_digits"]))
    unit = draw(st.sampled_from(["元", "万元"]))
    subject = draw(st.sampled_from(["收入合计", "支出合计", "财政拨款收入", "一般公共预算财政拨款支出", "结转和结余"]))
    lead = draw(st.sampled_from(["2024年度", "本年", "", "其中："]))
    return value, decimals, style, unit, f"{lead}{subject}{printed(value, decimals, style)}{unit}。"


def check_amount(case) -> None:
    value, decimals, style, unit, sentence = case
    doc = parse_text(HEADING + sentence + "\n")
    prose = [f for f in doc.figures if f.start is not None]
    assert len(prose) == 1, (sentence, [(f.text, f.value) for f in prose])
    figure = prose[0]
    assert figure.value == value and figure.unit == unit and figure.decimals == decimals, (sentence, figure)
    assert doc.text[figure.start : figure.end] == figure.text == printed(value, decimals, style)


# any Unicode text, plus text made of the characters the parser cares about
_PIECES = st.sampled_from(
    list("0123456789０１２３４５６７８９.,，．%％、。；：（）()\n\t \f-—～")
    + ["万元", "元", "亿元", "增加", "减少", "增长", "下降", "合计", "收入", "支出", "一、", "（一）", "1.", "第一部分", "表", "个百分点", "余", "\t"]
)
texts = st.one_of(st.text(max_size=400), st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=120).map("".join))


def check_text(text: str) -> None:
    doc = parse_text(text)
    for figure in doc.figures:
        if figure.start is not None:
            assert doc.text[figure.start : figure.end] == figure.text, (figure.text, doc.text[figure.start : figure.end])
