"""One review sheet for a folder (a document set): ``tui-review export DIR`` and the export dialog.

Every disclosure under the folder is opened as the folder list opens it — checked with its set
(`tui_review.setcheck.SetCheck`), so each cross finding appears once, in the document that states
it — and its saved review is read, never written (a running app may hold it). The rows are the
review sheet's (`tui_review.review.export.review_rows`), document after document. With
``evidence``, each PDF's pictures go to ``evidence/<its path under the folder>/`` (one PNG per
finding, `write_evidence`) and the sheet gets the picture column, paths relative to the sheet.
A document that cannot be read is named in ``unreadable`` and left out; the rest is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tui_review import sheet
from tui_review.config import Config
from tui_review.contracts.columns import headers
from tui_review.docsets import discover
from tui_review.review.export import PICTURE_HEADERS, evidence_rows, review_rows, write_evidence
from tui_review.review.pipeline import LoadOptions, open_review
from tui_review.setcheck import SetCheck, describe_file

_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:]")


@dataclass(slots=True)
class FolderSheet:
    written: Path
    rows: int
    pictures: int = 0
    unreadable: list[str] = field(default_factory=list)  # one-line reasons


def flat_name(relative: Path) -> str:
    """``sub/report.pdf`` → ``sub__report.pdf``: a path under a folder as one safe file name."""
    return "__".join(_UNSAFE.sub("_", part) for part in relative.parts)


def evidence_subfolder(evidence: Path, folder: Path, document: Path) -> Path:
    """``evidence/sub__report.pdf``: one folder of pictures per document, named by its path."""
    return evidence / flat_name(document.relative_to(folder) if document.is_relative_to(folder) else Path(document.name))


def export_folder_sheet(
    folder: Path,
    output: Path,
    *,
    config: Config,
    password: str | None = None,
    lang: str = "zh",
    force: bool = False,
    evidence: Path | None = None,
) -> FolderSheet:
    """Write the folder's sheet (and pictures); `sheet.OutputExistsError` before anything is
    written when the sheet exists without ``force``."""
    if not force:  # refused before any work: nothing is half-written
        for target in (output, evidence):
            if target is not None and target.exists() and (target.is_file() or any(target.iterdir())):
                raise sheet.OutputExistsError(target)
    described = [describe_file(path, config, password) for path in discover(folder)]
    check = SetCheck([d.info for d in described if d.info is not None], password=password, folder=folder)
    options = LoadOptions(password=password, config=config, check=check)
    sheet_folder = output.resolve().parent
    rows: list[dict[str, object]] = []
    pictures = 0
    for item in described:
        if item.info is None:
            continue
        session = open_review(item.path, options, read_only=True)
        try:
            if evidence is None:
                rows += review_rows(session, lang)
                continue
            written = write_evidence(session, evidence_subfolder(evidence, folder, item.path), password=password, force=force)
            pictures += len(written)
            rows += evidence_rows(session, written, sheet_folder, lang)
        finally:
            session.store.close()
    columns = [*headers(lang), PICTURE_HEADERS[lang]] if evidence is not None else headers(lang)
    path = sheet.write_csv(output, rows, columns=columns, force=force)
    return FolderSheet(path, len(rows), pictures, [d.unreadable for d in described if d.unreadable])
