"""The review sheet: every open finding with the reviewer's status and note, plus their own findings.

Rows have the columns of ``tui-review check --format csv`` (`tui_review.contracts.columns`, in
Chinese or English): first the failing
findings and the reviewer's own findings in document order, then notes kept from an earlier version
of the document that no current finding matches (never dropped). Writing goes through
`tui_review.sheet` (UTF-8 with BOM, formula cells neutralised, atomic, no overwrite without force).

``saved_judgements`` is what ``tui-review check`` uses: the status and note of each failing finding
from the document's saved review (when there is one), so ``check --format csv/json`` carries the
reviewer's judgement too.
"""

from __future__ import annotations

import os
from pathlib import Path

from tui_review import sheet
from tui_review.contracts.columns import headers, sheet_row
from tui_review.contracts.finding import Finding, Judgement
from tui_review.i18n import rule_titles
from tui_review.review.paths import directory_writable, fallback_review_path, fitted_name, review_path_for
from tui_review.review.session import Entry, ReviewSession
from tui_review.review.store import ReviewStore


def default_export_path(document: str | os.PathLike) -> Path:
    """``report.pdf`` → ``report.review.csv`` beside it; where that folder cannot be written (a
    read-only share, a disc), in the working directory, else in the home folder. The reviewer
    sees the path and can change it before anything is written."""
    doc = Path(document)
    name = fitted_name(doc.stem, ".review.csv")
    for folder in (doc.parent, Path.cwd(), Path.home()):
        if directory_writable(folder):
            return folder / name
    return doc.with_name(name)


def entry_row(entry: Entry, lang: str = "zh") -> dict[str, object]:
    """One review-sheet row for an entry (finding, own finding or kept note): header → cell."""
    return sheet_row(entry.record, entry.judgement, lang, rule_titles(lang))


def review_rows(session: ReviewSession, lang: str = "zh") -> list[dict[str, object]]:
    return [entry_row(entry, lang) for entry in session.entries]


def export_review(session: ReviewSession, path: str | os.PathLike, *, force: bool = False, lang: str = "zh") -> Path:
    """Write the review sheet to ``path``; refuses to overwrite an existing file unless ``force``."""
    return sheet.write_csv(Path(path), review_rows(session, lang), columns=headers(lang), force=force)


def saved_judgements(path: str | os.PathLike, doc, findings: list[Finding]) -> dict[str, Judgement]:
    """The reviewer's status and note of each of ``findings`` saved for the document at ``path``
    (read only, no lock; re-attached as the app would). Empty when no review was saved."""
    saved = next((p for p in (review_path_for(path), fallback_review_path(path)) if p.exists()), None)
    if saved is None:
        return {}
    store = ReviewStore.open(path, saved, read_only=True)
    try:
        store.sync(doc, findings)
        return {
            f.finding_id: Judgement(review.status, review.note)
            for f in findings
            if f.failed and (review := store.review(f.finding_id)) is not None
        }
    finally:
        store.close()


# ── evidence pictures ───────────────────────────────────────────────────────────────────────────

PICTURE_HEADERS = {"zh": "截图", "en": "picture"}  # the column with each evidence picture's path (export --evidence)


def entry_marks(session: ReviewSession, entry: Entry) -> list:
    """The boxes an entry puts on its pages (`tui_review.render.marks.finding_marks`): a suspect
    group's suspects, with its members' figures as operands; a finding's suspect and operands; a
    reviewer's own finding's figure."""
    from tui_review.render.marks import finding_marks

    ids = list(entry.figure_ids)
    for member in session.members(entry.key):
        ids += [fid for fid in member.figure_ids if fid not in ids]
    return finding_marks(session.figures, ids, entry.record if entry.kind != "own" else None)


def evidence_name(entry: Entry, page: int) -> str:
    """``p012-3f9c…png``: the home page first, so a folder listing reads in page order."""
    key = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in entry.key)
    return f"p{page:03d}-{key}.png"


def write_evidence(
    session: ReviewSession,
    folder: str | os.PathLike,
    *,
    password: str | None = None,
    force: bool = False,
    scale: float | None = None,
) -> dict[str, Path]:
    """One PNG per failing finding (and own finding) with a figure on a PDF page: its pages cut to
    the boxes. Returns entry key → picture path. Nothing is written when one picture would replace
    an existing file without ``force`` (`sheet.OutputExistsError`). A text document gives none."""
    from tui_review.render.evidence import EVIDENCE_SCALE, evidence_pictures, png_bytes, stack
    from tui_review.render.marks import home_page
    from tui_review.render.pdf_pages import PdfPages

    planned = []
    for entry in session.entries:
        if entry.kind == "orphan" or (entry.finding is not None and not entry.finding.failed):
            continue
        marks = entry_marks(session, entry)
        home = home_page(marks)  # None when there is no mark
        if home is not None:
            planned.append((entry, marks, Path(folder) / evidence_name(entry, home)))
    if not planned:
        return {}
    if not force:
        for _, _, target in planned:
            if target.exists():
                raise sheet.OutputExistsError(target)
    Path(folder).mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    with PdfPages(session.doc.path, password) as pages:
        for entry, marks, target in planned:
            image = stack(evidence_pictures(pages, marks, scale or EVIDENCE_SCALE))
            written[entry.key] = sheet.write_bytes(target, png_bytes(image), force=True)
    return written


def export_review_with_evidence(
    session: ReviewSession,
    path: str | os.PathLike,
    pictures: dict[str, Path],
    *,
    force: bool = False,
    lang: str = "zh",
) -> Path:
    """The review sheet with a last column holding each entry's picture, relative to the sheet."""
    rows = evidence_rows(session, pictures, Path(path).resolve().parent, lang)
    return sheet.write_csv(Path(path), rows, columns=[*headers(lang), PICTURE_HEADERS[lang]], force=force)


def evidence_rows(
    session: ReviewSession, pictures: dict[str, Path], sheet_folder: Path, lang: str = "zh"
) -> list[dict[str, object]]:
    """The session's sheet rows, each with its picture's path relative to ``sheet_folder``."""
    rows = review_rows(session, lang)
    for row, entry in zip(rows, session.entries, strict=True):
        picture = pictures.get(entry.key)
        row[PICTURE_HEADERS[lang]] = _relative(picture, sheet_folder) if picture else ""
    return rows


def _relative(picture: Path, folder: Path) -> str:
    try:
        return Path(os.path.relpath(picture.resolve(), folder)).as_posix()
    except ValueError:  # another drive (Windows): no relative path exists
        return str(picture.resolve())
