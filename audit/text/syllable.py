"""The shape of a Vietnamese syllable: onset, rime (glide, nucleus, coda) and tone.

    nghành   "ngh" stands only before i, e, ê: not a syllable ("ngành")
    thựt     a shape Vietnamese has, but no such syllable: the dictionary's business
    cáp      a stop coda (-c, -ch, -p, -t) takes only sắc or nặng: "càp" cannot be

`shape_ok` says whether a word can be a syllable at all; `marks` splits off what a one-mark
slip changes (the tone and each vowel's hat or horn), so "phổ" and "phố" are one mark apart.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

TONES = {"\u0300": "huyền", "\u0301": "sắc", "\u0303": "ngã", "\u0309": "hỏi", "\u0323": "nặng"}
_STOP_TONES = {"\u0301", "\u0323"}  # sắc, nặng: never ngang ("")

ONSETS = frozenset("b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x".split()) | {""}

# Every rime the language writes, toneless: glide (o, u), nucleus and coda.
RIMES = frozenset("""
a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
o oc oi om on ong op ot
oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt
oe oen oeo oet oo ooc oong
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u uc ui um un ung up ut ua uân uâng uât uây
uê uêch uênh uy uya uych uyn uynh uyp uyt uyu uyên uyêt
uôc uôi uôm uôn uông uôt uơ
ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
y yêm yên yêng yêt yêu
""".split())

_FRONT = ("i", "e", "ê", "y")


def split_tone(word: str) -> tuple[str, str]:
    """The word without its tone mark (NFC, lower case) and the mark ("" for ngang)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tone = "".join(ch for ch in decomposed if ch in TONES)
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONES))
    return bare, tone


@lru_cache(maxsize=65536)
def shape_ok(word: str) -> bool:
    """The word is shaped like a Vietnamese syllable: a known onset before a known rime, the
    spelling rules of c/k, g/gh, ng/ngh, and a stop coda under sắc or nặng only."""
    bare, tone = split_tone(word)
    if len(tone) > 1:
        return False
    return any(_fits(bare[:i], bare[i:], tone) for i in range(min(len(bare), 3) + 1) if bare[:i] in ONSETS)


def _fits(onset: str, rime: str, tone: str) -> bool:
    if onset == "gi" and rime in ("", "n", "m", "ng", "t", "p", "c", "ch", "nh", "u", "a", "êng", "ên", "êt", "êm", "êu", "ưa"):
        return True  # "gì", "gìn", "giếng": the i of gi is the vowel, or the glide of iê
    if onset == "qu" and rime.startswith("y") and "u" + rime in RIMES:
        return _fits("", "u" + rime, tone)  # "quýt", "quỳnh": the u of qu is the glide of uy
    if rime not in RIMES or (onset == "qu" and rime[0] in "uo"):
        return False
    if rime.endswith(("c", "ch", "p", "t")) and tone not in _STOP_TONES:
        return False
    front = rime.startswith(_FRONT)
    if onset in ("k", "gh", "ngh"):
        return front and not (onset != "k" and rime.startswith("y"))
    if onset in ("c", "ng"):
        return not front
    if onset == "g":
        return not rime.startswith(("e", "ê", "y"))
    return True


@lru_cache(maxsize=65536)
def marks(word: str) -> tuple[str, tuple[str, ...]]:
    """The word's letters without any mark (đ kept apart from d) and its marks in order:
    ("pho", ("̂", "̉")) for "phổ". Two words one mark apart have equal letters and marks that
    differ in one place."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return letters, tuple(ch for ch in decomposed if unicodedata.combining(ch))


def one_mark_apart(a: str, b: str) -> bool:
    """Same letters; marks that differ by one added, removed or changed ("phổ"/"phố", "vu"/"vụ")."""
    (la, ma), (lb, mb) = marks(a), marks(b)
    if la != lb or ma == mb:
        return False
    sa, sb = sorted(ma), sorted(mb)
    if len(sa) == len(sb):
        return sum(x != y for x, y in zip(_by_kind(ma), _by_kind(mb))) == 1
    longer, shorter = (sa, sb) if len(sa) > len(sb) else (sb, sa)
    return len(longer) - len(shorter) == 1 and all(longer.count(m) >= shorter.count(m) for m in shorter)


def _by_kind(ms: tuple[str, ...]) -> tuple[str, str]:
    """The marks as (hat or horn or breve, tone), so a changed tone counts once."""
    tone = "".join(m for m in ms if m in TONES)
    return "".join(m for m in ms if m not in TONES), tone
