"""Normalization properties: what matching relies on, checked on generated Vietnamese text."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from audit.base.normalize import Token, canonical_tones, expand_abbreviations, fold, normalize_word, tokenize

TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
VOWELS = "aăâeêioôơuưy"
LETTERS = sorted(
    {unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES}
    | set("bcdđghklmnpqrstvx")
)
VI_CHARS = LETTERS + [c.upper() for c in LETTERS] + list(" ,.;:-/()\t0123456789") + TONES[1:]

vietnamese = st.text(alphabet=st.sampled_from(VI_CHARS), max_size=60)
any_text = st.text(max_size=60)


def test_tone_placement_examples() -> None:
    assert canonical_tones("hoà thuỷ uỷ khoẻ") == "hòa thủy ủy khỏe"
    assert canonical_tones("HOÀ") == "HÒA"
    assert canonical_tones("quý hoàn quyết") == "quý hoàn quyết"  # not word-final pairs, or qu-


def test_fold_examples() -> None:
    assert fold("Đường dây nóng") == "duong day nong"
    assert fold("CỔNG THÔNG TIN ĐIỆN TỬ") == "cong thong tin dien tu"


@given(vietnamese)
def test_canonical_tones_is_idempotent(text: str) -> None:
    once = canonical_tones(text)
    assert canonical_tones(once) == once


@given(any_text)
def test_canonical_tones_is_idempotent_on_any_text(text: str) -> None:
    once = canonical_tones(text)
    assert canonical_tones(once) == once


@given(vietnamese)
def test_unicode_form_does_not_matter(text: str) -> None:
    nfd = unicodedata.normalize("NFD", text)
    assert canonical_tones(nfd) == canonical_tones(text)
    assert [t.norm for t in tokenize(nfd)] == [t.norm for t in tokenize(text)]


@given(any_text)
def test_fold_keeps_one_character_per_character_of_nfc_text(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    assert len(fold(nfc)) == len(nfc)


@given(vietnamese)
def test_fold_is_idempotent_and_ascii_for_vietnamese(text: str) -> None:
    folded = fold(unicodedata.normalize("NFC", text))
    assert fold(folded) == folded
    assert all(ord(c) < 128 or unicodedata.combining(c) for c in folded)


@given(vietnamese)
def test_token_offsets_point_into_the_original_text(text: str) -> None:
    tokens = tokenize(text)
    previous_end = 0
    for token in tokens:
        assert previous_end <= token.start < token.end <= len(text)
        assert normalize_word(text[token.start : token.end]) == (token.norm, token.loose)
        previous_end = token.end
    # nothing of a word is left between tokens: what lies outside them has no letter or digit
    outside = "".join(text[a.end : b.start] for a, b in zip([Token("", "", 0, 0), *tokens], [*tokens, Token("", "", len(text), len(text))]))
    assert not any(c.isalnum() for c in outside)


@given(vietnamese)
def test_token_forms(text: str) -> None:
    for token in tokenize(text):
        assert token.norm == canonical_tones(token.norm).lower()
        assert token.loose == fold(token.norm)


def test_tokens_of_a_non_nfc_line_keep_its_offsets() -> None:
    line = unicodedata.normalize("NFD", "Cổng thông tin điện tử xã, hoà")
    tokens = tokenize(line)
    assert [t.norm for t in tokens] == ["cổng", "thông", "tin", "điện", "tử", "xã", "hòa"]
    assert line[tokens[0].start : tokens[0].end] == unicodedata.normalize("NFD", "Cổng")


TABLE = {
    "ttdt": [(("ttdt",), (("thông", "thong"), ("tin", "tin"), ("điện", "dien"), ("tử", "tu")))],
    "pt": [(("pt", "th"), (("phát", "phat"), ("thanh", "thanh"), ("truyền", "truyen"), ("hình", "hinh")))],
}


def test_abbreviations_expand_and_keep_the_written_span() -> None:
    line = "Đài PT-TH và Cổng TTĐT; PT riêng"
    words = expand_abbreviations(tokenize(line), TABLE)
    assert [w.norm for w in words] == [
        "đài", "phát", "thanh", "truyền", "hình", "và", "cổng", "thông", "tin", "điện", "tử", "pt", "riêng",
    ]
    assert {line[w.start : w.end] for w in words[1:5]} == {"PT-TH"}
    assert {line[w.start : w.end] for w in words[7:11]} == {"TTĐT"}


@given(vietnamese)
def test_expansion_spans_stay_inside_the_text(text: str) -> None:
    for word in expand_abbreviations(tokenize(text), TABLE):
        assert 0 <= word.start < word.end <= len(text)


@given(st.one_of(vietnamese, any_text))
def test_words_are_runs_of_letters_with_their_marks(text: str) -> None:
    """The word patterns are written letters-first for speed; they cut text as the plain definition
    does: a letter (or, for tokens, a digit) followed by letters and combining marks."""
    import re

    from audit.base.normalize import _TOKEN, _WORD

    plain_token = re.compile(r"(?:[^\W_][\u0300-\u036f]*)+")
    plain_word = re.compile(r"(?:[^\W\d_][\u0300-\u036f]*)+")
    assert [m.span() for m in _TOKEN.finditer(text)] == [m.span() for m in plain_token.finditer(text)]
    assert [m.span() for m in _WORD.finditer(text)] == [m.span() for m in plain_word.finditer(text)]
