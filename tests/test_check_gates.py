"""The quick gates of the line-by-line check kinds: each must let through every line its slow path
would find something in, on every line of the real seeds and of the fixtures and on made-up text."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.engine.checks import impossible_date, texts_hit
from audit.parse.docref import DATE_RE
from audit.read import read_source
from audit.text import hygiene
from audit.base.normalize import fold
from tests.conftest import FIXTURES, SEEDS


def _texts() -> list[str]:
    """Every line's text and every table cell of the seeds and the fixtures."""
    paths = sorted(SEEDS.glob("*.txt")) + sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md", ".docx", ".pdf"))
    if not paths:
        pytest.skip("no seeds or fixtures")
    return [text for path in paths for line in read_source(path).lines for text in (line.text, *(line.cells or ()))]


TEXTS = _texts()
GATES = [
    (hygiene.FOREIGN_BLOCKS, False),
    (hygiene.PLACEHOLDER_GATE, True),
    (impossible_date._MAY_HOLD_DATE, False),
    (re.compile(r"(?<!\w)xã|ngày\b"), True),  # lookarounds see a text's ends as they would alone
]


@pytest.mark.parametrize(("gate", "lower"), GATES)
def test_texts_hit_finds_the_texts_a_search_of_each_would(gate, lower):
    one_by_one = [i for i, text in enumerate(TEXTS) if gate.search(text.lower() if lower else text)]
    assert texts_hit(TEXTS, gate, lower=lower) == one_by_one
    assert one_by_one or gate is hygiene.FOREIGN_BLOCKS  # the seeds have placeholders, dates, communes


def test_texts_hit_with_a_nul_in_a_text_or_no_text():
    gate = re.compile(r"(?<!\w)b")
    assert texts_hit(["a", "x\0b", "ab", "b"], gate) == [1, 3]
    assert texts_hit([], gate) == []


@given(st.lists(st.text(alphabet="xã ,.\0ngàyXÃ", max_size=12), max_size=8))
def test_texts_hit_on_made_up_texts(texts):
    gate = re.compile(r"(?<!\w)xã(?!\w)|ngày")
    assert texts_hit(texts, gate, lower=True) == [i for i, text in enumerate(texts) if gate.search(text.lower())]


def test_the_date_gate_lets_every_date_through():
    dated = [text for text in TEXTS if DATE_RE.search(text)]
    assert len(dated) > 50
    assert [text for text in dated if not impossible_date._MAY_HOLD_DATE.search(text)] == []


@given(st.text(alphabet="0123456789 /.-,thángnămTHÁNG\u00a0", max_size=30))
def test_the_date_gate_on_made_up_dates(text):
    assert not DATE_RE.search(text) or impossible_date._MAY_HOLD_DATE.search(text)


# The repeat gate as first written, whose words could back off letter by letter: the same answers.
_BACKTRACKING_REPEAT = re.compile(r"\b(\w+(?: \w+){0,3})(?: |, ?)\1\b")


def test_the_repeat_gate_answers_as_its_backtracking_form():
    folded = [fold(unicodedata.normalize("NFC", text)) for text in TEXTS]
    assert [bool(hygiene._REPEAT_GATE.search(f)) for f in folded] == [bool(_BACKTRACKING_REPEAT.search(f)) for f in folded]
    assert any(hygiene._REPEAT_GATE.search(f) for f in folded)


@given(st.lists(st.sampled_from(["xa", "xa,", "ab", "a", "b1", "ab_", "tin", "tin,"]), max_size=12))
def test_the_repeat_gate_on_made_up_words(words):
    text = " ".join(words)
    assert bool(hygiene._REPEAT_GATE.search(text)) == bool(_BACKTRACKING_REPEAT.search(text))
