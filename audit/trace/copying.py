"""How much of a child plan is a near-verbatim copy of its parent.

Parents ask for plans "phù hợp với tình hình thực tế" of each unit; a copied plan keeps the parent's
sentences, units and places. The figure is the share of the child's sentences (of at least
`min_words` words) whose best match among the parent's sentences scores at least `similarity`
(rapidfuzz ratio on folded text, 0-100).

Every sentence of the child is scored against the parent's sentences (in C, by rapidfuzz). With the
compiled core, those whose characters differ in number by more than the similarity allows are left
out first: they cannot score it (audit_core's `Near`), and the best match found is the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from audit.model import Line
from audit.base.core import core
from audit.base.normalize import SEEN_LINES, fold

_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+")
_WORD = re.compile(r"[a-z0-9]+")  # a word of folded text


@dataclass(frozen=True)
class CopiedSentence:
    child_line: int
    parent_line: int
    text: str
    score: float


@dataclass(frozen=True)
class CopiedShare:
    """The child's sentences counted, and those copied from the parent."""

    sentences: int
    copied: list[CopiedSentence]

    @property
    def share(self) -> float:
        return len(self.copied) / self.sentences if self.sentences else 0.0


@lru_cache(maxsize=32)  # a parent's sentences serve each of its children
def _sentences(lines: tuple[tuple[int, str], ...], min_words: int) -> tuple[tuple[int, str, str], ...]:
    """(line, original sentence, folded sentence) for every sentence of at least `min_words` words."""
    return tuple((number, *sentence) for number, text in lines for sentence in _line_sentences(text, min_words))


@lru_cache(maxsize=SEEN_LINES)  # plans repeat their parents' and each other's lines
def _line_sentences(text: str, min_words: int) -> tuple[tuple[str, str], ...]:
    """(original sentence, folded sentence) for each sentence of the line of at least `min_words` words.
    Each character of a line is folded once: sentence by sentence, and a line seen before is not
    read again."""
    out = []
    for sentence in _SENTENCE_END.split(text.lstrip("-+• ")):
        folded = " ".join(_WORD.findall(fold(sentence)))
        if folded.count(" ") + 1 >= min_words:
            out.append((sentence, folded))
    return tuple(out)


def copied_share(child: list[Line], parent: list[Line], similarity: float = 90, min_words: int = 8) -> CopiedShare:
    """The child's sentences that are copies of the parent's, among all its sentences."""
    def key(lines: list[Line]) -> tuple[tuple[int, str], ...]:
        return tuple((line.number, line.text) for line in lines)

    return _copied_share(key(child), key(parent), similarity, min_words)


@lru_cache(maxsize=8)  # asked twice of each child: by the copy check and by its trace
def _copied_share(child: tuple[tuple[int, str], ...], parent: tuple[tuple[int, str], ...], similarity: float,
                  min_words: int) -> CopiedShare:
    from rapidfuzz import fuzz, process

    theirs = _sentences(parent, min_words)
    choices = [folded for _, _, folded in theirs]
    known = _best_matches(parent, min_words, similarity)
    ours = _sentences(child, min_words)
    near = _near(parent, min_words)
    copied = []
    for line, original, folded in ours:
        if folded not in known:
            places = near.candidates(folded, similarity) if near else range(len(choices))
            best = process.extractOne(folded, [choices[at] for at in places], scorer=fuzz.ratio,
                                      score_cutoff=similarity) if places else None
            known[folded] = (best[1], places[best[2]]) if best else None
        if found := known[folded]:
            score, place = found
            copied.append(CopiedSentence(line, theirs[place][0], original, score))
    return CopiedShare(sentences=len(ours), copied=copied)


@lru_cache(maxsize=32)  # a parent's, for each of its children
def _near(lines: tuple[tuple[int, str], ...], min_words: int):
    """The core's bound over the parent's folded sentences, or None in pure Python (every sentence
    is then compared: a count in Python costs more than the comparison it saves)."""
    fast = core()
    return fast.near([folded for _, _, folded in _sentences(lines, min_words)]) if fast else None


@lru_cache(maxsize=32)  # a parent's, for each of its children
def _best_matches(lines: tuple[tuple[int, str], ...], min_words: int, similarity: float) -> dict[str, tuple[float, int] | None]:
    """(score, place) of the best match among the parent's `_sentences` for each sentence asked so far,
    None below `similarity`. Sibling plans share most of their sentences, so each is compared with the
    parent's once; the parent's own sentences are known from the start (score 100, the first place of
    equal ones, where extractOne finds the first of equal best matches)."""
    known: dict[str, tuple[float, int] | None] = {}
    for place, (_, _, folded) in enumerate(_sentences(lines, min_words)):
        known.setdefault(folded, (100.0, place))
    return known
