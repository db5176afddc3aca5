"""The plan must not decline what its parent asks of it (only when the parent is known).

A plan that names a duty its parent assigned only to refuse, postpone or make it conditional ("xã
chưa có điều kiện triển khai trang Facebook", "năm nay không tổ chức hội thi", "khi có kinh phí sẽ
in tờ gấp") has not taken it up: one finding at the plan's line, quoting it, with the parent's line.
A duty the plan also commits to elsewhere is met, not declined.

Example rule::

    check: declines_parent

Passes::

    ỦY BAN NHÂN DÂN XÃ KIM KHÊ
    Số: 05/KH-UBND
    Kim Khê, ngày 21 tháng 02 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024
    II. HÌNH THỨC TUYÊN TRUYỀN
    - Đăng tải tin bài về CCHC trên trang Facebook của xã.

Fails::

    ỦY BAN NHÂN DÂN XÃ KIM KHÊ
    Số: 05/KH-UBND
    Kim Khê, ngày 21 tháng 02 năm 2024
    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024
    II. HÌNH THỨC TUYÊN TRUYỀN
    - Xã chưa có điều kiện triển khai trang Facebook trong năm 2024.

Parent::

    IV. TỔ CHỨC THỰC HIỆN
    1. Ủy ban nhân dân các xã, phường
    - Đăng tải tin bài về CCHC trên trang Facebook của địa phương.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from audit.engine.checks import concept_names
from audit.model import Finding, Plan

PLACEHOLDERS = ("concept_label", "parent_text", "parent_line", "child_text")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(plan: Plan, rule, context) -> Iterator[Finding]:
    from audit.engine.context import ParentRef

    if context.trace is None:
        return
    parents = {p.path: p for p in context.all_parents}
    seen: set[tuple[int, int]] = set()  # one finding for a parent line the plan declines on one line
    for coverage in context.trace.coverage:
        requirement, commitment = coverage.requirement, coverage.commitment
        if requirement.weight != "assigned" or coverage.status != "declined" or commitment is None or (commitment.line, requirement.parent_line) in seen:
            continue
        seen.add((commitment.line, requirement.parent_line))
        label = concept_names([requirement.concept]) if requirement.concept else requirement.text
        yield context.finding(
            rule, plan, line=commitment.line, concept=requirement.concept, evidence=commitment.text,
            parent=ParentRef.at(parents.get(requirement.parent_path, context.parent), requirement.parent_line),
            concept_label=label, parent_text=requirement.text, parent_line=requirement.parent_line,
            child_text=commitment.text,
        )
