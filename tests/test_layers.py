"""The layers of docs/architecture.md hold: import-linter's contract in pyproject.toml, run here (so
in CI), names every package and module of audit/ and is kept."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def contract() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"][0]


def lint_imports(folder: Path) -> subprocess.CompletedProcess:
    # the `audit` under `folder` comes first on the path, before the installed one
    env = {**os.environ, "PYTHONPATH": str(folder)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=300)


def test_the_layers_contract_is_kept():
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 1 kept, 0 broken." in result.stdout


def test_the_contract_names_every_package_and_module_of_audit():
    named = {name.strip() for layer in contract()["layers"] for name in re.split(r"[|:]", layer)}
    present = {f"audit.{path.stem if path.is_file() else path.name}" for path in (REPO / "audit").iterdir()
               if (path.suffix == ".py" and path.stem != "__init__") or (path / "__init__.py").is_file()}
    assert present == named


def test_no_import_is_exempted_from_the_layers():
    assert "ignore_imports" not in contract()


def test_an_import_against_the_layers_breaks_the_contract(tmp_path):
    shutil.copytree(REPO / "audit", tmp_path / "audit")
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    model = tmp_path / "audit" / "model.py"
    model.write_text(model.read_text(encoding="utf-8") + "\nimport audit.report.formats\n", encoding="utf-8")
    result = lint_imports(tmp_path)
    assert result.returncode == 1
    assert "audit.model -> audit.report.formats" in result.stdout and "1 broken" in result.stdout
