"""Where a finding's line is, as a reader finds it: a PDF viewer shows pages, not text-line numbers,
and Word shows neither line nor paragraph numbers. A finding on such a document gets the page
(PDF) or the section heading and the first words of the paragraph (.docx, .odt, .doc, .rtf, a web
page) beside its line number; text and Markdown files keep the line number alone, which every
editor shows."""

from __future__ import annotations

from audit.messages import msg
from audit.model import Finding, Line, Plan, Section

PARAGRAPH_WORDS = 8  # enough words to find the paragraph with the viewer's search
_NO_LINE_NUMBERS = {"docx", "doc", "odt", "rtf", "html"}


def located(findings: list[Finding], plan: Plan, lang: str) -> list[Finding]:
    """`findings` with `page` and `where` filled for the lines a reader cannot find by number."""
    if plan.format != "pdf" and plan.format not in _NO_LINE_NUMBERS:
        return findings
    lines = {line.number: line for line in plan.lines}
    sections = list(_flat(plan.sections))
    out = []
    for finding in findings:
        line = lines.get(finding.line or 0)
        out.append(finding if line is None else finding.model_copy(update=_place(line, sections, lang)))
    return out


def _place(line: Line, sections: list[Section], lang: str) -> dict:
    if line.page:
        return {"page": line.page, "where": msg("finding.where.page", lang, page=line.page)}
    section = next((s for s in reversed(sections) if s.line <= line.number <= s.end_line), None)
    heading = f"{section.marker}. {section.title}" if section and section.marker else (section.title if section else "")
    words = line.text.split()
    paragraph = " ".join(words[:PARAGRAPH_WORDS]) + ("…" if len(words) > PARAGRAPH_WORDS else "")
    if section and section.line == line.number or not paragraph:
        return {"where": msg("finding.where.section", lang, section=heading)} if heading else {}
    if not heading:
        return {"where": msg("finding.where.paragraph", lang, paragraph=paragraph)}
    return {"where": msg("finding.where.both", lang, section=heading, paragraph=paragraph)}


def _flat(sections: list[Section]):
    """Sections in document order, each before its children (the deepest match is the last one)."""
    for section in sections:
        yield section
        yield from _flat(section.children)
