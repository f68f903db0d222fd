"""Outputs (S4, S10, 13 §6): only regular files are replaced (never a device, FIFO or directory,
whatever ``--force`` says), a replaced file keeps its permissions, a new one is 0644 under the
usual umask, and ``figures --format csv`` neutralises formula cells like the review sheet."""

from __future__ import annotations

import csv
import io
import os
import stat

import pytest
from cli_runner import run_cli

from tui_review.sheet import OutputError, OutputExistsError, write_bytes

SAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "sample_docs", "001_17aaca51ade6ba7f.txt")


def test_a_fifo_is_never_replaced_even_with_force(tmp_path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    done = run_cli(["check", SAMPLE, "-o", str(fifo), "--force"], cwd=tmp_path, home=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "not a regular file" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_device_and_a_directory_are_refused(tmp_path):
    with pytest.raises(OutputError, match="not a regular file"):
        write_bytes("/dev/null", b"x", force=True)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    with pytest.raises(OutputError, match="a directory"):
        write_bytes(tmp_path, b"x", force=True)


def test_a_replaced_file_keeps_its_permissions_and_a_new_one_is_0644(tmp_path):
    old = os.umask(0o022)
    try:
        new = write_bytes(tmp_path / "new.csv", b"a")
        assert stat.S_IMODE(new.stat().st_mode) == 0o644
        kept = tmp_path / "kept.csv"
        kept.write_bytes(b"old")
        kept.chmod(0o640)
        with pytest.raises(OutputExistsError):
            write_bytes(kept, b"new")
        write_bytes(kept, b"new", force=True)
        assert kept.read_bytes() == b"new" and stat.S_IMODE(kept.stat().st_mode) == 0o640
    finally:
        os.umask(old)


def test_an_unwritable_folder_is_one_line_exit_2(tmp_path):
    done = run_cli(["check", SAMPLE, "-o", str(tmp_path / "no" / "such" / "dir" / "out.txt")], cwd=tmp_path, home=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith("无法写入") and len(done.stderr.strip().splitlines()) == 1


def test_figures_csv_neutralises_formula_cells(tmp_path):
    doc = tmp_path / "formula.txt"
    doc.write_text("某局2024年度部门决算\n\n一、收入情况说明\n\n=cmd|收入合计100.00万元，其中：财政拨款收入60.00万元。\n",
                   encoding="utf-8")
    done = run_cli(["figures", str(doc), "--format", "csv"], cwd=tmp_path, home=tmp_path)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [row["subject"] for row in rows][:2] == ["'=cmd|收入合计", "财政拨款收入"]
    assert {row["value"] for row in rows} >= {"100.00", "60.00"}
