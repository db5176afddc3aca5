"""Shared test helpers: the real seed plans live in ../shared/seeds beside the repository."""

from __future__ import annotations

import atexit
import os
from collections import Counter
from collections.abc import Iterator
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests: a fixed budget in CI ("ci", the default), and a longer search on demand:
#   HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest -p no:cacheprovider tests/test_properties.py tests/test_normalize.py
# No deadline: a slow example on a loaded CI machine is not a failure; the budget bounds the run.
# derandomize: the same examples on every run, so a CI failure is reproduced by running it again.
settings.register_profile("ci", max_examples=100, deadline=None, derandomize=True)
settings.register_profile("long", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# `corpus` caches parses under $XDG_CACHE_HOME/plan-audit: the tests (and the commands they start)
# use a folder of their own, removed at the end, never the user's cache.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="plan-audit-tests-")
atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], ignore_errors=True)

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"  # seeds, the contract, the SARIF schema: beside the repository
SEEDS = SHARED / "seeds"
FIXTURES = REPO / "fixtures"


def shared(*parts: str) -> Path:
    """A path of ../shared, or a skip: a clone without it beside still runs every other test."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found (../shared beside the repository)")
    return path


def seed(prefix: str) -> Path:
    """The seed file whose name starts with `prefix` ("000" ... "004")."""
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return matches[0]


def pytest_terminal_summary(terminalreporter) -> None:
    """One line at the end: how many tests were skipped and why (a clone without ../shared beside it
    skips every test of the seeds, which `-q` alone would only show as a count)."""
    reasons = Counter(_skip_reason(report) for report in terminalreporter.stats.get("skipped", []))
    if reasons:
        why = "; ".join(f"{count}: {reason}" for reason, count in reasons.most_common())
        count = sum(reasons.values())
        terminalreporter.write_line(f"{count} test{'s' if count > 1 else ''} skipped ({why})")


def _skip_reason(report) -> str:
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    reason = reason.removeprefix("Skipped: ")
    # one reason for every missing file of ../shared, whichever file the test wanted
    return f"{SHARED} not found (../shared beside the repository)" if str(SHARED) in reason else reason


@pytest.fixture(scope="session")
def pinned_rules_root(tmp_path_factory) -> Path:
    from audit.resources import rules_root
    from tests.helpers.pinned import pinned_rules_folder

    return pinned_rules_folder(rules_root(), tmp_path_factory.mktemp("pinned") / "rules")


@pytest.fixture(scope="module")
def pinned_rules(pinned_rules_root) -> Iterator[Path]:
    """The command-line and report tests run on the pinned rules (tests/helpers/pinned.py); for the
    whole module, so its module-scoped runs see them too."""
    from audit.resources import RULES_ENV

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(RULES_ENV, str(pinned_rules_root))
        yield pinned_rules_root
