"""PDF files with a text layer, read with pypdf.

Line numbers: line N is the N-th non-empty line of the text layer, counting from the top of the
first page and on across pages, in the reading order pypdf gives (top to bottom, left to right).
Empty lines are not counted: their number depends on the extractor's guess at vertical spacing,
while the lines of text are what a reviewer sees and counts in a PDF viewer.

Text is extracted in layout mode, which keeps the horizontal position of words. A wide gap
inside a line separates side-by-side columns (the header: issuer | Quốc hiệu; "Số: ..." | place
and date); such a line becomes "left | right" with `cells`, the shape of a portal copy's
flattened header, so the header parser reads both alike.

A PDF without a text layer (a scan) cannot be audited: the user is told to OCR it.
"""

from __future__ import annotations

import logging
import re
import warnings
from contextlib import contextmanager
from pathlib import Path

from audit.model import Line, SourceText
from audit.read.errors import InputError
from audit.read.legacy import refuse_legacy
from audit.read.text import clean_line

COLUMN_GAP = re.compile(r"\s{6,}")  # justified text stretches spaces to 2 or 3, never 6
_MIN_LETTERS = 20  # fewer letters than this in the whole text layer: a scan with a stray stamp


def read_pdf(path: Path) -> SourceText:
    """Read a PDF's text layer into lines; raises `InputError` for scans, locks and damage."""
    name = str(path)
    pages = _page_texts(name, path)
    raw_lines = [raw for page in pages for raw in page.split("\n") if raw.strip()]
    if sum(ch.isalpha() for raw in raw_lines for ch in raw) < _MIN_LETTERS:
        raise InputError(name, "pdf_scan")
    refuse_legacy(name, "\n".join(raw_lines))
    lines = [_line(number, raw) for number, raw in enumerate(raw_lines, start=1)]
    return SourceText(path=name, format="pdf", encoding=None, lines=lines)


def _page_texts(name: str, path: Path) -> list[str]:
    from pypdf import PdfReader  # heavy: imported only when a PDF is read
    from pypdf.errors import DependencyError

    try:
        with _quiet():
            reader = PdfReader(str(path))
            if reader.is_encrypted:
                _unlock(name, reader)
            return [page.extract_text(extraction_mode="layout") or "" for page in _bounded_pages(name, reader)]
    except InputError:
        raise
    except DependencyError:
        raise InputError(name, "pdf_locked.aes") from None
    except Exception as exc:  # pypdf raises many kinds for a broken file, not only PdfReadError
        raise InputError(name, "pdf_damaged", detail=type(exc).__name__) from None


@contextmanager
def _quiet():
    """pypdf logs and warns about every repair it makes; the user gets one clear line instead."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


# A page of a plan draws a few tens of KB of text operators. Extraction time grows with what a page
# draws, and pages may share one content stream (a 2 MB stream on 1,000 pages is 2 GB to extract):
# a page's and the whole file's content are bounded before any page is extracted.
MAX_PAGE_CONTENT = 1024 * 1024
MAX_CONTENT = 8 * 1024 * 1024


def _bounded_pages(name: str, reader) -> list:
    """The pages of `reader`, refused (InputError) when one page's or all pages' content is too large."""
    pages, total = list(reader.pages), 0
    for number, page in enumerate(pages, start=1):
        contents = page.get_contents()
        size = len(contents.get_data()) if contents is not None else 0
        total += size
        if size > MAX_PAGE_CONTENT or total > MAX_CONTENT:
            raise InputError(name, "pdf_heavy", page=number, size=size // 1024, total=total // 1024,
                             limit=(MAX_PAGE_CONTENT if size > MAX_PAGE_CONTENT else MAX_CONTENT) // 1024)
    return pages


def _unlock(name: str, reader) -> None:
    """Many official PDFs are encrypted only against editing, with an empty opening password."""
    if not reader.decrypt(""):
        raise InputError(name, "pdf_locked.password")



def _line(number: int, raw: str) -> Line:
    """A text-layer line; side-by-side columns become "left | right" cells."""
    cells = [re.sub(r"\s+", " ", cell) for cell in COLUMN_GAP.split(raw.strip())]
    text = " | ".join(cells)
    return clean_line(number, text).model_copy(update={"raw": raw.rstrip()})
