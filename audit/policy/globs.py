"""Path patterns of a configuration or waiver file, matched against the paths of audited plans.

A pattern is read relative to the folder of the file it is written in (leading `../` climbs out of
it), with `/` between folders:
`*` matches within one folder name, `**` any number of folders (none too), `?` one character.
A pattern without `/` matches a file's name in any folder ("*.nhap.docx").

    PathPattern("drafts/**", base=Path("/repo")).matches("/repo/drafts/xa/ke-hoach.docx")  # True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


# Matched without regular expressions: a pattern such as "*a*a*a*a*b" compiled to one backtracks
# exponentially on a long name. Here each name is tried against each part of the pattern once, and
# a part's stars by the classic two-pointer method (time: length of the name times the part's).


def _name_matches(part: str, name: str) -> bool:
    """Whether the file or folder name `name` matches `part` (`*` any run of characters, `?` one)."""
    p = n = 0
    star, mark = -1, 0
    while n < len(name):
        if p < len(part) and part[p] in ("?", name[n]) and part[p] != "*":
            p, n = p + 1, n + 1
        elif p < len(part) and part[p] == "*":
            star, mark, p = p, n, p + 1
        elif star >= 0:  # the last star takes one more character
            mark += 1
            p, n = star + 1, mark
        else:
            return False
    return all(ch == "*" for ch in part[p:])


def _parts_match(parts: list[str], names: list[str]) -> bool:
    """Whether the folder names and file name `names` match the pattern's `parts`; "**" stands for
    any number of folders (none too), or, last, for at least one name."""
    def skip(states: set[int]) -> set[int]:  # a "**" before the last part may stand for no folder
        out, todo = set(states), list(states)
        while todo:
            i = todo.pop()
            if i < len(parts) - 1 and parts[i] == "**" and i + 1 not in out:
                out.add(i + 1)
                todo.append(i + 1)
        return out

    states = skip({0})
    for name in names:
        states = skip({nxt for i in states if i < len(parts) for nxt in _after(parts, i, name)})
        if not states:
            return False
    return len(parts) in states


def _after(parts: list[str], i: int, name: str) -> tuple[int, ...]:
    """The parts that may come next once `name` is matched at part `i`: a "**" may take more names
    (and, last, is then satisfied); any other part is passed when it matches."""
    if parts[i] == "**":
        return (i, i + 1) if i == len(parts) - 1 else (i,)
    return (i + 1,) if _name_matches(parts[i], name) else ()


@dataclass(frozen=True)
class PathPattern:
    pattern: str
    base: Path  # the folder of the file the pattern is written in
    _parts: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pattern, base = self.pattern.strip().removeprefix("./"), self.base
        while pattern.startswith("../"):  # "../drafts/**" from a config in a subfolder
            pattern, base = pattern[3:], base.parent
        object.__setattr__(self, "_parts", tuple(pattern.split("/")))
        object.__setattr__(self, "base", base)

    def matches(self, path: str) -> bool:
        """Whether the file `path` (absolute, or relative to the current folder) is matched."""
        if "/" not in self.pattern.strip("/"):
            return _parts_match(list(self._parts), [Path(path).name])
        try:
            relative = Path(path).resolve().relative_to(self.base.resolve())
        except ValueError:  # outside the folder of the configuration
            return False
        return _parts_match(list(self._parts), relative.as_posix().split("/"))
