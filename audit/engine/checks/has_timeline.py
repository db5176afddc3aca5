"""The plan must say when: a timeline section ("Thời gian thực hiện", "Tiến độ") or at least one
date a reviewer can hold it to: a quarter ("Quý II/2024"), a month, a deadline ("trước ngày
15/12/2024") or a period ("6 tháng đầu năm"). "Thường xuyên" and the plan's year alone are no
timeline: nothing can be checked against them.

Example rule::

    check: has_timeline

Passes::

    II. NỘI DUNG TUYÊN TRUYỀN
    - Tuyên truyền kết quả cải cách thủ tục hành chính; hoàn thành trước ngày 30/11/2024.

Fails::

    II. NỘI DUNG TUYÊN TRUYỀN
    - Thường xuyên tuyên truyền kết quả cải cách thủ tục hành chính.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from audit.model import Finding, Plan
from audit.parse.sections import walk

PLACEHOLDERS = ()
DATED = ("quarter", "month", "deadline", "period")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(plan: Plan, rule, context) -> Iterator[Finding]:
    if any(entry.kind in DATED for entry in plan.timeline) or any(
        "thoi_gian" in kinds for _, kinds in walk(plan.sections)
    ):
        return
    yield context.finding(rule, plan)

