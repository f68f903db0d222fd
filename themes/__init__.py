"""The app's themes: TOML files loaded into Textual `Theme` objects, strictly validated.

The shipped themes (``dark.toml``, ``light.toml``, ``contrast.toml`` here) are colour-blind safe
and used with glyphs, never colour alone. Users add their own ``*.toml`` files to the themes folder
that ``tui-review locate`` prints; an invalid one is skipped with a message naming the file.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

from textual.color import Color, ColorParseError
from textual.theme import Theme

DEFAULT_THEME = "review-dark"
COLOUR_KEYS = ("primary", "secondary", "warning", "error", "success", "accent", "foreground", "background", "surface", "panel", "boost")
REQUIRED_VARIABLES = ("verified", "own-mark")


class ThemeError(Exception):
    """An invalid theme file: names the file and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


def load_theme(path: Path) -> Theme:
    """Read one theme file; raise `ThemeError` naming the file and the problem."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ThemeError(str(path), f"cannot read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ThemeError(str(path), f"not valid TOML ({exc})") from None
    return theme_from_dict(data, str(path))


def theme_from_dict(data: dict, source: str) -> Theme:
    allowed = set(COLOUR_KEYS) | {"name", "dark", "variables"}
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ThemeError(source, f"unknown keys: {', '.join(unknown)}")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ThemeError(source, "a theme needs a name")
    if "primary" not in data:
        raise ThemeError(source, "a theme needs a primary colour")
    colours = {}
    for key in COLOUR_KEYS:
        if key in data:
            colours[key] = _colour(data[key], key, source)
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise ThemeError(source, "dark must be true or false")
    variables = data.get("variables", {})
    if not isinstance(variables, dict):
        raise ThemeError(source, "[variables] must be a table")
    variables = {str(k): _colour(v, f"variables.{k}", source) for k, v in variables.items()}
    missing = [v for v in REQUIRED_VARIABLES if v not in variables]
    if missing:
        fallback = colours.get("primary")
        variables.update({v: fallback for v in missing})
    return Theme(name=name, dark=dark, variables=variables, **colours)


def _colour(value, key: str, source: str) -> str:
    if not isinstance(value, str):
        raise ThemeError(source, f"{key} must be a colour string")
    try:
        Color.parse(value)
    except ColorParseError:
        raise ThemeError(source, f"{key}: {value!r} is not a colour") from None
    return value


def builtin_themes() -> list[Theme]:
    folder = resources.files("themes")
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)
    return [theme_from_dict(tomllib.loads(f.read_text(encoding="utf-8")), f.name) for f in files]


def user_themes(folder: Path) -> tuple[list[Theme], list[ThemeError]]:
    """Every valid theme in ``folder``, and the errors of the invalid ones."""
    themes, errors = [], []
    if folder.is_dir():
        for path in sorted(folder.glob("*.toml")):
            try:
                themes.append(load_theme(path))
            except ThemeError as exc:
                errors.append(exc)
    return themes, errors
