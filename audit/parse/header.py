"""The header: issuer, "Số: 02/KH-UBND", "Tiền Tiến, ngày 02 tháng 01 năm 2024", type and title.

The header of an official document is a two-column block (issuer | Quốc hiệu; number | place and
date). A .docx gives it as a table, a portal copy as "left | right" lines, a conversion as lines one
under the other; the reader hands all of them over as lines with cells, and this module reads them
the same way. Drafts leave number and date blank ("Số: /KH-UBND", "ngày tháng năm 2021"): nulls.
"""

from __future__ import annotations

import re

from audit.model import Header, Line
from audit.parse.docref import HEADER_NUMBER_RE, TYPE_CODES, canonical_body, doc_type_for, make_date

MOTTO_RE = re.compile(r"CỘNG\s+H(?:[OÒÓ]À|ÒA|ÓA)|XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do", re.IGNORECASE)
# The Quốc hiệu's words: a narrow column wraps it anywhere ("CỘNG HÒA XÃ HỘI CHỦ" / "NGHĨA VIỆT NAM"),
# and a piece of it must not be read as part of the issuer (the "XÃ" of "XÃ HỘI" made a district a commune).
_MOTTO_WORDS = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".split()
# Up to six words before ", ngày"; each word starts after a non-letter, so a long line is read in
# linear time (a word that could be split anywhere made the search polynomial in the line's length).
PLACE_DATE_RE = re.compile(
    r"(?P<place>(?<![^\W\d_])[^\W\d_]+(?:\s[^\W\d_]+){0,5})\s*,\s*ngày\s*(?P<d>\d{0,2})\s*tháng\s*(?P<m>\d{0,2})\s*năm\s*(?P<y>\d{4})?",
)
TITLE_RE = re.compile(
    r"^(?P<type>KẾ HOẠCH|QUYẾT ĐỊNH|CHỈ THỊ|NGHỊ QUYẾT|CHƯƠNG TRÌNH|HƯỚNG DẪN|ĐỀ ÁN|PHƯƠNG ÁN|"
    r"THÔNG BÁO|BÁO CÁO|CÔNG VĂN|TỜ TRÌNH)\b\s*:?\s*(?P<rest>.*)$"
)
_ORG_START = re.compile(
    r"^(ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|HĐND|SỞ|BỘ|BAN|PHÒNG|VĂN PHÒNG|TRUNG TÂM|CHÍNH PHỦ|THỦ TƯỚNG|"
    r"TỈNH ỦY|HUYỆN ỦY|ĐẢNG ỦY|ĐÀI|CÔNG AN|CỤC|TỔNG CỤC|VIỆN|TRƯỜNG)\b"
)
_YEAR_IN_TITLE = re.compile(r"\bnăm\s+((?:19|20)\d{2})\b", re.IGNORECASE)
_TW_CITIES = ("hà nội", "hồ chí minh", "hải phòng", "đà nẵng", "cần thơ", "huế")


def find_title(lines: list[Line], limit: int = 60) -> int | None:
    """Index of the line that names the document type ("KẾ HOẠCH"), within the first lines."""
    for i, line in enumerate(lines[:limit]):
        if line.cells:
            continue
        m = TITLE_RE.match(line.text)
        if m and (not m.group("rest") or not m.group("rest")[:1].islower()) and not _LISTING.match(m.group("rest")):
            return i
    return None


# "KẾ HOẠCH 12/KH-UBND NĂM 2023 ...": a portal's heading or listing of the document, which names it
# by its number; the document's own title line never carries its number.
_LISTING = re.compile(r"^(?:số\s*:?\s*)?\d+\s*/", re.IGNORECASE)


def parse_header(lines: list[Line], title_at: int | None) -> tuple[Header, int]:
    """The header and the index of the first line after the title."""
    header = Header()
    before = lines[:title_at] if title_at is not None else lines[:12]
    _read_header_block(before, header)
    after = title_at if title_at is not None else 0
    if title_at is not None:
        after = _read_title(lines, title_at, header)
    return header, after


def _read_header_block(lines: list[Line], header: Header) -> None:
    bodies: list[tuple[str, int]] = []
    for text, number in _header_cells(lines[_block_start(lines):]):
        for cell in _unglued(text):
            rest = _read_number(cell, number, header)
            rest = _read_place_date(rest, number, header)
            motto = MOTTO_RE.search(rest)
            if motto or _motto_piece(rest):
                header.national_motto = True
                rest = rest[: motto.start()] if motto else ""  # an issuer before the Quốc hiệu on one line
            _collect_body(rest, number, bodies)
    if bodies:
        header.issuer = canonical_body(bodies[-1][0])
        header.lines["issuer"] = bodies[-1][1]
        if len(bodies) > 1:
            header.parent_body = canonical_body(bodies[-2][0])


# A place and date cut after "ngày", "tháng" or "năm" by a narrow column or a web page's wrap
# ("Bến Lam, ngày" / "05 tháng 3 năm 2023"), and what continues it on the next line.
_DATE_CUT = re.compile(r",\s*ngày(?:\s*\d{0,2}(?:\s*tháng(?:\s*\d{0,2}(?:\s*năm)?)?)?)?\s*$")
_DATE_REST = re.compile(r"^\s*(?:\d{1,2}\s*)?(?:tháng|năm|(?:19|20)\d{2}\b)")


def _header_cells(lines: list[Line]) -> list[tuple[str, int]]:
    """The header's texts, cell by cell, with their line numbers; a date cut over two lines is
    joined (the continuation is the next line's cell in the same column)."""
    cells: list[tuple[str, int]] = []
    taken: set[tuple[int, int]] = set()
    for i, line in enumerate(lines):
        for column, cell in enumerate(line.cells or [line.text]):
            if (i, column) in taken:
                continue
            if _DATE_CUT.search(cell) and i + 1 < len(lines):
                at, rest = _same_column(lines[i + 1], column)
                if _DATE_REST.match(rest):
                    cell = f"{cell} {rest}"
                    taken.add((i + 1, at))
            cells.append((cell, line.number))
    return cells


# Where a copy from a web page glued the header's lines together: a unit word right after "NHÂN
# DÂN" ("ỦY BAN NHÂN DÂNPHƯỜNG ĐỒNG LAM"), and a capitalised word right after an upper-case one
# ("ĐỒNG LAMSố: 09/KH-UBND", "VIỆT NAMĐộc lập").
_GLUED_UNIT = re.compile(r"(?<=NHÂN DÂN)(?=XÃ|PHƯỜNG|THỊ|HUYỆN|QUẬN|THÀNH PHỐ|TỈNH)")


def _unglued(text: str) -> list[str]:
    cuts = {m.start() for m in _GLUED_UNIT.finditer(text)}
    cuts |= {i for i in range(2, len(text) - 1)
             if text[i - 2 : i + 1].isupper() and text[i - 2 : i + 1].isalpha() and text[i + 1].islower()}
    if not cuts:
        return [text]
    bounds = [0, *sorted(cuts), len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:])]


def _same_column(line: Line, column: int) -> tuple[int, str]:
    """The cell of `line` under column `column` and its index; a line without cells is one cell."""
    if line.cells is None:
        return 0, line.text
    return (column, line.cells[column]) if column < len(line.cells) else (-1, "")


def _block_start(lines: list[Line]) -> int:
    """The header proper starts at its first issuer, motto or number line; what is above it is
    a portal's boilerplate (site name, menu, breadcrumb, date stamp), not the issuer."""
    for i, line in enumerate(lines):
        for cell in line.cells or [line.text]:
            cell = cell.strip(" -_*")
            if _ORG_START.match(cell) or MOTTO_RE.search(cell) or HEADER_NUMBER_RE.search(cell):
                return i
    return 0


def _motto_piece(text: str) -> bool:
    """Two or more words of the Quốc hiệu in their order, alone on a line ("VIỆT NAM")."""
    words = text.strip(" -_*").upper().replace("HOÀ", "HÒA").split()
    if len(words) < 2:
        return False
    n = len(words)
    return any(_MOTTO_WORDS[i : i + n] == words for i in range(len(_MOTTO_WORDS) - n + 1))


def _read_number(text: str, number: int, header: Header) -> str:
    m = HEADER_NUMBER_RE.search(text)
    if not m or "number" in header.lines:
        return text
    symbol = re.sub(r"\s+", "", m.group("sym")).replace("–", "-")
    header.number = m.group("num") or None
    header.symbol = symbol
    header.doc_type = header.doc_type or doc_type_for(None, symbol)
    header.lines["number"] = number
    return (text[: m.start()] + " " + text[m.end() :]).strip()


def _read_place_date(text: str, number: int, header: Header) -> str:
    m = PLACE_DATE_RE.search(text)
    if not m or "date" in header.lines:
        return text
    header.place = m.group("place").strip() or None
    header.date = make_date(m.group("d"), m.group("m"), m.group("y"))
    header.date_text = m.group(0)[len(m.group("place")) :].strip(" ,")
    if m.group("y"):
        header.year = int(m.group("y"))
    header.lines["date"] = number
    return (text[: m.start()] + " " + text[m.end() :]).strip()


def _collect_body(text: str, number: int, bodies: list[tuple[str, int]]) -> None:
    """Upper-case lines of the issuer column: a new body starts at an organization word,
    other upper-case lines continue the one above ("ỦY BAN NHÂN DÂN" / "XÃ TIỀN TIẾN")."""
    text = text.strip(" -_*")
    if len(text) < 2 or not text.isupper() or len(text) > 120:
        return
    if _ORG_START.match(text) or not bodies:
        bodies.append((text, number))
    else:
        previous, line = bodies[-1]
        bodies[-1] = (f"{previous} {text}", line)


def _read_title(lines: list[Line], title_at: int, header: Header) -> int:
    m = TITLE_RE.match(lines[title_at].text)
    assert m is not None
    header.doc_type = TYPE_CODES.get(m.group("type").lower(), header.doc_type)
    header.lines["title"] = lines[title_at].number
    parts = [m.group("rest")] if m.group("rest") else []
    i = title_at + 1
    while i < len(lines) and len(parts) < 4:
        text = lines[i].text
        if not text:
            if parts:
                break
            i += 1
            continue
        if _ends_title(text) or _authority_after_title(parts, text):
            break
        parts.append(text)
        i += 1
    header.title = " ".join(parts) or None
    return i


def _authority_after_title(parts: list[str], text: str) -> bool:
    """An upper-case body's name under a title in lower case: the Quyết định's "ỦY BAN NHÂN DÂN TỈNH
    LAM GIANG" line (a PDF has no blank line above it to end the title)."""
    title = " ".join(parts)
    return bool(parts) and not title.isupper() and text.isupper() and (
        _ORG_START.match(text) is not None or text.startswith("CHỦ TỊCH"))


def _ends_title(text: str) -> bool:
    lowered = text.lower()
    return (
        lowered.startswith(("thực hiện", "căn cứ", "(ban hành", "(kèm theo", "- căn cứ", "-căn cứ"))
        or re.match(r"^([IVX]+|\d+)\s*[.)]\s", text) is not None
        or len(text) > 250
    )


def complete_header(header: Header, statement_issuer: tuple[str, int] | None, signer_authority: str | None) -> None:
    """Fill what the header block did not give: issuer from the preamble's own statement
    ("Ủy ban nhân dân xã Tiền Tiến xây dựng kế hoạch ...") or the signer ("TM. UBND XÃ ĐỊNH BIÊN");
    year from the title; level from the issuer."""
    if header.issuer is None and statement_issuer:
        header.issuer, header.lines["issuer"] = canonical_body(statement_issuer[0]), statement_issuer[1]
    if header.issuer is None and signer_authority and _ORG_START.match(signer_authority.upper()):
        header.issuer = canonical_body(signer_authority)
    if header.issuer and _BARE_BODY.match(header.issuer):
        header.issuer = _placed(header.issuer, statement_issuer, header.title)
    if header.issuer and header.place and _names_no_place(header.issuer):
        header.issuer = f"{header.issuer} {header.place}"
    if header.year is None and header.title:
        m = _YEAR_IN_TITLE.search(header.title)
        header.year = int(m.group(1)) if m else None
    if header.year is None and header.date:
        header.year = header.date.year
    header.level = level_of(header.issuer)


_BARE_BODY = re.compile(r"^(ủy ban nhân dân|uỷ ban nhân dân|hội đồng nhân dân)$", re.IGNORECASE)
_UNIT = r"(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)"
# "... trên địa bàn tỉnh Lam Giang năm 2023": the unit a title names, up to "năm", a number or a mark
_TITLE_UNIT = re.compile(
    rf"\btrên địa bàn\s+({_UNIT}\s+[^\W\d_]+(?:\s+(?!(?:năm|giai|về|của|trong)\b)[^\W\d_]+){{0,3}})", re.IGNORECASE
)


def _placed(body: str, statement: tuple[str, int] | None, title: str | None) -> str:
    """A header's issuer without its unit ("ỦY BAN NHÂN DÂN", no "TỈNH LAM GIANG" line under it),
    completed from the preamble's statement ("Ủy ban nhân dân tỉnh Lam Giang ban hành ...") or
    from the unit the title names ("... TRÊN ĐỊA BÀN TỈNH LAM GIANG"); unchanged when neither says."""
    if statement:
        named = canonical_body(statement[0])
        if named.lower().startswith(body.lower() + " ") and level_of(named):
            return named
    m = _TITLE_UNIT.search(title or "")
    if not m:
        return body
    unit = m.group(1)
    return canonical_body(f"{body.upper()} {unit}" if unit.isupper() else f"{body} {unit}")


def _names_no_place(issuer: str) -> bool:
    """ "Ủy ban nhân dân huyện" ends with a unit word and no name: the place completes it."""
    return re.search(r"\b(xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh)$", issuer, re.IGNORECASE) is not None


def level_of(issuer: str | None) -> str | None:
    """The administrative level of an issuing body, from its name."""
    if not issuer:
        return None
    name = issuer.lower()
    if re.match(r"^(sở|ban quản lý|thanh tra tỉnh|văn phòng ủy ban nhân dân tỉnh)\b", name):
        return "so"
    if re.match(r"^(bộ|chính phủ|thủ tướng|văn phòng chính phủ|ban chấp hành trung ương)\b", name):
        return "trung_uong"
    # "thị xã" is a district-level town: its "xã" does not make it a commune
    if re.search(r"\b(xã|phường|thị trấn|đặc khu)\b", re.sub(r"\bthị xã\b", "", name)):
        return "xa"
    if re.search(r"\b(huyện|quận|thị xã)\b", name):
        return "huyen"
    m = re.search(r"\bthành phố\s+(.+)$", name)
    if m:
        return "tinh" if m.group(1).strip().startswith(_TW_CITIES) else "huyen"
    if re.search(r"\btỉnh\b", name):
        return "tinh"
    return None
