"""A yearly plan ("... năm 2024" in its title) schedules its work in that year: a quarter, a month
or "trong năm" of another year ("Quý II/2023" in a plan for 2024), or a deadline before the plan's
year, is most often a line left from last year's plan.

Example rule::

    check: plan_year

Passes::

    Số: 02/KH-UBND
    Tiền Tiến, ngày 02 tháng 01 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024
    I. THỜI GIAN THỰC HIỆN
    - Quý II/2024: tổ chức hội nghị đối thoại.

Fails::

    Số: 02/KH-UBND
    Tiền Tiến, ngày 02 tháng 01 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024
    I. THỜI GIAN THỰC HIỆN
    - Quý II/2023: tổ chức hội nghị đối thoại.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from audit.model import Finding, Plan

if TYPE_CHECKING:  # the engine imports the kinds: only the type checker imports it back
    from audit.engine.context import CheckContext
    from audit.engine.packs import Rule

PLACEHOLDERS = ("written", "year")

_ANNUAL = re.compile(r"\bnăm\s+((?:19|20)\d{2})\b(?!\s*[-–]\s*(?:19|20)\d{2})", re.IGNORECASE)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(plan: Plan, rule: Rule, context: CheckContext) -> Iterator[Finding]:
    m = _ANNUAL.search(plan.header.title or "")
    if m is None or re.search(r"giai đoạn|(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}", plan.header.title or "", re.IGNORECASE):
        return
    year = int(m.group(1))
    for entry in plan.timeline:
        entry_year = _year(entry.kind, entry.value)
        if entry_year is None:
            continue
        if entry_year < year or (entry.kind != "deadline" and entry_year != year):
            yield context.finding(rule, plan, line=entry.line, evidence=plan.line_text(entry.line), written=entry.text, year=str(year))


def _year(kind: str, value: str) -> int | None:
    if kind not in ("quarter", "month", "year", "deadline"):
        return None
    m = re.search(r"(?:19|20)\d{2}", value)
    return int(m.group()) if m else None
