"""Text and Markdown disclosures: bytes → decoded text → `assemble`.

Encodings seen in the wild: UTF-8 with or without BOM, GB18030/GBK (old Windows tools), UTF-16
with BOM (a truncated odd
byte read as U+FFFD). Big5 (traditional Chinese, told from GB18030 by how many characters fall
outside GB2312) is refused with a message rather than read as GB18030 garbage. Line endings CRLF, LF or CR. A form feed separates pages where a converter kept them.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from parsers.assemble import PageText, assemble
from parsers.errors import InputError
from parsers.files import read_bounded
from parsers.markdown import looks_like_markdown, to_plain_text
from parsers.model import Document, ParseIssue, Severity
from parsers.normalise import INVISIBLE, INVISIBLE_IN_NUMBER, NUMBER_CHAR

# Bounds that keep any input within seconds: parsing and checking run at about 5 s a MB, and one
# line's cost grows with its length. A department disclosure's text is a few hundred KB.
MAX_TEXT_BYTES = 8 * 1024 * 1024  # parse is linear (≈5 s a MB with checks); a disclosure is < 1 MB
MAX_LINE_CHARS = 50_000
NUMBER_RUN = re.compile(f"[{NUMBER_CHAR}{INVISIBLE}]")
INVISIBLE_RUN = re.compile(f"[{INVISIBLE}]+")
BIG5_RARE_SHARE = 0.05  # GB text: under 1% of its characters outside GB2312; Big5 read as GB: ~40%


def decode(data: bytes, path: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # an odd length is a truncated file: its last half character becomes U+FFFD
        return data.decode("utf-16", errors="replace")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_chinese(data, path)
    if "\x00" in text:
        raise InputError(path, "这不是文本文件（含有二进制内容）", "not a text file (binary content)", "binary")
    return text


def _decode_chinese(data: bytes, path: str) -> str:
    """GB18030 (mainland tools), or refused as Big5 (Taiwan, Hong Kong: traditional characters,
    whose 萬元 and 決算 the figure reader does not know). Almost any bytes decode as GB18030, so
    Big5 read as GB18030 is garbage rather than an error: its characters fall outside the common
    GB2312 set far more often than a real GB text's do, which tells the two apart."""
    try:
        gb = data.decode("gb18030")
    except UnicodeDecodeError:
        gb = None
    if gb is not None and _rare_share(gb) <= BIG5_RARE_SHARE:
        return gb
    try:
        big5 = data.decode("big5hkscs")
    except UnicodeDecodeError:
        big5 = None
    if big5 is not None and (gb is None or _rare_share(big5) < _rare_share(gb)):
        raise InputError(path, "这是 Big5 编码的繁体中文文本，本工具只读简体中文：请先转换为简体（UTF-8）",
                         "this is Big5 (traditional Chinese) text; only simplified Chinese is read: convert it to simplified (UTF-8) first",
                         "big5")
    if gb is not None:
        return gb
    raise InputError(path, "无法识别文本编码（不是 UTF-8、GB18030 或 UTF-16）",
                     "unknown text encoding (not UTF-8, GB18030 or UTF-16)", "encoding")


def _rare_share(text: str) -> float:
    """The share of the CJK characters that GB2312 (the common simplified set) lacks."""
    han = [c for c in text[:20000] if "\u3400" <= c <= "\u9fff"]
    if not han:
        return 0.0
    rare = 0
    for c in han:
        try:
            c.encode("gb2312")
        except UnicodeEncodeError:
            rare += 1
    return rare / len(han)


def parse_text_file(path: Path, progress=None) -> Document:
    data = read_bounded(path, MAX_TEXT_BYTES)
    text = decode(data, str(path))
    if _binary_ratio(text) > 0.05:
        raise InputError(str(path), "这不是文本文件（大量不可打印字符）", "not a text file (mostly unprintable characters)", "binary")
    longest = max(map(len, text.splitlines() or [""]))
    if longest > MAX_LINE_CHARS:
        raise InputError(str(path), f"有一行长达 {longest} 字（上限 {MAX_LINE_CHARS}），不像公开文件的文本", f"a line of {longest} characters (limit {MAX_LINE_CHARS}): not a disclosure's text", "long_line")
    return parse_text(text, path=str(path), sha256=hashlib.sha256(data).hexdigest(), progress=progress)


def parse_text(text: str, *, path: str = "<text>", sha256: str = "", progress=None) -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if looks_like_markdown(path, text):
        text = to_plain_text(text)
    if progress:
        progress(0, 1, "parse")
    if "\f" in text:
        pages = [PageText(i + 1, t) for i, t in enumerate(text.split("\f"))]
    else:
        pages = [PageText(None, text)]
    doc = assemble(path=path, sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(), pages=pages)
    _report_invisible(doc, text)
    if progress:
        progress(1, 1, "parse")
    return doc


def _report_invisible(doc: Document, text: str) -> None:
    """One ``parse.invisible_character`` warning per number that held an invisible character
    (`parsers.normalise` dropped it, so the number was read whole), placed at that figure."""
    claimed: set[str] = set()
    for match in INVISIBLE_IN_NUMBER.finditer(text):
        start, end = match.start(), match.end()
        while start > 0 and NUMBER_RUN.fullmatch(text[start - 1]):
            start -= 1
        while end < len(text) and NUMBER_RUN.fullmatch(text[end]):
            end += 1
        whole = INVISIBLE_RUN.sub("", text[start:end])
        figure = next((f for f in doc.figures if f.id not in claimed and f.text == whole), None)
        if figure is None:
            continue
        claimed.add(figure.id)
        doc.issues.append(ParseIssue(
            "parse.invisible_character", Severity.WARNING,
            f"数字“{whole}”中夹有不可见字符（零宽空格或方向标记），已按整个数字读取",
            f"the number {whole} holds an invisible character (a zero-width space or direction mark); read whole",
            figure.text, figure.section_id, figure.page, figure.start, figure.end, figure.cell,
        ))


def _binary_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or c == "\ufffd")
    return bad / len(sample)
