"""Render the sample PDFs committed under ``sample_docs/`` (dev-only; needs reportlab).

    python scripts/make_sample_pdfs.py [OUT_DIR]

Writes, into OUT_DIR (default: the repository's ``sample_docs/``):

- ``00?_*.pdf``: the seed texts (``sample_docs/00?_*.txt``) set as PDF prose pages (their
  tab-separated tables as text aligned on tab stops);
- ``demo_final_2024.pdf``: an invented department's complete 部门决算, fully consistent (its totals
  show the legitimate 0.01 gaps that rounding each printed figure leaves);
- ``demo_final_2024_errors.pdf``: the same document with the errors listed in its key file
  ``demo_final_2024_errors.key.md`` planted in tables and prose;
- ``demo_budget_2025.pdf``: the same department's 部门预算, tables in 元 and prose in 万元, with an
  unruled (text-aligned) project table;

and into ``tests/pdf/inputs/`` the inputs the PDF reader must refuse, flag or turn: an encrypted
PDF (user password ``secret``), an image-only scan, a text page followed by a scanned page, and
tables on pages carrying ``/Rotate``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pdf_render import Writer  # noqa: E402
from sample_budget import render_budget  # noqa: E402
from sample_disclosures import Department, Errors, FinalRenderer, Item  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def audit_bureau(projects: list[tuple[str, int, int]] | None = None) -> Department:
    """示例区审计局: amounts in 元."""
    items = [
        Item("2010801", "行政运行", staff=10_234_567, office=1_345_678, budget=11_800_000),
        Item("2010802", "一般行政管理事务", project=1_234_561, other=61_728, budget=1_300_000),
        Item("2010804", "审计业务", project=3_456_789, carried=111_111, budget=3_600_000),
        Item("2010806", "信息化建设", project=876_543, budget=876_543),
        Item("2010850", "事业运行", staff=2_345_675, office=456_789, budget=2_900_000),
        Item("2080501", "行政单位离退休", staff=1_543_211, budget=1_600_000),
        Item("2080505", "机关事业单位基本养老保险缴费支出", staff=1_234_568, budget=1_250_000),
        Item("2080506", "机关事业单位职业年金缴费支出", staff=617_284, budget=620_000),
        Item("2101101", "行政单位医疗", staff=765_433, budget=780_000),
        Item("2101102", "事业单位医疗", staff=234_567, budget=240_000),
        Item("2210201", "住房公积金", staff=1_456_789, budget=1_460_000),
        Item("2210203", "购房补贴", staff=987_655, budget=990_000),
    ]
    staff = sum(i.staff for i in items)
    office = sum(i.office for i in items)
    economic = {
        "30101": ("基本工资", 3_456_789), "30102": ("津贴补贴", 4_567_891), "30107": ("绩效工资", 2_345_679),
        "30108": ("机关事业单位基本养老保险缴费", 1_234_568), "30109": ("职业年金缴费", 617_284),
        "30110": ("职工基本医疗保险缴费", 1_000_000), "30112": ("其他社会保障缴费", 45_678),
        "30113": ("住房公积金", 1_456_789), "30199": ("其他工资福利支出", 0),
        "30302": ("退休费", 1_543_211), "30309": ("奖励金", 12_345),
        "30201": ("办公费", 123_456), "30202": ("印刷费", 23_456), "30205": ("水费", 12_345), "30206": ("电费", 45_678),
        "30207": ("邮电费", 34_567), "30211": ("差旅费", 56_789), "30213": ("维修（护）费", 67_890), "30216": ("培训费", 23_457),
        "30217": ("公务接待费", 8_765), "30228": ("工会经费", 98_765), "30229": ("福利费", 87_654),
        "30231": ("公务用车运行维护费", 123_456), "30299": ("其他商品和服务支出", 0), "31002": ("办公设备购置", 156_789),
    }
    economic["30199"] = ("其他工资福利支出", staff - sum(v for c, (_, v) in economic.items() if c[:3] in ("301", "303")))
    economic["30299"] = ("其他商品和服务支出", office - sum(v for c, (_, v) in economic.items() if c[:3] in ("302", "310")))
    return Department(
        name="示例区审计局",
        year=2024,
        items=items,
        economic=economic,
        three_public_budget={"出国": 0, "购置": 0, "运行": 130_000, "接待": 10_000},
        three_public_actual={"出国": 0, "购置": 0, "运行": 123_456, "接待": 8_765},
        opening=123_456,
        previous={"total": 28_000_000, "fiscal_total": 27_000_000, "general": 26_500_000, "office": 1_750_000},
        projects=projects or [],
    )


# Each planted error: (what the key file says, where, the edit). Cells are (table, row key, column).
PLANTED = Errors(
    cells={
        ("T3", "2010804", 2): "356.68",  # 审计业务 本年支出合计 (项目支出 stays 345.68)
        ("T1", "年末结转和结余", 3): "32.46",  # 年末结转和结余 (23.46)
        ("T7", "三公", 1): "14.22",  # “三公” 合计 决算数 (13.22)
        ("T4", "社会保障和就业支出", 3): "349.51",  # 财政拨款总表 社会保障和就业支出 合计 (339.51)
        ("T4", "社会保障和就业支出", 4): "349.51",  # … and its 一般公共预算财政拨款 column
    },
    prose=[
        ("基本支出2122.22万元", "基本支出2212.22万元"),
        ("一般公共服务支出（类）1995.06万元", "一般公共服务支出（类）1959.06万元"),
    ],
    omit={"T9"},
    no_note={"T8"},
)

KEY = """# demo_final_2024_errors.pdf — the planted errors

The clean document is `demo_final_2024.pdf`; this one differs only where listed. Amounts in 万元.
Page numbers are the PDF's own (the footer's).

| # | place | what is wrong | arithmetic | findings it must raise |
|---|---|---|---|---|
| 1 | 公开03表 支出决算表 (p.{p3}), row 2010804 审计业务, 本年支出合计 | 356.68 printed for 345.68 | 20108 审计事务 2,001.23 ≠ Σ 项 1,158.02 + 129.63 + 356.68 + 87.65 + 280.25 = 2,012.23 | `table.hierarchy` |
| 2 | 公开01表 收入支出决算总表 (p.{p1}), 年末结转和结余 | 32.46 printed for 23.46 | 支出总计 2,708.64 ≠ 本年支出合计 2,685.18 + 年末结转和结余 32.46 = 2,717.64 | `table.total` |
| 3 | 公开07表 “三公”经费支出决算表 (p.{p7}), 合计 决算数 | 14.22 printed for 13.22 | 因公出国 0.00 + 公务用车 12.35 + 公务接待 0.88 = 13.23 ≠ 14.22; the 情况说明's 13.22 no longer matches the table | `table.columns` (and prose.table on the 情况说明 page) |
| 4 | 公开04表 财政拨款收入支出决算总表 (p.{p4}), 社会保障和就业支出, 合计 and 一般公共预算财政拨款 | 349.51 printed for 339.51 | 公开05表 prints 208 社会保障和就业支出 339.51; 本年支出合计 2,679.01 ≠ Σ 类 1,995.06 + 349.51 + 100.00 + 244.44 = 2,689.01 | `table.cross`, `table.total` |
| 5 | 情况说明 三、支出决算情况说明 (p.{pe}) | 基本支出 stated as 2212.22 万元 | 公开03表 prints 2,122.22 (digits swapped); so 2212.22 + 项目支出 562.96 ≠ 本年支出合计 2685.18 and its 占 79.03% no longer fits | `prose.table` (also `sum.parts`, `share`) |
| 6 | 情况说明 五、（二）结构情况 (p.{pe2}) | 一般公共服务支出（类） stated as 1959.06 万元 | 公开05表 prints 201 一般公共服务支出 1,995.06 | `prose.table` |
| 7 | 公开08表 政府性基金预算财政拨款收入支出决算表 (p.{p8}) | empty, printed without its “本表无数据” note | no figures, no note | `completeness.empty_note` |
| 8 | 公开09表 国有资本经营预算财政拨款收入支出决算表 | listed in the 目录 (九、) but left out | — | `completeness.table_missing` |
"""


def render_seeds(out: Path) -> None:
    for source in sorted((ROOT / "sample_docs").glob("00?_*.txt")):
        lines = source.read_text(encoding="utf-8").splitlines()
        w = Writer(str(out / f"{source.stem}.pdf"), lines[0].strip()[:40] if lines else source.stem)
        w.new_page()
        block: list[list[str]] = []
        for line in lines + [""]:
            if "\t" in line:
                block.append([cell.strip() for cell in line.split("\t")])
                continue
            if block:
                w.aligned(block)
                block = []
            if line.strip():
                w.paragraph(line.strip(), indent=False)
        w.save()


def render_test_inputs(out: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    from PIL import Image, ImageDraw

    out.mkdir(parents=True, exist_ok=True)
    scan = Image.new("L", (240, 340), 250)
    ImageDraw.Draw(scan).rectangle((20, 30, 220, 60), fill=40)
    image = ImageReader(scan)

    w = Writer(str(out / "encrypted.pdf"), "加密文件")
    w.c.setEncrypt("secret")
    w.new_page()
    w.paragraph("本文件已加密。收入合计100.00万元。")
    w.save()

    c = canvas.Canvas(str(out / "scanned.pdf"), pagesize=A4, invariant=1)
    for _ in range(2):
        c.drawImage(image, 0, 0, *A4)
        c.showPage()
    c.save()

    render_rotated(out / "rotated_pages.pdf")

    w = Writer(str(out / "text_then_scan.pdf"), "示例局2024年度部门决算")
    w.new_page()
    w.heading("一、收入支出决算总体情况说明")
    w.paragraph("示例局2024年度收入支出总计100.00万元。")
    w.c.showPage()
    w.c.drawImage(image, 0, 0, *A4)
    w.save()


def render_rotated(path: Path) -> None:
    """A portrait prose page, then one ruled table on each of three pages carrying ``/Rotate``
    90, 270 and 180, drawn so that each reads upright on screen (how Word and WPS export a
    landscape section). The amounts differ per page so a test can tell the pages apart."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from pdf_render import FONT

    width, height = A4
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont(FONT, 12)
    c.drawString(72, height - 72, "示例局2024年度部门决算")
    c.drawString(72, height - 100, "一、收入支出决算总体情况说明")
    c.showPage()
    for n, rotation in enumerate((90, 270, 180), start=1):
        c.setPageRotation(rotation)
        c.saveState()
        if rotation == 90:
            c.translate(width, 0)
            c.rotate(90)
            h = width
        elif rotation == 270:
            c.translate(0, height)
            c.rotate(-90)
            h = width
        else:
            c.translate(width, height)
            c.rotate(180)
            h = height
        c.setFont(FONT, 14)
        c.drawString(60, h - 60, f"表{n} 收入支出决算总表（旋转{rotation}度）")
        c.setFont(FONT, 10)
        c.drawString(60, h - 80, "单位：万元")
        rows = [
            ("项目", "决算数", "项目", "决算数"),
            ("一、财政拨款收入", f"{300 + n}.00", "一、一般公共服务支出", f"{280 + n}.00"),
            ("二、其他收入", "50.00", "二、社会保障和就业支出", "70.00"),
            ("本年收入合计", f"{350 + n}.00", "本年支出合计", f"{350 + n}.00"),
        ]
        xs = [60.0]
        for col in (200, 100, 220, 100):
            xs.append(xs[-1] + col)
        top, step = h - 100, 22
        for r, row in enumerate(rows):
            for k, cell in enumerate(row):
                c.drawString(xs[k] + 4, top - r * step - 15, cell)
        for r in range(len(rows) + 1):
            c.line(xs[0], top - r * step, xs[-1], top - r * step)
        for x in xs:
            c.line(x, top, x, top - len(rows) * step)
        c.restoreState()
        c.showPage()
    c.save()


def pages_of(path: Path) -> dict[str, int]:
    """The page each table's tag and each explanation heading is printed on (for the key file)."""
    import pypdfium2 as pdfium

    found: dict[str, int] = {}
    pdf = pdfium.PdfDocument(str(path))
    for i in range(len(pdf)):
        text = pdf[i].get_textpage().get_text_range()
        for tag in ("公开01表", "公开03表", "公开04表", "公开07表", "公开08表"):
            if tag in text and tag not in found:
                found[tag] = i + 1
        for marker, key in (("三、支出决算情况说明", "pe"), ("（二）一般公共预算财政拨款支出决算结构情况", "pe2")):
            if marker in text.replace("\r\n", ""):
                found[key] = i + 1  # the last page that names it: past the 目录
    pdf.close()
    return found


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    render_seeds(out)
    FinalRenderer(audit_bureau()).render(str(out / "demo_final_2024.pdf"))
    errors = out / "demo_final_2024_errors.pdf"
    FinalRenderer(audit_bureau(), PLANTED).render(str(errors))
    pages = pages_of(errors)
    key = KEY.format(p1=pages["公开01表"], p3=pages["公开03表"], p4=pages["公开04表"], p7=pages["公开07表"], p8=pages["公开08表"], pe=pages["pe"], pe2=pages["pe2"])
    (out / "demo_final_2024_errors.key.md").write_text(key, encoding="utf-8")
    render_budget(str(out / "demo_budget_2025.pdf"))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "sample_docs")
    render_test_inputs(ROOT / "tests" / "pdf" / "inputs")
