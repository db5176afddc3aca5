"""An index that ranks provinces said to be a district's or a commune's: PCI (competitiveness) and
PAPI (governance and public administration) are measured for each province; a district or a
provincial department has DDCI instead, a commune neither. Read anywhere in the plan.

Example rule::

    check: indicator_level

Passes::

    II. NỘI DUNG TUYÊN TRUYỀN
    - Kết quả Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) và Chỉ số PAPI của tỉnh năm 2023.

Fails::

    II. NỘI DUNG TUYÊN TRUYỀN
    - Nâng cao chỉ số năng lực cạnh tranh cấp huyện (PCI) của địa phương.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from audit.model import Finding, Plan

PLACEHOLDERS = ("written", "indicator")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(plan: Plan, rule, context) -> Iterator[Finding]:
    from audit.text.levels import provincial_index_below

    for line in plan.lines:
        for slip in provincial_index_below(line.text):
            yield context.finding(
                rule, plan, line=line.number, evidence=line.text, written=line.text[slip.start : slip.end],
                indicator=slip.name,
            )
