"""Reading files into `SourceText`: one module per format, chosen by content, not by name.

A file that cannot be read raises `InputError` with a one-line message naming the file and
what to do; the caller turns it into a finding (in a batch) or exit code 2 (alone).
"""

from __future__ import annotations

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

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Word .doc (and other OLE files)


def read_source(path: str | Path) -> SourceText:
    """Read one plan file (.txt, .md, .docx, .pdf) into lines as the reviewer sees them."""
    source = _read(Path(path))
    _refuse_long_lines(source)
    return source


def _read(path: Path) -> SourceText:
    name = str(path)
    head = _head(path)
    if b"%PDF-" in head:  # some producers put a few bytes before the marker
        from audit.read import pdf

        return pdf.read_pdf(path)
    if head.startswith(b"PK\x03\x04"):
        from audit.read import docx

        return docx.read_docx(path)
    if head.startswith(_OLE_MAGIC) or path.suffix.lower() == ".doc":
        raise InputError(
            name, "old Word .doc format is not supported",
            "Convert it to .docx first, e.g. `libreoffice --headless --convert-to docx FILE.doc`",
        )
    _refuse_misnamed(path, head)
    from audit.read import text

    return text.read_text(path)


def _refuse_long_lines(source: SourceText) -> None:
    longest = max(source.lines, key=lambda line: len(line.raw or line.text), default=None)
    length = len(longest.raw or longest.text) if longest else 0
    if length > MAX_LINE_CHARS:
        raise InputError(
            source.path, f"line {longest.number} is {length:,} characters long, over the {MAX_LINE_CHARS:,} limit for one line",
            "Check that this is a plan and not data; a plan's paragraphs are far shorter",
        )


def _refuse_misnamed(path: Path, head: bytes) -> None:
    """A ".docx" or ".pdf" that is neither (often a portal's error page saved under the name)."""
    kind = {".docx": "Word document", ".pdf": "PDF"}.get(path.suffix.lower())
    if kind and head.strip():
        raise InputError(
            str(path), f"named {path.suffix} but is not a {kind} (its content does not start like one)",
            "Download the file again; if it is text, rename it to .txt",
        )


def _head(path: Path) -> bytes:
    name = str(path)
    try:
        if path.is_dir():
            raise InputError(name, "is a directory, not a plan file", "Use `plan-audit corpus DIR` for a folder")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                name, f"file is {size // (1024 * 1024)} MB, over the {MAX_BYTES // (1024 * 1024)} MB limit for one plan",
                "Check that this is a plan and not an archive or a scan",
            )
        with path.open("rb") as handle:
            return handle.read(1024)
    except FileNotFoundError:
        raise InputError(name, "file not found", "Check the path") from None
    except PermissionError:
        raise InputError(name, "permission denied", "Make the file readable (chmod +r) or copy it") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory", "Use `plan-audit corpus DIR` for a folder") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})", "Check the file") from None
