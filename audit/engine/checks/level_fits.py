"""The parent plan must be of a level the plan may implement (only when the parent is known).

A commune implements its district's plan or the province's; a district and a provincial department
implement the province's. Since 1/7/2025 there is no district level (Luật 72/2025/QH15), so a commune
plan dated from then on implements the province's plan directly, and one still following a
district's plan follows a level that no longer exists.

Example rule::

    check: level_fits

Passes::

    ỦY BAN NHÂN DÂN XÃ PHÚC KHÊ
    Số: 06/KH-UBND
    Phúc Khê, ngày 08 tháng 02 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024
    Thực hiện Kế hoạch số 12/KH-UBND ngày 26/01/2024 của Ủy ban nhân dân huyện Phù Lam.

Fails::

    ỦY BAN NHÂN DÂN XÃ PHÚC KHÊ
    Số: 03/KH-UBND
    Phúc Khê, ngày 28 tháng 7 năm 2025
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025
    Thực hiện Kế hoạch số 12/KH-UBND ngày 26/01/2024 của Ủy ban nhân dân huyện Phù Lam.

Parent::

    ỦY BAN NHÂN DÂN HUYỆN PHÙ LAM
    Số: 12/KH-UBND
    Phù Lam, ngày 26 tháng 01 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from audit.messages import MESSAGES, both, msg
from audit.model import Finding, Plan

if TYPE_CHECKING:  # the engine imports the kinds: only the type checker imports it back
    from audit.engine.context import CheckContext
    from audit.engine.packs import Rule

PLACEHOLDERS = ("level", "parent_level", "allowed")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(plan: Plan, rule: Rule, context: CheckContext) -> Iterator[Finding]:
    from audit.engine.context import ParentRef
    from audit.trace.links import allowed_parent_levels, parent_citation

    parent = context.parent
    if parent is None or parent.header.level is None:
        return
    allowed = allowed_parent_levels(plan)
    if allowed is None or parent.header.level in allowed:
        return
    citation = parent_citation(plan, parent)
    parent_line = parent.header.lines.get("issuer")
    yield context.finding(
        rule, plan, line=citation.line if citation else plan.header.lines.get("date"),
        evidence=citation.text if citation else None,
        parent=ParentRef.at(parent, parent_line),
        level=_name(plan.header.level), parent_level=_name(parent.header.level),
        allowed={lang: ", ".join(msg(f"label.level.{level}", lang) for level in sorted(allowed)) for lang in ("vi", "en")},
    )


def _name(level: str | None) -> dict[str, str]:
    return both(f"label.level.{level}") if f"label.level.{level}" in MESSAGES else {"vi": "?", "en": "?"}
