"""Vertical text in a PDF — characters stacked one per row, or a string turned a quarter — is read
as one line in its reading order, and never mixed into the horizontal lines beside it."""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from parsers.pdf_page import read_pages
from parsers.pdf_text import Glyph, split_vertical

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from pdf_render import FONT  # noqa: E402  (registers the CID font)

BODY = ["一、收入预算情况", "本年收入合计100.00万元，其中财政拨款收入80.00万元。", "二、支出预算情况",
        "本年支出合计100.00万元，其中基本支出60.00万元。", "三、其他情况说明", "本部门无政府性基金预算。"]


def _page(path: Path, font: str, body: list[str], stacked: str, up: str, down: str) -> None:
    c = canvas.Canvas(str(path), pagesize=A4)
    _, height = A4
    c.setFont(font, 12)
    y = height - 110
    for text in body:
        c.drawString(100, y, text)
        y -= 20
    for k, ch in enumerate(stacked):  # one character per row at the left margin, beside the body
        c.drawString(50, height - 110 - 13 * k, ch)
    for text, x, angle in ((up, 560, 90), (down, 30, -90)):  # turned a quarter: up the page, down the page
        c.saveState()
        c.translate(x, height - 250)
        c.rotate(angle)
        c.drawString(0, 0, text)
        c.restoreState()
    c.showPage()
    c.save()


def _lines(path: Path) -> list[str]:
    (page,) = read_pages(str(path), None, [0])
    return [line.text for line in page.lines]


def test_stacked_and_turned_cjk_read_in_order_and_the_body_lines_stay_whole(tmp_path):
    path = tmp_path / "vertical.pdf"
    _page(path, FONT, BODY, "部门预算说明", "单位万元附注", "下行文字")
    lines = _lines(path)
    assert {"部门预算说明", "单位万元附注", "下行文字"} <= set(lines)
    assert [line for line in lines if line in BODY] == BODY


def test_turned_latin_text_read_through_pdfium_in_its_direction(tmp_path):
    path = tmp_path / "turned.pdf"
    _page(path, "Helvetica", ["Line one of the body text.", "Line two of the body text."], "", "UNITS", "DOWN")
    lines = _lines(path)
    assert "UNITS" in lines and "DOWN" in lines and "Line one of the body text." in lines


def test_a_paragraph_aligned_in_columns_has_no_vertical_run():
    size = 12.0
    glyphs = [Glyph(ch, 100 + 12 * k, 100 + 19 * row, 112 + 12 * k, 112 + 19 * row)
              for row, text in enumerate(["本年收入合计", "本年支出合计", "上年结转结余"]) for k, ch in enumerate(text)]
    single = [Glyph(ch, 300, 100 + 19 * row, 300 + size, 112 + 19 * row) for row, ch in enumerate("是否是")]  # a one-character column at line pitch
    runs, rest = split_vertical(glyphs + single)
    assert runs == [] and len(rest) == len(glyphs) + 3
