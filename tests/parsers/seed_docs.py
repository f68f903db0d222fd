"""Helpers for the text-parser tests: the five seed disclosures, parsed once, and figure lookups.

(A uniquely named module: the test directories have no packages, so helper names must not collide.)
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

from parsers import load_document
from parsers.model import Document, Figure, Role

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"
SEEDS = {
    "000": "000_c776e60c2084e5b6.txt",  # 2023 budget, 科左中旗政务服务局 (PDF text layer, broken lines)
    "001": "001_17aaca51ade6ba7f.txt",  # 2023 final accounts, same department (Markdown-like, OCR tables)
    "002": "002_bc077e1f6d303947.txt",  # 2020 budget, 奈曼旗政务服务局 (full-width punctuation)
    "003": "003_a3ad8bf05f9f76b8.txt",  # 2023 budget, 柞水县政务服务中心 (codes in brackets)
    "004": "004_bc0a8bbd7780701e.txt",  # 2021 final-account analysis report, 元 (bookmarks, chart data)
}


def seed_path(key: str) -> Path:
    return SAMPLES / SEEDS[key]


@cache
def seed(key: str) -> Document:
    return load_document(seed_path(key))


def prose(doc: Document, context: str, text: str, nth: int = 0) -> Figure:
    """The prose figure printed as ``text`` inside the first ``context`` of the document's text."""
    at = doc.text.index(context)
    hits = [f for f in doc.figures if f.cell is None and at <= f.start < at + len(context) and f.text == text]
    assert len(hits) > nth, f"no figure {text!r} in {context!r}: {[f.text for f in doc.figures if f.cell is None and at <= f.start < at + len(context)]}"
    return hits[nth]


def cell(doc: Document, table_id: str, row: int, col: int) -> Figure:
    """The figure of a table cell (0-based row and column, as in ``Table.rows``)."""
    hits = [f for f in doc.figures if f.cell is not None and (f.cell.table_id, f.cell.row, f.cell.col) == (table_id, row, col)]
    assert hits, f"no figure in {table_id}[{row},{col}]"
    return hits[0]


def check(fig: Figure, value: str, unit: str | None, role: Role, subject: str, *, sign: int = 1, code: str = "", decimals: int | None = None) -> None:
    assert fig.value == Decimal(value) and isinstance(fig.value, Decimal), (fig.text, fig.value)
    assert fig.unit == unit, (fig.text, fig.unit)
    assert fig.role == role, (fig.text, fig.role)
    assert fig.subject == subject, (fig.text, fig.subject)
    assert fig.sign == sign, (fig.text, fig.sign)
    assert fig.code == code, (fig.text, fig.code)
    if decimals is not None:
        assert fig.decimals == decimals, (fig.text, fig.decimals)
