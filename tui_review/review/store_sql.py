"""The review file's SQL: transactions, rows of records, field-level upserts, reading a file's
schema version without writing, a consistent copy, and settling a file into one file on close."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from urllib.parse import quote

from tui_review.contracts.finding import ReviewStatus
from tui_review.review.records import OwnFinding, Review, StoreError, columns
from tui_review.review.snapshot import encode_snapshot

OURS = {"meta", "reviews"}  # tables every review file of any version has


class transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any error (the connection is in autocommit mode)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            try:
                self.conn.execute("COMMIT")
                return
            except sqlite3.Error:
                self._rollback()
                raise
        self._rollback()

    def _rollback(self) -> None:
        try:
            self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # no transaction left to roll back


def uri(path: Path, mode: str) -> str:
    """The ``file:`` URI that opens ``path`` with ``mode`` (``ro``, ``rw``): the path quoted, so a
    folder named with # ? or % opens that file, not another one made empty on the way."""
    return f"file:{quote(path.resolve().as_posix())}?mode={mode}"


def row_of(record: Review | OwnFinding) -> dict:
    if isinstance(record, Review):
        row = {c: getattr(record, c) for c in columns(Review) if c != "snapshot"} | encode_snapshot(record.snapshot)
    else:
        row = {c: getattr(record, c) for c in columns(OwnFinding)}
    return {k: int(v) if isinstance(v, bool) else (str(v) if isinstance(v, ReviewStatus) else v) for k, v in row.items()}


def upsert(conn: sqlite3.Connection, table: str, row: dict, saved: dict | None) -> None:
    """Insert ``row``, or — when the record exists — update only the columns that differ from
    ``saved`` (the row as this store last saw it; None: every column)."""
    key = "finding_id" if table == "reviews" else "own_id"
    changed = [c for c in row if c != key and (saved is None or saved.get(c) != row[c])]
    cols = list(row)
    update = ", ".join(f"{c} = excluded.{c}" for c in changed) or f"{key} = excluded.{key}"
    conn.execute(
        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
        f"ON CONFLICT({key}) DO UPDATE SET {update}",
        list(row.values()),
    )


def inspect_version(target: Path) -> int:
    """The schema version of the review file at ``target`` (0: none yet), read without writing;
    a file that is not a tui-review review raises `StoreError` and is left exactly as it is."""
    try:
        if not target.exists() or target.stat().st_size == 0:
            return 0
    except OSError:
        return 0
    foreign = StoreError(
        f"{target} 不是 tui-review 的审核文件，未作任何修改（请用 --review 指定其他位置）",
        f"{target} is not a tui-review review file; it was not modified (give another path with --review)",
    )
    try:
        conn = sqlite3.connect(uri(target, "ro"), uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not tables:
                return 0
            if not OURS <= tables:
                raise foreign
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        raise foreign from None
    try:
        return int(row[0]) if row else 1
    except ValueError:
        raise foreign from None


def copy_database(source: Path, dest: Path) -> None:
    """Copy a review file consistently (SQLite backup API), falling back to a plain copy."""
    try:
        src = sqlite3.connect(uri(source, "ro"), uri=True)
        try:
            dst = sqlite3.connect(str(dest))
            with dst:
                src.backup(dst)
            dst.close()
        finally:
            src.close()
    except sqlite3.Error:
        shutil.copy2(source, dest)


def settle(conn: sqlite3.Connection) -> bool:
    """Copy the write-ahead log into the review file and leave WAL mode (``journal_mode=DELETE``),
    so a closed review is one self-contained file and a later reader (``check``, the folder list)
    opens it without creating ``-wal``/``-shm`` files beside the document.

    SQLite checkpoints every committed change before it switches, and refuses (``database is
    locked``) while another connection has the file open: then nothing changes and False is
    returned; the last one to close settles it. Never waits for another process."""
    try:
        conn.execute("PRAGMA busy_timeout = 0")
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    except sqlite3.Error:
        return False
    return bool(mode) and str(mode[0]).lower() == "delete"
