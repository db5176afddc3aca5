"""The dictionaries the spelling rules read: the syllables of Vietnamese (Debian's hunspell-vi,
with pyvi's word list for the loanwords it spells), its words of two syllables and more (pyvi's
word list), and rules/spelling.yaml (loanwords, stray foreign words, abbreviations).

Both are read once, tone placement made canonical ("hoá" and "hòa" are one syllable), and kept
ready in the user's cache (audit/base/prepared.py) for the next start.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from audit.base.normalize import canonical_tones, fold
from audit.base.prepared import content_key, read_prepared, write_prepared

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


# Bump when the prepared data changes shape (audit/base/prepared.py: the code that derives it is in its key).
PREPARED_FORMAT = b"vocabulary-1"


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """The dictionaries, read once; DictionaryMissing names the package to install.

    Putting some 40,000 entries in canonical tone placement costs a tenth of a second, so the result
    is kept in the user's cache, keyed by the dictionaries' bytes and the code that derives it."""
    sources = [p.read_bytes() for p in _source_paths()]
    key = content_key(PREPARED_FORMAT, *sources, *_code())
    prepared = read_prepared("vocabulary", key)
    vocabulary = _from_prepared(prepared) if prepared is not None else None
    if vocabulary is None:
        prepared = _prepare(*(source.decode("utf-8") for source in sources))
        write_prepared("vocabulary", key, prepared)
        vocabulary = _from_prepared(prepared)
    return vocabulary


def _source_paths() -> tuple[Path, Path, Path]:
    """hunspell-vi's syllables, pyvi's word list and rules/spelling.yaml."""
    from importlib.util import find_spec

    from audit.resources import rules_root

    path = hunspell_path()
    if path is None:
        raise DictionaryMissing(f"the spelling rules need the Debian package {HUNSPELL_PACKAGE} ({HUNSPELL_PATHS[0]})")
    spec = find_spec("pyvi")  # not imported: only its word list is read
    words = Path(spec.origin).parent / "models" / "words.txt" if spec and spec.origin else None
    if words is None or not words.is_file():
        raise DictionaryMissing(f"the spelling rules need the Python package pyvi (its word list): {words or 'not installed'}")
    return path, words, rules_root() / "spelling.yaml"


def _code() -> list[bytes]:
    """The code that derives the prepared data: this module, the tone placement in Python and the
    compiled core's library when installed (PLAN_AUDIT_PURE or not, it gives the same answers)."""
    from importlib.util import find_spec
    from importlib.machinery import EXTENSION_SUFFIXES

    from audit.base import core, normalize

    files = [Path(__file__), Path(normalize.__file__), Path(core.__file__)]
    spec = find_spec("audit_core")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        files += sorted(p for p in Path(folder).iterdir() if p.name.endswith(tuple(EXTENSION_SUFFIXES)))
    return [p.read_bytes() for p in files]


def _prepare(hunspell_text: str, pyvi_text: str, config_text: str) -> dict:
    """The vocabulary as plain data. canonical_tones over a whole file gives what it gives line by
    line (a line break is no part of a word, and NFC composes nothing across it) in one call."""
    import yaml

    entries = canonical_tones(hunspell_text).split("\n")[1:]  # the first line counts the entries
    hunspell = {e.split("/")[0].strip().lower() for e in entries if e.strip()}
    words = {line.strip().lower() for line in canonical_tones(pyvi_text).split("\n") if line.strip()}
    productivity = Counter(s for w in words for s in set(w.split(" ")))
    config = yaml.safe_load(config_text)
    return {
        "syllables": sorted(hunspell | set(productivity)),
        "words": sorted(w for w in words if " " in w),
        "productivity": dict(sorted(productivity.items())),
        "loanwords": sorted({canonical_tones(w).lower() for w in config["loanwords"]}),
        "stray": list(config["stray"]),
        "abbreviations": list(config["abbreviations"]),
        "codes": list(config["codes"]),
    }


def _from_prepared(data) -> Vocabulary | None:
    """The vocabulary of prepared data, or None when the data is not of its shape."""
    if not isinstance(data, dict) or not isinstance(data.get("productivity"), dict):
        return None
    try:
        sets = {name: frozenset(data[name]) for name in ("syllables", "words", "loanwords", "stray", "abbreviations", "codes")}
    except (KeyError, TypeError):  # a field missing, or not a list of words
        return None
    return Vocabulary(productivity=Counter(data["productivity"]), **sets)
