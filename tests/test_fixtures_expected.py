"""The audit of fixtures/ is exactly what fixtures/EXPECTED.yaml says: every deliberate defect found
at its line, and nothing else (a clean plan stays clean)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from audit.cli import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EXPECTED = yaml.safe_load((FIXTURES / "EXPECTED.yaml").read_text(encoding="utf-8"))
KEYS = ("code", "concept", "line", "parent_line")


def run_json(*args: str) -> dict:
    result = CliRunner().invoke(main, [*args, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)


@pytest.fixture(scope="module")
def found() -> dict[str, list[dict]]:
    document = run_json("corpus", str(FIXTURES))
    by_plan: dict[str, list[dict]] = {Path(p["path"]).name: [] for p in document["plans"]}
    for f in document["findings"]:
        row = {"code": f["rule"], "concept": f["concept"], "line": f["line"], "parent_line": f["parent_line"]}
        by_plan[Path(f["path"]).name].append(row)
    return by_plan


def expected_rows(name: str) -> list[dict]:
    return [{key: row.get(key) for key in KEYS} for row in EXPECTED["plans"][name] or []]


def test_every_fixture_plan_is_listed(found):
    assert sorted(found) == sorted(EXPECTED["plans"])


@pytest.mark.parametrize("name", sorted(EXPECTED["plans"]))
def test_findings_of_each_plan_are_exactly_the_expected_ones(found, name):
    def order(row: dict) -> tuple:
        return tuple(str(row[key]) for key in KEYS)

    assert sorted(found[name], key=order) == sorted(expected_rows(name), key=order)


def test_missing_plans_are_exactly_the_expected_ones():
    document = run_json("graph", str(FIXTURES), "--expected", str(FIXTURES / "units.yaml"))
    missing = {entry["issuer"]: entry["missing"] for entry in document["missing"] if entry["missing"]}
    assert missing == EXPECTED["graph"]["missing"]
