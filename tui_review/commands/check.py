"""`tui-review check FILE|DIR...`: check disclosures headless and report the findings.

Formats: ``text`` (a readable report grouped by section, with a summary line per document),
``json`` (a list of finding objects) and ``csv`` (the review-sheet columns, UTF-8 with BOM or
GB18030). Failing findings by default; ``--show-ok`` adds the relations that hold. With no FILE
the bundled sample is checked. A folder is replaced by every disclosure under it. An unreadable
file is reported on stderr and the others are still checked. Exit status: 0 no error finding,
1 error findings, 2 an input (or the config, or the output file) could not be used.

Documents are checked one at a time per process (`tui_review.batch`), streaming: each
document's report is written, and its model released, before the next arrives. Documents that
belong together (`tui_review.docsets`) are then checked across (`tui_review.crosscheck`, rules
``cross.*``; ``--no-cross`` skips it). One file given alone is checked with the partners of its
set found in its own folder (`tui_review.setcheck.SetCheck` with ``beside``): its report holds the
cross findings it is home to, as the app lists them, and names the partners under its title. With a folder and ``--output DIR``, each document's report
goes to its own file, then ``summary.csv`` and ``cross.csv`` (`tui_review.commands.folder`).

Where a document has a saved review (``<doc>.review.sqlite``), the CSV and JSON carry the reviewer's
status and note of each finding; the columns are the review sheet's (`tui_review.contracts.columns`).
"""

from __future__ import annotations

import pickle
import sys
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from parsers.model import Document
from tui_review import sheet
from tui_review.checks.report import finding_lines, group_lines, sheet_records
from tui_review import batch
from tui_review.commands import folder as folder_outputs
from tui_review.config import Config, load_config
from tui_review.contracts.columns import headers, json_record, sheet_row
from tui_review.contracts.finding import Finding, Judgement
from tui_review.crosscheck import cross_findings
from tui_review.docsets import discover, expand
from tui_review.engine import CheckReport, check_document
from tui_review.review.export import saved_judgements
from tui_review.setcheck import SetCheck
from tui_review.i18n import rule_titles
from tui_review.terminal import printable

Annotate = batch.Annotate  # the saved review's judgements of a document's findings


@dataclass(slots=True)
class Checked:
    path: Path
    doc: Document
    report: CheckReport
    judgements: dict[str, Judgement] = field(default_factory=dict)  # by finding id, from the saved review

    def judgement(self, finding: Finding) -> Judgement:
        return self.judgements.get(finding.finding_id, Judgement())


def add_arguments(parser) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE", help="PDF / 文本 / Markdown 文件或文件夹（省略则检查自带示例）")
    parser.add_argument("--format", choices=("text", "json", "csv"), default="text", help="输出格式 / output format")
    parser.add_argument("-o", "--output", metavar="FILE", help="写入文件（检查文件夹时为输出文件夹）/ write to FILE (a folder when checking a folder)")
    parser.add_argument("--force", action="store_true", help="覆盖已存在的输出文件 / overwrite FILE")
    parser.add_argument("--lang", choices=("zh", "en"), help="消息语言 / message language (default: config, zh)")
    parser.add_argument("--show-ok", action="store_true", help="同时列出核对一致的关系 / include verified relations")
    parser.add_argument("--config", metavar="FILE", help="配置文件 / config file (default: ~/.config/tui-review/config.toml)")
    parser.add_argument("--encoding", choices=sheet.ENCODINGS, default="utf-8-sig", help="CSV 编码 / CSV encoding")
    parser.add_argument("--password", metavar="PW", help="加密 PDF 的密码 / password of an encrypted PDF")
    parser.add_argument("-j", "--jobs", type=int, metavar="N",
                        help="并行进程数（默认：全部核心）/ worker processes (default: every core)")
    parser.add_argument("--no-cross", action="store_true",
                        help="不做跨文档核对 / no cross-document checks (预算↔决算, 上年, 文字↔表格)")


def check_files(
    paths: list[Path], config: Config, *, password: str | None = None, annotate: Annotate | None = None
) -> tuple[list[Checked], list[str]]:
    """Each readable file checked, its model kept (for callers that need it); the one-line messages
    of the unreadable ones. `run` streams instead (see `tui_review.batch`)."""
    from parsers import InputError, load_document

    checked, unreadable = [], []
    for path in paths:
        try:
            doc = load_document(path, password=password, limits=config.pdf)
        except InputError as exc:
            unreadable.append(exc.line())
            continue
        report = check_document(doc, config)
        judgements = annotate(path, doc, report.findings) if annotate is not None else {}
        checked.append(Checked(path, doc, report, judgements))
    return checked, unreadable


def run(args, annotate: Annotate | None = None) -> int:
    """Check every file (folders expanded), streaming; then the cross-document findings and, for a
    folder, the summary. An output that cannot be written raises `sheet.OutputError` (exit 2)."""
    annotate = annotate or saved_judgements
    config = load_config(args.config)
    lang = args.lang or config.ui.lang
    if args.files:
        given = [Path(p) for p in args.files]
    else:
        from tui_review.samples import bundled_sample

        given = [bundled_sample()]
    paths = expand(given)
    folder = any(p.is_dir() for p in given)
    empty = [_empty_folder(p) for p in given if p.is_dir() and not discover(p)]
    for line in empty:
        print(printable(line, one_line=True), file=sys.stderr)
    if not paths:
        return 2
    out_dir = _output_folder(args, folder)
    if out_dir is not None:
        _prepare_folder(out_dir, paths, given, args)
    jobs = _jobs(args, config, lang, given, paths, annotate)
    workers = (args.jobs or batch.default_jobs()) if _picklable(annotate) else 1
    stream = out_dir is None and not args.output and args.format == "text"
    results: list[batch.DocResult] = []
    kept: list[str] = []  # text reports kept for one output file (the models are not)
    streamed = 0
    progress = batch.Progress(len(jobs), lang=lang)
    try:
        for result in batch.check_many(jobs, workers):
            progress.step()
            _notify(result, lang, progress)
            if result.ok:
                if out_dir is not None:
                    _write_document(result, out_dir, given, args, lang)
                elif stream:
                    sys.stdout.write(("\n" if streamed else "") + printable(result.rendered))
                    sys.stdout.flush()
                    streamed += 1
                elif args.format == "text":
                    kept.append(result.rendered)
            result.rendered = ""  # written or kept: the report and judgements alone stay
            results.append(result)
    finally:
        progress.close()
    cross = [] if args.no_cross else cross_findings([r.info for r in results if r.info is not None], config,
                                                     password=args.password)
    if out_dir is not None:
        _write_folder_summary(out_dir, results, cross, args, lang)
    else:
        _emit(args, [r for r in results if r.ok], kept, cross, lang, stream)
        if folder:
            _print_summary(_summary_text(results, cross, lang), args)
    if empty or any(r.unreadable for r in results):
        return 2
    errors = any(r.report.has_errors for r in results if r.report is not None)
    return 1 if errors or any(f.severity == "error" and f.failed for f in cross) else 0


def _jobs(args, config: Config, lang: str, given: list[Path], paths: list[Path], annotate: Annotate) -> list[batch.Job]:
    render = partial(_render, fmt=args.format, lang=lang, show_ok=args.show_ok)
    check = _alone_check(args, given, paths)
    if check is not None:  # one file, checked in this process: its report says which partners it found
        render = partial(render, beside=check)
    return [batch.Job(path, config, args.password, render, annotate, check) for path in paths]


def _alone_check(args, given: list[Path], paths: list[Path]) -> SetCheck | None:
    """One file checked alone: with the partners of its set found in its own folder (its cross
    findings are the ones it is home to, as the app shows it); ``--no-cross``: the file only."""
    if args.no_cross or len(paths) != 1 or any(p.is_dir() for p in given):
        return None
    return SetCheck(password=args.password, beside=True)


def _picklable(annotate: Annotate | None) -> bool:
    """Can the hook travel to a worker process? (A test's lambda cannot: it runs in-process.)"""
    try:
        pickle.dumps(annotate)
    except Exception:  # noqa: BLE001 — pickling raises several types; any of them means "no"
        return False
    return True


def _empty_folder(path: Path) -> str:
    from parsers import InputError

    return InputError(str(path), "这是一个目录，其中没有可检查的文档（PDF、文本、Markdown）",
                      "it is a directory with no disclosure in it (PDF, text, Markdown)", "directory").line()


def _render(doc: Document, report: CheckReport, *, fmt: str, lang: str, show_ok: bool, beside: SetCheck | None = None) -> str:
    """The document's text report (json and csv are written from the report itself); ``beside``:
    the check that found its partners in its folder, named under the report's title."""
    if fmt != "text":
        return ""
    text = text_report(doc, report, lang, show_ok)
    if beside is None or not beside.found_beside:
        return text
    title, _, rest = text.partition("\n")
    lines = [f"  ↔ {en if lang == 'en' else zh}" for zh, en in beside.found_beside]
    return "\n".join([title, *lines, rest])


def _notify(result: batch.DocResult, lang: str, progress: batch.Progress) -> None:
    lines = [result.unreadable] if result.unreadable else []
    if result.report is not None:
        lines += [f"{result.report.document}: {en if lang == 'en' else zh}" for zh, en in result.report.notices]
    if lines and progress.active:
        sys.stderr.write("\r\x1b[K")
    for line in lines:
        print(printable(line, one_line=True), file=sys.stderr)


def _output_folder(args, folder: bool) -> Path | None:
    """Per-document output goes to a folder when a folder was checked with ``--output``, or when
    ``--output`` names an existing folder."""
    if not args.output:
        return None
    out = Path(args.output)
    return out if folder or out.is_dir() else None


def _prepare_folder(out: Path, paths: list[Path], given: list[Path], args) -> None:
    """Create the output folder; refuse when a file there would be replaced without ``--force`` —
    before any work, so a run never stops half-way for it."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise sheet.OutputError(out, f"无法创建输出文件夹（{reason}）", f"cannot create the output folder ({reason})") from None
    if args.force:
        return
    targets = [folder_outputs.document_output(out, p, given, args.format) for p in paths]
    targets += [out / folder_outputs.SUMMARY_NAME, out / folder_outputs.CROSS_NAME]
    existing = next((t for t in targets if t.exists()), None)
    if existing is not None:
        raise sheet.OutputExistsError(existing)


def _write_document(result: batch.DocResult, out: Path, given: list[Path], args, lang: str) -> None:
    assert result.report is not None
    target = folder_outputs.document_output(out, result.path, given, args.format)
    if args.format == "csv":
        rows = [sheet_row(f, result.judgement(f), lang, rule_titles(lang)) for f in sheet_records(result.report, args.show_ok)]
        sheet.write_csv(target, rows, columns=headers(lang), encoding=args.encoding, force=True)
    elif args.format == "json":
        records = [json_record(f, result.judgement(f), lang) for f in _shown(result.report, args.show_ok)]
        sheet.write_bytes(target, sheet.json_text(records).encode("utf-8"), force=True)
    else:
        sheet.write_bytes(target, result.rendered.encode("utf-8"), force=True)


def _write_folder_summary(out: Path, results: list[batch.DocResult], cross: list[Finding], args, lang: str) -> None:
    rows = [folder_outputs.summary_row(r) for r in results]
    sheet.write_csv(out / folder_outputs.SUMMARY_NAME, rows, columns=folder_outputs.SUMMARY_COLUMNS,
                    encoding=args.encoding, force=True)
    cross_rows = [sheet_row(f, Judgement(), lang, rule_titles(lang)) for f in _shown_cross(cross, args.show_ok)]
    sheet.write_csv(out / folder_outputs.CROSS_NAME, cross_rows, columns=headers(lang), encoding=args.encoding, force=True)
    sys.stdout.write(printable(_summary_text(results, cross, lang)))


def _print_summary(text: str, args) -> None:
    """The folder summary after the reports: on stdout beside a text report; on stderr when stdout
    carries JSON or CSV, which must stay parseable as a whole."""
    if args.format == "text":
        sys.stdout.write("\n" + printable(text))
    else:
        sys.stderr.write(printable(text))


def _summary_text(results: list[batch.DocResult], cross: list[Finding], lang: str) -> str:
    failing = [f for f in cross if f.failed]
    return folder_outputs.summary_text(
        [folder_outputs.summary_row(r) for r in results],
        len(cross),
        sum(1 for f in failing if f.severity == "error"),
        sum(1 for f in failing if f.severity == "warning"),
        lang,
    )


def _shown(report: CheckReport, show_ok: bool) -> list[Finding]:
    return list(report.findings) if show_ok else report.failing()


def _shown_cross(cross: list[Finding], show_ok: bool) -> list[Finding]:
    return list(cross) if show_ok else [f for f in cross if f.failed]


def _emit(args, results: list[batch.DocResult], kept: list[str], cross: list[Finding], lang: str,
          streamed: bool) -> None:
    """Everything not already streamed: the whole output for json / csv / a file, and the cross findings."""
    cross_shown = _shown_cross(cross, args.show_ok)
    if args.format == "csv":
        rows = [sheet_row(f, r.judgement(f), lang, rule_titles(lang)) for r in results for f in sheet_records(r.report, args.show_ok)]
        rows += [sheet_row(f, Judgement(), lang, rule_titles(lang)) for f in cross_shown]
        if args.output:
            sheet.write_csv(args.output, rows, columns=headers(lang), encoding=args.encoding, force=args.force)
        else:
            _stdout_csv(sheet.csv_text(rows, headers(lang)), args.encoding)
        return
    if args.format == "json":
        text = sheet.json_text(
            [json_record(f, r.judgement(f), lang) for r in results for f in _shown(r.report, args.show_ok)]
            + [json_record(f, Judgement(), lang) for f in cross_shown]
        )
    else:
        text = "" if streamed else printable("\n".join(kept))
        if cross_shown:
            text += "\n" + printable(cross_report(cross_shown, lang))
    if args.output:
        sheet.write_bytes(args.output, text.encode("utf-8"), force=args.force)
    else:
        sys.stdout.write(text)


def _stdout_csv(text: str, encoding: str) -> None:
    """CSV on stdout in the sheet's encoding (BOM included), so ``> out.csv`` opens in Excel."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode(encoding))
    buffer.flush()


def cross_report(findings: list[Finding], lang: str = "zh") -> str:
    """The cross-document findings: each names both documents (its section and message say which)."""
    en = lang == "en"
    lines = ["== Cross-document findings ==" if en else "== 跨文档核对 =="]
    document = None
    for f in findings:
        if f.document != document:
            document = f.document
            lines.append(document)
        lines += finding_lines(f, lang)
    failing = [f for f in findings if f.failed]
    errors = sum(1 for f in failing if f.severity == "error")
    lines.append(f"Cross-document: {len(findings)} shown, {errors} errors, {len(failing) - errors} other failing"
                 if en else f"跨文档：列出 {len(findings)} 条，错误 {errors} 条，其他未通过 {len(failing) - errors} 条")
    return "\n".join(lines) + "\n"


def text_report(doc: Document, report: CheckReport, lang: str = "zh", show_ok: bool = False) -> str:
    """The readable report of one document: suspect groups, the other findings by section, then the
    summary line."""
    en = lang == "en"
    order = {s.id: i for i, s in enumerate(doc.sections())}
    findings = sorted(_shown(report, show_ok), key=lambda f: order.get(f.section_id, -1))
    lines = [f"== {report.document} =="] + group_lines(report.groups, lang)
    section = None
    for f in findings:
        if f.group:
            continue
        if f.section != section:
            section = f.section
            lines.append(section or ("(before the first heading)" if en else "（首个标题之前）"))
        lines += finding_lines(f, lang)
    if not findings:
        lines.append("  No findings." if en else "  没有发现问题。")
    lines.append(summary(report, lang))
    return "\n".join(lines) + "\n"


def summary(report: CheckReport, lang: str = "zh") -> str:
    """One line: relations checked / verified / failed by severity, coverage, findings by severity."""
    failed = report.failed_relation_counts()
    counts = report.severity_counts()
    cov = report.coverage_by_kind
    pct = cov.get("percent")
    if lang == "en":
        return (
            f"Summary: {report.relations} relations, {report.checked} checked: {report.verified} verified, "
            f"{sum(failed.values())} failed (error {failed['error']} / warning {failed['warning']} / "
            f"info {failed['info']}), {report.unchecked} not checked; amount coverage "
            f"{report.coverage.percent()} ({report.coverage.checked}/{report.coverage.extracted})"
            + (f", percentages {pct.percent()}" if pct is not None else "")
            + f"; findings: {counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes"
        )
    return (
        f"小结：关系 {report.relations} 条，已核对 {report.checked} 条：一致 {report.verified} 条，"
        f"不一致 {sum(failed.values())} 条（错误 {failed['error']} / 警告 {failed['warning']} / 提示 {failed['info']}），"
        f"未核对 {report.unchecked} 条；金额覆盖率 {report.coverage.percent()}"
        f"（{report.coverage.checked}/{report.coverage.extracted}）"
        + (f"，百分比 {pct.percent()}" if pct is not None else "")
        + f"；问题：错误 {counts['error']}、警告 {counts['warning']}、提示 {counts['info']}"
    )
