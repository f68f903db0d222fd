"""The review sheet: rows for findings, the reviewer's own findings and kept notes; the headless
``tui-review export`` command; a golden copy compared line by line."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from review_docs import make_finding

from tui_review.contracts.columns import headers
from tui_review.contracts.finding import Judgement, ReviewStatus
from tui_review.review import export as export_module
from tui_review.review.export import default_export_path, export_review, review_rows
from tui_review.review.session import ReviewSession
from tui_review.review.store import ReviewStore
from tui_review.sheet import OutputExistsError

GOLDEN = Path(__file__).parent / "golden" / "review_sheet.csv"  # Chinese, the default
GOLDEN_EN = Path(__file__).parent / "golden" / "review_sheet_en.csv"


@pytest.fixture
def reviewed(tmp_path, doc, findings) -> ReviewSession:
    """A review with a status, a note with a formula-like line, an own finding and a kept note."""
    doc_path = tmp_path / "doc.txt"
    doc_path.write_text(doc.text, encoding="utf-8")
    store = ReviewStore.open(doc_path)
    store.sync(doc, findings)
    store.set_status(findings[0], "confirmed")
    store.set_note(findings[0], "=SUM(A1:A3) 不应被执行\n第二行")
    gone = make_finding(doc, "gone-1", (doc.figures[2].id,), rule="growth")
    gone.stated, gone.expected = "12.5%", "10.0% [9.95, 10.05]"
    gone.stated_value, gone.expected_value, gone.unit = Decimal("12.5"), Decimal("10.0"), "%"
    store.set_note(gone, "旧版本的批注")
    store.add_own("section", "2", text=doc.section("2").heading, section="第二部分 表格", section_id="2", note="缺少表格说明")
    store.sync(doc, findings)  # "gone-1" matches nothing now: kept as an orphan
    return ReviewSession(doc, findings, store)


def test_rows_in_document_order_then_kept_notes(reviewed):
    rows = review_rows(reviewed, "en")
    assert [r["finding_id"] for r in rows] == ["sum-1", "own-1", "eq-2", "gone-1"]
    assert all(list(r) == headers("en") for r in rows)
    first, own, second, orphan = rows
    assert (first["status"], first["note"]) == ("confirmed", "=SUM(A1:A3) 不应被执行\n第二行")
    assert (own["rule"], own["severity"], own["status"], own["note"]) == ("reviewer", "warning", "confirmed", "缺少表格说明")
    assert (second["status"], second["note"]) == ("open", "")
    assert orphan["note"] == "旧版本的批注" and "could not be re-attached" in orphan["message"]
    assert "未能重新关联" in review_rows(reviewed, "zh")[3]["说明"]


def test_the_chinese_sheet_reads_in_chinese_with_numbers_in_their_own_columns(reviewed):
    rows = review_rows(reviewed, "zh")
    assert list(rows[0]) == headers("zh") and "审核状态" in rows[0] and "location" not in rows[0]
    first, own, second, _ = rows
    assert (first["审核状态"], own["审核状态"], second["审核状态"]) == ("确认问题", "确认问题", "待核")
    assert (first["严重程度"], own["严重程度"]) == ("错误", "警告")
    assert second["位置"] == "收入表 第2行" and first["位置"] == "第一部分 收支情况"
    assert (second["所列数值"], second["应为数值"], second["单位"]) == (Decimal("300.00"), Decimal("350.00"), "万元")


@pytest.mark.parametrize("lang, golden, note_column", [("zh", GOLDEN, "批注"), ("en", GOLDEN_EN, "note")])
def test_export_matches_the_golden_sheet(reviewed, tmp_path, lang, golden, note_column):
    written = export_review(reviewed, tmp_path / "sheet.csv", lang=lang)
    data = written.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines == golden.read_text(encoding="utf-8").splitlines()
    with written.open(encoding="utf-8-sig", newline="") as fh:
        note = next(csv.DictReader(fh))[note_column]
    assert note.startswith("'=SUM")  # neutralised: a spreadsheet shows it, never runs it


def test_export_never_overwrites_without_force(reviewed, tmp_path):
    target = tmp_path / "sheet.csv"
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputExistsError):
        export_review(reviewed, target)
    assert target.read_text(encoding="utf-8") == "keep me"
    export_review(reviewed, target, force=True)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")


def test_default_export_path_is_beside_the_document(tmp_path):
    assert default_export_path(tmp_path / "report.pdf") == tmp_path / "report.review.csv"


def test_default_export_path_leaves_a_read_only_folder_for_the_working_directory(tmp_path, monkeypatch):
    shared, work = tmp_path / "share", tmp_path / "work"
    shared.mkdir()
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setattr(export_module, "directory_writable", lambda folder: folder != shared)
    assert default_export_path(shared / "report.pdf") == work / "report.review.csv"


def test_headless_export_command(tmp_path):
    fixture = Path(__file__).parents[1] / "tui" / "fixtures" / "review_fixture.txt"
    doc_path = tmp_path / "disclosure.txt"
    doc_path.write_bytes(fixture.read_bytes())
    from tui_review.review.pipeline import open_review

    session = open_review(doc_path)
    first = next(e for e in session.entries if e.severity == "error" and e.finding is not None)
    session.store.set_note(first.finding, "命令行导出")
    session.store.close()

    run = [sys.executable, "-m", "tui_review", "export", str(doc_path)]
    out = subprocess.run(run, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    sheet = tmp_path / "disclosure.review.csv"
    with sheet.open(encoding="utf-8-sig", newline="") as fh:
        rows = {r["编号"]: r for r in csv.DictReader(fh)}
    assert rows[first.key]["批注"] == "命令行导出"

    again = subprocess.run(run, capture_output=True, text=True, timeout=120)
    assert again.returncode == 2 and "--force" in again.stderr and "Traceback" not in again.stderr
    forced = subprocess.run(run + ["--force", "--lang", "en"], capture_output=True, text=True, timeout=120)
    assert forced.returncode == 0, forced.stderr


def test_headless_export_of_an_unreadable_file(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "tui_review", "export", str(tmp_path / "nothing.pdf")], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 2
    assert "nothing.pdf" in out.stderr and "Traceback" not in out.stderr


def test_saved_judgements_fill_status_and_note_for_check(tmp_path, doc, findings):
    from tui_review.review.export import saved_judgements

    doc_path = tmp_path / "doc.txt"
    doc_path.write_text(doc.text, encoding="utf-8")
    assert saved_judgements(doc_path, doc, findings) == {}  # no review saved: nothing, and no file made
    assert not list(tmp_path.glob("*.sqlite"))
    store = ReviewStore.open(doc_path)
    store.set_status(findings[0], "dismissed")
    store.set_note(findings[0], "口径不同，不是错误")
    store.close()
    fresh = [make_finding(doc, f.finding_id, f.figure_ids, failed=f.failed, severity=f.severity, rule=f.rule) for f in findings]
    judgements = saved_judgements(doc_path, doc, fresh)
    assert judgements == {fresh[0].finding_id: Judgement(ReviewStatus.DISMISSED, "口径不同，不是错误")}


def test_check_csv_and_json_carry_the_saved_review(tmp_path):
    """`tui-review check --format csv/json` fills status and note from <doc>.review.sqlite."""
    fixture = Path(__file__).parents[1] / "tui" / "fixtures" / "review_fixture.txt"
    doc_path = tmp_path / "disclosure.txt"
    doc_path.write_bytes(fixture.read_bytes())
    from tui_review.review.pipeline import open_review

    session = open_review(doc_path)
    first = next(e for e in session.entries if e.severity == "error" and e.finding is not None)
    session.store.set_status(first.finding, "confirmed")
    session.store.set_note(first.finding, "已与单位核实")
    session.store.close()
    env = {"HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache"), "PATH": ""}
    check = [sys.executable, "-m", "tui_review", "check", str(doc_path)]
    out = subprocess.run(check + ["--format", "csv"], capture_output=True, text=True, timeout=120, env=env)
    rows = {r["编号"]: r for r in csv.DictReader(io.StringIO(out.stdout.lstrip("\ufeff")))}
    assert (rows[first.key]["审核状态"], rows[first.key]["批注"]) == ("确认问题", "已与单位核实")
    assert {r["审核状态"] for k, r in rows.items() if k != first.key} == {"待核"}
    out = subprocess.run(check + ["--format", "json"], capture_output=True, text=True, timeout=120, env=env)
    by_id = {f["finding_id"]: f for f in json.loads(out.stdout)}
    assert (by_id[first.key]["status"], by_id[first.key]["note"]) == ("confirmed", "已与单位核实")
    # reading the review left nothing beside the document (no -wal / -shm / -lock)
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["disclosure.txt", "disclosure.txt.review.sqlite"]
