"""`tui-review locate [FILE]`: print where the config, themes, cache, log and review files live."""

from __future__ import annotations

import unicodedata

from parsers import cache
from tui_review.config import config_path
from tui_review.logs import log_path
from tui_review.review.paths import fallback_review_path, review_path_for, user_data_dir
from tui_review.terminal import printable


def add_arguments(parser) -> None:
    parser.add_argument("file", nargs="?", metavar="FILE", help="文档：显示其审核文件位置 / a document: show its review file")


def run(args) -> int:
    config = config_path()
    rows = [
        ("配置文件 / config", config),
        ("主题目录 / themes", config.parent / "themes"),
        ("缓存目录 / cache", cache.directory()),
        ("审核文件备用目录 / review fallback folder", user_data_dir() / "reviews"),
        ("日志文件 / log file", log_path()),
    ]
    if args.file:
        rows.append(("审核文件 / review file", review_path_for(args.file)))
        rows.append(("只读目录时 / if the folder is read-only", fallback_review_path(args.file)))
    else:
        rows.append(("审核文件 / review file", "<FILE>.review.sqlite（文档旁 / beside the document）"))
    width = max(_width(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label}{' ' * (width - _width(label))}  {printable(value, one_line=True)}")
    return 0


def _width(text: str) -> int:
    """Terminal cells: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
