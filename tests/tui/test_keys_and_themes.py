"""Keys, strings and themes, checked without running the app."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import themes
from tui_review import i18n
from tui_review.keymap import KEYS, default_keymap_toml

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_default_keymap_is_generated_from_the_bindings():
    shipped = (ROOT / "tui_review" / "data" / "default_keymap.toml").read_text(encoding="utf-8")
    assert shipped == default_keymap_toml(), "run: python -m tui_review.keymap > tui_review/data/default_keymap.toml"
    assert set(tomllib.loads(shipped)["keymap"]) == {k.id for k in KEYS}


def test_every_binding_has_a_unique_id_and_an_action_that_exists():
    from tui_review.app import ReviewApp
    from tui_review.screens.annotate import AnnotateScreen
    from tui_review.screens.error_dialog import ErrorDialog
    from tui_review.screens.main import MainScreen
    from tui_review.screens.status_picker import StatusPicker
    from tui_review.widgets.document_tree import DocumentTree
    from tui_review.widgets.findings_list import FindingsList
    from tui_review.widgets.section_view import SectionView
    from tui_review.widgets.table_grid import TableGrid

    ids = [k.id for k in KEYS]
    assert len(ids) == len(set(ids))
    owners = {
        "app": [ReviewApp],
        "main": [MainScreen],
        "tree": [DocumentTree],
        "content": [SectionView],
        "table": [TableGrid],
        "findings": [FindingsList],
        "annotate": [AnnotateScreen],
        "status": [StatusPicker],
        "dialog": [ErrorDialog],
    }
    for key in KEYS:
        name = key.action.split("(")[0]
        assert all(hasattr(cls, f"action_{name}") for cls in owners[key.scope]), key.id
        assert key.zh and key.en


def test_every_interface_string_exists_in_both_languages():
    for key, (zh, en) in i18n.STRINGS.items():
        assert zh.strip() and en.strip(), key
        assert sorted(re.findall(r"{(\w+)}", zh)) == sorted(re.findall(r"{(\w+)}", en)), key
    used = set()
    for path in (ROOT / "tui_review").rglob("*.py"):
        used |= set(re.findall(r"""\btr\(\s*["']([a-z_.\-]+)["']\s*[,)]""", path.read_text(encoding="utf-8")))
    assert used <= set(i18n.STRINGS), used - set(i18n.STRINGS)


def test_language_switch():
    try:
        i18n.set_lang("en")
        assert i18n.tr("status.confirmed") == "confirmed"
        i18n.set_lang("zh")
        assert i18n.tr("status.confirmed") == "确认问题"
        with pytest.raises(ValueError):
            i18n.set_lang("fr")
    finally:
        i18n.set_lang("zh")


def test_builtin_themes_are_dark_light_and_high_contrast_with_distinct_severities():
    found = {t.name: t for t in themes.builtin_themes()}
    assert set(found) == {"review-dark", "review-light", "review-contrast"}
    assert found["review-dark"].dark and not found["review-light"].dark
    for theme in found.values():
        assert theme.error != theme.variables["verified"]  # failing and verified never share a colour
        assert theme.error.lower() != theme.warning.lower() or theme.name == "review-contrast"


def test_invalid_user_themes_are_skipped_with_the_file_named(tmp_path):
    (tmp_path / "good.toml").write_text('name = "mine"\nprimary = "#123456"\n', encoding="utf-8")
    (tmp_path / "bad.toml").write_text('name = "broken"\nprimary = "not a colour"\n', encoding="utf-8")
    (tmp_path / "worse.toml").write_text('name = "x"\nprimary = "#000"\nflavour = "grape"\n', encoding="utf-8")
    found, errors = themes.user_themes(tmp_path)
    assert [t.name for t in found] == ["mine"]
    assert found[0].variables["verified"] == "#123456"
    messages = sorted(str(e) for e in errors)
    assert "bad.toml" in messages[0] and "primary" in messages[0]
    assert "worse.toml" in messages[1] and "flavour" in messages[1]
