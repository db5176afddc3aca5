"""Reading the project's policy files (configuration, waivers, baseline) with errors a user can act on:
"<file>:<line>: <key>: <problem>", in Vietnamese or English."""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, ConfigDict, ValidationError

from audit.base.yaml_lines import ConfigError, read_toml, read_yaml

__all__ = ["ConfigError", "Strict", "read_toml", "read_yaml", "validation_error"]


class Strict(BaseModel):
    """A model of a policy file: unknown keys refused, keys written with hyphens ("fail-on")."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True,
                              alias_generator=lambda name: name.replace("_", "-"))


def validation_error(path: Path, error: ValidationError, model: type[BaseModel],
                     lines: dict[tuple, int], prefix: str = "") -> ConfigError:
    """The problem pydantic found in data validated as `model`, as a ConfigError at the key's line."""
    # the deepest problem (the branch of a union that applies), an unknown key first (a typo explains the rest)
    first = max(error.errors(), key=lambda e: (len(e["loc"]), e["type"] == "extra_forbidden"))
    # pydantic names the branch of a union in the path ("str", "list[WaiverEntry]"): not a key
    loc = tuple(part for part in first["loc"] if isinstance(part, int) or (part != "str" and "[" not in part))
    text = _loc_text(loc)
    key = f"{prefix}{'' if text.startswith('[') else '.'}{text}" if prefix else text
    line = next((lines[loc[:n]] for n in range(len(loc), -1, -1) if loc[:n] in lines), None)
    kind, detail = first["type"], str(first.get("msg", "")).removeprefix("Value error, ")
    if kind == "extra_forbidden":
        known = ", ".join(_keys_at(model, loc))
        return ConfigError(path, key, "config.unknown_key", line=line, known=known)
    if kind == "missing":
        return ConfigError(path, key, "config.required", line=line)
    if kind == "literal_error":
        return ConfigError(path, key, "config.choice", line=line, choices=first["ctx"]["expected"].replace("'", "").replace(" or ", ", "))
    if detail.startswith("choice:"):
        return ConfigError(path, key, "config.choice", line=line, choices=detail.removeprefix("choice:"))
    return ConfigError(path, key, "config.bad_value", line=line, detail=detail)


def _loc_text(loc: tuple) -> str:
    """("per-path", 0, "ignore") -> "per-path[0].ignore"."""
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" if index else part
                   for index, part in enumerate(loc))


def _keys_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """The keys allowed where `loc` points: the fields of `model`, or of the model nested down `loc`."""
    for part in loc[:-1]:
        fields = {f.alias or name: f for name, f in model.model_fields.items()}
        if part in fields:
            model = _inner_model(fields[part].annotation) or model
    return [f.alias or name for name, f in model.model_fields.items()]


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((m for arg in get_args(annotation) if (m := _inner_model(arg))), None)
