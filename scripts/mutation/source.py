"""A document as the parser's input, kept so that one printed number can be changed and the
document rebuilt: the text of a text file, or a PDF's page texts and extracted tables.

- text (.txt/.md): the decoded text; a token is a span of it, and a mutant is that text edited and
  parsed again (`parsers.text.parse_text`), exactly what ``tui-review check`` would read;
- PDF: the pages are read once (`parsers.pdf_page.read_pages` + `parsers.pdf_document.compose`,
  kept in a pickle beside the parse cache, keyed by the file's hash and the parsers' fingerprint);
  a token is a span of one page's prose or one table cell, and a mutant is the same page texts and
  tables with that span edited, assembled again (`parsers.assemble.assemble`): the document model
  with the mutated value, every layer after page reading unchanged.

`Token`s are found here with the harness's own number pattern, not the parser's figure reader, so
a number the parser does not read is still perturbed (and shows up as a coverage gap).
"""

from __future__ import annotations

import copy
import hashlib
import pickle
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from parsers import cache
from parsers.assemble import TABLE_MARK_OPEN, PageText, assemble
from parsers.model import Document, Table
from parsers.text import decode, parse_text

# a printed number: digits with well-formed thousands separators (half- or full-width comma) and
# decimals (half- or full-width point; a converter's space after the point, ``5. 37``, is part of
# the number, as the parser reads it)
NUMBER = re.compile(
    r"(?<![A-Za-z0-9０-９.．])(?<![0-9０-９][.．] )"
    r"(?:[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+)(?:[.．] ?[0-9０-９]+)?"
    r"(?![0-9０-９]|[.．] ?[0-9０-９])"
)
CELL_REST = re.compile(r"[\s\-−－+（()）%％]*")  # what may stand beside a number in a cell holding one


def number_cell(cell: str) -> bool:
    """Does the cell hold one number and nothing else (signs, brackets, a percent sign)?"""
    m = NUMBER.search(cell)
    return m is not None and CELL_REST.fullmatch(cell[: m.start()] + cell[m.end():]) is not None
CONTEXT = 150  # characters of context kept on each side of a token (a sentence, for the classifier)


@dataclass(frozen=True, slots=True)
class Token:
    """One printed number of the source: a span of a page's text or of one table cell."""

    index: int  # order in the document
    text: str  # as printed
    page: int  # index into Source.pages (prose) or -1 (cell)
    start: int  # offsets in the page text, or in the cell text
    end: int
    left: str  # source text before it (up to CONTEXT characters, whitespace kept)
    right: str  # source text after it
    table: int = -1  # index into Source.tables (cell tokens)
    row: int = -1
    col: int = -1

    @property
    def in_cell(self) -> bool:
        return self.table >= 0


@dataclass(slots=True)
class Source:
    path: str
    kind: str  # "text" | "pdf"
    pages: list[PageText]
    tables: list[Table] = field(default_factory=list)
    page_count: int | None = None
    scanned: list[int] = field(default_factory=list)
    sha256: str = ""

    @property
    def name(self) -> str:
        return Path(self.path).name

    def tokens(self) -> list[Token]:
        out: list[Token] = []
        for p, page in enumerate(self.pages):
            for line_start, line in _lines(page.text):
                if line.lstrip().startswith(TABLE_MARK_OPEN):
                    continue
                for m in NUMBER.finditer(line):
                    a, b = line_start + m.start(), line_start + m.end()
                    out.append(Token(len(out), m.group(0), p, a, b, page.text[max(0, a - CONTEXT):a], page.text[b:b + CONTEXT]))
        for t, table in enumerate(self.tables):
            for r, row in enumerate(table.rows):
                for c, cell in enumerate(row):
                    m = NUMBER.search(cell)
                    if m is None or not number_cell(cell):
                        continue
                    out.append(Token(len(out), m.group(0), -1, m.start(), m.end(), cell[: m.start()], cell[m.end():],
                                     table=t, row=r, col=c))
        return out

    def rebuild(self, token: Token | None = None, replacement: str = "") -> Document:
        """The document parsed again with ``token`` printed as ``replacement`` (the original when None)."""
        if self.kind == "text":
            text = self.pages[0].text
            if token is not None:
                text = text[: token.start] + replacement + text[token.end:]
            return parse_text(text, path=self.path, sha256=self.sha256)
        pages, tables = self.pages, self.tables
        if token is not None and not token.in_cell:
            pages = list(pages)
            pages[token.page] = _edit_page(pages[token.page], token.start, token.end, replacement)
        tables = copy.deepcopy(tables)
        if token is not None and token.in_cell:
            row = tables[token.table].rows[token.row]
            cell = row[token.col]
            row[token.col] = cell[: token.start] + replacement + cell[token.end:]
        return assemble(path=self.path, sha256=self.sha256, pages=pages, tables=tables,
                        page_count=self.page_count, scanned_pages=self.scanned)


def _lines(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _edit_page(page: PageText, a: int, b: int, replacement: str) -> PageText:
    text = page.text[:a] + replacement + page.text[b:]
    boxes = page.char_boxes
    if boxes is not None:
        box = next((x for x in boxes[a:b] if x is not None), None)
        boxes = list(boxes[:a]) + [box] * len(replacement) + list(boxes[b:])
    return replace(page, text=text, char_boxes=boxes)


def text_source(text: str, name: str = "<text>") -> Source:
    """A text document given as a string (tests, generated documents)."""
    return Source(name, "text", [PageText(None, text)], sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


def load_source(path: str | Path) -> Source:
    path = Path(path)
    data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    if data.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return _pdf_source(path, sha)
    text = decode(data, str(path)).replace("\r\n", "\n").replace("\r", "\n")
    return Source(str(path), "text", [PageText(None, text)], sha256=sha)


def _pdf_source(path: Path, sha: str) -> Source:
    entry = cache.directory() / "mutation" / f"{sha}-{cache.fingerprint()}.pickle"
    try:
        with entry.open("rb") as fh:
            source = pickle.load(fh)
        if isinstance(source, Source):
            source.path = str(path)
            return source
    except Exception:  # noqa: BLE001 — a missing or stale entry: read the pages again
        pass
    import pypdfium2 as pdfium

    from parsers.pdf_document import compose
    from parsers.pdf_page import read_pages

    pdf = pdfium.PdfDocument(str(path))
    try:
        count = len(pdf)
    finally:
        pdf.close()
    composed = compose(read_pages(str(path), None, list(range(count))))
    source = Source(str(path), "pdf", composed.pages, composed.tables, count, composed.scanned, sha)
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        with entry.open("wb") as fh:
            pickle.dump(source, fh, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError:
        pass
    return source
