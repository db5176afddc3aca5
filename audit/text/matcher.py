"""Finding the lexicon's concepts in a plan's lines, with evidence a reviewer can check.

Per line, three passes, each only where the one before found nothing:
1. exact: the alias's words, after NFC, canonical tones, case folding and abbreviation expansion
   (score 1.0); then the same words without diacritics, which also catches wrong diacritics such
   as "Công thông tin điện tử" (score 0.9);
2. exclusions: a match lying inside one of its concept's `not_in` phrases is dropped
   ("Trung tâm Văn hóa, Thể thao và Truyền thanh" is a unit, not the radio channel);
3. fuzzy (rapidfuzz, imported only when needed): for a concept with no exact match on the line,
   long aliases compared with windows of the line's words that share all but one of their words.

What counts as the plan's coverage (`match_plan`) leaves out the preamble (the basis documents it
cites) and the "Nơi nhận" recipients: naming "Báo Gia Lai" as a recipient is not using the press.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from audit.model import ConceptHit, Evidence, Line, Plan
from audit.text.lexicon import FuzzyAlias, Lexicon, Phrase, load_lexicon
from audit.text.normalize import Token

EXACT_SCORE = 1.0
LOOSE_SCORE = 0.9  # the words matched only once diacritics were set aside


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
    """Every concept named in `text`, in order of position (one match per place and concept)."""
    lexicon = lexicon or load_lexicon()
    words = lexicon.words(text)
    found, excluded = _exact(words, lexicon)
    found = [s for s in found if not _inside(s, excluded)]
    named = {s.concept for s in found}
    if lexicon.fuzzy:
        found += [s for s in _fuzzy(words, lexicon, named) if not _inside(s, excluded)]
    found.sort(key=lambda s: (s.first, s.concept))
    return [Match(s.concept, words[s.first].start, words[s.stop - 1].end, s.score) for s in found]


def match_lines(lines: Iterable[Line], lexicon: Lexicon | None = None) -> list[ConceptHit]:
    """The concepts named in `lines`: ids sorted, each with one evidence per line (its best match)."""
    lexicon = lexicon or load_lexicon()
    evidence: dict[str, dict[int, Evidence]] = {}
    for line in lines:
        for match in find_matches(line.text, lexicon):
            by_line = evidence.setdefault(match.concept, {})
            best = by_line.get(line.number)
            if best is None or match.score > (best.score or 0):
                by_line[line.number] = Evidence(
                    line=line.number, text=line.text, matched=line.text[match.start : match.end], score=match.score
                )
    return [
        ConceptHit(id=concept, evidence=[by_line[n] for n in sorted(by_line)])
        for concept, by_line in sorted(evidence.items())
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


def _exact(words: list[Token], lexicon: Lexicon) -> tuple[list[_Span], list[_Span]]:
    """Aliases and exclusions found word for word: (matches, exclusion spans)."""
    found: list[_Span] = []
    excluded: list[_Span] = []
    for i, word in enumerate(words):
        for phrase in lexicon.by_first.get(word.loose, ()):
            score = _compare(phrase, words, i)
            if score:
                span = _Span(phrase.concept, i, i + len(phrase.loose), score)
                (excluded if phrase.negative else found).append(span)
    return found, excluded


def _compare(phrase: Phrase, words: list[Token], i: int) -> float:
    window = words[i : i + len(phrase.loose)]
    if len(window) < len(phrase.loose):
        return 0.0
    if all(w.norm == p for w, p in zip(window, phrase.norm)):
        return EXACT_SCORE
    if not phrase.keep_tones and all(w.loose == p for w, p in zip(window, phrase.loose)):
        return LOOSE_SCORE
    return 0.0


def _inside(span: _Span, excluded: list[_Span]) -> bool:
    return any(x.concept == span.concept and x.first <= span.first and span.stop <= x.stop for x in excluded)


def _fuzzy(words: list[Token], lexicon: Lexicon, named: set[str]) -> list[_Span]:
    """Typos of long aliases, for concepts the line does not name exactly: the best window per
    concept whose similarity reaches the concept's threshold."""
    shared: dict[int, int] = {}
    for loose in {w.loose for w in words}:
        for index in lexicon.fuzzy_by_word.get(loose, ()):
            shared[index] = shared.get(index, 0) + 1
    best: dict[str, _Span] = {}
    for index, count in shared.items():
        alias = lexicon.fuzzy[index]
        if alias.concept in named or count < len(set(alias.loose)) - 1:
            continue
        span = _best_window(words, alias, lexicon.fuzzy_word_similarity)
        if span and (alias.concept not in best or span.score > best[alias.concept].score):
            best[alias.concept] = span
    return list(best.values())


def _best_window(words: list[Token], alias: FuzzyAlias, word_similarity: int) -> _Span | None:
    """The window of the alias's length most similar to it, if it reaches the threshold and
    differs from the alias only by misspelt words (see `_typos_only`)."""
    from rapidfuzz.fuzz import ratio

    size = len(alias.loose)
    vocabulary = set(alias.loose)
    best: _Span | None = None
    for first in range(len(words) - size + 1):
        window = [w.loose for w in words[first : first + size]]
        if window[0] not in vocabulary and window[1] not in vocabulary:
            continue
        score = ratio(alias.text, " ".join(window), score_cutoff=alias.threshold)
        if score and (best is None or score / 100 > best.score) and _typos_only(
            alias.loose, window, ratio, word_similarity
        ):
            best = _Span(alias.concept, first, first + size, round(score / 100, 3))
    return best


def _typos_only(alias: tuple[str, ...], window: list[str], ratio, similarity: int) -> bool:
    """A typo misspells a word; it does not put another word in its place. So each word of the
    alias missing from the window must pair, in order, with a window word that is a near spelling
    ("nghiêm" for "niêm"), never with a different word ("đạo" for "số", "hình" for "thanh")."""
    left = Counter(window)
    missing = []
    for word in alias:
        if left[word]:
            left[word] -= 1
        else:
            missing.append(word)
    extra = []
    for word in window:
        if left[word]:
            left[word] -= 1
            extra.append(word)
    return len(missing) == len(extra) and all(ratio(a, b) >= similarity for a, b in zip(missing, extra))
