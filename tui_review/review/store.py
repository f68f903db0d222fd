"""The review store: a reviewer's statuses, notes and own findings, in SQLite, never lost.

One store per document, ``<file name>.review.sqlite`` beside it (or a path given with ``--review``).
Every change is written at once in its own transaction (WAL, ``synchronous=FULL``), so a killed
process loses nothing that was on screen. Closing copies the log into the file and leaves WAL mode,
so a closed review is one file, and reading it (``check``, the folder list) leaves nothing beside it. The store owns the safety rules of issue 6 §4:

- a read-only directory → the review lives in the per-user data directory, and ``notices`` says where;
- a second process on the same review file → it opens read-only (an advisory lock file decides),
  so two instances never write over each other;
- a failed write (disk full, I/O error, a file another process holds) → the transaction rolls back
  (after at most `BUSY_MS`, no long freeze), the change stays in memory as *pending*
  (`pending_count`, for a banner), is written with the next change, `retry()` or on close, and
  `write_recovery()` puts it in a JSON file beside the sheet for a quit that cannot wait;
- one writer per file: the lock file is keyed by the review file's real path (a symbolic link
  leads to the same lock), and an ``owner`` row in the file names the writer (host and process),
  so a second writer through another path or from another computer (SMB: ``flock`` is local)
  opens read-only; updates write only the fields that changed;
- a file at the review path that is not a tui-review review is refused and never modified; a
  review file of a newer format opens read-only, an older one is migrated;
- the note editor's drafts (`save_draft` / `load_draft` / `clear_draft`) are kept in the file.

``sync`` ties a review made on one version of a document to the findings of another: notes are
re-attached by finding id, then by the stated figure's text; what cannot be re-attached is kept
(``attached = False``), listed and exported, never dropped.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from tui_review.contracts.finding import Finding, ReviewStatus
from tui_review.review import store_sync
from tui_review.review.paths import directory_writable, fallback_review_path, review_path_for
from tui_review.review.records import Notice as Notice
from tui_review.review.records import OwnFinding as OwnFinding
from tui_review.review.records import Review as Review
from tui_review.review.records import StoreError as StoreError
from tui_review.review.records import SyncReport as SyncReport
from tui_review.review.records import columns as _columns
from tui_review.review.records import now as _now
from tui_review.review.snapshot import SNAPSHOT_COLUMNS, decode_snapshot, migrate_reviews, snapshot_of
from tui_review.review.store_kept import KeptMixin
from tui_review.review.store_lock import Lock as _Lock
from tui_review.review.store_lock import heartbeat as _heartbeat
from tui_review.review.store_lock import live_owner as _live_owner
from tui_review.review.store_lock import me as _me
from tui_review.review.store_lock import settle_unheld as _settle_unheld
from tui_review.review.store_lock import still_at as _still_at  # noqa: F401 (tests reach it here)
from tui_review.review.store_sql import copy_database as _copy_database
from tui_review.review.store_sql import inspect_version as _inspect
from tui_review.review.store_sql import row_of as _row_of
from tui_review.review.store_sql import settle as _settle
from tui_review.review.store_sql import transaction as _transaction
from tui_review.review.store_sql import upsert as _upsert
from tui_review.review.store_sql import uri as _uri

if TYPE_CHECKING:
    from parsers.model import Document

SCHEMA_VERSION = 2  # 2: the finding's place as a typed record (was page + an encoded location)
STATUSES = tuple(str(s) for s in ReviewStatus)  # 待核, 确认问题, 误报, 需补充说明
OWN_RULE = "reviewer"
OWN_KINDS = ("figure", "section", "table")

_REVIEW_COLUMNS = """
    finding_id TEXT PRIMARY KEY,
    status TEXT NOT NULL DEFAULT 'open',
    note TEXT NOT NULL DEFAULT '',
    attached INTEGER NOT NULL DEFAULT 1,
    previous_id TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT ''"""

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reviews ({_REVIEW_COLUMNS},
    {", ".join(f"{name} TEXT" for name in SNAPSHOT_COLUMNS)}
);
CREATE TABLE IF NOT EXISTS own_findings (
    own_id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    target_id TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    section TEXT NOT NULL DEFAULT '',
    section_id TEXT NOT NULL DEFAULT '',
    page INTEGER,
    location TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'confirmed',
    attached INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS drafts (key TEXT PRIMARY KEY, text TEXT NOT NULL, updated_at TEXT NOT NULL DEFAULT '');
"""
BUSY_MS = 500  # waiting for another process's write: short, the change stays pending and is retried


def _writable_target(document: str | os.PathLike, target: Path, given: bool, notices: list[Notice]) -> Path:
    """``target``, or the per-user fallback when its folder (or the file) cannot be written; a
    review already at ``target`` is copied there, and ``notices`` says where it is kept."""
    if given:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # an unwritable folder is handled just below, like any other
    if directory_writable(target.parent) and not (target.exists() and not os.access(target, os.W_OK)):
        return target
    fallback = fallback_review_path(document)
    fallback.parent.mkdir(parents=True, exist_ok=True)
    if target.exists() and not fallback.exists():
        _copy_database(target, fallback)
    notices.append(Notice(
        "fallback",
        f"文档所在目录不可写，审核记录保存在：{fallback}",
        f"The document's folder is not writable; the review is kept in: {fallback}",
    ))
    return fallback


def _connect_for_writing(target: Path) -> sqlite3.Connection:
    """The review file opened for writing (WAL, full sync), its schema created or migrated."""
    try:
        conn = sqlite3.connect(str(target), isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.executescript(_SCHEMA)
        with _transaction(conn):
            migrate_reviews(conn)
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    except sqlite3.Error as exc:
        raise StoreError(f"无法打开审核文件 {target}：{exc}", f"Cannot open the review file {target}: {exc}") from None
    return conn


class ReviewStore(KeptMixin):
    """Statuses, notes and own findings of one document's review (see the module docstring)."""

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: bool, lock: _Lock | None) -> None:
        self.path = path
        self.read_only = read_only
        self.notices: list[Notice] = []
        self._conn = conn
        self._lock = lock
        self._reviews: dict[str, Review] = {}
        self._own: dict[int, OwnFinding] = {}
        self._pending: set[tuple[str, str | int]] = set()
        self._saved: dict[tuple[str, str | int], dict] = {}  # each record's row as last read or written
        self._drafts: dict[str, str] = {}  # drafts of a read-only store (kept in memory only)
        self._load()

    # ── opening ──────────────────────────────────────────────────────────────────────────────────

    @classmethod
    def open(
        cls,
        document: str | os.PathLike,
        review_path: str | os.PathLike | None = None,
        *,
        wait: float = 0.0,
        read_only: bool = False,
    ) -> ReviewStore:
        """Open (or create) the review of ``document``.

        ``wait`` is how long to wait for another process's lock before opening read-only;
        ``read_only=True`` opens for reading only (headless export), without taking the lock.
        """
        target = Path(review_path) if review_path is not None else review_path_for(document)
        notices: list[Notice] = []
        if read_only:
            if review_path is None and not target.exists() and fallback_review_path(document).exists():
                target = fallback_review_path(document)  # where the app saved it (a read-only folder)
            return cls._open_read_only(target, notices, missing_ok=True)
        target = _writable_target(document, target, review_path is not None, notices)
        version = _inspect(target)  # a foreign file raises, untouched
        if version > SCHEMA_VERSION:
            notices.append(Notice(
                "newer",
                f"审核文件由更新版本的 tui-review 写入（格式 {version}，本版本 {SCHEMA_VERSION}），只读打开，不作修改：{target}",
                f"The review file was written by a newer tui-review (format {version}, this one reads {SCHEMA_VERSION}); "
                f"opened read-only, not modified: {target}",
            ))
            return cls._open_read_only(target, notices, missing_ok=True)
        real = target.resolve()  # one lock per file, whatever path (a symbolic link) leads to it
        lock = _Lock(real.with_name(real.name + "-lock"))
        if not lock.acquire(wait):
            notices.append(Notice("read_only", f"另一个窗口正在审核此文档，本窗口只读打开（{target}）",
                                  f"Another window is reviewing this document; this one is read-only ({target})"))
            return cls._open_read_only(target, notices, missing_ok=True)
        try:
            conn = _connect_for_writing(target)
        except StoreError:
            lock.release()
            raise
        holder = _live_owner(conn)
        if holder is not None:  # a writer through another path or another computer (SMB: flock is local)
            conn.close()
            lock.release()
            notices.append(Notice(
                "read_only",
                f"另一个窗口（{holder}）正在审核此文档，本窗口只读打开（{target}）",
                f"Another window ({holder}) is reviewing this document; this one is read-only ({target})",
            ))
            return cls._open_read_only(target, notices, missing_ok=True)
        store = cls(target, conn, read_only=False, lock=lock)
        store.notices = notices
        try:
            store._claim()
        except sqlite3.Error:
            pass  # the owner row is a second line of defence; the lock file holds
        return store

    @classmethod
    def _open_read_only(cls, target: Path, notices: list[Notice], missing_ok: bool) -> ReviewStore:
        if not target.exists():
            if not missing_ok:
                raise StoreError(f"审核文件不存在：{target}", f"No review file: {target}")
            conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            conn.executescript(_SCHEMA)
        else:
            try:
                conn = sqlite3.connect(
                    _uri(target, "ro"), uri=True, isolation_level=None, check_same_thread=False
                )
                conn.execute("PRAGMA busy_timeout = 5000")
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.Error as exc:
                raise StoreError(
                    f"无法读取审核文件 {target}：{exc}", f"Cannot read the review file {target}: {exc}"
                ) from None
        store = cls(target, conn, read_only=True, lock=None)
        store.notices = notices
        return store

    def close(self) -> None:
        """Write anything still pending, then release the file and its lock, leaving nothing but
        the review file beside the document (no ``-wal``, ``-shm`` or ``-lock``)."""
        try:
            if self._pending and not self.read_only:
                try:
                    self._flush()
                except StoreError:
                    pass  # the caller was told when the write first failed
        finally:
            if not self.read_only:
                try:
                    self._conn.execute("DELETE FROM meta WHERE key = 'owner' AND value LIKE ?", (f"{_me()} %",))
                except sqlite3.Error:
                    pass
                _settle(self._conn)
            self._conn.close()
            if self._lock is not None:
                self._lock.release()
            elif self.read_only:
                _settle_unheld(self.path, SCHEMA_VERSION)

    # ── reading ──────────────────────────────────────────────────────────────────────────────────

    def _load(self) -> None:
        tables = {r[0] for r in self._conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "reviews" in tables:
            cursor = self._conn.execute("SELECT * FROM reviews")
            names = [d[0] for d in cursor.description]
            for values in cursor:
                row = dict(zip(names, values))
                review = Review(
                    finding_id=row["finding_id"],
                    snapshot=decode_snapshot(row["finding_id"], row),
                    status=ReviewStatus(row["status"]),
                    note=row["note"],
                    attached=bool(row["attached"]),
                    previous_id=row["previous_id"],
                    updated_at=row["updated_at"],
                )
                self._reviews[review.finding_id] = review
                self._saved[("review", review.finding_id)] = _row_of(review)
        if "own_findings" in tables:
            cols = _columns(OwnFinding)
            for row in self._conn.execute(f"SELECT {', '.join(cols)} FROM own_findings ORDER BY own_id"):
                own = OwnFinding(**dict(zip(cols, row)))
                own.attached = bool(own.attached)
                self._own[own.own_id] = own
                self._saved[("own", own.own_id)] = _row_of(own)

    def meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone() if self._has_meta() else None
        return row[0] if row else None

    def _has_meta(self) -> bool:
        return self._conn.execute("SELECT 1 FROM sqlite_master WHERE name='meta'").fetchone() is not None

    def review(self, finding_id: str) -> Review | None:
        return self._reviews.get(finding_id)

    def status_of(self, finding_id: str) -> ReviewStatus:
        review = self._reviews.get(finding_id)
        return review.status if review else ReviewStatus.OPEN

    def note_of(self, finding_id: str) -> str:
        review = self._reviews.get(finding_id)
        return review.note if review else ""

    def reviews(self) -> list[Review]:
        return list(self._reviews.values())

    def orphans(self) -> list[Review]:
        return [r for r in self._reviews.values() if not r.attached]

    def own_findings(self) -> list[OwnFinding]:
        return list(self._own.values())

    def own(self, own_id: int) -> OwnFinding | None:
        return self._own.get(own_id)

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    @property
    def pending_count(self) -> int:
        """Changes not yet written (a banner shows "N 条修改尚未保存" while this is not 0)."""
        return len(self._pending)

    def retry(self) -> bool:
        """Try again to write what is pending; True when nothing is left pending."""
        try:
            self._flush()
        except StoreError:
            return False
        return True

    def _record(self, key: str | int) -> Review | OwnFinding | None:
        """A pending key's record: finding ids are str, own finding ids int."""
        return self._reviews.get(key) if isinstance(key, str) else self._own.get(key)

    def pending_records(self) -> list[dict]:
        """The pending changes as plain rows (finding or own finding, status, note …)."""
        out = []
        for kind, key in sorted(self._pending, key=str):
            record = self._record(key)
            if record is not None:
                out.append({"kind": kind, **_row_of(record)})
        return out

    # ── changing (each change is one transaction) ────────────────────────────────────────────────

    def set_status(self, finding: Finding, status: str) -> Review:
        if status not in STATUSES:
            raise ValueError(f"unknown review status {status!r}")
        review = self._review_for(finding)
        review.status = ReviewStatus(status)
        return self._save_review(review)

    def set_note(self, finding: Finding, note: str) -> Review:
        review = self._review_for(finding)
        review.note = note
        return self._save_review(review)

    def add_own(
        self,
        kind: str,
        target_id: str,
        *,
        text: str = "",
        section: str = "",
        section_id: str = "",
        page: int | None = None,
        location: str = "",
        note: str = "",
        status: str = "confirmed",
    ) -> OwnFinding:
        if kind not in OWN_KINDS:
            raise ValueError(f"unknown own-finding kind {kind!r}")
        if status not in STATUSES:
            raise ValueError(f"unknown review status {status!r}")
        self._check_writable()
        now = _now()
        own = OwnFinding(
            own_id=max(self._own, default=0) + 1,
            kind=kind,
            target_id=target_id,
            text=text,
            section=section,
            section_id=section_id,
            page=page,
            location=location,
            note=note,
            status=status,
            created_at=now,
            updated_at=now,
        )
        self._own[own.own_id] = own
        self._pending.add(("own", own.own_id))
        self._flush()
        return own

    def update_own(self, own_id: int, *, note: str | None = None, status: str | None = None) -> OwnFinding:
        return self._edit(self._own, "own", own_id, note, status)

    def delete_own(self, own_id: int) -> None:
        """Delete one of the reviewer's own findings (one transaction)."""
        self._check_writable()
        try:
            with _transaction(self._conn):
                self._conn.execute("DELETE FROM own_findings WHERE own_id = ?", (own_id,))
        except sqlite3.Error as exc:
            raise StoreError(f"删除失败（{exc}）", f"Could not delete ({exc})") from None
        self._own.pop(own_id, None)
        self._pending.discard(("own", own_id))

    def edit_review(self, finding_id: str, *, note: str | None = None, status: str | None = None) -> Review:
        """Change a review kept without a current finding (a note from an earlier version)."""
        return self._edit(self._reviews, "review", finding_id, note, status)

    def _edit(self, records: dict, kind: str, key, note: str | None, status: str | None):
        """Change a record's note and/or status and save it (one transaction)."""
        if status is not None and status not in STATUSES:
            raise ValueError(f"unknown review status {status!r}")
        self._check_writable()
        record = records[key]
        if note is not None:
            record.note = note
        if status is not None:
            record.status = ReviewStatus(status)
        record.updated_at = _now()
        self._pending.add((kind, key))
        self._flush()
        return record

    def _review_for(self, finding: Finding) -> Review:
        self._check_writable()
        existing = self._reviews.get(finding.finding_id)
        fresh = Review(finding_id=finding.finding_id, snapshot=snapshot_of(finding))
        if existing is None:
            return fresh
        return replace(fresh, status=existing.status, note=existing.note, previous_id=existing.previous_id)

    def _save_review(self, review: Review) -> Review:
        review.attached = True
        review.updated_at = _now()
        self._reviews[review.finding_id] = review
        self._pending.add(("review", review.finding_id))
        self._flush()
        return review

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(
                "审核文件为只读（另一个窗口正在审核此文档），修改未保存",
                "The review file is read-only (another window is reviewing this document); nothing was saved",
            )

    def _flush(self) -> None:
        """Write every pending change in one transaction; on failure keep them pending and raise."""
        if not self._pending:
            return
        pending = sorted(self._pending, key=str)
        try:
            with _transaction(self._conn):
                for kind, key in pending:
                    record = self._record(key)
                    assert record is not None  # a pending key is always a kept record
                    self._write(kind, key, record)
                _heartbeat(self._conn)
        except sqlite3.Error as exc:
            raise StoreError(
                f"保存审核记录失败（{exc}）；修改保留在内存中，将在下次修改时重试",
                f"Could not save the review ({exc}); the change is kept in memory and retried with the next change",
            ) from None
        self._pending.clear()

    def _write(self, kind: str, key, record: Review | OwnFinding) -> None:
        """Write only the fields that changed since this store last read or wrote the record, so
        another writer's change to another field is never overwritten with a stale value."""
        row = _row_of(record)
        saved = self._saved.get((kind, key))
        _upsert(self._conn, "reviews" if kind == "review" else "own_findings", row, saved)
        self._saved[(kind, key)] = row

    def _claim(self) -> None:
        with _transaction(self._conn):
            self._conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('owner', ?)", (f"{_me()} {time.time():.0f}",))

    def sync(self, document: Document, findings: Iterable[Finding]) -> SyncReport:
        """Tie this review to the current findings of ``document`` (see `tui_review.review.store_sync`)."""
        return store_sync.sync(self, document, findings)
