"""Parsers: local disclosure files (PDF, text, Markdown) → `parsers.model.Document`.

`load_document` is the one entry point: it checks the path, sniffs the content (a file's bytes,
not its name, decide how it is read) and dispatches to the reader for that format. Every failure
is an `InputError` with a one-line bilingual message.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from parsers.errors import InputError
from parsers.model import Document

# progress(done, total, stage): called by readers as pages or steps complete
Progress = Callable[[int, int, str], None]
# on_partial(document_so_far): called by readers of long files (PDF) as batches of pages are
# parsed, so a caller (the TUI) can show the first sections before the whole file is read
Partial = Callable[[Document], None]


def _sniff(head: bytes) -> str:
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    return "text"


def load_document(
    path: str | os.PathLike,
    password: str | None = None,
    progress: Progress | None = None,
    on_partial: Partial | None = None,
) -> Document:
    p = Path(path)
    if not p.exists():
        raise InputError(str(p), "文件不存在", "no such file", "missing")
    if p.is_dir():
        raise InputError(str(p), "这是一个目录，不是文件", "it is a directory, not a file", "directory")
    try:
        with p.open("rb") as fh:
            head = fh.read(2048)
    except PermissionError:
        raise InputError(str(p), "没有读取权限", "permission denied", "permission") from None
    except OSError as exc:
        raise InputError(str(p), f"读取失败（{exc.strerror or exc}）", f"read failed ({exc.strerror or exc})") from None
    if not head:
        raise InputError(str(p), "文件为空（0 字节）", "the file is empty (0 bytes)", "empty")
    kind = _sniff(head)
    if kind == "pdf":
        from parsers.pdf import parse_pdf

        return parse_pdf(p, password=password, progress=progress, on_partial=on_partial)
    if kind == "zip":
        raise InputError(
            str(p),
            "这是 Office 文档（docx/xlsx 等），请先另存为 PDF 或文本",
            "this is an Office document (docx/xlsx …); save it as PDF or text first",
            "office",
        )
    if kind == "ole":
        raise InputError(
            str(p),
            "这是旧版 Office 文档（doc/xls），请先另存为 PDF 或文本",
            "this is a legacy Office document (doc/xls); save it as PDF or text first",
            "office",
        )
    from parsers.text import parse_text_file

    return parse_text_file(p, progress=progress)


__all__ = ["Document", "InputError", "load_document"]
