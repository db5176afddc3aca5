"""`--format sarif` on the fixture hierarchy: valid against the OASIS SARIF 2.1.0 schema, with the
rules' help and links, a result per finding at its line, paths relative to the working folder,
our fingerprints, the parent's line as a related location, and waived findings suppressed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.report.json_report import check_document
from audit.report.sarif import sarif_document
from tests.conftest import REPO
from tests.helpers.reports import fixture_run, waive
from tests.helpers.schema import validated

# totals and whole reports: on the pinned rules, whatever default rule is added (tests/helpers/pinned.py)
pytestmark = pytest.mark.usefixtures("pinned_rules")


@pytest.fixture(scope="module")
def sarif() -> dict:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        result = CliRunner().invoke(main, ["corpus", "fixtures", "--format", "sarif", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    return validated(result.stdout, "sarif")


def test_one_run_of_plan_audit_with_every_rule_that_ran(sarif):
    assert sarif["version"] == "2.1.0" and len(sarif["runs"]) == 1
    driver = sarif["runs"][0]["tool"]["driver"]
    assert driver["name"] == "plan-audit" and driver["version"] and driver["informationUri"].startswith("https://")
    codes = [rule["id"] for rule in driver["rules"]]
    assert codes == sorted(codes) and "KETHUA001" in codes and "THETHUC001" in codes
    assert "KETHUA004" not in codes  # opt-in: it did not run
    anchors = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in driver["rules"]:
        assert rule["helpUri"].endswith(f"docs/rules.md#{rule['id']}")
        assert f'<a id="{rule["id"]}"></a>' in anchors  # the link lands on the rule
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["fullDescription"]["text"] in rule["help"]["text"]
        assert rule["helpUri"] in rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
        assert rule["name"].isalnum()
    kethua = driver["rules"][codes.index("KETHUA001")]
    assert kethua["shortDescription"]["text"].startswith("Thiếu kênh")  # Vietnamese by default
    assert kethua["defaultConfiguration"]["level"] == "error"


def test_a_result_per_finding_at_its_line_with_our_fingerprint(sarif):
    run = sarif["runs"][0]
    data = check_document(fixture_run("vi"))
    results = run["results"]
    assert len(results) == len(data["findings"]) > 0
    for result, finding in zip(results, data["findings"]):
        assert result["ruleId"] == finding["rule"]
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == finding["rule"]
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[finding["severity"]]
        assert result["message"]["text"] == finding["message"]
        assert result["partialFingerprints"] == {"planAudit/v1": finding["fingerprint"]}
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert location["artifactLocation"]["uri"] == "fixtures/" + Path(finding["path"]).name
        assert (REPO / unquote(location["artifactLocation"]["uri"])).is_file()
        assert location["region"]["startLine"] == finding["line"]
    assert run["originalUriBaseIds"]["%SRCROOT%"] == {}  # the reviewer's own folder: only when asked


def test_the_root_folders_uri_with_absolute_paths():
    from audit.report.sarif import sarif_document
    from tests.helpers.reports import fixture_run

    document = sarif_document(fixture_run("vi"), cwd=REPO, absolute=True)
    assert document["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == REPO.as_uri() + "/"


def test_a_gap_carries_the_parents_line_as_a_related_location(sarif):
    gap = next(r for r in sarif["runs"][0]["results"]
               if r["ruleId"] == "KETHUA001" and "Zalo" in r["message"]["text"])
    assert gap["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "fixtures/2024-xa-phuc-khe.pdf"
    related = gap["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "fixtures/2024-huyen-phu-lam.md"
    assert related["region"]["startLine"] == 81
    assert "Zalo OA" in related["region"]["snippet"]["text"]


def test_an_absence_with_only_the_parents_line_points_at_line_1(tmp_path):
    run = fixture_run("en")
    absent = [f.model_copy(update={"line": None}) if f.rule == "KETHUA001" else f for f in run.findings]
    document = validated(sarif_document(replace(run, findings=absent), "en", cwd=REPO), "sarif")
    results = [r for r in document["runs"][0]["results"] if r["ruleId"] == "KETHUA001"]
    assert results
    for result in results:
        assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
        assert result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] in (72, 81, 83)
        assert result["relatedLocations"][0]["message"]["text"] == "The parent plan asks for it here"


def test_waived_findings_are_suppressed_with_their_reason():
    run = waive(fixture_run("vi"), "KETHUA006", "Gia hạn theo Công văn 15/UBND")
    results = validated(sarif_document(run, cwd=REPO), "sarif")["runs"][0]["results"]
    suppressed = [r for r in results if "suppressions" in r]
    assert [r["ruleId"] for r in suppressed] == ["KETHUA006"]
    assert suppressed[0]["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "Gia hạn theo Công văn 15/UBND"}]


def test_a_plan_outside_the_working_folder_gets_an_absolute_uri(tmp_path):
    run = fixture_run("vi")
    document = validated(sarif_document(run, cwd=tmp_path), "sarif")
    uri = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"].startswith("file:///") and "uriBaseId" not in uri


def test_english_rule_texts():
    rules = sarif_document(fixture_run("en"), "en", cwd=REPO)["runs"][0]["tool"]["driver"]["rules"]
    kethua = next(r for r in rules if r["id"] == "KETHUA001")
    assert kethua["shortDescription"]["text"].startswith("A channel, indicator or content")
    assert "Reference:" in kethua["help"]["text"]
