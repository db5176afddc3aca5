"""YAML read safely, keeping where each value was written, so a bad rule is reported at file:line.

The rule packs, the lexicon, the policy files and the expected-units file all read YAML here. A file
that cannot be used raises `YamlError`, which says where (path, line) and what (`kind` and its
values) in no language: each caller words it for its own readers. `read_yaml` words it for the
files users edit (`ConfigError`, in Vietnamese or English); the rule packs word it for their writers.

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

from audit.messages import DEFAULT_LANG, msg


# libyaml's parser when PyYAML was built with it (the wheels are): packs and the lexicon are read at
# every start, and the pure-Python parser alone costs a tenth of a second there.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlError(Exception):
    """A YAML file that cannot be used, at `path` and `line` (None: the whole file). `kind` is
    "unreadable" or "syntax" (`detail`: the system's or the parser's words), or "duplicate_key"
    (`name`, the key, and `first`, the line where it was first given)."""

    def __init__(self, path: str | Path, line: int | None, kind: str, **values: Any) -> None:
        self.path, self.line, self.kind, self.values = str(path), line, kind, values
        super().__init__(f"{path}:{line}: {kind} {values}")


def load_with_nodes(path: Path) -> tuple[Any, Node | None]:
    """The YAML document of `path` as plain data, and its node tree for line look-ups."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise YamlError(path, None, "unreadable", detail=str(error)) from None
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
        raise YamlError(path, mark.line + 1 if mark else None, "syntax", detail=problem) from None
    except yaml.YAMLError as error:
        raise YamlError(path, None, "syntax", detail=str(error)) from None
    except RecursionError:
        raise YamlError(path, None, "too_deep") from None
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
            raise YamlError(path, node.start_mark.line + 1, "alias")
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
                raise YamlError(path, line, "duplicate_key", name=key.value, first=seen[key.value])
            seen[key.value] = line
            _refuse_duplicate_keys(path, value)
    elif isinstance(node, SequenceNode):
        for item in node.value:
            _refuse_duplicate_keys(path, item)


class ConfigError(Exception):
    """A file a user edits (configuration, waivers, baseline, expected units) that cannot be used:
    "<file>:<line>: <key>: <problem>", `problem` a key of audit/messages.py, in either language
    (`message(lang)`); `str()` is the Vietnamese line."""

    def __init__(self, path: str | Path, key: str, problem: str, line: int | None = None, **values: Any) -> None:
        self.path, self.key, self.problem, self.line, self.values = str(path), key, problem, line, values
        super().__init__(self.message(DEFAULT_LANG))

    def message(self, lang: str = DEFAULT_LANG) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return ": ".join(part for part in (where, self.key, msg(self.problem, lang, **self.values)) if part)


def read_toml(path: Path) -> dict:
    import tomllib

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(path, "", "config.bad_toml", detail=error) from None


def read_yaml(path: Path) -> tuple[Any, dict[tuple, int]]:
    """A YAML file's data and the line of every key path in it ("per-path", 0, "ignore")."""
    try:
        data, node = load_with_nodes(path)
    except YamlError as error:
        raise ConfigError(path, "", f"yaml.{error.kind}", line=error.line, **error.values) from None
    return data, _node_lines(node, ())


def _node_lines(node: Node | None, where: tuple) -> dict[tuple, int]:
    if node is None:
        return {}
    lines = {where: node.start_mark.line + 1}
    if isinstance(node, MappingNode):
        for key, value in node.value:
            lines |= _node_lines(value, (*where, key.value))
            lines[(*where, key.value)] = key.start_mark.line + 1
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            lines |= _node_lines(item, (*where, index))
    return lines
