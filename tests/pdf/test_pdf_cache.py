"""The document cache: an unchanged file reopens from it; anything odd in it is ignored."""

from __future__ import annotations

import pickle
import shutil
import time

from pdf_fixtures import SAMPLES

from parsers import cache
from parsers.pdf import parse_pdf


def entries(tmp_path):
    return list((tmp_path / "cache" / "tui-review").glob("*.pickle"))


def test_reopening_an_unchanged_file_is_served_from_the_cache(tmp_path):
    source = tmp_path / "a.pdf"
    shutil.copy(SAMPLES / "demo_final_2024.pdf", source)
    first = parse_pdf(source)
    assert len(entries(tmp_path)) == 1
    started = time.monotonic()
    again = parse_pdf(source)
    assert time.monotonic() - started < 0.5
    assert again.text == first.text and len(again.figures) == len(first.figures)
    assert again is not first


def test_a_copy_under_another_name_reports_its_own_path(tmp_path):
    parse_pdf(SAMPLES / "demo_budget_2025.pdf")
    copy = tmp_path / "copy.pdf"
    shutil.copy(SAMPLES / "demo_budget_2025.pdf", copy)
    assert parse_pdf(copy).path == str(copy)


def test_an_entry_from_another_version_is_not_trusted(tmp_path, monkeypatch):
    doc = parse_pdf(SAMPLES / "demo_budget_2025.pdf")
    (entry,) = entries(tmp_path)
    doc.text = "stale"
    entry.write_bytes(pickle.dumps(("another-version", doc)))
    assert parse_pdf(SAMPLES / "demo_budget_2025.pdf").text != "stale"


def test_a_corrupt_entry_is_a_miss(tmp_path):
    parse_pdf(SAMPLES / "demo_budget_2025.pdf")
    (entry,) = entries(tmp_path)
    entry.write_bytes(b"not a pickle")
    assert parse_pdf(SAMPLES / "demo_budget_2025.pdf").tables


def test_an_unwritable_cache_folder_changes_nothing(tmp_path, monkeypatch):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert parse_pdf(SAMPLES / "demo_budget_2025.pdf").tables
    assert cache.load("0" * 64) is None


def test_the_fingerprint_covers_the_parsers_source():
    assert len(cache.fingerprint()) == 16
