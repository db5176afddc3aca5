"""Path patterns of a configuration or waiver file, matched against the paths of audited plans.

A pattern is read relative to the folder of the file it is written in (leading `../` climbs out of
it), with `/` between folders:
`*` matches within one folder name, `**` any number of folders (none too), `?` one character.
A pattern without `/` matches a file's name in any folder ("*.nhap.docx").

    PathPattern("drafts/**", base=Path("/repo")).matches("/repo/drafts/xa/ke-hoach.docx")  # True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path


def _regex(pattern: str) -> re.Pattern:
    out = []
    parts = pattern.split("/")
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if part == "**":
            out.append(".*" if last else "(?:[^/]+/)*")
            continue
        out.append("".join("[^/]*" if ch == "*" else "[^/]" if ch == "?" else re.escape(ch) for ch in part))
        if not last:
            out.append("/")
    return re.compile("".join(out))


@dataclass(frozen=True)
class PathPattern:
    pattern: str
    base: Path  # the folder of the file the pattern is written in
    _compiled: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pattern, base = self.pattern.strip().removeprefix("./"), self.base
        while pattern.startswith("../"):  # "../drafts/**" from a config in a subfolder
            pattern, base = pattern[3:], base.parent
        object.__setattr__(self, "_compiled", _regex(pattern))
        object.__setattr__(self, "base", base)

    def matches(self, path: str) -> bool:
        """Whether the file `path` (absolute, or relative to the current folder) is matched."""
        if "/" not in self.pattern.strip("/"):
            return bool(self._compiled.fullmatch(Path(path).name))
        try:
            relative = Path(path).resolve().relative_to(self.base.resolve())
        except ValueError:  # outside the folder of the configuration
            return False
        return bool(self._compiled.fullmatch(relative.as_posix()))
