"""A corpus: every plan file under a folder, read and parsed, with what could not be read.

Folders of plans come from shared drives and portal downloads: nested by year or unit, with
symbolic links (sometimes looping back to a parent), hidden folders (.git, .Trash) and Office lock
files ("~$plan.docx"). The walk follows links but enters each real directory once, skips what is
hidden, and lists files in sorted order so every run reports the same plans in the same order.

A file that cannot be read becomes an `InputError` in `Corpus.problems`; the batch goes on. Only
regular files are plans: a FIFO or a device under the folder is reported, never opened (reading
one would wait forever, or never end). The tool's own reports written into the folder (a Markdown
report naming plan-audit, a terminal report saved as text) are passed over, not audited as plans.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from audit.model import Plan
from audit.read.errors import InputError

# Every format the readers take (audit/read): a file of one of them is audited or reported as
# unreadable, never silently left out (.doc, .odt and .rtf are read through LibreOffice).
PLAN_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".doc", ".odt", ".rtf", ".html", ".htm")
# A folder of plans often carries notes about it (README.md, CHANGELOG.txt): they are not plans.
NOT_PLANS = ("readme", "changelog", "license", "licence")


@dataclass
class Corpus:
    root: Path
    plans: list[Plan] = field(default_factory=list)  # whole plans, or their outlines (`load_corpus`)
    problems: list[InputError] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)  # each plan's file, by the path it is shown by

    def whole(self, plan: Plan) -> Plan | InputError:
        """The whole plan of which `plan` is the outline (read again), or why it cannot be read now."""
        return plan_or_error(self.files[plan.path])


def find_plan_files(root: str | Path) -> tuple[list[Path], list[InputError]]:
    """Plan files under `root`, depth first in name order, and the folders or links that
    could not be followed. Raises `InputError` when `root` is not a readable directory."""
    root = Path(root)
    if not root.is_dir():
        raise InputError(str(root), "folder.not_dir" if root.exists() else "folder.missing")
    files: list[Path] = []
    problems: list[InputError] = []
    seen_dirs: set[Path] = set()
    seen_files: set[Path] = set()
    links: list[Path] = []
    _walk(root, seen_dirs, seen_files, files, problems, links)
    # Links are followed once every real folder is walked, so a plan is listed under its own path,
    # not under the name of a link that happens to sort first; a link walked twice is skipped.
    while links:
        link = links.pop(0)
        if link.is_dir():
            _walk(link, seen_dirs, seen_files, files, problems, links)
        elif _is_plan(link):
            _add_file(link, seen_files, files, problems)
    return files, problems


def is_plan_file(path: Path) -> bool:
    """Whether the file `path` would be audited as a plan in a corpus folder (by its name, and not
    one of plan-audit's own reports)."""
    return _is_plan(path) and not own_report(path)


def _is_plan(path: Path) -> bool:
    return path.suffix.lower() in PLAN_SUFFIXES and not path.stem.lower().startswith(NOT_PLANS)


# How plan-audit's text reports begin: the rich report's panel, or a report that names the tool.
_REPORT_MARKS = ("╭─", "plan-audit")


def own_report(path: Path) -> bool:
    """Whether `path` is a report plan-audit wrote (its first 2 KB), not a plan; a file that is not a
    regular file, or cannot be read, is not one (it is reported when read)."""
    if path.suffix.lower() not in (".md", ".txt"):
        return False
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False
        with path.open("rb") as handle:
            head = handle.read(2048).decode("utf-8", errors="replace")
    except OSError:
        return False
    return head.lstrip().startswith(_REPORT_MARKS[0]) or _REPORT_MARKS[1] in head


def _walk(directory: Path, seen_dirs: set[Path], seen_files: set[Path],
          files: list[Path], problems: list[InputError], links: list[Path]) -> None:
    real = directory.resolve()
    if real in seen_dirs:  # a link back to a folder already walked: a loop or a second way in
        return
    seen_dirs.add(real)
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        problems.append(InputError(str(directory), "folder_unreadable", reason=exc.strerror or exc))
        return
    for entry in entries:
        if entry.name.startswith((".", "~$")):
            continue
        path = Path(entry.path)
        if entry.is_symlink():
            links.append(path)
        elif entry.is_dir(follow_symlinks=False):
            _walk(path, seen_dirs, seen_files, files, problems, links)
        elif _is_plan(path):
            _add_file(path, seen_files, files, problems)


def _add_file(path: Path, seen_files: set[Path], files: list[Path], problems: list[InputError]) -> None:
    if not path.exists():
        problems.append(InputError(str(path), "broken_link"))
        return
    if own_report(path):
        return
    real = path.resolve()
    if real in seen_files:  # the same file reached through a link is one document, not a duplicate
        return
    seen_files.add(real)
    files.append(path)


def iter_corpus(root: str | Path, load: Callable[[Path], Plan | InputError] | None = None,
                ) -> Iterator[tuple[Path, Plan | InputError]]:
    """Each plan file under `root` with its parsed plan (or what `load` makes of it: `outline_or_error`),
    or the reason it could not be read. One file at a time, so a caller can show progress."""
    files, problems = find_plan_files(root)
    for problem in problems:
        yield Path(problem.path), problem
    for path in files:
        yield path, (load or plan_or_error)(path)


def plan_or_error(path: str | Path) -> Plan | InputError:
    """The plan in file `path`, or why it cannot be audited: one bad file must not stop a batch."""
    from audit.pipeline import load_plan

    return _or_error(load_plan, path)


def outline_or_error(path: str | Path) -> Plan | InputError:
    """The outline of the plan in file `path` (`parse_outline`), or why it cannot be read."""
    from audit.pipeline import load_outline

    return _or_error(load_outline, path)


def _or_error(load: Callable[[str | Path], Plan], path: str | Path) -> Plan | InputError:
    try:
        return load(path)
    except InputError as error:
        return error
    except Exception as exc:  # noqa: BLE001 - a parser bug on one file is reported as that file's problem
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())  # the message stays one line
        return InputError(str(path), "parse_crash", detail=detail)


def load_corpus(root: str | Path, outlines: bool = False) -> Corpus:
    """All plans under `root`, or with `outlines` only their outlines (`parse_outline`: what the
    graph reads, a few KB a plan, so a corpus of 100,000 plans fits in memory; `Corpus.whole`
    reads a plan whole when it is needed). Raises `InputError` only when `root` itself cannot be walked."""
    corpus = Corpus(root=Path(root))
    for path, item in iter_corpus(root, outline_or_error if outlines else None):
        if isinstance(item, InputError):
            corpus.problems.append(item)
        else:
            corpus.plans.append(item)
            corpus.files[item.path] = path
    return corpus
