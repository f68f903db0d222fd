"""`tui-review render FILE --page N [--finding ID] --output P.png`: one printed page as a PNG.

With ``--finding`` the finding's figures on that page are boxed (the suspect in the error colour,
other operands quieter) and ``--page`` may be left out (the suspect's page); ``--crop`` cuts the
picture to the boxes with a margin. Only PDF pages can be rendered. The output is never replaced
without ``--force``. Headless: no Textual.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tui_review.config import ConfigError, load_config
from tui_review.render.evidence import png_bytes
from tui_review.render.marks import Mark, finding_marks, home_page
from tui_review.render.pdf_pages import PdfPages
from tui_review.render.picture import render_picture
from tui_review.sheet import OutputExistsError, write_bytes


def add_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", help="PDF 文档 / the PDF document")
    parser.add_argument("--page", type=int, metavar="N", help="页码（从 1 起）/ page number, from 1 (default: the finding's page)")
    parser.add_argument("--finding", metavar="ID", help="框出此问题的数字 / box the figures of this finding (its id or a unique prefix)")
    parser.add_argument("-o", "--output", metavar="P.png", required=True, help="输出 PNG / output PNG")
    parser.add_argument("--scale", type=float, default=2.0, help="每点像素数 / pixels per point (default 2 = 144 dpi)")
    parser.add_argument("--crop", action="store_true", help="裁剪到框出的区域 / crop to the boxed region")
    parser.add_argument("--force", action="store_true", help="覆盖已存在的输出文件 / overwrite the output")
    parser.add_argument("--config", metavar="FILE", help="配置文件 / config file")
    parser.add_argument("--password", metavar="PW", help="加密 PDF 的密码 / password of an encrypted PDF")


def _fail(zh: str, en: str) -> int:
    print(f"{zh} / {en}", file=sys.stderr)
    return 2


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return b"%PDF-" in fh.read(1024)
    except OSError:
        return False


def _finding_marks(args, path: Path) -> list[Mark] | int:
    """The finding's marks, or an exit code after a one-line message."""
    from tui_review.review.pipeline import LoadOptions, open_review
    from tui_review.review.store import StoreError

    try:
        config = load_config(args.config)
    except ConfigError as exc:
        print(exc.line(), file=sys.stderr)
        return 2
    try:
        session = open_review(path, LoadOptions(password=args.password, config=config), read_only=True)
    except StoreError as exc:
        print(exc.line(), file=sys.stderr)
        return 2
    session.store.close()
    matches = [f for f in session.findings if f.finding_id.startswith(args.finding)]
    exact = [f for f in matches if f.finding_id == args.finding]
    if len(exact) != 1 and len(matches) != 1:
        what = "没有" if not matches else "不止一个"
        return _fail(f"{what}编号以 {args.finding} 开头的问题", f"{'no' if not matches else 'more than one'} finding whose id starts with {args.finding}")
    finding = (exact or matches)[0]
    ids = list(finding.figure_ids) or [e.figure_id for e in finding.evidence]
    marks = finding_marks(session.figures, ids, finding)
    if not marks and args.page is None:
        if finding.page is None:
            return _fail("该问题没有可定位的页面", "this finding has no page to show")
        args.page = finding.page
    return marks


def run(args) -> int:
    path = Path(args.file)
    if not path.is_file():
        return _fail(f"文件不存在：{path}", f"no such file: {path}")
    if not _is_pdf(path):
        return _fail(f"只能渲染 PDF 文档的页面：{path}", f"only pages of a PDF can be rendered: {path}")
    if not 0.1 <= args.scale <= 8:
        return _fail("--scale 应在 0.1 到 8 之间", "--scale must be between 0.1 and 8")
    marks: list[Mark] = []
    if args.finding:
        found = _finding_marks(args, path)
        if isinstance(found, int):
            return found
        marks = found
    page = args.page if args.page is not None else home_page(marks)
    if page is None:
        return _fail("请用 --page 指定页码", "give the page with --page")
    with PdfPages(path, args.password) as pages:
        picture = render_picture(pages, page, marks, args.scale, crop=args.crop)
    try:
        written = write_bytes(args.output, png_bytes(picture.image), force=args.force)
    except OutputExistsError as exc:
        print(exc.line(), file=sys.stderr)
        return 2
    except OSError as exc:
        return _fail(f"无法写入 {args.output}：{exc.strerror or exc}", f"cannot write {args.output}: {exc.strerror or exc}")
    boxes = len(picture.boxes)
    print(f"{written} (p.{page}, {picture.image.width}×{picture.image.height}, {boxes} box{'es' if boxes != 1 else ''})")
    return 0
