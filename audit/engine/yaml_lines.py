"""YAML read safely, keeping where each value was written, so a bad rule is reported at file:line.

`yaml.safe_load` forgets positions; here the document is composed into nodes (which carry marks)
and then constructed with the safe constructor: the data and its node tree come from one parse.
Duplicate mapping keys, which YAML loaders silently collapse, are reported with both lines.
Aliases (`&name` ... `*name`) are refused: nothing plan-audit reads needs them, and they are how
400 bytes expand to gigabytes (an alias bomb) or a value contains itself (endless recursion).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode


# libyaml's parser when PyYAML was built with it (the wheels are): packs and the lexicon are read at
# every start, and the pure-Python parser alone costs a tenth of a second there.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class PackError(Exception):
    """A rule pack that cannot be used. `str()` is "<file>:<line>: <what is wrong>"."""

    def __init__(self, path: str | Path, line: int | None, problem: str) -> None:
        self.path, self.line, self.problem = str(path), line, problem
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {problem}")


def load_with_nodes(path: Path) -> tuple[Any, Node | None]:
    """The YAML document of `path` as plain data, and its node tree for line look-ups."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PackError(path, None, f"cannot read the file: {error}") from None
    loader = SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        _refuse_aliases(path, node)
        _refuse_duplicate_keys(path, node)
        return loader.construct_document(node), node
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = " ".join(p for p in (error.context, error.problem) if p)
        raise PackError(path, mark.line + 1 if mark else None, f"bad YAML: {problem}") from None
    except yaml.YAMLError as error:
        raise PackError(path, None, f"bad YAML: {error}") from None
    except RecursionError:
        raise PackError(path, None, "bad YAML: nested too deeply") from None
    finally:
        loader.dispose()


def line_of(node: Node, loc: tuple[Any, ...]) -> int:
    """The 1-based line of the value at `loc` (keys and indexes), or of the deepest part that exists."""
    for key in loc:
        child = _child(node, key)
        if child is None:
            break
        node = child
    return node.start_mark.line + 1


def key_line(node: Node, key: str) -> int:
    """The line of `key` in a mapping node (or of the node itself when the key is absent)."""
    if isinstance(node, MappingNode):
        for k, _ in node.value:
            if k.value == key:
                return k.start_mark.line + 1
    return node.start_mark.line + 1


def _child(node: Node, key: Any) -> Node | None:
    if isinstance(node, MappingNode):
        return next((v for k, v in node.value if k.value == str(key)), None)
    if isinstance(node, SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
        return node.value[key]
    return None


def _refuse_aliases(path: Path, root: Node) -> None:
    """A node reached twice is an alias (the composer shares the anchored node): refused at its line.
    Walked with a stack and a set of nodes seen, so a node that contains itself is found, not followed."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise PackError(path, node.start_mark.line + 1,
                            "bad YAML: aliases (&name, *name, <<) are not accepted; write the value out")
        seen.add(id(node))
        if isinstance(node, MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)


def _refuse_duplicate_keys(path: Path, node: Node) -> None:
    if isinstance(node, MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if isinstance(key.value, str) and key.value in seen:
                raise PackError(path, line, f"key '{key.value}' given twice (first on line {seen[key.value]})")
            seen[key.value] = line
            _refuse_duplicate_keys(path, value)
    elif isinstance(node, SequenceNode):
        for item in node.value:
            _refuse_duplicate_keys(path, item)
