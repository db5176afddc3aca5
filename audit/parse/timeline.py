"""Timeline entries: quarters, months, deadlines, recurring duties and reporting periods.

    Quý I/2022: Thực hiện tuyên truyền ...        -> quarter Q1/2022
    gửi về Sở Nội vụ trước ngày 28/02/2022         -> deadline 2022-02-28
    Thường xuyên trong năm 2024                    -> recurring, year 2024
    Báo cáo 6 tháng và 1 năm                       -> period 6 tháng
"""

from __future__ import annotations

import re

from audit.model import Line, TimelineEntry
from audit.parse.docref import date_from_match

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_QUARTER = re.compile(r"\bquý\s+(IV|I{1,3}|[1-4])\s*(?:/|năm\s+|-)\s*((?:19|20)\d{2})", re.IGNORECASE)
_MONTH = re.compile(r"\btháng\s+(\d{1,2})\s*(?:/|năm\s+)\s*((?:19|20)\d{2})", re.IGNORECASE)
_DEADLINE = re.compile(
    r"\b(?:trước|chậm nhất|hạn chót|không muộn hơn)\s+(?:là\s+)?ngày\s+"
    r"(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>(?:19|20)\d{2})"
    r"|(?P<wd>\d{1,2})\s+tháng\s+(?P<wm>\d{1,2})(?:\s*(?:,\s*)?năm\s+(?P<wy>(?:19|20)\d{2}))?)",
    re.IGNORECASE,
)
_RECURRING_WORDS = ("thường xuyên", "hằng tháng", "hàng tháng", "hằng quý", "hàng quý", "định kỳ", "hằng năm", "hàng năm")
_RECURRING = re.compile(rf"\b({'|'.join(_RECURRING_WORDS)})\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:trong|cả)\s+năm\s+((?:19|20)\d{2})\b", re.IGNORECASE)
_PERIOD = re.compile(r"\bbáo cáo\b[^.;]{0,40}?\b(6 tháng|sáu tháng|quý|năm|định kỳ)\b", re.IGNORECASE)


def parse_timeline(lines: list[Line]) -> list[TimelineEntry]:
    entries: list[TimelineEntry] = []
    for line in lines:
        text = " ".join(line.cells) if line.cells else line.text
        if text:
            entries.extend(_line_entries(line, text, text.lower()))
    return entries


def _line_entries(line: Line, text: str, lowered: str):
    # Each pattern only where its key word is: most lines have none, and `in` costs far less than
    # a case-blind search.
    if "quý" in lowered:
        for m in _QUARTER.finditer(text):
            yield _entry("quarter", f"Q{_ROMAN[m.group(1).lower()]}/{m.group(2)}", line, m)
    if "tháng" in lowered:
        for m in _MONTH.finditer(text):
            if re.search(r"ngày\s+\d{1,2}\s+$", text[: m.start()]):
                continue  # part of a full date ("ngày 25 tháng 6 năm 2021"), not a month
            yield _entry("month", f"{int(m.group(1)):02d}/{m.group(2)}", line, m)
    if "ngày" in lowered:
        for m in _DEADLINE.finditer(text):
            when, written = date_from_match(m)
            yield _entry("deadline", when.isoformat() if when else written, line, m)
    if any(word in lowered for word in _RECURRING_WORDS):
        for m in _RECURRING.finditer(text):
            yield _entry("recurring", m.group(1).lower(), line, m)
    if "năm" in lowered:
        for m in _YEAR.finditer(text):
            yield _entry("year", m.group(1), line, m)
    if "báo cáo" in lowered:
        for m in _PERIOD.finditer(text):
            yield _entry("period", m.group(1).lower(), line, m)


def _entry(kind: str, value: str, line: Line, m: re.Match) -> TimelineEntry:
    return TimelineEntry(kind=kind, value=value, line=line.number, text=m.group(0))
