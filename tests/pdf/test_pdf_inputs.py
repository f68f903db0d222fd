"""Bad PDFs: each is refused with one bilingual line (an `InputError` with a code), never a
library traceback, in bounded time; a partly scanned PDF is read with its scanned pages listed."""

from __future__ import annotations

import time

import pypdfium2 as pdfium
import pytest
from pdf_fixtures import INPUTS, SAMPLES

from parsers import load_document
from parsers.errors import InputError
from parsers.pdf import MAX_PAGES, parse_pdf


def refused(path, password=None) -> InputError:
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        parse_pdf(path, password=password)
    assert time.monotonic() - started < 10
    line = caught.value.line()
    assert "\n" not in line and str(path) in line and "Cannot read" in line
    return caught.value


def test_encrypted_without_password():
    assert refused(INPUTS / "encrypted.pdf").code == "encrypted"


def test_encrypted_with_wrong_password():
    assert refused(INPUTS / "encrypted.pdf", "wrong").code == "wrong_password"


def test_encrypted_with_right_password_is_read_and_not_cached(tmp_path):
    doc = parse_pdf(INPUTS / "encrypted.pdf", password="secret")
    assert "收入合计100.00万元" in doc.text
    assert not list((tmp_path / "cache").glob("**/*.pickle"))


def test_truncated(tmp_path):
    data = (SAMPLES / "demo_final_2024.pdf").read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: len(data) // 2])
    assert refused(path).code == "damaged"


def test_garbage_after_the_header(tmp_path):
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    assert refused(path).code == "damaged"


def test_broken_xref_is_repaired(tmp_path):
    data = (SAMPLES / "demo_final_2024.pdf").read_bytes()
    path = tmp_path / "xref.pdf"
    path.write_bytes(data.replace(b"startxref", b"startxref\n99999999\n%", 1))
    doc = parse_pdf(path)
    assert len([t for t in doc.tables if t.kind]) == 9


def test_image_only_pdf_is_refused_as_a_scan():
    error = refused(INPUTS / "scanned.pdf")
    assert error.code == "no_text_layer" and "OCR" in error.en


def test_scanned_pages_are_listed_with_one_issue():
    doc = parse_pdf(INPUTS / "text_then_scan.pdf")
    assert doc.scanned_pages == [2]
    assert [i.code for i in doc.issues] == ["parse.no_text_layer"]
    assert "收入支出总计100.00万元" in doc.text


def test_absurd_page_count(tmp_path):
    pdf = pdfium.PdfDocument.new()
    for _ in range(MAX_PAGES + 1):
        pdf.new_page(595, 842)
    path = tmp_path / "many.pdf"
    pdf.save(str(path))
    pdf.close()
    assert refused(path).code == "too_many_pages"


def test_load_document_dispatches_pdf_by_content(tmp_path):
    renamed = tmp_path / "not-a-pdf-name.txt"
    renamed.write_bytes((INPUTS / "text_then_scan.pdf").read_bytes())
    assert load_document(renamed).scanned_pages == [2]
