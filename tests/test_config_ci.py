"""docs/ci.md and what it ships: the GitHub Actions workflow (docs/examples/plan-audit.yml), the
pre-commit hook (.pre-commit-hooks.yaml) and the configuration examples parse, and every plan-audit
command in them runs with our CLI, on a copy of the fixtures laid out as the docs say (drafts/)."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from audit.cli import main
from audit.policy.config import Config, load_config
from audit.report.formats import FORMATS
from audit.policy.waivers import read_waiver_file
from tests.conftest import FIXTURES, REPO

# totals and whole reports: on the pinned rules, whatever default rule is added (tests/helpers/pinned.py)
pytestmark = pytest.mark.usefixtures("pinned_rules")

CI_DOC = REPO / "docs" / "ci.md"
WORKFLOW = REPO / "docs" / "examples" / "plan-audit.yml"
HOOKS = REPO / ".pre-commit-hooks.yaml"
DRAFTS = ["2024-so-tttt.docx", "2024-xa-phuc-khe.pdf", "2024-tt-lam-xuyen.md", "2024-huyen-phu-lam.md", "README.md"]


def code_blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", CI_DOC.read_text(encoding="utf-8"), flags=re.S)


@pytest.fixture
def repository(tmp_path, monkeypatch):
    """A plans repository: drafts/ holds a few fixture plans (and a README that is not a plan)."""
    (tmp_path / "drafts").mkdir()
    for name in DRAFTS:
        shutil.copy(FIXTURES / name, tmp_path / "drafts" / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_command(line: str):
    argv = shlex.split(line)
    assert argv[0] == "plan-audit"
    return CliRunner().invoke(main, argv[1:])


def workflow_steps() -> list[dict]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert set(workflow) == {"name", True, "permissions", "jobs"}  # YAML 1.1 reads the key `on` as true
    assert set(workflow[True]) == {"push", "pull_request"}
    assert workflow["permissions"]["security-events"] == "write"
    [job] = workflow["jobs"].values()
    return job["steps"]


def test_the_workflow_in_the_doc_is_the_example_file():
    assert WORKFLOW.read_text(encoding="utf-8").rstrip("\n") + "\n" in code_blocks("yaml")


def test_the_workflow_installs_audits_to_sarif_uploads_it_and_annotates(repository):
    steps = workflow_steps()
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert uses[:2] == ["actions/checkout", "actions/setup-python"]
    runs = [step["run"] for step in steps if "run" in step]
    assert runs[0].startswith("pip install ")
    commands = [run for run in runs if run.startswith("plan-audit ")]
    assert len(commands) == 2
    upload = next(step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert steps.index(upload) > next(i for i, step in enumerate(steps) if step.get("run") == commands[0])

    sarif_run = run_command(commands[0])
    assert sarif_run.exit_code == 0, sarif_run.output  # never fails: the upload always happens
    sarif = json.loads((repository / upload["with"]["sarif_file"]).read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    results = sarif["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"THETHUC009", "KETHUA001"}
    assert not any("README" in r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results)

    annotate = run_command(commands[1])
    assert annotate.exit_code == 1  # xã Phúc Khê misses what its district assigned (KETHUA001, an error)
    assert re.search(r"^::error file=drafts/2024-xa-phuc-khe\.pdf,line=\d+", annotate.stdout, flags=re.M)
    assert re.search(r"^::warning file=drafts/2024-so-tttt\.docx,line=\d+", annotate.stdout, flags=re.M)


def test_the_workflow_honours_a_configuration_at_the_root(repository):
    (repository / "plan-audit.yaml").write_text(
        "waivers:\n  - {code: KETHUA001, plan: 06/KH-UBND, reason: đã báo cáo huyện}\n"
        "  - {code: KETHUA005, plan: 'drafts/2024-tt-lam-xuyen.md', reason: ngày trích dẫn sai đã đính chính}\n"
        "  - {code: THETHUC, plan: 'drafts/**', reason: dự thảo, expires: 2001-01-01}\n",
        encoding="utf-8")
    annotate = run_command([step["run"] for step in workflow_steps() if step.get("run", "").startswith("plan-audit ")][1])
    assert annotate.exit_code == 0, annotate.stdout
    assert "::error " not in annotate.stdout
    # the expired waiver is annotated on its own line of the configuration, a path relative to the root
    assert re.search(r"^::warning file=plan-audit\.yaml,line=4.*POLICY001", annotate.stdout, flags=re.M)


def test_the_pre_commit_hook_runs_check_on_the_plan_files_of_a_commit(repository):
    [hook] = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert hook["id"] == "plan-audit" and hook["language"] == "python"
    assert {"name", "entry", "files"} <= set(hook)
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    staged = [f"drafts/{name}" for name in DRAFTS] + ["plan-audit.yaml", "docs/notes.odt"]
    chosen = [path for path in staged if files.search(path) and not exclude.search(path)]
    assert chosen == [f"drafts/{name}" for name in DRAFTS if name != "README.md"]
    result = run_command(f"{hook['entry']} {' '.join(chosen)}")  # pre-commit appends the file names
    assert result.exit_code == 0  # warnings only without the parents: the default fails on errors
    assert "2024-so-tttt.docx" in result.stdout
    result = run_command(f"{hook['entry']} --fail-on warning {' '.join(chosen)}")  # args: [--fail-on, warning]
    assert result.exit_code == 1


def test_the_pre_commit_examples_in_the_doc_parse_and_run(repository):
    configs = [yaml.safe_load(block) for block in code_blocks("yaml") if block.startswith("repos:")]
    assert len(configs) == 2
    remote, local = (config["repos"][0]["hooks"][0] for config in configs)
    [manifest] = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert remote["id"] == manifest["id"] and local["entry"] == manifest["entry"]
    paths = [f"drafts/{name}" for name in DRAFTS] + ["plan-audit.yaml"]
    for hook in ({**manifest, **remote}, local):  # a config's keys override the manifest's
        chosen = [path for path in paths if re.search(hook["files"], path)
                  and not (hook.get("exclude") and re.search(hook["exclude"], path))]
        assert chosen == [f"drafts/{name}" for name in DRAFTS if name != "README.md"]
        result = run_command(" ".join([hook["entry"], *hook.get("args", []), *chosen]))
        assert result.exit_code == (1 if hook.get("args") else 0), result.output  # warnings fail with the args


def test_the_configuration_examples_in_the_doc_are_valid(tmp_path):
    blocks = {block.splitlines()[0]: block for block in code_blocks("yaml") if block.startswith("# ")}
    config_path = tmp_path / "plan-audit.yaml"
    config_path.write_text(blocks["# plan-audit.yaml"], encoding="utf-8")
    config, _ = load_config(config_path, FORMATS)
    assert config.fail_on == "warning" and config.waivers == "waivers.yaml" and len(config.per_path) == 2
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(blocks["# waivers.yaml"], encoding="utf-8")
    assert [w.entry.code for w in read_waiver_file(waivers)] == ["THETHUC001", "KETHUA001"]
    [toml] = code_blocks("toml")
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    config, _ = load_config(tmp_path / "pyproject.toml", FORMATS)
    assert config == Config.model_validate({"fail-on": "warning", "ignore": ["THETHUC003"],
                                            "per-path": [{"paths": ["drafts/**"], "ignore": ["THETHUC009"]}]})


def test_every_key_of_the_configuration_is_documented():
    table = CI_DOC.read_text(encoding="utf-8")
    for name, field in Config.model_fields.items():
        assert f"| `{field.alias or name}` |" in table


def test_the_commands_in_the_doc_are_valid(repository):
    shutil.copytree(repository / "drafts", repository / "plans")
    for block in code_blocks("sh"):
        for line in block.splitlines():
            command = line.split("#")[0].strip()
            if command.startswith("plan-audit "):
                result = run_command(command)
                assert result.exit_code in (0, 1), (command, result.output)
    assert Path(".plan-audit-baseline.yaml").exists()
