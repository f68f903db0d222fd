"""The rule pack and the user's config: defaults, overrides, strict validation with file and line."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from parsers.model import Severity
from tui_review.config import Config, ConfigError, config_path, load_config, load_rule_pack

REQUIRED = ("sum.parts", "balance", "change", "growth", "share", "completion", "repeat", "components-of-change",
            "direction", "definition", "binding", "rounding", "unchecked", "parse.malformed_number",
            "parse.missing_figure", "parse.letter_o", "parse.split_digits", "parse.fullwidth_separator",
            "parse.no_text_layer", "table.total", "table.hierarchy", "table.balance", "table.columns",
            "table.cross", "prose.table", "completeness.table_missing", "completeness.empty_note")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_pack_defines_every_rule_with_formula_and_titles():
    pack = load_rule_pack()
    assert set(REQUIRED) <= set(pack)
    for rule in pack.values():
        assert rule.formula and rule.title_zh and rule.title_en and rule.enabled
    assert pack["sum.parts"].severity is Severity.ERROR
    assert pack["definition"].severity is Severity.WARNING
    assert pack["binding"].severity is pack["rounding"].severity is Severity.INFO
    assert pack["parse.letter_o"].severity is None  # the parser's own severity stands


def test_config_path_honours_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert config_path() == tmp_path / "tui-review" / "config.toml"
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert config_path() == tmp_path / ".config" / "tui-review" / "config.toml"


def test_no_user_file_gives_the_defaults(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    config = load_config()
    assert config.rules == Config.default().rules and config.ui.lang == "zh" and config.path is None


def test_the_default_file_is_read_when_present(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    (tmp_path / "tui-review").mkdir()
    (tmp_path / "tui-review" / "config.toml").write_text('[ui]\nlang = "en"\n', encoding="utf-8")
    assert load_config().ui.lang == "en"


def test_overrides_quoted_and_nested_with_exact_decimals(tmp_path):
    config = load_config(write(tmp_path, """
[rules."sum.parts"]
severity = "warning"
abs_tolerance = 0.01

[rules.parse.letter_o]
enabled = false

[rules.growth]
rel_tolerance = 0.001

[ui]
lang = "en"
theme = "monochrome"

[keymap]
next_finding = "n"
"""))
    assert config.rule("sum.parts").severity is Severity.WARNING
    assert config.rule("sum.parts").abs_tolerance == Decimal("0.01")  # not 0.01000000000000000020816…
    assert config.rule("sum.parts").formula == load_rule_pack()["sum.parts"].formula
    assert config.rule("parse.letter_o").enabled is False
    assert config.rule("growth").rel_tolerance == Decimal("0.001")
    assert (config.ui.lang, config.ui.theme, dict(config.keymap)) == ("en", "monochrome", {"next_finding": "n"})


@pytest.mark.parametrize("text, line, words", [
    ('[rules."sum.part"]\nenabled = false\n', 1, "sum.parts"),  # a suggestion for the near miss
    ('\n[rules.growth]\nseverity = "fatal"\n', 3, "error, warning or info"),
    ('[rules.growth]\nenabled = "yes"\n', 2, "true or false"),
    ('[rules.growth]\nabs_tolerance = -1\n', 2, "non-negative"),
    ('[rules.growth]\ncolour = "red"\n', 2, "colour"),
    ('[ui]\nlang = "fr"\n', 2, "zh or en"),
    ('[keymap]\nquit = 3\n', 2, "key string"),
    ('[theme]\nname = "x"\n', 1, "theme"),
    ('[rules\nx = 1\n', 1, "TOML"),
])
def test_errors_name_the_file_and_line(tmp_path, text, line, words):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    error = caught.value
    assert error.lineno == line
    assert f"{path}:{line}" in error.line() and words in error.line()
    assert error.line().startswith("配置错误") and " / Config error " in error.line() and "\n" not in error.line()


def test_a_named_config_file_must_exist(tmp_path):
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "missing.toml")


def test_a_config_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "config.toml"
    path.write_bytes('[ui]\nlang = "中文"\n'.encode("gb18030"))
    with pytest.raises(ConfigError, match="UTF-8"):
        load_config(path)
