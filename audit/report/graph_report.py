"""What `plan-audit graph DIR` shows: the plan hierarchy and its gaps, as a rich tree or JSON.

JSON (`--format json`), schema_version 1:

    {"schema_version": 1, "root": "DIR",
     "documents": [{"path", "doc_type", "number", "symbol", "reference", "date", "year", "issuer",
                    "level", "title", "parent": path or null, "children": [path, ...]}],
     "links": [{"child": path, "parent": path, "relation": "thuc_hien" | "can_cu",
                "line": citation line in the child, "text": the citation}],
     "unresolved": [{"reference": "05/KH-UBND", "doc_type", "number", "symbol", "date", "year",
                     "issuer", "count": number of citing plans,
                     "cited_by": [{"path", "line", "relation", "text"}],
                     "candidates": [path, ...]  (documents it could be, when more than one),
                     "other_dates": [{"path", "date"}]  (same number and issuer, another date:
                                                         the citation may have the date wrong)}],
     "cycles": [[path, ...], ...],
     "duplicates": [{"reference", "issuer", "year", "paths": [path, ...]}],
     "no_parent": [{"path", "issuer", "level", "cites": [reference, ...]}],
     "missing": [{"issuer", "year", "paths": [the issuer's plans of that year in the folder],
                  "reference": the number plans cite when the issuer's plan is not in the folder,
                  "expected": [unit, ...], "missing": [unit, ...]}],   (with --expected only)
     "problems": [{"path", "message"}],    (files that could not be read)
     "summary": {"documents", "links", "unresolved", "cycles", "duplicates", "no_parent",
                 "missing", "problems"}}

Dates are ISO `YYYY-MM-DD`; lines are 1-based in the citing file; lists are in path order.
Schema: docs/schema/graph.schema.json.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from audit.graph import MissingUnits, PlanGraph, UnresolvedGroup
from audit.messages import msg
from audit.read.errors import InputError

SCHEMA_VERSION = 1


def graph_document(root: Path, problems: list[InputError], graph: PlanGraph, missing: list[MissingUnits] | None,
                   lang: str = "vi") -> dict:
    unresolved = graph.unresolved_groups()
    data = {
        "schema_version": SCHEMA_VERSION,
        "root": str(root),
        "documents": [_document(graph, path) for path in graph.plans],
        "links": [
            {"child": child, "parent": parent, **_link(data)}
            for child, parent, data in sorted(graph.graph.edges(data=True))
        ],
        "unresolved": [_unresolved(graph, group) for group in unresolved],
        "cycles": graph.cycles(),
        "duplicates": [
            {"reference": key.reference, "issuer": key.issuer, "year": key.year, "paths": paths}
            for key, paths in graph.duplicates()
        ],
        "no_parent": [_no_parent(graph, path) for path in graph.no_parent()],
        "missing": [vars(item) for item in missing or []],
        "problems": [{"path": p.path, "message": p.message(lang)} for p in problems],
    }
    data["summary"] = {
        "documents": len(data["documents"]), "links": len(data["links"]),
        **{name: len(data[name]) for name in
           ("unresolved", "cycles", "duplicates", "no_parent", "problems")},
        "missing": sum(len(item["missing"]) for item in data["missing"]),
    }
    return data


def graph_json(root: Path, problems: list[InputError], graph: PlanGraph, missing: list[MissingUnits] | None, lang: str = "vi") -> str:
    return json.dumps(graph_document(root, problems, graph, missing, lang), ensure_ascii=False, indent=2)


def _document(graph: PlanGraph, path: str) -> dict:
    h = graph.plans[path].header
    return {
        "path": path, "doc_type": h.doc_type, "number": h.number, "symbol": h.symbol,
        "reference": f"{h.number}/{h.symbol}" if h.number and h.symbol else None,
        "date": _iso(h.date), "year": h.year, "issuer": h.issuer,
        "level": h.level, "title": h.title, "parent": graph.parent(path), "children": graph.children(path),
    }


def _link(data: dict) -> dict:
    return {"relation": data["relation"], "line": data["line"], "text": data["text"]}


def _unresolved(graph: PlanGraph, group: UnresolvedGroup) -> dict:
    key = group.key
    return {
        "reference": key.reference, "doc_type": key.doc_type, "number": key.number, "symbol": key.symbol,
        "date": _iso(key.date), "year": key.year, "issuer": key.issuer, "count": len(group.paths),
        "cited_by": [
            {"path": item.plan.path, "line": item.citation.line, "relation": item.citation.relation,
             "text": item.citation.text}
            for item in group.cited_by
        ],
        "candidates": sorted({path for item in group.cited_by for path in item.resolution.candidates}),
        "other_dates": [
            {"path": path, "date": _iso(graph.plans[path].header.date)}
            for path in sorted({path for item in group.cited_by for path in item.resolution.other_dates})
        ],
    }


def _iso(date) -> str | None:
    return date.isoformat() if date else None


def _no_parent(graph: PlanGraph, path: str) -> dict:
    h = graph.plans[path].header
    cites = [item.citation.reference for item in graph.unresolved_of(path)]
    return {"path": path, "issuer": h.issuer, "level": h.level, "cites": cites}


# --- rich ----------------------------------------------------------------------------------


def graph_rich(root: Path, problems: list[InputError], graph: PlanGraph, missing: list[MissingUnits] | None, console, lang: str = "vi") -> None:
    """The hierarchy as a tree, then each kind of gap. Document text is never read as markup."""
    from rich.text import Text

    data = graph_document(root, problems, graph, missing, lang)
    console.print(_tree(graph, data, lang))
    section = functools.partial(_section, console, lang)
    section("graph.unresolved", data["unresolved"], lambda group: _unresolved_lines(group, lang))
    section("graph.cycles", data["cycles"], lambda cycle: [" -> ".join(cycle + cycle[:1])])
    section("graph.duplicates", data["duplicates"], lambda d: [
        f"{d['reference']} · {d['issuer'] or '?'} · {d['year'] or '?'}", *(f"    {p}" for p in d["paths"])])
    section("graph.no_parent", data["no_parent"], lambda d: [
        f"{d['path']} · {d['issuer'] or '?'} · "
        + (msg("graph.cites", lang, refs=", ".join(d["cites"])) if d["cites"] else msg("graph.cites_none", lang))])
    if missing is not None:
        gaps = [item for item in data["missing"] if item["missing"]]
        section("graph.missing", gaps, lambda item: _missing_lines(item, lang))
    section("graph.problems", data["problems"], lambda p: [p["message"]])
    console.print(Text(msg("graph.summary", lang, **data["summary"]), style="bold"), soft_wrap=True)


def _tree(graph: PlanGraph, data: dict, lang: str):
    from rich.text import Text
    from rich.tree import Tree

    documents = {d["path"]: d for d in data["documents"]}
    tree = Tree(Text(msg("graph.hierarchy", lang, root=data["root"], count=len(documents)), style="bold cyan"))
    shown: set[str] = set()

    def add(node, path: str, link: dict | None) -> None:
        d = documents[path]
        # The file on its own line, what it is under it: readable at 80 columns, greppable by path.
        label = Text(path, style="bold")
        if link:
            label.append("  " + msg("graph.link", lang, relation=link["relation"], line=link["line"]), style="dim")
        if path in shown:
            label.append("  " + msg("graph.shown", lang), style="red")
        label.append_text(Text.assemble(
            "\n", (d["reference"] or msg("graph.draft", lang), "green"),
            f" · {d['issuer'] or '?'} · {d['date'] or d['year'] or '?'}"))
        if path in shown:
            node.add(label)
            return
        shown.add(path)
        branch = node.add(label)
        for child in d["children"]:
            add(branch, child, graph.link(child, path))

    for path in graph.roots():
        add(tree, path, None)
    for path in documents:  # plans only reachable through a cycle
        if path not in shown:
            add(tree, path, None)
    return tree


def _section(console, lang: str, title: str, items: list, lines) -> None:
    from rich.text import Text

    console.print(Text(f"{msg(title, lang)} ({len(items)})", style="bold cyan"))
    if not items:
        console.print(Text(f"  {msg('graph.none', lang)}", style="dim"))
    for item in items:
        for line in lines(item):
            console.print(Text(f"  {line}"), soft_wrap=True)  # one "path:line" per line, greppable


def _unresolved_lines(group: dict, lang: str) -> list[str]:
    head = (f"{group['reference']} · {group['issuer'] or '?'} · {group['date'] or group['year'] or '?'}"
            f" · {msg('graph.cited_by', lang, count=group['count'])}")
    lines = [head] + [f"    {c['path']}:{c['line']} ({c['relation']})" for c in group["cited_by"]]
    if group["candidates"]:
        lines.append("    " + msg("graph.ambiguous", lang, paths=", ".join(group["candidates"])))
    for other in group["other_dates"]:
        lines.append("    " + msg("graph.other_date", lang, path=other["path"], date=other["date"]))
    return lines


def _missing_lines(item: dict, lang: str) -> list[str]:
    target = ", ".join(item["paths"]) or item["reference"] or msg("graph.no_issuer_plan", lang)
    head = msg("graph.units_missing", lang, issuer=item["issuer"], year=f" {item['year']}" if item["year"] else "",
               target=target, missing=len(item["missing"]), expected=len(item["expected"]))
    return [head, *(f"    {unit}" for unit in item["missing"])]
