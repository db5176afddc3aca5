"""The stages joined: a file path in, a `Plan` out (read -> parse -> match)."""

from __future__ import annotations

from pathlib import Path

from audit.model import Plan
from audit.parse import parse_plan
from audit.read import read_source


def load_plan(path: str | Path) -> Plan:
    """Read and parse one plan file. Raises `InputError` for a file that cannot be audited."""
    return parse_plan(read_source(path))
