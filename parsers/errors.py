"""Failures a user sees: one base class with a one-line message in Chinese and English.

`BilingualError` is the base of every failure the tool reports to a person: an unreadable input
(`InputError`, raised by every reader — never a bare OSError or a library's exception), a bad
config, a review file that cannot be used, an output that cannot be written, and `InternalError`
(a bug in the tool's own code, whose traceback goes to the log file). Each carries ``zh`` and
``en`` texts, an optional ``cause`` (the exception behind it) and the exit code the CLI returns.
The CLI's one handler prints ``line()`` and exits with ``exit_code``; the TUI shows
``message(lang)`` in a dialog and stays usable.

It lives in ``parsers`` (the lowest layer) so that every layer can raise it.
"""

from __future__ import annotations


class BilingualError(Exception):
    """A failure with a one-line message in Chinese and English (and the exception behind it)."""

    exit_code = 2
    prefix_zh = "错误"
    prefix_en = "Error"

    def __init__(self, zh: str, en: str, *, subject: str = "", cause: BaseException | None = None) -> None:
        self.zh = zh
        self.en = en
        self.subject = str(subject)  # what failed (a file), named after the prefix; may be empty
        self.cause = cause
        super().__init__(self.line())

    def _head(self, lang: str) -> str:
        prefix = self.prefix_en if lang == "en" else self.prefix_zh
        return " ".join(part for part in (prefix, self.subject) if part)

    def message(self, lang: str = "zh") -> str:
        head = self._head(lang)
        if lang == "en":
            return f"{head}: {self.en}" if head else self.en
        return f"{head}：{self.zh}" if head else self.zh

    def line(self) -> str:
        """One line, Chinese then English."""
        return f"{self.message('zh')} / {self.message('en')}"


class InputError(BilingualError):
    """A file that cannot be read as a disclosure."""

    prefix_zh = "无法读取"
    prefix_en = "Cannot read"

    def __init__(self, path: str, zh: str, en: str, code: str = "unreadable", cause: BaseException | None = None) -> None:
        self.path = str(path)
        self.code = code
        super().__init__(zh, en, subject=self.path, cause=cause)


class Cancelled(Exception):
    """The caller asked a long read to stop (the app's Esc); not a failure to show."""


class InternalError(BilingualError):
    """A bug in the tool's own code: the traceback is in the log file, the user sees one line."""

    exit_code = 3
    prefix_zh = "内部错误"
    prefix_en = "Internal error"

    @classmethod
    def of(cls, exc: BaseException, log: str | None) -> InternalError:
        name = type(exc).__name__
        where_zh = f"，详情已写入日志 {log}" if log else "，且无法写入日志"
        where_en = f"; the details are in the log {log}" if log else "; the log could not be written"
        return cls(f"程序缺陷（{name}）{where_zh}，请报告", f"a bug in tui-review ({name}){where_en}; please report it", cause=exc)
