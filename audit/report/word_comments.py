"""`--format docx`: each plan back to its authors as a Word document with a comment on each finding,
where Word shows it, since the line numbers of a report are not shown by Word.

A .docx plan is copied (the original is never touched) and each comment anchored on the paragraph
that holds the finding's line, counted as audit/read/docx.py counts lines: each paragraph's visual
lines, each table row (a layout table's i-th line of a row: the i-th line of its first cell that
has one). A text or PDF plan becomes a document of its lines, a paragraph per line, the file named
in the page header. A finding without a line, or with a line past the end, goes on the first
paragraph. Comments are by "plan-audit": what is wrong or missing, what to do, and the parent's
line that asks for it. Everything from a plan is set as text, never read as markup.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from audit.engine.engine import Audited, CheckRun
from audit.model import Finding
from audit.read.docx import _cell_lines
from audit.read.errors import InputError
from audit.report.paths import PathStyle
from audit.report.view import rules_by_code, to_add_one, words
from audit.report.word import new_document, save, targets

AUTHOR, INITIALS = "plan-audit", "PA"


def write(run: CheckRun, output: str, lang: str, paths: PathStyle) -> None:
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in run.findings:
        if not finding.waived:
            by_path[finding.path].append(finding)
    rules = rules_by_code(run)
    for item, target in targets(run, output, paths, "gop-y"):
        try:
            document, paragraphs = _document(item, paths, lang)
        except InputError as error:  # changed or gone since it was audited: the other plans still get theirs
            sys.stderr.write(f"plan-audit: warning: {error.message(lang)}\n")
            continue
        for finding in by_path.get(item.path, []):
            paragraph = paragraphs[finding.line - 1] if finding.line and finding.line <= len(paragraphs) else paragraphs[0]
            comment(document, paragraph, comment_text(finding, rules, lang, paths))
        save(document, target)


def _document(item: Audited, paths: PathStyle, lang: str):
    """The document to comment and its paragraph for each line (index: line - 1)."""
    if item.plan.format == "docx" and Path(item.path).is_file():
        from docx import Document

        document = Document(item.path)
        return document, line_paragraphs(document) or [_first_paragraph(document)]
    return _rendering(item, paths, lang)


def line_paragraphs(document) -> list:
    """The paragraph of each line audit/read/docx.py reads from `document`, in its order."""
    from docx.table import Table

    from audit.read.docx import _distinct_cells

    out: list = []
    for block in document.iter_inner_content():
        if not isinstance(block, Table):
            out += [block] * (block.text.count("\n") + 1)
            continue
        for row in block.rows:
            cells = _distinct_cells(row)
            if not cells:
                continue
            if len(block.columns) > 2:
                out.append(cells[0].paragraphs[0])
                continue
            columns = [_cell_line_paragraphs(cell) for cell in cells]
            for index in range(max(len(column) for column in columns)):
                out.append(next(column[index] for column in columns if index < len(column)))
    return out


def _cell_line_paragraphs(cell) -> list:
    """A layout cell's paragraph per visual line, without the empty lines at its end (as read)."""
    lines = [paragraph for paragraph in cell.paragraphs for _ in paragraph.text.split("\n")]
    return lines[:len(_cell_lines(cell))]


def _first_paragraph(document):
    return document.paragraphs[0] if document.paragraphs else document.add_paragraph()


def _rendering(item: Audited, paths: PathStyle, lang: str):
    """A text or PDF plan as a document: a paragraph per line, the file's name in the page header."""
    from audit.read import read_source

    document = new_document()
    shown = paths.shown(item.path)
    document.core_properties.title = shown
    document.sections[0].header.paragraphs[0].text = f"{words(lang)['plan_file']}: {shown}"
    lines = read_source(item.path).lines
    paragraphs = [document.add_paragraph(line.text) for line in lines]
    return document, paragraphs or [document.add_paragraph("")]


def comment(document, paragraph, text: str) -> None:
    """A comment by plan-audit anchored on the whole of `paragraph`."""
    runs = paragraph.runs or [paragraph.add_run("")]
    document.add_comment(runs, text=text, author=AUTHOR, initials=INITIALS)


def comment_text(finding: Finding, rules: dict, lang: str, paths: PathStyle) -> str:
    """What is wrong or missing (code and message), what to do, and the parent's line asking for it."""
    w = words(lang)
    parts = [f"{finding.rule}: {finding.message}", f"{w['what_to_do']}: {to_add_one(finding, rules, lang)}"]
    if finding.parent_line:
        parent = paths.shown(finding.parent_path) if finding.parent_path else w["parent_plan"]
        quote = f": “{finding.parent_text}”" if finding.parent_text else ""
        parts.append(f"{w['parent_asks']} ({parent}, {w['line']} {finding.parent_line}){quote}")
    return "\n".join(" ".join(part.split()) for part in parts)
