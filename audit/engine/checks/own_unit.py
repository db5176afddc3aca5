"""The plan names its own unit one way, and no other unit of its kind as if it were its own.

`problem: other_unit`: a unit of the plan's own kind under another name ("xã Nam Đồng" in a plan of
xã Tiền Tiến), the trace of a plan copied from a neighbour. `problem: spelling`: the own name with
other diacritics ("xã Tiên Tiến" for "xã Tiền Tiến"). The own name is the issuer's in the header.
Not counted: the preamble's citations, the Nơi nhận list, a line naming several units of the kind
(a list, "thị trấn Lâm Xuyên, xã Phúc Khê và xã Tân Khê"), and in plans issued after the 2025
reorganisation, names that are no unit in force (the former units a new commune was formed from).

Example rule::

    check: own_unit
    params: {problem: other_unit}

Passes::

    Số: 02/KH-UBND
    Tiền Tiến, ngày 02 tháng 01 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024 trên địa bàn xã Tiền Tiến

    Ủy ban nhân dân xã Tiền Tiến xây dựng kế hoạch như sau:

    I. NỘI DUNG
    Tác động của CCHC đến phát triển kinh tế của tỉnh nói chung và xã Tiền Tiến nói riêng.

Fails::

    Số: 02/KH-UBND
    Tiền Tiến, ngày 02 tháng 01 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024 trên địa bàn xã Tiền Tiến

    Ủy ban nhân dân xã Tiền Tiến xây dựng kế hoạch như sau:

    I. NỘI DUNG
    Tác động của CCHC đến phát triển kinh tế của tỉnh nói chung và xã Nam Đồng nói riêng.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from audit.engine.checks import change_to
from audit.model import Finding, Plan
from audit.text.hygiene import UNIT_WORDS, UnitName, unit_names

if TYPE_CHECKING:  # the engine imports the kinds: only the type checker imports it back
    from audit.engine.context import CheckContext
    from audit.engine.packs import Rule

PLACEHOLDERS = ("written", "own")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    problem: Literal["other_unit", "spelling"] = Field(description="which slip of the own unit's name is found")


def check(plan: Plan, rule: Rule, context: CheckContext) -> Iterator[Finding]:
    own = own_unit(plan)
    if own is None:
        return
    own_name = f"{own.kind} {own.name}"
    for line, named in peer_names(plan, own, _kinds(plan)):
        if named.spelled == own.spelled:
            continue
        same_letters = named.key == own.key
        if (rule.params.problem == "spelling") != same_letters:
            continue
        if not same_letters and not _may_be_peer(plan, named):
            continue
        written = plan.line_text(line)[named.start : named.end]
        yield context.finding(
            rule, plan, line=line, evidence=plan.line_text(line), written=written, own=own_name,
            suggestion=change_to(written[: len(written) - len(named.name)] + own.name) if same_letters else None,
        )


def own_unit(plan: Plan) -> UnitName | None:
    """The plan's own unit as its issuer names it ("xã Tiền Tiến"); a department's is its province."""
    for name in [plan.header.issuer, plan.header.parent_body]:
        found = unit_names(name or "", _kinds(plan))
        if found:
            return found[-1]
    return None


def _kinds(plan: Plan) -> tuple[str, ...]:
    """The unit words of the plan's own kind ("xã", "phường", ... for a commune)."""
    return UNIT_WORDS.get("tinh" if plan.header.level == "so" else plan.header.level or "", ())


def peer_names(plan: Plan, own: UnitName, kinds: tuple[str, ...]) -> Iterator[tuple[int, UnitName]]:
    """Units of the own kind named in the plan, outside the preamble, the recipients and lists."""
    from audit.parse.header import MOTTO_RE

    preamble = range(plan.preamble[0], plan.preamble[1] + 1) if plan.preamble else range(0)
    skipped = set(preamble) | {r.line for r in plan.recipients}
    for line in plan.lines:
        if line.number in skipped:
            continue
        named = unit_names(line.text, kinds)
        if not named or MOTTO_RE.search(line.text):
            continue
        others = {n.key for n in named} - {own.key}
        if len(others) > 1:
            continue  # a list of units, not the plan speaking of itself
        yield from ((line.number, n) for n in named)


def _may_be_peer(plan: Plan, named: UnitName) -> bool:
    """After the 2025 reorganisation a name is a peer only if it is a unit in force."""
    from audit.text.admin_units import covers, is_current_unit

    return not covers(plan.header.date, plan.header.year) or is_current_unit(named.kind, named.name)
