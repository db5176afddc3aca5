"""Copies whose header block was lost, and drafts whose blanks are one fact.

A plan copied from a portal page loses the two-column table above the title: the issuer's name
on the left, Quốc hiệu and Tiêu ngữ on the right, often the number and date line too. The copy
then starts at "KẾ HOẠCH", or has the site's own lines around it ("Lượt xem", "Chia sẻ"). Its
header cannot be checked: the authors did not leave it out. An author who forgets one component
still writes the other half of the table, so both halves missing together is read as a lost table.

A draft leaves its number, its date and its signer's name blank: one fact, not three.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from audit.model import Header, Plan

# Lines a portal page puts around a document's text; one of them before the title marks a copy.
_SITE_LINE = re.compile(
    r"^\s*(?:trang chủ|lượt xem|số lượt xem|lượt truy cập|ngày đăng|đăng ngày|cập nhật(?: lúc| ngày)?|"
    r"chia sẻ|in bài|in trang|gửi email|cỡ chữ|tin liên quan|bài viết liên quan|tải về|tệp đính kèm)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class LostHeader:
    """What the copy lacks of the header ("motto", "issuer", "number", "date") and the line
    where the copy's text starts; `site` when the page's own lines were copied with it."""

    lost: tuple[str, ...]
    line: int | None
    site: bool = False


def lost_header(plan: Plan) -> LostHeader | None:
    """The header components a portal copy lost, or None when the plan keeps its header table."""
    header, lines = plan.header, plan.header.lines
    title = lines.get("title")
    issuer_above = "issuer" in lines and (title is None or lines["issuer"] < title)
    site = any(_SITE_LINE.match(line.text) for line in plan.lines if title is None or line.number < title)
    if not site and (header.national_motto or issuer_above):
        return None
    lost = [name for name, present in (
        ("motto", header.national_motto), ("issuer", issuer_above),
        ("number", header.number or header.symbol), ("date", header.date_text),
    ) if not present]
    if not lost:
        return None
    first = next((line.number for line in plan.lines if line.text.strip()), None)
    return LostHeader(lost=tuple(lost), line=title or first, site=site)


def date_blank(header: Header) -> bool:
    """The date line is written with its day and month left blank ("ngày tháng năm 2021")."""
    return bool(header.date_text) and header.date is None and not re.search(r"\d", header.date_text.split("năm")[0])


def blank_fields(plan: Plan) -> tuple[str, ...]:
    """The header and signature fields written as blanks to fill in: "number" ("Số: /KH-UBND"),
    "date" ("ngày tháng năm 2021"), "signer" (a position with no name under it)."""
    header, signer = plan.header, plan.signer
    blanks = {
        "number": bool(header.symbol) and header.number is None,
        "date": date_blank(header),
        "signer": signer is not None and signer.name is None and (signer.position or signer.authority) is not None,
    }
    return tuple(name for name, blank in blanks.items() if blank)


def is_draft(plan: Plan) -> bool:
    """Number, date and signer's name all blank: a draft, reported once (THETHUC009)."""
    return len(blank_fields(plan)) == 3


def reported_together(plan: Plan) -> frozenset[str]:
    """The fields ("number", "date", "signer") whose own rule stays silent because one finding
    says it all: what a copy lost or left blank (THETHUC010), the three blanks of a draft (THETHUC009)."""
    lost = lost_header(plan)
    if lost is not None:
        return frozenset(blank_fields(plan)) | {f for f in lost.lost if f in ("number", "date")}
    return frozenset(blank_fields(plan)) if is_draft(plan) else frozenset()
