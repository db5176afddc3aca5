"""The plan must cover at least `min` of a list of concepts, or name at least `min` units or tasks.

With `of: concepts`, the finding says how many of the list the plan covers and names the missing
ones (e.g. the reform areas of Nghị quyết 76/NQ-CP it never mentions). With `of: units` or
`of: tasks`, it counts the units given work in Tổ chức thực hiện, or their tasks.

Example rule::

    check: min_count
    params: {of: concepts, concepts: [content.tthc, content.cong_vu, content.chinh_phu_so], min: 2, sections: [noi_dung]}

Passes::

    II. NỘI DUNG TUYÊN TRUYỀN
    - Kết quả cải cách thủ tục hành chính và cải cách chế độ công vụ.

Fails::

    II. NỘI DUNG TUYÊN TRUYỀN
    - Kết quả cải cách thủ tục hành chính.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from audit.engine.checks import ConceptId, concept_names, expected_section, section_name
from audit.model import Finding, Plan, SectionKind

if TYPE_CHECKING:  # the engine imports the kinds: only the type checker imports it back
    from audit.engine.context import CheckContext
    from audit.engine.packs import Rule

PLACEHOLDERS = ("count", "min", "total", "missing", "section")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    of: Literal["concepts", "units", "tasks"] = Field("concepts", description="what is counted")
    concepts: list[ConceptId] = Field(default_factory=list, description="with of: concepts, the concepts counted")
    min: int = Field(1, ge=1, description="the fewest that pass")
    sections: list[SectionKind] = Field(default_factory=list, description="where the missing ones belong")

    @model_validator(mode="after")
    def _concepts_for_concepts(self) -> Params:
        if self.of == "concepts" and len(self.concepts) < self.min:
            raise ValueError(f"of: concepts needs a list of at least min ({self.min}) concepts")
        if self.of != "concepts" and self.concepts:
            raise ValueError(f"concepts is only for of: concepts, not of: {self.of}")
        return self


def check(plan: Plan, rule: Rule, context: CheckContext) -> Iterator[Finding]:
    params: Params = rule.params
    missing: list[str] = []
    if params.of == "concepts":
        missing = [c for c in params.concepts if not plan.concept(c)]
        count, total = len(params.concepts) - len(missing), len(params.concepts)
    elif params.of == "units":
        count, total = len(plan.units), len(plan.units)
    else:
        count = total = sum(len(u.tasks) for u in plan.units)
    if count >= params.min:
        return
    section = expected_section(plan, params.sections)
    yield context.finding(
        rule, plan, line=section.line if section else None,
        count=count, min=params.min, total=total, missing=concept_names(missing),
        section=section_name(plan, params.sections),
    )
