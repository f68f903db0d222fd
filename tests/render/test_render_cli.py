"""`tui-review render` and `tui-review export --evidence` on a sample PDF: picture sizes, boxes where
the figures are, names with page numbers, the sheet's picture column, refusals as one line + exit 2."""

from __future__ import annotations

import csv

from PIL import Image
from render_fixtures import ERRORS, SAMPLES

from tui_review.cli import main
from tui_review.render.marks import SUSPECT, region_of
from tui_review.render.pdf_pages import PdfPages, clamp
from tui_review.render.picture import PAD, BoxStyle
from tui_review.review.export import entry_marks
from tui_review.review.pipeline import LoadOptions, open_review

RED = BoxStyle().suspect


def session_of(tmp_path):
    session = open_review(ERRORS, LoadOptions(review_path=tmp_path / "r.sqlite"), read_only=True)
    session.store.close()
    return session


def single_page_finding(session):
    """A failing finding whose boxes all stand on one page, with a suspect, no two boxes touching
    (where they touch, an edge's pixel is drawn by both)."""
    for entry in session.entries:
        marks = entry_marks(session, entry) if entry.finding is not None else []
        if len(marks) >= 2 and len({m.page for m in marks}) == 1 and marks[0].kind == SUSPECT and _apart(marks):
            return entry, marks
    raise AssertionError("no such finding in the sample")


def _apart(marks) -> bool:
    boxes = [(m.bbox[0] - 2 * PAD, m.bbox[1] - 2 * PAD, m.bbox[2] + 2 * PAD, m.bbox[3] + 2 * PAD) for m in marks]
    return not any(a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3] for i, a in enumerate(boxes) for b in boxes[i + 1:])


def edge_midpoints(box):
    x0, y0, x1, y1 = box
    return [(x0, (y0 + y1) // 2), (x1, (y0 + y1) // 2), ((x0 + x1) // 2, y0), ((x0 + x1) // 2, y1)]


def pixel_box(bbox, origin, scale):
    padded = (bbox[0] - PAD, bbox[1] - PAD, bbox[2] + PAD, bbox[3] + PAD)
    return (
        round((padded[0] - origin[0]) * scale),
        round((padded[1] - origin[1]) * scale),
        round((padded[2] - origin[0]) * scale) - 1,
        round((padded[3] - origin[1]) * scale) - 1,
    )


def test_render_boxes_a_findings_figures_on_its_page(tmp_path, capsys):
    entry, marks = single_page_finding(session_of(tmp_path))
    out = tmp_path / "page.png"
    assert main(["render", str(ERRORS), "--finding", entry.key[:8], "-o", str(out)]) == 0
    page = marks[0].page
    assert f"p.{page}" in capsys.readouterr().out
    with PdfPages(ERRORS) as pages:
        box = pages.page_box(page)
    image = Image.open(out).convert("RGB")
    assert abs(image.width - box.width * 2) <= 1 and abs(image.height - box.height * 2) <= 1
    suspect = pixel_box(marks[0].bbox, (box.x0, box.top), 2.0)
    assert all(image.getpixel(p) == RED for p in edge_midpoints(suspect))
    operand = pixel_box(marks[1].bbox, (box.x0, box.top), 2.0)
    assert all(image.getpixel(p) == BoxStyle().operand for p in edge_midpoints(operand))


def test_render_a_page_without_finding_at_a_scale(tmp_path):
    out = tmp_path / "p3.png"
    assert main(["render", str(ERRORS), "--page", "3", "--scale", "1", "-o", str(out)]) == 0
    with PdfPages(ERRORS) as pages:
        box = pages.page_box(3)
    width, height = Image.open(out).size
    assert abs(width - box.width) <= 1 and abs(height - box.height) <= 1  # PDFium rounds up


def test_render_refuses_in_one_line(tmp_path, capsys):
    out = tmp_path / "x.png"
    text = SAMPLES / "001_17aaca51ade6ba7f.txt"
    assert main(["render", str(text), "--page", "1", "-o", str(out)]) == 2
    assert main(["render", str(ERRORS), "--page", "999", "-o", str(out)]) == 2
    assert main(["render", str(ERRORS), "-o", str(out)]) == 2  # no page, no finding
    assert main(["render", str(ERRORS), "--page", "1", "--scale", "50", "-o", str(out)]) == 2
    assert not out.exists()
    out.write_bytes(b"keep")
    assert main(["render", str(ERRORS), "--page", "1", "-o", str(out)]) == 2
    assert out.read_bytes() == b"keep"
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 5 and all(" / " in line and "Traceback" not in line for line in err)


def test_export_evidence_writes_one_picture_per_failing_finding_and_a_column(tmp_path):
    session = session_of(tmp_path)
    sheet_path = tmp_path / "out" / "sheet.csv"
    sheet_path.parent.mkdir()
    folder = tmp_path / "out" / "pictures"
    code = main(["export", str(ERRORS), "--review", str(tmp_path / "r.sqlite"), "-o", str(sheet_path), "--evidence", str(folder),
                 "--lang", "en"])
    assert code == 0
    with sheet_path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with_marks = {e.key: entry_marks(session, e) for e in session.entries if e.kind in ("finding", "group") and entry_marks(session, e)}
    assert len(with_marks) >= 10
    assert sorted(p.name for p in folder.iterdir()) == sorted(r["picture"].split("/")[-1] for r in rows if r["picture"])
    for row in rows:
        marks = with_marks.get(row["finding_id"])
        if marks is None:
            assert row["picture"] == ""
            continue
        assert row["picture"] == f"pictures/p{marks[0].page:03d}-{row['finding_id']}.png"
        assert (sheet_path.parent / row["picture"]).is_file()
    # one single-page finding's picture: cut to its boxes, the suspect outlined where its figure is
    entry, marks = single_page_finding(session)
    image = Image.open(sheet_path.parent / f"pictures/p{marks[0].page:03d}-{entry.key}.png").convert("RGB")
    with PdfPages(ERRORS) as pages:
        region = clamp(region_of(marks, marks[0].page), pages.page_box(marks[0].page))
    assert abs(image.width - (region[2] - region[0]) * 2) <= 1 and abs(image.height - (region[3] - region[1]) * 2) <= 1
    assert all(image.getpixel(p) == RED for p in edge_midpoints(pixel_box(marks[0].bbox, region[:2], 2.0)))


def test_export_evidence_refuses_before_writing_any_picture(tmp_path, capsys):
    sheet_path = tmp_path / "sheet.csv"
    sheet_path.write_text("keep")
    folder = tmp_path / "pictures"
    code = main(["export", str(ERRORS), "--review", str(tmp_path / "r.sqlite"), "-o", str(sheet_path), "--evidence", str(folder),
                 "--lang", "en"])
    assert code == 2 and not folder.exists() and sheet_path.read_text() == "keep"
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
