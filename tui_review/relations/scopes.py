"""What keeps two statements of one name apart in the register of quantities (rule ``repeat``):
the level of government, place or public body a figure is stated for, the year its heading or
item names, the social insurance fund or budget fund its paragraph speaks of, the named total a
breakdown opener gives its parts, and a budget's stage (年初 or 调整). Each is read from the words
around the figure; "" (or None) when they name nothing, and two statements are apart only where
both name one and the two differ."""

from __future__ import annotations

import re

from parsers import lexicon
from parsers.model import Document, Figure
from tui_review.relations.text_marks import marks

ADJUSTED_BUDGET = re.compile(r"调整后?的?预算|预算调整|全年预算|变动后")


def own_clause(text: str, f: Figure) -> str:
    at = f.start if f.start is not None else 0
    return text[max(marks(text).last("。；;\n，,", at) + 1, at - 40) : at]


def paragraph_fund(doc: Document, f: Figure) -> tuple[str, ...]:
    """The budget fund the figure's paragraph names last before it, where its headings name none
    (one paragraph per fund, each closing with 收支相抵，年终结余 …)."""
    at = f.start if f.start is not None else 0
    paragraph = doc.text[max(marks(doc.text).last("\n", at) + 1, at - 400) : at]
    named = [(m.start(), fund) for fund, pattern in lexicon.FUNDS if fund != "财政拨款" for m in pattern.finditer(paragraph)]
    return (max(named)[1],) if named else ()


# “地方收入按构成分：税收收入 1035 万元…”: a breakdown whose total is named, not stated
NAMED_BREAKDOWN = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,12}?)按[\u4e00-\u9fff]{1,6}分[:：]")


def named_breakdown(text: str, f: Figure) -> str:
    """The total a breakdown opener of the figure's sentence names ("" when none): its parts are
    that total's, not the like-named parts of another total."""
    at = f.start if f.start is not None else 0
    named = list(NAMED_BREAKDOWN.finditer(text, max(marks(text).last("。\n", at) + 1, at - 200), at))
    return f"named/{named[-1].group('name')}" if named else ""


# the level of government a figure is of, where its sentence or headings say: the whole region
# (全市：the city and its counties), the region's own level (市本级), or one place of it opening a
# clause on its revenue or spending (其中：鄞州区完成…；南昌县财政总收入…)
WHOLE_REGION = re.compile(r"全(?:省|市|州|盟|县|区|旗|镇|乡)")
OWN_LEVEL = re.compile(r"(?:省|市|州|盟|县|区|旗)?本级|(?:省|市|州|县|区)级(?!部门|单位)")
PLACE = re.compile(
    r"(?:^|(?<=[，,。；;：:\n]))\s*(?:其中[:：]?)?\s*(?P<place>(?!全)[\u4e00-\u9fff]{2,8}?(?:自治县|自治州|新区|园区|开发区|度假区|街道|区|县|市|镇|乡|旗|州|盟))"
    r"(?=完成|实现|财政(?!局|厅|所)|一般公共|地方|税收|收入|支出|累计)"
)

# another public body opening a clause on its money (a news page on several departments: 市旅游委，2015年
# “三公”经费…；市食药监局2015年“三公”经费…)
BODY = re.compile(
    r"(?:^|(?<=[，,。；;：:\n]))\s*(?:比如|例如|其中[:：]?)?\s*(?P<body>[\u4e00-\u9fff]{2,10}?(?:局|委员会|委|厅|办公室|办|院|中心))"
    r"\s*[，,]?\s*(?=(?:19|20)\d{2}\s*年|[“\"]?三公|财政拨款|部门|本年)"
)


def _own_body(doc: Document, body: str) -> bool:
    """The document's own department (named in its title or as its department), not another body."""
    own = (doc.department or "") + doc.title
    return body in own or bool(doc.department and doc.department in body)


def level(doc: Document, f: Figure) -> str:
    """"全", "本级" or a place's name: the level its paragraph names last before the figure, else
    the headings above it; "" when nothing names one."""
    text = doc.text
    start = f.start or 0
    paragraph = text[max(marks(text).last("\n", start) + 1, start - 400) : start]
    named = [(m.start(), "全") for m in WHOLE_REGION.finditer(paragraph)] + [(m.start(), "本级") for m in OWN_LEVEL.finditer(paragraph)]
    named += [(m.start("place"), m.group("place")) for m in PLACE.finditer(paragraph)]
    named += [(m.start("body"), m.group("body")) for m in BODY.finditer(paragraph) if not _own_body(doc, m.group("body"))]
    if named:
        return max(named)[1]  # the level named last before the figure in its paragraph
    sec = doc.section(f.section_id)
    while sec is not None and sec.title:
        whole, own = WHOLE_REGION.search(sec.title), OWN_LEVEL.search(sec.title)
        if whole and not own:
            return "全"
        if own and not whole:
            return "本级"
        sec = doc.section(sec.parent_id) if sec.parent_id else None
    return ""


def levels_differ(doc: Document, a: Figure, b: Figure) -> bool:
    la, lb = level(doc, a), level(doc, b)
    return bool(la and lb and la != lb)


def _heading_year(doc: Document, f: Figure) -> int | None:
    """The year the nearest heading above the figure that names one names."""
    sec = doc.section(f.section_id)
    while sec is not None and sec.title:
        years = set(lexicon.PERIOD_YEAR.findall(sec.title))
        if len(years) == 1:
            return int(years.pop())
        if years:
            return None  # a heading naming two years (2024年与2023年对比) says nothing of one figure
        sec = doc.section(sec.parent_id) if sec.parent_id else None
    return None


def heading_years_differ(doc: Document, a: Figure, b: Figure) -> bool:
    """“二、2014年…执行情况” and “三、2015年…安排情况”: figures under headings of two years — or
    items naming two years (“2010年预算数 2711.65 万元、决算数 2488.79 万元，2011年预算数
    2687.06 万元”)."""
    ya, yb = _item_year(doc, a) or _heading_year(doc, a), _item_year(doc, b) or _heading_year(doc, b)
    return ya is not None and yb is not None and ya != yb


def _item_year(doc: Document, f: Figure) -> int | None:
    """The year named last before the figure in its sentence, where one is (not a comparison's
    base: 比2017年…)."""
    text = doc.text
    start = f.start or 0
    s_start = max(marks(text).last("。\n", start) + 1, start - 200)
    years = [m for m in lexicon.PERIOD_YEAR.finditer(text, s_start, start) if not re.search(r"(?:比|较|与|同)\s*$", text[max(0, m.start() - 3) : m.start()])]
    return int(years[-1].group(1)) if years else None


# a social insurance fund a paragraph speaks of: 全国社会保险基金, 企业职工基本养老保险基金, 失业保险基金 …
INSURANCE_FUND = re.compile(r"[\u4e00-\u9fff]{0,10}(?:保险|养老|医疗|失业|工伤|生育)[\u4e00-\u9fff]{0,6}基金")


def _insurance_fund(doc: Document, f: Figure) -> str:
    """The social insurance fund named last before the figure in its paragraph; "" when none."""
    start = f.start or 0
    found = INSURANCE_FUND.findall(doc.text, max(marks(doc.text).last("\n", start) + 1, start - 400), start)
    return found[-1] if found else ""


def insurance_funds_differ(doc: Document, a: Figure, b: Figure) -> bool:
    """“本年收支结余 5086 亿元” of all the funds and “企业职工基本养老保险基金…本年收支结余 2371 亿元”:
    statements about two funds."""
    fa, fb = _insurance_fund(doc, a), _insurance_fund(doc, b)
    return bool(fa) and bool(fb) and fa != fb
