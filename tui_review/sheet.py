"""Writing review sheets: CSV that Excel and WPS open correctly, and JSON.

- CSV is UTF-8 with a BOM by default (Excel/WPS detect it), or GB18030 for old installations.
- A cell a spreadsheet would execute — starting with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return — is neutralised with a leading ``'``, unless it is a plain number (``-8.31``
  stays a number).
- Files are written atomically (a temporary file in the same folder, then ``os.replace``), and an
  existing file is never overwritten unless ``force=True``: `OutputExistsError` says so in one
  bilingual line.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path

ENCODINGS = ("utf-8-sig", "gb18030")
_EXECUTABLE = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?|[+-]?\.\d+%?")


class OutputExistsError(FileExistsError):
    """The output file exists and ``force`` was not given."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = str(path)
        super().__init__(self.line())

    def line(self) -> str:
        return (f"文件已存在，未覆盖：{self.path}（使用 --force 覆盖） / "
                f"File exists, not overwritten: {self.path} (use --force to overwrite)")


def neutralise(value: object) -> str:
    """A cell's text, made inert for spreadsheets (see the module docstring)."""
    text = "" if value is None else str(value)
    if text.startswith(_EXECUTABLE) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_text(rows: Iterable[Mapping[str, object]], columns: Sequence[str]) -> str:
    """The sheet as CSV text: a header row (``columns``), then one row per mapping, every cell
    neutralised. The columns come from `tui_review.contracts.columns`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([neutralise(row.get(column, "")) for column in columns])
    return buffer.getvalue()


def json_text(data: object) -> str:
    """Pretty JSON, Chinese kept readable, Decimals written as exact strings."""
    return json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n"


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def write_bytes(path: str | os.PathLike, data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically; refuse to replace an existing file unless ``force``."""
    target = Path(path)
    if target.exists() and not force:
        raise OutputExistsError(target)
    folder = target.parent if str(target.parent) else Path(".")
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


def write_csv(
    path: str | os.PathLike,
    rows: Iterable[Mapping[str, object]],
    *,
    columns: Sequence[str],
    encoding: str = "utf-8-sig",
    force: bool = False,
) -> Path:
    if encoding not in ENCODINGS:
        raise ValueError(f"encoding must be one of {', '.join(ENCODINGS)}, not {encoding!r}")
    return write_bytes(path, csv_text(rows, columns).encode(encoding), force=force)


def write_json(path: str | os.PathLike, data: object, *, force: bool = False) -> Path:
    return write_bytes(path, json_text(data).encode("utf-8"), force=force)
