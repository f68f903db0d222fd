"""What the checks need to know and say about one figure: its kind, blankness, name, place.

Messages must let a reviewer redo the arithmetic without the document, so every figure is named
by its subject and role (``人员经费（上年）``) and written with the decimals it was printed with.
"""

from __future__ import annotations

from decimal import Decimal

from parsers.model import Document, Figure, Role
from tui_review.checks.intervals import MONEY_UNITS, PERCENT, SIGNED_ROLES
from tui_review.contracts.finding import Evidence
from tui_review.contracts.place import Place

# Printed stand-ins for "no value" in a cell or sentence: unknown, never zero.
BLANK_TEXTS = frozenset({"", "-", "--", "—", "——", "－", "/", "／"})

_RATE_ROLES = (Role.GROWTH, Role.SHARE, Role.COMPLETION)
_ROLE_TAGS = {
    Role.PREVIOUS: ("上年", "previous"),
    Role.BUDGET: ("预算", "budget"),
    Role.ACTUAL: ("决算", "actual"),
    Role.CHANGE: ("增减额", "change"),
    Role.GROWTH: ("增减率", "growth"),
    Role.SHARE: ("占比", "share"),
    Role.COMPLETION: ("完成率", "completion"),
    Role.COUNT: ("数量", "count"),
}


def is_blank(fig: Figure) -> bool:
    return fig.text.strip() in BLANK_TEXTS


def kind(fig: Figure) -> str:
    """``amount``, ``percent`` or ``count``: coverage is reported per kind."""
    if fig.unit == PERCENT or fig.role in _RATE_ROLES:
        return "percent"
    if fig.unit in MONEY_UNITS or (fig.unit is None and fig.role is not Role.COUNT):
        return "amount"
    return "count"


def name(fig: Figure, lang: str = "zh") -> str:
    """``人员经费（上年）`` / ``人员经费 (previous)``: subject and, when it matters, role."""
    tag = _ROLE_TAGS.get(fig.role)
    label = tag[1 if lang == "en" else 0] if tag else ""
    subject = fig.subject.strip()
    if not subject:
        return label or ("figure" if lang == "en" else "数字")
    if not label:
        return subject
    return f"{subject} ({label})" if lang == "en" else f"{subject}（{label}）"


def number(value: Decimal, grouped: bool = False) -> str:
    """A value as a reviewer reads it: no exponent, thousands separators if the document used them."""
    return format(value + 0, ",f" if grouped else "f")  # + 0: no "-0.00"


def signed(fig: Figure) -> Decimal:
    """The figure's value with the sign its words give (增加 +, 减少 −, 持平 0)."""
    return fig.value * fig.sign if fig.role in SIGNED_ROLES else fig.value


def printed(fig: Figure) -> str:
    """The figure's signed value written with its printed decimals and separators."""
    return number(signed(fig).quantize(Decimal(1).scaleb(-fig.decimals)), grouped=grouped(fig))


def grouped(fig: Figure) -> bool:
    """Whether the document printed this figure with thousands separators."""
    return any(sep in fig.text for sep in ",，")


def stated(fig: Figure) -> str:
    """The ``stated`` column: the figure as printed, with its unit and the sign of its words."""
    unit = fig.unit or ""
    space = "" if unit in ("", PERCENT) else " "
    sign = "-" if signed(fig) < 0 else ""
    return f"{sign}{fig.text.strip()}{space}{unit}"


def location(fig: Figure) -> str:
    """The figure's place in short technical form (``T3[r2,c4]``, ``@923``), for messages."""
    return Place.of_figure(fig).code()


def evidence(fig: Figure, doc: Document, coeff: int, part: str) -> Evidence:
    return Evidence(
        figure_id=fig.id,
        text=fig.text,
        value=signed(fig),
        unit=fig.unit,
        subject=fig.subject,
        role=str(fig.role),
        section=doc.section_label(fig.section_id),
        place=Place.of_figure(fig, doc),
        coeff=coeff,
        part=part,
    )
