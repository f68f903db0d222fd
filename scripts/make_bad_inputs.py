"""Generate the hostile and broken inputs the hardening tests feed to ``tui-review check``.

    python scripts/make_bad_inputs.py OUT_DIR [--no-big]

Everything is written with the standard library only (no reportlab): the PDFs are assembled byte
by byte here, including an RC4-encrypted one (Standard security handler, revision 2, user
password ``secret``). Large files (50 MB text, a 1 MB line) are generated, never committed.

`make_bad_inputs(out_dir, big=True) -> dict[str, Case]` is the importable entry point; each
`Case` says how the CLI must treat the input: ``readable`` (exit 0 or 1, a report) or refused
(exit 2, one line naming the file, with ``code_words`` in its English half).
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import struct
import sys
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_docs"
PASSWORD = "secret"


@dataclass(slots=True)
class Case:
    path: Path
    readable: bool | None  # True: exit 0/1 and a report; False: exit 2 and one error line; None: either
    words: tuple[str, ...] = ()  # words the English half of the error line must contain
    args: list[str] = field(default_factory=list)  # extra CLI arguments (e.g. --password)
    note: str = ""


# --- a minimal PDF writer ---------------------------------------------------------------------

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) & 0xFF
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) & 0xFF
        j = (j + s[i]) & 0xFF
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) & 0xFF])
    return bytes(out)


def _padded(password: str) -> bytes:
    return (password.encode("latin-1") + _PAD)[:32]


class _Rc4Security:
    """Standard security handler, V1 R2 (40-bit RC4): what every PDF reader supports."""

    def __init__(self, user: str, owner: str, file_id: bytes) -> None:
        self.permissions = -4  # every permission bit set
        owner_key = hashlib.md5(_padded(owner)).digest()[:5]
        self.o = _rc4(owner_key, _padded(user))
        self.key = hashlib.md5(_padded(user) + self.o + struct.pack("<i", self.permissions) + file_id).digest()[:5]
        self.u = _rc4(self.key, _PAD)

    def encrypt(self, num: int, data: bytes) -> bytes:
        object_key = hashlib.md5(self.key + struct.pack("<i", num)[:3] + b"\x00\x00").digest()[:10]
        return _rc4(object_key, data)

    def dictionary(self) -> bytes:
        return b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (self.o.hex().encode(), self.u.hex().encode(), self.permissions)


def _pdf(objects: list[bytes | tuple[bytes, bytes]], security: _Rc4Security | None = None, file_id: bytes = b"\x00" * 16) -> bytes:
    """Objects numbered from 1 (object 1 is the catalog); a tuple is (dictionary, stream data).
    Only stream data is encrypted: the writer puts no strings in the objects it encrypts."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    all_objects = list(objects) + ([security.dictionary()] if security else [])
    for num, obj in enumerate(all_objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % num)
        if isinstance(obj, tuple):
            head, data = obj
            if security is not None:
                data = security.encrypt(num, data)
            out.write(head[:-2] + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
        else:
            out.write(obj)
        out.write(b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(all_objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    encrypt = b" /Encrypt %d 0 R" % len(all_objects) if security else b""
    out.write(b"trailer\n<< /Size %d /Root 1 0 R%s /ID [<%s> <%s>] >>\n" % (len(all_objects) + 1, encrypt, file_id.hex().encode(), file_id.hex().encode()))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def text_pdf(lines: list[str], security: _Rc4Security | None = None, file_id: bytes = b"\x00" * 16) -> bytes:
    """One A4 page of Chinese text in the standard (non-embedded) STSong-Light CID font."""
    return _pdf(_text_page(lines, b"[3 0 R]"), security, file_id)


def _text_page(lines: list[str], kids: bytes) -> list[bytes | tuple[bytes, bytes]]:
    """Objects 1–7: the catalog, the page tree (``kids``), page 3 with ``lines`` of Chinese text in
    the standard (non-embedded) STSong-Light CID font, its content and the font."""
    ops = [b"BT /F1 12 Tf 72 770 Td 16 TL"]
    for line in lines:
        ops.append(b"<%s> Tj T*" % line.encode("utf-16-be").hex().encode())
    ops.append(b"ET")
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids %s /Count %d >>" % (kids, kids.count(b" R")),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        (b"<< >>", b"\n".join(ops)),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880]"
        b" /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
    ]


def encrypted_pdf(lines: list[str], user: str = PASSWORD, owner: str = "owner-" + PASSWORD) -> bytes:
    file_id = hashlib.md5(b"tui-review bad input").digest()
    return text_pdf(lines, _Rc4Security(user, owner, file_id), file_id)


def image_only_pdf(pages: int = 2) -> bytes:
    """Pages that are each one full-page grey image (a scan), with no text operators at all."""
    width, height = 120, 170
    rows = b"".join(b"\x00" + bytes((x * 7 + y * 3) & 0xFF for x in range(width)) for y in range(height))
    objects: list[bytes | tuple[bytes, bytes]] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for _ in range(pages):
        page = len(objects) + 1
        kids.append(page)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 %d 0 R >> >> /Contents %d 0 R >>" % (page + 2, page + 1)
        )
        objects.append((b"<< >>", b"q 595 0 0 842 0 0 cm /Im1 Do Q"))
        objects.append(
            (
                b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8"
                b" /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors 1 /Columns %d >> >>" % (width, height, width),
                zlib.compress(rows),
            )
        )
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), pages)
    return _pdf(objects)


def many_pages_pdf(count: int = 2000) -> bytes:
    """A valid PDF of ``count`` empty pages (sharing one empty content stream)."""
    objects: list[bytes | tuple[bytes, bytes]] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", (b"<< >>", b"")]
    first = len(objects) + 1
    for _ in range(count):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>")
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % n for n in range(first, first + count)), count)
    return _pdf(objects)


def zero_pages_pdf() -> bytes:
    """A well-formed PDF whose page tree has no pages."""
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


_PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X1 4 0 R >> >> /Contents 3 0 R >>"


def self_drawing_form_pdf() -> bytes:
    """S2: a form XObject that draws itself (an infinite recursion for a naive renderer)."""
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        (b"<< >>", b"q /X1 Do Q"),
        (b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X1 4 0 R >> >> >>",
         b"q 0.9 0 0 0.9 1 1 cm /X1 Do Q 0 0 m 10 10 l S"),
        _PAGE,
    ])


def flate_bomb_pdf(megabytes: int = 1) -> bytes:
    """S2: a page whose ~1 MB Flate content stream inflates to about a thousand times its size."""
    inflated = b" " * (megabytes * 1000 << 20)
    packed = zlib.compress(inflated, 9)
    del inflated
    head = b"<< /Filter /FlateDecode >>"
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        (head, packed),
    ])


def form_fan_out_pdf(depth: int = 9, width: int = 10) -> bytes:
    """S2: form Xn draws form Xn+1 ``width`` times, ``depth`` levels deep: width**depth draws of a
    few bytes of content (10⁹ lines from a few KB)."""
    first = 4
    objects: list[bytes | tuple[bytes, bytes]] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X %d 0 R >> >> /Contents %d 0 R >>"
        % (first + 1, first),
        (b"<< >>", b"/X Do"),
    ]
    objects += _fan_out(first, depth, width, b"BT /F1 1 Tf 0 0 Td (0) Tj ET 0 0 m 1 1 l S")
    return _pdf(objects)


def _fan_out(first: int, depth: int, width: int, leaf: bytes) -> list[bytes | tuple[bytes, bytes]]:
    """The forms of a fan-out, numbered from ``first + 1``: each draws the next ``width`` times,
    ``depth`` levels deep, and the last draws ``leaf``."""
    forms: list[bytes | tuple[bytes, bytes]] = []
    for level in range(depth):
        num = first + 1 + level
        if level + 1 < depth:
            body = b" ".join(b"q 1 0 0 1 %d 0 cm /X Do Q" % i for i in range(width))
            resources = b"/Resources << /XObject << /X %d 0 R >> >>" % (num + 1)
        else:
            body, resources = leaf, b""
        forms.append((b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] %s >>" % resources, body))
    return forms


def text_then_bomb_pdf(lines: list[str]) -> bytes:
    """Page 1 Chinese text (as `text_pdf`), page 2 the form fan-out: the text page must still be
    read when the bomb page is skipped."""
    depth, width, first = 9, 10, 9
    objects = _text_page(lines, b"[3 0 R 8 0 R]") + [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X %d 0 R >> >> /Contents %d 0 R >>" % (first + 1, first),
        (b"<< >>", b"/X Do"),
    ]
    objects += _fan_out(first, depth, width, b"0 0 m 1 1 l S")
    return _pdf(objects)


# --- Office files renamed .pdf ------------------------------------------------------------------

_CT = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'


def _zip(members: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in members.items():
            zf.writestr(name, text)
    return buf.getvalue()


def docx() -> bytes:
    return _zip(
        {
            "[Content_Types].xml": _CT + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
            "_rels/.rels": _RELS + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
            "word/document.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            "<w:p><w:r><w:t>收入合计100.00万元。</w:t></w:r></w:p></w:body></w:document>",
        }
    )


def xlsx() -> bytes:
    return _zip(
        {
            "[Content_Types].xml": _CT + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
            "_rels/.rels": _RELS + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
            "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
            "xl/_rels/workbook.xml.rels": _RELS + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
            "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            '<row r="1"><c r="A1"><v>100</v></c></row></sheetData></worksheet>',
        }
    )


# --- the corpus ---------------------------------------------------------------------------------

BIG5_TEXT = "某某局2024年度部門決算\n\n一、收入支出決算總體情況說明\n\n2024年度收入總計100.00萬元，其中：財政撥款收入60.00萬元，其他收入40.00萬元。\n"
HTML_404 = "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1>\n<p>收入合计100.00万元</p></body></html>\n"
DIGITS_29 = "某局2024年度部门决算\n\n一、收入情况说明\n\n收入合计12345678901234567890123456789.12万元，其中：财政拨款收入60.00万元。\n"
INVISIBLE = "某局2024年度部门决算\n\n一、收入情况说明\n\n收入合计1\u200b234.56万元，其中：财政拨款收入1\u200b000.00万元，其他收入234.56万元。\n"
ENCRYPTED_LINES = ["一、收入支出决算总体情况说明", "2024年度收入合计100.00万元，支出合计100.00万元。"]


def seed_text() -> str:
    return (SAMPLES / "001_17aaca51ade6ba7f.txt").read_text(encoding="utf-8")


def make_bad_inputs(out_dir: str | os.PathLike, big: bool = True) -> dict[str, Case]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    cases: dict[str, Case] = {}

    def put(name: str, data: bytes, **kw) -> None:
        path = out / name
        path.write_bytes(data)
        cases[name.split(".")[0]] = Case(path, **kw)

    sample_pdf = (SAMPLES / "demo_final_2024.pdf").read_bytes()
    put("empty.txt", b"", readable=False, words=("empty",))
    put("empty_named.pdf", b"", readable=False, words=("empty",))
    put("truncated.pdf", sample_pdf[: len(sample_pdf) // 2], readable=False, words=("damaged",))
    put("truncated_header.pdf", sample_pdf[:600], readable=False, words=("damaged",))
    # the startxref offset points nowhere: PDFium rebuilds the cross-reference table and reads it
    put("xref_offset.pdf", sample_pdf.replace(b"startxref", b"startxref\n99999999\n%", 1), readable=True, note="repaired")
    # the xref table itself overwritten with junk (same length, so every object is where it was)
    at = sample_pdf.rfind(b"xref\n")
    end = sample_pdf.find(b"trailer", at)
    # (PDFium repairs it, pdfplumber's parser does not: the pages that need pdfplumber are skipped, named)
    put("xref_junk.pdf", sample_pdf[:at] + b"x" * (end - at) + sample_pdf[end:], readable=True, note="pages pdfplumber cannot read are skipped")
    # no xref, no trailer, no objects: just a header and binary noise
    put("xref_none.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40, readable=False, words=("damaged",))
    enc = encrypted_pdf(ENCRYPTED_LINES)
    put("encrypted.pdf", enc, readable=False, words=("encrypted", "--password"))
    put("encrypted_wrong.pdf", enc, readable=False, words=("wrong password",), args=["--password", "wrong"])
    put("encrypted_right.pdf", enc, readable=True, args=["--password", PASSWORD])
    put("image_only.pdf", image_only_pdf(), readable=False, words=("no text layer", "OCR"))
    put("docx_as.pdf", docx(), readable=False, words=("Office",))
    put("xlsx_as.pdf", xlsx(), readable=False, words=("Office",))
    put("ole_as.pdf", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096), readable=False, words=("Office",))
    put("random.txt", random.Random(6).randbytes(64 * 1024), readable=False, words=("encoding",))
    text = seed_text()
    put("utf16.txt", text.encode("utf-16"), readable=True)
    put("utf16be.txt", b"\xfe\xff" + text.encode("utf-16-be"), readable=True)
    put("gb18030.txt", text.encode("gb18030"), readable=True)
    put("pages_2000.pdf", many_pages_pdf(2000), readable=False, words=("2000 pages",))
    # --- issue 13: tracebacks and silent wrong results
    put("utf16_odd.txt", text.encode("utf-16") + b"\x00", readable=True, note="odd length: truncated last byte")
    put("big5.txt", BIG5_TEXT.encode("big5"), readable=False, words=("Big5",))
    put("html_as.pdf", HTML_404.encode("utf-8"), readable=False, words=("web page",))
    put("text_as.pdf", text.encode("utf-8"), readable=False, words=("not a PDF",))
    put("zero_pages.pdf", zero_pages_pdf(), readable=False, words=("no pages",))
    put("digits_29.txt", DIGITS_29.encode("utf-8"), readable=True)
    put("invisible.txt", INVISIBLE.encode("utf-8"), readable=True)
    # --- S2: PDFs that would take unbounded memory or time
    put("self_form.pdf", self_drawing_form_pdf(), readable=None)
    put("form_fan_out.pdf", form_fan_out_pdf(), readable=None)
    put("text_then_bomb.pdf", text_then_bomb_pdf(ENCRYPTED_LINES), readable=True, note="page 2 skipped, page 1 read")
    if big:
        put("flate_bomb.pdf", flate_bomb_pdf(), readable=None)
    loop = out / "symlink_loop.txt"
    for link, target in ((loop, "symlink_loop_b.txt"), (out / "symlink_loop_b.txt", "symlink_loop.txt")):
        if not link.is_symlink():
            link.symlink_to(target)
    cases["symlink_loop"] = Case(loop, readable=False, words=("loop",))
    fifo = out / "fifo.txt"
    if not fifo.exists():
        os.mkfifo(fifo)
    cases["fifo"] = Case(fifo, readable=False, words=("FIFO",))
    zero = out / "dev_zero.txt"
    if not zero.is_symlink():
        zero.symlink_to("/dev/zero")
    cases["dev_zero"] = Case(zero, readable=False, words=("device",))
    if big:
        line = ("2024年度收入合计1,234.56万元，比上年增加12.34万元，增长1.01%；" * 20000).encode("utf-8")
        put("long_line.txt", line[: 1 << 20].decode("utf-8", "ignore").encode("utf-8"), readable=False, words=("a line of",))
        chunk = text.encode("utf-8") + b"\n"
        count = (50 << 20) // len(chunk) + 1
        path = out / "big_50mb.txt"
        with path.open("wb") as fh:
            for _ in range(count):
                fh.write(chunk)
        cases["big_50mb"] = Case(path, readable=False, words=("too large",))
    folder = out / "a_directory.pdf"
    folder.mkdir(exist_ok=True)
    cases["directory"] = Case(folder, readable=False, words=("directory",))
    cases["missing"] = Case(out / "does_not_exist.pdf", readable=False, words=("no such file",))
    locked = out / "no_permission.txt"
    locked.write_text(text, encoding="utf-8")
    locked.chmod(0)
    cases["no_permission"] = Case(locked, readable=False, words=("permission denied",))
    return cases


def unreadable_by_us(path: Path) -> bool:
    """False when this process can read a mode-000 file anyway (root, CAP_DAC_OVERRIDE)."""
    try:
        with path.open("rb"):
            return False
    except PermissionError:
        return True


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    big = "--no-big" not in args
    args = [a for a in args if a != "--no-big"]
    if len(args) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    for name, case in make_bad_inputs(args[0], big=big).items():
        size = case.path.lstat().st_size if case.path.is_file() and not case.path.is_symlink() else "-"
        kind = {True: "readable", False: "refused", None: "either"}[case.readable]
        print(f"{name:18} {kind:9} {size!s:>10}  {case.path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
