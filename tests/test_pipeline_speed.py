"""The pipeline's shortcuts give what the plain ways give, on every seed and fixture: models built or
unpickled without validation are the models validation makes."""

from __future__ import annotations

import pickle

import pytest
from pydantic import BaseModel

from audit.corpus import find_plan_files, plan_or_error
from audit.model import Line, Plan
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
