"""How reports name files: never by the reviewer's own absolute path, which would go out with a
report sent to a commune or the province (`/home/chuyenvien/Tài liệu/...`).

A path given relative stays as given. An absolute one is shown relative to the current folder
when it lies under it, else relative to the folder audited (the corpus folder, or the folder the
checked files share). `--absolute-paths` shows every path absolute instead.

    paths = PathStyle.of(["/srv/plans/2024"])
    paths.shown("/srv/plans/2024/xa/kim-khe.docx")   # "xa/kim-khe.docx" (run from elsewhere)
    run = paths.apply(run)                            # the run as every text format prints it
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from audit.engine.engine import Audited, CheckRun
from audit.model import Finding, Plan
from audit.read.errors import InputError


@dataclass(frozen=True)
class PathStyle:
    anchor: str | None = None  # the folder audited, absolute
    absolute: bool = False

    @classmethod
    def of(cls, audited: Iterable[str], absolute: bool = False) -> PathStyle:
        """The style for a run over the files and folders `audited`: its anchor is the folder they share."""
        folders = [p if os.path.isdir(p) else os.path.dirname(p) or "." for p in map(os.path.abspath, audited)]
        return cls(os.path.commonpath(folders) if folders else None, absolute)

    def shown(self, path: str) -> str:
        if self.absolute:
            return os.path.abspath(path)
        if not os.path.isabs(path) or self.anchor is None:  # no anchor: as given (a caller of the API)
            return path
        path, cwd = os.path.normpath(path), os.getcwd()
        return os.path.relpath(path, cwd if _inside(path, cwd) else self.anchor)

    def apply(self, run: CheckRun) -> CheckRun:
        """`run` with every path of its findings and inputs (plans, parents, errors) shown this way;
        its inputs are mapped as a report reads them, one at a time."""
        if self.anchor is None and not self.absolute:
            return run
        return replace(run, inputs=Mapped(run.inputs, self._input), findings=[self.finding(f) for f in run.findings])

    def finding(self, finding: Finding) -> Finding:
        """`finding` with its paths shown this way (itself when they already are: a corpus has many)."""
        path = self.shown(finding.path)
        parent = self.shown(finding.parent_path) if finding.parent_path else None
        if path == finding.path and parent == finding.parent_path:
            return finding
        return finding.model_copy(update={"path": path, "parent_path": parent,
                                          "message": finding.message.replace(finding.path, path)})

    def corpus(self, corpus):
        """A corpus (`plan-audit graph`, audit.corpus.Corpus, which the runner above this layer
        defines) with its root, plans and problems shown this way."""
        root = self.shown(os.path.abspath(corpus.root)) if self.anchor or self.absolute else str(corpus.root)
        if root == ".":  # the folder audited itself, from elsewhere: named by its own name
            root = os.path.basename(os.path.abspath(corpus.root))
        return replace(corpus, root=Path(root), plans=[self._plan(p) for p in corpus.plans],
                       problems=[self._error(e) for e in corpus.problems])

    def _input(self, item: Audited) -> Audited:
        return replace(item, path=self.shown(item.path), plan=self._plan(item.plan), parent=self._plan(item.parent),
                       error=self._error(item.error))

    def _plan(self, plan: Plan | None) -> Plan | None:
        return plan.model_copy(update={"path": self.shown(plan.path)}) if plan is not None else None

    def _error(self, error: InputError | None) -> InputError | None:
        return InputError(self.shown(error.path), error.key, **error.values) if error is not None else None


def _inside(path: str, folder: str) -> bool:
    return os.path.commonpath([path, folder]) == folder


class Mapped(Sequence):
    """`items` seen through `function`, item by item, as they are read."""

    def __init__(self, items: Sequence, function) -> None:
        self._items, self._function = items, function

    def __getitem__(self, index):  # no slices: reports read items one at a time
        return self._function(self._items[index])

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self):
        return map(self._function, self._items)
