"""The plan must cover one concept (a channel, an indicator, a reform area, a deliverable).

Coverage is what the concept matcher found in the plan's own text: a concept named only inside a
preamble citation ("Căn cứ ... Đề án nâng cao các Chỉ số PCI, ICT, PAPI, PAR Index") does not count.
When it is missing, the finding carries the concept and points at the section where it belonged
(the first section of a kind in `sections`), so the reviewer knows where to add it.

Example rule::

    check: requires_concept
    params: {concept: indicator.sipas, sections: [noi_dung]}

Passes::

    II. NỘI DUNG TUYÊN TRUYỀN
    - Kết quả Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) của tỉnh.

Fails::

    II. NỘI DUNG TUYÊN TRUYỀN
    - Kết quả Chỉ số cải cách hành chính (PAR INDEX) của tỉnh.
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

PLACEHOLDERS = ("concept_label", "section")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    concept: ConceptId = Field(description="the concept the plan must name")
    sections: list[SectionKind] = Field(default_factory=list, description="where the concept belongs")


def check(plan: Plan, rule: Rule, context: CheckContext) -> Iterator[Finding]:
    params: Params = rule.params
    if plan.concept(params.concept):
        return
    section = expected_section(plan, params.sections)
    yield context.finding(
        rule, plan, line=section.line if section else None, concept=params.concept,
        concept_label=concept_names([params.concept]),
        section=section_name(plan, params.sections),
    )
