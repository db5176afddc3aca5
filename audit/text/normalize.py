"""Normalization now lives in audit/base/normalize.py, below the model and the reader.

audit/trace/ and audit/engine/parents.py, being rewritten by the lead engineer, still import these
names from here; remove this module once they import audit.base.normalize.
"""

from audit.base.normalize import SEEN_LINES, fold, visible

__all__ = ["SEEN_LINES", "fold", "visible"]
