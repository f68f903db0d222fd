"""`tui-review [FILE|DIR]`: open the review app on a file (the bundled sample when none is given), or
on a folder's document list (Enter opens one).

Options: ``--review PATH`` (review file; default ``<file>.review.sqlite`` beside it), ``--theme``,
``--lang zh|en``, ``--config FILE`` (``[ui]`` and ``[keymap]`` are read from it), ``--password``,
``--no-cross`` (a file is checked alone, without the partners beside it).
An unreadable FILE does not stop the app: it opens and shows the problem in a dialog.
"""

from __future__ import annotations

from pathlib import Path

from tui_review.config import config_path, load_config
from tui_review.i18n import LANGS, set_lang


def add_arguments(parser) -> None:
    parser.add_argument("file", nargs="?", metavar="FILE", help="PDF / 文本 / Markdown 文件（省略则打开自带示例）")
    parser.add_argument("--review", metavar="PATH", help="审核记录文件 / review file (default: FILE.review.sqlite beside FILE)")
    parser.add_argument("--theme", metavar="NAME", help="主题 / theme: review-dark, review-light, review-contrast …")
    parser.add_argument("--lang", choices=LANGS, help="界面语言 / interface language (default: config, zh)")
    parser.add_argument("--config", metavar="FILE", help="配置文件 / config file (default: ~/.config/tui-review/config.toml)")
    parser.add_argument("--password", metavar="PW", help="加密 PDF 的密码 / password of an encrypted PDF")
    parser.add_argument("--no-cross", action="store_true",
                        help="不找同组文档、不做跨文档核对 / no partners, no cross-document checks")


def run(args) -> int:
    config = load_config(args.config)
    set_lang(args.lang or config.ui.lang)
    from tui_review.app import ReviewApp  # after set_lang: binding descriptions are read at import
    from tui_review.samples import sample_for_review
    from tui_review.widgets.page_image import preload

    preload(config.ui.graphics)  # before the app takes the terminal (a graphics protocol asks it questions)

    path: Path | None = Path(args.file) if args.file else sample_for_review()
    folder = path if path is not None and path.is_dir() else None  # a folder opens its document list
    if folder is not None:
        path = None
    options = load_options(args, config)
    app = ReviewApp(
        path,
        options=options,
        theme=args.theme or config.ui.theme,
        keymap=dict(config.keymap),
        user_theme_dir=user_theme_dir(),
        folder=folder,
        state_path=config_path().parent / "state.toml",
    )
    app.run()
    return 0


def load_options(args, config):
    """How a document is opened: a file opened alone is checked with the partners of its set found
    in its own folder (its 预算 or 决算, the year before or after, its text or tables file), so its
    cross findings are listed and ``c`` opens the partner beside it; ``--no-cross``: the file only."""
    from tui_review.review.pipeline import LoadOptions
    from tui_review.setcheck import SetCheck

    review = Path(args.review) if args.review else None
    if args.no_cross:
        return LoadOptions(review_path=review, password=args.password, config=config)
    return LoadOptions(review_path=review, password=args.password, config=config,
                       check=SetCheck(password=args.password, beside=True))


def user_theme_dir() -> Path:
    """Where users put their own theme files (beside the config file)."""
    return config_path().parent / "themes"
