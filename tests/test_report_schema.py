"""The JSON Schemas of docs/schema/: valid draft 2020-12 schemas, met by every JSON report of the
fixtures and seeds, and strict enough that a renamed, dropped or mistyped field fails."""

from __future__ import annotations

import copy
import json

import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.report.json_report import check_document
from tests.conftest import FIXTURES, SEEDS
from tests.helpers.reports import fixture_run, waive
from tests.helpers.schema import SCHEMA_DIR, problems, validated

# totals and whole reports: on the pinned rules, whatever default rule is added (tests/helpers/pinned.py)
pytestmark = pytest.mark.usefixtures("pinned_rules")


def test_schemas_are_draft_2020_12():
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema", path.name
    assert sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json")) == [
        "check.schema.json", "extract.schema.json", "graph.schema.json", "statistics.schema.json"]


@pytest.fixture(scope="module")
def check_data() -> dict:
    return validated(check_document(waive(fixture_run("vi"), "KETHUA006", "Gia hạn theo Công văn 15/UBND")), "check")


def test_a_waived_finding_fits_the_schema(check_data):
    waived = [f for f in check_data["findings"] if f["waived"]]
    assert [f["rule"] for f in waived] == ["KETHUA006"]
    assert waived[0]["waiver_reason"] == "Gia hạn theo Công văn 15/UBND"
    assert check_data["summary"]["waived"] == 1


@pytest.mark.parametrize(("where", "change", "complaint"), [
    (("findings", 0), lambda f: f.update(code=f.pop("rule")), "'rule' is a required property"),
    (("findings", 0), lambda f: f.update(severity="fatal"), "'fatal' is not one of"),
    (("findings", 0), lambda f: f.update(line=0), "0 is less than the minimum of 1"),
    (("findings", 0), lambda f: f.update(waiver_reason="a reason, but not waived"), "is not of type 'null'"),
    (("plans", 1), lambda p: p.update(parent_path=p.pop("parent")), "'parent' is a required property"),
    (("plans", 1, "header"), lambda h: h.update(date="19/02/2024"), "is not a 'date'"),
    (("plans", 1, "requirements", 0), lambda r: r.update(status="met"), "'met' is not one of"),
    (("summary",), lambda s: s.update(notes=s.pop("infos")), "'infos' is a required property"),
    ((), lambda d: d.update(schema_version=2), "1 was expected"),
])
def test_a_renamed_or_mistyped_field_fails(check_data, where, change, complaint):
    data = copy.deepcopy(check_data)
    target = data
    for key in where:
        target = target[key]
    change(target)
    found = problems(data, "check")
    assert any(complaint in problem for problem in found), found


def test_an_extra_field_fails_where_the_contract_is_ours(check_data):
    for where in (("findings", 0), ("plans", 0), ("plans", 0, "header"), ("summary",), ()):
        data = copy.deepcopy(check_data)
        target = data
        for key in where:
            target = target[key]
        target["unexpected"] = 1
        assert any("'unexpected' was unexpected" in p for p in problems(data, "check")), where


@pytest.mark.parametrize("path", sorted(p for p in FIXTURES.iterdir() if p.suffix in (".md", ".txt", ".docx", ".pdf")
                                        and p.name != "README.md") + sorted(SEEDS.glob("*.txt")),
                         ids=lambda p: p.name)
def test_extract_json_of_every_fixture_and_seed(path):
    result = CliRunner().invoke(main, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = validated(result.output, "extract")
    assert data["path"] == str(path)


def test_extract_schema_catches_a_renamed_citation_field():
    result = CliRunner().invoke(main, ["extract", str(FIXTURES / "2024-xa-kim-khe.md"), "--format", "json"])
    data = validated(result.output, "extract")
    data["citations"][0]["kind"] = data["citations"][0].pop("relation")
    assert any("'relation' is a required property" in p for p in problems(data, "extract"))


def test_graph_json_of_the_fixtures_with_expected_units():
    result = CliRunner().invoke(main, ["graph", str(FIXTURES), "--expected", str(FIXTURES / "units.yaml"),
                                       "--format", "json"])
    data = validated(result.stdout, "graph")
    assert data["summary"]["documents"] == 14 and data["missing"]
    data["links"][0]["from"] = data["links"][0].pop("child")
    assert any("'child' is a required property" in p for p in problems(data, "graph"))
