"""The document must be a plan: a công văn, báo cáo, tờ trình, thông báo or a few copied lines is
reported once, as what it is, and no plan rule runs on it (see `audit/parse/kind.py` for how the
kind is told). `--kind plan` audits every document as a plan, and this check then finds nothing.

Example rule::

    check: document_kind
    params: {}

Passes::

    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024

Fails::

    Số: 125/UBND-VP                    Kim Khê, ngày 04 tháng 3 năm 2024
    V/v báo cáo kết quả tuyên truyền CCHC
    Kính gửi: Ủy ban nhân dân thành phố Bến Lam
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from audit.messages import MESSAGES
from audit.model import Finding, Plan

PLACEHOLDERS = ("kind",)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(plan: Plan, rule, context) -> Iterator[Finding]:
    if plan.kind == "plan" or context.kind == "plan":
        return
    label = MESSAGES.get(f"kind.{plan.kind}", {"vi": plan.kind, "en": plan.kind})
    yield context.finding(rule, plan, line=plan.header.lines.get("title"), kind=label)
