"""Parsers: local disclosure files (PDF, text, Markdown) → `parsers.model.Document`.

`load_document` is the one entry point: it checks the path (only a regular file is read, see
`parsers.files`), sniffs the content (a file's bytes, not its name, decide how it is read: an HTML
page or an Office file is refused whatever its name, and a ``.pdf`` that holds no PDF too) and
dispatches to the reader for that format. Every failure is an `InputError` with a one-line
bilingual message.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from parsers.errors import InputError
from parsers.files import open_regular, regular_file
from parsers.model import Document, ParseIssue, Severity

if TYPE_CHECKING:
    from parsers.pdf_worker import PdfLimits

# progress(done, total, stage): called by readers as pages or steps complete
Progress = Callable[[int, int, str], None]
# on_partial(document_so_far): called by readers of long files (PDF) as batches of pages are
# parsed, so a caller (the TUI) can show the first sections before the whole file is read
Partial = Callable[[Document], None]


HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html|head|body|\?xml[^>]*>\s*<html)", re.IGNORECASE)
MAX_SIGNIFICANT_DIGITS = 20  # no disclosure prints more (trillions of 元 with cents are 16)


def _sniff(head: bytes) -> str:
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    if HTML_START.match(head):
        return "html"
    return "text"


def _refuse(path: Path, kind: str) -> None:
    """Raise the `InputError` for content no reader takes (``kind`` from `_sniff`)."""
    if kind == "zip":
        raise InputError(str(path), "这是 Office 文档（docx/xlsx 等），请先另存为 PDF 或文本",
                         "this is an Office document (docx/xlsx …); save it as PDF or text first", "office")
    if kind == "ole":
        raise InputError(str(path), "这是旧版 Office 文档（doc/xls），请先另存为 PDF 或文本",
                         "this is a legacy Office document (doc/xls); save it as PDF or text first", "office")
    if kind == "html":
        raise InputError(str(path), "这是网页（HTML），不是公开文件（下载失败时保存的错误页？）",
                         "this is a web page (HTML), not a disclosure (an error page saved by a failed download?)", "html")
    if path.suffix.lower() == ".pdf":
        raise InputError(str(path), "文件名为 .pdf，但内容不是 PDF", "named .pdf but its content is not a PDF", "not_pdf")


def load_document(
    path: str | os.PathLike,
    password: str | None = None,
    progress: Progress | None = None,
    on_partial: Partial | None = None,
    limits: PdfLimits | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Document:
    """``limits``: the time and memory budgets of PDF page reading (default `PdfLimits()`);
    ``cancelled``: polled during a PDF's page reading, True stops it (`parsers.errors.Cancelled`)."""
    p = Path(path)
    regular_file(p)
    with open_regular(p) as fh:
        try:
            head = fh.read(2048)
        except OSError as exc:
            raise InputError(str(p), f"读取失败（{exc.strerror or exc}）", f"read failed ({exc.strerror or exc})") from None
    if not head:
        raise InputError(str(p), "文件为空（0 字节）", "the file is empty (0 bytes)", "empty")
    kind = _sniff(head)
    if kind == "pdf":
        from parsers.pdf import parse_pdf

        doc = parse_pdf(p, password=password, progress=progress, on_partial=on_partial, limits=limits, cancelled=cancelled)
    else:
        _refuse(p, kind)
        from parsers.text import parse_text_file

        doc = parse_text_file(p, progress=progress)
    _drop_oversized_figures(doc)
    return doc


def _drop_oversized_figures(doc: Document) -> None:
    """A "figure" of more significant digits than any disclosure prints is no amount: it is
    reported (``parse.malformed_number``) and left out, rather than carried into arithmetic."""
    kept = []
    for figure in doc.figures:
        if len(figure.value.as_tuple().digits) <= MAX_SIGNIFICANT_DIGITS:
            kept.append(figure)
            continue
        doc.issues.append(ParseIssue(
            "parse.malformed_number", Severity.WARNING,
            f"数字位数过多（{len(figure.value.as_tuple().digits)} 位有效数字），不作为数字核对",
            f"a number of {len(figure.value.as_tuple().digits)} significant digits: not checked as a figure",
            figure.text, figure.section_id, figure.page, figure.start, figure.end, figure.cell,
        ))
    if len(kept) < len(doc.figures):
        doc.figures[:] = kept


__all__ = ["Document", "InputError", "load_document"]
