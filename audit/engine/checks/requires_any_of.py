"""The plan must cover at least one concept of a set: e.g. one electronic channel, one grassroots channel.

The finding (one per plan) lists the concepts that would satisfy the rule and points at the section
where one belonged (the first section of a kind in `sections`).

Example rule::

    check: requires_any_of
    params: {concepts: [channel.cong_ttdt, channel.cong_dvc, channel.zalo, channel.facebook], sections: [hinh_thuc]}

Passes::

    III. HÌNH THỨC TUYÊN TRUYỀN
    - Đăng tải tin, bài trên Cổng thông tin điện tử của xã.

Fails::

    III. HÌNH THỨC TUYÊN TRUYỀN
    - Tuyên truyền qua hệ thống truyền thanh cơ sở.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from audit.engine.checks import ConceptId, concept_names, expected_section, section_name
from audit.model import Finding, Plan, SectionKind

if TYPE_CHECKING:  # the engine imports the kinds: only the type checker imports it back
    from audit.engine.context import CheckContext
    from audit.engine.packs import Rule

PLACEHOLDERS = ("concepts", "section")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    concepts: list[ConceptId] = Field(min_length=2, description="any one of these satisfies the rule")
    sections: list[SectionKind] = Field(default_factory=list, description="where one of them belongs")


def check(plan: Plan, rule: Rule, context: CheckContext) -> Iterator[Finding]:
    params: Params = rule.params
    if any(plan.concept(c) for c in params.concepts):
        return
    section = expected_section(plan, params.sections)
    yield context.finding(
        rule, plan, line=section.line if section else None,
        concepts=concept_names(params.concepts), section=section_name(plan, params.sections),
    )
