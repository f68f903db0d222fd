"""What a reviewer reads of a suspect group: the `Suspect` record and its message.

"X 可能有误：应为 Y，因为 …" for one figure, "应分别为 …" for figures changed together, every option
for a tie ("文档中没有多数"), and "无法确定单一可疑数字" past the search bounds.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from parsers.model import Document, Figure
from tui_review.checks import figures as F
from tui_review.checks.intervals import Interval
from tui_review.config import load_rule_pack
from tui_review.contracts.finding import Suspect, SuspectFigure
from tui_review.contracts.place import Place

if TYPE_CHECKING:
    from tui_review.checks.suspects import Group


def suspect_of(group: Group, doc: Document, max_set: int) -> Suspect:
    options = tuple(
        tuple(_suspect_figure(group.figures[fid], value, group.needed.get(fid), doc) for fid, value in option.items())
        for option in group.options
    )
    zh, en = _messages(group, options, max_set)
    return Suspect(group.group_id, options, len(group.members), group.broken, zh, en)


def _suspect_figure(fig: Figure, value: Decimal, need: Interval | None, doc: Document) -> SuspectFigure:
    grouped = F.grouped(fig)
    shown = F.number(value, grouped)
    if need is None or need.lo.is_infinite() or need.hi.is_infinite():
        span = ""
    else:
        span = f"[{F.number(need.lo.normalize(), grouped)}, {F.number(need.hi.normalize(), grouped)}]"
    if need is not None and need.lo.is_infinite() and not need.hi.is_infinite():
        span = f"< {F.number(need.hi.normalize(), grouped)}"
    if need is not None and need.hi.is_infinite() and not need.lo.is_infinite():
        span = f"> {F.number(need.lo.normalize(), grouped)}"
    return SuspectFigure(
        figure_id=fig.id,
        text=F.printed(fig),
        subject=F.name(fig),
        section=doc.section_label(fig.section_id),
        place=Place.of_figure(fig, doc),
        needed=shown,
        needed_range=span,
    )


def _place(fig: SuspectFigure, lang: str) -> str:
    parts = [f"p.{fig.page}" if fig.page is not None else "", fig.location]
    inner = " ".join(p for p in parts if p)
    if not inner:
        return ""
    return f" ({inner})" if lang == "en" else f"（{inner}）"


def _named(fig: SuspectFigure, lang: str) -> str:
    return f"{fig.subject} {fig.text}{_place(fig, lang)}"


def _messages(group: Group, options: tuple[tuple[SuspectFigure, ...], ...], max_set: int) -> tuple[str, str]:
    n = len(group.members)
    titles = load_rule_pack()
    rules = "、".join(dict.fromkeys(titles[f.rule].title("zh") if f.rule in titles else f.rule for f in group.members))
    rules_en = ", ".join(dict.fromkeys(f.rule for f in group.members))
    if not options:
        return (
            (f"无法确定单一可疑数字：{n} 项关系不成立（{rules}），任何不超过 {max_set} 个数字的改动都不能使其全部成立，"
            "或同样可能的解释过多"),
            (f"no single culprit: {n} relations fail ({rules_en}); no change of up to {max_set} figures makes them "
            "all hold, or too many explanations are equally likely"),
        )
    keeps_zh = "且不破坏任何已核对一致的关系" if group.broken == 0 else f"但会使 {group.broken} 项已一致的关系不再成立"
    keeps_en = ("and no verified relation breaks" if group.broken == 0
                else f"though {group.broken} verified relations would no longer hold")
    if len(options) > 1:
        who_zh = " 或 ".join("、".join(_named(f, "zh") for f in o) for o in options)
        who_en = " or ".join(", ".join(_named(f, "en") for f in o) for o in options)
        need_zh = " 或 ".join("、".join(f.needed for f in o) for o in options)
        return (
            (f"{who_zh} 可能有误（{len(options)} 种解释同样可能，文档中没有多数）：应分别为 {need_zh}，"
            f"因为 {n} 项关系不成立（{rules}），任一改动都能使其全部成立，{keeps_zh}"),
            (f"{who_en} may be wrong ({len(options)} equally likely explanations; the document gives no majority): "
            f"they would need {need_zh} respectively, because {n} relations fail ({rules_en}) and either change "
            f"makes them all hold, {keeps_en}"),
        )
    (option,) = options
    who_zh = "、".join(_named(f, "zh") for f in option)
    who_en = ", ".join(_named(f, "en") for f in option)
    need = "、".join(f.needed for f in option)
    if len(option) > 1:
        return (
            (f"{who_zh} 可能有误：应分别为 {need}（这些数字须一并改动），因为它们所在的 {n} 项关系不成立（{rules}），"
            f"改动后全部成立，{keeps_zh}"),
            (f"{who_en} may be wrong: they would need {need} respectively (changed together), because the {n} "
            f"relations they take part in fail ({rules_en}) and all hold after the change, {keeps_en}"),
        )
    return (
        f"{who_zh} 可能有误：应为 {need}，因为它所在的 {n} 项关系不成立（{rules}），改为 {need} 后全部成立，{keeps_zh}",
        (f"{who_en} may be wrong: it would need {need}, because the {n} relations it takes part in fail ({rules_en}) "
        f"and all hold with {need}, {keeps_en}"),
    )
