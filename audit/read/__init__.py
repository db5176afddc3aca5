"""Reading files into `SourceText`: one module per format, chosen by content, not by name.

A file that cannot be read raises `InputError` with a one-line message naming the file and
what to do; the caller turns it into a finding (in a batch) or exit code 2 (alone).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from audit.read.errors import InputError

if TYPE_CHECKING:  # the models pull in pydantic; `plan-audit --help` should not pay for that
    from audit.model import SourceText

MAX_BYTES = 20 * 1024 * 1024  # a real plan is well under 1 MB; larger inputs are refused, not read
# A plan's longest paragraph is about a thousand characters, and a whole plan saved on one line is
# well under this. A longer line is data, not a plan; refusing it bounds the time and memory that
# parsing and matching spend on one line.
MAX_LINE_CHARS = 100_000
# A plan has a few thousand lines (paragraphs, table rows). Far more is data, or a file made to
# cost time: it is refused before its lines are parsed one by one.
MAX_LINES = 20_000
# A long plan with its appendix holds a few hundred thousand characters. Parsing and the rules cost
# a few microseconds a character on the worst text: the limit keeps any file to seconds.
MAX_TEXT_CHARS = 2_000_000

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Word .doc (and other OLE files)
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def read_source(path: str | Path) -> SourceText:
    """Read one plan file (.txt, .md, .docx, .pdf, .doc, .odt, .rtf, .html) into lines as the reviewer sees them."""
    source = _read(Path(path))
    _refuse_long_lines(source)
    refuse_much_text(source.path, sum(len(line.raw or line.text) for line in source.lines))
    return source


def _read(path: Path) -> SourceText:
    head = _head(path)
    if b"%PDF-" in head:  # some producers put a few bytes before the marker
        from audit.read import pdf

        return pdf.read_pdf(path)
    converted = _converted_kind(path, head)
    if converted:
        from audit.read.convert import read_converted

        return read_converted(path, converted)
    if head.startswith(b"PK\x03\x04"):
        from audit.read import docx

        return docx.read_docx(path)
    _refuse_misnamed(path, head)
    if _is_html(path, head):
        from audit.read.html import read_html

        return read_html(path)
    from audit.read import text

    return text.read_text(path)


def refuse_many_lines(name: str, count: int) -> None:
    """Refuse a file of more than MAX_LINES lines (called by each reader as soon as it can count them)."""
    if count > MAX_LINES:
        raise InputError(name, "too_many_lines", count=f"{count:,}", limit=f"{MAX_LINES:,}")


def refuse_much_text(name: str, chars: int) -> None:
    """Refuse a file of more than MAX_TEXT_CHARS characters of text (each reader calls it as soon as it can)."""
    if chars > MAX_TEXT_CHARS:
        raise InputError(name, "too_much_text", count=f"{chars:,}", limit=f"{MAX_TEXT_CHARS:,}")


def _converted_kind(path: Path, head: bytes) -> str | None:
    """ "doc", "odt" or "rtf" for the formats read through LibreOffice (convert.py), by content."""
    if head.startswith(_OLE_MAGIC):  # old Word .doc (an .xls or .msg fails its conversion, clearly)
        return "doc"
    if head.startswith(b"PK\x03\x04") and _ODT_MIMETYPE in head:  # the mimetype member comes first
        return "odt"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    return None


def _is_html(path: Path, head: bytes) -> bool:
    """A web page saved from a portal (.html, .htm, or a page saved under another name)."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return path.suffix.lower() in (".html", ".htm") or start.startswith((b"<!doctype html", b"<html"))


def _refuse_long_lines(source: SourceText) -> None:
    longest = max(source.lines, key=lambda line: len(line.raw or line.text), default=None)
    length = len(longest.raw or longest.text) if longest else 0
    if length > MAX_LINE_CHARS:
        raise InputError(source.path, "long_line", line=longest.number, length=f"{length:,}", limit=f"{MAX_LINE_CHARS:,}")


def _refuse_misnamed(path: Path, head: bytes) -> None:
    """A ".docx" or ".pdf" that is neither (often a portal's error page saved under the name)."""
    suffix = path.suffix.lower()
    if suffix in (".docx", ".pdf") and head.strip():
        raise InputError(str(path), f"misnamed.{suffix[1:]}")


def _head(path: Path) -> bytes:
    return read_bytes(path, 1024)


def read_bytes(path: str | Path, count: int = MAX_BYTES) -> bytes:
    """The first `count` bytes of the plan file `path`. Only a regular file of at most MAX_BYTES is
    read: a FIFO would wait for a writer forever and a device (/dev/zero) never ends, so both are
    refused, checked on the opened file (opened without waiting), never by name alone."""
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                raise InputError(name, "directory")
            if not stat.S_ISREG(info.st_mode):
                raise InputError(name, "not_regular")
            if info.st_size > MAX_BYTES:
                raise InputError(name, "too_big", size=info.st_size // (1024 * 1024), limit=MAX_BYTES // (1024 * 1024))
            data = handle.read(min(count, MAX_BYTES + 1))
        if len(data) > MAX_BYTES:  # it grew after it was measured
            raise InputError(name, "too_big", size=len(data) // (1024 * 1024), limit=MAX_BYTES // (1024 * 1024))
        return data
    except FileNotFoundError:
        raise InputError(name, "not_found") from None
    except PermissionError:
        raise InputError(name, "permission") from None
    except IsADirectoryError:
        raise InputError(name, "directory") from None
    except OSError as exc:
        raise InputError(name, "os_error", reason=exc.strerror or exc) from None
