"""The outputs of a folder review: one file per document, a summary row per document, cross findings.

With ``check DIR --output OUT`` (or ``--output`` naming an existing folder) each document's report
goes to ``OUT/<relative path>.check.<txt|json|csv>`` as soon as it is checked, then
``OUT/summary.csv`` (one row per document: department, year, kind, contents, pages, errors,
warnings, notes, unreadable reason) and ``OUT/cross.csv`` (the cross-document findings, review
sheet columns). `summary_text` is the same summary for a terminal.
"""

from __future__ import annotations

from pathlib import Path

from tui_review.batch import DocResult
from tui_review.commands.sets import safe as _safe
from tui_review.docsets.grouping import HOLDS_ZH, KIND_ZH
from tui_review.review.folder_sheet import flat_name

SUMMARY_COLUMNS = (
    "document",
    "path",
    "department",
    "year",
    "kind",
    "contents",
    "pages",
    "errors",
    "warnings",
    "notes",
    "unreadable",
)
SUMMARY_NAME = "summary.csv"
CROSS_NAME = "cross.csv"
EXTENSIONS = {"text": "txt", "json": "json", "csv": "csv"}


def document_output(out: Path, path: Path, roots: list[Path], fmt: str) -> Path:
    """``OUT/<path relative to the folder it was found in, separators as __>.check.<ext>``."""
    relative = next((path.relative_to(r) for r in roots if r.is_dir() and path.is_relative_to(r)), Path(path.name))
    return out / f"{flat_name(relative)}.check.{EXTENSIONS[fmt]}"


def summary_row(result: DocResult) -> dict[str, object]:
    info, report = result.info, result.report
    counts = report.severity_counts() if report is not None else {}
    return {
        "document": result.path.name,
        "path": str(result.path),
        "department": info.department if info else "",
        "year": info.year if info and info.year else "",
        "kind": info.kind if info else "",
        "contents": info.holds if info else "",
        "pages": info.pages if info and info.pages is not None else "",
        "errors": counts.get("error", "") if report is not None else "",
        "warnings": counts.get("warning", "") if report is not None else "",
        "notes": counts.get("info", "") if report is not None else "",
        "unreadable": result.unreadable,
    }


def summary_text(rows: list[dict[str, object]], cross_total: int, cross_errors: int, cross_warnings: int, lang: str) -> str:
    """The summary as lines for a terminal (the caller sanitises nothing: every cell is escaped here)."""
    en = lang == "en"
    lines = ["== Summary ==" if en else "== 汇总 =="]
    for row in rows:
        name = _safe(str(row["document"]))
        if row["unreadable"]:
            lines.append(f"  ✗ {name}  {'unreadable' if en else '无法读取'}: {_safe(str(row['unreadable']))}")
            continue
        kind = str(row["kind"]) if en else KIND_ZH.get(str(row["kind"]), str(row["kind"]))
        holds = str(row["contents"]) if en else HOLDS_ZH.get(str(row["contents"]), str(row["contents"]))
        lines.append(
            f"  {name}  {_safe(str(row['department'])) or '—'} {row['year'] or '—'} {kind} {holds}  "
            + (f"errors {row['errors']}, warnings {row['warnings']}" if en
               else f"错误 {row['errors']}、警告 {row['warnings']}")
        )
    unreadable = sum(1 for r in rows if r["unreadable"])
    lines.append(
        f"{len(rows)} documents ({unreadable} unreadable); {cross_total} cross-document relations checked: "
        f"{cross_errors} errors, {cross_warnings} warnings" if en
        else f"共 {len(rows)} 份（无法读取 {unreadable} 份）；跨文档核对 {cross_total} 条：错误 {cross_errors}、警告 {cross_warnings}"
    )
    return "\n".join(lines) + "\n"




def export_folder(args, folder: Path) -> int:
    """``tui-review export DIR [--evidence OUT]``: one review sheet for every document under DIR, as
    the app shows them when opened from the folder list (`tui_review.review.folder_sheet`). An
    unreadable document is one line on stderr (exit 2); the rest is written."""
    import sys

    from tui_review.config import load_config
    from tui_review.review.export import default_export_path
    from tui_review.review.folder_sheet import export_folder_sheet
    from tui_review.terminal import printable

    config = load_config(args.config)
    output = Path(args.output) if args.output else default_export_path(folder)
    evidence = Path(args.evidence) if args.evidence else None
    done = export_folder_sheet(folder, output, config=config, password=args.password, lang=args.lang or config.ui.lang,
                               force=args.force, evidence=evidence)
    for unreadable in done.unreadable:
        print(printable(unreadable, one_line=True), file=sys.stderr)
    print(printable(f"{done.written} ({done.rows})", one_line=True))
    if evidence is not None:
        print(printable(f"{evidence} ({done.pictures} PNG)", one_line=True))
    return 2 if done.unreadable else 0
