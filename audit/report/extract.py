"""What `plan-audit extract` shows: the plan as understood, as JSON (CONTRACT.md; schema
docs/schema/extract.schema.json) or a rich tree."""

from __future__ import annotations

import json

from audit.messages import msg
from audit.model import DocRef, Plan, Section

SCHEMA_VERSION = 1
HEADER_FIELDS = ("doc_type", "number", "symbol", "date", "place", "issuer", "level", "year", "title")


def _ref(ref: DocRef) -> dict:
    data = ref.model_dump(mode="json")
    data["reference"] = ref.reference
    return data


def _section(section: Section) -> dict:
    return {
        "marker": section.marker, "title": section.title, "kind": section.kind, "kinds": section.kinds,
        "line": section.line, "end_line": section.end_line, "children": [_section(c) for c in section.children],
    }


def extract_document(plan: Plan) -> dict:
    header = plan.header.model_dump(mode="json")
    return {
        "schema_version": SCHEMA_VERSION,
        "path": plan.path,
        "format": plan.format,
        "header": {**{k: header[k] for k in HEADER_FIELDS},
                   "parent_body": header["parent_body"], "national_motto": header["national_motto"],
                   "lines": header["lines"]},
        "citations": [_ref(c) for c in plan.citations],
        "concepts": [c.model_dump(mode="json", exclude_none=True) for c in plan.concepts],
        "mentions": [_ref(m) for m in plan.mentions],
        "sections": [_section(s) for s in plan.sections],
        "units": [u.model_dump(mode="json") for u in plan.units],
        "timeline": [t.model_dump(mode="json") for t in plan.timeline],
        "appendix": plan.appendix.model_dump(mode="json") if plan.appendix else None,
        "recipients": [r.model_dump(mode="json") for r in plan.recipients],
        "signer": plan.signer.model_dump(mode="json") if plan.signer else None,
    }


def extract_json(plan: Plan) -> str:
    return json.dumps(extract_document(plan), ensure_ascii=False, indent=2)


def extract_rich(plan: Plan, console, lang: str = "vi") -> None:
    """The plan as a tree a reviewer can check at a glance. Document text is never markup."""
    from rich.text import Text
    from rich.tree import Tree

    h = plan.header
    root = Tree(Text(f"{plan.path}", style="bold"))
    head = root.add(Text(msg("extract.header", lang), style="bold cyan"))
    for field in HEADER_FIELDS:
        value = getattr(h, field)
        head.add(Text.assemble((f"{field}: ", "dim"), str(value) if value is not None else "—"))
    cites = root.add(Text(msg("extract.citations", lang, count=len(plan.citations)), style="bold cyan"))
    for c in plan.citations:
        cites.add(Text.assemble(
            (f"L{c.line} ", "dim"), (c.relation, "magenta"), " ",
            f"{c.doc_type or '?'} {c.reference or ''} {c.date or c.date_text or ''} — {c.issuer or '?'}",
        ))
    secs = root.add(Text(msg("extract.sections", lang), style="bold cyan"))
    _add_sections(secs, plan.sections)
    units = root.add(Text(msg("extract.units", lang, count=len(plan.units)), style="bold cyan"))
    for u in plan.units:
        tasks = msg("extract.tasks", lang, count=len(u.tasks))
        units.add(Text.assemble((f"L{u.line} ", "dim"), u.name, (f"  {', '.join(u.roles)} · {tasks}", "dim")))
    concepts = root.add(Text(msg("extract.concepts", lang, count=len(plan.concepts)), style="bold cyan"))
    for c in plan.concepts:
        lines = ", ".join(str(e.line) for e in c.evidence[:8])
        concepts.add(Text.assemble(c.id, (f"  L{lines}", "dim")))
    if plan.appendix:
        a = plan.appendix
        app = root.add(Text.assemble((msg("extract.appendix", lang) + " ", "bold cyan"), (f"L{a.line} ", "dim"), a.title))
        if a.attached_to:
            attached = f"{a.attached_to.reference} {a.attached_to.date or a.attached_to.date_text}"
            app.add(Text(f"{msg('extract.attached', lang)}: {attached}"))
        for t in a.tables:
            app.add(Text(msg("extract.table", lang, line=t.line, rows=len(t.rows), columns=len(t.columns))))
    if plan.signer:
        s = plan.signer
        root.add(Text.assemble((msg("extract.signer", lang) + " ", "bold cyan"), (f"L{s.line} ", "dim"),
                               " · ".join(x for x in (s.prefix, s.authority, s.position, s.name) if x)))
    console.print(root)


def _add_sections(node, sections: list[Section]) -> None:
    from rich.text import Text

    for s in sections:
        kind = "" if s.kind == "other" else f"  [{', '.join(s.kinds)}]"
        child = node.add(Text.assemble((f"L{s.line} ", "dim"), f"{s.marker}. {s.title[:70]}", (kind, "green")))
        _add_sections(child, s.children)
