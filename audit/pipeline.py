"""The stages joined: a file path in, a `Plan` out (read -> parse -> match)."""

from __future__ import annotations

from pathlib import Path

from audit.model import Plan
from audit.parse import parse_outline, parse_plan
from audit.read import read_source


def load_plan(path: str | Path) -> Plan:
    """Read, parse and match one plan file. Raises `InputError` for a file that cannot be audited."""
    from audit.text.matcher import match_plan

    plan = parse_plan(read_source(path))
    plan.concepts = match_plan(plan)
    return plan


def load_outline(path: str | Path) -> Plan:
    """Read one plan file and parse its outline (`parse_outline`): what a corpus links plans by."""
    return parse_outline(read_source(path))
