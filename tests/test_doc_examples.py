"""The examples written in the package's docstrings (">>> ...") run, and say what the code does."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "audit"
WITH_EXAMPLES = sorted(path for path in PACKAGE.rglob("*.py") if ">>> " in path.read_text(encoding="utf-8"))


def test_some_module_shows_examples():
    assert WITH_EXAMPLES


@pytest.mark.parametrize("path", WITH_EXAMPLES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_the_examples_of_a_module_hold(path: Path):
    name = ".".join(("audit", *path.relative_to(PACKAGE).with_suffix("").parts))
    failed, tried = doctest.testmod(importlib.import_module(name))
    assert tried and not failed
