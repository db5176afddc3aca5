"""Outputs never overwrite inputs: a report, baseline or extract written over the plan it was made
from (`check plan.txt -o plan.txt`) would destroy the only copy of someone's work.

    clash = overwritten_input("plan.txt", inputs=["plan.txt"], folders=[])   # "plan.txt"

Files are compared as the system sees them (`os.path.samefile`: links and other spellings of one
path are the same file); an output under a folder of plans that would be read as a plan is an input too.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


def overwritten_input(output: str | None, inputs: Iterable[str | os.PathLike | None],
                      folders: Iterable[str | os.PathLike | None] = ()) -> str | None:
    """The input (file, or plan file under one of `folders`) that writing `output` would replace, if any."""
    if not output or not os.path.lexists(output):
        return None  # a new file replaces nothing
    for item in inputs:
        if item and _same(output, item):
            return str(item)
    for folder in folders:
        if folder and _read_as_plan(Path(output), Path(folder)):
            return str(output)
    return None


def _same(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them is not there (or not reachable): nothing to replace
        return False


def _read_as_plan(output: Path, folder: Path) -> bool:
    from audit.corpus import is_plan_file

    try:
        inside = output.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        return False
    return inside and is_plan_file(output)
