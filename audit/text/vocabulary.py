"""The dictionaries the spelling rules read: the syllables of Vietnamese (Debian's hunspell-vi,
with pyvi's word list for the loanwords it spells), its words of two syllables and more (pyvi's
word list), and rules/spelling.yaml (loanwords, stray foreign words, abbreviations).

Both are read once, tone placement made canonical ("hoá" and "hòa" are one syllable).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from audit.base.normalize import canonical_tones, fold

HUNSPELL_PACKAGE = "hunspell-vi"
HUNSPELL_PATHS = ("/usr/share/hunspell/vi_VN.dic", "/usr/share/myspell/vi_VN.dic", "/usr/share/myspell/dicts/vi_VN.dic")


class DictionaryMissing(RuntimeError):
    """A dictionary the spelling rules need is not installed."""


@dataclass(frozen=True)
class Vocabulary:
    syllables: frozenset[str]  # lower case, canonical tones
    words: frozenset[str]  # "thành phố": words of two syllables and more
    productivity: Counter  # syllable -> how many words of the word list hold it
    loanwords: frozenset[str]
    stray: frozenset[str]
    abbreviations: frozenset[str]
    codes: frozenset[str]

    @cached_property
    def by_letters(self) -> dict[str, tuple[str, ...]]:
        """Syllables by their letters without marks ("pho" -> phở, phố, phổ, ...)."""
        index = defaultdict(list)
        for syllable in self.syllables:
            index[fold(syllable)].append(syllable)
        return {key: tuple(sorted(values)) for key, values in index.items()}


    def one_mark_from(self, syllable: str) -> tuple[str, ...]:
        """The syllables one mark away ("phố", "phở" ... from "phổ"), remembered per syllable."""
        found = self._one_mark.get(syllable)
        if found is None:
            from audit.text.syllable import one_mark_apart

            found = tuple(s for s in self.by_letters.get(fold(syllable), ()) if one_mark_apart(syllable, s))
            self._one_mark[syllable] = found
        return found

    @cached_property
    def _one_mark(self) -> dict[str, tuple[str, ...]]:
        return {}


def hunspell_path() -> Path | None:
    return next((Path(p) for p in HUNSPELL_PATHS if Path(p).is_file()), None)


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """The dictionaries, read once; DictionaryMissing names the package to install."""
    import yaml

    from audit.resources import rules_root

    path = hunspell_path()
    if path is None:
        raise DictionaryMissing(f"the spelling rules need the Debian package {HUNSPELL_PACKAGE} ({HUNSPELL_PATHS[0]})")
    entries = path.read_text(encoding="utf-8").split("\n")[1:]  # the first line counts the entries
    hunspell = {canonical_tones(e.split("/")[0].strip()).lower() for e in entries if e.strip()}
    words = _pyvi_words()
    productivity = Counter(s for w in words for s in set(w.split(" ")))
    config = yaml.safe_load((rules_root() / "spelling.yaml").read_text(encoding="utf-8"))
    return Vocabulary(
        syllables=frozenset(hunspell | set(productivity)),
        words=frozenset(w for w in words if " " in w),
        productivity=productivity,
        loanwords=frozenset(canonical_tones(w).lower() for w in config["loanwords"]),
        stray=frozenset(config["stray"]),
        abbreviations=frozenset(config["abbreviations"]),
        codes=frozenset(config["codes"]),
    )


def _pyvi_words() -> set[str]:
    from importlib.resources import files

    try:
        text = files("pyvi").joinpath("models/words.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError) as error:
        raise DictionaryMissing(f"the spelling rules need the Python package pyvi (its word list): {error}") from None
    return {canonical_tones(line.strip()).lower() for line in text.split("\n") if line.strip()}
