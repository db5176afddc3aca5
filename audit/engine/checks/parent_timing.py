"""The plan must be dated after its parent and by the parent's deadline for subordinate plans (only
when the parent is known and the plan is dated: an undated draft is reported by other rules).

The deadline is the one the parent sets for issuing plans ("Xây dựng và ban hành kế hoạch ... trước
ngày 29/02/2024"), preferring the one in the tasks given to the plan's level. The finding is at the
plan's date line, with the parent's deadline line (or date line) as the parent line.

Example rule::

    check: parent_timing

Passes::

    Số: 05/KH-UBND
    Kim Khê, ngày 21 tháng 02 năm 2024

Fails::

    Số: 11/KH-UBND
    Trúc Lam, ngày 18 tháng 3 năm 2024

Parent::

    IV. TỔ CHỨC THỰC HIỆN
    1. Ủy ban nhân dân các xã, phường
    - Xây dựng và ban hành kế hoạch tuyên truyền CCHC năm 2024 trước ngày 29/02/2024.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from audit.engine.checks import written_date
from audit.messages import both
from audit.model import Finding, Plan

if TYPE_CHECKING:  # the engine imports the kinds: only the type checker imports it back
    from audit.engine.context import CheckContext
    from audit.engine.packs import Rule

PLACEHOLDERS = ("date", "problem")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(plan: Plan, rule: Rule, context: CheckContext) -> Iterator[Finding]:
    from audit.engine.context import ParentRef
    from audit.trace.links import subordinate_deadline

    parent, date = context.parent, plan.header.date
    if parent is None or date is None:
        return
    line = plan.header.lines.get("date")
    if parent.header.date and date < parent.header.date:
        parent_line = parent.header.lines.get("date")
        yield context.finding(
            rule, plan, line=line, parent=ParentRef.at(parent, parent_line),
            date=written_date(date), problem=both("check.parent_timing.before_parent", date=written_date(parent.header.date)),
        )
        return
    deadline = subordinate_deadline(parent, plan)
    if deadline and date > deadline[0]:
        when, parent_line, text = deadline
        yield context.finding(
            rule, plan, line=line, parent=ParentRef(parent.path, parent_line, text),
            date=written_date(date), problem=both("check.parent_timing.after_deadline", date=written_date(when), line=parent_line),
        )
