"""Web pages saved from a legal portal or a commune's site (.html): the document's text, not the
site around it.

What is dropped: scripts and styles, and the parts of a page that are no document: navigation,
menus, the page's header and footer, side bars, forms, breadcrumbs, share buttons (by element,
role, or a class or id that says so; not a class saying "header", which may be the document's own). When the page marks its main text (`<main>`, `<article>`)
only that is read. Each block (paragraph, heading, list item, line break) is a line; a table row is
a line with `cells`, and a two-column layout table (the document's header) is read as a .docx one
is: line i holds the i-th line of each cell, "left | right".

Line numbers count the lines of text so obtained, from the top of the document's text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from audit.model import Line, SourceText
from audit.read.text import clean_line, decode, tidy

_SKIPPED = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "select",
            "button", "iframe", "svg", "menu", "head", "title"}
_BOILERPLATE = re.compile(r"nav|menu|breadcrumb|footer|sidebar|banner|share|social|comment|related|"
                          r"login|search|toolbar|copyright", re.IGNORECASE)
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article",
           "main", "blockquote", "pre", "dd", "dt", "ul", "ol", "center", "hr"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"}
_SPACES = re.compile(r"\s+")


def read_html(path: Path) -> SourceText:
    name = str(path)
    text, encoding = decode(name, path.read_bytes())
    page = _Page()
    page.feed(text)
    page.close()
    texts = page.lines()
    lines = [_line(i, cells) for i, cells in enumerate(texts, start=1)]
    return SourceText(path=name, format="html", encoding=encoding, lines=lines)


def _line(number: int, cells: list[str]) -> Line:
    text = " | ".join(cell for cell in cells if cell)
    line = clean_line(number, text)
    return line.model_copy(update={"cells": cells if len(cells) > 1 else None, "raw": " | ".join(cells)})


class _Page(HTMLParser):
    """The page as blocks of text; the `<main>`/`<article>` part kept apart when there is one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._stack: list[tuple[str, bool]] = []  # open elements: tag, and whether it is skipped
        self._skipping = 0
        self._all: list[list[str]] = []  # finished lines: [text] or a table row's cells
        self._main: list[list[str]] | None = None
        self._main_depth: int | None = None
        self._current: list[str] = []
        self._row: list[list[str]] | None = None  # the open table row: each cell's lines
        self._cell: list[str] | None = None
        self._outer: list[tuple[list[list[str]], list[str] | None]] = []  # rows around a nested table

    def lines(self) -> list[list[str]]:
        self._break()
        chosen = self._main if self._main else self._all
        return [cells for cells in chosen if any(cells)]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        marks = " ".join(value or "" for key, value in attrs if key in ("class", "id", "role"))
        skipped = tag in _SKIPPED or bool(_BOILERPLATE.search(marks))
        if tag in _VOID:
            if tag in ("br", "hr") and not self._skipping:
                self._break()
            return
        self._stack.append((tag, skipped))
        self._skipping += skipped
        if self._skipping:
            return
        if tag in ("main", "article") and self._main is None:
            self._break()
            self._main, self._main_depth = [], len(self._stack)
        if tag == "tr":
            self._break()
            if self._row is not None:  # a table inside a cell: its rows are lines of their own
                self._outer.append((self._row, self._cell))
                self._cell = None
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._break()
            self._cell = []
        elif tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not any(open_tag == tag for open_tag, _ in self._stack):
            return
        while self._stack:  # close what was left open inside it, as browsers do
            open_tag, skipped = self._stack.pop()
            self._skipping -= skipped
            if not self._skipping:
                self._close(open_tag)
            if open_tag == tag:
                break

    def _close(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._break()
            self._row.append(self._cell)
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self._break()
            row, self._row = self._row, None
            self._emit_row(row)
            if self._outer:
                self._row, self._cell = self._outer.pop()
        elif tag in _BLOCKS:
            self._break()
        if self._main_depth is not None and len(self._stack) < self._main_depth:
            self._main_depth = None  # the main part ended; what follows it is the site again

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._current.append(data)

    def _break(self) -> None:
        text = _SPACES.sub(" ", tidy("".join(self._current))).strip()
        self._current = []
        if not text:
            return
        if self._cell is not None:
            self._cell.append(text)
        else:
            self._add([text])

    def _emit_row(self, cells: list[list[str]]) -> None:
        if len(cells) <= 2:  # a layout table (the header): line i of each cell side by side
            for i in range(max((len(c) for c in cells), default=0)):
                self._add([cell[i] if i < len(cell) else "" for cell in cells])
        else:
            self._add([" ".join(cell) for cell in cells])

    def _add(self, cells: list[str]) -> None:
        self._all.append(cells)
        if self._main_depth is not None and self._main is not None:
            self._main.append(cells)
