"""Word .docx files: paragraphs and tables in document order, as the reviewer reads them.

Line numbers count what the reviewer sees from the top of the document: each paragraph is a
line (a manual line break inside it starts a new one), and each table row is a line. Two kinds
of table are told apart by their width:

* a layout table of at most two columns (the header: issuer | Quốc hiệu; "Số: ..." | place and
  date) is read row by row and, inside a row, paragraph by paragraph: line i has the i-th
  paragraph of each cell as `cells` and "left | right" as text, the same shape as a portal copy's
  flattened header, so the header parser reads both alike;
* a data table (the appendix: STT | NỘI DUNG | SẢN PHẨM | ...) gives one line per row, each cell's
  paragraphs joined by a space.

The zip is checked before python-docx opens it, so a damaged download or a zip bomb is refused
with a clear message instead of a traceback or an exhausted memory.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path

from audit.model import Line, SourceText
from audit.read.errors import InputError
from audit.read.legacy import refuse_legacy
from audit.read.text import tidy

MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # a real plan unpacks to a few MB, images included
MAX_RATIO = 100  # compression ratio above which a large member is taken for a bomb
RATIO_MIN_BYTES = 10 * 1024 * 1024  # small members compress well legitimately (XML, fonts)
# An XML part is parsed into a tree about ten times its size: a plan's document.xml is a few MB at most.
MAX_XML_BYTES = 32 * 1024 * 1024
_WORD_PARTS = ("[Content_Types].xml", "word/document.xml")
_SPACES = re.compile(r"[ \t]+")


def read_docx(path: Path) -> SourceText:
    """Read a .docx into lines; raises `InputError` for a damaged, foreign or oversized zip."""
    name = str(path)
    check_zip(path)
    from docx import Document  # heavy: imported only when a .docx is read

    try:
        document = Document(str(path))
        _refuse_many_paragraphs(name, document)
        lines = _lines(document)
    except InputError:
        raise
    except Exception as exc:  # python-docx, lxml and zlib raise many kinds for a broken part
        raise InputError(name, "docx_damaged.part", detail=type(exc).__name__) from None
    refuse_legacy(name, "\n".join(line.text for line in lines))
    return SourceText(path=name, format="docx", encoding=None, lines=lines)


def check_zip(path: Path) -> None:
    """Refuse a truncated or damaged zip, a zip that is not a Word document, and a zip bomb,
    reading only the zip's directory (nothing is unpacked)."""
    name = str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise InputError(name, "docx_damaged.zip") from None
    names = {member.filename for member in members}
    if not all(part in names for part in _WORD_PARTS):
        raise InputError(name, "zip_not_word")
    total = sum(member.file_size for member in members)
    if total > MAX_UNPACKED_BYTES:
        raise InputError(name, "bomb.size", size=total // (1024 * 1024))
    for member in members:
        if member.filename.endswith((".xml", ".rels")) and member.file_size > MAX_XML_BYTES:
            raise InputError(name, "bomb.size", size=member.file_size // (1024 * 1024))
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_MIN_BYTES and ratio > MAX_RATIO:
            raise InputError(name, "bomb.ratio", member=member.filename, ratio=f"{ratio:.0f}")
    _check_true_sizes(path, members)


_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, (fixed fields), name length, extra length


def _check_true_sizes(path: Path, members: list[zipfile.ZipInfo]) -> None:
    """Refuse a part whose data unpacks to more than the zip's directory says: zipfile asks zlib
    for up to 2 GB at once when a part is read whole, and only then cuts it to the stated size.
    Each part is unpacked here in small steps, never holding more than a step."""
    name = str(path)
    try:
        _unpack_each(path, members)
    except (OSError, struct.error, zlib.error):  # an offset or a stream the directory got wrong
        raise InputError(name, "docx_damaged.zip") from None


def _unpack_each(path: Path, members: list[zipfile.ZipInfo]) -> None:
    name = str(path)
    with path.open("rb") as handle:
        for member in members:
            if member.compress_type == zipfile.ZIP_STORED:
                continue
            if member.compress_type != zipfile.ZIP_DEFLATED:  # Word writes no other kind
                raise InputError(name, "docx_damaged.zip")
            handle.seek(member.header_offset)
            magic, name_length, extra_length = _LOCAL_HEADER.unpack(handle.read(_LOCAL_HEADER.size))
            if magic != b"PK\x03\x04":
                raise InputError(name, "docx_damaged.zip")
            handle.seek(name_length + extra_length, 1)
            if _unpacked_size(handle, member.compress_size, member.file_size + 1) > member.file_size:
                raise InputError(name, "bomb.lie", member=member.filename, declared=member.file_size)


def _unpacked_size(handle, compressed: int, limit: int) -> int:
    """How many bytes the next `compressed` bytes of raw deflate data unpack to, counted up to `limit`."""
    inflate, size, step = zlib.decompressobj(-zlib.MAX_WBITS), 0, 64 * 1024
    while compressed > 0 and size < limit:
        chunk = handle.read(min(step, compressed))
        if not chunk:
            break
        compressed -= len(chunk)
        data = inflate.decompress(chunk, step)
        while data and size < limit:
            size += len(data)
            data = inflate.decompress(inflate.unconsumed_tail, step) if inflate.unconsumed_tail else b""
    return size


def _refuse_many_paragraphs(name: str, document) -> None:
    """A document of more paragraphs and table rows than a plan has is refused before they are read
    one by one (100,000 tiny paragraphs zip into 45 KB)."""
    from audit.read import refuse_many_lines

    body = document.element.body
    refuse_many_lines(name, len(body.xpath(".//w:p")) + len(body.xpath(".//w:tr")))


def _lines(document) -> list[Line]:
    from docx.table import Table

    lines: list[Line] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            _table_lines(block, lines)
        else:
            _paragraph_lines(block, lines)
    return lines


def _paragraph_lines(paragraph, lines: list[Line]) -> None:
    bold = _is_bold(paragraph)
    for part in _visual_lines(paragraph.text):
        lines.append(Line(number=len(lines) + 1, text=part, raw=part, bold=bold))


def _visual_lines(text: str) -> list[str]:
    """The lines a paragraph shows: split at manual line breaks, spaces and tabs collapsed."""
    return [_SPACES.sub(" ", tidy(part)).strip() for part in text.split("\n")]


def _table_lines(table, lines: list[Line]) -> None:
    for row in table.rows:
        cells = _distinct_cells(row)
        if len(cells) == 0:
            continue
        if len(table.columns) <= 2:
            _layout_row_lines(cells, lines)
        else:
            texts = [" ".join(p for p in _cell_lines(cell) if p) for cell in cells]
            lines.append(_row_line(len(lines) + 1, texts))


def _layout_row_lines(cells, lines: list[Line]) -> None:
    """One line per paragraph index across the cells: "left_i | right_i"."""
    columns = [_cell_lines(cell) for cell in cells]
    for i in range(max(len(column) for column in columns)):
        texts = [column[i] if i < len(column) else "" for column in columns]
        lines.append(_row_line(len(lines) + 1, texts))


def _row_line(number: int, texts: list[str]) -> Line:
    text = " | ".join(t for t in texts if t)
    return Line(number=number, text=text, raw=" | ".join(texts), cells=texts if len(texts) > 1 else None)


def _cell_lines(cell) -> list[str]:
    """A cell's visual lines, without the empty ones at its end (Word pads cells with them)."""
    parts = [part for paragraph in cell.paragraphs for part in _visual_lines(paragraph.text)]
    while parts and not parts[-1]:
        parts.pop()
    return parts


def _distinct_cells(row) -> list:
    """The row's cells, a horizontally merged cell once (python-docx repeats it per grid column)."""
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def _is_bold(paragraph) -> bool:
    """Bold when every run with text is bold, directly or through its paragraph's style."""
    runs = [run for run in paragraph.runs if run.text.strip()]
    if not runs:
        return False
    bolds = [run.bold for run in runs]
    if None not in bolds:  # every run says: the style (a costly look-up) does not matter
        return all(bolds)
    style_bold = _style_bold_of(paragraph)
    return all(bold if bold is not None else style_bold for bold in bolds)


def _style_bold_of(paragraph) -> bool:
    """`_style_bold` of the paragraph's style, looked up once per style and document: python-docx
    searches the styles part on every `paragraph.style`."""
    known = paragraph.part.__dict__.setdefault("_plan_audit_style_bold", {})
    style_id = paragraph._p.style
    if style_id not in known:
        known[style_id] = _style_bold(paragraph.style)
    return known[style_id]


def _style_bold(style) -> bool:
    """Bold set by a paragraph style or the style it is based on; headings count as bold."""
    while style is not None:
        if style.font.bold is not None:
            return bool(style.font.bold)
        if (style.name or "").startswith(("Heading", "Title")):
            return True
        style = style.base_style
    return False
