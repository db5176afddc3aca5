"""Check kinds: one small module each, named by the `check:` of a rule.

A kind module has (yamllint style):
- a docstring: what it checks, then the sections "Example rule::", "Passes::" and "Fails::"
  (a rule's params and plan excerpts) and, for kinds that compare with the parent plan,
  "Parent::" (the parent's excerpt); `plan-audit rules CODE` and docs/rules.md show them, and a
  test runs every example through the pipeline, so the reference cannot drift from the code
  (an excerpt that opens with a section heading gets a generic header; one whose check depends
  on the header, the issuer or the date must write its own header lines);
- `Params`: a pydantic model of the kind's parameters, with defaults;
- `PLACEHOLDERS`: the names a rule's message may use ("{concept_label}");
- `check(plan, rule, context) -> Iterable[Finding]`.

Adding a kind is adding a module here: the registry lists the package's modules.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType
from typing import Annotated

from pydantic import AfterValidator

from audit.messages import both
from audit.model import Plan, Section


def _concept_id(value: str) -> str:
    if not re.fullmatch(r"[a-z][a-z_]*\.[a-z0-9_]+", value):
        raise ValueError(f"'{value}' is not a concept id (family.name, e.g. channel.zalo)")
    return value


def _regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as error:
        raise ValueError(f"bad regular expression {value!r}: {error}") from None
    if _nested_repeat(re._parser.parse(value)):
        raise ValueError(f"regular expression {value!r} repeats a repeat (like (a+)+): on some lines it takes "
                         "exponential time; make the inner or outer repeat possessive (a++, (?>...)) or remove one")
    return value


_REPEATS = {re._constants.MAX_REPEAT, re._constants.MIN_REPEAT}


def _nested_repeat(parsed, inside: bool = False) -> bool:
    """Whether a pattern (parsed by re's own parser) has a repeat that may run more than once
    holding a repeat of no fixed count: the shape that backtracks exponentially. Possessive
    repeats and atomic groups give nothing back, and are not counted."""
    for op, arg in parsed:
        if op in _REPEATS:
            low, high, body = arg
            if inside and low != high:
                return True
            if _nested_repeat(body, inside or high > 1):
                return True
        elif op in (re._constants.POSSESSIVE_REPEAT, re._constants.ATOMIC_GROUP):
            continue
        elif any(_nested_repeat(part, inside) for part in _subpatterns(op, arg)):
            return True
    return False


def _subpatterns(op, arg) -> list:
    """The sub-patterns of one parsed item: a group's body, each branch of an alternation, ..."""
    if op is re._constants.SUBPATTERN:
        return [arg[-1]]
    if op is re._constants.BRANCH:
        return list(arg[1])
    if op in (re._constants.ASSERT, re._constants.ASSERT_NOT):
        return [arg[1]]
    if op is re._constants.GROUPREF_EXISTS:
        return [part for part in arg[1:] if part is not None]
    return []


ConceptId = Annotated[str, AfterValidator(_concept_id)]
Regex = Annotated[str, AfterValidator(_regex)]


# Former names of kinds, still accepted in packs (CONTRACT.md: what users wrote keeps working):
# a pack's `check:` is read as the current name.
KIND_ALIASES = {"localized": "copies_parent"}  # "localized" read as "made local"; it is the copied share


def kind_name(name: str) -> str:
    """The current name of check kind `name` (itself, unless it is a former name)."""
    return KIND_ALIASES.get(name, name)


def kind_names() -> list[str]:
    """Every check kind, in name order."""
    return list(_kind_names())


@lru_cache(maxsize=1)
def _kind_names() -> tuple[str, ...]:
    # Listed once: listing the package's folder for each rule of the packs cost 10 ms at every start.
    return tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")))


@lru_cache(maxsize=None)
def load_kind(name: str) -> ModuleType | None:
    """The module of check kind `name`, or None when there is no such kind."""
    if name not in kind_names():
        return None
    return importlib.import_module(f"{__name__}.{name}")


@dataclass(frozen=True)
class KindDoc:
    summary: str
    example_rule: str
    passes: str
    fails: str
    parent: str = ""  # the parent plan's excerpt, for kinds that compare a plan with its parent


def kind_doc(name: str) -> KindDoc:
    """The parts of a kind's docstring: summary, then the example rule and its two excerpts."""
    module = load_kind(name)
    text = (module.__doc__ or "") if module else ""
    parts = re.split(r"^(Example rule|Passes|Fails|Parent)::\s*$", text, flags=re.MULTILINE)
    blocks = {parts[i]: _dedent(parts[i + 1]) for i in range(1, len(parts) - 1, 2)}
    paragraphs = re.split(r"\n\s*\n", parts[0].strip())
    return KindDoc(
        summary="\n\n".join(" ".join(p.split()) for p in paragraphs), example_rule=blocks.get("Example rule", ""),
        passes=blocks.get("Passes", ""), fails=blocks.get("Fails", ""), parent=blocks.get("Parent", ""),
    )


def _dedent(block: str) -> str:
    import textwrap

    return textwrap.dedent(block.strip("\n")).strip()


def expected_section(plan: Plan, kinds: list[str]) -> Section | None:
    """Where a missing item belonged: the first section of the first of `kinds` the plan has."""
    from audit.parse.sections import walk

    for kind in kinds:
        section = next((s for s, _ in walk(plan.sections) if kind in s.kinds), None)
        if section is not None:
            return section
    return None


def section_name(plan: Plan, kinds: list[str]) -> dict[str, str]:
    """The section as the plan writes it ("II. NỘI DUNG TUYÊN TRUYỀN"), else the kind's name."""
    from audit.engine.labels import section_label

    section = expected_section(plan, kinds)
    if section is not None:
        mark = f"{section.marker})" if re.fullmatch(r"[a-zđ]", section.marker) else f"{section.marker}."
        written = f"{mark} {section.title}" if section.marker else section.title
        return {"vi": written, "en": written}
    if not kinds:
        return both("label.section.none")
    return {lang: section_label(kinds[0], lang) for lang in ("vi", "en")}


def concept_names(concepts: list[str]) -> dict[str, str]:
    """The concepts' names joined for a message, in both languages ("; ": names hold commas)."""
    from audit.engine.labels import concept_label

    return {lang: "; ".join(concept_label(c, lang) for c in concepts) for lang in ("vi", "en")}


def requirement_label(requirement) -> dict[str, str] | str:
    """What a finding names a requirement by: its concept (and the item asked for), else its text."""
    if not requirement.concept:
        return requirement.text
    names = concept_names([requirement.concept])
    return {lang: f"{name}: {requirement.item}" for lang, name in names.items()} if requirement.item else names


def texts_hit(texts: list[str], gate: re.Pattern, *, lower: bool = False) -> list[int]:
    """The indices of the texts in which `gate` finds something (in `text.lower()` with `lower`),
    in order. One search in C over all of a plan's texts costs far less than a search and a
    Python-level step for each of its ~240 lines, and most lines have no hit. The texts are joined
    with NUL, so `gate` must not match a NUL nor use ^ or $: then it sees each text as it would
    alone (a NUL is no word character, and lower case keeps it). Readers show a document's control
    characters as symbols, so no line holds a NUL; texts made otherwise that do are searched one by one."""
    joined = "\0".join(texts)
    if lower:
        joined = joined.lower()
    if joined.count("\0") != len(texts) - 1:
        return [i for i, text in enumerate(texts) if gate.search(text.lower() if lower else text)]
    hit, index, at = [], 0, 0
    while (m := gate.search(joined, at)) is not None:
        index += joined.count("\0", at, m.start())
        hit.append(index)
        at = joined.find("\0", m.end()) + 1  # on to the next text: one hit is enough
        if at == 0:
            break
        index += 1
    return hit


def draft_severity(context):
    """A blank a draft is expected to have (number, date, signature) is info under --draft; None
    keeps the rule's severity."""
    from audit.model import Severity

    return Severity.info if context.draft else None


def written_date(value) -> str:
    """A date as official texts write it in messages: 02/01/2024 ("" for no date)."""
    return f"{value.day:02d}/{value.month:02d}/{value.year}" if value else ""


def change_to(text: str | None) -> dict[str, str] | None:
    """A finding's suggestion that gives the corrected text, as advice a reviewer reads."""
    return None if text is None else both("check.change_to", text=text)


def commitment_findings(plan: Plan, rule, context, wanted, values):
    """A finding of `rule` at the child's line for each duty the parent assigned whose coverage is
    `wanted`, one per child line and parent line (a line naming two concepts of one duty is one
    slip); `values(coverage)` adds the rule's own placeholders."""
    from audit.engine.context import ParentRef

    if context.trace is None:
        return
    parents = {p.path: p for p in context.all_parents}
    seen: set[tuple[int, int]] = set()
    for coverage in context.trace.coverage:
        requirement, commitment = coverage.requirement, coverage.commitment
        if requirement.weight != "assigned" or commitment is None or not wanted(coverage):
            continue
        if (commitment.line, requirement.parent_line) in seen:
            continue
        seen.add((commitment.line, requirement.parent_line))
        label = requirement_label(requirement)
        yield context.finding(
            rule, plan, line=commitment.line, concept=requirement.concept, evidence=commitment.text,
            parent=ParentRef.at(parents.get(requirement.parent_path, context.parent), requirement.parent_line),
            concept_label=label, parent_text=requirement.text, parent_line=requirement.parent_line,
            **values(coverage),
        )
