"""Assemble a `Document` from page texts and tables: the one path text and PDF input share.

Readers (``parsers.text`` for .txt/.md, ``parsers.pdf`` for PDF) produce `PageText`s — the prose
of each page, with the position of each extracted table marked by a `table_marker` line — and the
`Table`s themselves. `assemble` normalises the text (with evidence), builds the section tree,
places tables under their sections, extracts every figure (prose and cells), detects the
document's kind, year, department and unit, and collects the parser's own findings.
"""

from __future__ import annotations

from dataclasses import dataclass

from parsers.model import BBox, Document, Table

TABLE_MARK_OPEN = "\ue000"
TABLE_MARK_CLOSE = "\ue001"


def table_marker(table_id: str) -> str:
    """A line to put in a page's text where table ``table_id`` sits."""
    return f"{TABLE_MARK_OPEN}{table_id}{TABLE_MARK_CLOSE}"


@dataclass(slots=True)
class PageText:
    number: int | None  # 1-based page number; None for text files
    text: str  # the page's prose, lines separated by "\n"; table_marker() lines where tables sit
    char_boxes: list[BBox | None] | None = None  # optional, one per character of ``text``


def assemble(
    *,
    path: str,
    sha256: str,
    pages: list[PageText],
    tables: list[Table] | None = None,
    page_count: int | None = None,
    scanned_pages: list[int] | None = None,
) -> Document:
    raise NotImplementedError  # being written in this session (parsers/assemble.py is the lead's)
