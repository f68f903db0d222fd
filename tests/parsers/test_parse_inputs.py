"""The same disclosure in other encodings and line endings parses to the identical model; the
parser package stands alone (no Textual)."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
from seed_docs import SEEDS, seed, seed_path

from parsers import load_document


def model(doc) -> dict:
    """Everything the parser produced, except what names the file itself."""
    data = dataclasses.asdict(doc)
    del data["path"], data["sha256"]
    return data


@pytest.mark.parametrize("key", list(SEEDS))
def test_gb18030_copy_parses_to_the_identical_model(key, tmp_path):
    text = seed_path(key).read_text(encoding="utf-8")
    copy = tmp_path / "gb18030.txt"
    copy.write_bytes(text.encode("gb18030"))
    with pytest.raises(UnicodeDecodeError):
        copy.read_bytes().decode("utf-8")  # really not UTF-8
    assert model(load_document(copy)) == model(seed(key))


@pytest.mark.parametrize("key", ["000", "001", "004"])
def test_utf8_bom_and_crlf_copy_parses_to_the_identical_model(key, tmp_path):
    text = seed_path(key).read_text(encoding="utf-8")
    copy = tmp_path / "bom-crlf.txt"
    copy.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    doc = load_document(copy)
    assert model(doc) == model(seed(key))
    assert doc.sha256 != seed(key).sha256  # the file's own bytes


def test_parsers_never_import_textual():
    modules = sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "parsers").glob("*.py") if p.stem != "__init__")
    code = (
        "import importlib, sys\n"
        "import parsers\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module('parsers.' + name)\n"
        "parsers.load_document(sys.argv[1])\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "assert not bad, bad\n"
    )
    assert {"text", "figures", "headings", "text_tables", "table_figures", "assemble", "model"} <= set(modules)
    done = subprocess.run([sys.executable, "-c", code, str(seed_path("001"))], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_parsing_the_five_seeds_is_fast():
    import time

    start = time.perf_counter()
    for key in SEEDS:
        load_document(seed_path(key))
    assert time.perf_counter() - start < 3.0  # ~0.3 s on a laptop; generous for CI
