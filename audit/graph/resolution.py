"""Where a citation leads among the documents of a corpus: one document, several (ambiguous), or
none, with the documents of the same number and issuer but another date."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from audit.graph.identity import (
    agreement,
    document_keys,
    identity,
    issuer_text,
    number_text,
    symbol_text,
)
from audit.model import DocumentKey, Plan


@dataclass
class Resolution:
    """Where a citation leads: one document (`target`), or none and why."""

    target: str | None = None
    candidates: list[str] = field(default_factory=list)  # several documents fit: ambiguous
    other_dates: list[str] = field(default_factory=list)  # same number and issuer, another date


def index_documents(plans) -> dict[tuple[str, str], list[tuple[DocumentKey, str]]]:
    """Every identity of `plans` by (number, symbol), with its key and the plan's path."""
    index: dict[tuple[str, str], list[tuple[DocumentKey, str]]] = defaultdict(list)
    for plan in plans:
        for key in document_keys(plan):
            index[number_text(key.number), symbol_text(key.symbol)].append((key, plan.path))
    return index


def resolve(index, cited: DocumentKey, citing: Plan) -> Resolution:
    """The one document `cited` names. Exact issuer matches win over weak ones; among several
    documents (different issuers), the one in the citing plan's own place wins; copies of one
    document resolve to the first. Without a match, the documents that differ only by date."""
    entries = index.get((number_text(cited.number), symbol_text(cited.symbol)), [])
    found = [(agreement(cited, key), key, path) for key, path in entries]
    found = [f for f in found if f[0]]
    found = [f for f in found if f[0] == "exact"] or found
    documents: dict[tuple, tuple[DocumentKey, str]] = {}
    for _, key, path in found:
        documents.setdefault(identity(key), (key, path))
    if len(documents) > 1 and citing.header.place:
        place = " " + issuer_text(citing.header.place)
        local = {k: v for k, v in documents.items() if issuer_text(v[0].issuer).endswith(place)}
        documents = local or documents
    if len(documents) == 1:
        return Resolution(target=next(iter(documents.values()))[1])
    if documents:
        return Resolution(candidates=sorted(path for _, path in documents.values()))
    return Resolution(other_dates=[path for key, path in entries if agreement(cited, key, dated=False)])
