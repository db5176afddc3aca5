"""JSON reports written piece by piece: the text of `json.dumps(document, ensure_ascii=False,
indent=2)`, to the byte, without building the document or the text whole.

A report document is dictionaries and lists as usual, except that a long list (the plans, the
findings, the SARIF results) may be given as an iterator, which is written as a list one item at
a time. So a corpus report holds one plan's entry at a time.

    document = {"plans": (entry(item) for item in run.inputs), "summary": {...}}
    for chunk in json_chunks(document): out.write(chunk)
    json.dumps(materialized(document), ensure_ascii=False, indent=2)   # the same text, whole
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import repeat

INDENT = "  "


def json_chunks(value, level: int = 0) -> Iterator[str]:
    """The text of `value` at nesting `level`: dictionaries and lists are walked, an iterator's
    items are each encoded whole (one chunk per plan or finding), anything else is encoded whole."""
    if isinstance(value, dict):
        keys = (json.dumps(str(key), ensure_ascii=False) + ": " for key in value)
        yield from _container("{}", zip(keys, value.values()), level, json_chunks)
    elif isinstance(value, list | tuple):
        yield from _container("[]", zip(repeat(""), value), level, json_chunks)
    elif isinstance(value, Iterator):
        yield from _container("[]", zip(repeat(""), value), level, lambda item, at: [_dumps(item, at)])
    else:
        yield _dumps(value, level)


def _container(brackets: str, members: Iterable[tuple[str, object]], level: int, write) -> Iterator[str]:
    """As `json.dumps` lays out a container: `[]` when empty, else one member a line, indented."""
    inner = "\n" + INDENT * (level + 1)
    first = True
    for key, value in members:
        yield (brackets[0] if first else ",") + inner + key
        first = False
        yield from write(value, level + 1)
    yield brackets if first else "\n" + INDENT * level + brackets[1]


def _dumps(value, level: int) -> str:
    # A JSON text holds no raw line break but its layout's, so indenting it is a replace.
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + INDENT * level)


def materialized(value):
    """`value` with every iterator in it made a list: the whole document, for tests and schemas."""
    if isinstance(value, dict):
        return {key: materialized(item) for key, item in value.items()}
    if isinstance(value, list | tuple | Iterator):
        return [materialized(item) for item in value]
    return value
