"""Vietnamese text normalization for matching.

Official texts mix old and new tone-mark placement ("hoà"/"hòa", "thuỷ"/"thủy") which NFC keeps
distinct, so `canonical_tones` moves the mark to the modern position. `fold` goes further for
loose matching: no diacritics, Đ/đ to d (plain NFKD + ASCII would drop Đ), lower case.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+")

# Combining tone marks (not vowel-shape marks like the breve, circumflex or horn).
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
# Word-final pairs whose tone is written on either vowel: "hòa"/"hoà". We keep the form most
# official texts use, the tone on the first vowel ("hòa", "khỏe", "thủy", "ủy").
_MOVABLE_PAIRS = ("oa", "oe", "uy")


@lru_cache(maxsize=8192)
def _retone_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tone = next((ch for ch in decomposed if ch in _TONES), None)
    if tone is None:
        return word
    bare = "".join(ch for ch in decomposed if ch not in _TONES)
    base = unicodedata.normalize("NFC", bare)
    lower = base.lower()
    for pair in _MOVABLE_PAIRS:
        at = lower.rfind(pair)
        # Only a word ending in the pair moves its tone ("hoàn", "quyết" keep theirs); in "quý"
        # the u belongs to the consonant qu, so the tone stays on y.
        if at < 0 or at + 2 != len(lower) or (pair == "uy" and lower[at - 1 : at] == "q"):
            continue
        return unicodedata.normalize("NFC", base[: at + 1] + tone + base[at + 1 :])
    return unicodedata.normalize("NFC", decomposed)


def canonical_tones(text: str) -> str:
    """NFC with one tone placement: "hoà" -> "hòa", "thuỷ" -> "thủy", "uỷ" -> "ủy"."""
    text = unicodedata.normalize("NFC", text)
    return _WORD.sub(lambda m: _retone_word(m.group()), text)


@lru_cache(maxsize=65536)
def fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    decomposed = unicodedata.normalize("NFD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def fold(text: str) -> str:
    """Diacritic-free lower case, one character for one: offsets stay valid against `text`
    when `text` is NFC (every precomposed Vietnamese letter folds to one ASCII letter)."""
    return "".join(fold_char(ch) for ch in text)
