"""The plan must be written for its own unit, not copied from its parent (only when the parent is
known).

Parents ask for plans fitted to each unit's situation; a copied plan keeps the parent's sentences,
units and places ("Nhân dân thành phố" in a commune's plan). The figure is the share of the plan's
sentences that are near-verbatim copies of the parent's (audit/trace/copying.py); at or above
`threshold` one finding at the first copied line, with its source line in the parent. Packs may
still name this kind `localized`, its first name.

Example rule::

    check: copies_parent
    params: {threshold: 0.5}

Passes::

    I. MỤC ĐÍCH, YÊU CẦU
    - Người dân xã Kim Khê biết và dùng dịch vụ công trực tuyến khi làm thủ tục đất đai, hộ tịch.

Fails::

    I. MỤC ĐÍCH, YÊU CẦU
    - Nâng cao nhận thức của cán bộ, công chức và Nhân dân thành phố về cải cách hành chính năm 2024.

Parent::

    I. MỤC ĐÍCH, YÊU CẦU
    - Nâng cao nhận thức của cán bộ, công chức và Nhân dân thành phố về cải cách hành chính năm 2024.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from audit.model import Finding, Plan

PLACEHOLDERS = ("share", "copied", "sentences")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    threshold: float = Field(0.5, gt=0, le=1, description="share of copied sentences that makes a finding")
    similarity: float = Field(90, gt=0, le=100, description="rapidfuzz ratio for a sentence to count as copied")


def check(plan: Plan, rule, context) -> Iterator[Finding]:
    from audit.engine.context import ParentRef

    parent = context.parent
    if parent is None or context.trace is None:
        return
    params: Params = rule.params
    result = context.trace.copy  # with the pack's similarity: the same figure as the reports
    if not result.copied or result.share < params.threshold:
        return
    first = result.copied[0]
    yield context.finding(
        rule, plan, line=first.child_line, evidence=first.text,
        parent=ParentRef.at(parent, first.parent_line),
        share=f"{round(result.share * 100)}%", copied=len(result.copied), sentences=result.sentences,
    )
