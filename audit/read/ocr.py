"""Scanned pages: rendered by PDFium and read by Tesseract OCR with its Vietnamese data, page by page.

Each page is rendered at `DPI` in grey and handed to the `tesseract` program, which gives its words
with their boxes (TSV output); the words then make lines as a text layer's do (layout.py), so a
scanned header is rebuilt side by side like a typed one. Lines read this way are marked `ocr`:
their letters may be misread, and findings on them say so.

Tesseract runs as a program (no Python binding to install); the pages are written to a private
temporary folder that is removed afterwards. Without Tesseract or its Vietnamese data a scan is
refused with a message saying how to install them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

from audit.read.errors import InputError
from audit.read.layout import Word

DPI = 300  # Tesseract's accuracy on 11-13 pt text levels off at 300 dpi
LANGUAGE = "vie"
PAGE_TIMEOUT = 180  # seconds for one page; a page takes 2 to 10 s on a slow machine
_MIN_CONFIDENCE = 0  # Tesseract gives -1 for its block and line rows, 0..100 for words
_SPECK = 0.45  # a "word" less high than this share of the page's usual word height is a speck
_DASHES = {"-", "–", "—", "+"}  # flat but meaningful: bullets, "Độc lập - Tự do - Hạnh phúc"


@lru_cache(maxsize=1)
def _tesseract() -> str | None:
    """The tesseract program when it has the Vietnamese data, else None."""
    program = shutil.which("tesseract")
    if program is None:
        return None
    try:
        listed = subprocess.run([program, "--list-langs"], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return program if LANGUAGE in listed.split() else None


def available() -> bool:
    return _tesseract() is not None


def ocr_pages(name: str, document, pages: list[int]) -> dict[int, list[Word]]:
    """The words of the `pages` (0-based) of a PDFium `document`, read by OCR, in points from the
    page's top left corner like a text layer's."""
    program = _tesseract()
    if program is None:
        raise InputError(name, "ocr_missing")
    words: dict[int, list[Word]] = {}
    with tempfile.TemporaryDirectory(prefix="plan-audit-ocr-") as folder:
        for index in pages:
            image = Path(folder) / f"page-{index + 1}.pgm"
            _render(document[index], image)
            words[index] = _read_words(name, program, image)
    return words


def _render(page, target: Path) -> None:
    """The page as a grey image in the PGM format, which Tesseract reads and which needs no library."""
    bitmap = page.render(scale=DPI / 72, grayscale=True)
    try:
        width, height, stride = bitmap.width, bitmap.height, bitmap.stride
        data = bytes(bitmap.buffer)
    finally:
        bitmap.close()
    rows = b"".join(data[y * stride : y * stride + width] for y in range(height))
    target.write_bytes(b"P5\n%d %d\n255\n" % (width, height) + rows)


def _read_words(name: str, program: str, image: Path) -> list[Word]:
    # One thread per page: the machine's cores are better spent on other files of the batch.
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        result = subprocess.run(
            [program, str(image), "stdout", "-l", LANGUAGE, "--dpi", str(DPI), "tsv"],
            capture_output=True, timeout=PAGE_TIMEOUT, env=environment,
        )
    except subprocess.TimeoutExpired:
        raise InputError(name, "ocr_failed", detail=f"> {PAGE_TIMEOUT} s") from None
    if result.returncode != 0:
        raise InputError(name, "ocr_failed", detail=f"tesseract exit code {result.returncode}")
    return tsv_words(result.stdout.decode("utf-8", "replace"))


def tsv_words(tsv: str) -> list[Word]:
    """Words of Tesseract's TSV output (level, page, block, par, line, word, left, top, width,
    height, conf, text), their boxes from pixels at `DPI` to points."""
    words = []
    scale = 72 / DPI
    for row in tsv.splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) < 12 or not fields[11].strip() or float(fields[10]) < _MIN_CONFIDENCE:
            continue
        left, top, width, height = (int(v) * scale for v in fields[6:10])
        words.append(Word(fields[11].strip(), left, top, left + width, top + height))
    return _without_specks(words)


def _without_specks(words: list[Word]) -> list[Word]:
    """Words far smaller than the page's text: tone marks Tesseract parted from their capitals
    (over "SỞ THÔNG TIN" it may read "¬ . R"), dust and stamp dots. Left in, they would make lines
    of their own and break the header's columns."""
    if not words:
        return words
    heights = sorted(word.height for word in words)
    usual = heights[len(heights) // 2]
    return [word for word in words
            if word.height >= _SPECK * usual or word.text in _DASHES or word.text.isalnum() and len(word.text) > 1]
