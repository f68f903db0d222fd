"""The parsed-document cache: reopening an unchanged file skips parsing.

A `Document` is pickled under the per-user cache directory (``$XDG_CACHE_HOME/tui-review/``, else
``~/.cache/tui-review/``), keyed by the file's SHA-256. Each entry records the code fingerprint
that wrote it — the tool's version, the cache format, the Python version and a hash of the
parsers' own source — and is ignored unless that fingerprint is the running one, so a cache is
never trusted across versions. Every failure (unwritable directory, corrupt or foreign entry) is
ignored: the cache can only save time, never change a result or stop a parse.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import cache as memoise
from importlib import metadata
from pathlib import Path

from parsers.model import Document

FORMAT = 1
MAX_ENTRIES = 64  # the oldest entries beyond this are removed on each store


def _version() -> str:
    """The installed distribution's version (the parsers import nothing of the app's packages)."""
    try:
        return metadata.version("tui-review")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "0"


@memoise
def fingerprint() -> str:
    digest = hashlib.sha256(f"{_version()}|{FORMAT}|{sys.version_info[:2]}".encode())
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def directory() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "tui-review"


def _entry(sha256: str) -> Path:
    return directory() / f"{sha256}.pickle"


def load(sha256: str) -> Document | None:
    try:
        with _entry(sha256).open("rb") as fh:
            stamp, doc = pickle.load(fh)
    except Exception:  # missing, unreadable, truncated or from an older code: a miss
        return None
    if stamp != fingerprint() or not isinstance(doc, Document) or doc.sha256 != sha256:
        return None
    return doc


def store(doc: Document) -> None:
    try:
        folder = directory()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump((fingerprint(), doc), fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, _entry(doc.sha256))
        except BaseException:
            os.unlink(tmp)
            raise
        entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[MAX_ENTRIES:]:
            old.unlink()
    except Exception:  # a read-only or full disk: no cache, same result
        return
