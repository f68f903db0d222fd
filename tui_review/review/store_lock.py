"""One writer per review file: the advisory lock file beside it and the ``owner`` row inside it
(host and process), which a writer through another path or from another computer (SMB, where
``flock`` is local) sees; and settling, under the lock, a review file no writer holds."""

from __future__ import annotations

import os
import socket
import sqlite3
import sys
import time
from pathlib import Path
from typing import BinaryIO

from tui_review.review.records import StoreError
from tui_review.review.store_sql import inspect_version, settle, uri

OWNER_STALE_SECONDS = 600  # another computer's owner row older than this (no write since) is stale


class Lock:
    """An advisory, process-wide exclusive lock on ``<review file>-lock`` (released by the OS on exit).

    The lock file is removed when the lock is released, so nothing is left beside the document.
    A process that opened the file just before it was removed then holds a lock on a file no
    longer at the path: `acquire` checks that the file it locked is still the one at the path
    and tries again if not, so two writers never both hold "the" lock."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: BinaryIO | None = None

    def acquire(self, wait: float) -> bool:
        deadline = time.monotonic() + wait
        while True:
            try:
                fh = open(self.path, "a+b")
            except OSError:
                return False
            if try_lock_file(fh):
                if still_at(fh, self.path):
                    self._fh = fh
                    return True
                fh.close()  # removed by the writer that let go of it: lock the new one
                continue
            fh.close()
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.1)

    def release(self) -> None:
        if self._fh is not None:
            try:
                self.path.unlink()  # while still held: whoever locks next creates a new file
            except OSError:
                pass
            self._fh.close()  # closing the descriptor releases the lock
            self._fh = None


def still_at(fh: BinaryIO, path: Path) -> bool:
    """Whether the open file ``fh`` is still the file at ``path``."""
    try:
        here, held = os.stat(path), os.fstat(fh.fileno())
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (held.st_dev, held.st_ino)


def try_lock_file(fh: BinaryIO) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def me() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def live_owner(conn: sqlite3.Connection) -> str | None:
    """The other process recorded as this file's writer, if it is still there: same computer and
    alive, or another computer that wrote within `OWNER_STALE_SECONDS`."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'owner'").fetchone()
    except sqlite3.Error:
        return None
    if not row:
        return None
    who, _, seen = row[0].rpartition(" ")
    host, _, pid = who.rpartition(":")
    if who == me() or not pid.isdigit():
        return None
    if host == socket.gethostname():
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return None
        except OSError:
            pass  # exists, owned by someone else
        return who
    try:
        fresh = time.time() - float(seen) < OWNER_STALE_SECONDS
    except ValueError:
        fresh = False
    return who if fresh else None


def heartbeat(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE meta SET value = ? WHERE key = 'owner' AND value LIKE ?", (f"{me()} {time.time():.0f}", f"{me()} %"))


def settle_unheld(target: Path, newest_version: int) -> None:
    """After a reader closed: a review file that still has its write-ahead log beside it (written
    by a version that did not settle on close, or whose writer closed while this reader had it
    open) is settled (`store_sql.settle`) when no writer holds it, so reading a review never leaves
    ``-wal``/``-shm`` files beside the document. A file of a newer format than ``newest_version``,
    or not a review, is left exactly as it is."""
    if not any(os.path.exists(f"{target}{suffix}") for suffix in ("-wal", "-shm")):
        return
    try:
        if not 0 < inspect_version(target) <= newest_version:
            return
    except StoreError:
        return
    real = target.resolve()
    lock = Lock(real.with_name(real.name + "-lock"))
    if not lock.acquire(0):
        return  # a writer has it: it settles the file when it closes
    try:
        # mode=rw: a review removed meanwhile is never created again, empty
        conn = sqlite3.connect(uri(real, "rw"), uri=True, isolation_level=None)
        try:
            if live_owner(conn) is None:
                settle(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        pass  # left as it was; the next writer settles it
    finally:
        lock.release()
