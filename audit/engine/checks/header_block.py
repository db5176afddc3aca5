"""The header must carry the components Nghị định 30/2020/NĐ-CP requires above the text: Quốc hiệu
and Tiêu ngữ, the issuing body's name, the place before the date, the type of document and its
subject line (trích yếu). Number and date have their own rules; one finding lists what is missing,
at the title line (or the first line when there is no title). A copy that lost the header's table
(Quốc hiệu and the issuer's name both missing, or a portal page's own lines around the text) is
THETHUC010's: its header cannot be checked.

Example rule::

    check: header_block

Passes::

    ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    XÃ TIỀN TIẾN | Độc lập - Tự do - Hạnh phúc
    Số: 02/KH-UBND | Tiền Tiến, ngày 02 tháng 01 năm 2024

    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024

Fails::

    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Độc lập - Tự do - Hạnh phúc
    Số: 02/KH-UBND
    Tiền Tiến, ngày 02 tháng 01 năm 2024

    KẾ HOẠCH
    Tuyên truyền cải cách hành chính năm 2024
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from audit.messages import msg
from audit.model import Finding, Plan
from audit.parse.portal_copy import lost_header

if TYPE_CHECKING:  # the engine imports the kinds: only the type checker imports it back
    from audit.engine.context import CheckContext
    from audit.engine.packs import Rule

PLACEHOLDERS = ("missing",)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(plan: Plan, rule: Rule, context: CheckContext) -> Iterator[Finding]:
    missing = missing_components(plan)
    if not missing or lost_header(plan) is not None:
        return
    line = plan.header.lines.get("title") or next((each.number for each in plan.lines if each.text), None)
    yield context.finding(
        rule, plan, line=line, evidence=plan.line_text(line) if line else None,
        missing={lang: "; ".join(msg(f"check.header_block.{c}", lang) for c in missing) for lang in ("vi", "en")},
    )


def missing_components(plan: Plan) -> list[str]:
    """The header components the plan lacks, in the order they stand on the page."""
    header, lines = plan.header, plan.header.lines
    title = lines.get("title")
    in_header = "issuer" in lines and (title is None or lines["issuer"] < title)
    checks = {
        "motto": header.national_motto,
        "issuer": in_header,
        "place": header.place is not None or header.date_text is None,  # no date line: THETHUC002
        "type": title is not None,
        "subject": title is None or header.title is not None,
    }
    return [name for name, present in checks.items() if not present]
