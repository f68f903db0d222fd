"""Command line: ``tui-review [FILE]`` opens the review app; sub-commands run headless.

Each sub-command lives in ``tui_review/commands/<name>.py`` and exposes ``add_arguments(parser)``
and ``run(args) -> int``. Exit codes: 0 no error finding, 1 error findings, 2 unreadable input or
bad usage. Every failure a user can cause prints one line (Chinese and English), never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from tui_review import __version__

COMMANDS = {
    "check": "检查一致性 / check consistency and report findings",
    "outline": "打印章节树 / print the section tree",
    "figures": "列出全部数字 / list every extracted figure",
    "export": "导出审核表 / export the review sheet from the saved review",
    "render": "把一页 PDF 画成 PNG / render a PDF page (with a finding's figures boxed) as PNG",
    "locate": "显示配置与审核文件位置 / show where config and review files live",
    "sets": "文档分组（预算↔决算、相邻年度、文字↔表格）/ group documents that belong together",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, no usage dump
        self.exit(2, f"参数错误 / usage error: {message}（tui-review --help）\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="tui-review", description="部门预算/决算公开审核工具 · budget & final-account disclosure review")
    parser.add_argument("--version", action="version", version=f"tui-review {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name, help_text in COMMANDS.items():
        module = importlib.import_module(f"tui_review.commands.{name}")
        p = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(p)
        p.set_defaults(_module=module)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version"):
        from tui_review.commands import open as open_command

        parser = _Parser(prog="tui-review", description="打开审核界面 / open the review app")
        open_command.add_arguments(parser)
        args = parser.parse_args(argv)
        return _run(open_command, args)
    args = build_parser().parse_args(argv)
    return _run(args._module, args)


def _run(module, args) -> int:
    from parsers.errors import InputError

    try:
        return int(module.run(args) or 0)
    except InputError as exc:
        print(exc.line(), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已中断 / interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
