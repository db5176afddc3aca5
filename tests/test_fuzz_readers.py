"""Fuzzing: each reader and parser fed with the fixture plans, mutated (bytes flipped, cut, repeated,
hostile runs inserted: spaces after a citation, dots, control and bidirectional characters). Whatever
comes in, a plan is read or refused with an `InputError`, and the rules run on what is read: never
another exception. A fixed, derandomized budget runs in CI (`HYPOTHESIS_PROFILE=long` searches
longer); every input that once crashed is kept in tests/data/fuzz/ and replayed as a regression."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.corpus import plan_or_error
from audit.engine.context import CheckContext
from audit.engine.engine import run_rules
from audit.engine.packs import load_rules
from audit.read.errors import InputError
from tests.conftest import FIXTURES

REGRESSIONS = Path(__file__).parent / "data" / "fuzz"
HOSTILE = [b" " * 3000, b"." * 3000, "…".encode() * 1000, b"\x00", b"\x1b[2J", "\u202e".encode(), b"\xff\xfe",
           "của UBND tỉnh ".encode() * 200, "Số: ".encode() * 300, b"\r\n" * 500, "tuyên truyền ".encode() * 300,
           "Kế hoạch số 1/KH-UBND ngày 1/1/2024 ".encode() * 100, b"[" * 500, b"PK\x03\x04", b"%PDF-1.4"]
BUDGET = settings(max_examples=25, derandomize=True, deadline=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def fixture(suffix: str) -> bytes:
    return next(path for path in sorted(FIXTURES.glob(f"*{suffix}"))).read_bytes()


@st.composite
def mutated(draw, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["flip", "insert", "cut", "repeat"]))
        if kind == "flip" and at < len(data):
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "insert":
            data[at:at] = draw(st.sampled_from(HOSTILE))
        elif kind == "cut":
            del data[at : at + draw(st.integers(1, 4096))]
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 2048))] * draw(st.integers(2, 20))
    return bytes(data)


_RULES = []


def audit_bytes(data: bytes, suffix: str) -> None:
    """Read `data` as a plan file named *suffix and run every rule on it: an InputError is an answer."""
    if not _RULES:
        _RULES.extend(load_rules())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"ke-hoach{suffix}"
        path.write_bytes(data)
        plan = plan_or_error(path)
        if isinstance(plan, InputError):
            assert plan.key != "parse_crash", plan.message("en")  # a crash the reader did not foresee
            return
        run_rules(plan, _RULES, CheckContext(lang="en"))


@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx", ".pdf"])
def test_mutated_plans_are_read_or_refused(suffix):
    @BUDGET
    @given(mutated(fixture(suffix)))
    def fuzz(data: bytes) -> None:
        audit_bytes(data, suffix)

    fuzz()


@BUDGET
@given(mutated((FIXTURES / "units.yaml").read_bytes()))
def test_mutated_configuration_is_used_or_refused_with_a_config_error(data):
    from audit.policy.config import resolve
    from audit.policy.files import ConfigError
    from audit.report.formats import FORMATS

    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "plan-audit.yaml"
        config.write_bytes(b"per-path:\n  - paths: ['drafts/**']\n    ignore: [THETHUC001]\nwaivers:\n" + data)
        try:
            resolve({"config": str(config)}, FORMATS)
        except ConfigError:
            pass


@pytest.mark.parametrize("case", sorted(p for p in REGRESSIONS.glob("*") if p.name != "README.md"), ids=lambda p: p.name)
def test_inputs_that_once_crashed_are_read_or_refused(case):
    audit_bytes(case.read_bytes(), case.suffix)
