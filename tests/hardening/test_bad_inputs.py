"""Hostile and broken inputs: ``tui-review check FILE`` answers each in bounded time and memory,
either with exit 2 and one bilingual line naming the file (never a traceback) or, for inputs that
are readable after all, with exit 0/1 and a report. The inputs are generated into a temporary
folder by ``scripts/make_bad_inputs.py`` (stdlib only; the large ones never committed)."""

from __future__ import annotations

import pytest
from cli_runner import run_cli
from make_bad_inputs import make_bad_inputs, unreadable_by_us

NAMES = [
    "empty", "empty_named", "truncated", "truncated_header", "xref_offset", "xref_junk", "xref_none",
    "encrypted", "encrypted_wrong", "encrypted_right", "image_only", "docx_as", "xlsx_as", "ole_as",
    "random", "utf16", "utf16be", "gb18030", "pages_2000", "long_line", "big_50mb", "directory",
    "missing", "no_permission",
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


def test_one_bad_file_among_good_ones_is_reported_and_the_rest_still_checked(corpus, tmp_path):
    good = corpus["gb18030"].path
    done = run_cli(["check", str(corpus["docx_as"].path), str(good)], cwd=tmp_path, home=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert str(corpus["docx_as"].path) in done.stderr and "小结" in done.stdout
