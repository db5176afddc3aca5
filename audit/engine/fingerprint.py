"""A finding's fingerprint: the same problem in the same plan gets the same value from run to run,
even when lines move, so a baseline of accepted findings survives edits above them."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from audit.model import Plan
from audit.base.normalize import canonical_tones


def document_key(plan: Plan | None, path: str) -> str:
    """The plan's number and symbol when it has them ("02/KH-UBND/2024"), else the file's name."""
    header = plan.header if plan else None
    if header and header.number and header.symbol:
        return f"{header.number}/{header.symbol}/{header.year or ''}"
    return Path(path).name


# Findings on one line share their evidence (a line with several slips gives several findings):
# its normalized form, the costly part, is made once.
@lru_cache(maxsize=4096)
def subject_key(concept: str | None, evidence: str | None) -> str:
    """What the finding is about: the concept, or the evidence text with spacing and case normalized."""
    if concept:
        return concept
    return re.sub(r"\s+", " ", canonical_tones(evidence or "")).strip().lower()


def fingerprint(rule: str, document: str, subject: str) -> str:
    """16 hex digits of SHA-256 over (rule, document, subject): no line numbers on purpose."""
    digest = hashlib.sha256("\x1f".join((rule, document, subject)).encode("utf-8"))
    return digest.hexdigest()[:16]
