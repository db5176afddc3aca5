"""PDF files, read by the position of their words (pypdfium2, the PDFium engine of Chrome).

The text layer gives every character with its box; characters make words, and words make lines by
where they stand on the page (layout.py): top to bottom, the two-column header rebuilt side by
side, columns of a line ("Nơi nhận: | TM. ỦY BAN NHÂN DÂN") as `cells`. Why PDFium and not
pdfplumber or pypdf: docs/pdf-reading.md (accuracy and speed measured on renderings).

Line numbers: line N is the N-th line of text from the top of the first page, on across pages
(empty space is not counted); each line keeps its page, which reports show beside the number.

A page without a text layer but with an image (a scan) is read by OCR when Tesseract is installed
(ocr.py); its lines are marked `ocr`. Without Tesseract a PDF that is all scans is refused with a
message saying how to install it.
"""

from __future__ import annotations

from pathlib import Path

from audit.model import SourceText
from audit.read.errors import InputError
from audit.read.layout import Stroke, Word, lines_of_pages
from audit.read.legacy import refuse_legacy

_MIN_LETTERS = 20  # fewer letters than this in a whole PDF: nothing to audit
_SCANNED_PAGE = 5  # a page with an image and fewer letters than this has no text layer: a scan
_SPACES = frozenset(" \t\r\n\u00a0\u2002\u2003\u2009\ufffe\uffff")
_WORD_GAP = 0.25  # a gap wider than this share of the height between two letters ends a word
_ERR_PASSWORD, _ERR_SECURITY = 4, 5  # PDFium's FPDF_ERR_PASSWORD and FPDF_ERR_SECURITY


def read_pdf(path: Path) -> SourceText:
    """Read a PDF into lines; raises `InputError` for locks, damage and scans that cannot be read."""
    name = str(path)
    document = _open(name, path)
    try:
        pages = _bounded_words(name, document)
        strokes = [_strokes(document[i]) for i in range(len(document))]
        scanned = [i for i, words in enumerate(pages) if _letters(words) < _SCANNED_PAGE and _has_image(document[i])]
        read_by_ocr = _ocr(name, document, pages, scanned)
    except InputError:
        raise
    except Exception as exc:  # PDFium reports a broken page as a generic error
        raise InputError(name, "pdf_damaged", detail=type(exc).__name__) from None
    finally:
        document.close()
    if _letters([word for words in pages for word in words]) < _MIN_LETTERS:
        raise InputError(name, "ocr_empty" if read_by_ocr else "pdf_scan")
    lines = lines_of_pages(pages, ocr_pages=read_by_ocr, strokes=strokes)
    refuse_legacy(name, "\n".join(line.text for line in lines))
    return SourceText(path=name, format="pdf", encoding=None, lines=lines)


def _ocr(name: str, document, pages: list[list[Word]], scanned: list[int]) -> set[int]:
    """Read the `scanned` pages by OCR into `pages`; the pages so read. Without Tesseract, a PDF that
    is all scans is refused; one with a text layer elsewhere is read from that layer alone."""
    from audit.read import ocr

    if not scanned:
        return set()
    if not ocr.available():
        if _letters([word for words in pages for word in words]) < _MIN_LETTERS:
            raise InputError(name, "ocr_missing")
        return set()
    for index, words in ocr.ocr_pages(name, document, scanned).items():
        pages[index] = words
    return set(scanned)


def _strokes(page) -> list[Stroke]:
    """The boxes of what is drawn on the page (table borders among them), from the page's top."""
    import pypdfium2.raw as pdfium_c

    height = page.get_height()
    boxes = (path.get_bounds() for path in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]))
    return [Stroke(left, height - top, right, height - bottom) for left, bottom, right, top in boxes]


def _has_image(page) -> bool:
    import pypdfium2.raw as pdfium_c

    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))


def _open(name: str, path: Path):
    import pypdfium2 as pdfium  # heavy: imported only when a PDF is read

    try:
        # An empty password opens the many official PDFs encrypted only against editing.
        return pdfium.PdfDocument(str(path), password="")
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == _ERR_PASSWORD:
            raise InputError(name, "pdf_locked.password") from None
        if code == _ERR_SECURITY:
            raise InputError(name, "pdf_locked.aes") from None
        raise InputError(name, "pdf_damaged", detail=type(exc).__name__) from None


def _letters(words: list[Word]) -> int:
    return sum(ch.isalpha() for word in words for ch in word.text)


# A page of a plan holds a few thousand characters; pages may draw one shared content stream over and
# over (2 MB on each of 1,000 pages): each page's text, and the whole file's, is counted before any
# character is read.
MAX_PAGE_CHARS = 50_000


def _bounded_words(name: str, document) -> list[list[Word]]:
    """The words of every page, refused (InputError) when a page or the file holds too much text."""
    from audit.read import refuse_much_text

    pages, total = [], 0
    for index in range(len(document)):
        textpage = document[index].get_textpage()
        count = textpage.count_chars()
        total += count
        if count > MAX_PAGE_CHARS:
            textpage.close()
            raise InputError(name, "pdf_heavy", page=index + 1, chars=f"{count:,}", limit=f"{MAX_PAGE_CHARS:,}")
        refuse_much_text(name, total)
        pages.append(_page_words(document[index], textpage, count))
    return pages


def _page_words(page, textpage, count: int) -> list[Word]:
    """The words of a page's text layer with their boxes, in page coordinates from the top."""
    try:
        height = page.get_height()
        text = textpage.get_text_range(0, count) if count else ""
        if len(text) != count:  # a character outside the BMP counts once in PDFium, twice in `text`
            text = "".join(textpage.get_text_range(i, 1) or " " for i in range(count))
        chars = [(text[i], textpage.get_charbox(i, loose=True)) for i in range(count)]
    finally:
        textpage.close()
    return _words(chars, height)


def _words(chars: list[tuple[str, tuple[float, float, float, float]]], page_height: float) -> list[Word]:
    """Characters (with PDFium's boxes: left, bottom, right, top) joined into words: a word ends at
    a space or where the next letter is not right after the last one."""
    words: list[Word] = []
    letters: list[str] = []
    box: list[float] = []
    for ch, (left, bottom, right, top) in chars:
        if ch in _SPACES or right <= left:
            _flush(letters, box, words)
            continue
        x0, y0, x1, y1 = left, page_height - top, right, page_height - bottom
        if box and not _continues(box, x0, y0, y1):
            _flush(letters, box, words)
        if box:
            box[:] = [box[0], min(box[1], y0), max(box[2], x1), max(box[3], y1)]
        else:
            box[:] = [x0, y0, x1, y1]
        letters.append(ch)
    _flush(letters, box, words)
    return words


def _continues(box: list[float], x0: float, top: float, bottom: float) -> bool:
    height = box[3] - box[1]
    same_line = abs((top + bottom) / 2 - (box[1] + box[3]) / 2) < height / 2
    return same_line and -height < x0 - box[2] < _WORD_GAP * height


def _flush(letters: list[str], box: list[float], words: list[Word]) -> None:
    if letters:
        words.append(Word("".join(letters), box[0], box[1], box[2], box[3]))
    letters.clear()
    box.clear()
