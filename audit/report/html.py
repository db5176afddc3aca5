"""`--format html`: the reviewer's report (audit/report/review.py) as one self-contained HTML file
to send back to a plan's authors: inline CSS, no script, nothing fetched, and a print layout (each
plan on its own pages, tables that do not split rows). Vietnamese by default, English with --lang en.

Every text from a document (and from us) is escaped with html.escape, so a plan containing
`<script>` shows it as text. The Content-Security-Policy forbids scripts and every fetch as well,
should anything ever slip through.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from audit.engine.engine import CheckRun
from audit.report.review import Item, PlanReport, Section, anchor, review

POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

STYLE = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --error: #b42318; --warning: #9a6700;
        --info: #0969da; --waived: #8250df; --ok: #1a7f37; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); line-height: 1.5;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; margin-top: 2.5rem;
     overflow-wrap: anywhere; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
.intro, .empty, .details { color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .75rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; }
th { background: #f6f8fa; white-space: nowrap; }
ul.items, ol.items { padding-left: 1.5rem; }
ul.items li, ol.items li { margin: .35rem 0; }
.details { list-style: none; padding-left: 0; font-size: .9rem; overflow-wrap: anywhere; }
li.error { border-left: 4px solid var(--error); padding-left: .5rem; }
li.warning { border-left: 4px solid var(--warning); padding-left: .5rem; }
li.info { border-left: 4px solid var(--info); padding-left: .5rem; }
li.waived { border-left: 4px solid var(--waived); padding-left: .5rem; }
.totals { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; padding: .75rem 1rem; border: 1px solid var(--line);
          border-radius: 6px; background: #f6f8fa; }
.totals b { margin-right: .25rem; }
nav.overview { margin-top: 1.5rem; }
nav.overview td:not(:first-child), nav.overview th:not(:first-child) { text-align: right; white-space: nowrap; }
nav.overview a { color: var(--info); }
nav.overview td:first-child { width: 45%; }
@media print {
  body { max-width: none; margin: 0; font-size: 10pt; }
  section.plan { break-before: page; }
  h2 { margin-top: 0; }
  h2, h3 { break-after: avoid; }
  tr, li { break-inside: avoid; }
  th, .totals { background: none; }
  a { color: inherit; text-decoration: none; }
  /* Requirements met: a line each, so a plan with few findings fits on its page. */
  table.compact { font-size: 8pt; table-layout: fixed; }
  table.compact td { padding: 0 .3rem; }
  table.compact td > div { max-height: 1.3em; overflow: hidden; }
  ul.compact { columns: 2; font-size: 8pt; }
  ul.compact li { margin: 0; }
}
"""


def render(run: CheckRun, lang: str = "vi") -> str:
    return "".join(chunks(run, lang))


def chunks(run: CheckRun, lang: str = "vi") -> Iterator[str]:
    """The page: its head, title, totals and overview (a row at a time), then one plan's section at
    a time, then its end."""
    report = review(run, lang)
    totals = "".join(f"<span><b>{escape(label)}:</b>{escape(value)}</span>" for label, value in report.totals)
    yield f"""<!DOCTYPE html>
<html lang="{escape(report.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{escape(POLICY)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(report.title)}</title>
<style>{STYLE}</style>
</head>
<body>
<header>
<h1>{escape(report.title)}</h1>
<p class="intro">{escape(report.intro)}</p>
<div class="totals">{totals}</div>
"""
    if report.overview:  # a row at a time: a corpus's overview is as long as the corpus
        yield f'<nav class="overview">\n<h2>{escape(report.overview.title)}</h2>\n'
        yield from _table_parts(report.overview)
        yield "\n</nav>\n"
    yield """</header>
<main>
"""
    for number, plan in enumerate(report.plans):
        yield ("\n" if number else "") + _plan(plan)  # a line break between two sections
    yield """
</main>
</body>
</html>
"""


def _plan(plan: PlanReport) -> str:
    facts = "".join(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in plan.facts)
    sections = "\n".join(_section(section) for section in plan.sections)
    return (f'<section class="plan" id="{escape(plan.anchor)}">\n<h2>{escape(plan.heading)}</h2>\n'
            f'<dl class="facts">{facts}</dl>\n{sections}\n</section>')


def _section(section: Section) -> str:
    head = f"<h3>{escape(section.title)}</h3>"
    if not section.rows and not section.items:
        return f'{head}\n<p class="empty">{escape(section.empty)}</p>'
    if section.columns:
        return f"{head}\n{_table(section)}"
    tag = "ol" if section.ordered else "ul"
    items = "\n".join(_item(item) for item in section.items)
    kind = "items compact" if section.compact else "items"
    return f'{head}\n<{tag} class="{kind}">\n{items}\n</{tag}>'


def _table(section: Section) -> str:
    return "".join(_table_parts(section))


def _table_parts(section: Section) -> Iterator[str]:
    """A table a row at a time; a compact one's cells in a box print may cut short; the first
    cells linked to the plans' parts when the section asks."""
    header = "".join(f"<th>{escape(column)}</th>" for column in section.columns)
    kind = ' class="compact"' if section.compact else ""
    yield f"<table{kind}>\n<thead><tr>{header}</tr></thead>\n<tbody>\n"
    for number, row in enumerate(section.rows, 1):
        cells = [escape(cell) for cell in row]
        if section.linked:
            cells[0] = f'<a href="#{anchor(number)}">{cells[0]}</a>'
        if section.compact:
            cells = [f"<div>{cell}</div>" for cell in cells]
        yield "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>\n"
    yield "</tbody>\n</table>"


def _item(item: Item) -> str:
    kind = f' class="{escape(item.kind)}"' if item.kind else ""
    details = "".join(f"<li>{escape(detail)}</li>" for detail in item.details)
    return f"<li{kind}>{escape(item.text)}" + (f'<ul class="details">{details}</ul>' if details else "") + "</li>"
