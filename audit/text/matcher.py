"""Finding the lexicon's concepts in a plan's lines, with evidence a reviewer can check.

Per line, three passes:
1. exact: the alias's words, after NFC, canonical tones, case folding and abbreviation expansion
   (score 1.0); then the same words without diacritics, which also catches wrong diacritics such
   as "Công thông tin điện tử" (score 0.9);
2. exclusions: a match lying inside one of its concept's `not_in` phrases is dropped
   ("Trung tâm Văn hóa, Thể thao và Truyền thanh" is a unit, not the radio channel);
3. fuzzy (rapidfuzz, imported only when needed): for a concept with no exact match on the line,
   long aliases compared with windows of the line's words that share all but one of their words
   (score below 0.9: the similarity, scaled).

What counts as the plan's coverage (`match_plan`) leaves out the preamble (the basis documents it
cites) and the "Nơi nhận" recipients: naming "Báo Gia Lai" as a recipient is not using the press.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache, partial
from typing import NamedTuple

from audit.model import ConceptHit, Evidence, Line, Plan
from audit.text.lexicon import FuzzyAlias, Lexicon, load_lexicon
from audit.base.core import core
from audit.base.normalize import SEEN_LINES, Token, as_token

EXACT_SCORE = 1.0
LOOSE_SCORE = 0.9  # the words matched only once diacritics were set aside
WRAP_REACH = 80  # characters on each side of a line wrap searched for an alias cut by it
# A typo's score is its similarity scaled below LOOSE_SCORE: a fuzzy match never outranks a word-for-word one.


class Match(NamedTuple):
    """A concept named in a text: its character span in that text, and how sure the match is."""

    concept: str
    start: int
    end: int
    score: float


class _Span(NamedTuple):
    concept: str
    first: int  # index of the first word
    stop: int  # index after the last word
    score: float


def find_matches(text: str, lexicon: Lexicon | None = None) -> list[Match]:
    """Every concept named in `text`, in order of position (one match per place and concept).
    The matches of a line are remembered (see `SEEN_LINES`); the list returned is the caller's own."""
    return list(_find_matches(text, lexicon or load_lexicon()))


@lru_cache(maxsize=SEEN_LINES)
def _find_matches(text: str, lexicon: Lexicon) -> tuple[Match, ...]:
    words, found, excluded, near = _read_line(text, lexicon)
    found = [s for s in found if not _inside(s, excluded)]
    named = {s.concept for s in found}
    near = [a for a in near if a.concept not in named]
    if near:
        found += [s for s in _fuzzy(text, words, lexicon, near) if not _inside(s, excluded)]
    found.sort(key=lambda s: (s.first, s.concept))
    return tuple(Match(s.concept, words[s.first].start, words[s.stop - 1].end, s.score) for s in found)


def match_lines(lines: Iterable[Line], lexicon: Lexicon | None = None) -> list[ConceptHit]:
    """The concepts named in `lines`: ids sorted, each with one evidence per line (its best match).
    A concept written across a hard line wrap is evidenced on the line where it starts."""
    lexicon = lexicon or load_lexicon()
    evidence: dict[str, dict[int, Evidence]] = {}

    def keep(number: int, text: str, match: Match) -> None:
        by_line = evidence.setdefault(match.concept, {})
        best = by_line.get(number)
        if best is None or match.score > (best.score or 0):
            by_line[number] = Evidence(line=number, text=text, matched=text[match.start : match.end], score=match.score)

    previous: Line | None = None
    for line in lines:
        for match in find_matches(line.text, lexicon):
            keep(line.number, line.text, match)
        if previous is not None and _continues(previous, line):
            joined = f"{previous.text} {line.text}"
            for match in _across_wrap(previous.text, line.text, lexicon):
                keep(previous.number, joined, match)
        previous = line
    return [
        ConceptHit(id=concept, evidence=[by_line[n] for n in sorted(by_line)])
        for concept, by_line in sorted(evidence.items())
    ]


def _continues(previous: Line, line: Line) -> bool:
    """Whether `line` carries on `previous`'s sentence after a hard wrap (PDF text, portal copies):
    the next line number, starting with a small letter, after a line that does not end a sentence."""
    return (
        line.number == previous.number + 1 and line.text[:1].islower()
        and not previous.text.rstrip().endswith((".", ";", ":", "!", "?"))
    )


def _across_wrap(first: str, second: str, lexicon: Lexicon) -> list[Match]:
    """Matches that straddle the wrap between two lines, positioned in "first second". Only the
    end of one line and the start of the next are matched: no alias is longer than `WRAP_REACH`."""
    offset = first.find(" ", len(first) - WRAP_REACH) + 1 if len(first) > WRAP_REACH else 0
    end = second.rfind(" ", 0, WRAP_REACH) if len(second) > WRAP_REACH else len(second)
    tail, head = first[offset:], second[:max(end, 0)]  # whole words only: a cut word could match
    wrap = len(tail)
    return [
        Match(m.concept, m.start + offset, m.end + offset, m.score)
        for m in find_matches(f"{tail} {head}", lexicon) if m.start < wrap < m.end
    ]


def match_plan(plan: Plan, lexicon: Lexicon | None = None) -> list[ConceptHit]:
    """What the plan's own content covers: its lines outside the preamble and the recipients."""
    skip = not_coverage_lines(plan)
    return match_lines((line for line in plan.lines if line.number not in skip), lexicon)


def not_coverage_lines(plan: Plan) -> set[int]:
    """Lines whose mentions are not the plan's own: the preamble (with every citation line, should
    the parser have placed one outside it) and the "Nơi nhận" list."""
    skip = {c.line for c in plan.citations} | {r.line for r in plan.recipients}
    if plan.preamble:
        skip.update(range(plan.preamble[0], plan.preamble[1] + 1))
    return skip


def _read_line(text: str, lexicon: Lexicon) -> tuple[list[Token], list[_Span], list[_Span], list[FuzzyAlias]]:
    """The line's words, its exact pass (matches, exclusions) and the fuzzy aliases near enough to
    try (`_near_aliases`): from the compiled core when it reads the line."""
    fast = _compiled(lexicon)
    done = fast.exact(text) if fast is not None else None
    if done is None:
        words = lexicon.words(text)
        return words, *_exact(words, lexicon), _near_aliases(words, lexicon)
    words, found, excluded, near = done
    return (list(map(as_token, words)), list(map(_as_span, found)), list(map(_as_span, excluded)),
            [lexicon.fuzzy[i] for i in near])


_as_span = partial(tuple.__new__, _Span)


@lru_cache(maxsize=4)
def _compiled(lexicon: Lexicon):
    """The core's matcher over `lexicon` (audit/base/core.py), or None without the core."""
    fast = core()
    fuzzy = [list(dict.fromkeys(alias.loose)) for alias in lexicon.fuzzy]
    return fast and fast.matcher(dict(lexicon.expansions), lexicon.by_first, fuzzy)


def _exact(words: list[Token], lexicon: Lexicon) -> tuple[list[_Span], list[_Span]]:
    """Aliases and exclusions found word for word: (matches, exclusion spans)."""
    looses = tuple(w.loose for w in words)
    found: list[_Span] = []
    excluded: list[_Span] = []
    firsts = lexicon.by_first.keys() & set(looses)
    if not firsts:
        return found, excluded
    norms = tuple(w.norm for w in words)
    for i, loose in enumerate(looses):
        if loose not in firsts:
            continue
        for phrase in lexicon.by_first[loose]:
            stop = i + len(phrase.loose)
            if norms[i:stop] == phrase.norm:
                score = EXACT_SCORE
            elif not phrase.keep_tones and looses[i:stop] == phrase.loose:
                score = LOOSE_SCORE
            else:
                continue
            (excluded if phrase.negative else found).append(_Span(phrase.concept, i, stop, score))
    return found, excluded


def _inside(span: _Span, excluded: list[_Span]) -> bool:
    return any(x.concept == span.concept and x.first <= span.first and span.stop <= x.stop for x in excluded)


def _near_aliases(words: list[Token], lexicon: Lexicon) -> list[FuzzyAlias]:
    """The fuzzy aliases whose words the line has all but one of: with one bit per word of the
    fuzzy aliases, the line's bits must cover all of the alias's bits but one."""
    bits = lexicon.fuzzy_bits
    line_mask = 0
    for loose in bits.keys() & {w.loose for w in words}:
        line_mask |= bits[loose]
    return [a for a in lexicon.fuzzy if (a.mask & ~line_mask).bit_count() < 2]


def _fuzzy(text: str, words: list[Token], lexicon: Lexicon, candidates: list[FuzzyAlias]) -> list[_Span]:
    """Typos of long aliases (`candidates`: near the line, of concepts it does not name exactly):
    the best window per concept whose similarity reaches the concept's threshold, within one clause
    of `text` (a typo does not put a full stop or a semicolon inside a term: "kỷ cương hành chính;
    công khai" is not "Cổng Hành chính công")."""
    looses = [w.loose for w in words]
    from rapidfuzz.fuzz import ratio

    clauses = _clauses(text, words)
    best: dict[str, _Span] = {}
    for alias in candidates:
        span = _best_window(looses, alias, lexicon.fuzzy_word_similarity, ratio)
        if span and clauses[span.first] != clauses[span.stop - 1]:
            span = None
        if span and (alias.concept not in best or span.score > best[alias.concept].score):
            best[alias.concept] = span
    return list(best.values())


_CLAUSE_END = re.compile(r"[.;:!?]")


def _clauses(text: str, words: list[Token]) -> list[int]:
    """For each word, the number of clause ends (. ; : ! ?) before it in `text`."""
    clauses, count = [], 0
    for i, word in enumerate(words):
        if i and _CLAUSE_END.search(text, words[i - 1].end, word.start):
            count += 1
        clauses.append(count)
    return clauses


def _best_window(looses: list[str], alias: FuzzyAlias, word_similarity: int, ratio) -> _Span | None:
    """The window of the alias's length most like it, if it reaches the concept's threshold.

    A typo misspells a word; it does not put another word in its place. So the window must equal
    the alias word for word but one, and that one must be a near spelling of the alias's word
    ("nghiêm" for "niêm"), never a different word ("đạo" for "số", "hình" for "thanh").
    With one word wrong at most, the window starts where the alias's first word is, or one word
    before where its second word is."""
    size = len(alias.loose)
    starts = set(_places(looses, alias.loose[0])) | {i - 1 for i in _places(looses, alias.loose[1])}
    best: _Span | None = None
    for first in sorted(s for s in starts if 0 <= s <= len(looses) - size):
        window = looses[first : first + size]
        wrong = [(a, w) for a, w in zip(alias.loose, window) if a != w]
        if len(wrong) != 1 or ratio(*wrong[0]) < word_similarity:
            continue
        score = LOOSE_SCORE * ratio(alias.text, " ".join(window)) / 100
        if score >= LOOSE_SCORE * alias.threshold / 100 and (best is None or score > best.score):
            best = _Span(alias.concept, first, first + size, round(score, 3))
    return best


def _places(looses: list[str], word: str) -> list[int]:
    """Where `word` occurs in `looses` (list.index scans in C: cheaper than indexing every line)."""
    places: list[int] = []
    i = -1
    while True:
        try:
            i = looses.index(word, i + 1)
        except ValueError:
            return places
        places.append(i)
