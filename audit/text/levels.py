"""Words that tie an indicator or a body to a level of government, and the levels that are gone.

    ... chỉ số năng lực cạnh tranh cấp huyện (PCI) ...      PCI ranks provinces: DDCI is the
    ... Chỉ số PAPI của huyện ...                            district's and department's index
    - Phòng Nội vụ huyện chủ trì ...   (a plan of 8/2025)    no district since 1/7/2025
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# Luật Tổ chức chính quyền địa phương 72/2025/QH15: no district level from this day.
DISTRICTS_END = dt.date(2025, 7, 1)

# The indices that rank provinces only, and the index a district or a department has instead.
PROVINCIAL_ONLY = ("PCI", "PAPI")
_BELOW = r"(?:huyện|quận|thị xã|xã|phường|thị trấn)"
_INDICATOR_AT_LEVEL = re.compile(
    rf"\b(?P<a>{'|'.join(PROVINCIAL_ONLY)})\)?,?\s+(?:cấp|của)\s+(?P<l1>{_BELOW})\b"
    rf"|\b(?:cấp|của)\s+(?P<l2>{_BELOW})\s*\(\s*(?P<b>{'|'.join(PROVINCIAL_ONLY)})\s*\)"
)

# A district body named as one that acts or receives: its People's Committee or Council, or one of
# its offices ("Phòng Văn hóa và Thông tin huyện").
_DISTRICT_BODY = re.compile(
    r"\b(?:(?:UBND|HĐND|Ủy ban nhân dân|Hội đồng nhân dân)\s+(?:các\s+)?(?:huyện|quận|thị xã)"
    r"|Phòng\s+[^,;:()\n]{2,60}?\s(?:huyện|quận|thị xã))\b"
)


@dataclass(frozen=True)
class LevelSlip:
    start: int
    end: int
    name: str  # the indicator ("PCI") or the body as written


def provincial_index_below(text: str) -> list[LevelSlip]:
    """PCI or PAPI said to be a district's or a commune's ("cấp huyện (PCI)", "PAPI của xã")."""
    if "PCI" not in text and "PAPI" not in text:
        return []
    return [LevelSlip(m.start(), m.end(), m.group("a") or m.group("b")) for m in _INDICATOR_AT_LEVEL.finditer(text)]


def district_bodies(text: str) -> list[LevelSlip]:
    """District bodies named in the text ("UBND huyện", "Phòng Nội vụ huyện")."""
    return [LevelSlip(m.start(), m.end(), m.group()) for m in _DISTRICT_BODY.finditer(text)]
