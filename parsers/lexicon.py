"""The domain's words, defined once: what each word says about a figure's identity.

Every list the identity of a figure is read from lives here, one entry per line with what it
means, so that a parser step or a relation finder never keeps a private copy of a word list:
funds and parts of the spending, period words, change and rate words, the words that open a
breakdown or an explanation, and the words that claim no difference.
"""

from __future__ import annotations

import re

# --- funds: whose money a figure is -----------------------------------------------------------
FUNDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("一般公共预算", re.compile(r"一般公共预算")),  # the general budget
    ("政府性基金", re.compile(r"政府性基金")),  # government funds
    ("国有资本经营", re.compile(r"国有资本经营")),  # state-capital operations
    ("财政专户", re.compile(r"财政专户")),  # special fiscal accounts (教育收费 …)
    ("财政拨款", re.compile(r"财政拨款")),  # all appropriations (the three above together)
)

# --- parts: which part of the spending a statement is about -----------------------------------
PARTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("基本支出", re.compile(r"基本支出")),  # basic spending: 人员经费 + 公用经费
    ("项目支出", re.compile(r"项目支出")),  # project spending
    ("机关运行经费", re.compile(r"机关运行经费|机构运行经费")),  # running costs of 行政/参公 units
    ("三公", re.compile(r"三公")),  # 因公出国（境）+ 公务用车购置及运行 + 公务接待
    ("会议费", re.compile(r"会议费")),
    ("培训费", re.compile(r"培训费")),
    ("政府采购", re.compile(r"政府采购")),  # procurement (a different measure of the same money)
    ("国有资产", re.compile(r"国有资产|资产占[有用]")),  # assets: stocks, not flows
    ("绩效", re.compile(r"绩效")),  # performance: targets and scores
)

# --- period words ----------------------------------------------------------------------------
PREVIOUS = re.compile(r"上年(?!结转|末|底)|上一年|去年|上年度")  # the previous year
BUDGET = re.compile(r"年初预算|预算数|全年预算|预算安排|预算为|调整预算")  # a budget figure
ACTUAL = re.compile(r"决算数|支出决算|决算为|执行数|决算|实际支出|全年执行")  # an outturn
# in a 决算, these name the year's budget (预算收入 / 支出预算 …), not the outturn
# a fund's name, whose 预算 says nothing of a figure's period: 一般公共预算财政拨款 is a fund, not a budget
FUND_BUDGET = re.compile(r"(?:一般公共|公共财政|政府性基金|国有资本经营|社会保险基金)预算")
BUDGET_IN_FINAL = re.compile(r"(?<!一般公共)(?<!公共财政)(?<!政府性基金)(?<!国有资本经营)(?<!社会保险基金)(?:预算收入|预算支出)|收入预算|支出预算|预算总计|预算合计")
# (一般公共预算收入 / 政府性基金预算支出 name a fund's money, not a budget figure)
# a year that names a period (2022年, 2022年度), not a date (2018年9月)
PERIOD_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)")
# a year that is the base of a comparison (比2017年减少…, 较2017年, 与2017年相比), not a period label
BASE_YEAR = re.compile(r"(?:比|较|与|同)\s*((?:19|20)\d{2})\s*年度?(?:预算|决算|执行数?)?(?:数|相比|对比)?\s*(?:增|减|下降|上升|提高|降低|持平|相比|对比|一致|相同|基本)")

# --- money -----------------------------------------------------------------------------------
# words that make a bare 万 mean 万元 and a rate a rate of money
MONEY_WORDS = re.compile(r"费|款|资金|金额|经费|成本|价|支出|收入|预算|决算|拨款|余额|投资")
# measure words of counts (people, vehicles, items …): a count is never money
COUNT_UNITS = frozenset("人次 个 人 辆 台（套） 台 套 批次 组次 次 件 家 项 名 户 篇 条 张 枚 期 所".split())

# --- units left without their number (parsers/figure_gaps) -------------------------------------
# words that declare a unit rather than state an amount in it: 单位：万元, 以万元为单位, 每万元
UNIT_DECLARED = re.compile(r"(?:单位|单位为|单位是|以|每|按|计量|折合|(?:转换|换算|折算)[成为])\s*[:：]?\s*$")
# numerals and amount words that stand for a number before a unit: 上千万元, 数万元, 近万元
NUMERAL_WORDS = frozenset("零〇一二三四五六七八九十百千万亿两几数多余近逾超上整壹贰叁肆伍陆柒捌玖拾佰仟")
# words after which an amount or a rate must follow: a change word, a total, a share, a rate, a
# word naming money (…费, …支出, 工资 …), or 为/达/的 closing a phrase that states one
DEMANDS_FIGURE = re.compile(
    r"(?:(?:增加|减少|增长|下降|降低|提高|上升|节约|超支|压减|压缩|增幅|降幅|减幅|合计|总计|共计|小计|占比?|比重|率"
    r"|费|款|金|支出|收入|预算|决算|拨款|额|价|工资|津贴|补贴|奖金)(?:了|为|达到?|是)?|为|达到?|的)$"
)
# a 元 that begins a word after it (a place: 金元镇, 万元村; 元旦, 元素, 元件): no money unit
YUAN_STARTS_WORD = re.compile(r"元(?:镇|乡|村|社区|街道|县|区|市|路|街|旦|宵|素|件|朝|代|帅|首|老)")
# the words a bare 元 (not 万元) must follow to be a money unit: 单元, 美元, 多元 are words
AMOUNT_WORD_END = re.compile(
    r"(?:增加|减少|增长|下降|节约|超支|合计|总计|共计|小计|费|款|金|支出|收入|预算|决算|拨款|额|价|工资|津贴|补贴|奖金)"
    r"(?:了|为|达到?|是)?$|(?:为|达到?|计)$"
)

# an average or a price (平均每辆, 人均, 生均 …, 单价): no part and no total of a breakdown
PER_UNIT = re.compile(r"平均|人均|生均|户均|每(?:辆|人|个|次|台|套|件|户|名|生)|单价")

# --- changes and rates -----------------------------------------------------------------------
# a word's direction: its first entry that the word starts with decides (增幅 → 增 → +1)
SIGN_WORDS = (
    ("增加", 1), ("增长", 1), ("上升", 1), ("提高", 1), ("超支", 1), ("多", 1), ("增", 1),
    ("减少", -1), ("下降", -1), ("降低", -1), ("降幅", -1), ("节约", -1), ("压减", -1), ("压缩", -1),
    ("减", -1), ("少", -1),
)
# a change or rate word ending the words before a number: 增加 / 下降了 / 增长率为 / 降幅达;
# "alt" catches a template's unfilled alternative (增加（减少）); 增加为 (“rose to”) is no change
SIGN_AT_END = re.compile(
    r"(增加|增长|上升|提高|超支|减少|下降|降低|节约|压减|压缩|精简|简化|增幅|降幅|减幅|增收|减收|增支|减支)(?P<alt>[（(][^）)]*[）)])?"
    r"(?:了|(?<=幅)(?:为|达到?)|(?:率|幅度?)(?:为|达到?)?|(?<=增加|减少)(?:支出|收入|投入|资金))?\s*$"  # 增加支出 3.52 亿元: the increase
    r"|(?:(?<=[年比较])|(?<![\u4e00-\u9fff]))(?P<short>增|减)\s*$"  # 较上年增 17.1 万元 / 减 0.04 万元 (not 新增, 递减 …)
)
# a rate's words (增长 / 降幅 …, not 增加 / 减少, which state amounts)
RATE_AT_END = re.compile(r"(?:增长|下降|降低|上升|增幅|降幅|减幅)(?:率|幅度?)?(?:为|达到?|了)?\s*$")
SHARE_AT_END = re.compile(r"占(?:比|[^，。；]*?的)?\s*(?:比重|比例)?(?:为)?\s*$")  # 占 / 占…的 / 占比为
COMPLETION_AT_END = re.compile(r"(?:完成[^，。；]{0,12}的|执行率为?|完成率为?|完成|(?:为|达到?)(?:年初|全年|调整后?)?预算数?(?:[（(][^）)]{0,20}[）)])?的)\s*$")  # 完成…的 / 执行率 / 为预算的
# a claim of no difference: 持平 / 相同 / 等于 / 未发生变化 …
SAME = r"(?:持平|相同|相等|一致|等于|不变|没有变化|无变化|未发生变化|未变化)"

# --- how a sentence goes on ------------------------------------------------------------------
REASON = re.compile(r"原因[:：是为]?|由于|因为|差异原因")  # an explanation: its figures illustrate
BREAKDOWN = re.compile(r"其中|主要包括|具体包括|包括|分别为")  # the parts of a total follow
# the openers of a listed breakdown, as the prose finders read them
LIST_OPENER = re.compile(r"(其中|主要包括|包括|具体包括|主要用于以下方面|用于以下方面|主要用于|分别为|分项情况(?:是|为|如下)|具体情况如下|具体如下)\s*[:：]?")
COMPARISON_BASE = re.compile(r"^\s*(?:(?:与|比|较)(?:(?:年初|全年|调整后?)?预算数?)?|(?:完成|占)(?:年初|全年|调整后?)?预算数?)")  # “与上年 X 万元相比”, “完成年初预算数 X 万元的 Y%”: X is the base, not a topic
APPROX_BEFORE = re.compile(r"(?:约|近|大约|超过|逾)\s*$")  # an approximate figure: never exact
# a threshold (单价 50 万元（含）以上): the figure qualifies a noun, it is no amount
THRESHOLD = re.compile(r"\s*(?:[（(]\s*含\s*[）)])?\s*(?:及以上|及以下|以上|以下|以内)")

# --- table totals --------------------------------------------------------------------------
# a total row or column: 合计, 小计, 总计 (a typesetter may space the two characters: 合  计)
TOTAL_WORDS = r"合\s*计|小\s*计|总\s*计"
ENDS_IN_TOTAL = re.compile(rf"(?:{TOTAL_WORDS})$")  # …合计 / …小计 / …总计
ENDS_IN_SUBTOTAL = re.compile(r"(?:合\s*计|小\s*计)$")  # a total of the rows above it
ENDS_IN_GRAND_TOTAL = re.compile(r"总\s*计$")  # a total of totals (本年 + 上年结转 …)
TOTAL_ONLY = re.compile(r"^(?:合\s*计|总\s*计)$")  # a row named by nothing but its total word

# --- classification levels -------------------------------------------------------------------
LEVEL_MARK = re.compile(r"[（(]\s*\d{0,7}\s*(类|款|项)\s*[）)]")  # （类） / （208类） / (项)
LEVEL_BY_DIGITS = {3: "类", 5: "款", 7: "项"}  # 功能分类 code length → level


def words_in(text: str, entries: tuple[tuple[str, re.Pattern[str]], ...]) -> frozenset[str]:
    """The keys of ``entries`` whose pattern occurs in ``text``."""
    return frozenset(key for key, pattern in entries if pattern.search(text))
