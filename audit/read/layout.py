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
* A ruled table (its borders drawn: `Stroke`s) gives one line per row, each cell's wrapped lines
  joined, as a .docx table row is read.
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


def lines_of_pages(pages: list[list[Word]], ocr_pages: set[int] = frozenset(),
                   strokes: list[list[Stroke]] | None = None) -> list[Line]:
    """The lines of a document from its pages' words: numbered from 1 across pages, each with its
    page, the first page's header rebuilt side by side, a ruled table's rows one line each (from
    the page's `strokes`); lines of `ocr_pages` (0-based) marked `ocr`."""
    lines: list[Line] = []
    for index, words in enumerate(pages):
        table_rows, words = ruled_rows(words, strokes[index] if strokes else [])
        rows = page_rows(words)
        texts = _header_first(rows) if index == 0 else [(row[0][0].top, _cells_of(row)) for row in rows]
        for _, cells in sorted(texts + table_rows, key=lambda item: item[0]):  # stable: the header stays first
            lines.append(_line(len(lines) + 1, cells, index + 1, index in ocr_pages))
    return lines


def _cells_of(row: Row) -> list[str]:
    return [" ".join(w.text for w in segment) for segment in row]


def _header_first(rows: list[Row]) -> list[tuple[float, list[str]]]:
    """The first page's lines and where they begin, its header block (from the top to the last line
    that has text on both sides of the columns' boundary) as pairs of the left and right columns' lines."""
    boundary, last = _header_extent(rows)
    if boundary is None:
        return [(row[0][0].top, _cells_of(row)) for row in rows]
    left: list[str] = []
    right: list[str] = []
    for row in rows[: last + 1]:
        for segment in row:
            side = left if (segment[0].x0 + segment[-1].x1) / 2 < boundary else right
            side.append(" ".join(w.text for w in segment))
    top = rows[0][0][0].top
    pairs = [(top, [_at(left, i), _at(right, i)]) for i in range(max(len(left), len(right)))]
    return pairs + [(row[0][0].top, _cells_of(row)) for row in rows[last + 1 :]]


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


@dataclass(frozen=True)
class Stroke:
    """A line drawn on the page (a table's border), as its box from the page's top."""

    x0: float
    top: float
    x1: float
    bottom: float


_RULE_WIDTH = 2.0  # a border is drawn at most this thick
_SAME = 2.0  # borders this close are one


def ruled_rows(words: list[Word], strokes: list[Stroke]) -> tuple[list[tuple[float, list[str]]], list[Word]]:
    """The rows of ruled tables (where `strokes` draw a grid of two columns or more), each with its
    top and its cells' texts, and the words outside them. A row is one line however its cells wrap,
    as a .docx table row is read."""
    across = sorted({round(s.top) for s in strokes if s.bottom - s.top <= _RULE_WIDTH and s.x1 - s.x0 > 10})
    down = [s for s in strokes if s.x1 - s.x0 <= _RULE_WIDTH and s.bottom - s.top > 5]
    rows, taken = [], set()
    for top, bottom in zip(across, across[1:]):
        xs = _merged([(s.x0 + s.x1) / 2 for s in down if s.top <= top + _SAME and s.bottom >= bottom - _SAME])
        if len(xs) < 3:
            continue
        cells: list[list[Word]] = [[] for _ in xs[1:]]
        for i, word in enumerate(words):
            middle_x = (word.x0 + word.x1) / 2
            if top < word.middle < bottom and xs[0] < middle_x < xs[-1]:
                cells[sum(x < middle_x for x in xs[1:-1])].append(word)
                taken.add(i)
        if any(cells):
            rows.append((float(top), [_text(cell) for cell in cells]))
    return rows, [word for i, word in enumerate(words) if i not in taken]


def _text(words: list[Word]) -> str:
    """A cell's words in reading order, its wrapped lines joined by a space."""
    return " ".join(" ".join(_cells_of(row)) for row in page_rows(words))


def _merged(values: list[float]) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > _SAME:
            out.append(value)
    return out


def _line(number: int, cells: list[str], page: int, ocr: bool) -> Line:
    text = " | ".join(cell for cell in cells if cell)
    line = clean_line(number, text)
    # One segment keeps the cells `clean_line` found in its text: a "left | right" line printed from
    # a portal copy is read as the copy itself is.
    return line.model_copy(update={
        "raw": " | ".join(cells), "cells": cells if len(cells) > 1 else line.cells, "page": page, "ocr": ocr,
    })
