"""Unreadable input: one exception type with a one-line message in Chinese and English.

Every reader raises `InputError` (never a bare OSError or a library's exception) for a file it
cannot turn into a `Document`; the CLI prints ``str(error)`` and exits 2, the TUI shows it in a
dialog and stays usable.
"""

from __future__ import annotations


class InputError(Exception):
    """A file that cannot be read as a disclosure."""

    def __init__(self, path: str, zh: str, en: str, code: str = "unreadable") -> None:
        self.path = str(path)
        self.zh = zh
        self.en = en
        self.code = code
        super().__init__(self.line())

    def line(self) -> str:
        """One line, Chinese then English, naming the file."""
        return f"无法读取 {self.path}：{self.zh} / Cannot read {self.path}: {self.en}"

    def message(self, lang: str = "zh") -> str:
        if lang == "en":
            return f"Cannot read {self.path}: {self.en}"
        return f"无法读取 {self.path}：{self.zh}"
