"""Document references and dates as Vietnamese official texts write them.

    Kế hoạch số 1183/KH-UBND ngày 08/4/2022 của UBND tỉnh Tây Ninh về tuyên truyền ...
    Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ
    Nghị quyết số 18-NQ/TW ngày 25/10/2017        (party style: number-CODE/ISSUER)
    Quyết định số 3396/QĐ – UBND ngày 15 tháng 12  (spaces around the dash; a date without its year)

One grammar serves the header ("Số: 02/KH-UBND"), preamble citations, body mentions and the
appendix's "(Kèm theo Kế hoạch số ...)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# Type words and their codes (Nghị định 30/2020, Phụ lục III; NĐ/TT for normative texts).
TYPE_CODES: dict[str, str] = {
    "kế hoạch": "KH", "quyết định": "QĐ", "nghị quyết": "NQ", "chỉ thị": "CT", "quy chế": "QC",
    "quy định": "QyĐ", "thông cáo": "TC", "thông báo": "TB", "hướng dẫn": "HD",
    "chương trình": "CTr", "phương án": "PA", "đề án": "ĐA", "dự án": "DA", "báo cáo": "BC",
    "biên bản": "BB", "tờ trình": "TTr", "hợp đồng": "HĐ", "công điện": "CĐ", "công văn": "CV",
    "nghị định": "NĐ", "thông tư liên tịch": "TTLT", "thông tư": "TT", "kết luận": "KL",
    "luật": "Luật", "pháp lệnh": "PL",
}
KNOWN_CODES = {
    "NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB",
    "TTr", "HĐ", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB", "NĐ", "TT",
    "TTLT", "KL", "CTTr",
}
_TYPE_WORDS = sorted(TYPE_CODES, key=len, reverse=True)
_TYPE_RE = "|".join(re.escape(w) for w in _TYPE_WORDS)

_TOKEN = r"[A-ZĐ][A-Za-zĐđ&0-9]*"
_SEP = r"\s*[-–/]\s*"
# number, optional year, separator, symbol tokens joined by - or /
_NUMBER = (
    rf"(?P<num>\d{{1,5}}[a-z]?)\s*(?:/\s*(?P<year>(?:19|20)\d{{2}})\s*)?"
    rf"(?P<sep>[-–/])\s*(?P<sym>{_TOKEN}(?:{_SEP}{_TOKEN})*)"
)
# A reference starts with a type word or a digit: the look-ahead turns down most positions with one
# test of the first letter, instead of trying each type word there (the search costs half as much).
_REF_STARTS = "".join(sorted({word[0] for word in _TYPE_WORDS})) + r"\d"
REF_RE = re.compile(rf"(?=[{_REF_STARTS}])(?:(?P<type>{_TYPE_RE})\s+(?:số\s*:?\s*)?)?{_NUMBER}", re.IGNORECASE)
# Case matters for the symbol (it must start upper case), so the type word is matched loosely
# and the rest strictly: compile a second pattern without IGNORECASE for validation.
_NUMBER_STRICT = re.compile(_NUMBER)
# What every reference has (a digit, a separator, an upper-case symbol): most lines lack it and
# skip the costly search above, which tries each type word at each position.
_MAY_HOLD_REF = re.compile(r"\d[a-z]?\s*(?:/\s*(?:19|20)\d{2}\s*)?[-–/]\s*[A-ZĐ]")

# "Số: 02/KH-UBND", "Số: /KH-UBND", "Số: 02 /KH- UBND"
HEADER_NUMBER_RE = re.compile(
    rf"Số\s*+:?\s*+(?P<num>\d{{0,5}})\s*+(?:/\s*+(?P<year>(?:19|20)\d{{2}})\s*+)?/\s*+(?P<sym>{_TOKEN}(?:{_SEP}{_TOKEN})*)"
)

_DAY_MONTH_YEAR = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>(?:19|20)\d{2})"
_WORDY = r"(?P<wd>\d{1,2})\s+tháng\s+(?P<wm>\d{1,2})(?:\s*(?:,\s*)?năm\s+(?P<wy>(?:19|20)\d{2}))?"
DATE_RE = re.compile(rf"(?:{_DAY_MONTH_YEAR}|{_WORDY})")
# The date that belongs to a reference follows it closely: ", ngày 05/01/2022", " ngày 28 tháng 12 năm 2023"
_REF_DATE_RE = re.compile(rf"\s*+[,(]?\s*+(?:ban hành\s+)?ngày\s+(?:{_DAY_MONTH_YEAR}|{_WORDY})", re.IGNORECASE)
# Where a name or subject may end is tested only after a character that is not a space (an end after
# a space is found one space-run earlier), and runs of spaces are taken whole (possessive): a
# citation followed by thousands of spaces costs one pass, not one pass per space.
_ISSUER_RE = re.compile(
    r"\s*+,?\s*+(?:\)\s*+)?(?:của|do)\s+(?P<issuer>.+?)(?:(?<!\s)(?=\s++(?:về|v/v|ban hành|quy định|hướng dẫn|"
    r"thực hiện|triển khai|phê duyệt|sửa đổi|tại|và)\b|\s*+[,;:.()])|$)",
    re.IGNORECASE,
)
_SUBJECT_RE = re.compile(
    r"\s*+,?\s*+(?:về việc|về|v/v)\s+(?P<subject>.+?)(?:(?<!\s)(?=\s*+(?:;|\.\s|\.$|\)|,\s*+(?:căn cứ|thực hiện)\b))|$)",
    re.IGNORECASE,
)

_ABBREVIATED_BODIES = [
    (re.compile(r"^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\b", re.IGNORECASE), "Ủy ban nhân dân"),
    (re.compile(r"^(?:HĐND|Hội đồng nhân dân)\b", re.IGNORECASE), "Hội đồng nhân dân"),
    (re.compile(r"^(?:Chủ tịch UBND)\b", re.IGNORECASE), "Chủ tịch Ủy ban nhân dân"),
]
_UNIT_WORDS = ("xã", "phường", "thị trấn", "huyện", "quận", "thị xã", "thành phố", "tỉnh", "đặc khu")


@dataclass
class RefMatch:
    """A reference found in a string, with where it starts and where its date/issuer/subject end."""

    start: int
    end: int  # end of the number, date and issuer (the subject is not included)
    doc_type: str | None
    number: str | None
    symbol: str
    number_year: int | None
    date: date | None
    date_text: str | None
    issuer: str | None
    subject: str | None
    subject_end: int


def make_date(day: str | None, month: str | None, year: str | None) -> date | None:
    if not (day and month and year):
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def date_from_match(m: re.Match) -> tuple[date | None, str]:
    groups = m.groupdict()
    if groups.get("d"):
        return make_date(groups["d"], groups["m"], groups["y"]), m.group(0)
    return make_date(groups.get("wd"), groups.get("wm"), groups.get("wy")), m.group(0)


def clean_symbol(symbol: str) -> str:
    return re.sub(r"\s+", "", symbol).replace("–", "-")


_LAW_SYMBOL = re.compile(r"QH\d{1,2}|UBTVQH\d{1,2}")  # laws and ordinances: "72/2025/QH15"


def doc_type_for(type_word: str | None, symbol: str) -> str | None:
    if type_word:
        return TYPE_CODES.get(type_word.lower())
    first = re.split(r"[-/]", symbol)[0]
    if _LAW_SYMBOL.fullmatch(first):
        return "Luật"
    return first if first in KNOWN_CODES else None


def canonical_body(name: str) -> str:
    """An issuer's full name: "UBND huyện Định Hóa" -> "Ủy ban nhân dân huyện Định Hóa";
    upper-case header lines ("ỦY BAN NHÂN DÂN XÃ TIỀN TIẾN") in sentence case with capitalized names."""
    name = re.sub(r"\s+", " ", name).strip(" ,.;:-")
    if name.isupper():
        name = _sentence_case(name)
    for pattern, full in _ABBREVIATED_BODIES:
        name = pattern.sub(full, name)
    return name


def _sentence_case(upper: str) -> str:
    """ỦY BAN NHÂN DÂN XÃ TIỀN TIẾN -> Ủy ban nhân dân xã Tiền Tiến; SỞ XÂY DỰNG -> Sở Xây dựng."""
    text = upper.lower()
    for word in sorted(_UNIT_WORDS, key=len, reverse=True):
        pattern = re.compile(rf"(\b{word}\s+)(.+)$")
        m = pattern.search(text)
        if m:
            return _capitalize_first(text[: m.start(2)]) + m.group(2).title()
    if text.startswith(("sở ", "bộ ", "ban ", "phòng ", "văn phòng ", "trung tâm ")):
        head, _, rest = text.partition(" ")
        # Each coordinated field is capitalized: "Sở Thông tin và Truyền thông", "Sở Văn hóa, Thể thao và Du lịch".
        parts = re.split(r"(\s+và\s+|,\s*|\s+-\s+)", rest)
        return head.capitalize() + " " + "".join(_capitalize_first(p) for p in parts)
    return _capitalize_first(text)


def _capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def find_refs(text: str) -> list[RefMatch]:
    """Every document reference in `text`, in order, with its date, issuer and subject."""
    if not _MAY_HOLD_REF.search(text):
        return []
    matches = [
        m for m in REF_RE.finditer(text)
        if _NUMBER_STRICT.match(text, m.start("num")) and _plausible(m)
    ]
    # Each reference's issuer and subject end where the next reference starts (an end position,
    # not a slice: slicing the text for each of many references on one long line is quadratic).
    limits = [m.start() for m in matches[1:]] + [len(text)]
    return [_complete(text, m, limit) for m, limit in zip(matches, limits)]


def _plausible(m: re.Match) -> bool:
    symbol = clean_symbol(m.group("sym"))
    first = re.split(r"[-/]", symbol)[0]
    # Without a type word, only a symbol that starts with a known code is a document number
    # ("61/2018/NĐ-CP"); otherwise "2021- 2030" or "TT&TT" text could pass.
    return bool(m.group("type")) or first in KNOWN_CODES or symbol.startswith("UBND-") or _LAW_SYMBOL.fullmatch(first) is not None


def _complete(text: str, m: re.Match, limit: int) -> RefMatch:
    symbol = clean_symbol(m.group("sym"))
    number_year = int(m.group("year")) if m.group("year") else None
    doc_type = doc_type_for(m.group("type"), symbol)
    end = m.end()
    the_date, date_text = None, None
    dm = _REF_DATE_RE.match(text, end, limit)
    if dm:
        the_date, date_text = date_from_match(dm)
        date_text = dm.group(0).strip(" ,(")
        end = dm.end()
    issuer = None
    im = _ISSUER_RE.match(text, end, limit)
    if im:
        issuer = canonical_body(im.group("issuer"))
        end = im.end("issuer")
    subject, subject_end = None, end
    sm = _SUBJECT_RE.match(text, end, limit)
    if sm:
        subject = sm.group("subject").strip().rstrip(".,;: và")
        subject_end = sm.end()
    return RefMatch(
        start=m.start(), end=end, doc_type=doc_type, number=m.group("num"), symbol=symbol,
        number_year=number_year, date=the_date, date_text=date_text, issuer=issuer,
        subject=subject, subject_end=subject_end,
    )
