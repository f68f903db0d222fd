"""`tui-review check FILE...`: check disclosures headless and report the findings.

Formats: ``text`` (a readable report grouped by section, with a summary line per document),
``json`` (a list of finding objects) and ``csv`` (the review-sheet columns, UTF-8 with BOM or
GB18030). Failing findings by default; ``--show-ok`` adds the relations that hold. With no FILE
the bundled sample is checked. An unreadable file is reported on stderr and the others are still
checked. Exit status: 0 no error finding, 1 error findings, 2 an input (or the config, or the
output file) could not be used.

Where a document has a saved review (``<doc>.review.sqlite``), the CSV and JSON carry the reviewer's
status and note of each finding; the columns are the review sheet's (`tui_review.contracts.columns`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from parsers.model import Document
from tui_review import sheet
from tui_review.checks.report import finding_lines, group_lines, sheet_records
from tui_review.config import Config, load_config
from tui_review.contracts.columns import headers, json_record, sheet_row
from tui_review.contracts.finding import Finding, Judgement
from tui_review.engine import CheckReport, check_document
from tui_review.review.export import saved_judgements
from tui_review.terminal import printable

Annotate = Callable[[Path, Document, list[Finding]], dict[str, Judgement]]  # the saved review's judgements



@dataclass(slots=True)
class Checked:
    path: Path
    doc: Document
    report: CheckReport
    judgements: dict[str, Judgement] = field(default_factory=dict)  # by finding id, from the saved review

    def judgement(self, finding: Finding) -> Judgement:
        return self.judgements.get(finding.finding_id, Judgement())


def add_arguments(parser) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE", help="PDF / 文本 / Markdown 文件（省略则检查自带示例）")
    parser.add_argument("--format", choices=("text", "json", "csv"), default="text", help="输出格式 / output format")
    parser.add_argument("-o", "--output", metavar="FILE", help="写入文件而不是标准输出 / write to FILE")
    parser.add_argument("--force", action="store_true", help="覆盖已存在的输出文件 / overwrite FILE")
    parser.add_argument("--lang", choices=("zh", "en"), help="消息语言 / message language (default: config, zh)")
    parser.add_argument("--show-ok", action="store_true", help="同时列出核对一致的关系 / include verified relations")
    parser.add_argument("--config", metavar="FILE", help="配置文件 / config file (default: ~/.config/tui-review/config.toml)")
    parser.add_argument("--encoding", choices=sheet.ENCODINGS, default="utf-8-sig", help="CSV 编码 / CSV encoding")
    parser.add_argument("--password", metavar="PW", help="加密 PDF 的密码 / password of an encrypted PDF")


def check_files(
    paths: list[Path], config: Config, *, password: str | None = None, annotate: Annotate | None = None
) -> tuple[list[Checked], list[str]]:
    """Each readable file checked; the one-line messages of the unreadable ones."""
    from parsers import InputError, load_document

    checked, unreadable = [], []
    for path in paths:
        try:
            doc = load_document(path, password=password)
        except InputError as exc:
            unreadable.append(exc.line())
            continue
        report = check_document(doc, config)
        judgements = annotate(path, doc, report.findings) if annotate is not None else {}
        checked.append(Checked(path, doc, report, judgements))
    return checked, unreadable


def run(args, annotate: Annotate | None = None) -> int:
    annotate = annotate or saved_judgements
    config = load_config(args.config)
    lang = args.lang or config.ui.lang
    if args.files:
        paths = [Path(p) for p in args.files]
    else:
        from tui_review.samples import bundled_sample

        paths = [bundled_sample()]
    checked, unreadable = check_files(paths, config, password=args.password, annotate=annotate)
    for line in unreadable:
        print(printable(line, one_line=True), file=sys.stderr)
    for item in checked:
        for zh, en in item.report.notices:
            print(printable(f"{item.report.document}: {en if lang == 'en' else zh}", one_line=True), file=sys.stderr)
    _emit(args, checked, lang)  # an output that cannot be written raises sheet.OutputError (exit 2)
    if unreadable:
        return 2
    return 1 if any(item.report.has_errors for item in checked) else 0


def _shown(report: CheckReport, show_ok: bool) -> list[Finding]:
    return list(report.findings) if show_ok else report.failing()


def _emit(args, checked: list[Checked], lang: str) -> None:
    if args.format == "csv":
        rows = [sheet_row(f, item.judgement(f), lang) for item in checked for f in sheet_records(item.report, args.show_ok)]
        if args.output:
            sheet.write_csv(args.output, rows, columns=headers(lang), encoding=args.encoding, force=args.force)
        else:
            _stdout_csv(sheet.csv_text(rows, headers(lang)), args.encoding)
        return
    if args.format == "json":
        text = sheet.json_text(
            [json_record(f, item.judgement(f), lang) for item in checked for f in _shown(item.report, args.show_ok)]
        )
    else:
        text = printable("\n".join(text_report(item.doc, item.report, lang, args.show_ok) for item in checked))
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
