"""A draft: number, date of issue and signer's name all left blank. One finding says so, at the
number's line, instead of three (THETHUC001, THETHUC002 and THETHUC007 then stay silent); info
when the plans are audited as drafts (`--draft`). A plan with only some of them blank is left to
those rules.

Example rule::

    check: draft_blanks

Passes::

    ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    XÃ TIỀN TIẾN | Độc lập - Tự do - Hạnh phúc
    Số: /KH-UBND | Tiền Tiến, ngày 02 tháng 01 năm 2024

    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024

    I. NỘI DUNG TUYÊN TRUYỀN
    - Kết quả Chỉ số CCHC của xã.

    TM. ỦY BAN NHÂN DÂN
    CHỦ TỊCH

Fails::

    ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    XÃ TIỀN TIẾN | Độc lập - Tự do - Hạnh phúc
    Số: /KH-UBND | Tiền Tiến, ngày    tháng    năm 2024

    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024

    I. NỘI DUNG TUYÊN TRUYỀN
    - Kết quả Chỉ số CCHC của xã.

    TM. ỦY BAN NHÂN DÂN
    CHỦ TỊCH
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from audit.engine.checks import draft_severity
from audit.model import Finding, Plan
from audit.parse.portal_copy import is_draft, lost_header

PLACEHOLDERS = ()


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(plan: Plan, rule, context) -> Iterator[Finding]:
    if not is_draft(plan) or lost_header(plan) is not None:  # a copy's blanks are THETHUC010's
        return
    line = plan.header.lines.get("number")
    yield context.finding(
        rule, plan, line=line, evidence=plan.line_text(line) if line else None, severity=draft_severity(context),
    )
