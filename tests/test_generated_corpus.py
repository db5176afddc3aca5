"""The generated corpus as a second accuracy check: what the generator's manifest says each plan
lacks of what its parent assigned is exactly what `plan-audit corpus` reports (KETHUA001), and
the citations it dated wrong on purpose are exactly the ones KETHUA005 reports."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import random
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.text.lexicon import load_lexicon
from audit.text.matcher import find_matches

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "gen_corpus.py"


def load_generator():
    spec = importlib.util.spec_from_file_location("gen_corpus", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_corpus"] = module  # dataclasses look their module up while the script loads
    spec.loader.exec_module(module)
    return module


gen = load_generator()


# The realistic mode's tasks carry their own dates and figures; seeds 12 and 14 join reports to
# other duties in one line ("...; báo cáo 6 tháng, năm ...").
@pytest.fixture(scope="module", params=[(False, 11), (True, 11), (True, 12), (True, 14)],
                ids=["default", "realistic", "realistic-12", "realistic-14"])
def audited(tmp_path_factory, request) -> tuple[Path, dict, dict]:
    root = tmp_path_factory.mktemp("generated")
    realistic, seed = request.param
    manifest = gen.generate(root, 60 if realistic else 40, seed=seed, realistic=realistic)
    out = root.parent / "report.json"
    result = CliRunner().invoke(main, ["corpus", str(root), "--format", "json", "-o", str(out), "--fail-on", "never",
                                       "--no-cache", "--absolute-paths"])
    assert result.exit_code == 0, result.output
    return root, manifest, json.loads(out.read_text(encoding="utf-8"))


def relative(root: Path, path: str) -> str:
    return Path(path).relative_to(root).as_posix()


def test_missing_inherited_concepts_are_exactly_the_manifest(audited):
    root, manifest, report = audited
    expected = {(p["path"], concept, line) for p in manifest["plans"] for concept, line in p["lacks"].items()}
    found = {(relative(root, f["path"]), f["concept"] or "deliverable.bao_cao", f["parent_line"])
             for f in report["findings"] if f["rule"] in ("KETHUA001", "KETHUA003")}
    assert len(expected) >= 15  # the corpus does exercise the rule
    # One finding for each parent line that asks (the manifest names the first): the same plans and
    # concepts, every line the manifest names among them.
    assert {row[:2] for row in found} == {row[:2] for row in expected}
    assert expected <= found
    # each finding quotes the parent's line that assigned the concept
    lines = {p["path"]: (root / p["path"]).read_text(encoding="utf-8").split("\n") for p in manifest["plans"]}
    for f in (f for f in report["findings"] if f["rule"] in ("KETHUA001", "KETHUA003")):
        parent = relative(root, f["parent_path"])
        assert unicodedata.normalize("NFC", lines[parent][f["parent_line"] - 1]).endswith(
            unicodedata.normalize("NFC", f["parent_text"]))


def test_every_plan_gets_the_parent_it_cites(audited):
    root, manifest, report = audited
    parents = {relative(root, p["path"]): p["parent"] and relative(root, p["parent"]) for p in report["plans"]}
    assert parents == {p["path"]: p["parent"] for p in manifest["plans"]}


def test_wrong_citation_dates_are_exactly_the_manifest(audited):
    root, manifest, report = audited
    expected = {p["path"] for p in manifest["plans"] if p["wrong_citation_date"]}
    assert expected
    assert {relative(root, f["path"]) for f in report["findings"] if f["rule"] == "KETHUA005"} == expected


def test_same_seed_same_bytes_other_seed_other_corpus(tmp_path):
    def fingerprint(folder: Path) -> str:
        h = hashlib.sha256()
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                h.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
        return h.hexdigest()

    gen.generate(tmp_path / "a", 12, seed=5)
    gen.generate(tmp_path / "b", 12, seed=5)
    gen.generate(tmp_path / "c", 12, seed=6)
    assert fingerprint(tmp_path / "a") == fingerprint(tmp_path / "b") != fingerprint(tmp_path / "c")


def test_plans_are_15_to_25_kb_over_a_full_hierarchy(tmp_path):
    manifest = gen.generate(tmp_path, 250, seed=2)
    sizes = [(tmp_path / p["path"]).stat().st_size for p in manifest["plans"]]
    assert 15 * 1024 <= min(sizes) and max(sizes) <= 25 * 1024
    levels = {p["level"] for p in manifest["plans"]}
    assert levels == {"tinh", "so", "huyen", "xa"}
    by_path = {p["path"]: p for p in manifest["plans"]}
    # 2024 communes implement their district's plan; after 1/7/2025 the province's
    for plan in manifest["plans"]:
        if plan["level"] == "xa":
            want = "huyen" if plan["date"] < "2025-07-01" else "tinh"
            assert by_path[plan["parent"]]["level"] == want


def test_each_phrase_names_its_concept_and_the_connecting_text_none():
    """The generator's own claims, checked one phrase at a time against the matcher: when the corpus
    test fails, this says whether a phrase of the generator or the matcher is at fault."""
    lexicon = load_lexicon()
    assert set(gen.CONCEPT_PHRASES) <= set(lexicon.concepts)
    for concept, phrases in gen.CONCEPT_PHRASES.items():
        for phrase in phrases:
            text = phrase.format(of="của xã Vân Lạc")
            assert {m.concept for m in find_matches(text, lexicon)} == {concept}, text
    rng = random.Random(0)
    node = gen.Node("xa", "xã", "Vân Lạc", "Quế Hạc", 2024, None, 1, "KH-UBND")
    realistic = gen.Node("xa", "xã", "Vân Lạc", "Quế Hạc", 2024, None, 1, "KH-UBND", realistic=True)
    for _ in range(400):
        for text in (gen._filler(node, rng), gen._filler(realistic, rng)):
            assert find_matches(text, lexicon) == [], text
    for text in gen.OPENERS + gen.ACTIONS + gen.OBJECTS + gen.PURPOSES + gen.TAILS + gen.PURPOSE_HEADS + gen.REQUIREMENT_HEADS:
        assert find_matches(text.format(year=2024, own="xã Vân Lạc"), lexicon) == [], text


def test_the_realistic_mode_repeats_lines_as_rarely_as_a_real_archive(tmp_path):
    """Real archives repeat under 30% of their lines (boilerplate: the header, headings, the
    closing); the default mode's connecting sentences come from a few hundred and repeat more than
    half, which flatters the per-line memories. Only the connecting text differs."""
    gen.generate(tmp_path / "default", 400, seed=3)
    manifest = gen.generate(tmp_path / "realistic", 400, seed=3, realistic=True)
    realistic, default = gen.repeated_share(tmp_path / "realistic"), gen.repeated_share(tmp_path / "default")
    assert realistic <= 0.30 < default and default - realistic > 0.1
    assert manifest["realistic"] and sum(bool(p["lacks"]) for p in manifest["plans"]) > 100
