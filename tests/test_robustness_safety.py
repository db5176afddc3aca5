"""Safety of the inputs and of the machine: every command, in every format, with and without
--output, on the fixtures and the real seeds, opens its inputs for reading only, leaves them
byte for byte as they were (and their folders without new files), and never touches the network."""

from __future__ import annotations

import builtins
import hashlib
import io
import os
import socket
from pathlib import Path

from click.testing import CliRunner

from audit.cli import main
from audit.corpus import find_plan_files
from tests.conftest import FIXTURES, SEEDS, shared
from tests.test_escaping import check_formats

INPUT_ROOTS = (FIXTURES, SEEDS)
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC


def snapshot() -> dict[Path, str]:
    """Every file under the input folders, hidden ones too, with its SHA-256."""
    return {
        path: hashlib.sha256(path.read_bytes()).hexdigest()
        for root in INPUT_ROOTS for path in sorted(root.rglob("*")) if path.is_file()
    }


def every_command(out: Path) -> list[tuple[list[str], int]]:
    """Each command of the tool on the inputs, with the exit code it gave."""
    plans = [str(p) for root in INPUT_ROOTS for p in find_plan_files(root)[0]]
    runs: list[list[str]] = [["rules"], ["rules", "KETHUA001"]]
    for plan in plans:
        runs += [["extract", plan], ["extract", plan, "--format", "json", "--output", str(out / "extract.json")]]
    for fmt in check_formats():
        runs += [["check", *plans, "--format", fmt, "--output", str(out / f"check.{fmt}")],
                 ["corpus", str(FIXTURES), "--format", fmt, "--output", str(out / f"corpus.{fmt}")]]
    xa, huyen = str(FIXTURES / "2024-xa-kim-khe.md"), str(FIXTURES / "2024-huyen-phu-lam.md")
    runs += [
        ["check", *plans], ["corpus", str(SEEDS), "--format", "json"],
        ["check", xa, "--parent", huyen, "--format", "json"],
        ["check", xa, "--corpus", str(FIXTURES), "--output", str(out / "check-corpus.txt")],
        ["graph", str(FIXTURES), "--expected", str(FIXTURES / "units.yaml")],
        ["graph", str(SEEDS), "--format", "json", "--output", str(out / "graph.json")],
    ]
    results = []
    for args in runs:
        result = CliRunner().invoke(main, args)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        results.append((args, result.exit_code))
    return results


def test_inputs_are_opened_read_only_and_never_changed(tmp_path, monkeypatch):
    shared("seeds")
    before = snapshot()
    roots = [str(root.resolve()) for root in INPUT_ROOTS]
    writes: list[tuple[str, object]] = []

    def inside(file) -> bool:
        return isinstance(file, (str, os.PathLike)) and os.path.realpath(file).startswith(tuple(roots))

    real_open, real_os_open = builtins.open, os.open

    def guarded_open(file, mode="r", *args, **kwargs):
        if inside(file) and any(flag in mode for flag in "wax+"):
            writes.append((str(file), mode))
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(path, flags, *args, **kwargs):
        if inside(path) and flags & WRITE_FLAGS:
            writes.append((str(path), flags))
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    results = every_command(tmp_path)
    monkeypatch.undo()
    assert writes == []
    assert snapshot() == before  # same files, same bytes: nothing changed, nothing added
    assert {code for _, code in results} <= {0, 1}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        {"extract.json", "check-corpus.txt", "graph.json"} | {f"{c}.{f}" for c in ("check", "corpus") for f in check_formats()}
    )  # the reports, and no temporary file left beside them


def test_nothing_goes_to_the_network(tmp_path, monkeypatch):
    shared("seeds")
    attempts: list[str] = []

    def refuse(name: str):
        def blocked(*args, **kwargs):
            attempts.append(f"{name}{args!r}")
            raise OSError(f"plan-audit tried the network: {name}")
        return blocked

    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, refuse(name))
    results = every_command(tmp_path)
    assert attempts == []
    assert {code for _, code in results} <= {0, 1}


def test_the_expected_units_file_is_read_with_a_safe_loader(tmp_path):
    marker = tmp_path / "pwned"
    units = tmp_path / "units.yaml"
    units.write_text(f"!!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["graph", str(FIXTURES), "--expected", str(units)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"plan-audit: error: {units}:1: YAML không hợp lệ: could not determine a constructor")
    assert not marker.exists()
