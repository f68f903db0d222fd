"""The standard partitions: sets of parts that make up their total whatever the document, and the
name of that total where a bare “占 x%” after a member refers to it.

基本支出 + 项目支出 (+ the rarer kinds), 人员经费 + 公用经费 (of 基本支出), the 三公 items (of the
“三公”经费), a vehicle's purchase + running costs, 政府采购 by 货物/工程/服务, a government's 一般 +
专项 bonds (or debt), the income sources.
A list whose parts all belong to one partition is complete (Σ parts = total); a share of one member
with no base named is a share of the partition's total.

The income sources are an open partition: a department has any few of its ten or so sources, and a
其中 list often names only the main ones (财政拨款收入 a，事业收入 b, with 其他收入 left to the
tables), so a list of them is complete only when it names the catch-all, 其他收入, or states a
source as 0 — then it goes through the template's categories, the empty ones too."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Partition:
    members: re.Pattern[str]  # a member's name
    total: re.Pattern[str] | None = None  # the total's name (as `prose_ratios._key` reduces it), where known
    catch_all: re.Pattern[str] | None = None  # open partitions: the member a complete list must name

    def completes(self, names: list[str], enumerated: bool = False) -> bool:
        """Do these names, all members, make the whole partition as a list states it?
        ``enumerated``: the list states a member as 0 — it goes through the template's categories."""
        if not all(self.members.match(n) for n in names):
            return False
        return self.catch_all is None or enumerated or any(self.catch_all.match(n) for n in names)


PARTITIONS = (
    Partition(re.compile(r"^(?:一般公共预算(?:财政)?拨款)?(?:基本支出|项目支出|单位预留机动经费|上缴上级支出|(?:事业单位)?经营支出|"
                         r"对附属单位补助支出|结转下年资金?)$")),
    Partition(re.compile(r"^(?:人员经费|公用经费)(?:支出)?$"), re.compile(r"^基本支出$")),
    Partition(re.compile(r"^(?:因公出国（境）费|公务用车购置及运行(?:维护)?费|公务接待费)用?(?:预算|决算)?(?:支出)?$"),
              re.compile(r"^(?:一般公共预算)?(?:财政拨款)?三公经费(?:财政拨款)?(?:支出)?$")),
    Partition(re.compile(r"^(?:公务用车)?(?:购置费?|运行(?:维护)?费)(?:预算|决算)?(?:支出)?$")),
    Partition(re.compile(r"^(?:政府采购|拟采购|拟购买)?(?:货物|工程|服务)类?(?:采购)?(?:预算|决算)?(?:支出|金额)?$")),
    Partition(re.compile(r"^(?:新增|再融资)?(?:一般|专项)(?:债券|债务)(?:限额|余额)?$")),  # a government's bonds and debt
    Partition(re.compile(r"^(?:(?:一般公共预算|政府性基金(?:预算)?|国有资本经营(?:预算)?)(?:(?:财政)?拨款)?|(?:财政)?拨款|"
                         r"财政专户管理资金|事业|事业单位经营|经营|上级补助|附属单位上缴|其他|上年结转(?:结余)?|"
                         r"用事业基金弥补收支差额)(?:收入)?$"),
              catch_all=re.compile(r"^其他(?:收入)?$")),
)


def one_partition(names: Iterable[str], enumerated: bool = False) -> bool:
    """Do these names make up one standard partition (all its members; an open one's catch-all
    among them, or a member stated as 0: ``enumerated``)?"""
    names = list(names)
    return any(p.completes(names, enumerated) for p in PARTITIONS) or _kinds_with_basic_split(names)


def _kinds_with_basic_split(names: list[str]) -> bool:
    """The spending kinds with 基本支出 stated as its two parts (人员经费 + 公用经费 + 项目支出)."""
    kinds, basic = PARTITIONS[0].members, PARTITIONS[1].members
    split = {n for n in names if basic.match(n)}
    return (all(kinds.match(n) or basic.match(n) for n in names) and not any("基本支出" in n for n in names)
            and {re.sub(r"支出$", "", n) for n in split} == {"人员经费", "公用经费"} and len(split) < len(names))


def same_partition(names: Iterable[str]) -> bool:
    """Are these names all members of one standard partition (whether or not they are all of it)?"""
    names = list(names)
    return any(all(p.members.match(n) for n in names) for p in PARTITIONS)


def disjoint(names: Iterable[str]) -> bool:
    """Do these names state quantities that cannot overlap: members of one standard partition, the
    spending kinds with 基本支出 taken as its 人员经费 and 公用经费 (人员经费 + 公用经费 + 项目支出),
    or 三公 items with the vehicle cost taken as its purchase and running costs?"""
    names = list(names)
    if same_partition(names):
        return True
    kinds, basic = PARTITIONS[0].members, PARTITIONS[1].members
    if all(kinds.match(n) or basic.match(n) for n in names):
        return not any(re.search("基本支出", n) for n in names)
    three, vehicle = PARTITIONS[2].members, PARTITIONS[3].members
    if all(three.match(n) or vehicle.match(n) for n in names):  # 公务接待费 + 公务用车运行维护费
        return not (any(vehicle.match(n) for n in names) and any(re.search("公务用车购置及运行", n) for n in names))
    return False


def total_of(member: str) -> re.Pattern[str] | None:
    """The name of the total of the partition ``member`` belongs to, where known."""
    return next((p.total for p in PARTITIONS if p.total is not None and p.members.match(member)), None)
