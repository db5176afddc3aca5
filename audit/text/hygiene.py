"""Text slips a reviewer catches by reading: another unit's name left in, letters of another
alphabet, doubled words, leftover placeholders.

    ... của tỉnh Hải Dương nói chung và xã Nam Đồng nói riêng      (a plan of xã Tiền Tiến)
    ... trong топ đầu khối cơ quan hành chính cấp huyện            (Cyrillic т, о, п)
    ... qua các hội nghị, băng băng zôn tuyên truyền                (a word typed twice)
    ... Kế hoạch số .../KH-UBND, [tên đơn vị]                       (a template's blanks)

Each function takes one line's text and returns spans into it, so a finding quotes what the
reviewer sees. The check kinds decide which lines to look at and what to report.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

from audit.base.core import core
from audit.base.normalize import SEEN_LINES, canonical_tones, fold, tokenize

# The unit words of each level, as a plan names its own unit and its peers ("xã Tiền Tiến").
UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "xa": ("xã", "phường", "thị trấn", "đặc khu"),
    "huyen": ("huyện", "quận", "thị xã", "thành phố"),
    "tinh": ("tỉnh",),
}
# A syllable of a proper name: an upper-case letter, then letters ("Đồng", "H'Leo" is rare enough).
_NAME_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class UnitName:
    """A unit named in a line: its kind word as written ("xã"), its name ("Nam Đồng"), the span."""

    kind: str
    name: str
    start: int
    end: int

    @cached_property  # the check kinds compare a name many times
    def key(self) -> str:
        """The name compared loosely: no diacritics, lower case ("nam dong")."""
        return fold(self.name)

    @cached_property
    def spelled(self) -> str:
        """The name compared strictly: canonical tone placement, lower case."""
        return canonical_tones(self.name).lower()


@lru_cache(maxsize=SEEN_LINES)
def unit_names(text: str, kinds: tuple[str, ...]) -> tuple[UnitName, ...]:
    """The units of the given kinds named in `text` with a proper name of two words or more
    ("xã Nam Đồng", "UBND XÃ TIÊN TIẾN"). One capitalized word is not taken for a name: a run-on
    sentence capitalizes the next word ("UBND xã Thu thập các tin tức")."""
    lowered = text.lower()
    if not any(kind in lowered for kind in kinds):  # most lines name no unit: `in` is cheaper than a search
        return ()
    found = []
    for m in _unit_pattern(kinds).finditer(text):
        words, end = _name_words(text, m.end())
        if len(words) >= 2:
            found.append(UnitName(kind=m.group(1).lower(), name=" ".join(words), start=m.start(), end=end))
    return tuple(found)


@lru_cache(maxsize=8)
def _unit_pattern(kinds: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"(?<!\w)({'|'.join(sorted(kinds, key=len, reverse=True))}) (?=\w)", re.IGNORECASE)


def _name_words(text: str, at: int) -> tuple[list[str], int]:
    """The capitalized words from `at` on, separated by single spaces (at most four)."""
    words, end = [], at
    while len(words) < 4:
        m = _NAME_WORD.match(text, at)
        if not m or not m.group()[0].isupper():
            break
        words.append(m.group())
        end = m.end()
        if not text.startswith(" ", end) or text.startswith("  ", end):
            break
        at = end + 1
    return words, end


# --- letters of another alphabet ------------------------------------------------------------

_FOREIGN_SCRIPTS = ("CYRILLIC", "GREEK")
_WORD_RE = re.compile(r"[^\W\d_]+")
# Every code point whose Unicode name starts with one of _FOREIGN_SCRIPTS lies in these blocks
# (tests/test_hygiene.py checks it against the whole Unicode table): one search in C rules out
# a line before any per-letter look-up. The blocks beyond U+FFFF (Greek numbers and musical
# notation, Cyrillic Extended-D) are one range from the first to the last, as the letters found are
# named anyway: the regex engine tries each character it does not find in its table of the basic
# plane against every such range in turn, and three ranges made the search cost almost three times as much.
FOREIGN_BLOCKS = re.compile(
    "[\u0370-\u03ff\u0400-\u052f\u1c80-\u1c8f\u1d26-\u1d2b\u1d5d-\u1d6a\u1dbf\u1f00-\u1fff"
    "\u2c80-\u2cff\u2de0-\u2dff\ua640-\ua69f\uab65\U00010140-\U0001e08f]"
)


@dataclass(frozen=True)
class ForeignWord:
    word: str
    letters: list[str]  # "т (CYRILLIC SMALL LETTER TE)"
    start: int
    end: int


@lru_cache(maxsize=SEEN_LINES)
def foreign_words(text: str) -> tuple[ForeignWord, ...]:
    """Words with Cyrillic or Greek letters: in a Vietnamese document they are keyboard or
    copy-paste slips that look like Latin letters ("топ" for "top") and defeat search and matching."""
    if not FOREIGN_BLOCKS.search(text):
        return ()
    out = []
    for m in _WORD_RE.finditer(text):
        letters = [ch for ch in dict.fromkeys(m.group()) if _script(ch) in _FOREIGN_SCRIPTS]
        if letters:
            out.append(ForeignWord(m.group(), [f"{ch} ({unicodedata.name(ch, '?')})" for ch in letters], m.start(), m.end()))
    return tuple(out)


def _script(ch: str) -> str:
    return unicodedata.name(ch, "").split(" ")[0]


# --- doubled words ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Doubled:
    phrase: str  # the repeated word or phrase, as first written
    start: int  # the span of both copies
    end: int
    kept: str = ""  # what the text should say instead, when not the phrase once: "CCHC" for "cải CCHC"

    @property
    def fix(self) -> str:
        return self.kept or self.phrase


# Words that never end or start a compound with their neighbour: next to one, a doubled word
# cannot be two words that share a syllable ("tuyên truyền truyền thống" is "tuyên truyền" and
# "truyền thống"; "công nghệ thông tin tin và" is a slip).
FUNCTION_WORDS = frozenset(
    "và của các những trong với cho là để theo tại về có được đã sẽ thì mà hoặc hay từ đến trên "
    "dưới bằng qua nhằm do bởi như khi nếu vào ra này đó cũng đều còn chỉ rất".split()
)


@lru_cache(maxsize=SEEN_LINES)
def doubled_words(text: str, allowed: frozenset[str] = frozenset()) -> tuple[Doubled, ...]:
    """Words or phrases of up to four words written twice in a row, with a space or a comma
    between the copies ("băng băng zôn", "xã, xã", "trong trong").

    Vietnamese compounds share syllables, so a repeat is a slip only where it cannot be two
    words: a single syllable repeated is reported when it is a function word or when the word
    before it or after it ends the phrase (punctuation, a function word); a repeat after a comma
    only when nothing continues the second copy ("một cửa, một cửa liên thông" and "ý kiến, kiến
    nghị" are lists). Reduplications the language uses on purpose ("dần dần", "ngày ngày") are
    `allowed` (normalized, lower case); numbers are not words here. A word written again by the
    abbreviation that follows it counts too ("cải CCHC" reads "cải cải cách hành chính")."""
    nfc = unicodedata.normalize("NFC", text)
    folded = fold(nfc)  # folding is most of a gate's cost: once for both
    echoes = abbreviation_echoes(text, folded if nfc == text else fold(text))
    if not _may_repeat(folded):
        return echoes
    found: list[Doubled] = list(echoes)
    tokens = [t for t in tokenize(text) if not t.norm.isdigit()]
    i = 0
    while i < len(tokens):
        n = next((n for n in range(4, 0, -1) if _repeats(text, tokens, i, n, allowed)), 0)
        if n:
            found.append(Doubled(text[tokens[i].start : tokens[i + n - 1].end], tokens[i].start, tokens[i + 2 * n - 1].end))
            i += 2 * n
        else:
            i += 1
    return tuple(sorted(found, key=lambda d: d.start))


def abbreviation_echoes(text: str, folded: str) -> tuple[Doubled, ...]:
    """Words written just before an abbreviation of the lexicon that begins with them, one space
    apart: "cải CCHC" (cải cách hành chính), "thủ tục TTHC" (thủ tục hành chính). `folded` is
    `fold(text)`, which the caller has at hand."""
    from audit.text.lexicon import load_lexicon

    if not _abbreviation_gate().search(folded):
        return ()
    expansions = load_lexicon().expansions
    tokens = tokenize(text)
    found = []
    for i, token in enumerate(tokens):
        for key, expansion in expansions.get(token.loose, ()):
            end = i + len(key)
            if tuple(t.loose for t in tokens[i:end]) != key:
                continue
            words = [norm for norm, _ in expansion]
            echo = next((tokens[i - k : i] for k in range(len(words) - 1, 0, -1)
                         if i >= k and [t.norm for t in tokens[i - k : i]] == words[:k]), None)
            if echo and _tight(text, [*echo, token]):
                found.append(Doubled(text[echo[0].start : echo[-1].end], echo[0].start, tokens[end - 1].end,
                                     kept=text[token.start : tokens[end - 1].end]))
    return tuple(found)


@lru_cache(maxsize=1)
def _abbreviation_gate() -> re.Pattern:
    """The lexicon's abbreviations (their first words) as whole words of a folded line: most lines have none."""
    from audit.text.lexicon import load_lexicon

    return re.compile(rf"\b(?:{'|'.join(map(re.escape, load_lexicon().expansions))})\b")


# One to four words, a gap, and the same words again, on the folded line: every repeat
# `doubled_words` reports matches it (equal words fold equal), and most lines have none, so one
# search in C spares them the word-by-word look. The words are taken whole (`\w++`, never given
# back): a word cut short would be followed by a word character, which no gap starts with, and
# backing off letter by letter doubled the search's cost. The folded line keeps no combining mark
# but a stray one, which is dropped so that it cannot end a word early.
_REPEAT_GATE = re.compile(r"\b(\w++(?: \w++){0,3})(?: |, ?)\1\b")
_STRAY_MARKS = re.compile(r"[\u0300-\u036f]")


def _may_repeat(folded: str) -> bool:
    """`folded`: the line in NFC, folded. The compiled core first looks for a word written again
    within four words, which the search cannot match without (about a line in three has one)."""
    bare = _STRAY_MARKS.sub("", folded)  # no mark: the line itself, as quickly as a search
    fast = core()
    if fast is not None and fast.repeats_near(bare) is False:
        return False
    return _REPEAT_GATE.search(bare) is not None


def _repeats(text: str, tokens, i: int, n: int, allowed: frozenset[str]) -> bool:
    first, second = tokens[i : i + n], tokens[i + n : i + 2 * n]
    if len(second) < n or [t.norm for t in first] != [t.norm for t in second]:
        return False
    gap = text[first[-1].end : second[0].start]
    if not (_tight(text, first) and _tight(text, second) and re.fullmatch(r" |, ?", gap)):
        return False
    if n == 1 and f"{first[0].norm} {second[0].norm}" in allowed:
        return False
    if text[first[0].start].islower() and text[second[0].start].isupper():
        return False  # the second copy starts a name: "trụ sở Sở Nội vụ" (the department's own premises)
    ends_after = _boundary(text, second[-1].end, tokens[i + 2 * n] if i + 2 * n < len(tokens) else None)
    if gap != " ":
        return ends_after
    if n > 1 or first[0].norm in FUNCTION_WORDS:
        return True
    return ends_after or _boundary_before(text, first[0].start, tokens[i - 1] if i else None)


def _boundary(text: str, end: int, following) -> bool:
    """Nothing continues the phrase after `end`: the text ends, punctuation, or a function word."""
    if following is None or text[end : following.start].strip():
        return True
    return following.norm in FUNCTION_WORDS


def _boundary_before(text: str, start: int, previous) -> bool:
    if previous is None or text[previous.end : start].strip():
        return True
    return previous.norm in FUNCTION_WORDS


def _tight(text: str, tokens) -> bool:
    """The words of a phrase follow each other with single spaces."""
    return all(text[a.end : b.start] == " " for a, b in zip(tokens, tokens[1:]))


# --- placeholders -----------------------------------------------------------------------------

_BLANK_AFTER = r"(?:số|ngày|tháng|năm|xã|phường|thị trấn|huyện|quận|tỉnh|thành phố|ông|bà|đồng chí)"
_PLACEHOLDER_RES = (  # each with what it cannot match without, in lower case (a line has few of them)
    # "Số: .../KH-UBND", "ngày ..../..../2024", "xã ……": dots standing for a value to fill in
    # (a run of dots is tried from its first dot only, and taken whole: a run of 100,000 dots is one
    # pass, not one per dot)
    (("...", "…"), re.compile(rf"(?<!\w){_BLANK_AFTER}\s*+:?\s*+(?:\.{{3,}}|…+)", re.IGNORECASE)),
    (("...", "…"), re.compile(r"(?:(?<!\.)\.{3,}+|(?<!…)…++)\s*+/\s*+(?:\.{3,}|…+|[A-ZĐ]{2})")),
    # "xxx", "XXXX" (not a Roman numeral after "thứ", "khóa": "Đại hội lần thứ XXX")
    (("xxx",), re.compile(r"(?<!thứ )(?<!khóa )(?<!khoá )(?<![\w.])(?:x{3,}+|X{3,}+)(?![\w])")),
    # "[tên đơn vị]", "<tên cơ quan>", "[...]": a template's slots (not a Markdown link "[text](url)")
    (("[",), re.compile(r"\[(?:\s*+tên\b[^\]\n]{0,40}+|[.…x\s]++)\](?!\()", re.IGNORECASE)),
    (("<",), re.compile(r"<\s*+tên\b[^>\n]{0,40}>", re.IGNORECASE)),
    # "ngày tháng năm" with nothing written in it and no year (a draft's "ngày tháng năm 2024"
    # is a blank date, reported by the header rules)
    (("ngày",), re.compile(r"(?<!\w)ngày\s+tháng\s+năm(?!\s*\d)(?!\w)", re.IGNORECASE)),
)


# What each pattern above cannot match without, in lower case: most lines have none of them,
# and one search for a few strings costs far less than six searches.
PLACEHOLDER_GATE = re.compile(r"\.\.\.|…|xxx|\[|<|ngày")


@lru_cache(maxsize=SEEN_LINES)
def placeholders(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of template blanks left in the text ("Số .../KH-UBND", "xxx", "[tên đơn vị]",
    "ngày tháng năm"). Dots that end a list ("khiếu nại, tố cáo...") are not blanks."""
    lower = text.lower()
    patterns = [pattern for needs, pattern in _PLACEHOLDER_RES if any(need in lower for need in needs)]
    spans = sorted({m.span() for pattern in patterns for m in pattern.finditer(text)})
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)
