"""The date line is written as Nghị định 30/2020/NĐ-CP sets it: "Tiền Tiến, ngày 05 tháng 01 năm
2024", with a leading zero for days below 10 and for months 1 and 2 ("ngày 5 tháng 1" is not). A
blank or unreadable date is rule THETHUC002's.

Example rule::

    check: date_line

Passes::

    Số: 02/KH-UBND
    Tiền Tiến, ngày 02 tháng 01 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024

Fails::

    Số: 02/KH-UBND
    Tiền Tiến, ngày 2 tháng 1 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from audit.engine.checks import change_to
from audit.model import Finding, Plan

if TYPE_CHECKING:  # the engine imports the kinds: only the type checker imports it back
    from audit.engine.context import CheckContext
    from audit.engine.packs import Rule

PLACEHOLDERS = ("written", "expected")

_PARTS = re.compile(r"ngày\s*(?P<d>\d{1,2})\s*tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(plan: Plan, rule: Rule, context: CheckContext) -> Iterator[Finding]:
    header = plan.header
    m = _PARTS.search(header.date_text or "")
    if header.date is None or m is None:
        return
    expected = f"ngày {header.date.day:02d} tháng {_month(header.date.month)} năm {header.date.year}"
    if (m.group("d"), m.group("m")) != (f"{header.date.day:02d}", _month(header.date.month)):
        if len(m.group("d")) == 2 and len(m.group("m")) == 2 and header.date.month > 2:
            return  # "tháng 05": a zero the decree does not ask for, but no slip
        line = header.lines.get("date")
        yield context.finding(
            rule, plan, line=line, evidence=plan.line_text(line) if line else None,
            written=m.group(0), expected=expected,
            suggestion=change_to(f"{header.place}, {expected}" if header.place else expected),
        )


def _month(month: int) -> str:
    return f"{month:02d}" if month <= 2 else str(month)
