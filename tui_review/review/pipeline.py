"""Open a document for review: parse it, check it, open its review store and re-attach the notes.

The one path the TUI's loading worker and ``tui-review export`` share; headless. `LoadOptions`
carries what the command line decides (review file, password, config) and the check to run.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from parsers import load_document
from parsers.model import Document
from tui_review.config import Config
from tui_review.engine import check_document
from tui_review.review.session import ReviewSession
from tui_review.review.store import ReviewStore

Progress = Callable[[int, int, str], None]  # (done, total, stage: parse | check | store)


@dataclass(frozen=True, slots=True)
class LoadOptions:
    review_path: Path | None = None  # default: <file>.review.sqlite beside the document
    password: str | None = None
    config: Config | None = None
    check: Callable = check_document  # (document, config) -> report with .findings


def open_review(
    path: str | os.PathLike,
    options: LoadOptions = LoadOptions(),
    *,
    progress: Progress | None = None,
    on_partial: Callable[[Document], None] | None = None,
    read_only: bool = False,
    cancelled: Callable[[], bool] | None = None,
) -> ReviewSession:
    """Raises `parsers.errors.InputError` for an unreadable file, `StoreError` for an unusable review
    file, `parsers.errors.Cancelled` when ``cancelled()`` turned True while the pages were read."""
    report_progress = progress or (lambda done, total, stage: None)
    doc = load_document(
        path, password=options.password, progress=lambda d, t, _s: report_progress(d, t, "parse"), on_partial=on_partial,
        limits=options.config.pdf if options.config is not None else None, cancelled=cancelled,
    )
    report_progress(0, 1, "check")
    report = options.check(doc, options.config)
    report_progress(1, 1, "check")
    report_progress(0, 1, "store")
    store = ReviewStore.open(path, options.review_path, read_only=read_only)
    try:
        store.sync(doc, report.findings)
    except Exception:
        store.close()
        raise
    report_progress(1, 1, "store")
    return ReviewSession(doc, report.findings, store)
