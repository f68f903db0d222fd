"""Chinese line breaking for the text and detail panes: figures stay whole, punctuation stays put."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from rich.text import Text

from tui_review.widgets.wrap import _NO_LINE_END, _NO_LINE_START, break_offsets, wrap


def lines(plain: str, width: int) -> list[str]:
    cuts = [0, *break_offsets(plain, width), len(plain)]
    return [plain[a:b] for a, b in zip(cuts, cuts[1:])]


def test_a_figure_is_never_split_across_lines():
    plain = "2023年度收入总计1,724.62✗万元，其中财政拨款收入300.00万元"
    for width in range(len("1,724.62✗"), 30):  # narrower than the figure, it must be cut
        for line in lines(plain, width):
            assert not line.startswith((",724", "724", "24.62", ".62", "62✗", "✗")), (width, line)


def test_closing_marks_do_not_start_a_line_and_opening_marks_do_not_end_one():
    plain = "支出总计354.72万元，其中：基本支出（人员经费）254.72万元。与上年相比，“三公”经费减少。"
    for width in range(6, 40):
        got = lines(plain, width)
        assert "".join(got) == plain
        for line in got[1:]:
            assert line[0] not in _NO_LINE_START, (width, got)
        for line in got[:-1]:
            assert line[-1] not in _NO_LINE_END, (width, got)


def test_a_line_of_closing_marks_is_still_cut_to_the_width():
    plain = "。" * 30
    got = lines(plain, 10)
    assert "".join(got) == plain
    assert all(cell_len(line) <= 10 for line in got)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="收入支出合计万元（）“”，。、；0123456789.,%✗ ab", max_size=200), st.integers(4, 60))
def test_lines_keep_every_character_and_fit_the_width(plain, width):
    got = lines(plain, width)
    assert "".join(got) == plain
    assert all(cell_len(line) <= width for line in got)


def test_wrapped_english_does_not_start_a_line_with_a_space():
    got = wrap(Text("Choose a finding or a figure to see its detail"), 36).plain.split("\n")
    assert got == ["Choose a finding or a figure to see", "its detail"]
