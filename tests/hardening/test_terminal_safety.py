"""S1: document text and file names never reach the terminal raw. Escape sequences (OSC 52 sets
the clipboard, OSC 0 the window title, CSI 2J clears the screen) and C1 controls are shown as
visible escapes in ``outline``, ``figures`` and ``check``'s text output and in error lines; JSON
keeps the document's text exact."""

from __future__ import annotations

import json

import pytest
from cli_runner import run_cli

from tui_review.terminal import printable

OSC52 = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
TITLE = "\x1b]0;pwned\x07"
CLEAR = "\x1b[2J"
C1 = "\x9b31m\x9d0;x\x9c"
HOSTILE = OSC52 + TITLE + CLEAR + C1


def _dangerous(text: str) -> list[str]:
    return [c for c in text if (ord(c) < 32 and c not in "\t\n") or 0x7F <= ord(c) <= 0x9F]


def test_printable_shows_controls_as_visible_escapes_and_keeps_tabs_and_newlines():
    assert printable("a\tb\nc") == "a\tb\nc"
    assert printable(OSC52) == "\\x1b]52;c;ZWNobyBwd25lZA==\\x07"
    assert printable("\x9b\x7f\x00") == "\\x9b\\x7f\\x00"
    assert printable("\u202eevil") == "\\u202eevil"
    assert printable("收入\r合计") == "收入\\x0d合计"
    assert printable("a\nb", one_line=True) == "a\\x0ab"
    assert printable(12) == "12"
    plain = "一般公共预算财政拨款收入 1,234.56 万元"
    assert printable(plain) is plain


@pytest.fixture
def hostile_txt(tmp_path):
    path = tmp_path / f"evil{CLEAR}.txt"
    path.write_text(
        f"某局2024年度部门决算\n\n一、收入支出决算总体情况说明{TITLE}\n\n"
        f"2024年度收入合计100.00万元{OSC52}，其中：财政拨款收入60.00万元，其他收入30.00万元{C1}。\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("command", [["outline"], ["figures"], ["check"], ["check", "--show-ok"]])
def test_cli_text_output_never_carries_a_raw_control_character(command, hostile_txt, tmp_path):
    done = run_cli([*command, str(hostile_txt)], cwd=tmp_path, home=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    assert not _dangerous(done.stdout) and not _dangerous(done.stderr), (done.stdout, done.stderr)
    assert "\\x1b" in done.stdout  # shown, not dropped


def test_an_error_line_naming_a_hostile_file_is_safe(tmp_path):
    done = run_cli(["check", str(tmp_path / f"missing{OSC52}.pdf")], cwd=tmp_path, home=tmp_path)
    assert done.returncode == 2
    assert not _dangerous(done.stderr) and "\\x1b]52" in done.stderr


def test_json_keeps_the_document_text_exact(hostile_txt, tmp_path):
    done = run_cli(["figures", str(hostile_txt), "--format", "json"], cwd=tmp_path, home=tmp_path)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert any("\x1b" in row["section"] for row in rows)  # the heading's ESC, exact
