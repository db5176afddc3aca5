"""The plan must carry out what its parent plan asks of it (only when the parent is known).

The parent's requirements (audit/trace/requirements.py) are the concepts, tasks and reporting duties
it assigns to the plan's level or to the plan's issuer by name ("assigned"), and the concepts it
merely names in its own content and forms ("listed"). One finding for each requirement of the
rule's `category` and `weight` the plan does not cover, carrying the parent's line and wording.
`families` keeps concept requirements of those concept families only (channel, indicator, ...).

Example rule::

    check: inherits_from_parent
    params: {category: concept, weight: assigned}

Passes::

    ỦY BAN NHÂN DÂN XÃ KIM KHÊ
    Số: 05/KH-UBND
    Kim Khê, ngày 21 tháng 02 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024
    II. HÌNH THỨC TUYÊN TRUYỀN
    - Hướng dẫn người dân sử dụng Zalo OA của tỉnh.

Fails::

    ỦY BAN NHÂN DÂN XÃ KIM KHÊ
    Số: 05/KH-UBND
    Kim Khê, ngày 21 tháng 02 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024
    II. HÌNH THỨC TUYÊN TRUYỀN
    - Phát trên đài truyền thanh xã.

Parent::

    IV. TỔ CHỨC THỰC HIỆN
    1. Ủy ban nhân dân các xã, phường
    - Hướng dẫn người dân sử dụng Zalo OA của tỉnh.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from audit.engine.checks import expected_section, requirement_label
from audit.model import Finding, Plan

PLACEHOLDERS = ("concept_label", "parent_text", "parent_line")
# Where a missing requirement belonged in the child, by its category.
SECTION_KINDS = {"concept": ["hinh_thuc", "noi_dung"], "task": ["to_chuc_thuc_hien"], "report": ["to_chuc_thuc_hien"]}


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    category: Literal["concept", "task", "report"] = Field(
        description="what the parent asks: a concept, a task judged by its words, a reporting duty")
    weight: Literal["assigned", "listed"] = Field(
        "assigned", description="assigned to the plan's level or to it by name, or only listed in the parent")
    families: list[str] | None = Field(None, description="concept families kept (channel, indicator, ...); all when absent")
    task_share: float = Field(0.6, gt=0, le=1, description="share of a task's key words one line of the plan must hold")


def check(plan: Plan, rule, context) -> Iterator[Finding]:
    from audit.engine.context import ParentRef
    from audit.trace.requirements import concept_family

    if context.trace is None:
        return
    params: Params = rule.params
    families = set(params.families or ())
    missing = [c.requirement for c in context.trace.coverage
               if c.status == "missing" and c.requirement.category == params.category
               and c.requirement.weight == params.weight
               and (not families or concept_family(c.requirement.concept or "") in families)]
    # Where the missing requirements belonged: looked for only when one is missing (most plans
    # cover most requirements, and the section tree is walked for it).
    section = expected_section(plan, SECTION_KINDS[params.category]) if missing else None
    parents = {p.path: p for p in context.all_parents}
    for requirement in missing:
        label = requirement_label(requirement)
        yield context.finding(
            rule, plan, line=section.line if section else None, concept=requirement.concept,
            parent=ParentRef.at(parents.get(requirement.parent_path, context.parent), requirement.parent_line),
            concept_label=label, parent_text=requirement.text, parent_line=requirement.parent_line,
        )
