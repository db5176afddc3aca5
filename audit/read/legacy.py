"""Detecting Vietnamese text in the legacy TCVN3 (ABC, ".VnTime") and VNI encodings.

Such text shows as Latin-1 symbols inside words ("B¶o Th¾ng", "Hµ Néi" in TCVN3; "Xin chaøo",
"Vieät Nam" in VNI). Auditing it would match nothing, so it is refused with a clear message.
"""

from __future__ import annotations

import re
import unicodedata

from audit.read.errors import InputError

# Characters of the Latin-1 range that never occur in Unicode Vietnamese but stand for
# Vietnamese letters in the legacy code pages.
_TCVN3_MARKS = set("¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾ÆÇËÌÎÏÑÒÓÔÕÖ×ØÞßæçëîïñö÷øûüþ")
_VNI_MARKS = set("øùúûõöóòïñäåæçëüÿÖØÙÚÛÕÓÒÏÑÄÅÆÇË")
_MARK = re.compile("[" + re.escape("".join(sorted(_TCVN3_MARKS | _VNI_MARKS))) + "]")
_WORD = re.compile(r"[^\W\d_]*[\u00a1-\u00ff][^\W\d_]*|\S*[\u00a1-\u00bf]\S*")
# A run of text between spaces, up to 64 characters: longer runs (a line without spaces, base64) are
# no words, and leaving them out keeps `_WORD`'s backtracking bounded on any input.
_TOKEN = re.compile(r"(?<!\S)\S{1,64}(?!\S)")
# Real Vietnamese: letters outside Latin-1 (ă, đ, ơ, ư and the tone-marked vowels).
_VIETNAMESE = re.compile(r"[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u0128\u0129\u0168\u0169\u1ea0-\u1ef9]")

_COMBINING = re.compile(r"[\u0300-\u036f]")


def legacy_encoding(text: str) -> str | None:
    """"TCVN3" or "VNI" when `text` looks like Vietnamese in that encoding, else None."""
    sample = text[:50000]
    real = len(_VIETNAMESE.findall(sample))
    # Each marked word has a mark: too few marks settles it without looking at every word.
    marks = len(_MARK.findall(sample))
    if marks < 5 or real > marks:
        return None
    words = [word for token in _TOKEN.findall(sample) for word in _WORD.findall(token)]
    marked = [w for w in words if any(ch in _TCVN3_MARKS or ch in _VNI_MARKS for ch in w)]
    if len(marked) < 5 or real > len(marked):
        return None
    tcvn3 = sum(1 for w in marked for ch in w if ch in "µ¶·¸¹¾½¼»º­®ª«¬©¨")
    vni = sum(1 for w in marked for ch in w if ch in "øùõöñïäåæ")
    return "TCVN3" if tcvn3 >= vni else "VNI"


def refuse_legacy(name: str, text: str) -> None:
    """Raise `InputError` when `text` (from any reader) is Vietnamese in a legacy encoding."""
    guess = legacy_encoding(text)
    if guess:
        raise InputError(name, "legacy", encoding=guess)


def windows_1258(data: bytes) -> str | None:
    """The text of `data` when it is Vietnamese in the Windows-1258 code page ("ANSI" text saved
    on a Vietnamese Windows), else None. Unlike TCVN3 and VNI this code page maps to Unicode
    exactly (tone marks are combining characters), so such a file is read, not refused."""
    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        return None
    real = len(_VIETNAMESE.findall(text))
    stray_marks = len(_COMBINING.findall(text))  # tones left unattached: not Vietnamese words
    if real < 5 or stray_marks * 10 > real or legacy_encoding(text):
        return None
    return text
