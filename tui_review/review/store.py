"""The review store: a reviewer's statuses, notes and own findings, in SQLite, never lost.

One store per document, ``<file name>.review.sqlite`` beside it (or a path given with ``--review``).
Every change is written at once in its own transaction (WAL, ``synchronous=FULL``), so a killed
process loses nothing that was on screen. The store owns the safety rules of issue 6 §4:

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

import json
import os
import shutil
import socket
import sqlite3
import sys
import time
from dataclasses import dataclass, field, fields, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Iterable

from parsers.errors import BilingualError
from tui_review.contracts.finding import Finding, ReviewStatus
from tui_review.review.paths import directory_writable, fallback_review_path, fitted_name, review_path_for
from tui_review.review.snapshot import (
    SNAPSHOT_COLUMNS,
    decode_snapshot,
    encode_snapshot,
    migrate_reviews,
    snapshot_of,
)

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
_OURS = {"meta", "reviews"}  # tables every review file of any version has
OWNER_STALE_SECONDS = 600  # another computer's owner row older than this (no write since) is stale
BUSY_MS = 500  # waiting for another process's write: short, the change stays pending and is retried


class StoreError(BilingualError):
    """A review file that cannot be opened or written: one line in Chinese and English."""

    prefix_zh = prefix_en = ""  # the texts name the file themselves


@dataclass(slots=True)
class Notice:
    """Something the reviewer must be told about the store (fallback location, read-only, changes)."""

    code: str  # fallback | read_only | changed | orphans
    zh: str
    en: str

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


@dataclass(slots=True)
class Review:
    """The reviewer's judgement on one finding, with a snapshot of the finding (the fields it marks
    ``kept``) so a note can be listed, exported and re-attached without the finding."""

    finding_id: str
    snapshot: Finding
    status: ReviewStatus = ReviewStatus.OPEN
    note: str = ""
    attached: bool = True
    previous_id: str = ""
    updated_at: str = ""

    def message(self, lang: str = "zh") -> str:
        return self.snapshot.message(lang)


@dataclass(slots=True)
class OwnFinding:
    """A figure, cell, table or section the reviewer marked as a problem, with a note."""

    own_id: int
    kind: str  # figure | section | table
    target_id: str  # figure id, section id or table id
    text: str = ""  # the figure's printed text, or the section heading / table title
    section: str = ""
    section_id: str = ""
    page: int | None = None
    location: str = ""
    note: str = ""
    status: str = "confirmed"
    attached: bool = True
    created_at: str = ""
    updated_at: str = ""

    @property
    def finding_id(self) -> str:
        return f"own-{self.own_id}"


@dataclass(slots=True)
class SyncReport:
    """What ``sync`` found when a review met the current findings."""

    first_open: bool = False
    changed: bool = False  # the document's SHA-256 differs from the one the review was made on
    reattached: list[tuple[str, str]] = field(default_factory=list)  # (old finding id, new id)
    orphans: list[Review] = field(default_factory=list)
    orphan_own: list[OwnFinding] = field(default_factory=list)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _columns(cls) -> list[str]:
    return [f.name for f in fields(cls)]


class _Lock:
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
            if _try_lock_file(fh):
                if _still_at(fh, self.path):
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


def _still_at(fh: BinaryIO, path: Path) -> bool:
    """Whether the open file ``fh`` is still the file at ``path``."""
    try:
        here, held = os.stat(path), os.fstat(fh.fileno())
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (held.st_dev, held.st_ino)


def _try_lock_file(fh: BinaryIO) -> bool:
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


class ReviewStore:
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
        if review_path is not None:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError:
                pass  # an unwritable folder is handled just below, like any other
        if not directory_writable(target.parent) or (target.exists() and not os.access(target, os.W_OK)):
            fallback = fallback_review_path(document)
            fallback.parent.mkdir(parents=True, exist_ok=True)
            if target.exists() and not fallback.exists():
                _copy_database(target, fallback)
            notices.append(
                Notice(
                    "fallback",
                    f"文档所在目录不可写，审核记录保存在：{fallback}",
                    f"The document's folder is not writable; the review is kept in: {fallback}",
                )
            )
            target = fallback
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
            notices.append(
                Notice(
                    "read_only",
                    f"另一个窗口正在审核此文档，本窗口只读打开（{target}）",
                    f"Another window is reviewing this document; this one is read-only ({target})",
                )
            )
            return cls._open_read_only(target, notices, missing_ok=True)
        try:
            conn = sqlite3.connect(str(target), isolation_level=None, check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.executescript(_SCHEMA)
            with _transaction(conn):
                migrate_reviews(conn)
                conn.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
                )
        except sqlite3.Error as exc:
            lock.release()
            raise StoreError(
                f"无法打开审核文件 {target}：{exc}", f"Cannot open the review file {target}: {exc}"
            ) from None
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
                    f"file:{target.resolve().as_posix()}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
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
        """Write anything still pending, then release the file and its lock."""
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
            self._conn.close()
            if self._lock is not None:
                self._lock.release()

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

    def write_recovery(self, path: str | os.PathLike) -> Path:
        """Write the pending changes to a recovery file (JSON) at ``path`` — for quitting while the
        review file cannot be written; nothing pending is lost. Returns the path written."""
        from tui_review.sheet import write_bytes

        payload = {"review_file": str(self.path), "written_at": _now(), "changes": self.pending_records()}
        data = json.dumps(payload, ensure_ascii=False, indent=1, default=str).encode("utf-8")
        return write_bytes(path, data, force=True)

    def recovery_path(self, sheet: str | os.PathLike) -> Path:
        """Where `write_recovery` puts its file: beside the review sheet ``sheet``."""
        sheet = Path(sheet)
        return sheet.with_name(fitted_name(sheet.stem, ".recovery.json"))

    # ── drafts (the note editor's text while it is typed) ─────────────────────────────────────────

    def save_draft(self, key: str, text: str) -> None:
        """Keep the note editor's text for ``key`` (a finding id or own id); survives a crash.
        A draft that cannot be written (read-only store, locked file) is kept in memory."""
        self._drafts[key] = text
        if self.read_only:
            return
        try:
            self._conn.execute("INSERT INTO drafts(key, text, updated_at) VALUES (?, ?, ?) "
                               "ON CONFLICT(key) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
                               (key, text, _now()))
        except sqlite3.Error:
            pass

    def load_draft(self, key: str) -> str | None:
        if key in self._drafts:
            return self._drafts[key]
        try:
            row = self._conn.execute("SELECT text FROM drafts WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row else None

    def clear_draft(self, key: str) -> None:
        self._drafts.pop(key, None)
        if self.read_only:
            return
        try:
            self._conn.execute("DELETE FROM drafts WHERE key = ?", (key,))
        except sqlite3.Error:
            pass

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

    # ── re-attachment ────────────────────────────────────────────────────────────────────────────

    def sync(self, document: Document, findings: Iterable[Finding]) -> SyncReport:
        """Tie this review to the current findings of ``document`` (see the module docstring)."""
        findings = list(findings)
        report = SyncReport()
        stored_sha = self.meta("sha256")
        report.first_open = stored_sha is None
        report.changed = stored_sha is not None and stored_sha != document.sha256
        by_id = {f.finding_id: f for f in findings}
        moves: list[tuple[str, Review]] = []
        taken = {fid for fid in self._reviews if fid in by_id}
        for review in list(self._reviews.values()):
            if review.finding_id in by_id:
                if not review.attached:
                    review.attached = True
                    moves.append((review.finding_id, review))
                continue
            target = _match_finding(review, findings, taken)
            if target is None:
                if review.attached:
                    review.attached = False
                    moves.append((review.finding_id, review))
                report.orphans.append(review)
                continue
            taken.add(target.finding_id)
            report.reattached.append((review.finding_id, target.finding_id))
            moved = replace(
                review, finding_id=target.finding_id, previous_id=review.finding_id, attached=True,
                snapshot=snapshot_of(target),
            )
            moves.append((review.finding_id, moved))
        own_changes = [own for own in self._own.values() if _reattach_own(own, document)]
        report.orphan_own = [own for own in self._own.values() if not own.attached]
        if self.read_only:
            for old_id, review in moves:
                self._reviews.pop(old_id, None)
                self._reviews[review.finding_id] = review
            return report
        try:
            with _transaction(self._conn):
                for old_id, review in moves:
                    self._conn.execute("DELETE FROM reviews WHERE finding_id = ?", (old_id,))
                    self._write("review", review.finding_id, review)
                for own in own_changes:
                    self._write("own", own.own_id, own)
                self._conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('sha256', ?)", (document.sha256,))
                self._conn.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('document', ?)", (Path(document.path).name,)
                )
        except sqlite3.Error as exc:
            raise StoreError(
                f"保存审核记录失败（{exc}）", f"Could not save the review ({exc})"
            ) from None
        for old_id, review in moves:
            self._reviews.pop(old_id, None)
            self._reviews[review.finding_id] = review
        if report.changed:
            self.notices.append(
                Notice(
                    "changed",
                    f"文档自上次审核后已更改：{len(report.reattached)} 条批注已重新关联，"
                    f"{len(report.orphans) + len(report.orphan_own)} 条未能关联（已保留）",
                    f"The document changed since the last review: {len(report.reattached)} notes re-attached, "
                    f"{len(report.orphans) + len(report.orphan_own)} could not be (kept)",
                )
            )
        elif report.orphans or report.orphan_own:
            self.notices.append(
                Notice(
                    "orphans",
                    f"{len(report.orphans) + len(report.orphan_own)} 条批注未能关联到当前检查结果（已保留）",
                    f"{len(report.orphans) + len(report.orphan_own)} notes match no current finding (kept)",
                )
            )
        return report


def _match_finding(review: Review, findings: list[Finding], taken: set[str]) -> Finding | None:
    """The one current finding that states the same figure text (best by rule, then section)."""
    kept = review.snapshot
    if not kept.stated:
        return None
    scored: list[tuple[int, Finding]] = []
    for f in findings:
        if f.finding_id in taken or f.stated != kept.stated:
            continue
        scored.append(((f.rule == kept.rule) * 2 + (f.section == kept.section), f))
    if not scored:
        return None
    best = max(score for score, _ in scored)
    top = [f for score, f in scored if score == best]
    return top[0] if len(top) == 1 else None


def _reattach_own(own: OwnFinding, document: Document) -> bool:
    """Point ``own`` at the same figure/section/table in ``document``: the same id if it still shows
    the same text, else the one place showing that text (in the same section, for figures).
    True when anything changed."""
    before = (own.target_id, own.attached, own.section_id)
    if own.kind == "figure":
        places = [(f.id, f.text, f.section_id) for f in document.figures]
    elif own.kind == "section":
        places = [(s.id, s.heading, s.id) for s in document.sections()]
    else:
        places = [(t.id, t.title, t.section_id) for t in document.tables]
    same = [p for p in places if p[1] == own.text]
    found = [p for p in same if p[0] == own.target_id]
    if not found and own.kind == "figure":
        in_section = [p for p in same if document.section_label(p[2]) == own.section]
        found = in_section if len(in_section) == 1 else []
    found = found or same
    if len(found) == 1:
        own.target_id, _, own.section_id = found[0]
        own.attached = True
    else:
        own.attached = False
    return before != (own.target_id, own.attached, own.section_id)


class _transaction:
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


def _row_of(record: Review | OwnFinding) -> dict:
    if isinstance(record, Review):
        row = {c: getattr(record, c) for c in _columns(Review) if c != "snapshot"} | encode_snapshot(record.snapshot)
    else:
        row = {c: getattr(record, c) for c in _columns(OwnFinding)}
    return {k: int(v) if isinstance(v, bool) else (str(v) if isinstance(v, ReviewStatus) else v) for k, v in row.items()}


def _upsert(conn: sqlite3.Connection, table: str, row: dict, saved: dict | None) -> None:
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


def _inspect(target: Path) -> int:
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
        conn = sqlite3.connect(f"file:{target.resolve().as_posix()}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not tables:
                return 0
            if not _OURS <= tables:
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


def _me() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _live_owner(conn: sqlite3.Connection) -> str | None:
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
    if who == _me() or not pid.isdigit():
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


def _heartbeat(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE meta SET value = ? WHERE key = 'owner' AND value LIKE ?", (f"{_me()} {time.time():.0f}", f"{_me()} %"))


def _copy_database(source: Path, dest: Path) -> None:
    """Copy a review file consistently (SQLite backup API), falling back to a plain copy."""
    try:
        src = sqlite3.connect(f"file:{source.resolve().as_posix()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(str(dest))
            with dst:
                src.backup(dst)
            dst.close()
        finally:
            src.close()
    except sqlite3.Error:
        shutil.copy2(source, dest)
