"""Words placed on a page to lines as a reader reads them: the geometry shared by the PDF text layer
(pdf.py) and OCR (ocr.py), which both give words with their boxes.

* Words whose vertical middles fall within one another's height form a visual line; lines are read
  top to bottom, words left to right.
* A horizontal gap wider than `COLUMN_GAP` times the line's height separates side-by-side columns:
  such a line gets `cells` and "left | right" as its text, the shape of a portal copy's flattened
  header, so the header parser reads all formats alike.
* The two-column header at the top of the first page (issuer | Quốc hiệu; "Số: ..." | place and
  date) is rebuilt side by side: word processors place the two columns' lines at different heights
  (a wrapped issuer name, a motto on three lines), so a line-by-line reading would interleave them
  ("SỞ THÔNG TIN VÀ TRUYỀN" / "VIỆT NAM" / "THÔNG"). The left column's lines are paired with the
  right column's by their order, as a .docx header table is read (docx.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from audit.model import Line
from audit.read.text import clean_line

COLUMN_GAP = 1.8  # in line heights: justified text stretches a space to about one height, never two
HEADER_ROWS = 20  # the header lies within the first lines of the first page


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    top: float  # distances from the page's top edge, growing downwards
    x1: float
    bottom: float

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


Segment = list[Word]  # words of one column of a visual line, left to right
Row = list[Segment]  # a visual line: its segments, left to right


def page_rows(words: list[Word]) -> list[Row]:
    """The visual lines of a page, top to bottom, each cut into segments at column gaps."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.middle, w.x0)):
        current = lines[-1] if lines else None
        if current and abs(word.middle - current[0].middle) <= max(current[0].height, word.height) / 2:
            current.append(word)
        else:
            lines.append([word])
    return [_segments(sorted(line, key=lambda w: w.x0)) for line in lines]


def _segments(words: list[Word]) -> Row:
    height = max(w.height for w in words)
    row: Row = [[words[0]]]
    for previous, word in zip(words, words[1:]):
        if word.x0 - previous.x1 > COLUMN_GAP * height:
            row.append([word])
        else:
            row[-1].append(word)
    return row


def lines_of_pages(pages: list[list[Word]], ocr_pages: set[int] = frozenset()) -> list[Line]:
    """The lines of a document from its pages' words: numbered from 1 across pages, each with its
    page, the first page's header rebuilt side by side; lines of `ocr_pages` (0-based) marked `ocr`."""
    lines: list[Line] = []
    for page_number, words in enumerate(pages, start=1):
        rows = page_rows(words)
        texts = _header_first(rows) if page_number == 1 else [_cells_of(row) for row in rows]
        for cells in texts:
            lines.append(_line(len(lines) + 1, cells, page_number, page_number - 1 in ocr_pages))
    return lines


def _cells_of(row: Row) -> list[str]:
    return [" ".join(w.text for w in segment) for segment in row]


def _header_first(rows: list[Row]) -> list[list[str]]:
    """The first page's lines, its header block (from the top to the last line that has text on
    both sides of the columns' boundary) as pairs of the left and right columns' lines."""
    boundary, last = _header_extent(rows)
    if boundary is None:
        return [_cells_of(row) for row in rows]
    left: list[str] = []
    right: list[str] = []
    for row in rows[: last + 1]:
        for segment in row:
            side = left if (segment[0].x0 + segment[-1].x1) / 2 < boundary else right
            side.append(" ".join(w.text for w in segment))
    pairs = [[_at(left, i), _at(right, i)] for i in range(max(len(left), len(right)))]
    return pairs + [_cells_of(row) for row in rows[last + 1 :]]


def _at(texts: list[str], i: int) -> str:
    return texts[i] if i < len(texts) else ""


def _header_extent(rows: list[Row]) -> tuple[float | None, int]:
    """The x that divides the header's two columns (between the first two-column line's parts) and
    the index of the last line, among the first lines, with text on both sides of it."""
    first = next((i for i, row in enumerate(rows[:HEADER_ROWS]) if len(row) == 2), None)
    if first is None:
        return None, -1
    boundary = (rows[first][0][-1].x1 + rows[first][1][0].x0) / 2
    last = first
    for i in range(first + 1, min(len(rows), HEADER_ROWS)):
        row = rows[i]
        if any(seg[0].x0 < boundary < seg[-1].x1 for seg in row):
            break  # a line across the boundary (the title, a paragraph): the header is above it
        if len(row) == 2:
            last = i
    return boundary, last


def _line(number: int, cells: list[str], page: int, ocr: bool) -> Line:
    text = " | ".join(cell for cell in cells if cell)
    line = clean_line(number, text)
    # One segment keeps the cells `clean_line` found in its text: a "left | right" line printed from
    # a portal copy is read as the copy itself is.
    return line.model_copy(update={
        "raw": " | ".join(cells), "cells": cells if len(cells) > 1 else line.cells, "page": page, "ocr": ocr,
    })
