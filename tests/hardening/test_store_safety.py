"""Never lose a note (13 §4, §5): one writer per review file whatever path leads to it, updates
that touch only the changed fields, a failed save kept, counted, retried and recoverable, drafts
of the note editor, and review files the store must not touch (foreign, newer) left untouched."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "review"))
from review_docs import make_doc, make_finding  # noqa: E402

from tui_review.review.store import SCHEMA_VERSION, ReviewStore, StoreError  # noqa: E402


@pytest.fixture
def doc_path(tmp_path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text("placeholder", encoding="utf-8")
    return path


@pytest.fixture
def doc():
    return make_doc()


@pytest.fixture
def finding(doc):
    ids = [f.id for f in doc.figures]
    return make_finding(doc, "sum-1", (ids[0], ids[1], ids[2]))


def _set_owner(path: Path, value: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('owner', ?)", (value,))
    conn.commit()
    conn.close()


def test_a_second_writer_through_a_symbolic_link_is_refused(doc_path, tmp_path, finding):
    first = ReviewStore.open(doc_path)
    link = tmp_path / "elsewhere.sqlite"
    link.symlink_to(first.path)
    second = ReviewStore.open(doc_path, review_path=link)
    try:
        assert second.read_only and any(n.code == "read_only" for n in second.notices)
        with pytest.raises(StoreError):
            second.set_note(finding, "would overwrite the first window's work")
    finally:
        second.close()
        first.close()


def test_an_owner_row_of_a_live_writer_elsewhere_makes_the_second_read_only(doc_path, finding):
    ReviewStore.open(doc_path).close()
    path = doc_path.with_name(doc_path.name + ".review.sqlite")
    _set_owner(path, f"other-computer:4242 {time.time():.0f}")  # a writer on an SMB share: its flock is local
    store = ReviewStore.open(doc_path)
    assert store.read_only and "other-computer" in store.notices[-1].en
    store.close()
    _set_owner(path, f"{socket.gethostname()}:{os.getppid()} {time.time():.0f}")  # alive, on this computer
    store = ReviewStore.open(doc_path)
    assert store.read_only
    store.close()
    _set_owner(path, f"other-computer:4242 {time.time() - 3600:.0f}")  # an owner gone for an hour: stale
    store = ReviewStore.open(doc_path)
    assert not store.read_only
    store.set_note(finding, "ok")
    store.close()


def test_an_update_writes_only_the_changed_fields(doc_path, finding):
    store = ReviewStore.open(doc_path)
    store.set_note(finding, "first note")
    other = sqlite3.connect(store.path)  # another writer (through a path the lock did not see) sets the status
    other.execute("UPDATE reviews SET status = 'confirmed' WHERE finding_id = 'sum-1'")
    other.commit()
    store.set_note(finding, "second note")
    assert other.execute("SELECT status, note FROM reviews WHERE finding_id = 'sum-1'").fetchone() == ("confirmed", "second note")
    other.close()
    store.close()


def test_a_failed_save_is_kept_counted_recoverable_and_retried(doc_path, finding, tmp_path):
    store = ReviewStore.open(doc_path)
    blocker = sqlite3.connect(store.path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")  # another process holds the file
    started = time.monotonic()
    with pytest.raises(StoreError):
        store.set_note(finding, "写在锁住的文件上")
    assert time.monotonic() - started < 2  # no 5-second freeze per save
    assert store.pending_count == 1 and not store.retry()
    recovery = store.write_recovery(store.recovery_path(tmp_path / "report.review.csv"))
    saved = json.loads(recovery.read_text(encoding="utf-8"))
    assert [c["note"] for c in saved["changes"]] == ["写在锁住的文件上"]
    blocker.rollback()
    blocker.close()
    assert store.retry() and store.pending_count == 0
    store.close()
    again = ReviewStore.open(doc_path)
    assert again.note_of("sum-1") == "写在锁住的文件上"
    again.close()


def test_drafts_survive_a_reopen_until_cleared(doc_path):
    store = ReviewStore.open(doc_path)
    store.save_draft("sum-1", "打到一半的批注")
    store.close()
    store = ReviewStore.open(doc_path)
    assert store.load_draft("sum-1") == "打到一半的批注"
    store.clear_draft("sum-1")
    assert store.load_draft("sum-1") is None
    store.close()


def test_a_foreign_file_at_the_review_path_is_refused_and_untouched(doc_path):
    path = doc_path.with_name(doc_path.name + ".review.sqlite")
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a tui-review review file"):
        ReviewStore.open(doc_path)
    assert path.read_bytes() == before and not path.with_name(path.name + "-wal").exists()
    path.write_bytes(b"not a database at all\n" * 100)
    with pytest.raises(StoreError, match="not modified"):
        ReviewStore.open(doc_path)
    assert path.read_bytes() == b"not a database at all\n" * 100


def test_a_newer_review_file_opens_read_only_and_untouched(doc_path, finding):
    ReviewStore.open(doc_path).close()
    path = doc_path.with_name(doc_path.name + ".review.sqlite")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    conn.commit()
    conn.close()
    before = path.read_bytes()
    store = ReviewStore.open(doc_path)
    assert store.read_only and any(n.code == "newer" for n in store.notices)
    store.close()
    assert path.read_bytes() == before


def test_export_reads_the_review_where_the_app_saved_it(tmp_path, monkeypatch):
    """S6: a document in a read-only folder has its review in the per-user fallback; the headless
    reader (export) finds it there instead of exporting a sheet without the notes."""
    from tui_review.review.paths import fallback_review_path

    monkeypatch.setenv("TUI_REVIEW_DATA_DIR", str(tmp_path / "data"))
    folder = tmp_path / "share"
    folder.mkdir()
    doc_path = folder / "report.txt"
    doc_path.write_text("placeholder", encoding="utf-8")
    doc = make_doc()
    ids = [f.id for f in doc.figures]
    finding = make_finding(doc, "sum-1", (ids[0], ids[1], ids[2]))
    fallback = fallback_review_path(doc_path)
    fallback.parent.mkdir(parents=True)
    store = ReviewStore.open(doc_path, review_path=fallback)
    store.set_note(finding, "保存在备用目录的批注")
    store.close()
    reader = ReviewStore.open(doc_path, read_only=True)
    assert reader.path == fallback and reader.note_of("sum-1") == "保存在备用目录的批注"
    reader.close()
