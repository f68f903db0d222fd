"""Writing review sheets: CSV that Excel and WPS open correctly, and JSON.

- CSV is UTF-8 with a BOM by default (Excel/WPS detect it), or GB18030 for old installations.
- A cell a spreadsheet would execute — starting with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return — is neutralised with a leading ``'``, unless it is a plain number (``-8.31``
  stays a number).
- Files are written atomically (a temporary file in the same folder, then ``os.replace``), and an
  existing file is never overwritten unless ``force=True``: `OutputExistsError` says so in one
  bilingual line. Only regular files are replaced (never a device, FIFO or directory), with their
  permissions kept; a new file is ``0644`` under the usual umask. Every failure is an `OutputError`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path

from parsers.errors import BilingualError

ENCODINGS = ("utf-8-sig", "gb18030")
_EXECUTABLE = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?|[+-]?\.\d+%?")


class OutputError(BilingualError, OSError):
    """An output file that cannot be written (a device, a FIFO, a directory, a failed write); an
    OSError too, for callers that catch those."""

    prefix_zh = "无法写入"
    prefix_en = "Cannot write"

    def __init__(self, path: str | os.PathLike, zh: str, en: str, cause: BaseException | None = None) -> None:
        self.path = str(path)
        super().__init__(zh, en, subject=self.path, cause=cause)


class OutputExistsError(OutputError, FileExistsError):
    """The output file exists and ``force`` was not given."""

    def __init__(self, path: str | os.PathLike) -> None:
        super().__init__(path, "文件已存在，未覆盖（使用 --force 覆盖）", "the file exists, not overwritten (use --force to overwrite)")


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
    """Write ``data`` to ``path`` atomically; refuse to replace an existing file unless ``force``.

    Only a regular file is ever replaced (a device, a FIFO or a directory is refused, whatever
    ``force`` says), and it keeps its permission bits; a new file gets the usual ``0666`` less the
    umask (``0644`` by default), not the temporary file's ``0600``. Any failure is an `OutputError`.
    """
    target = Path(path)
    mode = _replaced_mode(target, force)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=".tui-review-", suffix=".tmp")
    except OSError as exc:
        raise _output_error(target, exc) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _output_error(target, exc) from None
        raise
    return target


def _replaced_mode(target: Path, force: bool) -> int:
    """The permission bits the written file gets; raises when ``target`` must not be replaced."""
    try:
        info = target.stat()
    except FileNotFoundError:
        return 0o666 & ~_umask()
    except OSError as exc:
        raise _output_error(target, exc) from None
    if not stat.S_ISREG(info.st_mode):
        kind_zh, kind_en = ("目录", "a directory") if stat.S_ISDIR(info.st_mode) else ("设备或管道等特殊文件", "a device, FIFO or other special file")
        raise OutputError(target, f"这是{kind_zh}，不是普通文件，不会替换", f"it is {kind_en}, not a regular file; it is never replaced")
    if not force:
        raise OutputExistsError(target)
    return stat.S_IMODE(info.st_mode)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _output_error(target: Path, exc: OSError) -> OutputError:
    reason = exc.strerror or type(exc).__name__
    return OutputError(target, f"写入失败（{reason}）", f"write failed ({reason})", cause=exc)


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
