"""Shortcuts the parent audit takes for speed give what the plain definitions give, on every line of
the real seeds and of the fixtures and on made-up text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.read import read_source
from audit.base.normalize import fold
from audit.trace import copying
from audit.trace.coverage import STOPWORDS, key_words
from tests.conftest import FIXTURES, SEEDS


def _texts() -> list[str]:
    paths = sorted(SEEDS.glob("*.txt")) + sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md", ".docx", ".pdf"))
    if not paths:
        pytest.skip("no seeds or fixtures")
    return [line.text for path in paths for line in read_source(path).lines]


def _plain_key_words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]+", fold(text)) if len(w) > 1 and w not in STOPWORDS)


def test_key_words_are_the_folded_words_longer_than_one_letter_and_not_stopwords():
    texts = _texts()
    assert sum(map(len, map(key_words, texts))) > 3_000  # the fixtures alone give about 5,700 (CI without the seeds)
    assert [key_words(text) for text in texts] == [_plain_key_words(text) for text in texts]
    assert key_words("Xã A, b2 và thủ tục 1 đ") == {"b2", "thu", "tuc"}


@given(st.text(alphabet="ab1 ,.đĐ-\u0301x中_", max_size=40))
def test_key_words_on_made_up_text(text):
    assert key_words(text) == _plain_key_words(text)


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

