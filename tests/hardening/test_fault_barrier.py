"""A bug in one relation finder or check costs only its own findings: it becomes one
``internal.*`` warning naming what failed (and the section when known), its traceback goes to the
log file, the document's other findings still arrive and the exit code follows them."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers import load_document
from tui_review import relations as finders
from tui_review.engine import check_document
from tui_review.cli import main
from tui_review.config import Config

SAMPLES = Path(finders.__file__).resolve().parents[2] / "sample_docs"
SEED = str(SAMPLES / "001_17aaca51ade6ba7f.txt")
# a document on which each finder finds relations (so its fault has something to lose)
DOCUMENTS = ("demo_final_2024.pdf", "000_c776e60c2084e5b6.txt", "001_17aaca51ade6ba7f.txt", "004_bc0a8bbd7780701e.txt")


@pytest.fixture(scope="module")
def docs():
    return [load_document(SAMPLES / name) for name in DOCUMENTS]


@pytest.fixture(scope="module")
def doc(docs):
    return docs[0]


@pytest.fixture(autouse=True)
def private_log(tmp_path, monkeypatch):
    monkeypatch.setenv("TUI_REVIEW_LOG", str(tmp_path / "log" / "tui-review.log"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "log" / "tui-review.log"


def _ids(report) -> set[str]:
    return {f.finding_id for f in report.findings}


def _failing_finder(doc):
    raise IndexError("list index out of range (injected)")


@pytest.mark.parametrize("finder", finders.FINDERS, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_each_finder_that_raises_costs_only_its_own_relations(finder, docs, monkeypatch):
    doc = next(d for d in docs if finder.find(d))
    others = [r for f in finders.FINDERS if f is not finder for r in f.find(doc)]
    expected = check_document(doc, Config.default(), relations=others)
    monkeypatch.setattr(finder, "find", _failing_finder)
    report = check_document(doc, Config.default())
    internal = [f for f in report.findings if f.rule.startswith("internal.")]
    name = finder.__name__.rsplit(".", 1)[-1]
    assert [(f.rule, f.severity) for f in internal] == [("internal.finder", "warning")]
    assert name in internal[0].message_zh and name in internal[0].message_en and "IndexError" in internal[0].message_en
    assert _ids(report) - {internal[0].finding_id} == _ids(expected)
    assert report.has_errors == expected.has_errors


def test_a_check_that_raises_is_one_warning_naming_its_rule_and_section(doc, monkeypatch):
    from tui_review import checks

    real = checks.evaluate
    baseline = check_document(doc, Config.default())

    def evaluate(relation, document, rule):
        if relation.rule == "sum.parts":
            raise ZeroDivisionError("injected")
        return real(relation, document, rule)

    monkeypatch.setattr(checks, "evaluate", evaluate)
    report = check_document(doc, Config.default())
    internal = [f for f in report.findings if f.rule == "internal.check"]
    assert internal and all(f.severity == "warning" and "sum.parts" in f.message_en for f in internal)
    assert all(f.section for f in internal)  # the section is named
    assert len({f.section_id for f in internal}) == len(internal)  # one per fault and section, not per relation
    untouched = {f.finding_id for f in baseline.findings if f.rule not in ("sum.parts", "rounding", "unchecked")}
    assert untouched <= _ids(report)


def test_a_suspect_search_that_raises_costs_only_the_groups(monkeypatch):
    from tui_review import checks

    doc = load_document(SAMPLES / "demo_final_2024_errors.pdf")
    baseline = check_document(doc, Config.default())
    assert baseline.groups  # the document has suspects to lose

    def find_groups(*_):
        raise ValueError("cannot convert % to 万元 (injected)")

    monkeypatch.setattr(checks, "find_groups", find_groups)
    report = check_document(doc, Config.default())
    internal = [f for f in report.findings if f.rule.startswith("internal.")]
    assert [(f.rule, f.severity) for f in internal] == [("internal.check", "warning")] and "suspects" in internal[0].message_en
    assert report.groups == [] and _ids(report) - {internal[0].finding_id} == _ids(baseline)
    assert report.has_errors == baseline.has_errors


def test_the_cli_reports_the_rest_writes_the_traceback_to_the_log_and_exits_by_the_findings(monkeypatch, capsys, private_log):
    expected_code = main(["check", SEED])
    capsys.readouterr()
    monkeypatch.setattr(finders.FINDERS[0], "find", _failing_finder)
    code = main(["check", SEED])
    out, err = capsys.readouterr()
    assert code == expected_code
    assert "internal.finder" in out and "小结" in out and "Traceback" not in out + err
    log = private_log.read_text(encoding="utf-8")
    assert "Traceback" in log and "list index out of range (injected)" in log


def test_a_bug_outside_the_barrier_is_one_line_exit_3_and_a_logged_traceback(monkeypatch, capsys, private_log):
    from tui_review.commands import outline

    def broken(doc):
        raise KeyError("injected")

    monkeypatch.setattr(outline, "render_outline", broken)
    code = main(["outline", SEED])
    out, err = capsys.readouterr()
    assert code == 3
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("内部错误") and "Internal error" in lines[0]
    assert str(private_log) in lines[0] and "KeyError" in lines[0]
    assert "Traceback" in private_log.read_text(encoding="utf-8")


def test_locate_names_the_log_file(capsys, private_log):
    assert main(["locate"]) == 0
    assert str(private_log) in capsys.readouterr().out
