"""Build .docx and PDF files from a plan's text, laid out the way real plans are.

    write_docx(plan_lines, path)   header as a two-column Word table, body paragraphs (bold kept),
                                   tab-separated rows as a real Word table
    write_pdf(plan_lines, path)    the same layout in a PDF with a real text layer (fpdf2, DejaVuSans)

`plan_lines` are the lines of a text or Markdown plan (e.g. a seed's `read_text().splitlines()`).
The header is the lines above the title ("KẾ HOẠCH"): issuer block | Quốc hiệu on the first row,
"Số: ..." | "place, ngày ..." on the second. Nothing is added to the plan's words: a header without
an issuer gives a table without one. Used by the tests and by the fixtures generator.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from audit.parse.docref import HEADER_NUMBER_RE
from audit.parse.header import MOTTO_RE, PLACE_DATE_RE, find_title
from audit.read.text import clean_line

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"


@dataclass
class Layout:
    """A plan cut into what a word processor lays out: header table, then paragraphs and tables."""

    header: list[tuple[list[str], list[str]]] = field(default_factory=list)  # rows of (left, right) lines
    body: list[tuple[str, object]] = field(default_factory=list)  # ("paragraph", (text, bold)) | ("table", rows)


def layout(plan_lines: list[str]) -> Layout:
    lines = [clean_line(i, raw) for i, raw in enumerate(plan_lines, start=1)]
    title_at = find_title(lines) or 0
    result = Layout(header=_header_rows([line.text for line in lines[:title_at] if line.text]))
    rows: list[list[str]] = []
    for line in lines[title_at:]:
        if line.cells and len(line.cells) > 1:
            rows.append(line.cells)
            continue
        if rows and not line.text:
            continue  # a blank line inside a table
        if rows:
            result.body.append(("table", rows))
            rows = []
        if line.text:
            result.body.append(("paragraph", (line.text, line.bold)))
    if rows:
        result.body.append(("table", rows))
    return result


def _header_rows(texts: list[str]) -> list[tuple[list[str], list[str]]]:
    issuer, motto, number, date = [], [], [], []
    for text in texts:
        if MOTTO_RE.search(text):
            motto.append(text)
        elif HEADER_NUMBER_RE.search(text):
            number.append(text)
        elif PLACE_DATE_RE.search(text):
            date.append(text)
        else:
            issuer.append(text)
    return [(left, right) for left, right in ((issuer, motto), (number, date)) if left or right]


def write_docx(plan_lines: list[str], path: str | Path) -> Path:
    """A .docx of the plan: header table, paragraphs, appendix tables."""
    from docx import Document

    plan = layout(plan_lines)
    document = Document()
    if plan.header:
        table = document.add_table(rows=0, cols=2)
        for left, right in plan.header:
            cells = table.add_row().cells
            _fill_cell(cells[0], left)
            _fill_cell(cells[1], right)
    for kind, content in plan.body:
        if kind == "paragraph":
            text, bold = content
            document.add_paragraph().add_run(text).bold = bold
        else:
            width = max(len(row) for row in content)
            table = document.add_table(rows=0, cols=width)
            for row in content:
                for cell, text in zip(table.add_row().cells, row):
                    cell.text = text
    document.save(str(path))
    return Path(path)


def _fill_cell(cell, texts: list[str]) -> None:
    """One paragraph per line, as in a real header cell."""
    cell.paragraphs[0].text = texts[0] if texts else ""
    for text in texts[1:]:
        cell.add_paragraph(text)


def write_pdf(plan_lines: list[str], path: str | Path) -> Path:
    """A PDF of the plan with a real (Unicode) text layer; needs the DejaVuSans font."""
    from fpdf import FPDF

    plan = layout(plan_lines)
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_font("DejaVu", "B", str(FONT_BOLD if FONT_BOLD.exists() else FONT))
    pdf.add_page()
    pdf.set_font("DejaVu", size=11)
    half = pdf.epw / 2
    for left, right in plan.header:
        for i in range(max(len(left), len(right))):
            pdf.cell(half, 6, left[i] if i < len(left) else "", align="C")
            pdf.cell(half, 6, right[i] if i < len(right) else "", align="C", new_x="LMARGIN", new_y="NEXT")
    for kind, content in plan.body:
        if kind == "paragraph":
            text, bold = content
            pdf.set_font("DejaVu", "B" if bold else "", 11)
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        else:
            _pdf_table(pdf, content)
    pdf.set_font("DejaVu", "", 11)
    pdf.output(str(path))
    return Path(path)


def _pdf_table(pdf, rows: list[list[str]]) -> None:
    width = max(len(row) for row in rows)
    pdf.set_font("DejaVu", "", 8)
    with pdf.table() as table:
        for row in rows:
            cells = table.row()
            for text in row + [""] * (width - len(row)):
                cells.cell(text)
    pdf.set_font("DejaVu", "", 11)
