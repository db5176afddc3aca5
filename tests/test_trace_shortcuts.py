"""Shortcuts the parent audit takes for speed give what the plain definitions give, on every line of
the real seeds and of the fixtures and on made-up text."""

from __future__ import annotations

import re

import pytest

from audit.read import read_source
from audit.base.normalize import fold
from audit.trace import copying
from tests.conftest import FIXTURES, SEEDS


def _texts() -> list[str]:
    paths = sorted(SEEDS.glob("*.txt")) + sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md", ".docx", ".pdf"))
    if not paths:
        pytest.skip("no seeds or fixtures")
    return [line.text for path in paths for line in read_source(path).lines]


def _plain_sentences(lines: tuple[tuple[int, str], ...], min_words: int) -> tuple[tuple[int, str, str], ...]:
    out = []
    for number, text in lines:
        for sentence in re.split(r"(?<=[.;:!?])\s+", text.lstrip("-+• ")):
            folded = " ".join(re.findall(r"[a-z0-9]+", fold(sentence)))
            if folded.count(" ") + 1 >= min_words:
                out.append((number, sentence, folded))
    return tuple(out)


def test_sentences_remembered_by_line_are_the_sentences_of_the_lines():
    lines = tuple(enumerate(_texts(), start=1))
    for min_words in (1, 8):
        assert copying._sentences(lines, min_words) == _plain_sentences(lines, min_words)
    assert len(copying._sentences(lines, 8)) > 500

