"""A broken rule pack, given through PLAN_AUDIT_RULES, stops every command with one line naming the
file and line (exit 2) before any plan is audited; YAML tags that would build Python objects are
refused, so a pack or lexicon cannot run code. The loader's messages in detail: test_packs.py."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from audit.resources import RULES_ENV, rules_root
from tests.conftest import seed
from tests.test_packs import GOOD_RULE, HEAD


@pytest.fixture
def rules(tmp_path) -> Path:
    """A copy of the installed rules folder, to break."""
    folder = tmp_path / "rules"
    shutil.copytree(rules_root(), folder)
    return folder


def plan_audit(rules_folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "audit", *args], capture_output=True, text=True, timeout=120,
        env={**os.environ, RULES_ENV: str(rules_folder)},
    )


def assert_usage_error(rules_folder: Path, expected: str) -> None:
    """check, corpus and rules all stop with exit 2 and the one line `expected`, before any output."""
    for args in (["check", str(seed("004"))], ["corpus", str(seed("004").parent)], ["rules"]):
        result = plan_audit(rules_folder, *args)
        assert (result.returncode, result.stdout) == (2, ""), (args, result.stderr)
        assert result.stderr == f"plan-audit: error: {expected}\n", args


def add_pack(rules_folder: Path, text: str, pack: str = "thu", name: str = "test.yaml") -> Path:
    path = rules_folder / pack / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_extra_pack_runs_beside_the_installed_one(rules):
    add_pack(rules, HEAD + GOOD_RULE)
    result = plan_audit(rules, "check", "--select", "TEST,KENH", "--format", "json", str(seed("004")))
    assert result.returncode == 0, result.stderr
    assert [(f["rule"], f["message"]) for f in json.loads(result.stdout)["findings"]] == [("TEST001", "Thiếu Zalo")]


def test_bad_yaml(rules):
    path = add_pack(rules, HEAD + GOOD_RULE.replace("{concept: channel.zalo}", "{concept: [channel.zalo}"))
    # libyaml words it "did not find expected ',' or ']'", the pure-Python parser "expected ',' or ']', but got '}'"
    wording = "did not find expected ',' or ']'" if yaml.__with_libyaml__ else "expected ',' or ']', but got '}'"
    assert_usage_error(rules, f"{path}:7: bad YAML: while parsing a flow sequence {wording}")


def test_unknown_check_kind(rules):
    from audit.engine.checks import kind_names

    path = add_pack(rules, HEAD + GOOD_RULE.replace("check: requires_concept", "check: run_python"))
    assert_usage_error(rules, f"{path}:6: unknown check kind 'run_python' in TEST001 (known: {', '.join(kind_names())})")


def test_bad_regex(rules):
    rule = GOOD_RULE.replace("check: requires_concept", "check: requires_section").replace(
        "params: {concept: channel.zalo}", "params:\n      kinds: [hinh_thuc]\n      title_pattern: '(tuyên truyền'"
    ).replace("{concept_label}", "{section}")
    path = add_pack(rules, HEAD + rule)
    assert_usage_error(rules, f"{path}:9: bad parameters for check 'requires_section' in TEST001: title_pattern: "
                              "bad regular expression '(tuyên truyền': missing ), unterminated subpattern at position 0")


def test_duplicate_code_in_one_file(rules):
    path = add_pack(rules, HEAD + GOOD_RULE + GOOD_RULE)
    assert_usage_error(rules, f"{path}:12: rule code TEST001 is already used on line 4")


def test_duplicate_code_across_packs(rules):
    kenh = rules / "cchc" / "kenh.yaml"
    copy = add_pack(rules, kenh.read_text(encoding="utf-8"), pack="zz-ban-sao", name="kenh.yaml")
    assert_usage_error(rules, f"{copy}:8: rule code KENH001 is already used at {kenh}:8")


@pytest.mark.parametrize("tag", [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:subprocess.Popen [['touch', '{marker}']]",
    "!!python/name:os.system",
])
def test_a_pack_cannot_run_code(rules, tmp_path, tag):
    marker = tmp_path / "pwned"
    path = add_pack(rules, HEAD + GOOD_RULE.replace("{concept: channel.zalo}", tag.format(marker=marker)))
    constructor = tag.split()[0].removeprefix("!!").split("[")[0]
    assert_usage_error(rules, f"{path}:7: bad YAML: could not determine a constructor for the tag "
                              f"'tag:yaml.org,2002:{constructor}'")
    assert not marker.exists()


def test_a_lexicon_cannot_run_code(rules, tmp_path):
    marker = tmp_path / "pwned"
    lexicon = rules / "lexicon.yaml"
    lexicon.write_text(f"version: 1\nconcepts: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    result = plan_audit(rules, "check", str(seed("004")))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(f"plan-audit: error: {lexicon}:2: bad YAML: could not determine a constructor "
                                    "for the tag 'tag:yaml.org,2002:python/object/apply:os.system'")
    assert not marker.exists()


def test_a_rules_folder_that_does_not_exist(tmp_path):
    missing = tmp_path / "khong-co"
    assert_usage_error(missing, f"{missing}: no rule packs found (expected <pack>/*.yaml files in this folder)")
