"""`--format markdown`: the reviewer's report (audit/report/review.py) as Markdown, to paste into an
e-mail, a ticket or a document. Vietnamese by default, English with --lang en.

Document text is neutralized: Markdown's punctuation and HTML are backslash-escaped, a cell's
`|` cannot split a table, line breaks become spaces, and bare web and e-mail addresses are split
where GitHub would link them, so a plan's words never turn into markup, links or raw HTML in the
rendered report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from audit.engine.engine import CheckRun
from audit.report.review import Item, PlanReport, Section, anchor, review

# CommonMark lets any ASCII punctuation be backslash-escaped. These make markup anywhere in a line
# (emphasis, code, link brackets, HTML, entities, table cells, headings, GitHub's math and strikethrough);
# "(" and "!" only matter after "[", which is escaped.
SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$#])")
# What opens a block at the start of a text placed after a list marker: "- x", "+ x", "1. x".
BLOCK_START = re.compile(r"^([-+]|\d+\.)")
# GitHub turns bare "https://...", "www...." and e-mail addresses into links. A backslash before
# their ":", "." or "@" leaves the text as it reads but splits it where the link would be seen.
AUTOLINK = re.compile(r"(?<=[A-Za-z])(:)(?=//)|(?<=www)(\.)|(@)(?=[\w-]+\.)", re.IGNORECASE)


def render(run: CheckRun, lang: str = "vi") -> str:
    return "".join(chunks(run, lang))


def chunks(run: CheckRun, lang: str = "vi") -> Iterator[str]:
    """The report's text: the title and totals, the overview a row at a time, then one plan at a
    time, then the closing line break."""
    report = review(run, lang)
    yield "\n".join([f"# {text(report.title)}", "", text(report.intro), "", *_facts(report.totals)])
    if report.overview:  # a row at a time: a corpus's overview is as long as the corpus
        columns = report.overview.columns
        yield "\n".join(["", "", f"## {text(report.overview.title)}", "", _row(columns), "|" + "---|" * len(columns)])
        for number, row in enumerate(report.overview.rows, 1):
            yield "\n" + _row(row, anchor(number))
    for plan in report.plans:
        # An anchor of our own (the heading's generated id differs between renderers) for the overview's links.
        yield "\n\n" + "\n".join([f'<a id="{plan.anchor}"></a>', "", f"## {text(plan.heading)}", "",
                                   *_facts(plan.facts), *_sections(plan)])
    yield "\n"


def _facts(pairs: list[tuple[str, str]]) -> list[str]:
    return [f"- **{text(label)}:** {text(value)}" for label, value in pairs]


def _sections(plan: PlanReport) -> list[str]:
    return [line for section in plan.sections for line in ["", f"### {text(section.title)}", "", *_body(section)]]


def _body(section: Section) -> list[str]:
    if not section.rows and not section.items:
        return [text(section.empty)]
    if section.columns:
        return [_row(section.columns), "|" + "---|" * len(section.columns), *(_row(row) for row in section.rows)]
    return [line for number, item in enumerate(section.items, 1) for line in _item(item, number, section.ordered)]


def _row(cells: list[str], link: str | None = None) -> str:
    """A table row; its first cell a link to `link` (an anchor of ours) when given."""
    shown = [text(cell) for cell in cells]
    if link:
        shown[0] = f"[{shown[0]}](#{link})"
    return "| " + " | ".join(shown) + " |"


def _item(item: Item, number: int, ordered: bool) -> list[str]:
    marker = f"{number}." if ordered else "-"
    indent = " " * (len(marker) + 1)
    return [f"{marker} {text(item.text)}", *(f"{indent}- {text(detail)}" for detail in item.details)]


def text(value: str) -> str:
    """`value` as literal Markdown text: one line, every markup character escaped."""
    escaped = SPECIAL.sub(r"\\\1", " ".join(str(value).split()))
    escaped = AUTOLINK.sub(lambda m: "\\" + m.group(0), escaped)
    return BLOCK_START.sub(lambda m: "\\" + m.group(1) if len(m.group(1)) == 1 else m.group(1)[:-1] + "\\.", escaped)
