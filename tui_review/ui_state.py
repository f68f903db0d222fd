"""What the app remembers between runs: the theme last chosen with ``t``.

Kept in ``state.toml`` beside the user's config file (``$XDG_CONFIG_HOME/tui-review/``), apart from
the config itself, which the app never rewrites (the user's comments stay). A missing or broken
state file is the same as none.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path


def remembered_theme(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        with open(path, "rb") as fh:
            value = tomllib.load(fh).get("theme")
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None
    return value if isinstance(value, str) else None


def remember_theme(path: Path | None, theme: str) -> None:
    """Write the state file (atomically); failing to is not worth a message."""
    if path is None:
        return
    escaped = theme.replace("\\", "\\\\").replace('"', '\\"')
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        partial.write_text(f'# tui-review: the theme last chosen with t\ntheme = "{escaped}"\n', encoding="utf-8")
        os.replace(partial, path)
    except OSError:
        pass
