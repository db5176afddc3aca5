"""A header field must be filled: number, date, issuer, subject line (Nghị định 30/2020/NĐ-CP).

A draft leaves the number and date blank ("Số: /KH-UBND", "ngày tháng năm 2021"): the finding then
says the field is blank and points at its line, and is info when the plans are audited as drafts
(`--draft`); a field the header lacks altogether is "missing"; a date written but not readable as a
date is "incomplete" ("ngày 15 tháng 12") or "impossible" ("ngày 31 tháng 02 năm 2024"). A number
or date missing from a portal copy that lost its header, or left blank in a draft whose number,
date and signer are all blank, is said once by THETHUC010 or THETHUC009 instead.

Example rule::

    check: requires_field
    params: {field: number}

Passes::

    ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    XÃ TIỀN TIẾN | Độc lập - Tự do - Hạnh phúc
    Số: 02/KH-UBND
    Tiền Tiến, ngày 02 tháng 01 năm 2024
    KẾ HOẠCH
    Tuyên truyền về cải cách hành chính năm 2024

Fails::

    ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    XÃ TIỀN TIẾN | Độc lập - Tự do - Hạnh phúc
    Số: /KH-UBND
    Tiền Tiến, ngày 02 tháng 01 năm 2024
    KẾ HOẠCH
    Tuyên truyền về cải cách hành chính năm 2024
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from audit.engine.checks import draft_severity
from audit.engine.labels import field_label
from audit.messages import both
from audit.model import Finding, Header, Plan
from audit.parse.portal_copy import date_blank, reported_together

if TYPE_CHECKING:  # the engine imports the kinds: only the type checker imports it back
    from audit.engine.context import CheckContext
    from audit.engine.packs import Rule

PLACEHOLDERS = ("field", "state")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    field: Literal["number", "symbol", "date", "place", "issuer", "title"] = Field(
        description="the header field that must be filled")


def check(plan: Plan, rule: Rule, context: CheckContext) -> Iterator[Finding]:
    field = rule.params.field
    header = plan.header
    if getattr(header, field) is not None:
        return
    state = field_state(header, field)
    if state in ("missing", "blank") and field in reported_together(plan):
        return
    line = header.lines.get(field) if state != "missing" else None
    yield context.finding(
        rule, plan, line=line, evidence=plan.line_text(line) if line else None,
        severity=draft_severity(context) if state == "blank" else None,
        field={lang: field_label(field, lang) for lang in ("vi", "en")}, state=both(f"check.requires_field.{state}"),
    )


def field_state(header: Header, field: str) -> str:
    """Why an empty field is empty: missing, blank (a draft), or incomplete (a date without all parts)."""
    if field == "number" and header.symbol:
        return "blank"  # "Số: /KH-UBND": the symbol is written, the number left out
    if field == "date" and header.date_text:
        numbers = re.findall(r"\d+", header.date_text)
        if len(numbers) == 3:
            return "impossible"
        return "blank" if date_blank(header) else "incomplete"
    return "missing"
