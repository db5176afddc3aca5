"""A date that does not exist ("ngày 31/02/2024", "30 tháng 02", "15/13/2024") anywhere in the plan:
a typo that leaves a deadline or a citation meaningless. A date without its year is checked with
February's 29 days.

Example rule::

    check: impossible_date

Passes::

    I. TỔ CHỨC THỰC HIỆN
    Báo cáo kết quả trước ngày 29/02/2024.

Fails::

    I. TỔ CHỨC THỰC HIỆN
    Báo cáo kết quả trước ngày 31/02/2024.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from audit.engine.checks import texts_hit
from audit.model import Finding, Plan

if TYPE_CHECKING:  # the engine imports the kinds: only the type checker imports it back
    from audit.engine.context import CheckContext
    from audit.engine.packs import Rule

PLACEHOLDERS = ("written",)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


# Every date DATE_RE reads has two numbers around a separator, or a number before "tháng". A search
# for that skips along in C from digit to digit, where DATE_RE (it opens with named groups, not a
# digit) is tried at every character: it rules out most of a plan before DATE_RE reads a line.
_MAY_HOLD_DATE = re.compile(r"\d(?:\s*[/.-]\s*\d|\s+tháng)")


def check(plan: Plan, rule: Rule, context: CheckContext) -> Iterator[Finding]:
    from audit.parse.docref import DATE_RE

    lines = plan.lines
    for line in (lines[i] for i in texts_hit([line.text for line in lines], _MAY_HOLD_DATE)):
        for m in DATE_RE.finditer(line.text):
            day, month, year = (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else (m.group("wd"), m.group("wm"), m.group("wy"))
            if not possible(int(day), int(month), int(year) if year else None):
                yield context.finding(rule, plan, line=line.number, evidence=line.text, written=m.group(0))


def possible(day: int, month: int, year: int | None) -> bool:
    if not 1 <= month <= 12:
        return False
    last = calendar.monthrange(year or 2024, month)[1]  # 2024: a leap year, so 29/02 stands without a year
    return 1 <= day <= last
