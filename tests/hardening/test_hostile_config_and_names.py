"""Config files and file names that used to end in a traceback: ``abs_tolerance = nan`` or
``inf``, TOML nested deeper than the parser recurses, a FIFO as ``--config`` (hung forever), and a
document whose ``<name>.review.sqlite`` is longer than a file name may be."""

from __future__ import annotations

import os

import pytest
from cli_runner import run_cli

from tui_review.config import ConfigError, load_config
from tui_review.review.paths import NAME_MAX, fallback_review_path, review_path_for
from tui_review.review.store import ReviewStore

SAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "sample_docs", "001_17aaca51ade6ba7f.txt")


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "+nan"])
def test_a_tolerance_that_is_not_a_finite_number_is_a_config_error(value, tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(f'[rules."sum.parts"]\nabs_tolerance = {value}\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="finite"):
        load_config(path)


def test_toml_nested_too_deeply_is_a_config_error(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("a = " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="nested too deeply"):
        load_config(path)


def test_a_fifo_as_config_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "config.toml"
    os.mkfifo(fifo)
    done = run_cli(["check", SAMPLE, "--config", str(fifo)], cwd=tmp_path, home=tmp_path, timeout=20)
    assert done.returncode == 2 and "FIFO" in done.stderr and "Traceback" not in done.stderr


def test_a_long_document_name_gets_a_review_file_name_that_fits(tmp_path):
    doc = tmp_path / ("预算" * 40 + ".txt")  # 243 bytes: the name fits, the name + .review.sqlite does not
    doc.write_bytes(open(SAMPLE, "rb").read())
    review, fallback = review_path_for(doc), fallback_review_path(doc)
    for name in (review.name, fallback.name):  # with room for its -lock / -wal / -journal beside it
        assert len(f"{name}-journal".encode()) <= NAME_MAX
    store = ReviewStore.open(doc)  # a writer: its lock file could be made
    assert not store.read_only and not store.notices
    store.close()
    assert review.name.endswith(".review.sqlite") and review.name.startswith("预算预算")
    assert review_path_for(tmp_path / ("预算" * 40 + "x.txt")) != review  # a digest tells long names apart
    for args in (["check", str(doc)], ["export", str(doc)]):
        done = run_cli(args, cwd=tmp_path, home=tmp_path)
        assert done.returncode in (0, 1), (args, done.stderr)
