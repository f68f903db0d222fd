"""`tui-review export FILE|DIR`: write the review sheet headless, from the review saved beside FILE.

A folder gives one sheet for all its documents (`tui_review.commands.folder.export_folder`), and
with ``--evidence DIR`` one folder of pictures per PDF under DIR.

The same rows as the app's ``e``: every failing finding with the reviewer's status and note, the
reviewer's own findings, and notes kept from an earlier version of the document. UTF-8 with BOM,
never overwriting without ``--force``. The review file is only read (a running app may hold it).
With ``--evidence DIR`` (a PDF), one PNG per failing finding goes to DIR (its pages cut to the
boxed figures, page number first in the name) and the sheet gets a ``picture`` column with each
PNG's path relative to the sheet.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tui_review.config import load_config
from tui_review.review.export import default_export_path, export_review, export_review_with_evidence, write_evidence
from tui_review.review.pipeline import LoadOptions, open_review
from tui_review.sheet import OutputError, OutputExistsError
from tui_review.terminal import printable


def add_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", help="已审核的文档或文件夹 / the reviewed document, or a folder (one sheet for all)")
    parser.add_argument("-o", "--output", metavar="PATH", help="输出 CSV / output CSV (default: FILE 旁的 <name>.review.csv)")
    parser.add_argument("--review", metavar="PATH", help="审核记录文件 / review file (default: FILE.review.sqlite)")
    parser.add_argument("--force", action="store_true", help="覆盖已存在的输出文件 / overwrite the output")
    parser.add_argument("--lang", choices=("zh", "en"), help="消息语言 / message language (default: config, zh)")
    parser.add_argument("--config", metavar="FILE", help="配置文件 / config file")
    parser.add_argument("--password", metavar="PW", help="加密 PDF 的密码 / password of an encrypted PDF")
    parser.add_argument("--evidence", metavar="DIR", help="每个问题一张页面截图（PNG）写入此目录 / write one page picture (PNG) per finding to DIR")


def run(args) -> int:
    path = Path(args.file)
    if path.is_dir():  # one sheet for the folder's documents and their cross findings
        from tui_review.commands.folder import export_folder

        return export_folder(args, path)
    config = load_config(args.config)
    lang = args.lang or config.ui.lang
    options = LoadOptions(review_path=Path(args.review) if args.review else None, password=args.password, config=config)
    session = open_review(path, options, read_only=True)
    output = Path(args.output) if args.output else default_export_path(path)
    try:
        if args.evidence:
            if output.exists() and not args.force:  # refuse before any picture is written
                raise OutputExistsError(output)
            pictures = write_evidence(session, args.evidence, password=args.password, force=args.force)
            if not session.doc.page_count:
                print("文本文档没有页面截图 / a text document has no page pictures", file=sys.stderr)
            written = export_review_with_evidence(session, output, pictures, force=args.force, lang=lang)
        else:
            written = export_review(session, output, force=args.force, lang=lang)
    except OutputError:
        raise  # one line from the CLI's handler
    except OSError as exc:
        raise OutputError(output, f"写入失败（{exc.strerror or exc}）", f"write failed ({exc.strerror or exc})", cause=exc) from None
    finally:
        session.store.close()
    for notice in session.store.notices:
        print(printable(notice.message(lang), one_line=True), file=sys.stderr)
    print(printable(f"{written} ({len(session.entries)})", one_line=True))
    if args.evidence:
        print(printable(f"{args.evidence} ({len(pictures)} PNG)", one_line=True))
    return 0
