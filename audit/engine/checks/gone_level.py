"""A plan dated from 1/7/2025 on that still gives tasks to, or sends itself to, a district body:
there is no district level since then (Luật 72/2025/QH15), so "UBND huyện", "Phòng Nội vụ huyện"
cannot act. Read in Tổ chức thực hiện and Nơi nhận; a plan dated before is never concerned.

Example rule::

    check: gone_level

Passes::

    ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    XÃ PHÙ LAM | Độc lập - Tự do - Hạnh phúc
    Số: 03/KH-UBND | Phù Lam, ngày 28 tháng 7 năm 2025

    KẾ HOẠCH
    Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025

    III. TỔ CHỨC THỰC HIỆN
    1. Phòng Văn hóa - Xã hội xã chủ trì, phối hợp với Văn phòng HĐND và UBND xã.

Fails::

    ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    XÃ PHÙ LAM | Độc lập - Tự do - Hạnh phúc
    Số: 03/KH-UBND | Phù Lam, ngày 28 tháng 7 năm 2025

    KẾ HOẠCH
    Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025

    III. TỔ CHỨC THỰC HIỆN
    1. Phòng Văn hóa và Thông tin huyện chủ trì thực hiện kế hoạch.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from audit.model import Finding, Plan
from audit.parse.sections import walk

PLACEHOLDERS = ("written",)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(plan: Plan, rule, context) -> Iterator[Finding]:
    from audit.text.levels import DISTRICTS_END, district_bodies

    if plan.header.date is None or plan.header.date < DISTRICTS_END:
        return
    numbers = {r.line for r in plan.recipients}
    for section, kinds in walk(plan.sections):
        if "to_chuc_thuc_hien" in kinds:
            numbers.update(range(section.line, section.end_line + 1))
    for line in plan.lines:
        if line.number in numbers:
            for body in district_bodies(line.text):
                yield context.finding(rule, plan, line=line.number, evidence=line.text, written=body.name)

