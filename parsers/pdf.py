"""PDF input: `parse_pdf(path, password=None, progress=None, on_partial=None, limits=None) -> Document`.

Owns opening the file (every failure becomes one `InputError` line: encrypted without or with a
wrong password, damaged or truncated, no pages, absurd page counts, no text layer at all), the
document cache (an unchanged file reopens from `parsers.cache`), and scheduling the page reads:
two worker processes read the pages front to back under the time and memory budgets of
`PdfLimits` (`parsers.pdf_worker`), a caller's `on_partial` sees the first pages' sections as
soon as they are in, and a page over a budget is skipped with a ``parse.page_skipped`` warning
while the rest is read. Only the PDF libraries' own exceptions mean "cannot be read"; an
exception from this project's code propagates as the bug it is. `parsers.pdf_document` turns the reads into page
texts and tables, and `parsers.assemble` into the `Document`.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from parsers import cache
from parsers.assemble import assemble
from parsers.errors import Cancelled, InputError
from parsers.model import Document, ParseIssue, Severity
from parsers.pdf_document import compose
from parsers.pdf_page import PageRead, read_pages
from parsers.pdf_worker import NoWorkers, PdfLimits, Skipped, blank_read, can_start_workers, from_library, read_in_workers

MAX_PAGES = 1000  # a department's disclosure runs to a few hundred pages at most
FIRST_BATCH = 6  # pages read before the first on_partial call
CHUNK = 8  # pages per task
WORKERS = 2  # worker processes reading pages
NO_PAGES_PROBE_BYTES = 1 << 20  # a PDFium-refused file this small is looked at for an empty page tree


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _open(path: Path, password: str | None):
    """Open with PDFium, or raise the `InputError` that says why not."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            if password is None:
                raise InputError(str(path), "PDF 已加密，请用 --password 提供密码", "the PDF is encrypted: give its password with --password", "encrypted") from None
            raise InputError(str(path), "PDF 密码错误", "wrong password for this PDF", "wrong_password") from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise InputError(str(path), "PDF 使用了不支持的加密方式", "the PDF uses an unsupported encryption scheme", "encrypted") from None
        if _has_no_pages(path):
            raise InputError(str(path), "PDF 没有任何页面", "the PDF has no pages", "no_pages") from None
        raise InputError(str(path), "PDF 文件已损坏或不完整（可能下载未完成）", "the PDF is damaged or incomplete (a truncated download?)", "damaged") from None


def _has_no_pages(path: Path) -> bool:
    """PDFium refuses a PDF whose page tree is empty as if it were damaged: is that all it is?
    (A small file's page tree read with pdfminer; any failure there means damaged after all.)"""
    if path.stat().st_size > NO_PAGES_PROBE_BYTES:
        return False
    try:
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser

        with path.open("rb") as fh:
            document = PDFDocument(PDFParser(fh))
            return next(PDFPage.create_pages(document), None) is None
    except Exception:  # noqa: BLE001 — pdfminer on a damaged file: damaged it is
        return False


def _check_pages(path: Path, count: int) -> None:
    if count <= 0:
        raise InputError(str(path), "PDF 没有可读的页面（文件可能已损坏）", "the PDF has no readable pages (it may be damaged)", "damaged")
    if count > MAX_PAGES:
        raise InputError(
            str(path),
            f"PDF 共 {count} 页，超过上限 {MAX_PAGES} 页，不像一份部门预决算公开文件",
            f"the PDF has {count} pages, over the limit of {MAX_PAGES}: not a department disclosure",
            "too_many_pages",
        )


def _read_all(
    path: Path, password: str | None, count: int, on_first: Callable[[list[PageRead]], None], progress, limits: PdfLimits,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[PageRead], list[Skipped]]:
    """Every page, in order, and the pages skipped. Pages are read by worker processes under
    ``limits`` (`parsers.pdf_worker`), front to back; once the first batch is in, it is handed to
    ``on_first`` (a skipped page stands as a blank one)."""
    if not can_start_workers():
        return _read_in_process(path, password, count, on_first, progress), []
    reads: dict[int, PageRead] = {}
    first = min(FIRST_BATCH, count)
    handed = False

    def done(index: int, read: PageRead | None) -> None:
        nonlocal handed
        reads[index] = read if read is not None else blank_read(index + 1)
        if progress:
            progress(len(reads), count, "pages")
        if not handed and all(i in reads for i in range(first)):
            handed = True
            on_first([reads[i] for i in range(first)])

    try:
        skipped = read_in_workers(str(path), password, list(range(count)), limits, WORKERS, done, cancelled)
    except NoWorkers:
        return _read_in_process(path, password, count, on_first, progress), []
    return [reads[i] for i in range(count)], skipped


def _read_in_process(path: Path, password: str | None, count: int, on_first, progress) -> list[PageRead]:
    """Without worker processes (see `can_start_workers`, `NoWorkers`): every page here, no budgets."""
    reads: list[PageRead] = []
    for start in range(0, count, CHUNK):
        reads += read_pages(str(path), password, list(range(start, min(start + CHUNK, count))))
        if progress:
            progress(len(reads), count, "pages")
        if start == 0:
            on_first(reads[:FIRST_BATCH])
    return reads


def _document(path: Path, sha256: str, reads: list[PageRead], count: int) -> Document:
    composed = compose(reads)
    return assemble(
        path=str(path),
        sha256=sha256,
        pages=composed.pages,
        tables=composed.tables,
        page_count=count,
        scanned_pages=composed.scanned,
    )


def parse_pdf(
    path: str | os.PathLike,
    password: str | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    on_partial: Callable[[Document], None] | None = None,
    limits: PdfLimits | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Document:
    """``cancelled``: polled while pages are read; when it returns True the page-reading processes
    are killed and `parsers.errors.Cancelled` is raised (the app's Esc)."""
    path = Path(path)
    sha256 = _sha256(path)
    pdf = _open(path, password)
    try:
        count = len(pdf)
    finally:
        pdf.close()
    _check_pages(path, count)
    # a document that needed a password is never written to (nor read from) the cache
    cacheable = password is None
    if cacheable:
        cached = cache.load(sha256)
        if cached is not None:
            cached.path = str(path)
            return cached

    def first_pages(reads: list[PageRead]) -> None:
        if on_partial is not None and len(reads) < count:
            on_partial(_document(path, sha256, reads, count))

    try:
        reads, skipped = _read_all(path, password, count, first_pages, progress, limits or PdfLimits(), cancelled)
    except Exception as exc:
        if isinstance(exc, (InputError, Cancelled)) or not from_library(exc):
            raise  # a bug in the project's own code: an internal error, never "damaged"
        raise InputError(str(path), f"PDF 内容无法读取（{type(exc).__name__}）", f"the PDF's content cannot be read ({type(exc).__name__})",
                         "damaged", cause=exc) from None
    if len(skipped) == count:
        raise InputError(str(path), f"没有一页能在资源上限内读完（{skipped[0].zh}）",
                         f"no page could be read within the limits ({skipped[0].en})", "limits")
    if all(r.glyph_count == 0 for r in reads):
        if any(r.image_cover > 0 for r in reads):
            raise InputError(str(path), "PDF 没有文字层（扫描件），请先做文字识别（OCR）", "the PDF has no text layer (a scan): run OCR on it first", "no_text_layer")
        raise InputError(str(path), "PDF 中没有任何文字", "the PDF contains no text at all", "no_text")
    doc = _document(path, sha256, reads, count)
    doc.issues += [_skipped_issue(s) for s in skipped]
    if cacheable and not skipped:  # a page skipped under these limits may read under others
        cache.store(doc)
    return doc


def _skipped_issue(skipped: Skipped) -> ParseIssue:
    return ParseIssue(
        "parse.page_skipped", Severity.WARNING,
        f"第 {skipped.number} 页未读取：{skipped.zh}；其余页照常核对",
        f"page {skipped.number} was skipped: {skipped.en}; the other pages are checked",
        "", page=skipped.number,
    )
