"""The key words of a duty or a line: what it is about, with the plans' boilerplate left out.

Words keep their diacritics: folded, "của" (of) is "cửa" (door, as in "một cửa"), "từ" (from) is
"tử" (as in "điện tử") and "cộng" (cộng đồng) is "công" (công tác), so a stop list of folded
syllables drops the words that matter. Boilerplate is removed as phrases first ("công tác", "một
số", "tổ chức"), then as single words, so "công" stays in "công khai" and "tổ" in "Tổ công nghệ số".
Abbreviations are written out first (TTHC is "thủ tục hành chính").

    >>> sorted(key_words("Niêm yết công khai TTHC tại Bộ phận Một cửa trong năm 2025"))
    ['bộ_phận_một_cửa', 'chính', 'công', 'hành', 'khai', 'niêm', 'thủ', 'tục', 'yết']
    >>> sorted(key_words("Tổ chức kiện toàn Tổ công nghệ số của xã"))
    ['công', 'kiện', 'nghệ', 'số', 'toàn', 'tổ']
"""

from __future__ import annotations

import re
from functools import lru_cache

# Function words and the plans' own vocabulary, as phrases of normalized words (NFC, modern tone
# placement, lower case); a phrase of one word is dropped wherever it stands.
_BOILERPLATE = """
    và, của, các, cho, với, để, trong, trên, tại, theo, về, là, có, được, những, này, đó, khi, từ,
    đến, nhằm, từng, mỗi, hằng, hàng năm, cũng, như, hoặc, thì, mà, tốt, năm, cấp, xã, phường, huyện, tỉnh, một số,
    thực hiện, hiện nay, tuyên truyền, cải cách hành chính, cải cách, công tác, kế hoạch, tổ chức, triển khai,
    chủ trì, phối hợp, tham mưu, ủy ban nhân dân, thị trấn, thành phố, địa bàn, nâng cao, tăng cường,
    đẩy mạnh, đảm bảo, bảo đảm, kịp thời, thường xuyên, đầy đủ, cơ quan, đơn vị, liên quan, nội dung,
    ngắn gọn, dễ hiểu, dễ nhớ
"""
# First word -> (phrase, "": it stands for nothing), longest first: the form of the lexicon's synonyms.
_STOP: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase in sorted((tuple(p.split()) for p in _BOILERPLATE.split(",")), key=len, reverse=True):
    _STOP.setdefault(_phrase[0], []).append((_phrase, ""))


# A year says when, not what: "phóng sự ... trong năm 2024" and "trước ngày 3/1/2024" share no subject.
_YEAR = re.compile(r"(?:19|20)\d\d")


@lru_cache(maxsize=16384)
def key_words(text: str) -> frozenset[str]:
    """The normalized words of `text`, longer than one letter, that say what it is about; a phrase
    of the lexicon's synonyms counts as its group's first phrase, written as one word."""
    from audit.text.lexicon import load_lexicon

    lexicon = load_lexicon()
    words = [token.norm for token in lexicon.words(text)]
    kept: list[str] = []
    at = 0
    while at < len(words):
        synonym = _longest_at(words, at, lexicon.synonyms)
        length, word = synonym or _longest_at(words, at, _STOP) or (1, words[at])
        if len(word) > 1 and not _YEAR.fullmatch(word):
            kept.append(word)
        at += length
    return frozenset(kept)


def _longest_at(words: list[str], at: int, table: dict[str, list[tuple[tuple[str, ...], str]]]) -> tuple[int, str] | None:
    """(length, what it stands for) of the longest phrase of `table` starting at `words[at]`."""
    for phrase, word in table.get(words[at], ()):
        if tuple(words[at:at + len(phrase)]) == phrase:
            return len(phrase), word
    return None
