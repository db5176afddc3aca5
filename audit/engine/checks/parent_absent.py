"""When the plans were linked in a corpus (`corpus DIR`, `check --corpus DIR`) and the plan's parent
is not among them, the parent audit did not run: one note at the citation, so that a plan with no
KETHUA finding is never taken for one that meets its parent.

Example rule::

    check: parent_absent

Passes::

    ỦY BAN NHÂN DÂN XÃ KIM KHÊ
    Số: 05/KH-UBND
    Kim Khê, ngày 21 tháng 02 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024
    I. MỤC ĐÍCH, YÊU CẦU
    - Nâng cao nhận thức của Nhân dân về cải cách hành chính.

Fails::

    ỦY BAN NHÂN DÂN XÃ KIM KHÊ
    Số: 05/KH-UBND
    Kim Khê, ngày 21 tháng 02 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024
    Thực hiện Kế hoạch số 99/KH-UBND ngày 10/01/2024 của Ủy ban nhân dân huyện Phù Lam về tuyên truyền cải cách hành chính năm 2024.
    I. MỤC ĐÍCH, YÊU CẦU
    - Nâng cao nhận thức của Nhân dân về cải cách hành chính.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from audit.model import Finding, Plan

PLACEHOLDERS = ("cited",)
EXAMPLE_CONTEXT = {"linked": True}  # the examples are plans of a corpus that lacks the parent


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(plan: Plan, rule, context) -> Iterator[Finding]:
    from audit.graph.identity import is_plan_citation
    from audit.trace.links import parent_citation

    if not context.linked or context.all_parents:
        return
    citation = next((c for c in plan.citations if c.relation == "thuc_hien" and is_plan_citation(c)), None)
    if citation is not None and parent_citation(plan, plan) is not citation:  # a plan citing itself is no gap
        yield context.finding(rule, plan, line=citation.line, evidence=citation.text, cited=citation.reference or citation.text)
