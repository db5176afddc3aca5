"""The plan audited against a parent (`check --parent P`) must cite that parent: where it cites no
document of P's number and symbol, P may be the wrong parent, and every KETHUA finding with it is in
doubt. The audit still runs; the finding says which documents the plan does cite.

Example rule::

    check: parent_cited

Passes::

    ỦY BAN NHÂN DÂN THỊ TRẤN LÂM XUYÊN
    Số: 04/KH-UBND
    Lâm Xuyên, ngày 05 tháng 02 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024
    Thực hiện Kế hoạch số 12/KH-UBND ngày 26/01/2024 của Ủy ban nhân dân huyện Phù Lam về tuyên truyền CCHC năm 2024.
    I. MỤC ĐÍCH, YÊU CẦU

Fails::

    ỦY BAN NHÂN DÂN THỊ TRẤN LÂM XUYÊN
    Số: 04/KH-UBND
    Lâm Xuyên, ngày 05 tháng 02 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024
    Thực hiện Kế hoạch số 31/KH-UBND ngày 26/01/2024 của Ủy ban nhân dân huyện Phù Lam về tuyên truyền CCHC năm 2024.
    I. MỤC ĐÍCH, YÊU CẦU

Parent::

    ỦY BAN NHÂN DÂN HUYỆN PHÙ LAM
    Số: 12/KH-UBND
    Phù Lam, ngày 26 tháng 01 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from audit.model import Finding, Plan

PLACEHOLDERS = ("parent_ref", "cited")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(plan: Plan, rule, context) -> Iterator[Finding]:
    from audit.engine.context import ParentRef
    from audit.graph.identity import is_plan_citation
    from audit.trace.links import parent_citation

    parent = context.parent
    if parent is None or context.linked or parent_citation(plan, parent) is not None:
        return
    header = parent.header
    own = f"{header.number or ''}/{header.symbol or ''}".strip("/")
    cited = "; ".join(c.reference or c.text for c in plan.citations if is_plan_citation(c)) or "—"
    first = plan.citations[0].line if plan.citations else None
    yield context.finding(rule, plan, line=first, parent=ParentRef.at(parent, header.lines.get("number")),
                          parent_ref=own or (header.title or ""), cited=cited)
