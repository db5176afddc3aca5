"""Spelling slips a term list cannot know, found with the dictionaries of audit/text/vocabulary.py.

    nâng cao tinh thần thựt hiện      "thựt" is no syllable; "thực hiện" is a word     (syllable)
    trong nghành nội vụ               "ngh" never stands before a                      (syllable)
    tra cứu qua query tại bộ phận     an English word among Vietnamese ones           (foreign)
    trên địa bàn thành phổ            both syllables exist, "thành phổ" is no word,    (mark)
                                      "thành phố" is one mark away
    III. HÌNH THỨC TUYÊN TRUYÊN       an upper-case heading is read the same way       (mark)
    cuộc họp của HDND xã              D for Đ in a body's abbreviation                 (abbreviation)

Precision comes first: a word with a capital (a name), a line with few marks (a foreign text, an
address), a word inside a code or address ("KH-UBND", "gov.vn") is never judged; a slip is
reported only when one fix stands out: the one that makes a word with the syllable beside it,
else the one the plan itself writes most.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from audit.text.hygiene import FOREIGN_BLOCKS, FUNCTION_WORDS
from audit.base.core import core
from audit.base.normalize import canonical_tones, fold
from audit.text.syllable import marks, shape_ok
from audit.text.vocabulary import Vocabulary

Kind = Literal["syllable", "foreign", "mark", "abbreviation"]

_EDGE = re.escape("\"'“”‘’()[]{}<>«»,.;:!?…*#_–—-")  # what may stand before or after a word in its chunk
_LETTERS = re.compile(r"[^\W\d_]+")
# A word between spaces, with only punctuation around it (a stray combining mark is part of it);
# one search in C over the line, as most lines hold only words.
_WORD_CHUNK = re.compile(rf"(?<!\S)(?P<before>[{_EDGE}]*)(?P<core>[^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*)(?P<after>[{_EDGE}]*)(?!\S)")
_CODE_CHUNK = re.compile(r"(?<!\S)[\w/.]*\w-[\w/.-]*")
_ALPHABET = "abcdefghijklmnopqrstuvwxyzđ"
# The words before a unit's name: in "XÃ TIỀN TIẾN", "HUYỆN PHÙ LAM" the next syllables are a name.
_UNIT_WORDS = frozenset("xã phường huyện quận tỉnh trấn phố khu ấp thôn xóm bản sở".split())


@dataclass(frozen=True)
class Slip:
    kind: Kind
    start: int  # the span of what is written wrong in the line
    end: int
    fix: str  # what to write instead, in the case written ("" for a foreign word: remove it)


@dataclass(frozen=True)
class _Word:
    text: str
    start: int
    end: int
    joined: bool  # no punctuation after it in its chunk
    opens: bool  # no punctuation before it in its chunk
    low: str  # lower case, canonical tones


@lru_cache(maxsize=65536)
def _low(word: str) -> str:
    return canonical_tones(word).lower()


def plan_words(texts) -> frozenset[str]:
    """What a plan writes, as `spelling_slips` weighs it: each syllable written more than once and
    each pair of syllables written side by side ("thành phố"), in lower case."""
    from collections import Counter

    texts = list(texts)
    fast = core()
    if fast is not None and (found := fast.plan_words(texts)) is not None:
        return frozenset(found)
    counts, pairs = Counter(), set()
    for text in texts:
        lows = [_low(m.group()) for m in _LETTERS.finditer(text)]
        counts.update(lows)
        pairs.update(f"{a} {b}" for a, b in zip(lows, lows[1:]))
    return frozenset(pairs | {w for w, n in counts.items() if n > 1})


def spelling_slips(text: str, vocab: Vocabulary, written: frozenset[str] = frozenset()) -> list[Slip]:
    """The slips of one line. `written`: the plan's `plan_words`, which say which fix the plan
    itself uses and whether a syllable is one the writer uses often."""
    speller = _speller(vocab)
    if speller is not None and (found := speller.slips(text, written)) is not None:
        return [Slip(*slip) for slip in found]
    words, codes = _words(text)
    slips = [s for w in codes if (s := _abbreviation(w, vocab, code=True))]
    heading = _is_heading(words)
    if not heading and not _vietnamese(words):
        return slips
    checked = []  # the words read as Vietnamese syllables, in order, None where a word is not
    for word in words:
        if word.text.isupper() and len(word.text) > 1:
            if slip := _abbreviation(word, vocab):
                slips.append(slip)
            checked.append(word if heading and _has_marks(word.text) or heading and word.low in vocab.syllables else None)
        elif word.text.islower() and len(word.text) > 1:  # a lone letter marks a list item: "b)"
            checked.append(word)
        else:
            checked.append(None)  # a name, "eGov"
    for i, word in enumerate(checked):
        if word is None or FOREIGN_BLOCKS.search(word.text):  # Cyrillic, Greek: CHINHTA001's
            checked[i] = None
        elif word.low in vocab.stray and not _held(checked, i, vocab, alone=True):
            slips.append(Slip("foreign", word.start, word.end, ""))
            checked[i] = None
        elif word.low not in vocab.syllables and word.low not in vocab.loanwords:
            if slip := _unknown(words, i, word, vocab, written):
                slips.append(slip)
            checked[i] = None  # no pair with a word that is none
    slips.extend(_marks(checked, vocab, written))
    return sorted(slips, key=lambda s: s.start)


def _speller(vocab: Vocabulary):
    """The compiled core's speller over `vocab` (audit/base/core.py), made once; None without the core."""
    cached = _SPELLERS.get(id(vocab))
    if cached is None or cached[0] is not vocab:
        fast = core()
        sets = (vocab.syllables, vocab.words, vocab.loanwords, vocab.stray, vocab.abbreviations,
                vocab.codes, FUNCTION_WORDS, _UNIT_WORDS)  # lists in each set's own order
        speller = fast and fast.speller(*map(list, sets), vocab.one_mark_from)
        cached = _SPELLERS[id(vocab)] = (vocab, speller)
    return cached[1]


_SPELLERS: dict[int, tuple[Vocabulary, object]] = {}


def _words(text: str) -> tuple[list[_Word], list[_Word]]:
    """The words of the line, and the parts of its codes ("NĐ" of "61/2018/NĐ-CP")."""
    words = [_Word(m["core"], m.start("core"), m.end("core"), not m["after"], not m["before"], _low(m["core"]))
             for m in _WORD_CHUNK.finditer(text)]
    codes = [] if "-" not in text else [
        _Word(p.group(), m.start() + p.start(), m.start() + p.end(), False, False, "")
        for m in _CODE_CHUNK.finditer(text) for p in _LETTERS.finditer(m.group()) if m.group()[p.end() : p.end() + 1] == "-"
    ]
    return words, codes


def _phrase(a: _Word, b: _Word) -> bool:
    """Nothing but spaces between two words: one phrase."""
    return a.joined and b.opens


def _is_heading(words: list[_Word]) -> bool:
    """An upper-case heading: three words or more, none in lower case."""
    long = [w for w in words if len(w.text) > 1]
    return len(long) >= 3 and all(w.text.isupper() for w in long)


def _vietnamese(words: list[_Word]) -> bool:
    """A line most of whose words carry marks is Vietnamese; one without (an address, a foreign
    title, a text typed without marks) is not judged."""
    lower = [w for w in words if w.text.islower()]
    return bool(lower) and sum(_has_marks(w.text) for w in lower) * 3 >= len(lower)


def _has_marks(word: str) -> bool:
    return fold(word) != word.lower()


# --- abbreviations ------------------------------------------------------------------------------


def _abbreviation(word: _Word, vocab: Vocabulary, code: bool = False) -> Slip | None:
    """"HDND" or "HÐND" (with the look-alike Ð) for "HĐND"; in a code, "ND-CP" for "NĐ-CP"."""
    known = vocab.codes if code else vocab.abbreviations
    if word.text in known or len(word.text) < (2 if code else 3):
        return None
    meant = word.text.replace("Ð", "Đ")
    if meant not in known:
        meant = next((k for k in known if k.replace("Đ", "D") == word.text), "")
    return Slip("abbreviation", word.start, word.end, meant) if meant else None


# --- syllables that are none ----------------------------------------------------------------------


def _unknown(words: list[_Word], i: int, word: _Word, vocab: Vocabulary, written: frozenset[str]) -> Slip | None:
    """A word that is no syllable: the syllable one edit away that makes a word with a neighbour
    (or the plan's own, or the one clearly most used), else, if the word has no marks and cannot
    be Vietnamese at all, a foreign word."""
    low = word.low
    fixes = _one_edit(low, vocab)
    before = words[i - 1].low if i and _phrase(words[i - 1], word) else None
    after = words[i + 1].low if i + 1 < len(words) and _phrase(word, words[i + 1]) else None
    in_words = [f for f in fixes if (before and f"{before} {f}" in vocab.words) or (after and f"{f} {after}" in vocab.words)]
    fix = _pick(in_words, vocab, written) or _pick([f for f in fixes if f in written], vocab, written) or _pick(fixes, vocab, written)
    if fix:
        return Slip("syllable", word.start, word.end, _as_written(fix, word.text))
    if not _has_marks(word.text) and not shape_ok(low):
        return Slip("foreign", word.start, word.end, "")
    return None  # no fix stands out: a name or a loanword the lists lack, more likely than a slip


def _one_edit(low: str, vocab: Vocabulary) -> list[str]:
    """Syllables one edit from `low`: one mark added, dropped or changed, or one letter added,
    dropped or changed with the marks kept."""
    letters = fold(low)
    found = list(vocab.one_mark_from(low))
    own = marks(low)[1]
    for edited in _letter_edits(letters):
        found.extend(s for s in vocab.by_letters.get(edited, ()) if marks(s)[1] == own)
    return sorted(set(found))


def _letter_edits(letters: str) -> set[str]:
    splits = [(letters[:i], letters[i:]) for i in range(len(letters) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits |= {a + c + b[1:] for a, b in splits if b for c in _ALPHABET if c != b[0]}
    edits |= {a + c + b for a, b in splits for c in _ALPHABET}
    return edits - {letters}


def _pick(fixes: list[str], vocab: Vocabulary, written: frozenset[str]) -> str | None:
    """The one fix, or the one clearly most used: the plan writes it, or many more words hold it."""
    if len(fixes) <= 1:
        return fixes[0] if fixes else None
    ranked = sorted(fixes, key=lambda f: (f in written, vocab.productivity[f]), reverse=True)
    first, second = ranked[0], ranked[1]
    if (first in written) != (second in written):
        return first
    return first if vocab.productivity[first] >= 3 * max(vocab.productivity[second], 1) else None


def _as_written(fix: str, written: str) -> str:
    """The fix in the case the word was written in ("TRUYÊN" -> "TRUYỀN")."""
    return fix.upper() if written.isupper() else fix


# --- one mark off: two syllables that make no word -------------------------------------------------


def _marks(checked: list[_Word | None], vocab: Vocabulary, written: frozenset[str]) -> Iterator[Slip]:
    """Two syllables side by side that make no word where one mark changed makes one ("thành
    phổ"), when neither makes a word with its other neighbour and only one such change exists.
    The word list lacks many phrases ("của mình", "dịch vụ công"), so the change must also be
    borne out by the plan: it writes the fixed pair elsewhere, or the changed syllable is no
    function word and written nowhere else ("của", "để", "từ" make a word with a changed mark
    too often to be judged alone). In an upper-case line, the syllables after a unit word are a
    name ("XÃ TIỀN TIẾN")."""
    name = False
    for i in range(len(checked) - 1):
        a, b = checked[i], checked[i + 1]
        name = name or (a is not None and a.text.isupper() and a.low in _UNIT_WORDS)
        if a is None or b is None or not _phrase(a, b) or name:
            continue
        pair = f"{a.low} {b.low}"
        if pair in vocab.words or _held(checked, i, vocab):
            continue
        fixes = [(a, s, f"{s} {b.low}") for s in vocab.one_mark_from(a.low)]
        fixes += [(b, s, f"{a.low} {s}") for s in vocab.one_mark_from(b.low)]
        fixes = [f for f in fixes if f[2] in vocab.words and (f[2] in written or _lone(f[0].low, written))]
        if len(fixes) == 1:  # the slip quoted with its neighbour: "thành phổ" -> "thành phố"
            word, fix, _ = fixes[0]
            fixed = [_as_written(fix, w.text) if w is word else w.text for w in (a, b)]
            yield Slip("mark", a.start, b.end, " ".join(fixed))


def _lone(syllable: str, written: frozenset[str]) -> bool:
    """A syllable the plan writes once, and no function word."""
    return syllable not in written and syllable not in FUNCTION_WORDS


def _held(checked: list[_Word | None], i: int, vocab: Vocabulary, alone: bool = False) -> bool:
    """Syllable i or i + 1 belongs to a word with its other neighbour ("trở thành phổ biến");
    `alone`: syllable i belongs to a word with either neighbour ("vải the")."""
    if alone:
        return any(j >= 0 and j + 1 < len(checked) and checked[j] is not None and checked[j + 1] is not None
                   and _phrase(checked[j], checked[j + 1]) and f"{checked[j].low} {checked[j + 1].low}" in vocab.words
                   for j in (i - 1, i))
    before = checked[i - 1] if i and checked[i - 1] is not None and _phrase(checked[i - 1], checked[i]) else None
    after = checked[i + 2] if i + 2 < len(checked) and checked[i + 2] is not None and _phrase(checked[i + 1], checked[i + 2]) else None
    a, b = checked[i].low, checked[i + 1].low
    return bool(
        (before and (f"{before.low} {a}" in vocab.words or f"{before.low} {a} {b}" in vocab.words))
        or (after and (f"{b} {after.low}" in vocab.words or f"{a} {b} {after.low}" in vocab.words))
    )


def plan_slips(plan, vocab: Vocabulary) -> list[tuple[int, str, Slip]]:
    """Every slip of a plan, with its line number and the line's (or table cell's) text; a slip
    inside a lexicon term written wrong is left to CHINHTA004. Computed once per plan for the
    four rules that report it."""
    cached = _PLAN_SLIPS.get(id(plan))
    if cached is not None and cached[0] is plan:
        return cached[1]
    texts = [(line.number, text) for line in plan.lines for text in line.cells or (line.text,)]
    written = plan_words(text for _, text in texts)
    terms = {(e.line, e.matched) for hit in plan.concepts for e in hit.evidence if e.matched and e.score is not None}
    found = [(number, text, slip) for number, text in texts for slip in spelling_slips(text, vocab, written)
             if not any(n == number and text[slip.start : slip.end] in matched for n, matched in terms)]
    _PLAN_SLIPS.clear()  # one plan at a time: its four rules run one after the other
    _PLAN_SLIPS[id(plan)] = (plan, found)
    return found


_PLAN_SLIPS: dict[int, tuple[object, list]] = {}
