"""The review store: saved on every change, restored on reopen, re-attached when the document changes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from review_docs import make_doc, make_finding

from tui_review.review import store as store_module
from tui_review.review.paths import review_path_for
from tui_review.review.store import ReviewStore, StoreError


@pytest.fixture
def doc_path(tmp_path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text("placeholder", encoding="utf-8")
    return path


def test_every_change_is_committed_and_restored(doc_path, doc, findings):
    store = ReviewStore.open(doc_path)
    assert store.path == review_path_for(doc_path) == doc_path.with_name("report.txt.review.sqlite")
    store.sync(doc, findings)
    store.set_note(findings[0], "合计少了 4.72 万元\n请单位说明")
    # committed at once: another connection sees it while the store is still open
    other = sqlite3.connect(store.path)
    assert other.execute("SELECT note FROM reviews WHERE finding_id='sum-1'").fetchone()[0].startswith("合计少了")
    other.close()
    store.set_status(findings[0], "confirmed")
    own = store.add_own("figure", doc.figures[1].id, text="300.00", section="第一部分收支情况", section_id="1", note="口径存疑")
    store.update_own(own.own_id, status="follow-up")
    store.close()

    again = ReviewStore.open(doc_path)
    report = again.sync(doc, findings)
    assert not report.changed and not report.orphans
    assert again.status_of("sum-1") == "confirmed"
    assert again.note_of("sum-1") == "合计少了 4.72 万元\n请单位说明"
    [restored] = again.own_findings()
    assert (restored.finding_id, restored.note, restored.status, restored.attached) == ("own-1", "口径存疑", "follow-up", True)
    assert again.meta("sha256") == doc.sha256
    again.close()


def test_wal_and_full_sync(doc_path):
    store = ReviewStore.open(doc_path)
    assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    store.close()


def test_unknown_status_is_refused(doc_path, findings):
    store = ReviewStore.open(doc_path)
    with pytest.raises(ValueError):
        store.set_status(findings[0], "maybe")
    store.close()


def test_kill_9_right_after_a_note_loses_nothing(doc_path, tmp_path):
    script = textwrap.dedent(
        f"""
        import sys, time
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from review_docs import make_doc, make_finding
        from tui_review.review.store import ReviewStore
        doc = make_doc()
        finding = make_finding(doc, "sum-1", (doc.figures[0].id, doc.figures[1].id))
        store = ReviewStore.open({str(doc_path)!r})
        store.set_note(finding, "杀不掉的批注")
        store.set_status(finding, "follow-up")
        print("saved", flush=True)
        time.sleep(60)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "saved"
    finally:
        proc.kill()  # SIGKILL: no close(), no atexit, no checkpoint
        proc.wait(timeout=10)
    store = ReviewStore.open(doc_path)
    assert store.note_of("sum-1") == "杀不掉的批注"
    assert store.status_of("sum-1") == "follow-up"
    store.close()


def test_read_only_directory_falls_back_to_user_data_dir(doc_path, doc, findings, tmp_path, monkeypatch):
    data_dir = tmp_path / "data"
    monkeypatch.setenv("TUI_REVIEW_DATA_DIR", str(data_dir))
    folder = doc_path.parent
    if os.geteuid() == 0:  # root writes anywhere: make the probe see a read-only folder
        real = store_module.directory_writable
        monkeypatch.setattr(store_module, "directory_writable", lambda d: d != folder and real(d))
    else:
        folder.chmod(0o555)
    try:
        store = ReviewStore.open(doc_path)
        assert store.path.parent == data_dir / "reviews"
        assert store.path.name.startswith("report.txt-")
        [notice] = store.notices
        assert notice.code == "fallback" and str(store.path) in notice.zh and str(store.path) in notice.en
        store.set_note(findings[0], "只读目录里的批注")
        store.close()
        assert not review_path_for(doc_path).exists()
        again = ReviewStore.open(doc_path)
        assert again.note_of("sum-1") == "只读目录里的批注"
        again.close()
    finally:
        folder.chmod(0o755)


def test_second_instance_opens_read_only_and_never_writes(doc_path, findings):
    first = ReviewStore.open(doc_path)
    first.set_note(findings[0], "第一个窗口")
    second = ReviewStore.open(doc_path)
    assert second.read_only and second.notices[0].code == "read_only"
    assert second.note_of("sum-1") == "第一个窗口"
    with pytest.raises(StoreError):
        second.set_note(findings[0], "第二个窗口")
    second.close()
    first.set_status(findings[0], "confirmed")
    first.close()
    third = ReviewStore.open(doc_path)  # the lock is gone with the first instance
    assert not third.read_only
    assert (third.note_of("sum-1"), third.status_of("sum-1")) == ("第一个窗口", "confirmed")
    third.close()


def test_second_instance_in_another_process_is_read_only(doc_path, findings):
    first = ReviewStore.open(doc_path)
    first.set_note(findings[0], "主窗口")
    code = (
        "from tui_review.review.store import ReviewStore\n"
        f"s = ReviewStore.open({str(doc_path)!r})\n"
        "print(s.read_only, s.note_of('sum-1'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "True 主窗口", out.stderr
    first.close()


def test_disk_full_keeps_the_change_and_writes_it_later(doc_path, findings):
    store = ReviewStore.open(doc_path)
    store.set_note(findings[0], "先存下的")
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")  # the database cannot grow: SQLITE_FULL
    with pytest.raises(StoreError) as err:
        store.set_note(findings[2], "大" * 20000)
    assert "内存" in err.value.zh and "memory" in err.value.en
    assert store.note_of("eq-2") == "大" * 20000 and store.has_pending
    assert store.note_of("sum-1") == "先存下的"  # the old data is intact
    store._conn.execute("PRAGMA max_page_count = 1073741823")  # space again
    store.set_status(findings[0], "confirmed")  # the next change writes the pending one too
    assert not store.has_pending
    store.close()
    again = ReviewStore.open(doc_path)
    assert again.note_of("eq-2") == "大" * 20000
    assert (again.note_of("sum-1"), again.status_of("sum-1")) == ("先存下的", "confirmed")
    again.close()


def test_changed_document_reattaches_by_id_then_text_and_keeps_orphans(doc_path, doc, findings):
    store = ReviewStore.open(doc_path)
    store.sync(doc, findings)
    store.set_note(findings[0], "按编号关联")
    store.set_note(findings[2], "按文字关联")
    lost = make_finding(doc, "gone-1", (doc.figures[2].id,), rule="growth")
    lost.stated = "12.5%"
    store.set_note(lost, "无法关联")
    store.add_own("figure", doc.figures[2].id, text="50.00", section=doc.section_label("1"), section_id="1", note="人工标记")
    store.add_own("section", "2", text=doc.section("2").heading, note="表格缺失")
    store.close()

    # a new version: text inserted before everything shifts every offset (and so every figure id)
    changed = make_doc("说明：本文档已修订。\n" + "第一部分 收支情况\n收入合计 354.72 万元，其中财政拨款 300.00 万元，其他收入 50.00 万元。\n支出合计 354.72 万元。\n第二部分 表格\n")
    ids = [f.id for f in changed.figures]
    new_findings = [
        make_finding(changed, "sum-1", (ids[0], ids[1], ids[2])),  # same id
        make_finding(changed, "eq-2-v2", ("T1.1.1", ids[1]), severity="warning", rule="equal"),  # new id, same text
    ]
    store = ReviewStore.open(doc_path)
    report = store.sync(changed, new_findings)
    assert report.changed
    assert report.reattached == [("eq-2", "eq-2-v2")]
    assert [r.finding_id for r in report.orphans] == ["gone-1"]
    assert store.note_of("sum-1") == "按编号关联"
    assert store.note_of("eq-2-v2") == "按文字关联"
    assert store.review("eq-2-v2").previous_id == "eq-2"
    own_fig, own_sec = store.own_findings()
    assert own_fig.attached and own_fig.target_id == ids[2] != doc.figures[2].id
    assert own_sec.attached
    assert [n.code for n in store.notices] == ["changed"]
    store.close()

    again = ReviewStore.open(doc_path)  # the orphan survives another reopen, still flagged
    report = again.sync(changed, new_findings)
    assert not report.changed
    orphan = again.review("gone-1")
    assert orphan is not None and not orphan.attached and orphan.note == "无法关联"
    again.close()


def test_ambiguous_text_is_not_guessed(doc_path, doc, findings):
    store = ReviewStore.open(doc_path)
    store.set_note(findings[0], "歧义")
    store.close()
    twins = [make_finding(doc, "a", (doc.figures[0].id,)), make_finding(doc, "b", (doc.figures[3].id,))]
    store = ReviewStore.open(doc_path)
    report = store.sync(doc, twins)
    assert [r.finding_id for r in report.orphans] == ["sum-1"]
    store.close()


def test_headless_read_only_open_of_a_missing_review(doc_path):
    store = ReviewStore.open(doc_path, read_only=True)
    assert store.read_only and store.reviews() == [] and store.own_findings() == []
    store.close()
    assert not review_path_for(doc_path).exists()


# --- review files written by an earlier version ---------------------------------------------------

_SCHEMA_1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE reviews (
    finding_id TEXT PRIMARY KEY, status TEXT NOT NULL DEFAULT 'open', note TEXT NOT NULL DEFAULT '',
    rule TEXT NOT NULL DEFAULT '', severity TEXT NOT NULL DEFAULT '', section TEXT NOT NULL DEFAULT '',
    section_id TEXT NOT NULL DEFAULT '', page INTEGER, location TEXT NOT NULL DEFAULT '',
    stated TEXT NOT NULL DEFAULT '', expected TEXT NOT NULL DEFAULT '', message_zh TEXT NOT NULL DEFAULT '',
    message_en TEXT NOT NULL DEFAULT '', attached INTEGER NOT NULL DEFAULT 1,
    previous_id TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT ''
);
INSERT INTO meta VALUES ('schema_version', '1');
INSERT INTO reviews (finding_id, status, note, rule, severity, section, page, location, stated, message_zh)
VALUES ('old-cell', 'confirmed', '表内批注', 'table.total', 'error', '第二部分 表格', 3, 'T1[r2,c2]', '300.00', '合计不符'),
       ('old-text', 'follow-up', '正文批注', 'sum.parts', 'warning', '第一部分', NULL, '@15', '354.72万元', '分项不符');
"""


@pytest.mark.parametrize("read_only", [False, True])
def test_a_schema_1_review_file_is_read_and_its_places_typed(doc_path, read_only):
    from tui_review.contracts.finding import ReviewStatus, Severity, Verdict
    from tui_review.contracts.place import Place

    conn = sqlite3.connect(review_path_for(doc_path))
    conn.executescript(_SCHEMA_1)
    conn.close()
    store = ReviewStore.open(doc_path, read_only=read_only)
    cell, text = store.review("old-cell"), store.review("old-text")
    assert (cell.status, cell.note, cell.snapshot.severity) == (ReviewStatus.CONFIRMED, "表内批注", Severity.ERROR)
    assert cell.snapshot.place == Place(page=3, table_id="T1", row=1, column=1)
    assert (text.status, text.snapshot.place, text.snapshot.verdict) == (ReviewStatus.FOLLOW_UP, Place(offset=15), Verdict.FAILS)
    store.close()
    if not read_only:  # migrated in place: the place column filled once, the version raised
        conn = sqlite3.connect(review_path_for(doc_path))
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("2",)
        assert conn.execute("SELECT place FROM reviews WHERE finding_id = 'old-cell'").fetchone()[0].startswith("{")
        conn.close()
        reopened = ReviewStore.open(doc_path)
        assert reopened.review("old-cell").snapshot.place == Place(page=3, table_id="T1", row=1, column=1)
        reopened.close()


def test_closing_leaves_only_the_review_file_beside_the_document(doc_path, findings):
    store = ReviewStore.open(doc_path)
    store.set_note(findings[0], "批注")
    beside = {p.name for p in doc_path.parent.iterdir()}
    assert {f"{store.path.name}-lock", f"{store.path.name}-wal"} <= beside  # while open
    store.close()
    assert sorted(p.name for p in doc_path.parent.iterdir()) == sorted([doc_path.name, store.path.name])
    again = ReviewStore.open(doc_path)  # a new lock file, taken as before
    assert not again.read_only and again.note_of("sum-1") == "批注"
    assert ReviewStore.open(doc_path).read_only  # and it still keeps a second writer out
    again.close()


def beside(doc_path: Path) -> list[str]:
    return sorted(p.name for p in doc_path.parent.iterdir())


def test_a_closed_review_is_one_file_and_reading_it_leaves_nothing_beside(doc_path, findings):
    store = ReviewStore.open(doc_path)
    store.set_note(findings[0], "批注")
    store.close()
    alone = [doc_path.name, store.path.name]
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # the log copied in on close
    conn.close()
    reader = ReviewStore.open(doc_path, read_only=True)  # as `check` and the folder list read it
    assert reader.note_of("sum-1") == "批注"
    reader.close()
    assert beside(doc_path) == alone


def test_a_review_still_in_wal_mode_is_settled_by_its_reader_and_keeps_every_note(doc_path, findings):
    """A review file written by an earlier version (WAL mode kept on close), or whose log a crashed
    writer left: reading it must not leave -wal/-shm files, and loses nothing."""
    store = ReviewStore.open(doc_path)
    store.set_note(findings[0], "批注")
    store.close()
    conn = sqlite3.connect(store.path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE reviews SET note = '只在日志里的批注' WHERE finding_id = 'sum-1'")
    crash = {name: (store.path.parent / name).read_bytes() for name in (store.path.name, f"{store.path.name}-wal")}
    conn.close()
    for name, data in crash.items():  # the files as a killed writer leaves them: the note only in the log
        (store.path.parent / name).write_bytes(data)
    reader = ReviewStore.open(doc_path, read_only=True)
    assert reader.note_of("sum-1") == "只在日志里的批注"
    reader.close()
    assert beside(doc_path) == [doc_path.name, store.path.name]
    again = ReviewStore.open(doc_path)
    assert again.note_of("sum-1") == "只在日志里的批注"
    again.close()


def test_a_read_only_window_that_closes_after_the_writer_leaves_nothing_beside(doc_path, findings):
    writer = ReviewStore.open(doc_path)
    writer.set_note(findings[0], "批注")
    window = ReviewStore.open(doc_path)  # a second window: read-only
    assert window.read_only
    writer.close()  # cannot settle while the other window has the file open
    window.close()
    assert beside(doc_path) == [doc_path.name, writer.path.name]
    assert ReviewStore.open(doc_path, read_only=True).note_of("sum-1") == "批注"


def test_a_reader_closing_under_an_open_writer_changes_nothing(doc_path, findings):
    writer = ReviewStore.open(doc_path)
    writer.set_note(findings[0], "批注")
    ReviewStore.open(doc_path, read_only=True).close()
    assert writer._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    writer.set_status(findings[0], "confirmed")  # still writes, still the writer
    assert f"{writer.path.name}-lock" in beside(doc_path)
    writer.close()
    again = ReviewStore.open(doc_path, read_only=True)
    assert (again.note_of("sum-1"), again.status_of("sum-1")) == ("批注", "confirmed")
    again.close()


def test_a_lock_file_removed_under_a_waiting_writer_is_not_taken_as_held(doc_path, tmp_path):
    lock = store_module._Lock(tmp_path / "x-lock")
    stale = open(lock.path, "a+b")  # opened just before the holder let go and removed it
    lock.path.unlink()
    assert not store_module._still_at(stale, lock.path)
    stale.close()
    assert lock.acquire(0) and store_module._still_at(lock._fh, lock.path)
    lock.release()
    assert not lock.path.exists()


def test_settling_a_review_never_creates_one_and_finds_it_by_a_quoted_path(tmp_path, monkeypatch):
    """A review file removed between its check and the settle is not created again (empty), and a
    folder whose name holds URI characters (# ?) is still the folder settled."""
    from tui_review.review import store_lock

    folder = tmp_path / "第1#批?审核"
    folder.mkdir()
    doc = folder / "report.txt"
    doc.write_text("placeholder", encoding="utf-8")
    gone = folder / "gone.review.sqlite"
    wal = gone.with_name(gone.name + "-wal")
    wal.write_bytes(b"")
    with monkeypatch.context() as patch:
        patch.setattr(store_lock, "inspect_version", lambda path: 2)  # it was there when checked
        store_module._settle_unheld(gone, store_module.SCHEMA_VERSION)
    assert not gone.exists()
    wal.unlink()
    store = ReviewStore.open(doc)
    store.close()
    conn = sqlite3.connect(store.path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()  # the file left in WAL mode: reading it makes -wal/-shm files
    reader = ReviewStore.open(doc, read_only=True)
    reader.close()
    assert sorted(p.name for p in folder.iterdir()) == ["report.txt", "report.txt.review.sqlite"]


@pytest.mark.parametrize("name", ["C# 报告", "第1?批", "100%完成"])
def test_a_review_in_a_folder_named_with_uri_characters_is_read_back(tmp_path, findings, name):
    """``check`` and ``export`` read a review through a ``file:`` URI: a folder named with # ? or %
    read another (empty, newly made) file, and the reviewer's notes were missing from the sheet."""
    folder = tmp_path / name
    folder.mkdir()
    doc = folder / "report.txt"
    doc.write_text("placeholder", encoding="utf-8")
    store = ReviewStore.open(doc)
    store.set_note(findings[0], "批注")
    store.close()
    reader = ReviewStore.open(doc, read_only=True)
    assert reader.note_of("sum-1") == "批注"
    reader.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no stray file made beside the folder
