"""Command line: ``tui-review [FILE]`` opens the review app; sub-commands run headless.

Each sub-command lives in ``tui_review/commands/<name>.py`` and exposes ``add_arguments(parser)``
and ``run(args) -> int``; a command raises a `parsers.errors.BilingualError` for a failure a user
can cause, and `_run` — the one handler — prints its line. Exit codes: 0 no error finding, 1 error
findings, 2 unreadable input, config, review file or output, or bad usage, 3 a bug in tui-review
(its traceback goes to the log file that ``tui-review locate`` names). Never a traceback on the
terminal, and every line is made terminal-safe (`tui_review.terminal.printable`).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from parsers.errors import BilingualError, InternalError
from tui_review import __version__, logs
from tui_review.terminal import printable

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
    _tolerant_streams()
    logs.setup()
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
    """The one handler: a `BilingualError` is one line and its exit code; a bug is logged and
    told in one line (exit 3); never a traceback on the terminal."""
    try:
        return int(module.run(args) or 0)
    except BilingualError as exc:
        return error_line(exc)
    except KeyboardInterrupt:
        error_line(BilingualError("已中断", "interrupted"))
        return 130
    except BrokenPipeError:  # the reader went away (``| head``): nothing more to say
        _silence_stdout()
        return 0
    except Exception as exc:  # noqa: BLE001 — a bug: its traceback to the log, one line here
        return error_line(InternalError.of(exc, _logged(exc, args)))


def error_line(exc: BilingualError) -> int:
    """Print ``exc``'s one line on stderr (made terminal-safe); its exit code."""
    print(printable(exc.line(), one_line=True), file=sys.stderr)
    return exc.exit_code


def _logged(exc: BaseException, args) -> str | None:
    command = getattr(args, "command", None) or "open"
    path = logs.log_exception(f"internal error in tui-review {command} (argv: {sys.argv[1:]!r})", exc)
    return str(path) if path is not None else None


def _tolerant_streams() -> None:
    """A terminal that cannot show Chinese (``PYTHONIOENCODING=ascii``, a C locale) gets escapes,
    not a UnicodeEncodeError; a closed stdout or stderr (``>&-``) is a sink, not a crash."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
            continue
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError, OSError):
            pass


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's final flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
