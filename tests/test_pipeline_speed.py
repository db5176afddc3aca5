"""The pipeline's shortcuts give what the plain ways give, on every seed and fixture: models built or
unpickled without validation are the models validation makes, and a search with a gate in front
finds what it finds without."""

from __future__ import annotations

import pickle
import re
import sys

import pytest
from pydantic import BaseModel

from audit.corpus import find_plan_files, plan_or_error
from audit.model import Line, Plan
from audit.parse import docref
from audit.parse.preamble import logical_paragraphs
from audit.read import read_source
from tests.conftest import FIXTURES, SEEDS


def plan_files():
    seeds = find_plan_files(SEEDS)[0] if SEEDS.is_dir() else []
    return seeds + find_plan_files(FIXTURES)[0]


def models(value):
    """Every model in `value`, depth first."""
    if isinstance(value, BaseModel):
        yield value
        for field in type(value).model_fields:
            yield from models(getattr(value, field))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from models(item)


@pytest.mark.parametrize("path", plan_files(), ids=lambda p: p.name)
def test_an_unpickled_plan_is_the_plan(path):
    plan = plan_or_error(path)
    assert isinstance(plan, Plan)
    plan.line_text(1)  # a private cache built, as the checks build it
    again = pickle.loads(pickle.dumps(plan, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == plan and again.lines == plan.lines
    assert again.model_dump_json() == plan.model_dump_json()
    pairs = list(zip(models(plan), models(again), strict=True))
    assert len(pairs) > 100
    for one, other in pairs:
        assert type(one) is type(other) and one.model_fields_set == other.model_fields_set
        assert one.__pydantic_private__ == other.__pydantic_private__


@pytest.mark.parametrize("path", plan_files(), ids=lambda p: p.name)
def test_lines_read_without_validation_are_valid_lines(path):
    for line in read_source(path).lines:
        validated = Line(**line.model_dump(exclude_unset=True))
        assert validated == line and validated.model_fields_set == line.model_fields_set
        assert [type(value) for value in dict(validated).values()] == [type(value) for value in dict(line).values()]


def test_the_reference_look_ahead_admits_every_first_character_a_reference_can_have():
    first = re.compile("|".join(word[0] for word in docref._TYPE_WORDS) + r"|\d", re.IGNORECASE)
    gate = re.compile(f"[{docref._REF_STARTS}]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        assert bool(first.match(ch)) == bool(gate.match(ch)), hex(code)


@pytest.mark.parametrize("path", plan_files(), ids=lambda p: p.name)
def test_references_are_found_as_without_the_look_ahead(path):
    plain = re.compile(rf"(?:(?P<type>{docref._TYPE_RE})\s+(?:số\s*:?\s*)?)?{docref._NUMBER}", re.IGNORECASE)
    lines = read_source(path).lines
    texts = [line.text for line in lines] + [text for text, _ in logical_paragraphs(lines)]
    found = 0
    for text in texts:
        expected = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in docref.REF_RE.finditer(text)] == expected
        found += len(expected)
    assert found
