"""Text and Markdown disclosures: bytes → decoded text → `assemble`.

Encodings seen in the wild: UTF-8 with or without BOM, GB18030/GBK (old Windows tools), UTF-16
with BOM. Line endings CRLF, LF or CR. A form feed separates pages where a converter kept them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from parsers.assemble import PageText, assemble
from parsers.errors import InputError
from parsers.model import Document

# Bounds that keep any input within seconds: parsing and checking run at about 5 s a MB, and one
# line's cost grows with its length. A department disclosure's text is a few hundred KB.
MAX_TEXT_BYTES = 8 * 1024 * 1024  # parse is linear (≈5 s a MB with checks); a disclosure is < 1 MB
MAX_LINE_CHARS = 50_000


def decode(data: bytes, path: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise InputError(path, "无法识别文本编码（不是 UTF-8、GB18030 或 UTF-16）", "unknown text encoding (not UTF-8, GB18030 or UTF-16)", "encoding") from None
    if "\x00" in text:
        raise InputError(path, "这不是文本文件（含有二进制内容）", "not a text file (binary content)", "binary")
    return text


def parse_text_file(path: Path, progress=None) -> Document:
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        limit = MAX_TEXT_BYTES // 1048576
        raise InputError(str(path), f"文件过大（{size / 1048576:.1f} MB，上限 {limit} MB）", f"file too large ({size / 1048576:.1f} MB, limit {limit} MB)", "too_large")
    data = path.read_bytes()
    text = decode(data, str(path))
    if _binary_ratio(text) > 0.05:
        raise InputError(str(path), "这不是文本文件（大量不可打印字符）", "not a text file (mostly unprintable characters)", "binary")
    longest = max(map(len, text.splitlines() or [""]))
    if longest > MAX_LINE_CHARS:
        raise InputError(str(path), f"有一行长达 {longest} 字（上限 {MAX_LINE_CHARS}），不像公开文件的文本", f"a line of {longest} characters (limit {MAX_LINE_CHARS}): not a disclosure's text", "long_line")
    return parse_text(text, path=str(path), sha256=hashlib.sha256(data).hexdigest(), progress=progress)


def parse_text(text: str, *, path: str = "<text>", sha256: str = "", progress=None) -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if progress:
        progress(0, 1, "parse")
    if "\f" in text:
        pages = [PageText(i + 1, t) for i, t in enumerate(text.split("\f"))]
    else:
        pages = [PageText(None, text)]
    doc = assemble(path=path, sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(), pages=pages)
    if progress:
        progress(1, 1, "parse")
    return doc


def _binary_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or c == "\ufffd")
    return bad / len(sample)
