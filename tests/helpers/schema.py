"""Every JSON the tests see is checked against its published schema before a test reads it.

    data = validated(result.output, "check")      # docs/schema/check.schema.json
    sarif = validated(text, "sarif")              # ../shared/data/sarif-schema-2.1.0.json (OASIS)

A JSON-producing test calls `validated` instead of `json.loads`, so a renamed or extra field fails
the test that produced it, with the path of the offending value.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCHEMA_DIR = REPO / "docs" / "schema"


def schema_path(kind: str) -> Path:
    """Our schemas in docs/schema/; the OASIS SARIF schema beside the repository (../shared/data)."""
    from tests.conftest import shared

    return shared("data", "sarif-schema-2.1.0.json") if kind == "sarif" else SCHEMA_DIR / f"{kind}.schema.json"


@lru_cache(maxsize=None)
def validator(kind: str):
    """The validator of schema `kind` (check, extract, graph, sarif), with formats (dates) checked."""
    from jsonschema import FormatChecker
    from jsonschema.validators import validator_for

    schema = json.loads(schema_path(kind).read_text(encoding="utf-8"))
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=FormatChecker())


def problems(data: object, kind: str) -> list[str]:
    """Every place where `data` breaks schema `kind`, as "path: message"."""
    errors = sorted(_leaves(validator(kind).iter_errors(data)), key=lambda e: list(map(str, e.absolute_path)))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in errors]


def _leaves(errors):
    """The errors themselves, or for a oneOf/anyOf that failed, what failed inside each branch."""
    for error in errors:
        if error.context:
            yield from _leaves(error.context)
        else:
            yield error


def validated(document: str | bytes | dict, kind: str) -> dict:
    """`document` (JSON text or already parsed) after checking it against schema `kind`."""
    data = json.loads(document) if isinstance(document, (str, bytes)) else document
    found = problems(data, kind)
    assert not found, f"{kind} JSON does not match {schema_path(kind).name}:\n" + "\n".join(found[:20])
    return data
