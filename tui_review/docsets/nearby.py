"""Partners of a document opened alone: the documents of its set that sit in its own folder.

`glance_folder(doc_path)` looks at the disclosures beside a document, cheaply and within bounds
(at most `MAX_FILES` files of a folder's first `MAX_ENTRIES` entries; only PDF, text and
Markdown), and says what each one seems to be from its *first pages*: a text file's first
`TEXT_BYTES`, a PDF's first `PDF_PAGES` pages of text, read by PDFium in one short-lived process
under a memory cap and a time budget (`GLANCE_SECONDS` for the whole folder), so a hostile or
huge neighbour can cost neither the app nor the check. `might_pair` then keeps the files that
could be a partner (one department, years at most one apart); only those are read whole by the
caller, and grouped by the rules of `tui_review.docsets.grouping`, so what counts as a partner is
decided exactly as for a folder. `one_per_role` keeps one partner per role when a folder holds
one disclosure twice (``000.txt`` and ``000.pdf``): the one of the opened file's own type.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from parsers.model import DocKind
from tui_review.docsets.grouping import Link
from tui_review.docsets.identity import DocInfo, department_key, describe, file_name_department, same_department

MAX_ENTRIES = 2000  # directory entries looked at (a huge folder is not listed to its end)
MAX_FILES = 60  # disclosure files glanced at
MAX_PARTNERS = 6  # candidates read whole
TEXT_BYTES = 64 * 1024
PDF_PAGES = 3
GLANCE_SECONDS = 15.0
GLANCE_MEMORY_MB = 768
SUFFIXES = (".pdf", ".txt", ".md")


@dataclass(frozen=True, slots=True)
class Glance:
    """What a neighbour seems to be from its first pages (counts of figures are not meaningful)."""

    path: Path
    info: DocInfo


def neighbours(doc_path: str | os.PathLike) -> list[Path]:
    """The disclosure files beside ``doc_path`` (not itself, not README.md, not hidden), by name."""
    own = Path(doc_path)
    found: list[Path] = []
    try:
        with os.scandir(own.parent) as entries:
            for n, entry in enumerate(entries):
                if n >= MAX_ENTRIES:
                    break
                name = entry.name
                if name.startswith(".") or name.lower() == "readme.md" or PurePath(name).suffix.lower() not in SUFFIXES:
                    continue
                if name != own.name and entry.is_file():
                    found.append(Path(entry.path))
    except OSError:
        return []
    return sorted(found)[:MAX_FILES]


def glance_folder(doc_path: str | os.PathLike, password: str | None = None) -> list[Glance]:
    """Each neighbour of ``doc_path`` as its first pages describe it (unreadable ones left out)."""
    files = neighbours(doc_path)
    texts = {p: _text_head(p) for p in files if p.suffix.lower() != ".pdf"}
    texts.update(_pdf_heads([p for p in files if p.suffix.lower() == ".pdf"], password))
    return [Glance(p, _describe_head(p, text)) for p in files if (text := texts.get(p))]


def might_pair(own: DocInfo, other: DocInfo) -> bool:
    """Could ``other`` be in a link with ``own``: one department (by the documents' names or their
    file names), and years and kinds that some link joins (a kind not yet known allows any; a text
    and tables pair only when ``own``, read whole, holds one of the two). The exact decision is the
    grouping's, once both are read whole."""
    if own.year is None or other.year is None or abs(own.year - other.year) > 1:
        return False
    kinds = {own.kind, other.kind}
    if DocKind.UNKNOWN not in kinds:
        split = own.kind == other.kind and own.holds in ("prose", "tables")  # one disclosure in two files
        same_year_link = split or kinds == {DocKind.BUDGET, DocKind.FINAL}
        next_year_link = own.kind == other.kind and own.kind in (DocKind.BUDGET, DocKind.FINAL)
        if not (same_year_link if own.year == other.year else next_year_link):
            return False
    ours = {own.key, department_key(file_name_department(own.path))} - {""}
    theirs = {other.key, department_key(file_name_department(other.path))} - {""}
    return any(same_department(a, b) for a in ours for b in theirs)


def one_per_role(links: list[Link], own_path: str) -> list[Link]:
    """One link per role of the partner (kind, side, year, kind of document, contents): where two
    files are one disclosure twice, the one of the opened file's own type, else the first by name."""
    suffix = PurePath(own_path).suffix.lower()
    chosen: dict[tuple, Link] = {}
    for link in sorted(links, key=lambda lk: _partner(lk, own_path).name):
        partner = _partner(link, own_path)
        role = (link.kind, partner is link.first, partner.year, partner.kind, partner.holds)
        kept = chosen.get(role)
        if kept is None or (PurePath(_partner(kept, own_path).path).suffix.lower() != suffix
                            and PurePath(partner.path).suffix.lower() == suffix):
            chosen[role] = link
    return [link for link in links if link in chosen.values()]


def _partner(link: Link, own_path: str) -> DocInfo:
    return link.second if _same(link.first.path, own_path) else link.first


def _same(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return a == b


def _describe_head(path: Path, text: str) -> DocInfo:
    """Department, year and kind from the first pages' words, as the parser reads them from a
    whole document's (its title: the first lines before a heading-like ``:``), without parsing."""
    from parsers import metadata
    from parsers.model import Document

    lines = [line.strip() for line in text.replace("\r", "\n").replace("\f", "\n").split("\n") if line.strip()]
    title = "".join(line for line in lines[:2] if ":" not in line and "：" not in line)[:80]
    doc = Document(path=str(path), sha256="", text=text, title=title, kind=metadata.detect_kind(title, text),
                   year=metadata.detect_year(title, text), department=metadata.detect_department(title, text))
    return describe(doc)


def _text_head(path: Path) -> str:
    try:
        with path.open("rb") as fh:
            data = fh.read(TEXT_BYTES)
    except OSError:
        return ""
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            if exc.start >= len(data) - 4:  # a character cut by the byte limit
                return data[: exc.start].decode(encoding, errors="ignore")
    return ""


# ── a PDF's first pages, in a process of its own ───────────────────────────────────────────────


def _pdf_heads(paths: list[Path], password: str | None) -> dict[Path, str]:
    """The first pages' text of each PDF, read in one child process (nothing when none can start
    or when it runs out of time or memory: what it sent before stands)."""
    if not paths:
        return {}
    methods = multiprocessing.get_all_start_methods()
    ctx: Any = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    receive, send = ctx.Pipe(duplex=False)
    try:
        process = ctx.Process(target=_read_heads, args=(send, [str(p) for p in paths], password), daemon=True)
        process.start()
    except (OSError, RuntimeError, ValueError):
        return {}
    send.close()
    heads: dict[Path, str] = {}
    deadline = time.monotonic() + GLANCE_SECONDS
    try:
        while len(heads) < len(paths):
            left = deadline - time.monotonic()
            if left <= 0 or not receive.poll(left):
                break
            path, text = receive.recv()
            heads[Path(path)] = text
    except (EOFError, OSError):
        pass  # the child died (a crash or its memory cap): the rest stay unknown
    finally:
        process.kill()
        process.join(1)
        receive.close()
    return heads


def _read_heads(conn, paths: list[str], password: str | None) -> None:
    """Child process: each PDF's first pages' text, sent as soon as it is read."""
    try:
        import resource

        limit = GLANCE_MEMORY_MB << 20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass
    import pypdfium2 as pdfium

    for path in paths:
        text = ""
        try:
            pdf = pdfium.PdfDocument(path, password=password)
            try:
                parts = []
                for i in range(min(PDF_PAGES, len(pdf))):
                    textpage = pdf[i].get_textpage()
                    parts.append(textpage.get_text_range())
                text = "\f".join(parts)
            finally:
                pdf.close()
        except Exception:  # noqa: BLE001 — damaged, encrypted or odd: this neighbour stays unknown
            text = ""
        conn.send((path, text))
    conn.close()
