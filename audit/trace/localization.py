"""How much of a child plan is a near-verbatim copy of its parent.

Parents ask for plans "phù hợp với tình hình thực tế" of each unit; a copied plan keeps the parent's
sentences, units and places. The figure is the share of the child's sentences (of at least
`min_words` words) whose best match among the parent's sentences scores at least `similarity`
(rapidfuzz ratio on folded text, 0-100).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from audit.model import Line
from audit.text.normalize import fold

_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+")


@dataclass(frozen=True)
class CopiedSentence:
    child_line: int
    parent_line: int
    text: str
    score: float


@dataclass(frozen=True)
class Localization:
    sentences: int
    copied: list[CopiedSentence]

    @property
    def share(self) -> float:
        return len(self.copied) / self.sentences if self.sentences else 0.0


def sentences(lines: list[Line], min_words: int) -> list[tuple[int, str, str]]:
    """(line, original sentence, folded sentence) for every sentence of at least `min_words` words."""
    out = []
    for line in lines:
        for sentence in _SENTENCE_END.split(line.text.lstrip("-+• ")):
            folded = " ".join(re.findall(r"[a-z0-9]+", fold(sentence)))
            if folded.count(" ") + 1 >= min_words:
                out.append((line.number, sentence, folded))
    return out


def localization(child: list[Line], parent: list[Line], similarity: float = 90, min_words: int = 8) -> Localization:
    """The child's sentences that are copies of the parent's, among all its sentences."""
    from rapidfuzz import fuzz, process

    theirs = sentences(parent, min_words)
    choices = [folded for _, _, folded in theirs]
    ours = sentences(child, min_words)
    copied = []
    for line, original, folded in ours:
        best = process.extractOne(folded, choices, scorer=fuzz.ratio, score_cutoff=similarity) if choices else None
        if best:
            copied.append(CopiedSentence(line, theirs[best[2]][0], original, best[1]))
    return Localization(sentences=len(ours), copied=copied)
