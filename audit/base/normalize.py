"""Vietnamese text normalization for matching.

Official texts mix old and new tone-mark placement ("hoà"/"hòa", "thuỷ"/"thủy") which NFC keeps
distinct, so `canonical_tones` moves the mark to the modern position. `fold` goes further for
loose matching: no diacritics, Đ/đ to d (plain NFKD + ASCII would drop Đ), lower case.
`tokenize` cuts a line into words carrying both forms and their place in the original line, and
`expand_abbreviations` writes "CCHC", "TTĐT", "PT-TH" out in full so either spelling matches.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Mapping, Sequence
from functools import lru_cache, partial
from typing import NamedTuple

from audit.base.core import core

# A run of letters with the combining marks NFC could not fold into them (a second tone mark on
# a toned letter): the marks belong to the word, or a second pass would see a different word.
_WORD = re.compile(r"[^\W\d_]+(?:[\u0300-\u036f]+[^\W\d_]*)*")  # letters first: fewer steps

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
    fast = core()
    if fast is not None and (done := fast.canonical_tones(text)) is not None:
        return done
    text = unicodedata.normalize("NFC", text)
    return _WORD.sub(lambda m: _retone_word(m.group()), text)


@lru_cache(maxsize=65536)
def fold_char(ch: str) -> str:
    """One character for one: a letter that would fold to none or to several (a bare combining
    mark, a Hangul syllable, "İ") is kept, lower-cased when that too stays one character."""
    if ch in "đĐ":
        return "d"
    decomposed = unicodedata.normalize("NFD", ch)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    if len(bare) == 1:
        return bare
    lower = ch.lower()
    return lower if len(lower) == 1 else ch


class _FoldTable(dict):
    """`str.translate` table of `fold_char`, filled as characters are first seen."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Diacritic-free lower case, one character for one: offsets stay valid against `text`
    when `text` is NFC (every precomposed Vietnamese letter folds to one ASCII letter)."""
    fast = core()
    if fast is not None and (done := fast.fold(text)) is not None:
        return done
    return text.translate(_FOLD_TABLE)  # in C: folding is on every line's path


# Lines each per-line search (the matcher, the hygiene searches) remembers its answer for, least
# recently used first out: plans copy their parents' and each other's sentences, and a remembered
# answer costs less than a second look.
SEEN_LINES = 32768


# --- tokens ----------------------------------------------------------------------------------

# A word: letters and digits, with any combining marks that follow (text that is not NFC keeps its
# tone marks apart from the letters, and they belong to the word).
_TOKEN = re.compile(r"[^\W_]+(?:[\u0300-\u036f]+[^\W_]*)*")  # as _WORD: runs of letters first


class Token(NamedTuple):
    """One word of a line: `norm` (NFC, canonical tones, lower case), `loose` (the diacritic-free
    fold of `norm`), and `start`/`end`, the word's character span in the original line."""

    norm: str
    loose: str
    start: int
    end: int


@lru_cache(maxsize=65536)
def normalize_word(word: str) -> tuple[str, str]:
    """The (norm, loose) forms of one word; cached because plans repeat their words a lot."""
    norm = canonical_tones(word).lower()
    return norm, fold(norm)


_LOOSE = operator.attrgetter("loose")


def tokenize(text: str) -> list[Token]:
    """The words of `text`, normalized, each with its span in `text` as given (NFC or not)."""
    fast = core()
    rows = fast.tokenize(text) if fast is not None else None
    if rows is not None:
        return list(map(as_token, rows))
    new = tuple.__new__  # Token(...) would go through a Python-level __new__ for each word
    return [new(Token, (*normalize_word(m.group()), *m.span())) for m in _TOKEN.finditer(text)]


as_token = partial(tuple.__new__, Token)


# The abbreviations of a lexicon, by their first loose word: each entry is the loose words of the
# abbreviation ("pt", "th") and the (norm, loose) words it stands for; longest entries first.
Expansions = Mapping[str, Sequence[tuple[tuple[str, ...], tuple[tuple[str, str], ...]]]]


def expand_abbreviations(tokens: list[Token], table: Expansions) -> list[Token]:
    """Replace abbreviations by the words they stand for ("TTĐT" -> thông tin điện tử), so that a
    plan writing either form matches one alias. Every expansion word keeps the span of the
    abbreviation, so a match still points at what the plan wrote."""
    if table.keys().isdisjoint(map(_LOOSE, tokens)):  # most lines abbreviate nothing
        return tokens
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        entry = _abbreviation_at(tokens, i, table)
        if entry is None:
            out.append(tokens[i])
            i += 1
            continue
        size, expansion = entry
        start, end = tokens[i].start, tokens[i + size - 1].end
        out.extend(Token(norm, loose, start, end) for norm, loose in expansion)
        i += size
    return out


def _abbreviation_at(tokens: list[Token], i: int, table: Expansions):
    for key, expansion in table.get(tokens[i].loose, ()):
        if tuple(t.loose for t in tokens[i : i + len(key)]) == key:
            return len(key), expansion
    return None


def visible(text: str) -> str:
    """`text` with its control characters shown as symbols ("\\x1b" as "␛"; a stray line break, form
    feed or vertical tab as a space): document text and file names are printed by every report, and
    must never send a terminal escape sequence. Bidirectional controls, which make text read in
    another order than it is stored ("Trojan Source"), are shown by their code ("[U+202E]")."""
    return text.translate(_VISIBLE_CONTROLS) if _CONTROL_RE.search(text) else text


def visible_path(path: str) -> str:
    """A file name as reports show it: like `visible`, but every control character has a symbol of its
    own (a line break too) and a byte that is not UTF-8 is shown as "\\xFF", so two files whose
    names differ only there are never shown, or counted, as one."""
    return path.translate(_PATH_CONTROLS) if _PATH_CONTROL_RE.search(path) else path


# Tab separates cells and stays; C0 controls become their Unicode control pictures (U+2400...),
# DEL its own, C1 controls (which some terminals also obey) the replacement character.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_SHOWN_BIDI = {ord(ch): f"[U+{ord(ch):04X}]" for ch in _BIDI}
_VISIBLE_CONTROLS = {code: chr(0x2400 + code) for code in range(32) if code != 9} | {
    10: " ", 11: " ", 12: " ", 13: " ", 127: "\u2421"} | {code: "\ufffd" for code in range(0x80, 0xA0)} | _SHOWN_BIDI
_CONTROL_RE = re.compile(rf"[\x00-\x08\x0a-\x1f\x7f-\x9f{_BIDI}]")
# A name's undecodable bytes arrive as lone surrogates (U+DC80-U+DCFF, Python's "surrogateescape").
_PATH_CONTROLS = {code: chr(0x2400 + code) for code in range(32)} | {127: "\u2421"} | {
    code: f"\\x{code:02X}" for code in range(0x80, 0xA0)} | {
    code: f"\\x{code - 0xDC00:02X}" for code in range(0xDC80, 0xDD00)} | _SHOWN_BIDI
_PATH_CONTROL_RE = re.compile(rf"[\x00-\x1f\x7f-\x9f\udc80-\udcff{_BIDI}]")
