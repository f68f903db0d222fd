"""Hostile and broken inputs: ``tui-review check FILE`` answers each in bounded time and memory,
either with exit 2 and one bilingual line naming the file (never a traceback) or, for inputs that
are readable after all, with exit 0/1 and a report. The inputs are generated into a temporary
folder by ``scripts/make_bad_inputs.py`` (stdlib only; the large ones never committed)."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

import pytest
from cli_runner import run_cli
from make_bad_inputs import make_bad_inputs, unreadable_by_us

NAMES = [
    "empty", "empty_named", "truncated", "truncated_header", "xref_offset", "xref_junk", "xref_none",
    "encrypted", "encrypted_wrong", "encrypted_right", "image_only", "docx_as", "xlsx_as", "ole_as",
    "random", "utf16", "utf16be", "gb18030", "pages_2000", "long_line", "big_50mb", "directory",
    "missing", "no_permission",
    "utf16_odd", "big5", "html_as", "text_as", "zero_pages", "digits_29", "invisible", "symlink_loop", "fifo",
    "dev_zero", "self_form", "form_fan_out", "text_then_bomb", "flate_bomb",
]  # fmt: skip


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_bad_inputs(tmp_path_factory.mktemp("bad"))


def test_the_corpus_has_every_case(corpus):
    assert sorted(corpus) == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_bad_input(name, corpus, tmp_path):
    case = corpus[name]
    if name == "no_permission" and not unreadable_by_us(case.path):
        pytest.skip("running as root (or with CAP_DAC_OVERRIDE): a mode-000 file is readable anyway")
    done = run_cli(["check", str(case.path), *case.args], cwd=case.path.parent.parent if name == "directory" else case.path.parent, home=tmp_path)
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout
    if case.readable is None:  # a PDF bomb: a report, or one line refusing it; either way bounded
        case = replace(case, readable=done.returncode != 2)
    if case.readable:
        assert done.returncode in (0, 1), done.stderr
        assert "小结" in done.stdout and not done.stderr.strip()
        return
    assert done.returncode == 2, (done.returncode, done.stdout[-500:], done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    line = lines[0]
    zh, _, en = line.partition(" / ")
    assert zh.startswith(f"无法读取 {case.path}：") and en.startswith(f"Cannot read {case.path}: "), line
    assert all(word in en for word in case.words), (case.words, line)
    assert not done.stdout.strip()


def test_the_encrypted_pdf_is_read_with_its_password(corpus, tmp_path):
    case = corpus["encrypted_right"]
    done = run_cli(["figures", str(case.path), "--password", "secret"], cwd=tmp_path, home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "100.00" in done.stdout


def test_the_readable_encodings_parse_like_the_utf8_original(corpus):
    from make_bad_inputs import seed_text

    from parsers import load_document
    from parsers.text import parse_text

    expected = parse_text(seed_text()).text
    for name in ("utf16", "utf16be", "gb18030"):
        assert load_document(corpus[name].path).text == expected, name
    # a UTF-16 file cut one byte short of a character: everything but that half character
    assert load_document(corpus["utf16_odd"].path).text == expected + "\ufffd"


def test_big5_is_told_from_gb18030_and_gb18030_still_read():
    from make_bad_inputs import BIG5_TEXT

    from parsers.errors import InputError
    from parsers.text import decode

    with pytest.raises(InputError, match="Big5"):
        decode(BIG5_TEXT.encode("big5"), "x.txt")
    simplified = "一般公共预算财政拨款支出决算数为 1,234.56 万元，比上年增加，主要是人员经费增加。"
    assert decode(simplified.encode("gb18030"), "x.txt") == simplified


def test_a_number_with_an_invisible_character_is_read_whole_with_a_warning(corpus):
    from parsers import load_document
    from tui_review.engine import check_document

    doc = load_document(corpus["invisible"].path)
    assert [f.value for f in doc.figures if f.start is not None] == [Decimal("1234.56"), Decimal("1000.00"), Decimal("234.56")]
    warnings = [f for f in check_document(doc).findings if f.rule == "parse.invisible_character"]
    assert [(w.stated, str(w.severity)) for w in warnings] == [("1234.56", "warning"), ("1000.00", "warning")]


def test_a_figure_of_29_digits_is_a_warning_not_a_crash(corpus):
    from parsers import load_document
    from tui_review.engine import check_document

    report = check_document(load_document(corpus["digits_29"].path))
    rules = [(f.rule, str(f.severity)) for f in report.failing()]
    assert ("parse.malformed_number", "warning") in rules and not any(r.startswith("internal.") for r, _ in rules)


def test_one_bad_file_among_good_ones_is_reported_and_the_rest_still_checked(corpus, tmp_path):
    good = corpus["gb18030"].path
    done = run_cli(["check", str(corpus["docx_as"].path), str(good)], cwd=tmp_path, home=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert str(corpus["docx_as"].path) in done.stderr and "小结" in done.stdout


def test_a_bomb_page_is_skipped_with_its_reason_and_the_other_pages_are_read(corpus, tmp_path):
    done = run_cli(["check", str(corpus["text_then_bomb"].path), "--format", "json"], cwd=tmp_path, home=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    findings = json.loads(done.stdout)
    skipped = [f for f in findings if f["rule"] == "parse.page_skipped"]
    assert len(skipped) == 1 and skipped[0]["page"] == 2 and "内存" in skipped[0]["message"]
    figures = run_cli(["figures", str(corpus["text_then_bomb"].path)], cwd=tmp_path, home=tmp_path)
    assert "p.1" in figures.stdout and "100.00" in figures.stdout
