"""A document's identity: the keys a plan can be cited by, and whether a citation names a document.

A citation is matched to a document by number and symbol, then date (or year) and issuer, as a
reviewer would: "5/KH-UBND" is "05/KH-UBND", "UBND" is "Ủy ban nhân dân", "Hoá" is "Hóa", and "của
Ủy ban nhân dân tỉnh" (the place left out) agrees weakly with the province's document.
"""

from __future__ import annotations

import re
from typing import Literal

from audit.base.normalize import fold
from audit.model import DocRef, DocumentKey, Plan
from audit.parse.docref import canonical_body, clean_symbol

DIRECTIVE_TYPES = {"KH", "QĐ", "NQ", "CT", "CTr", "ĐA", "PA", "HD", "KL", None}  # None: type not written
_UNIT_WORDS = ("xa", "phuong", "thi tran", "huyen", "quan", "thi xa", "thanh pho", "tinh", "dac khu")
_ATTACHED_RE = re.compile(r"^\W*(ban hanh\s+)?kem theo\s+(quyet dinh|ke hoach)\b")

Agreement = Literal["exact", "weak"]


def header_key(plan: Plan) -> DocumentKey | None:
    """The plan's own identity, or None for a draft without a number (which nobody can cite)."""
    h = plan.header
    if not h.number or not h.symbol:
        return None
    return DocumentKey(
        doc_type=h.doc_type, number=h.number, symbol=h.symbol, reference=f"{h.number}/{h.symbol}",
        date=h.date, year=h.date.year if h.date else None, issuer=h.issuer,
    )


def ref_key(ref: DocRef) -> DocumentKey:
    return DocumentKey(
        doc_type=ref.doc_type, number=ref.number, symbol=ref.symbol, reference=ref.reference,
        date=ref.date, year=ref.number_year or (ref.date.year if ref.date else None), issuer=ref.issuer,
    )


def document_keys(plan: Plan) -> list[DocumentKey]:
    """Every identity a plan can be cited by: its header, and the decision it is attached to."""
    keys = [key for key in [header_key(plan)] if key]
    for ref in plan.mentions:
        if ref.number and _ATTACHED_RE.match(fold(plan.line_text(ref.line))):
            keys.append(ref_key(ref))
    return keys


def is_plan_citation(ref: DocRef) -> bool:
    """Whether a citation could name a plan of the corpus (not a law, decree, report, ...)."""
    return bool(ref.number and ref.symbol) and ref.doc_type in DIRECTIVE_TYPES and not ref.number_year


def number_text(number: str | None) -> str:
    """A document number as compared: "05" is "5"."""
    return re.sub(r"^0+(?=\d)", "", number or "").lower()


def symbol_text(symbol: str | None) -> str:
    """A document symbol as compared: folded, upper case."""
    return fold(clean_symbol(symbol or "")).upper()


def issuer_text(issuer: str | None) -> str:
    """An issuer folded for comparison: "UBND huyện Định Hoá" and "Ủy ban nhân dân huyện Định Hóa"
    agree; a decision signed by the head ("Chủ tịch UBND tỉnh", "Bộ trưởng Bộ Nội vụ") is the body's."""
    if not issuer:
        return ""
    text = " ".join(fold(canonical_body(issuer)).split())
    return re.sub(r"^(chu tich|bo truong)\s+", "", text)


def issuer_agreement(cited: str | None, own: str | None) -> Agreement | None:
    """"exact" for the same body; "weak" when one side is missing or leaves out the place
    ("Ủy ban nhân dân tỉnh" for "Ủy ban nhân dân tỉnh Gia Lai"); None for another body."""
    a, b = issuer_text(cited), issuer_text(own)
    if not a or not b:
        return "weak"
    if a == b:
        return "exact"
    short, long = sorted((a, b), key=len)
    rest = long[len(short):]
    if rest.startswith(" ") and (short.endswith(_UNIT_WORDS) or rest.strip().startswith(_UNIT_WORDS)):
        return "weak"
    return None


def agreement(cited: DocumentKey, doc: DocumentKey, dated: bool = True) -> Agreement | None:
    """Whether a cited reference names a document: number and symbol agree, and the date (or at
    least the year) where both sides give it; then how well the issuers agree. With `dated`
    False the dates are not compared (to point out a citation that has the date wrong)."""
    if number_text(cited.number) != number_text(doc.number) or symbol_text(cited.symbol) != symbol_text(doc.symbol):
        return None
    if dated and not _dates_agree(cited, doc):
        return None
    return issuer_agreement(cited.issuer, doc.issuer)


def _dates_agree(cited: DocumentKey, doc: DocumentKey) -> bool:
    if cited.date and doc.date:
        return cited.date == doc.date
    return not (cited.year and doc.year) or cited.year == doc.year


def identity(key: DocumentKey) -> tuple:
    """Two files with this same tuple are the same document filed twice."""
    return number_text(key.number), symbol_text(key.symbol), key.year, issuer_text(key.issuer)
