"""What a sentence of a plan states of a duty: how much, how often, by when, for whom, and whether it
is committed to at all.

    "Phát ít nhất 02 tin, bài mỗi tháng trên đài truyền thanh"   -> quantity 2 "tin" a month
    "Báo cáo 6 tháng, năm về Sở Nội vụ trước ngày 10/12/2024"    -> every 6 months; by 2024-12-10; to Sở Nội vụ
    "các sở trước ngày 10/12; UBND cấp xã trước ngày 05/12"      -> 10/12 for "so", 05/12 for "xa"
    "do chưa có kinh phí nên không in tờ gấp"                    -> declined

Parent and child are read with the same grammar, so what the parent asks and what the child
commits to compare attribute by attribute (audit/trace/coverage.py). Everything here works on the
folded text (`fold`: one character for one), so offsets stay those of the line.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from audit.model import Deadline, Frequency, Level, Quantity, Terms
from audit.base.normalize import SEEN_LINES, fold


def _led(first: str, pattern: str) -> re.Pattern:
    """`pattern` behind a look-ahead on the characters (`first`, a class) every match of it starts
    with: most places of a line start none, and C tests one class there before any alternative."""
    return re.compile(f"(?={first})(?:{pattern})")


# --- who: the levels and the general addressees a phrase names ---------------------------------

ADDRESS = {  # folded phrases naming every body of a level, "ubnd" standing for "uy ban nhan dan"
    "trung_uong": r"cac bo, (?:co quan ngang bo|nganh|co quan)|bo, co quan ngang bo",
    "xa": r"cac xa|cap xa|cac phuong|xa, phuong|phuong, xa|xa, thi tran|cac thi tran|dac khu|cap co so"
          r"|(?:moi|tung) (?:xa|phuong)",
    "huyen": r"cac huyen|cap huyen|cac quan|quan, huyen|huyen, thi xa|huyen, thanh pho|huyen, quan|huyen, thi"
             r"|(?:moi|tung) huyen",
    "so": (r"cac so|so, ban, nganh|so, nganh|cac ban, nganh|co quan chuyen mon thuoc ubnd (?:cap )?tinh"
           r"|co quan chuyen mon cap tinh|cac co quan cap tinh|co quan, don vi cap tinh|so noi vu cac tinh"
           r"|so [a-z ,]{2,40} cac tinh"),
    "tinh": r"ubnd cac tinh|cac tinh, thanh pho|ubnd cap tinh|cac tinh",
}
GENERAL = (r"cac co quan, don vi,? (?:va )?dia phuong|cac don vi,? (?:va )?dia phuong|cac cap,? cac nganh"
           r"|cac nganh,? cac cap|cac cap|cac co quan, don vi|cac dia phuong|cac co quan, to chuc, don vi"
           r"|bo, nganh,? (?:va )?dia phuong")
_ADDRESS_RE = _led("[bcdhmpqstux]", "|".join(f"(?P<{level}>\\b(?:{pattern})\\b)" for level, pattern in ADDRESS.items())
                   + f"|(?P<general>\\b(?:{GENERAL})\\b(?! (?:truc )?thuoc))")  # "... thuộc UBND huyện": its own


def ubnd(folded: str) -> str:
    """Folded text with "uy ban nhan dan" written as "ubnd", as addresses are matched."""
    return folded.replace("uy ban nhan dan", "ubnd")


def address_spans(text: str) -> list[tuple[int, str]]:
    """(offset, level or "general") of every address in `text`, in order. A "Sở ... các tỉnh" is the
    department level of a ministry's plan, not the provinces."""
    return list(_address_spans(text))


@lru_cache(maxsize=SEEN_LINES)  # asked of a line by several parsers, and plans repeat lines
def _address_spans(text: str) -> tuple[tuple[int, str], ...]:
    folded = ubnd(fold(text))
    spans = []
    for m in _ADDRESS_RE.finditer(folded):
        kind = m.lastgroup or ""
        if kind == "tinh" and re.search(r"\bso\b[^;:.]{0,40}$", folded[: m.start()]):
            continue
        spans.append((m.start(), kind))
    return tuple(spans)


# --- how often ---------------------------------------------------------------------------------

PER_YEAR: dict[str, int] = {"ngay": 365, "tuan": 52, "2_tuan": 26, "thang": 12, "2_thang": 6, "quy": 4, "6_thang": 2, "nam": 1}
_EVERY = r"(?:hang|moi|dinh ky|/|mot lan/|lan/|01 lan/|1 lan/)\s*"
_FREQUENCY = [  # most frequent first: "báo cáo 6 tháng, năm" is every six months
    # (name, the words the pattern cannot match without, pattern): most lines name no period, and
    # a test for a word costs far less than a search
    ("ngay", ("ngay",), re.compile(r"\b(?:hang|moi) ngay\b")),
    ("tuan", ("tuan",), re.compile(rf"{_EVERY}tuan\b")),
    ("thang", ("thang",), re.compile(rf"{_EVERY}thang\b|(?<!\d )(?<!sau )\bthang (?:mot|1|01) lan\b|\bbao cao thang\b")),
    ("quy", ("quy", "thang"), re.compile(rf"{_EVERY}quy\b|\b(?:quy|0?3 thang) (?:mot|1|01) lan\b|\bbao cao (?:dinh ky )?(?:hang )?quy\b|\btheo quy\b")),
    ("6_thang", ("thang",), re.compile(r"\b(?:moi|hang|dinh ky|bao cao(?: dinh ky)?|so ket|ket qua)\s*(?:0?6|sau) thang\b"
                                     r"|\b(?:0?6|sau) thang (?:mot|1|01) lan\b")),
    ("nam", ("nam",), re.compile(rf"{_EVERY}nam\b|\bnam (?:mot|1|01) lan\b|\bbao cao (?:[a-z0-9 ]{{0,12}}, )?(?:ca )?nam\b|\btong ket nam\b")),
]


# "02 tuần một lần", "02 tháng/lần": once every few periods.
_EVERY_FEW = re.compile(r"\b(?P<n>\d{1,2}|hai|ba|bon) (?P<unit>ngay|tuan|thang) ?(?:(?:mot|1|01) |/ ?)lan\b")


def frequency(folded: str) -> Frequency | None:
    few = _EVERY_FEW.search(folded) if "lan" in folded else None
    if few and few["n"] not in ("1", "01", "6", "06", "3", "03"):  # those are named below
        return at_least(PER_YEAR[few["unit"]] / _count(few["n"]))
    for name, needs, pattern in _FREQUENCY:
        if any(need in folded for need in needs) and pattern.search(folded):
            return name  # type: ignore[return-value]
    return None


def at_least(times_a_year: float) -> Frequency | None:
    """The most frequent named period no more frequent than `times_a_year` (every two weeks is at
    least monthly): compared with what a parent asks, which is always a named period, it errs
    neither way."""
    named = [name for name, rate in PER_YEAR.items() if rate <= times_a_year]
    return max(named, key=PER_YEAR.__getitem__, default=None)  # type: ignore[return-value]


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


# --- how much ----------------------------------------------------------------------------------

_NUMBER_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10}
_PER = r"(?:,?\s*(?:/|moi|mot|trong moi|hang)\s*(?P<per>ngay|tuan|thang|quy|nam))?"
_QUANTITY = _led(
    r"\d", r"(?<![\d/.,-])(?P<n>\d{1,3}(?:\.\d{3})*)(?![\d/.-])\s+(?P<noun>[a-z]+(?:,? (?!(?:moi|hang|trong|mot|tai|ve)\b)[a-z]+)?)" + _PER
)
# The period first: "mỗi tháng 04 tin", "6 tháng 01 đợt".
_PER_FIRST = re.compile(r"\b(?:(?:moi|hang)\s+(?P<per>ngay|tuan|thang|quy|nam)|(?:0?6|sau) thang)\s*(?:it nhat\s*)?"
                        r"(?P<n>\d{1,3})\s+(?P<noun>[a-z]+(?: [a-z]+)?)")
# Numbers that count nothing: parts of dates, references and periods.
_NOT_COUNT_BEFORE = re.compile(r"(?:\bso|\bngay|\bthang|\bnam|\bquy|\bdieu|\bkhoan|\bmuc|\bphu luc|\bdiem|\bkh|\bqd)\s*$")
_NOT_NOUN = {"thang", "nam", "ngay", "quy", "tuan", "gio", "phut", "phan", "muc", "dieu", "diem", "den", "toi", "trong"}


# Counts written in words, with their diacritics: folded, "tám" (eight) is "tâm" (trung tâm).
_WORDS_COUNT = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_ONES = r"(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin)"
_COUNT_WORD = _led("[bchmnst]", rf"\b(?P<n>(?:(?:hai|ba|bon|nam|sau|bay|tam|chin) muoi|muoi)(?: {_ONES}(?! muoi))?|mot|hai|ba|bon|sau|bay|tam|chin)\s+(?P<noun>[a-z]+(?:,? (?!(?:moi|hang|trong|mot|tai|ve)\b)[a-z]+)?)" + _PER)
# Words after a number word that are no counted thing: "một số", "một cửa", "hai cấp", "thứ ba".
_NOT_WORD_COUNTED = {"so", "cua", "cap", "nguoi dan", "trong", "la", "va", "ben", "chieu", "mat", "nam", "thang", "tuan", "quy"}


def quantities(text: str, folded: str) -> list[Quantity]:
    found = _counts_in_words(text, folded)
    spans: list[tuple[int, int]] = []
    for m in _PER_FIRST.finditer(folded):
        found.append(Quantity(amount=int(m["n"]), noun=_noun(m["noun"]), per=m["per"] or "6_thang",
                              text=text[m.start(): m.end()]))
        spans.append(m.span())
    for m in _QUANTITY.finditer(folded):
        amount, noun = int(m["n"].replace(".", "")), _noun(m["noun"])  # "1.000 tờ gấp"
        if _NOT_COUNT_BEFORE.search(folded[: m.start()]) or noun in _NOT_NOUN or amount == 0:
            continue
        if any(start < m.end() and m.start() < end for start, end in spans):
            continue
        found.append(_counted(text, folded, m, amount, noun))
    return found


# The lower end of a range before a count: "từ 02 đến 04 tin, bài" asks for two at least.
_RANGE_BEFORE = re.compile(r"\b(?:tu )?(?P<low>\d{1,3}) (?:den|toi|-) $")


def _counted(text: str, folded: str, m: re.Match, amount: int, noun: str) -> Quantity:
    """The count `m` found, with the other nouns of its list and its period, stated or later; a
    range counts its lower end."""
    start = m.start()
    if low := _RANGE_BEFORE.search(folded, max(start - 12, 0), start):
        amount, start = min(amount, int(low["low"])), low.start()
    return Quantity(amount=amount, noun=noun, also=_also(folded, m.end(), noun),
                    per=m["per"] or _per_later(folded, m.end()), text=text[start: m.end()])


# The rest of a counted list: ", phóng sự" after "12 chương trình", up to what the items are about.
_LIST_REST = re.compile(r"[^;:.()]{0,40}?(?=\b(?:ve|tren|tai|cho|de|nham|moi|hang|trong|theo|gom)\b|[;:.()]|$)")


def _also(folded: str, at: int, noun: str) -> list[str]:
    """The heads of the other nouns counted in one list ("12 chương trình, phóng sự về CCHC")."""
    rest = _LIST_REST.match(folded, at)
    pieces = rest.group().split(",")[1:] if rest else []
    heads = {_noun(piece) for piece in pieces if piece.split() and piece.split()[0].isalpha()}
    return sorted(heads - {noun})


# The ones after "mươi" ("hai mươi lăm", "ba mươi mốt") and the tens before it, with diacritics.
_ONES_AFTER = {**_WORDS_COUNT, "mốt": 1, "tư": 4, "năm": 5, "lăm": 5}
_TENS = {**_WORDS_COUNT, "năm": 5}


def _word_number(words: list[str]) -> int | None:
    """A count written in words: "tám", "mười hai", "hai mươi", "hai mươi lăm"."""
    if len(words) == 1:
        return _WORDS_COUNT.get(words[0])
    tens = 1 if words[0] == "mười" else _TENS.get(words[0]) if words[1] == "mươi" else None
    ones = words[1:] if words[0] == "mười" else words[2:]
    if tens is None or len(ones) > 1 or (ones and ones[0] not in _ONES_AFTER):
        return None
    return tens * 10 + (_ONES_AFTER[ones[0]] if ones else 0)


def _counts_in_words(text: str, folded: str) -> list[Quantity]:
    found = []
    for m in _COUNT_WORD.finditer(folded):
        amount = _word_number(text[m.start("n"): m.end("n")].lower().split())
        noun = _noun(m["noun"])
        if not amount or noun in _NOT_WORD_COUNTED or noun in _NOT_NOUN or _ORDINAL.search(folded, 0, m.start()):
            continue
        found.append(_counted(text, folded, m, amount, noun))
    return found


_ORDINAL = re.compile(r"\b(?:thu|lan)\s*$")  # "thứ ba", "lần thứ hai": an order, not a count


_PER_LATER = re.compile(r"[^;:.]{0,40}?\b(?:moi|hang|/|trong)\s*(ngay|tuan|thang|quy|nam)\b(?! \d| [ivx]+\b)"
                        r"|[^;:.]{0,100}?\b(?:trong|ca) (nam)(?: (?:19|20)\d\d)?\b")


def _per_later(folded: str, at: int) -> str | None:
    """A period stated later in the clause: "04 tin bài về CCHC mỗi tháng", "... trong năm 2026"."""
    m = _PER_LATER.match(folded, at)
    return (m.group(1) or m.group(2)) if m else None


# Heads that count the same thing: people ("30 cán bộ, công chức" and "20 công chức"), news items.
_SAME_COUNT = {"can": "nguoi", "cong": "nguoi", "vien": "nguoi", "doan": "nguoi", "hoc": "nguoi", "dai": "nguoi",
               "bai": "tin", "clip": "video"}


def _noun(words: str) -> str:
    """The counted noun's head: "tin, bai" and "tin bai" count news items, "lop tap huan" classes."""
    head = words.replace(",", " ").split()[0]
    if " ".join(words.replace(",", " ").split()[:2]) == "ban tin":  # a bulletin is a news item, a "bản" a copy
        return "tin"
    return _SAME_COUNT.get(head, head)


def per_year(quantity: Quantity) -> int:
    return quantity.amount * PER_YEAR.get(quantity.per or "", 1)


# --- by when -----------------------------------------------------------------------------------

_DATE = _led(
    r"\d", r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>(?:19|20)\d{2}))?(?![\d/])"
    r"|(?P<wd>\d{1,2}) thang (?P<wm>\d{1,2})(?:,? nam (?P<wy>(?:19|20)\d{2}))?"
)
_BY = re.compile(r"\b(?:truoc|cham nhat|han chot|khong muon hon|han cuoi|han)(?: la)?(?: (?:cac )?ngay)?\s*$")
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_WITHIN = re.compile(
    r"(?:\b(?P<how>trong|truoc|hoan thanh trong|cham nhat trong|cham nhat|cuoi|thoi gian:)\s+|^\s*(?:\d{1,2}\.\s*)?)"
    r"(?P<week>tuan dau (?:cua )?)?(?P<unit>quy|thang)\s+"
    r"(?P<n>iv|i{1,3}|\d{1,2})\b(?:\s*(?:/|nam)\s*(?P<y>(?:19|20)\d{2}))?"
    # the first or last half of a year: "trong 6 tháng đầu năm 2024"
    r"|\b(?P<half>(?:0?6|sau) thang (?:dau|cuoi)) nam(?:\s+(?P<hy>(?:19|20)\d{2}))?"
)


def deadlines(text: str, folded: str, year: int | None) -> list[Deadline]:
    """Every "by" date of the text, each with the levels of the address that precedes it in its
    sentence ([] when none does: the date is for everyone the duty is for)."""
    found = []
    addresses = address_spans(text)
    last_end = -1
    for m in _DATE.finditer(folded):
        listed = last_end >= 0 and re.fullmatch(r"\s*(?:,|va|;)\s*(?:ngay\s*)?", folded[last_end: m.start()])
        if not listed and not _BY.search(folded[max(0, m.start() - 30): m.start()]):
            continue
        when = _date(m, year)
        if when:
            last_end = m.end()
            found.append(Deadline(date=when, levels=_levels_before(addresses, folded, m.start()),
                                  text=text[m.start(): m.end()]))
    for m in _WITHIN.finditer(folded):
        when = _period_end(m, year)
        if when:
            found.append(Deadline(date=when, levels=_levels_before(addresses, folded, m.start()),
                                  text=text[m.start(): m.end()]))
    days = [*(_MONTHLY_DAY.finditer(folded) if re.search(r"\b(?:hang|moi) thang\b", folded) else ()),
            *_QUARTER_DAY.finditer(folded)]
    found += [Deadline(date=dt.date(2000, 1, int(m["day"])), monthly=True, text=text[m.start(): m.end()],
                       levels=_levels_before(addresses, folded, m.start()))
              for m in days if 1 <= int(m["day"]) <= 31]
    if len({tuple(d.levels) for d in found}) < 2:  # one date for all: "các xã" before it is a place
        for deadline in found:
            deadline.levels = []
    return found + _quarter_days(found)


def _quarter_days(found: list[Deadline]) -> list[Deadline]:
    """The same day of the last month of each quarter ("trước các ngày 15/3, 15/6, 15/9 và 15/12")
    is that day of every quarter's last month, as "trước ngày 15 của tháng cuối quý" says."""
    dated = [d for d in found if not d.monthly]
    if len(dated) < 3 or len({d.date.day for d in dated}) != 1 or {d.date.month for d in dated} - {3, 6, 9, 12}:
        return []
    return [Deadline(date=dt.date(2000, 1, dated[0].date.day), monthly=True, levels=dated[0].levels,
                     text=", ".join(d.text for d in dated))]


# A day of every month in a monthly duty: "trước ngày 25 hằng tháng", "các sở ... trước ngày 20".
_MONTHLY_DAY = re.compile(r"\b(?:truoc|cham nhat(?: la)?|khong qua)\s+ngay\s+(?P<day>\d{1,2})\b(?!\s*[/.-]\s*\d)(?! cua)")
# ... and of the last month of every quarter: "trước ngày 20 của tháng cuối quý", compared day by day.
_QUARTER_DAY = re.compile(r"\b(?:truoc|cham nhat(?: la)?|khong qua)\s+ngay\s+(?P<day>\d{1,2}) cua thang cuoi (?:moi |cua )?quy\b")


def _date(m: re.Match, year: int | None) -> dt.date | None:
    day, month = int(m["d"] or m["wd"]), int(m["m"] or m["wm"])
    y = m["y"] or m["wy"]
    try:
        return dt.date(int(y) if y else year, month, day) if (y or year) else None
    except ValueError:
        return None


def _period_end(m: re.Match, year: int | None) -> dt.date | None:
    y = int(m["y"] or m["hy"] or 0) or year
    if y is None:
        return None
    if m["half"]:
        return dt.date(y, 6, 30) if m["half"].endswith("dau") else dt.date(y, 12, 31)
    if m["week"] and m["unit"] == "thang":  # the first week of a month: by its 7th
        return dt.date(y, int(m["n"]), 7) if m["n"].isdigit() and 1 <= int(m["n"]) <= 12 else None
    n = _QUARTERS.get(m["n"]) if m["unit"] == "quy" else int(m["n"])
    if not n or (m["unit"] == "thang" and not 1 <= n <= 12):
        return None
    month = n * 3 if m["unit"] == "quy" else n
    if m["how"] == "truoc":  # before quarter III: by the end of quarter II
        month -= 3 if m["unit"] == "quy" else 1
        if month < 1:
            return None
    return (dt.date(y + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))


def _levels_before(addresses: list[tuple[int, str]], folded: str, at: int) -> list[Level]:
    """The level addressed nearest before `at` in the same sentence, if any."""
    start = max(folded.rfind(". ", 0, at), 0)
    before = [kind for offset, kind in addresses if start <= offset < at and kind != "general"]
    return [before[-1]] if before else []  # type: ignore[list-item]


# --- for whom ----------------------------------------------------------------------------------

_ORG = r"(?:ubnd|so|phong|van phong|ban|bo|trung tam|hdnd|cuc|vu)\b"
# A body's name ends before a date, a purpose, a period, or "và" joining another body ("Phòng Văn
# hóa và Thông tin" is one body; "UBND huyện và Sở Nội vụ" two).
_BODY_END = (r"(?=\s*(?:$|[;:.(,]|\btruoc\b|\bde\b|\btheo\b|\bcham nhat\b|\bdinh ky\b|\btrong\b|\b(?:thong )?qua\b"
             rf"|\bhang\b|\bvao\b|\bva\s+{_ORG}))")
_RECIPIENT = _led(
    "[bcgn]", rf"\b(?:gui|bao cao|nop|chuyen)\b(?:[^;.:]{{0,80}}?\s)?(?:ve|len|den|cho|toi)\s+(?P<body>{_ORG}[^;:.()]{{0,60}}?){_BODY_END}"
    rf"|\b(?:bao cao|gui)\s+(?P<direct>{_ORG}[^;:.()]{{0,60}}?){_BODY_END}"
)
_AND_BODY = re.compile(
    r"\s*(?:,|va|hoac)\s+(?P<body>(?:ubnd|so|phong|van phong|ban|bo)\b[^;:.(),]{0,50}?)"
    r"(?=\s*(?:$|[;:.(,]|\btruoc\b|\bde\b|\btheo\b|\bdinh ky\b|\bva\b|\btrong\b))"
)
_VIA = re.compile(rf"\(\s*qua\s+(?P<body>[^)]{{3,60}})\)|\bthong qua\s+(?P<named>{_ORG}[^;:.()]{{0,60}}?){_BODY_END}")
# The report the recipient makes in turn: "gửi Sở Nội vụ ... để tổng hợp, báo cáo UBND tỉnh".
_ONWARD = re.compile(r"\bde (?:tong hop,? |kip thoi )?$")


def recipients(text: str, folded: str, onward: bool = False) -> list[str]:
    """The bodies a report goes to ("gửi về Sở Nội vụ", "báo cáo UBND huyện (qua Phòng Nội vụ)"), as
    written; a parent's copy ("đồng gửi Văn phòng UBND tỉnh") is not where it asks the report to go. The search reads "uy ban nhan dan" as "ubnd": offsets are mapped back to the text."""
    short, back = _ubnd_with_offsets(folded)
    spans = [m.span("body") if m["body"] else m.span("direct") for m in _RECIPIENT.finditer(short)
             if onward or not (_ONWARD.search(short, 0, m.start()) or short.endswith("dong ", 0, m.start()))]
    spans += [m.span("body") if m["body"] else m.span("named") for m in _VIA.finditer(short)]
    spans += [m.span("body") for start, end in list(spans) for m in [_AND_BODY.match(short, end)] if m]
    found = [text[back[start]: back[end - 1] + 1].strip(" ,") for start, end in spans]
    return [body for body in dict.fromkeys(found) if body]


def _ubnd_with_offsets(folded: str) -> tuple[str, list[int]]:
    """`ubnd(folded)` and, for each of its characters, the offset it comes from in `folded`."""
    if "uy ban nhan dan" not in folded:  # most lines: each character is its own
        return folded.replace("hdnd va ubnd", "hdnd_va_ubnd"), list(range(len(folded)))
    out, back, at = [], [], 0
    for m in re.finditer("uy ban nhan dan", folded):
        out.append(folded[at: m.start()])
        back.extend(range(at, m.start()))
        out.append("ubnd")
        back.extend([m.start(), m.start() + 1, m.start() + 2, m.end() - 1])
        at = m.end()
    out.append(folded[at:])
    back.extend(range(at, len(folded)))
    short = "".join(out)
    # "Văn phòng HĐND và UBND huyện" is one office: its "và" joins no second body
    return short.replace("hdnd va ubnd", "hdnd_va_ubnd"), back  # the same length: offsets hold


def body_key(body: str) -> str:
    """A recipient as compared: folded, "ubnd" for "Ủy ban nhân dân", without commas."""
    return " ".join(ubnd(fold(body)).replace(",", " ").split())


# District-level bodies, abolished on 1/7/2025: a "Phòng" of a city is one too (a province has Sở),
# while "UBND thành phố" may be a province-level city's.
DEFUNCT = re.compile(r"\b(?:ubnd (?:cac )?(?:huyen|quan|thi xa)|phong [a-z ]{2,30}(?:huyen|quan|thi xa|thanh pho)|cap huyen)\b")


def same_body(one: str, other: str) -> bool:
    """Two recipients name the same body: one begins with the other's words ("Sở Nội vụ" and "Sở
    Nội vụ tỉnh Hòa Sơn"), its head aside ("Chủ tịch UBND tỉnh" is the UBND); an office of a body
    is another body ("Văn phòng UBND tỉnh" is not the UBND)."""
    one, other = _HEAD.sub("", body_key(one)), _HEAD.sub("", body_key(other))
    return f"{one} ".startswith(f"{other} ") or f"{other} ".startswith(f"{one} ")


_HEAD = re.compile(r"^(?:(?:pho )?chu tich|thuong truc|lanh dao|giam doc|truong)\s+")


# --- commitment --------------------------------------------------------------------------------

ACT = (r"(?:to chuc|thuc hien|trien khai|in|phat hanh|xay dung|duy tri|lap|mo|dang|dang tai|phat|treo|"
        r"su dung|tham gia|ban hanh|tuyen truyen|cap nhat|thanh lap|khao sat|san xuat|lam|bo tri|dau tu|gui)")
DECLINE = _led(
    "[cdhklnst]",
    rf"\b(?:khong|chua|tam dung|tam hoan|ngung|dung|hoan)\s+(?:[a-z]+\s+){{0,2}}?{ACT}\b"
    r"|\b(?:chua|khong) (?:co|du) (?:dieu kien|kinh phi|nguon|nhan luc|kha nang|(?:trang )?thiet bi|phuong tien"
    r"|co so vat chat|ha tang)\b|\b(?:khi|neu) (?:duoc|co) [a-z0-9 ]{0,40}?\bho tro\b"
    r"|\b(?:khong|chua) co kinh phi\b|\btam (?:dung|ngung|hoan)\b|\bchua the\b"
    r"|\b(?:khi|neu) (?:co|duoc|du|bo tri)\b[a-z0-9 ]{0,50}?\b(?:kinh phi|dieu kien|nguon|du toan)\b"
    r"|\b(?:neu|khi) [a-z ]{0,20}cho phep\b|\btuy (?:theo )?(?:dieu kien|kinh phi)\b"
    r"|\b(?:khi|neu|sau khi) (?:co|nhan duoc) (?:van ban )?huong dan\b|\bkhong giao (?:chi tieu|nhiem vu)\b"
    rf"|\bse {ACT}\b[a-z ]{{0,12}}\b(?:sau )?khi\b|\bkhong co nhu cau\b"
    r"|\b(?:lui|hoan|chuyen) (?:lai |sang )?(?:sang )?nam sau\b|\bde nam sau\b|\bkhong (?:co )?ke hoach\b"
)
_CLAUSE_BREAK = re.compile(r"[;:!?]|\.(?!\d)|,|\bnhung\b|\btuy nhien\b|\bcon\b(?= [a-z])")
_CONSEQUENCE = re.compile(r"^\s*(?:nen|vi vay|do do|thi|cho nen)\b")


def clause_around(folded: str, start: int, end: int) -> str:
    """The clause holding the span (cut at punctuation and "nhưng"); a clause opening with "nên"
    keeps the reason before it ("do chưa có kinh phí, nên không in ...")."""
    breaks = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(folded)), len(folded) + 1]
    left = max(b for b in breaks if b <= start)
    right = min((m.start() for m in _CLAUSE_BREAK.finditer(folded, end)), default=len(folded))
    clause = folded[left:right]
    if _CONSEQUENCE.match(clause) and left > 0:
        before = [b for b in breaks if b < left - 1]
        clause = folded[max(before, default=0):right]
    return clause


# A stop ends a sentence, not the thousands of a count ("in 1.000 tờ gấp").
_SENTENCE_BREAK = re.compile(r"[;!?]|\.(?!\d)|\bnhung\b|\btuy nhien\b")


def sentence_around(folded: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (cut at ; . ! ? and "nhưng") holding the span, as offsets."""
    left = max([0, *(m.end() for m in _SENTENCE_BREAK.finditer(folded, 0, start))])
    right = next((m.start() for m in _SENTENCE_BREAK.finditer(folded, end)), len(folded))
    return left, right


def declined(text: str, span: tuple[int, int] | None = None, year: int | None = None) -> bool:
    """Whether the clause of `text` around `span` refuses, postpones or makes conditional what it
    names (any clause of the text when no span is given). A duty named as a topic before a colon
    is judged by what the sentence says after it ("Về hội nghị đối thoại: năm nay xã chưa tổ chức")."""
    folded = fold(text)
    if span is None:
        return bool(refusals(text, year))
    clause = clause_around(folded, *span)
    at = folded.find(clause)
    if refusals(text[at: at + len(clause)], year):
        return True
    colon = re.compile(r"[^;.:]*:").match(folded, span[1])
    if colon:
        return bool(refusals(re.split(r"[.]", text[colon.end():], maxsplit=1)[0], year))  # all it says of the topic
    return False


# The first words a refusal can open with, with their diacritics: folded, "dừng" (stop) is also
# "dựng" (xây dựng), "hoãn" (postpone) "hoàn" (hoàn thành), "chưa" (not yet) "chùa".
_REFUSING = frozenset("không chưa tạm ngừng ngưng dừng hoãn khi nếu lùi chuyển để tùy tuỳ sẽ".split())


def refusals(text: str, year: int | None = None) -> list[tuple[int, int]]:
    """The spans of `text` (NFC) that refuse, postpone or make a duty conditional; with the plan's
    `year`, a duty moved past it ("lùi thời gian sang quý I năm 2027") too."""
    folded = fold(text)
    found = [m.span() for m in DECLINE.finditer(folded)
             if text[m.start(): m.end()].split(maxsplit=1)[0].lower() in _REFUSING]
    return found + [m.span() for m in _MOVED.finditer(folded) if year and int(m["year"] or m["since"]) > year]


# A duty moved to a later year ("lùi sang quý I năm 2027", "xây dựng mô hình từ năm 2026"): past
# the plan's year, it is not done this year.
_MOVED = re.compile(r"\b(?:lui|hoan|chuyen|dieu chinh)\b[a-z0-9 ,]{0,30}?\bsang\b[a-z0-9 ]{0,20}?(?:\bnam |/)(?P<year>20\d\d)\b"
                    r"|\btu nam (?P<since>20\d\d)\b")


_WEEKDAY = re.compile(r"\bthu (?:hai|ba|tu|nam|sau|bay|[2-7])\b|\bchu nhat\b")
# Days of the month named in a monthly duty: "vào ngày 15 và ngày 30 hằng tháng".
_MONTHDAY = re.compile(r"\b(?<!truoc )(?<!den )ngay (?:0?[1-9]|[12]\d|3[01])\b(?!\s*[/.-]\s*\d| cua)")


def _weekdays(text: str, folded: str, often: Frequency | None) -> list[Quantity]:
    """Days named in a weekly or monthly duty as a count: "sáng thứ Ba và thứ Sáu hằng tuần" is twice
    a week, "vào ngày 15 và ngày 30 hằng tháng" twice a month."""
    named = _WEEKDAY if often == "tuan" else _MONTHDAY if often == "thang" else None
    found = list(named.finditer(folded)) if named else []
    days = {m.group() for m in found}
    if len(days) < 2:
        return []
    return [Quantity(amount=len(days), noun="lan", per=often, text=text[found[0].start(): found[-1].end()])]


# A deadline counted from the plan's own date: "trong vòng 15 ngày kể từ ngày Kế hoạch này được ban hành".
_FROM_ISSUE = re.compile(r"\btrong (?:vong |thoi han )?(?P<n>\d{1,3}) ngay(?P<work> lam viec)?,? ke tu ngay "
                         r"(?:ke hoach|van ban|quyet dinh)?(?: nay)?(?: duoc)? (?:ban hanh|ky)\b")


def from_issue(terms: Terms, text: str, issued: dt.date | None) -> Terms:
    """The terms with the deadlines counted from `issued`, the plan's date (working days as weeks
    of five)."""
    found = [Deadline(date=issued + dt.timedelta(days=int(m["n"]) * 7 // 5 if m["work"] else int(m["n"])),
                      text=text[m.start(): m.end()]) for m in _FROM_ISSUE.finditer(fold(text))] if issued else []
    return terms.model_copy(update={"deadlines": terms.deadlines + found}) if found else terms


def read_terms(text: str, year: int | None, onward: bool = False) -> Terms:
    """What `text` states of how much, how often, by when and for whom. A count with no period of
    its own takes the line's ("Mỗi tháng, xã đăng 04 tin, bài"). Table cells (tab-separated in a
    text file) are read apart. The body a recipient reports on to ("gửi Phòng Nội vụ để tổng hợp,
    báo cáo Sở Nội vụ") is a recipient only with `onward`: a child's report reaches it, a parent
    does not ask for it."""
    text = text.replace("\t", "; ")
    folded = fold(text)
    often = frequency(folded)
    counted = [q if q.per or often in (None, "6_thang") else q.model_copy(update={"per": often})
               for q in quantities(text, folded)] + _weekdays(text, folded, often)
    return Terms(quantities=counted, frequency=often,
                 deadlines=deadlines(text, folded, year), recipients=recipients(text, folded, onward))
