"""The launcher and ``locate``: arguments reach the app; paths are printed (no terminal needed)."""

from __future__ import annotations

from pathlib import Path

from tui_review import i18n
from tui_review.cli import main
from tui_review.samples import bundled_sample


def test_no_file_opens_the_bundled_sample_with_config_and_options(monkeypatch, tmp_path):
    from tui_review.app import ReviewApp

    monkeypatch.setenv("TUI_REVIEW_DATA_DIR", str(tmp_path / "data"))
    seen = {}
    monkeypatch.setattr(ReviewApp, "run", lambda self: seen.update(app=self))
    config = tmp_path / "config.toml"
    config.write_text('[ui]\ntheme = "review-light"\n\n[keymap]\n"main.next_finding" = "x"\n', encoding="utf-8")
    try:
        assert main(["--config", str(config), "--lang", "en"]) == 0
        app = seen["app"]
        # the demo 决算 with tables, reviewed as a copy in the user's data folder: its review file
        # and sheet are written there, not in the installed package
        assert app.path == tmp_path / "data" / "sample" / "demo_final_2024_errors.pdf"
        assert app.path.read_bytes() == bundled_sample().read_bytes()
        assert app.requested_theme == "review-light" and app.keymap == {"main.next_finding": "x"}
        assert i18n.get_lang() == "en"
        assert main(["doc.pdf", "--review", str(tmp_path / "r.sqlite"), "--theme", "review-contrast", "--config", str(config)]) == 0
        app = seen["app"]
        assert (app.path, app.options.review_path, app.requested_theme) == (Path("doc.pdf"), tmp_path / "r.sqlite", "review-contrast")
    finally:
        i18n.set_lang("zh")


def test_a_broken_config_is_one_line_and_exit_2(tmp_path, capsys):
    config = tmp_path / "config.toml"
    config.write_text("[ui\n", encoding="utf-8")
    assert main(["--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert "config.toml" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_locate_prints_where_things_live(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("TUI_REVIEW_DATA_DIR", str(tmp_path / "data"))
    assert main(["locate", str(tmp_path / "report.pdf")]) == 0
    out = capsys.readouterr().out
    assert "config.toml" in out and "themes" in out
    assert str(tmp_path / "report.pdf.review.sqlite") in out
    assert str(tmp_path / "data" / "reviews") in out
