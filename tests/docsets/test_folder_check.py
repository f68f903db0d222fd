"""`tui-review check DIR`: every disclosure, a process pool, streaming, a summary CSV, cross findings."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import shutil
from pathlib import Path

import pytest

import parsers
from parsers.model import Document
from tui_review import engine
from tui_review.cli import main
from tui_review import batch
from tui_review.config import Config

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"
BUDGET_2023 = SAMPLES / "000_c776e60c2084e5b6.txt"
FINAL_2023 = SAMPLES / "001_17aaca51ade6ba7f.txt"
OTHER = SAMPLES / "002_bc077e1f6d303947.txt"


@pytest.fixture(autouse=True)
def no_user_config(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", "")
    monkeypatch.setenv("HOME", "/nonexistent")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture
def folder(tmp_path) -> Path:
    root = tmp_path / "docs"
    (root / "sub").mkdir(parents=True)
    shutil.copy(BUDGET_2023, root / BUDGET_2023.name)
    shutil.copy(FINAL_2023, root / "sub" / FINAL_2023.name)
    shutil.copy(OTHER, root / OTHER.name)
    (root / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    (root / "README.md").write_text("# not a disclosure\n", encoding="utf-8")
    return root


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_a_folder_is_checked_on_two_processes_with_a_summary_and_cross_findings(folder, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["check", str(folder), "--output", str(out), "--jobs", "2"])
    stdout, stderr = capsys.readouterr()
    assert code == 2  # broken.pdf could not be read; every other document was still checked
    assert "broken.pdf" in stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([
        f"{BUDGET_2023.name}.check.txt", f"sub__{FINAL_2023.name}.check.txt", f"{OTHER.name}.check.txt",
        "summary.csv", "cross.csv",
    ])
    rows = {r["document"]: r for r in read_csv(out / "summary.csv")}
    assert set(rows) == {BUDGET_2023.name, FINAL_2023.name, OTHER.name, "broken.pdf"}
    assert rows["broken.pdf"]["unreadable"] and not rows["broken.pdf"]["errors"]
    final = rows[FINAL_2023.name]
    assert (final["department"], final["year"], final["kind"], final["contents"]) == (
        "科尔沁左翼中旗政务服务局", "2023", "final", "both")
    assert final["errors"].isdigit() and final["warnings"].isdigit()
    assert read_csv(out / "cross.csv") == []  # the nine cross relations of 000 ↔ 001 all hold
    assert "跨文档核对 9 条：错误 0、警告 0" in stdout
    assert (out / f"sub__{FINAL_2023.name}.check.txt").read_text(encoding="utf-8").startswith(f"== {FINAL_2023.name} ==")


def test_existing_outputs_are_refused_before_any_work_unless_forced(folder, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "summary.csv").write_text("mine\n", encoding="utf-8")
    assert main(["check", str(folder), "--output", str(out), "--jobs", "1"]) == 2
    assert "summary.csv" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["summary.csv"]
    assert main(["check", str(folder), "--output", str(out), "--jobs", "1", "--force"]) == 2
    assert (out / "summary.csv").read_text(encoding="utf-8-sig").startswith("document,path,department")


def test_a_folder_without_output_prints_reports_then_the_summary(folder, capsys):
    main(["check", str(folder), "--jobs", "1", "--lang", "en"])
    stdout = capsys.readouterr().out
    assert stdout.index(f"== {BUDGET_2023.name} ==") < stdout.index("== Summary ==")
    assert "4 documents (1 unreadable); 9 cross-document relations checked: 0 errors, 0 warnings" in stdout


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_a_folder_on_stdout_as_json_or_csv_parses_whole_with_the_summary_on_stderr(folder, fmt, capsys):
    main(["check", str(folder), "--jobs", "1", "--lang", "en", "--format", fmt])
    captured = capsys.readouterr()
    if fmt == "json":
        records = json.loads(captured.out)
        assert {r["document"] for r in records} >= {BUDGET_2023.name, FINAL_2023.name}
    else:
        rows = list(csv.reader(io.StringIO(captured.out.lstrip("\ufeff"))))
        assert rows[0][0] and all(len(row) == len(rows[0]) for row in rows)
        assert not any("Summary" in cell for row in rows for cell in row)
    assert "4 documents (1 unreadable); 9 cross-document relations checked" in captured.err


def test_an_empty_folder_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["check", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"无法读取 {tmp_path}：") and "directory with no disclosure" in err


def test_each_report_is_written_before_the_next_document_is_read(tmp_path, monkeypatch, capsys):
    """S13: streaming — the first document's report is on stdout when the second is parsed."""
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(BUDGET_2023, first)
    shutil.copy(OTHER, second)
    written_before: dict[str, str] = {}
    real = parsers.load_document

    def spying(path, **kwargs):
        written_before[Path(path).name] = capsys.readouterr().out
        return real(path, **kwargs)

    monkeypatch.setattr(parsers, "load_document", spying)
    main(["check", str(first), str(second), "--jobs", "1", "--no-cross"])
    assert written_before["a.txt"] == ""
    assert "== a.txt ==" in written_before["b.txt"] and "小结" in written_before["b.txt"]


def test_a_result_carries_no_model():
    (result,) = batch.check_many([batch.Job(BUDGET_2023, Config.default())], workers=1)
    values = [getattr(result, f.name) for f in dataclasses.fields(result)]
    assert result.ok and not any(isinstance(v, Document) for v in values)
    assert result.info is not None and result.info.year == 2023


def test_a_crashing_worker_costs_only_its_own_document(tmp_path, monkeypatch):
    paths = []
    for name in ("a.txt", "crash.txt", "c.txt", "d.txt"):
        shutil.copy(OTHER, tmp_path / name)
        paths.append(tmp_path / name)
    real = engine.check_document

    def crashing(doc, config=None, relations=None):
        if doc.path.endswith("crash.txt"):
            os._exit(3)  # a hard crash, as inside a PDF library: no exception to catch
        return real(doc, config, relations)

    monkeypatch.setattr(engine, "check_document", crashing)  # inherited by the forked workers
    results = list(batch.check_many([batch.Job(p, Config.default()) for p in paths], workers=2))
    assert [r.path.name for r in results] == ["a.txt", "crash.txt", "c.txt", "d.txt"]
    assert [r.ok for r in results] == [True, False, True, True]
    assert "died" in results[1].unreadable


def test_progress_draws_done_total_elapsed_and_rate_only_on_a_terminal():
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty, pipe = Tty(), io.StringIO()
    for stream in (tty, pipe):
        progress = batch.Progress(3, stream, lang="en")
        progress.step()
        progress.close()
    assert "1/3" in tty.getvalue() and "docs/min" in tty.getvalue() and "00:0" in tty.getvalue()
    assert pipe.getvalue() == ""
