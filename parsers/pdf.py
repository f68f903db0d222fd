"""PDF input: `parse_pdf(path, password=None, progress=None, on_partial=None) -> Document`.

Owns opening the file (every failure becomes one `InputError` line: encrypted without or with a
wrong password, damaged or truncated, no pages, absurd page counts, no text layer at all), the
document cache (an unchanged file reopens from `parsers.cache`), and scheduling the page reads:
the first pages in-process so a caller's `on_partial` sees their sections at once, the rest shared
with a worker process when the file is long. `parsers.pdf_document` turns the reads into page
texts and tables, and `parsers.assemble` into the `Document`.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from pathlib import Path

from parsers import cache
from parsers.assemble import assemble
from parsers.errors import InputError
from parsers.model import Document
from parsers.pdf_document import compose
from parsers.pdf_page import PageRead, read_pages

MAX_PAGES = 1000  # a department's disclosure runs to a few hundred pages at most
FIRST_BATCH = 6  # pages read before the first on_partial call
CHUNK = 8  # pages per task
POOL_MIN_PAGES = 40  # below this, a worker's start-up costs more than it saves
WORKERS = 2  # this process and one worker
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


def _read_all(path: Path, password: str | None, count: int, on_first: Callable[[list[PageRead]], None], progress) -> list[PageRead]:
    """Every page, in order. The first batch is read here and handed to ``on_first``; of a long
    file, one worker process reads chunks from the end while this process reads from the front,
    taking back any chunk the worker has not started (so neither waits for the other)."""
    first = list(range(min(FIRST_BATCH, count)))
    reads = read_pages(str(path), password, first)
    if progress:
        progress(len(reads), count, "pages")
    on_first(reads)
    chunks = [list(range(i, min(i + CHUNK, count))) for i in range(len(first), count, CHUNK)]
    done = 0
    if count >= POOL_MIN_PAGES and _can_spawn():
        try:
            with ProcessPoolExecutor(max_workers=WORKERS - 1, mp_context=get_context("spawn")) as pool:
                futures = {id(chunk): pool.submit(read_pages, str(path), password, chunk) for chunk in reversed(chunks)}
                for chunk in chunks:
                    future = futures[id(chunk)]
                    reads += read_pages(str(path), password, chunk) if future.cancel() else future.result()
                    done += 1
                    if progress:
                        progress(len(reads), count, "pages")
        except (BrokenProcessPool, OSError):  # no worker to be had here: read the rest in-process
            pass
    for chunk in chunks[done:]:
        reads += read_pages(str(path), password, chunk)
        if progress:
            progress(len(reads), count, "pages")
    return reads


def _can_spawn() -> bool:
    """A spawned worker re-imports the main module: only possible when it is a real file (not
    ``python -`` reading stdin)."""
    main = sys.modules.get("__main__")
    source = getattr(main, "__file__", None)
    return source is None or os.path.isfile(source)


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
) -> Document:
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
        reads = _read_all(path, password, count, first_pages, progress)
    except InputError:
        raise
    except Exception as exc:  # a library failing on a damaged page: one line, never a traceback
        raise InputError(str(path), f"PDF 内容无法读取（{type(exc).__name__}）", f"the PDF's content cannot be read ({type(exc).__name__})", "damaged") from None
    if all(r.glyph_count == 0 for r in reads):
        if any(r.image_cover > 0 for r in reads):
            raise InputError(str(path), "PDF 没有文字层（扫描件），请先做文字识别（OCR）", "the PDF has no text layer (a scan): run OCR on it first", "no_text_layer")
        raise InputError(str(path), "PDF 中没有任何文字", "the PDF contains no text at all", "no_text")
    doc = _document(path, sha256, reads, count)
    if cacheable:
        cache.store(doc)
    return doc
