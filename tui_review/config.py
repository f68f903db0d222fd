"""Typed configuration read from TOML: the default rule pack and the user's ``config.toml``.

The rule pack (``tui_review/rules.toml``, shipped with the package) defines every rule the checks
report: id, severity, one-line formula, Chinese and English titles, enabled, optional tolerances.
Rules for the parser's own issues (``parse.*``) carry no severity: each issue keeps the one the
parser gave it unless the user sets one.
The user's file (``$XDG_CONFIG_HOME/tui-review/config.toml``, default ``~/.config/…``, or
``--config FILE``) may override per rule ``enabled``, ``severity``, ``abs_tolerance`` and
``rel_tolerance`` under ``[rules."<id>"]`` (``[rules.sum.parts]`` works too), and sets ``[ui]``
``lang`` / ``theme`` / ``graphics`` (the page view: auto, kitty, sixel or halfblock), ``[keymap]``
action → key (consumed by the TUI; validated here only as strings) and ``[pdf]``
``page_seconds`` / ``document_seconds`` / ``memory_mb``, the budgets of reading one PDF page, one
PDF and each page-reading process (`parsers.pdf_worker.PdfLimits`).

Validation is strict: an unknown section, key, rule id or a value of the wrong type raises
`ConfigError`, whose one-line message names the file and, where it can be found, the line.
Numbers are read as `Decimal` (TOML floats never become binary floats); ``nan`` and ``inf`` are
refused. The file must be a regular file of at most 1 MB (a FIFO is refused, not waited on), and
TOML nested too deeply for the parser is a `ConfigError`, not a crash.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from parsers.errors import BilingualError, InputError
from parsers.files import read_bounded
from parsers.model import Severity
from parsers.pdf_worker import PdfLimits

LANGS = ("zh", "en")
_OVERRIDABLE = ("enabled", "severity", "abs_tolerance", "rel_tolerance")
_DESCRIPTIVE = ("formula", "title_zh", "title_en")
_SECTIONS = ("rules", "ui", "keymap", "pdf")
_PDF_KEYS = {"page_seconds": (0.1, 3600), "document_seconds": (1, 86400), "memory_mb": (256, 1 << 20)}
_UI_KEYS = ("lang", "theme", "graphics")
GRAPHICS = ("auto", "kitty", "sixel", "halfblock")  # how the page view draws a page
MAX_CONFIG_BYTES = 1 << 20


class ConfigError(BilingualError):
    """A configuration file that cannot be used, with a one-line bilingual message."""

    prefix_zh = "配置错误"
    prefix_en = "Config error"

    def __init__(self, path: str | os.PathLike, zh: str, en: str, lineno: int | None = None) -> None:
        self.path = str(path)
        self.lineno = lineno
        super().__init__(zh, en, subject=self.where)

    @property
    def where(self) -> str:
        return f"{self.path}:{self.lineno}" if self.lineno else self.path


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: Severity | None  # None: each finding keeps the severity its source gave (parser issues)
    formula: str
    title_zh: str
    title_en: str
    enabled: bool = True
    abs_tolerance: Decimal = Decimal(0)  # in the stated figure's unit
    rel_tolerance: Decimal = Decimal(0)  # a fraction of the stated figure

    @classmethod
    def fallback(cls, rule_id: str) -> Rule:
        """The rule used for an id the pack does not know: an error, titled by its id."""
        return cls(rule_id, Severity.ERROR, "", rule_id, rule_id)

    def severity_or(self, default: Severity) -> Severity:
        return self.severity if self.severity is not None else default

    def title(self, lang: str = "zh") -> str:
        return self.title_en if lang == "en" else self.title_zh


@dataclass(frozen=True, slots=True)
class UiConfig:
    lang: str = "zh"
    theme: str | None = None
    graphics: str = "auto"  # page view: auto-detect the terminal's graphics protocol, or one of GRAPHICS


@dataclass(frozen=True, slots=True)
class Config:
    rules: Mapping[str, Rule]  # the pack with the user's overrides applied
    ui: UiConfig = UiConfig()
    keymap: Mapping[str, str] = field(default_factory=dict)
    path: Path | None = None  # the user's file, when one was read
    pdf: PdfLimits = PdfLimits()  # budgets of PDF page reading ([pdf])

    @classmethod
    def default(cls) -> Config:
        return cls(rules=load_rule_pack())

    def rule(self, rule_id: str) -> Rule | None:
        return self.rules.get(rule_id)


def config_path() -> Path:
    """Where the user's configuration lives (it need not exist)."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "tui-review" / "config.toml"


@cache
def _pack() -> dict[str, Rule]:
    source = resources.files("tui_review").joinpath("rules.toml")
    text = source.read_text(encoding="utf-8")
    data = _parse(text, str(source))
    _only(data, ("rules",), "", str(source), text)
    pack = {}
    for rule_id, settings in _rule_tables(data.get("rules", {}), "", str(source), text):
        missing = [k for k in _DESCRIPTIVE if k not in settings]
        if missing:
            raise ConfigError(str(source), f"规则 {rule_id} 缺少 {', '.join(missing)}",
                              f"rule {rule_id} lacks {', '.join(missing)}", _line_of(text, rule_id))
        values = _rule_values(rule_id, settings, _OVERRIDABLE + _DESCRIPTIVE, str(source), text)
        pack[rule_id] = Rule(id=rule_id, **{"severity": None, **values})
    return pack


def load_rule_pack() -> dict[str, Rule]:
    """The default rule pack shipped with tui-review, by rule id."""
    return dict(_pack())


def load_config(path: str | os.PathLike | None = None) -> Config:
    """The rule pack with the user's overrides, ``[ui]`` and ``[keymap]``.

    ``path`` given: it must exist. ``path`` omitted: `config_path()` is read if it exists,
    otherwise the defaults are returned.
    """
    file = Path(path) if path is not None else config_path()
    if not file.exists() and not file.is_symlink():
        if path is None:
            return Config.default()
        raise ConfigError(file, "配置文件不存在", "no such config file")
    try:
        raw = read_bounded(file, MAX_CONFIG_BYTES)  # a regular file only: a FIFO would hang
    except InputError as exc:
        raise ConfigError(file, exc.zh, exc.en) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(file, "不是 UTF-8 编码的文本", "not UTF-8 text") from None
    data = _parse(text, str(file))
    _only(data, _SECTIONS, "", str(file), text)
    rules = load_rule_pack()
    for rule_id, settings in _rule_tables(_table(data, "rules", str(file), text), "", str(file), text):
        if rule_id not in rules:
            near = difflib.get_close_matches(rule_id, list(rules), n=1)
            hint_zh = f"（是否指 {near[0]}？）" if near else ""
            hint_en = f" (did you mean {near[0]}?)" if near else ""
            raise ConfigError(file, f"未知规则 {rule_id}{hint_zh}", f"unknown rule {rule_id}{hint_en}",
                              _line_of(text, rule_id))
        rules[rule_id] = replace(rules[rule_id], **_rule_values(rule_id, settings, _OVERRIDABLE, str(file), text))
    return Config(rules=rules, ui=_ui(data, str(file), text), keymap=_keymap(data, str(file), text), path=file,
                  pdf=_pdf_limits(data, str(file), text))


def _parse(text: str, path: str) -> dict:
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except RecursionError:
        raise ConfigError(path, "TOML 嵌套过深", "TOML nested too deeply") from None
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"at line (\d+)", str(exc))
        raise ConfigError(path, f"TOML 语法错误（{exc}）", f"TOML syntax error ({exc})",
                          int(match.group(1)) if match else None) from None


def _line_of(text: str, anchor: str, key: str | None = None) -> int | None:
    """The 1-based line where ``anchor`` first appears, or where ``key =`` follows it."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if anchor in line), None)
    if start is None:
        return None
    if key is not None:
        assignment = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for i in range(start, len(lines)):
            if assignment.match(lines[i]):
                return i + 1
    return start + 1


def _only(table: Mapping, allowed: tuple[str, ...], where: str, path: str, text: str, anchor: str = "") -> None:
    """Reject keys not in ``allowed``; ``anchor`` is text near the table's header, for the line."""
    for key in table:
        if key not in allowed:
            name = f"{where}.{key}" if where else key
            raise ConfigError(path, f"未知配置项 {name}（可用：{', '.join(allowed)}）",
                              f"unknown setting {name} (expected one of: {', '.join(allowed)})",
                              _line_of(text, anchor, key) if anchor else _line_of(text, key))


def _table(data: Mapping, name: str, path: str, text: str) -> dict:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(path, f"{name} 应为表（[{name}]）", f"{name} must be a table ([{name}])", _line_of(text, name))
    return value


def _rule_tables(rules: Mapping, prefix: str, path: str, text: str) -> Iterator[tuple[str, dict]]:
    """``[rules]`` flattened to (rule id, settings): ``[rules.sum.parts]`` is rule ``sum.parts``."""
    for name, value in rules.items():
        rule_id = f"{prefix}{name}"
        if not isinstance(value, dict):
            raise ConfigError(path, f"rules.{rule_id} 应为表（[rules.\"{rule_id}\"]）",
                              f"rules.{rule_id} must be a table ([rules.\"{rule_id}\"])", _line_of(text, name))
        settings = {k: v for k, v in value.items() if not isinstance(v, dict)}
        if settings:
            yield rule_id, settings
        nested = {k: v for k, v in value.items() if isinstance(v, dict)}
        if nested:
            yield from _rule_tables(nested, f"{rule_id}.", path, text)


def _rule_values(rule_id: str, settings: Mapping, allowed: tuple[str, ...], path: str, text: str) -> dict:
    _only(settings, allowed, f"rules.{rule_id}", path, text, anchor=rule_id)
    out: dict = {}
    for key, value in settings.items():
        line = _line_of(text, rule_id, key)
        if key == "enabled":
            if not isinstance(value, bool):
                raise ConfigError(path, f"rules.{rule_id}.enabled 应为 true 或 false",
                                  f"rules.{rule_id}.enabled must be true or false", line)
            out[key] = value
        elif key == "severity":
            if value not in tuple(Severity):
                raise ConfigError(path, f"rules.{rule_id}.severity 应为 error、warning 或 info，而不是 {value!r}",
                                  f"rules.{rule_id}.severity must be error, warning or info, not {value!r}", line)
            out[key] = Severity(value)
        elif key in ("abs_tolerance", "rel_tolerance"):
            if isinstance(value, bool) or not isinstance(value, (int, Decimal)) or not Decimal(value).is_finite() or value < 0:
                raise ConfigError(path, f"rules.{rule_id}.{key} 应为非负的有限数", f"rules.{rule_id}.{key} must be a non-negative finite number", line)
            out[key] = Decimal(value)
        else:
            if not isinstance(value, str):
                raise ConfigError(path, f"rules.{rule_id}.{key} 应为字符串", f"rules.{rule_id}.{key} must be a string", line)
            out[key] = value
    return out


def _ui(data: Mapping, path: str, text: str) -> UiConfig:
    ui = _table(data, "ui", path, text)
    _only(ui, _UI_KEYS, "ui", path, text, anchor="[ui]")
    lang = ui.get("lang", "zh")
    if lang not in LANGS:
        raise ConfigError(path, f"ui.lang 应为 zh 或 en，而不是 {lang!r}", f"ui.lang must be zh or en, not {lang!r}",
                          _line_of(text, "[ui]", "lang"))
    theme = ui.get("theme")
    if theme is not None and (not isinstance(theme, str) or not theme.strip()):
        raise ConfigError(path, "ui.theme 应为非空字符串", "ui.theme must be a non-empty string", _line_of(text, "[ui]", "theme"))
    graphics = ui.get("graphics", "auto")
    if graphics not in GRAPHICS:
        raise ConfigError(path, f"ui.graphics 应为 {' / '.join(GRAPHICS)} 之一，而不是 {graphics!r}",
                          f"ui.graphics must be one of {', '.join(GRAPHICS)}, not {graphics!r}", _line_of(text, "[ui]", "graphics"))
    return UiConfig(lang=lang, theme=theme, graphics=graphics)


def _pdf_limits(data: Mapping, path: str, text: str) -> PdfLimits:
    """``[pdf]``: ``page_seconds``, ``document_seconds`` and ``memory_mb``, each within a sane range."""
    table = _table(data, "pdf", path, text)
    _only(table, tuple(_PDF_KEYS), "pdf", path, text, anchor="[pdf]")
    values: dict[str, Any] = {}
    for key, (low, high) in _PDF_KEYS.items():
        if key not in table:
            continue
        value = table[key]
        if isinstance(value, bool) or not isinstance(value, (int, Decimal)) or not Decimal(value).is_finite() or not low <= value <= high:
            raise ConfigError(path, f"pdf.{key} 应为 {low} 到 {high} 之间的数", f"pdf.{key} must be a number from {low} to {high}",
                              _line_of(text, "[pdf]", key))
        values[key] = int(value) if key == "memory_mb" else float(value)
    return PdfLimits(**values)


def _keymap(data: Mapping, path: str, text: str) -> dict[str, str]:
    keymap = _table(data, "keymap", path, text)
    for action, key in keymap.items():
        if not isinstance(key, str) or not key.strip():
            raise ConfigError(path, f"keymap.{action} 应为按键字符串（如 \"ctrl+s\"）",
                              f"keymap.{action} must be a key string (e.g. \"ctrl+s\")", _line_of(text, "[keymap]", action))
    return dict(keymap)
