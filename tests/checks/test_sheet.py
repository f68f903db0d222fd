"""Review sheets: Excel-safe cells, BOM / GB18030, atomic writes that never clobber by accident."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest

from tui_review import sheet


@pytest.mark.parametrize("cell, out", [
    ("=SUM(A1:A3)", "'=SUM(A1:A3)"),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(1)", "'@SUM(1)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("-8.31", "-8.31"),
    ("+1,234.50", "+1,234.50"),
    ("-16.79%", "-16.79%"),
    ("354.72", "354.72"),
    ("人员经费 = 各明细之和", "人员经费 = 各明细之和"),
    (None, ""),
    (3, "3"),
])
def test_neutralise(cell, out):
    assert sheet.neutralise(cell) == out


ROWS = [{"document": "a.txt", "finding_id": "abc", "severity": "error", "rule": "sum.parts", "section": "一、收入",
         "page": 3, "location": "@12", "stated": "354.72 万元", "expected": "354.73 [354.705, 354.755]",
         "message": "=HYPERLINK(\"x\")", "status": "open", "note": ""}]
CSV_COLUMNS = tuple(ROWS[0])


def read_csv(data: bytes, encoding: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode(encoding), newline="")))


def test_csv_is_utf8_with_bom_and_the_review_columns(tmp_path):
    path = sheet.write_csv(tmp_path / "out.csv", ROWS, columns=CSV_COLUMNS)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = read_csv(data, "utf-8-sig")
    assert rows[0] == list(CSV_COLUMNS)
    assert rows[1][CSV_COLUMNS.index("message")] == "'=HYPERLINK(\"x\")"
    assert rows[1][CSV_COLUMNS.index("location")] == "'@12"
    assert rows[1][CSV_COLUMNS.index("stated")] == "354.72 万元"


def test_csv_in_gb18030(tmp_path):
    data = sheet.write_csv(tmp_path / "out.csv", ROWS, columns=CSV_COLUMNS, encoding="gb18030").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert read_csv(data, "gb18030")[1][CSV_COLUMNS.index("section")] == "一、收入"


def test_an_unknown_encoding_is_refused(tmp_path):
    with pytest.raises(ValueError):
        sheet.write_csv(tmp_path / "out.csv", ROWS, columns=CSV_COLUMNS, encoding="latin-1")


def test_an_existing_file_is_never_overwritten_without_force(tmp_path):
    path = tmp_path / "out.csv"
    path.write_text("keep me", encoding="utf-8")
    with pytest.raises(sheet.OutputExistsError) as caught:
        sheet.write_csv(path, ROWS, columns=CSV_COLUMNS)
    assert "--force" in caught.value.line() and str(path) in caught.value.line()
    assert path.read_text(encoding="utf-8") == "keep me"
    sheet.write_csv(path, ROWS, columns=CSV_COLUMNS, force=True)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]  # no temporary file left


def test_a_failed_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sheet.os, "replace", broken_replace)
    with pytest.raises(OSError):
        sheet.write_csv(tmp_path / "out.csv", ROWS, columns=CSV_COLUMNS)
    assert list(tmp_path.iterdir()) == []


def test_json_keeps_chinese_and_exact_decimals(tmp_path):
    path = sheet.write_json(tmp_path / "out.json", [{"value": Decimal("0.10"), "section": "一、收入"}])
    text = path.read_text(encoding="utf-8")
    assert "一、收入" in text and json.loads(text) == [{"value": "0.10", "section": "一、收入"}]
