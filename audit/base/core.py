"""The compiled core (`audit_core`, built from core/ in Rust) or None: one switch for the per-line
text work it speeds up (words and their normal forms, the spelling slips of a line).

The Python code stays the reference: the core answers only for lines whose every character is
in a table Python computes here from its own `str.isalnum`, `str.lower` and `fold`, so the two
cannot read a character differently; any other line, and any line the core declines, is done in
Python. Without the extension, or with PLAN_AUDIT_PURE=1, everything runs in Python
(tests/test_core.py holds the two to identical answers on every line of the seeds, fixtures and a
generated corpus).
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import cache

PURE_ENV = "PLAN_AUDIT_PURE"
# Latin, the combining marks, Vietnamese letters and general punctuation: what plans are written in.
_RANGES = ((0x0000, 0x036F), (0x1E00, 0x1EFF), (0x2000, 0x206F))
_NOT_COVERED = re.compile(r"[\u0130]")  # "İ" lowers to two characters: Python's own business


@cache
def core():
    """The `audit_core.Core`, or None when the extension is absent or PLAN_AUDIT_PURE=1."""
    if os.environ.get(PURE_ENV, "") not in ("", "0"):
        return None
    try:
        import audit_core
    except ImportError:
        return None
    return audit_core.Core(char_table())


def char_table() -> list[tuple[int, int, str, str]]:
    """(code point, flags, lower case, fold) for each character the core may read (chars.rs)."""
    from audit.base.normalize import fold_char

    return [(code, _flags(ch), ch.lower(), fold_char(ch))
            for code in (c for first, last in _RANGES for c in range(first, last + 1))
            if _covered(ch := chr(code))]


def _covered(ch: str) -> bool:
    return unicodedata.category(ch) != "Cn" and len(ch.lower()) == 1 and not _NOT_COVERED.match(ch)


def _flags(ch: str) -> int:
    return (ch.isalnum() | ch.isdecimal() << 1 | ch.isspace() << 2 | ch.isupper() << 3
            | ch.islower() << 4 | (unicodedata.category(ch) == "Lt") << 5)
