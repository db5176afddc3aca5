"""The concept lexicon (rules/lexicon.yaml): loaded, validated, and compiled once for matching.

The YAML is what users tune; `Lexicon` is the form the matcher needs: every alias and exclusion
cut into normalized words and indexed by its first word, so that matching a line costs one dict
look-up per word whatever the size of the lexicon.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from yaml.nodes import Node

from audit.base.normalize import Expansions, Token, expand_abbreviations, tokenize

Category = Literal["channel", "indicator", "content", "deliverable"]


class LexiconError(ValueError):
    """A lexicon that cannot be used: `str()` is "<file>:<line>: <problem>" (no line when the
    problem is the whole file's)."""

    def __init__(self, path: str | Path, problem: str, line: int | None = None) -> None:
        self.path, self.problem, self.line = str(path), problem, line
        super().__init__(f"{path}:{line}: {problem}" if line else f"{path}: {problem}")


# --- the YAML, as written ------------------------------------------------------------------


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AliasSpec(_Spec):
    text: str
    keep_tones: bool = False  # match only with the right diacritics ("loa" is not "lóa")


class ConceptSpec(_Spec):
    id: str
    category: Category
    label_vi: str
    label_en: str
    aliases: list[str | AliasSpec] = Field(min_length=1)
    not_in: list[str] = Field(default_factory=list)
    fuzzy: int | None = Field(default=None, ge=50, le=100)
    together: list[list[str]] = Field(default_factory=list)  # phrases naming it when in one sentence
    items: list[list[str]] = Field(default_factory=list)  # aliases naming one kind of it, kept apart

    @model_validator(mode="after")
    def _id_names_category(self) -> ConceptSpec:
        if not self.id.startswith(f"{self.category}."):
            raise ValueError(f"id {self.id!r} must start with its category {self.category!r}")
        return self

    def alias_specs(self) -> list[AliasSpec]:
        return [a if isinstance(a, AliasSpec) else AliasSpec(text=a) for a in self.aliases]


class LexiconSpec(_Spec):
    version: Literal[1]
    fuzzy_min_chars: int = Field(default=12, ge=4)
    fuzzy_word_similarity: int = Field(default=75, ge=50, le=100)
    abbreviations: dict[str, str] = Field(default_factory=dict)
    synonyms: list[list[str]] = Field(default_factory=list)
    concepts: list[ConceptSpec] = Field(min_length=1)


# --- the compiled form ---------------------------------------------------------------------


class Phrase(NamedTuple):
    """An alias (or, when `negative`, a not_in context) as normalized words."""

    concept: str
    norm: tuple[str, ...]
    loose: tuple[str, ...]
    keep_tones: bool = False
    negative: bool = False


class FuzzyAlias(NamedTuple):
    concept: str
    loose: tuple[str, ...]
    text: str  # the loose words joined by spaces: what a window of a line is compared with
    threshold: int
    mask: int  # its distinct words, one bit each (Lexicon.fuzzy_bits)


@dataclass(eq=False)  # one lexicon is one object: the matcher remembers lines per lexicon
class Lexicon:
    path: str
    concepts: dict[str, ConceptSpec]
    expansions: Expansions
    fuzzy_word_similarity: int = 75  # how close a misspelt word must stay to the alias's word
    by_first: dict[str, list[Phrase]] = field(default_factory=dict)  # first loose word -> phrases
    fuzzy: list[FuzzyAlias] = field(default_factory=list)
    fuzzy_bits: dict[str, int] = field(default_factory=dict)  # loose word of a fuzzy alias -> its bit
    # The parent audit's extra knowledge: concept -> groups of loose phrases that name it together
    # in one sentence; first norm word -> (phrase, the word it stands for) among synonyms.
    together: dict[str, list[tuple[tuple[str, ...], ...]]] = field(default_factory=dict)
    synonyms: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    # concept -> (item's name, its aliases as loose phrases): "pano" is one item of visual campaigns
    items: dict[str, list[tuple[str, frozenset[tuple[str, ...]]]]] = field(default_factory=dict)

    def words(self, text: str) -> list[Token]:
        """`text` as normalized words with abbreviations written out: how lines and aliases meet."""
        return expand_abbreviations(tokenize(text), self.expansions)


def lexicon_path() -> Path:
    from audit.resources import rules_root

    return rules_root() / "lexicon.yaml"


@lru_cache(maxsize=4)
def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The compiled lexicon at `path` (default: the packaged rules/lexicon.yaml), compiled once.
    Read like the rule packs: duplicate keys refused, every problem at its file:line."""
    from audit.base.yaml_lines import YamlError, load_with_nodes
    from audit.messages import msg

    path = Path(path) if path is not None else lexicon_path()
    try:
        data, node = load_with_nodes(path)
    except YamlError as error:
        raise LexiconError(path, msg(f"yaml.{error.kind}", "en", **error.values), error.line) from None
    try:
        spec = LexiconSpec.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "top level"
        raise LexiconError(path, f"{where}: {first['msg']}", _line(node, first["loc"])) from None
    return compile_lexicon(spec, str(path), node)


def _line(node: Node | None, loc: tuple) -> int | None:
    from audit.base.yaml_lines import line_of

    return line_of(node, loc) if node is not None else None


def compile_lexicon(spec: LexiconSpec, path: str = "<lexicon>", node: Node | None = None) -> Lexicon:
    """Index the aliases and exclusions by first word; reject what would silently never work.
    `node`, the YAML's node tree, gives each problem its line."""
    lexicon = Lexicon(
        path=path, concepts={}, expansions=_compile_abbreviations(spec, path, node),
        fuzzy_word_similarity=spec.fuzzy_word_similarity,
    )
    seen: dict[tuple[str, ...], str] = {}
    for index, concept in enumerate(spec.concepts):
        line = _line(node, ("concepts", index))
        if concept.id in lexicon.concepts:
            raise LexiconError(path, f"concept {concept.id} is defined twice", line)
        lexicon.concepts[concept.id] = concept
        aliases = [_phrase(lexicon, concept.id, a.text, path, line, keep_tones=a.keep_tones)
                   for a in concept.alias_specs()]
        for alias, phrase in zip(concept.aliases, aliases):
            if phrase.norm in seen:
                raise LexiconError(
                    path, f"{concept.id}: alias {_text(alias)!r} is the same words as an alias of {seen[phrase.norm]}", line
                )
            seen[phrase.norm] = concept.id
            _add_fuzzy(lexicon, concept, phrase, spec.fuzzy_min_chars)
        negatives = [_phrase(lexicon, concept.id, text, path, line, negative=True) for text in concept.not_in]
        for text, negative in zip(concept.not_in, negatives):
            if not any(_contains(negative.loose, a.loose) for a in aliases):
                raise LexiconError(path, f"{concept.id}: not_in {text!r} contains none of its aliases, so it never applies", line)
        for phrase in aliases + negatives:
            lexicon.by_first.setdefault(phrase.loose[0], []).append(phrase)
        lexicon.together[concept.id] = [_group(lexicon, group, path, line) for group in concept.together]
        written = {_text(alias).lower(): phrase for alias, phrase in zip(concept.aliases, aliases)}
        lexicon.items[concept.id] = [_item(group, written, concept.id, path, line) for group in concept.items]
    for phrases in lexicon.by_first.values():
        phrases.sort(key=lambda p: -len(p.loose))
    _compile_synonyms(lexicon, spec, path, node)
    return lexicon


def _group(lexicon: Lexicon, group: list[str], path: str, line: int | None) -> tuple[tuple[str, ...], ...]:
    """One `together` group as loose phrases; a group of one phrase would be an alias."""
    phrases = tuple(tuple(t.loose for t in lexicon.words(text)) for text in group)
    if len(phrases) < 2 or not all(phrases):
        raise LexiconError(path, f"together: {group!r} must list two phrases or more, each with words", line)
    return phrases


def _item(group: list[str], written: dict[str, Phrase], concept: str, path: str, line: int | None):
    """One item of a concept: its name (the first alias) and its aliases, each one of the concept's."""
    if not group or any(text.lower() not in written for text in group):
        raise LexiconError(path, f"{concept}: items {group!r} must list aliases of the concept", line)
    return group[0], frozenset(written[text.lower()].loose for text in group)


def _compile_synonyms(lexicon: Lexicon, spec: LexiconSpec, path: str, node: Node | None) -> None:
    """Each phrase of a synonym group stands for the group's first phrase, written as one word."""
    for index, group in enumerate(spec.synonyms):
        phrases = [tuple(t.norm for t in lexicon.words(text)) for text in group]
        if len(phrases) < 2 or not all(phrases):
            raise LexiconError(path, f"synonyms: {group!r} must list two phrases or more", _line(node, ("synonyms", index)))
        word = "_".join(phrases[0])
        for phrase in phrases:
            lexicon.synonyms.setdefault(phrase[0], []).append((phrase, word))
    for entries in lexicon.synonyms.values():
        entries.sort(key=lambda entry: -len(entry[0]))


def _compile_abbreviations(spec: LexiconSpec, path: str, node: Node | None) -> Expansions:
    table: dict[str, list] = defaultdict(list)
    for short, full in spec.abbreviations.items():
        key = tuple(t.loose for t in tokenize(short))
        expansion = tuple((t.norm, t.loose) for t in tokenize(full))
        line = _line(node, ("abbreviations", short))
        if not key or not expansion:
            raise LexiconError(path, f"abbreviation {short!r}: {full!r} has no words on one side", line)
        if any(k == key for k, _ in table[key[0]]):
            raise LexiconError(path, f"abbreviation {short!r} is listed twice (punctuation does not count)", line)
        table[key[0]].append((key, expansion))
    for entries in table.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return dict(table)


def _phrase(lexicon: Lexicon, concept: str, text: str, path: str, line: int | None, **flags) -> Phrase:
    words = lexicon.words(text)
    if not words:
        raise LexiconError(path, f"{concept}: {text!r} has no words", line)
    return Phrase(concept, tuple(w.norm for w in words), tuple(w.loose for w in words), **flags)


def _add_fuzzy(lexicon: Lexicon, concept: ConceptSpec, phrase: Phrase, min_chars: int) -> None:
    """Only long, several-word aliases may match a typo: a short word or acronym has too many
    near neighbours ("PCI"/"PCT", "loa"/"lo")."""
    text = " ".join(phrase.loose)
    if concept.fuzzy is None or len(phrase.loose) < 2 or len(text.replace(" ", "")) < min_chars:
        return
    mask = 0
    for word in phrase.loose:
        mask |= lexicon.fuzzy_bits.setdefault(word, 1 << len(lexicon.fuzzy_bits))
    lexicon.fuzzy.append(FuzzyAlias(concept.id, phrase.loose, text, concept.fuzzy, mask))


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    return any(outer[i : i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))


def _text(alias: str | AliasSpec) -> str:
    return alias if isinstance(alias, str) else alias.text
