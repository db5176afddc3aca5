"""A copy that lost its header block: taken from a portal page, it starts at the title or below the
two-column table (no Quốc hiệu and Tiêu ngữ, no issuer's name above the title), or carries the
page's own lines ("Lượt xem", "Chia sẻ"). Its header cannot be checked in this copy: one finding
says so, listing what the copy lacks and what it leaves blank (number, date, signer's name),
instead of THETHUC001, 002, 004 and 007. An author who leaves out one component still writes the
other half of the table: a plan missing only Quốc hiệu is THETHUC004's.

Example rule::

    check: header_copy

Passes::

    ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    XÃ TIỀN TIẾN | Độc lập - Tự do - Hạnh phúc
    Số: 02/KH-UBND | Tiền Tiến, ngày 02 tháng 01 năm 2024

    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024

Fails::

    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024

    Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2024 của UBND thành phố, UBND xã Tiền Tiến xây
    dựng kế hoạch tuyên truyền như sau:
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from audit.model import Finding, Plan
from audit.parse.portal_copy import blank_fields, lost_header

PLACEHOLDERS = ("lost", "blank")

PARTS = {
    "motto": {"vi": "Quốc hiệu và Tiêu ngữ", "en": "national name and motto"},
    "issuer": {"vi": "tên cơ quan ban hành", "en": "issuing body's name"},
    "number": {"vi": "số, ký hiệu", "en": "number and symbol"},
    "date": {"vi": "địa danh, ngày ban hành", "en": "place and date"},
}
BLANKS = {
    "number": {"vi": "số văn bản", "en": "number"},
    "date": {"vi": "ngày ban hành", "en": "date of issue"},
    "signer": {"vi": "họ tên người ký", "en": "signer's name"},
}
BLANK = {"vi": "; để trống: {}", "en": "; left blank: {}"}
SITE = {"vi": "; có dòng của trang web đi kèm", "en": "; the web page's own lines copied with it"}


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(plan: Plan, rule, context) -> Iterator[Finding]:
    lost = lost_header(plan)
    if lost is None:
        return
    blanks = blank_fields(plan)
    yield context.finding(
        rule, plan, line=lost.line, evidence=plan.line_text(lost.line) if lost.line else None,
        lost={lang: ", ".join(PARTS[p][lang] for p in lost.lost) + (SITE[lang] if lost.site else "")
              for lang in ("vi", "en")},
        blank={lang: BLANK[lang].format(", ".join(BLANKS[p][lang] for p in blanks)) if blanks else ""
               for lang in ("vi", "en")},
    )
