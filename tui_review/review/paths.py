"""Where review files live: beside the document, or a per-user data directory as a fallback.

``review_path_for(doc)`` is the default (``<file name>.review.sqlite`` beside the document);
``fallback_review_path(doc)`` is used when the document's directory cannot be written.
``TUI_REVIEW_DATA_DIR`` overrides the per-user data directory (tests, portable installs).
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

APP_NAME = "tui-review"
REVIEW_SUFFIX = ".review.sqlite"
NAME_MAX = 255  # bytes in one file name on Linux, macOS and Windows file systems
SIDE_FILE_ROOM = len("-journal")  # a review file's lock and SQLite files are named after it: -lock, -wal, -shm, -journal


def user_data_dir() -> Path:
    """The per-user data directory (XDG on Linux, Application Support on macOS, LOCALAPPDATA on Windows)."""
    override = os.environ.get("TUI_REVIEW_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / APP_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_NAME


def fitted_name(name: str, suffix: str, key: str | None = None, spare: int = 0) -> str:
    """``name + suffix`` when it fits in a file name (255 bytes, less ``spare``); else ``name`` cut
    short (on a character boundary) with a digest of the whole name (or of ``key``) so two long
    names never share a file."""
    limit = NAME_MAX - spare
    if len((name + suffix).encode("utf-8")) <= limit:
        return name + suffix
    digest = "-" + hashlib.sha256((key or name).encode("utf-8", "surrogateescape")).hexdigest()[:12]
    room = limit - len((digest + suffix).encode("utf-8"))
    cut = name.encode("utf-8", "surrogateescape")[:room].decode("utf-8", "ignore")
    return cut + digest + suffix


def review_path_for(document: str | os.PathLike) -> Path:
    """``report.pdf`` → ``report.pdf.review.sqlite`` in the same directory (a shortened name
    with a digest when the document's name is too long to take the suffix and, after it, the
    ``-lock``/``-wal`` names of the files that sit beside an open review)."""
    doc = Path(document)
    return doc.with_name(fitted_name(doc.name, REVIEW_SUFFIX, spare=SIDE_FILE_ROOM))


def fallback_review_path(document: str | os.PathLike) -> Path:
    """A per-user review file for a document whose directory is not writable.

    The name keeps the document's name readable and adds a digest of its absolute path, so two
    documents with the same name in different folders never share a review.
    """
    doc = Path(document).resolve()
    digest = hashlib.sha256(str(doc).encode("utf-8")).hexdigest()[:12]
    return user_data_dir() / "reviews" / fitted_name(doc.name, f"-{digest}{REVIEW_SUFFIX}", key=str(doc), spare=SIDE_FILE_ROOM)


def directory_writable(directory: Path) -> bool:
    """True when a file can really be created in ``directory`` (a probe, not ``os.access``)."""
    probe = directory / f".tui-review-probe-{os.getpid()}"
    try:
        with open(probe, "xb"):
            pass
    except OSError:
        return False
    try:
        probe.unlink()
    except OSError:
        pass
    return True
