"""The closing of a plan: "Nơi nhận:" with its list, the signer block, and the appendix.

    Nơi nhận:                      TM. UBND XÃ ĐỊNH BIÊN        PHỤ LỤC ...
    - UBND huyện Định Hóa;         CHỦ TỊCH                     (Kèm theo Kế hoạch số 01/KH-UBND ngày ...)
    - Lưu: VP.                     Ma Thịnh Giáp                STT | NỘI DUNG | SẢN PHẨM | ...
"""

from __future__ import annotations

import re

from audit.model import Appendix, DocRef, Line, Recipient, Signer, Table
from audit.parse.docref import HEADER_NUMBER_RE, clean_symbol, find_refs

RECIPIENTS_RE = re.compile(r"^Nơi nhận\s*:?", re.IGNORECASE)
CLOSING_RE = re.compile(r"^Trên đây là\b", re.IGNORECASE)
APPENDIX_RE = re.compile(r"^PHỤ LỤC\b|^Phụ lục\s+(?:[IVX\d]+|số)\b")
_SIGNER_PREFIX = re.compile(r"^(TM|KT|Q|TL|TUQ)\s*\.\s*(?P<rest>.*)$")
_POSITION = re.compile(r"^(PHÓ\s+)?(CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG PHÒNG|TRƯỞNG BAN|BÍ THƯ|CHÁNH VĂN PHÒNG|BỘ TRƯỞNG|THỦ TRƯỞNG)\b")
_NAME = re.compile(r"^[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][^\W\d_]+(?:\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠỦỨỪỬỮỰ][^\W\d_]+){1,4}$")


def columns(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The left and right columns of a closing laid out as a table ("Nơi nhận: ... | TM. ỦY BAN
    NHÂN DÂN ..."), as a .docx or a portal copy gives it; lines without cells belong to both."""
    left, right = [], []
    for line in lines:
        if line.cells and len(line.cells) == 2:
            left.append(Line(number=line.number, text=line.cells[0]))
            right.append(Line(number=line.number, text=line.cells[1]))
        else:
            left.append(line)
            right.append(line)
    return left, right


def parse_recipients(lines: list[Line]) -> tuple[list[Recipient], int | None]:
    """The "Nơi nhận" list and the index just after it."""
    for i, line in enumerate(lines):
        if RECIPIENTS_RE.match(line.text):
            recipients, j = [], i + 1
            inline = RECIPIENTS_RE.sub("", line.text).strip()
            if inline:
                recipients.append(Recipient(text=inline.lstrip("- "), line=line.number))
            while j < len(lines) and (not lines[j].text or lines[j].text.startswith(("-", "+", "•"))):
                if lines[j].text:
                    recipients.append(Recipient(text=lines[j].text.lstrip("-+• ").strip(), line=lines[j].number))
                j += 1
            return recipients, j
    return [], None


def parse_signer(lines: list[Line]) -> Signer | None:
    """The signer block: an optional TM./KT./Q./TL. line, the position, then the name."""
    signer: Signer | None = None
    for line in lines:
        text = line.text.strip("* ")
        if not text:
            continue
        m = _SIGNER_PREFIX.match(text)
        if signer is None and m:
            signer = Signer(prefix=m.group(1), authority=m.group("rest").strip() or None, line=line.number)
        elif signer and m and signer.position is None:
            continue  # "TM. ỦY BAN NHÂN DÂN" then "KT. CHỦ TỊCH": the deputy signs for the chair
        elif signer is None and _POSITION.match(text):
            signer = Signer(position=text, line=line.number)
        elif signer and signer.position is None and _POSITION.match(text):
            signer.position = text
        elif signer and signer.name is None and _NAME.match(text) and not text.isupper():
            signer.name = text
            break
        elif signer and (text.isupper() or len(text) > 60):
            break
    return signer


def parse_appendix(lines: list[Line]) -> Appendix | None:
    start = next((i for i, line in enumerate(lines) if APPENDIX_RE.match(line.text)), None)
    if start is None:
        return None
    title_parts, attached, i = [lines[start].text], None, start + 1
    while i < len(lines) and i < start + 8 and not lines[i].cells:
        text = lines[i].text
        if re.match(r"^\(?\s*(Kèm theo|Ban hành kèm theo)", text, re.IGNORECASE):
            attached = _attached_to(text, lines[i].number)
        elif text and text.isupper() and attached is None:
            title_parts.append(text)
        i += 1
    return Appendix(
        title=" ".join(title_parts), line=lines[start].number, attached_to=attached,
        tables=parse_tables(lines[start:]),
    )


def _attached_to(text: str, line: int) -> DocRef | None:
    """The plan an appendix says it belongs to; a draft's blank caption ("Kế hoạch số /KH-STTTT ngày
    tháng năm 2024") still gives the symbol, with number and date null."""
    refs = find_refs(text)
    if refs:
        ref = refs[0]
        return DocRef(
            doc_type=ref.doc_type, number=ref.number, symbol=ref.symbol, number_year=ref.number_year,
            date=ref.date, date_text=ref.date_text, issuer=ref.issuer, line=line, text=text,
        )
    blank = HEADER_NUMBER_RE.search(text.replace("số", "Số"))
    if blank:
        return DocRef(symbol=clean_symbol(blank.group("sym")), line=line, text=text)
    return None


def parse_tables(lines: list[Line]) -> list[Table]:
    """Runs of table rows (lines with cells); the first row names the columns."""
    tables: list[Table] = []
    run: list[Line] = []
    for line in lines + [Line(number=-1, text="")]:
        if line.cells and len(line.cells) > 1:
            run.append(line)
            continue
        if not line.text and run and line.number != -1:
            continue  # blank lines between rows of one table
        if len(run) >= 2:
            columns = [c.strip() for c in run[0].cells]
            rows = [dict(zip(columns, row.cells)) for row in run[1:]]
            tables.append(Table(columns=columns, rows=rows, line=run[0].number, row_lines=[r.number for r in run[1:]]))
        run = []
    return tables
