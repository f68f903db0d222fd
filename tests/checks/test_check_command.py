"""`tui-review check`: formats, output files, languages, exit codes (in process and as a process)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from tui_review import relations as finders
from tui_review.contracts.columns import COLUMNS, headers
from tui_review.contracts.relation import Relation, RelationKind, Term
from tui_review.cli import main

HEAD = "示例局2023年度部门预算公开\n\n第一部分 2023年度部门预算情况说明\n\n"
BALANCED = HEAD + (
    "一、收支预算总体情况说明\n\n收入预算总计 354.72 万元，其中：本年收入 354.72 万元，上年结转结余 0 万元。\n\n"
    "二、一般公共预算基本支出预算情况说明\n\n基本支出 354.72 万元，其中：人员经费 284.32 万元，公用经费 70.40 万元。\n"
)
UNBALANCED = BALANCED.replace("公用经费 70.40", "公用经费 60.40")
MISSING = HEAD + "一、支出预算情况说明\n\n2023 年度支出预算合计 万元，其中基本支出 354.72 万元。\n"


def each_section_sums(doc):
    """A stand-in finder: in every section, the first figure is the total of the others."""
    out = []
    for section in doc.sections():
        figs = [f for f in doc.figures if f.section_id == section.id]
        if len(figs) > 2:
            out.append(Relation("sum.parts", RelationKind.SUM, [Term(f) for f in figs[1:]], target=figs[0],
                                section_id=section.id))
    return out


@pytest.fixture(autouse=True)
def stand_in_finder(monkeypatch):
    monkeypatch.setattr(finders, "FINDERS", (SimpleNamespace(__name__="stand_in", find=each_section_sums),))
    monkeypatch.setenv("XDG_CONFIG_HOME", "")  # never the developer's own config
    monkeypatch.setenv("HOME", "/nonexistent")


@pytest.fixture
def docs(tmp_path) -> dict[str, Path]:
    out = {}
    for name, text in (("balanced", BALANCED), ("unbalanced", UNBALANCED), ("missing", MISSING)):
        out[name] = tmp_path / f"{name}.txt"
        out[name].write_text(text, encoding="utf-8")
    return out


def run(capsys, *argv):
    code = main(["check", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_report_and_exit_codes(capsys, docs):
    code, out, _ = run(capsys, docs["balanced"])
    assert code == 0 and "没有发现问题" in out and "小结：关系 2 条，已核对 2 条：一致 2 条" in out
    code, out, _ = run(capsys, docs["unbalanced"])
    assert code == 1
    # one slip, three equally likely figures: a group naming the tie, its member below it
    assert "可疑数字" in out and "基本支出 354.72（@121）应为 344.72 或 人员经费 284.32" in out
    assert "没有多数" in out and "\n      ✗ 错误  sum.parts" in out
    assert "人员经费 284.32 + 公用经费 60.40 = 344.72（±0.015），与所列基本支出 354.72 不一致，差 10.00" in out
    assert "金额覆盖率 100.0%（6/6）" in out


def test_english(capsys, docs):
    code, out, _ = run(capsys, docs["unbalanced"], "--lang", "en")
    assert code == 1 and "does not agree with the stated 基本支出 354.72: off by 10.00" in out
    assert "Summary: 2 relations, 2 checked: 1 verified, 1 failed (error 1" in out


def test_json_lists_failing_findings_and_show_ok_adds_the_rest(capsys, docs):
    code, out, _ = run(capsys, docs["unbalanced"], "--format", "json")
    (finding,) = json.loads(out)
    assert code == 1 and list(finding)[: len(COLUMNS)] == [c.key for c in COLUMNS]
    assert {"verdict", "place_parts", "evidence"} <= set(finding)
    assert (finding["document"], finding["rule"], finding["status"]) == ("unbalanced.txt", "sum.parts", "open")
    assert (finding["stated_value"], finding["expected_value"], finding["unit"]) == ("354.72", "344.72", "万元")
    assert finding["evidence"][0]["part"] == "stated" and finding["evidence"][0]["value"] == "354.72"
    _, out, _ = run(capsys, docs["unbalanced"], "--format", "json", "--show-ok")
    assert [f["status"] for f in json.loads(out)] == ["ok", "open"]


def test_csv_to_a_file_with_bom_and_no_clobbering(capsys, docs, tmp_path):
    target = tmp_path / "sheet.csv"
    code, out, _ = run(capsys, docs["unbalanced"], "--format", "csv", "--output", target)
    assert code == 1 and out == ""
    data = target.read_bytes()
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert data.startswith(b"\xef\xbb\xbf") and rows[0] == headers("zh") and len(rows) == 3
    group, member = (dict(zip(headers("zh"), row)) for row in rows[1:])  # the group's row, then its member
    # a Chinese sheet names rules by their titles (the ids stay in JSON and the English sheet)
    assert group["规则"] == "可疑数字" and group["编号"] == group["可疑组"] == member["可疑组"]
    assert member["规则"] == "合计等于各组成部分之和" and member["审核状态"] == "待核"
    code, _, err = run(capsys, docs["balanced"], "--format", "csv", "--output", target)
    assert code == 2 and "--force" in err and target.read_bytes() == data
    code, _, _ = run(capsys, docs["balanced"], "--format", "csv", "--output", target, "--force", "--encoding", "gb18030")
    assert code == 0 and target.read_bytes().decode("gb18030").splitlines() == [",".join(headers("zh"))]


def test_csv_on_stdout_carries_the_bom(capsys, docs):
    _, out, _ = run(capsys, docs["unbalanced"], "--format", "csv")
    assert out.startswith("\ufeff文档,编号,")
    _, out, _ = run(capsys, docs["unbalanced"], "--format", "csv", "--lang", "en")
    assert out.startswith("\ufeffdocument,finding_id,")


def test_an_unreadable_file_is_reported_and_the_others_still_checked(capsys, docs, tmp_path):
    code, out, err = run(capsys, tmp_path / "nope.pdf", docs["unbalanced"])
    assert code == 2
    assert err.startswith("无法读取 ") and "nope.pdf" in err and " / Cannot read " in err
    assert "== unbalanced.txt ==" in out


def test_parser_findings_are_reported(capsys, docs):
    code, out, _ = run(capsys, docs["missing"])
    assert code == 1 and "parse.missing_figure" in out


def test_a_bad_config_is_one_line_and_exit_2(capsys, docs, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('[rules."sum.parts"]\nseverity = "fatal"\n', encoding="utf-8")
    code, out, err = run(capsys, docs["balanced"], "--config", config)
    assert code == 2 and out == "" and err.count("\n") == 1 and f"{config}:2" in err


def test_a_config_can_soften_a_rule(capsys, docs, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('[rules."sum.parts"]\nseverity = "warning"\n', encoding="utf-8")
    code, out, _ = run(capsys, docs["unbalanced"], "--config", config)
    assert code == 0 and "! 警告  sum.parts" in out


def test_no_file_checks_the_bundled_sample(capsys):
    from tui_review.samples import bundled_sample

    code, out, _ = run(capsys)
    assert code in (0, 1) and out.startswith(f"== {bundled_sample().name} ==")


def test_the_annotate_seam_sees_every_report(docs):
    from tui_review.cli import build_parser
    from tui_review.commands import check

    seen = []
    args = build_parser().parse_args(["check", str(docs["balanced"]), "--output", str(docs["balanced"].with_suffix(".out"))])
    assert check.run(args, annotate=lambda path, doc, findings: seen.append((path.name, len(findings))) or {}) == 0
    assert seen == [("balanced.txt", 2)]


# --- as a process, with the real relation finders -----------------------------------------------


def tui_review(*argv) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui_review", "check", *map(str, argv)],
                          capture_output=True, text=True, timeout=120, env={"HOME": "/nonexistent", "PATH": ""})


def test_exit_codes_of_the_installed_command(docs, tmp_path):
    assert tui_review(docs["balanced"]).returncode == 0
    assert tui_review(docs["unbalanced"]).returncode == 1
    missing = tui_review(tmp_path / "nope.txt")
    assert missing.returncode == 2 and "Traceback" not in missing.stderr and missing.stderr.count("\n") == 1
