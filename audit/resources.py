"""Where the YAML data of the tool lives: the `rules/` folder (lexicon and rule packs).

`pip install .` installs the repository's rules/ folder as the package data of `audit.rules`
(see pyproject.toml). A run from the source tree, or an editable install where that mapping is not
importable, falls back to the rules/ folder next to the `audit` package.

The environment variable PLAN_AUDIT_RULES names another folder laid out the same way (lexicon.yaml
and one subfolder of YAML files per pack), used instead: to try a pack being written, or to test
how a broken one is reported, without touching the installed rules.
"""

from __future__ import annotations

import os
from pathlib import Path

RULES_ENV = "PLAN_AUDIT_RULES"


def rules_root() -> Path:
    """The folder that holds lexicon.yaml and the rule packs (one subfolder per pack)."""
    if os.environ.get(RULES_ENV):
        return Path(os.environ[RULES_ENV])
    from importlib.resources import files

    try:
        # audit.rules has no __init__.py, so files() gives a MultiplexedPath: ask it for a file
        # that always ships to get a real filesystem path.
        installed = Path(str(files("audit.rules").joinpath("lexicon.yaml"))).parent
    except (ModuleNotFoundError, TypeError):
        installed = None
    if installed is not None and (installed / "lexicon.yaml").is_file():
        return installed
    return Path(__file__).resolve().parent.parent / "rules"
