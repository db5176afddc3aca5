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

from audit.engine.checks import commitment_findings
from audit.model import Finding, Plan

PLACEHOLDERS = ("concept_label", "parent_text", "parent_line", "child_text")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(plan: Plan, rule, context) -> Iterator[Finding]:
    return commitment_findings(plan, rule, context, lambda coverage: coverage.status == "declined",
                               lambda coverage: {"child_text": coverage.commitment.text})
