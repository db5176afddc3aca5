"""The configuration of `check` and `corpus`: a file of defaults, overridden by the command line.

Where it comes from, first found wins: `--config FILE`; else, from the current folder up to the
root, in each folder `plan-audit.yaml`, then `.plan-audit.yaml`, then a `pyproject.toml` with a
`[tool.plan-audit]` table (a pyproject.toml without one is passed over).

    select: [CAUTRUC, KENH]         # rule codes or prefixes: a list, or "A,B" in one string
    ignore: [THETHUC002]
    fail-on: warning                 # error | warning | info | never
    format: sarif
    lang: en
    draft: true
    waivers: waivers.yaml            # a waiver file, or the waivers themselves as a list
    baseline: .plan-audit-baseline.yaml
    per-path:
      - paths: ["drafts/**"]
        ignore: [THETHUC001]

Paths in the file (waivers, baseline, per-path patterns) are relative to the file's folder. An
option given on the command line replaces the file's value for that key (`--select` replaces
`select`; it does not add to it). Anything the file gets wrong is a `ConfigError` naming the file,
the line (YAML) and the key.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, ValidationInfo, field_validator

from audit.messages import DEFAULT_LANG
from audit.policy.baseline import BaselineEntry, read_baseline
from audit.policy.files import ConfigError, Strict, read_toml, read_yaml, validation_error
from audit.policy.globs import PathPattern
from audit.policy.waivers import Waiver, WaiverEntry, inline_waivers, read_waiver_file

CONFIG_NAMES = ("plan-audit.yaml", ".plan-audit.yaml", "pyproject.toml")


def _codes(value: Any) -> Any:
    """"KENH,CHISO001" or ["KENH", "CHISO001"]: both are a list."""
    return [code.strip() for code in value.split(",") if code.strip()] if isinstance(value, str) else value


class PerPath(Strict):
    """Rules switched off for some plans, like Ruff's per-file-ignores."""

    paths: list[str] = Field(min_length=1)
    ignore: list[str] = Field(min_length=1)

    _split = field_validator("ignore", "paths", mode="before")(_codes)


class Config(Strict):
    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    fail_on: Literal["error", "warning", "info", "never"] | None = None
    format: str | None = None
    lang: Literal["vi", "en"] | None = None
    draft: bool | None = None
    kind: Literal["auto", "plan"] | None = None
    waivers: str | list[WaiverEntry] | None = None
    baseline: str | None = None
    per_path: list[PerPath] = Field(default_factory=list)

    _split = field_validator("select", "ignore", mode="before")(_codes)

    @field_validator("format")
    @classmethod
    def _known_format(cls, value: str | None, info: ValidationInfo) -> str | None:
        # the report formats are the report layer's, above this one: the caller names them
        formats = (info.context or {}).get("formats")
        if value is not None and formats is not None and value not in formats:
            raise ValueError(f"choice:{', '.join(formats)}")
        return value


@dataclass(frozen=True)
class PathIgnore:
    """Codes or prefixes ignored for the plans whose path matches one of `patterns`."""

    patterns: tuple[PathPattern, ...]
    codes: tuple[str, ...]

    def applies_to(self, path: str) -> bool:
        return any(pattern.matches(path) for pattern in self.patterns)


@dataclass(frozen=True)
class Settings:
    """What `check` and `corpus` run with: the command line over the configuration file over the
    defaults, with the waivers and the baseline read."""

    fmt: str | None = None  # None: not chosen, the command picks rich or concise (audit/report/formats.py)
    output: str | None = None
    fail_on: str = "error"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    lang: str = DEFAULT_LANG
    draft: bool = False
    kind: str = "auto"  # "plan": every document is audited as a plan (audit/parse/kind.py)
    per_path: tuple[PathIgnore, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    baseline: tuple[BaselineEntry, ...] = ()
    write_baseline: str | None = None
    config: Path | None = None  # the file the settings came from, if any
    read_from: tuple[Path, ...] = ()  # the configuration and waiver files read: never an output
    baseline_path: Path | None = None  # the baseline read: only --write-baseline may replace it
    passed_over: tuple[tuple[str, Path], ...] = ()  # configuration files not trusted: (message key, path)
    file_codes: tuple[tuple[str, tuple[str, ...], int | None], ...] = ()  # (key, codes, line) taken from it


def check_codes(settings: Settings, known: list[str]) -> None:
    """A rule code in the configuration file that names no rule (of `known`) is an error at its key:
    a typo must not switch a check off silently."""
    for key, codes, line in settings.file_codes:
        for code in codes:
            if not any(rule.startswith(code.strip().upper()) for rule in known):
                raise ConfigError(settings.config, key, "rules.unknown_code", line=line, code=code)


def find_config(start: Path | None = None, warnings: list[tuple[str, Path]] | None = None) -> Path | None:
    """The first configuration file from `start` (default: the current folder) up to the repository
    root (a folder with .git) or the first folder that belongs to another user. A configuration
    changes what fails a run: one another user owns or others may write to is not used, and the
    search ends there; each file passed over is added to `warnings` as (message key, path)."""
    warnings = [] if warnings is None else warnings
    folder = (start or Path.cwd()).resolve()
    for directory in (folder, *folder.parents):
        found = _config_in(directory)
        if not _mine(directory):
            if found:
                warnings.append(("config.untrusted_folder", found))
            return None
        if found and not _trusted_file(found):
            warnings.append(("config.untrusted", found))
            return None
        if found or (directory / ".git").exists():
            return found
    return None


def _config_in(directory: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = directory / name
        if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
            return candidate
    return None


def _mine(path: Path) -> bool:
    """Whether `path` belongs to the user (or to root, as the folders above a home folder do)."""
    try:
        owner = path.stat().st_uid
    except OSError:
        return False
    return not hasattr(os, "getuid") or owner in (os.getuid(), 0)


def _trusted_file(path: Path) -> bool:
    """The user's own file (not root's, unless the user is root), which no one else may write to."""
    try:
        info = path.stat()
    except OSError:
        return False
    mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return mine and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _has_tool_table(path: Path) -> bool:
    """Whether a pyproject.toml has [tool.plan-audit]; one that names plan-audit but does not parse
    is taken, so its error is shown rather than the file silently passed over."""
    try:
        return "plan-audit" in path.read_text(encoding="utf-8") and "plan-audit" in read_toml(path).get("tool", {})
    except ConfigError:
        return True
    except (OSError, UnicodeDecodeError):
        return False


def _shown(path: Path | None) -> Path | None:
    """A file found upward, as findings about it show it: relative to the current folder when inside it."""
    if path is None or not path.is_relative_to(Path.cwd().resolve()):
        return path
    return path.relative_to(Path.cwd().resolve())


def load_config(path: Path, formats: tuple[str, ...]) -> tuple[Config, dict[tuple, int]]:
    """The validated configuration of `path` (its `format` one of `formats`) and, for YAML, the line
    of each key path."""
    if not path.is_file():
        raise ConfigError(path, "", "config.not_found")
    if path.name == "pyproject.toml":
        data, lines, prefix = read_toml(path).get("tool", {}).get("plan-audit", {}), {}, "tool.plan-audit"
    else:
        (data, lines), prefix = read_yaml(path), ""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(path, prefix, "config.not_mapping", line=lines.get(()))
    try:
        return Config.model_validate(data, context={"formats": formats}), lines
    except ValidationError as error:
        raise validation_error(path, error, Config, lines, prefix) from None


def resolve(given: dict[str, Any], formats: tuple[str, ...], start: Path | None = None) -> Settings:
    """The settings of a run: each option given on the command line (not None, not empty), else
    the configuration file's value (`given["config"]`, or the file found upward), else the default.
    `formats` are the report formats a file may name.
    Raises `ConfigError` for a configuration, waiver or baseline file that cannot be used."""
    explicit = given.get("config")
    passed_over: list[tuple[str, Path]] = []
    path = Path(explicit) if explicit else _shown(find_config(start, passed_over))
    config, lines = load_config(path, formats) if path else (Config(), {})
    base = path.parent if path else Path()  # as the path is shown: files it names are shown alike

    def pick(name: str, from_file: Any, default: Any) -> Any:
        value = given.get(name)
        if value not in (None, ()):
            return value
        return from_file if from_file not in (None, [], ()) else default

    if isinstance(config.waivers, str):
        waivers = read_waiver_file(base / config.waivers)
    else:
        waivers = inline_waivers(config.waivers or [], path, lines)
    baseline = given.get("baseline") or (base / config.baseline if config.baseline else None)
    if baseline and given.get("write_baseline") and not Path(baseline).exists():
        baseline = None  # the first --write-baseline of a configured baseline
    file_codes = [(key, tuple(getattr(config, key)), lines.get((key,))) for key in ("select", "ignore")
                  if getattr(config, key) and not given.get(key)]
    file_codes += [(f"per-path[{index}].ignore", tuple(rule.ignore), lines.get(("per-path", index, "ignore")))
                   for index, rule in enumerate(config.per_path)]
    return Settings(
        fmt=pick("fmt", config.format, None),
        output=given.get("output"),
        fail_on=pick("fail_on", config.fail_on, "error"),
        select=tuple(pick("select", tuple(config.select), ())),
        ignore=tuple(pick("ignore", tuple(config.ignore), ())),
        lang=pick("lang", config.lang, DEFAULT_LANG),
        draft=bool(pick("draft", config.draft, False)),
        kind=pick("kind", config.kind, "auto"),
        per_path=tuple(
            PathIgnore(tuple(PathPattern(p, base) for p in rule.paths), tuple(rule.ignore)) for rule in config.per_path
        ),
        waivers=tuple(waivers),
        baseline=tuple(read_baseline(baseline)) if baseline else (),
        write_baseline=given.get("write_baseline"),
        config=path,
        file_codes=tuple(file_codes),
        read_from=tuple(p for p in (path, base / config.waivers if isinstance(config.waivers, str) else None) if p),
        baseline_path=Path(baseline) if baseline else None,
        passed_over=tuple(passed_over),
    )
