"""Document sets: department names normalised, documents described and grouped, `sets` printed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from parsers import load_document
from tui_review.cli import main
from tui_review.docsets import (
    DocInfo,
    LinkKind,
    department_key,
    describe,
    discover,
    group,
    same_department,
)

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"
BUDGET_2023 = SAMPLES / "000_c776e60c2084e5b6.txt"  # 2023 预算, 科左中旗政务服务局
FINAL_2023 = SAMPLES / "001_17aaca51ade6ba7f.txt"  # 2023 决算, 科尔沁左翼中旗政务服务局
OTHER = SAMPLES / "002_bc077e1f6d303947.txt"  # 2020 预算, 奈曼旗政务服务局


def info(name: str, department: str, year: int | None, kind: str = "budget", prose: int = 50, cells: int = 50) -> DocInfo:
    return DocInfo(name, name, name, department, "document", department_key(department), year, kind, prose, cells, 10)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("科左中旗政务服务局", "科尔沁左翼中旗政务服务局"),
        ("科尔沁左翼中旗政务服务局(部门)", "科左中旗政务服务局（部门）"),
        ("中共江苏省委办公厅", "江苏省委办公厅"),
        ("中国共产党江苏省委员会办公厅", "江苏省委办公厅"),
        ("江苏省人大常委会办公厅", "江苏省人大常委会"),
        ("江苏省政协办公厅", "江苏省政协"),
        ("XX县人民政府办公室", "XX县人民政府"),
    ],
)
def test_spellings_of_one_department_have_one_key(a, b):
    assert department_key(a) == department_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("奈曼旗政务服务局", "奈曼旗政务服务中心"),
        ("江苏省财政厅", "江苏省委办公厅"),
        ("上海市普陀区商务委员会", "上海市普陀区司法局"),
        ("科左中旗政务服务局", "科右中旗政务服务局"),
    ],
)
def test_different_departments_stay_apart(a, b):
    assert not same_department(department_key(a), department_key(b))


def test_a_region_left_out_still_matches_but_a_bare_word_does_not():
    assert same_department("省高级人民法院", "江苏省高级人民法院")
    assert not same_department("法院", "江苏省高级人民法院")
    assert not same_department("", "")


def test_seed_budget_and_final_are_described_from_their_metadata():
    budget, final = describe(load_document(BUDGET_2023)), describe(load_document(FINAL_2023))
    assert (budget.year, budget.kind, budget.holds) == (2023, "budget", "prose")
    assert (final.year, final.kind) == (2023, "final")
    assert budget.key == final.key and budget.department != final.department


def test_a_tables_file_takes_its_department_from_the_table_header_and_year_from_its_name(tmp_path):
    path = tmp_path / "某某省某某厅2019年度部门预算公开表.txt"
    path.write_text(
        "“三公”经费支出预算表\n部门：中共某某省委办公厅某某省财政厅印制\n单位：万元\n\n项目\t金额\n合计\t12.50\n",
        encoding="utf-8",
    )
    got = describe(load_document(path))
    assert got.department == "中共某某省委办公厅" and got.department_source == "table header"
    assert got.year == 2019 and got.kind == "budget"


def test_budget_and_final_of_one_year_are_linked_with_the_reason():
    sets = group([info("a", "科左中旗政务服务局", 2023), info("b", "科尔沁左翼中旗政务服务局", 2023, "final")])
    assert len(sets) == 1 and [link.kind for link in sets[0].links] == [LinkKind.BUDGET_FINAL]
    link = sets[0].links[0]
    assert (link.first.name, link.second.name) == ("a", "b")
    assert "科左中旗政务服务局 ≡ 科尔沁左翼中旗政务服务局" in link.why_zh and "2023" in link.why_en


def test_consecutive_years_and_a_text_tables_pair():
    docs = [
        info("text18", "江苏省委办公厅", 2018, cells=0),
        info("tables18", "中共江苏省委办公厅", 2018, prose=0),
        info("text19", "江苏省委办公厅", 2019, cells=0),
        info("both17", "江苏省委办公厅", 2017),
    ]
    (docset,) = group(docs)
    kinds = {(link.kind, link.first.name, link.second.name) for link in docset.links}
    assert kinds == {
        (LinkKind.TEXT_TABLES, "text18", "tables18"),
        (LinkKind.CONSECUTIVE, "text18", "text19"),  # prose with prose; tables18 has no 2019 partner
        (LinkKind.CONSECUTIVE, "both17", "text18"),
        (LinkKind.CONSECUTIVE, "both17", "tables18"),
    }


def test_two_years_apart_two_prose_files_or_unknown_departments_are_not_linked():
    docs = [info("a", "某局", 2019), info("b", "某局", 2021), info("c", "某局", 2019, cells=0)]
    assert all(not s.links for s in group(docs))
    alone = group([info("x", "", 2023), info("y", "", 2023, "final")])
    assert len(alone) == 2 and all(not s.links for s in alone)


def test_no_cross_lists_every_document_alone():
    sets = group([info("a", "某局", 2023), info("b", "某局", 2023, "final")], cross=False)
    assert [len(s.members) for s in sets] == [1, 1] and not any(s.links for s in sets)


def test_discover_finds_disclosures_but_not_readmes_or_hidden_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("a.pdf", "sub/b.txt", "README.md", ".hidden/c.txt", "d.csv", "e.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)] == ["a.pdf", "e.md", "sub/b.txt"]


def test_sets_command_prints_the_grouping_and_why(tmp_path, capsys):
    for path in (BUDGET_2023, FINAL_2023, OTHER):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 nothing else")
    code = main(["sets", str(tmp_path), "--lang", "en"])
    out, err = capsys.readouterr()
    assert code == 2 and "broken.pdf" in err
    assert "budget ↔ final: 000_c776e60c2084e5b6.txt ↔ 001_17aaca51ade6ba7f.txt" in out
    assert "科左中旗政务服务局 ≡ 科尔沁左翼中旗政务服务局" in out
    assert "3 documents, 2 sets, 1 links" in out
    assert main(["sets", str(tmp_path), "--no-cross"]) == 2
    assert "共 3 份文档，3 组，0 个关联" in capsys.readouterr().out


def test_sets_output_escapes_control_characters_from_the_document(tmp_path, capsys):
    path = tmp_path / "evil.txt"
    path.write_text("2023年度某\x1b]0;pwned\x07局部门预算\n\n一、收入预算 354.72 万元\n", encoding="utf-8")
    main(["sets", str(path)])
    assert "\x1b" not in capsys.readouterr().out
