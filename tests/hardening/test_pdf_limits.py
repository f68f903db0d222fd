"""PDF reading under budgets (13 §3, 17 item 3): a page over its time budget is skipped with the
reason (and when every page is, the file is refused in one line); only the PDF libraries' own
exceptions mean "cannot be read" — an exception from this project's code stays a bug."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from parsers import pdf
from parsers.errors import InputError
from parsers.pdf_worker import PdfLimits, from_library

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"


@pytest.fixture(autouse=True)
def no_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # a cached read would skip the budgets


# The budgets hold for pages read by worker processes; a test process whose earlier tests left
# it unable to start one (captured descriptors, threads) would read in-process, without budgets.
# So each budget is tried in a fresh interpreter, as the CLI runs.
BUDGETED_READ = """
import sys
from parsers import pdf
from parsers.errors import InputError
from parsers.pdf_worker import PdfLimits
try:
    pdf.parse_pdf(sys.argv[1], limits=PdfLimits(**{sys.argv[2]: 0.001}))
except InputError as exc:
    print(exc.code, exc.en)
else:
    print("read")
"""


def _read_under(tmp_path, budget: str) -> str:
    script = tmp_path / "budgeted_read.py"
    script.write_text(BUDGETED_READ, encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, str(script), str(SAMPLES / "demo_final_2024.pdf"), budget],
                          capture_output=True, text=True, timeout=120, env=env, cwd=SAMPLES.parent)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_pages_over_the_time_budget_are_skipped_and_named(tmp_path):
    out = _read_under(tmp_path, "page_seconds")
    assert out.startswith("limits ") and "per-page limit" in out


def test_the_document_budget_skips_what_is_left(tmp_path):
    out = _read_under(tmp_path, "document_seconds")
    assert out.startswith("limits ") and "time limit" in out


def test_the_budgets_are_read_from_the_config(tmp_path):
    from tui_review.config import ConfigError, load_config

    path = tmp_path / "config.toml"
    path.write_text("[pdf]\npage_seconds = 5\ndocument_seconds = 120\nmemory_mb = 768\n", encoding="utf-8")
    assert load_config(path).pdf == PdfLimits(5.0, 120.0, 768)
    path.write_text("[pdf]\nmemory_mb = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="memory_mb"):
        load_config(path)


def test_a_library_exception_is_cannot_be_read_and_a_bug_of_ours_is_not(monkeypatch):
    from pdfminer.psparser import PSEOF

    def library_fails(*args, **kwargs):
        raise PSEOF("unexpected end of file")

    def our_bug(*args, **kwargs):
        raise KeyError("a bug in the page reader")

    monkeypatch.setattr(pdf, "_read_all", library_fails)
    with pytest.raises(InputError, match="cannot be read"):
        pdf.parse_pdf(SAMPLES / "demo_final_2024.pdf")
    monkeypatch.setattr(pdf, "_read_all", our_bug)
    with pytest.raises(KeyError):
        pdf.parse_pdf(SAMPLES / "demo_final_2024.pdf")


def test_where_an_exception_was_raised_decides_whose_it_is():
    from pdfminer.pdfparser import PDFParser

    try:
        PDFParser(None).nextobject()  # pdfminer's own code raises (AttributeError inside pdfminer)
    except Exception as exc:  # noqa: BLE001
        assert from_library(exc)
    try:
        {}["missing"]
    except KeyError as exc:
        assert not from_library(exc)


def test_a_cancelled_read_stops_at_once_and_leaves_no_process_behind():
    import multiprocessing
    import time

    from parsers.errors import Cancelled

    steps = []
    started = time.monotonic()
    with pytest.raises(Cancelled):
        pdf.parse_pdf(SAMPLES / "demo_final_2024.pdf", progress=lambda done, total, stage: steps.append(done),
                      cancelled=lambda: len(steps) >= 2)
    assert 2 <= len(steps) < 20 and time.monotonic() - started < 15
    assert not [p for p in multiprocessing.active_children() if p.is_alive()]
