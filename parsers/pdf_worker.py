"""Reading PDF pages in worker processes, each page under a time and memory budget.

A hostile PDF can make PDFium or pdfminer take unbounded memory (a Flate bomb, a form XObject
drawn ten times at each of nine levels) or time, and PDFium aborts the whole process when an
allocation fails. So pages are read by worker processes (`read_in_workers`): each caps its own
address space (``RLIMIT_AS``), takes one page at a time and sends its `PageRead` back. A worker
that dies on a page (memory exhausted, a crash) or overruns the page's time budget is replaced,
and that page is *skipped* with the reason (a `Skipped`); the other pages carry on. When the
document's time budget runs out, the pages not yet read are skipped too.

An exception inside a worker is sorted by where it was raised: one from the PDF libraries
themselves (PDFium, pdfminer, pdfplumber) means the page cannot be read and skips it; one from
this project's code is a bug and is raised in the caller as `PageReaderBug` (with the worker's
traceback), for the CLI or the app to log — never passed off as a damaged file.

Budgets come from `PdfLimits` (``[pdf]`` in the user's config.toml). Where no worker process can
be started (no ``fork``/``spawn`` possible, e.g. ``python -`` reading a script from stdin) pages
are read in-process, without the budgets.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.context
import os
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import TYPE_CHECKING, cast

from parsers.errors import Cancelled

if TYPE_CHECKING:  # imported by the config: stays light (PDFium loads in the workers)
    from parsers.pdf_page import PageRead

LIBRARIES = ("pypdfium2", "pdfminer", "pdfplumber")
log = logging.getLogger("parsers.pdf_worker")
log.addHandler(logging.NullHandler())
CANCEL_POLL_SECONDS = 0.1  # how often a cancel request is looked at while pages are read
DEFAULT_SIZE = (595.0, 842.0)  # a skipped page's size: A4, so layout code sees a plain blank page


@dataclass(frozen=True, slots=True)
class PdfLimits:
    page_seconds: float = 20.0  # one page's reading (layout and tables included)
    document_seconds: float = 600.0  # every page of one document
    memory_mb: int = 1024  # address space of each worker process


@dataclass(frozen=True, slots=True)
class Skipped:
    number: int  # 1-based page number
    zh: str
    en: str


class PageReaderBug(RuntimeError):
    """A bug in this project's page-reading code, raised in a worker (its traceback attached)."""


# --- the worker process -------------------------------------------------------------------------


def _limit_memory(megabytes: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no rlimits (the time budgets still apply)
        return
    limit = megabytes << 20
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def from_library(exc: BaseException) -> bool:
    """Was ``exc`` raised inside one of the PDF libraries (its innermost frame is theirs)?"""
    if type(exc).__module__.split(".")[0] in LIBRARIES:
        return True
    frames = traceback.extract_tb(exc.__traceback__)
    return bool(frames) and any(f"{os.sep}{name}{os.sep}" in frames[-1].filename for name in LIBRARIES)


def _serve(conn, path: str, password: str | None, memory_mb: int) -> None:
    """A worker: read each page index received; reply ("ok", PageRead), ("skip", reason) or
    ("bug", traceback text). ``None`` ends it."""
    _limit_memory(memory_mb)
    import pypdfium2 as pdfium

    from parsers.pdf_page import read_page

    opened: list = []

    def plumber():
        if not opened:
            import pdfplumber

            opened.append(pdfplumber.open(path, password=password or ""))
        return opened[0]

    pdf = pdfium.PdfDocument(path, password=password)
    try:
        while (index := conn.recv()) is not None:
            reply: tuple[str, object]
            try:
                reply = ("ok", read_page(pdf, index, plumber))
            except MemoryError:
                reply = ("skip", "memory")
            except Exception as exc:  # noqa: BLE001 — sorted: the libraries' vs ours
                reply = ("skip", type(exc).__name__) if from_library(exc) else ("bug", traceback.format_exc())
            conn.send(reply)
    except (EOFError, KeyboardInterrupt):
        pass
    finally:
        for handle in opened:
            handle.close()
        pdf.close()


# --- the parent's side ----------------------------------------------------------------------------


class NoWorkers(OSError):
    """No worker process could be started here (the caller reads in-process instead)."""


def _contexts() -> list:
    """Start methods to try, fastest first: a plain fork on Linux when this process runs no other
    thread (the CLI: safe, and PDFium is loaded already); a fork server (each worker a fork of a
    process that has PDFium loaded) where there is one — the app's reading thread; then spawn."""
    out: list[multiprocessing.context.BaseContext] = []
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        out.append(multiprocessing.get_context("fork"))
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["parsers.pdf_worker", "parsers.pdf_page"])
        out.append(ctx)
    out.append(multiprocessing.get_context("spawn"))
    return out


def _start_pool(path: str, password: str | None, limits: PdfLimits, size: int):
    for ctx in _contexts():
        pool: list[_Worker] = []
        try:
            for _ in range(size):
                pool.append(_Worker(ctx, path, password, limits))
            return ctx, pool
        except Exception as exc:  # noqa: BLE001 — e.g. the fork server's socket refused, no real stdio
            log.warning("cannot start a PDF worker with %s: %r", ctx.get_start_method(), exc)
            for w in pool:
                w.kill()
    raise NoWorkers("no worker process can be started")


def can_start_workers() -> bool:
    """A started worker re-imports the main module: only possible when it is a real file (not
    ``python -`` reading stdin)."""
    main = sys.modules.get("__main__")
    source = getattr(main, "__file__", None)
    return source is None or os.path.isfile(source)


class _Worker:
    def __init__(self, ctx, path: str, password: str | None, limits: PdfLimits) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, path, password, limits.memory_mb), daemon=True)
        self.process.start()
        child.close()
        self.page: int | None = None
        self.since = 0.0

    def give(self, index: int) -> None:
        self.conn.send(index)
        self.page, self.since = index, time.monotonic()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(1)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def _reason(code: str, limits: PdfLimits) -> tuple[str, str]:
    if code == "time":
        return (f"读取超过每页时间上限（{limits.page_seconds:g} 秒）", f"reading it took over the per-page limit ({limits.page_seconds:g} s)")
    if code == "document_time":
        return (f"全文读取超过时间上限（{limits.document_seconds:g} 秒）", f"the document's time limit ({limits.document_seconds:g} s) ran out")
    if code == "died":
        return (f"读取进程异常退出（内存超过上限 {limits.memory_mb} MB 或程序库崩溃）",
                f"the reading process ended (over the {limits.memory_mb} MB memory limit, or the PDF library crashed)")
    if code == "memory":
        return (f"内存超过上限 {limits.memory_mb} MB", f"over the {limits.memory_mb} MB memory limit")
    return (f"PDF 程序库无法读取该页（{code}）", f"the PDF library cannot read it ({code})")


def read_in_workers(
    path: str,
    password: str | None,
    indices: list[int],
    limits: PdfLimits,
    workers: int,
    on_read: Callable[[int, PageRead | None], None],
    cancelled: Callable[[], bool] | None = None,
) -> list[Skipped]:
    """Read the pages at ``indices`` (0-based), in that order of priority, with up to ``workers``
    processes; ``on_read(index, read)`` as each page is done (``read`` None: skipped); the pages
    skipped, with why. ``cancelled()`` returning True stops the read: the workers are killed at
    once and `parsers.errors.Cancelled` is raised."""
    ctx, pool = _start_pool(path, password, limits, max(1, min(workers, len(indices))))
    pending = deque(indices)
    skipped: list[Skipped] = []
    deadline = time.monotonic() + limits.document_seconds

    def skip(index: int, code: str) -> None:
        zh, en = _reason(code, limits)
        skipped.append(Skipped(index + 1, zh, en))
        on_read(index, None)

    try:
        while pending or any(w.page is not None for w in pool):
            if cancelled is not None and cancelled():
                raise Cancelled(path)
            _hand_out(pool, pending)
            busy = [w for w in pool if w.page is not None]
            now = time.monotonic()
            if now >= deadline:
                _out_of_time(busy, pending, skip)
                break
            timeout = min(deadline, min(w.since + limits.page_seconds for w in busy)) - now
            if cancelled is not None:
                timeout = min(timeout, CANCEL_POLL_SECONDS)
            wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=max(0.0, timeout))
            for i, w in enumerate(pool):
                if w.page is None:
                    continue
                outcome = _outcome(w, limits)
                if outcome is None:
                    continue
                index, w.page = w.page, None
                kind, value = outcome
                if kind == "ok":
                    on_read(index, cast("PageRead", value))
                    continue
                if kind == "bug":
                    raise PageReaderBug(f"page {index + 1} of {path}: a bug in the page reader\n{value}")
                skip(index, str(value))
                if kind == "replace":
                    w.kill()
                    if pending:
                        pool[i] = _Worker(ctx, path, password, limits)
    finally:
        for w in pool:
            w.stop() if w.page is None else w.kill()
    return sorted(skipped, key=lambda s: s.number)


def _hand_out(pool: list[_Worker], pending: deque[int]) -> None:
    """Give each idle worker the next page waiting, in order of priority."""
    for w in pool:
        if w.page is None and pending:
            w.give(pending.popleft())


def _out_of_time(busy: list[_Worker], pending: deque[int], skip: Callable[[int, str], None]) -> None:
    """The document's time is up: the pages being read and those still waiting are skipped."""
    for w in busy:
        if w.page is not None:
            skip(w.page, "document_time")
    for index in pending:
        skip(index, "document_time")
    pending.clear()


def _outcome(w: _Worker, limits: PdfLimits) -> tuple[str, object] | None:
    """What became of the worker's page: ("ok", read), ("skip", code), ("replace", code) when the
    worker must go (dead or over time), ("bug", traceback); None while it is still reading."""
    try:
        if w.conn.poll():
            kind, value = w.conn.recv()
            if kind == "ok" and time.monotonic() - w.since > limits.page_seconds:
                return "skip", "time"  # read, but only after its budget ran out (a result seen late is late)
            return kind, value
    except (EOFError, OSError):
        return "replace", "died"
    if not w.process.is_alive():
        return "replace", "died"
    if time.monotonic() - w.since > limits.page_seconds:
        return "replace", "time"
    return None


def blank_read(number: int) -> PageRead:
    """The stand-in for a skipped page: an empty A4 page (no glyphs, no tables)."""
    from parsers.pdf_page import PageRead

    return PageRead(number, *DEFAULT_SIZE)
