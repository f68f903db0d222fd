"""`tui-review open`: placeholder until its issue lands (see README)."""

from __future__ import annotations

import sys


def add_arguments(parser) -> None:
    parser.add_argument("files", nargs="*")


def run(args) -> int:
    print("尚未实现 / not available yet: open", file=sys.stderr)
    return 2
