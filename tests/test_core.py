"""The compiled core (core/, Rust) against the Python reference: identical answers on every line
of the seeds, the fixtures and a generated corpus, and identical reports with and without it.

Without the extension these tests skip (plan-audit runs in pure Python); with
PLAN_AUDIT_REQUIRE_CORE set (CI, see .ci/run) its absence is a failure."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from contextlib import contextmanager

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.base import core as core_module
from audit.base.normalize import canonical_tones, fold, tokenize
from audit.corpus import find_plan_files
from audit.parse import parse_plan
from audit.read import read_source
from audit.text import hygiene, matcher, spelling
from audit.text.lexicon import load_lexicon
from audit.text.vocabulary import load_vocabulary
from audit.trace import words
from tests.conftest import FIXTURES, REPO, SEEDS
from tests.test_generated_corpus import gen

REQUIRE = "PLAN_AUDIT_REQUIRE_CORE"

# Lines the plans may lack: text not in NFC, a second tone mark, a tone on either vowel, codes,
# upper-case headings, letters the core leaves to Python (Greek, Cyrillic, "İ", a symbol font's bullet,
# a lone surrogate).
EDGE_LINES = [
    "Hoà bình, thuỷ lợi, khoẻ mạnh, quý, HOÀ, Hòa", "thực hiê\u0300n tuyê\u0301\u0300n truyền", "Số 61/2018/ND-CP, 12/KH-UBND",
    "III. HÌNH THỨC TUYÊN TRUYÊN", "cuộc họp của HDND xã và HÐND huyện", "trong топ đầu khối", "αβγ thành phổ",
    "İstanbul thành phổ", "\uf0b7 trên địa bàn thành phổ", "tra cứu qua query tại bộ phận", "nâng cao thựt hiện",
    "trên địa bàn thành phổ.", "-- (xã) --", "a-b c/-d .-e", "ǅ ǈ ǲ Ǆ", "  ", "", "ﬁ ﬂ ß ẞ", "123 4\u0301 x\u0301\u0301y",
    "tên tệp h\udcfbng thành phổ",  # a lone surrogate: an undecodable byte of a file name
]


@pytest.fixture(scope="module")
def fast():
    found = core_module.core()
    if found is None:
        message = "the compiled core is not in use (not installed: `make core` builds it; or PLAN_AUDIT_PURE set)"
        if os.environ.get(REQUIRE):
            pytest.fail(f"{REQUIRE} is set but {message}")
        pytest.skip(message)
    return found


@contextmanager
def pure():
    """Everything in Python, as PLAN_AUDIT_PURE=1 makes it."""
    os.environ[core_module.PURE_ENV] = "1"
    core_module.core.cache_clear()
    spelling._SPELLERS.clear()
    matcher._compiled.cache_clear()
    try:
        yield
    finally:
        del os.environ[core_module.PURE_ENV]
        core_module.core.cache_clear()
        spelling._SPELLERS.clear()
        matcher._compiled.cache_clear()


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    """The texts (lines and table cells) of each plan of the seeds, the fixtures and 30 generated plans."""
    generated = tmp_path_factory.mktemp("core-corpus")
    gen.generate(generated, 30, seed=5)
    found = []
    for folder in (folder for folder in (SEEDS, FIXTURES, generated) if folder.exists()):  # CI elsewhere: no seeds
        files, _ = find_plan_files(folder)
        for path in files:
            plan = parse_plan(read_source(path))
            found.append([text for line in plan.lines for text in line.cells or (line.text,)])
    assert len(found) >= 35
    return found


@pytest.fixture(scope="module")
def lines(plans):
    return list(dict.fromkeys([text for texts in plans for text in texts] + EDGE_LINES))


def test_the_core_answers_for_nearly_every_line_and_declines_other_scripts(fast, lines):
    answered = [text for text in lines if fast.tokenize(text) is not None]
    assert len(answered) >= 0.95 * len(lines)
    assert fast.tokenize("trong топ đầu") is None and fast.tokenize("İ") is None
    assert fast.tokenize("Hoà bình") == [("hòa", "hoa", 0, 3), ("bình", "binh", 4, 8)]
    assert fast.canonical_tones("Hoà Bình THUỶ") == "Hòa Bình THỦY" and fast.fold("Đồng") == "dong"


@pytest.mark.parametrize("function", [tokenize, fold, canonical_tones])
def test_words_folds_and_tones_are_the_same_with_and_without_the_core(fast, lines, function):
    with_core = [function(text) for text in lines]
    with pure():
        assert [function(text) for text in lines] == with_core


def test_concept_matches_are_the_same_with_and_without_the_core(fast, lines):
    lexicon = load_lexicon()
    find = matcher._find_matches.__wrapped__  # not the remembered answers of either
    assert matcher._compiled(lexicon) is not None
    with_core = [find(text, lexicon) for text in lines]
    with pure():
        assert [find(text, lexicon) for text in lines] == with_core
    assert {m.score for found in with_core for m in found} > {1.0, 0.9}  # exact, loose and fuzzy compared


def test_spelling_slips_are_the_same_with_and_without_the_core(fast, plans, lines):
    vocab = load_vocabulary()
    written = [spelling.plan_words(texts) for texts in plans]
    assert spelling._speller(vocab) is not None
    with_core = [spelling.spelling_slips(text, vocab, words) for words in written[:3] for text in lines]
    found = {slip.kind for slips in with_core for slip in slips}
    with pure():
        assert [spelling.plan_words(texts) for texts in plans] == written
        assert [spelling.spelling_slips(text, vocab, words) for words in written[:3] for text in lines] == with_core
    assert found == {"syllable", "mark", "foreign", "abbreviation"}  # every kind of slip was compared


def test_key_words_are_the_same_with_and_without_the_core(fast, lines):
    lexicon = load_lexicon()
    compiled = words._compiled(lexicon, fast)
    assert compiled is not None
    assert sum(compiled.kept(text) is not None for text in lines) >= 0.95 * len(lines)
    key_words = words.key_words.__wrapped__  # not the remembered answers of either
    with_core = [key_words(text) for text in lines]
    with pure():
        assert [key_words(text) for text in lines] == with_core
    kept = set().union(*with_core)
    assert any("_" in word for word in kept)  # a synonym phrase, written as one word, was compared
    assert any(lexicon.expansions.keys() & {t.loose for t in tokenize(text)} for text in lines)  # abbreviations too


def test_doubled_words_are_the_same_with_and_without_the_core(fast, lines):
    bare = [hygiene._STRAY_MARKS.sub("", fold(text)) for text in lines]
    spared = [text for text in bare if fast.repeats_near(text) is False]
    assert len(spared) > len(bare) / 2 and not any(hygiene._REPEAT_GATE.search(text) for text in spared)
    doubled = hygiene.doubled_words.__wrapped__  # not the remembered answers of either
    with_core = [doubled(text) for text in lines]
    with pure():
        assert [doubled(text) for text in lines] == with_core
    assert any(with_core)


def test_pure_python_is_forced_by_the_environment_variable():
    script = "from audit.base.core import core; print(core() is None)"
    installed = importlib.util.find_spec("audit_core") is not None
    for value, expected in (("1", "True"), ("", str(not installed)), ("0", str(not installed))):
        env = {**os.environ, core_module.PURE_ENV: value}
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
        assert out.stdout.strip() == expected


def test_the_fixtures_report_is_byte_identical_with_and_without_the_core(fast):
    def report(pure_value: str) -> subprocess.CompletedProcess:
        env = {**os.environ, core_module.PURE_ENV: pure_value}
        command = [sys.executable, "-m", "audit", "corpus", "fixtures/", "--format", "json", "--no-cache"]
        return subprocess.run(command, capture_output=True, env=env, cwd=REPO, timeout=600)

    with_core, without = report(""), report("1")
    assert with_core.returncode == without.returncode
    assert with_core.stdout == without.stdout and b'"findings"' in with_core.stdout


# Vietnamese letters in both tone placements and both normal forms, marks on their own, digits,
# the punctuation plans use, a few letters the core declines.
_ALPHABET = list("aăâeêioôơuưyđAĂÂĐOƠUƯYqgnhkctp ") + ["oà", "oa\u0300", "uỷ", "Uy\u0309", "hoá", "ọ"] + list(
    "\u0300\u0301\u0303\u0309\u0323\u0302-/.,;:()“”…–0123456789_\t") + ["ω", "д", "İ", "\uf0b7"]


@given(st.lists(st.sampled_from(_ALPHABET), max_size=40).map("".join))
def test_any_text_reads_the_same_with_and_without_the_core(text):
    if core_module.core() is None:
        pytest.skip("the compiled core is not in use")
    lexicon = load_lexicon()
    with_core = [function(text) for function in (tokenize, fold, canonical_tones)]
    found = matcher._find_matches.__wrapped__(text, lexicon)
    key_words = words.key_words.__wrapped__(text)
    doubled = hygiene.doubled_words.__wrapped__(text)
    with pure():
        assert [function(text) for function in (tokenize, fold, canonical_tones)] == with_core
        assert matcher._find_matches.__wrapped__(text, lexicon) == found
        assert words.key_words.__wrapped__(text) == key_words
        assert hygiene.doubled_words.__wrapped__(text) == doubled


# The copy check compares folded sentences: lower-case ASCII words; now and then another character.
_SENTENCE = st.lists(st.sampled_from(list("aaeinotuhgc   0") + ["đ", "ư"]), min_size=1, max_size=60).map("".join)


@given(_SENTENCE, st.lists(_SENTENCE, max_size=12), st.sampled_from([50, 80, 90, 95, 100]))
def test_the_copy_checks_bound_keeps_every_sentence_that_scores(query, choices, similarity):
    from rapidfuzz import fuzz

    if core_module.core() is None:
        pytest.skip("the compiled core is not in use")
    # near copies of the query, one character changed, must be among the choices too
    choices = choices + [query[:at] + "x" + query[at + 1:] for at in range(0, len(query), 7)]
    kept = core_module.core().near(choices).candidates(query, similarity)
    assert kept == sorted(set(kept))
    assert {at for at, choice in enumerate(choices) if fuzz.ratio(query, choice) >= similarity} <= set(kept)


def test_copied_sentences_are_the_same_with_and_without_the_core(fast, tmp_path):
    from audit.graph import PlanGraph
    from audit.trace import copying
    from audit.trace.coverage import body_lines
    from audit.trace.links import audit_parent

    gen.generate(tmp_path, 40, seed=9, realistic=True)
    files, _ = find_plan_files(tmp_path)
    graph = PlanGraph([parse_plan(read_source(path)) for path in files])
    pairs = [(body_lines(plan), body_lines(graph.plans[parent])) for plan in graph.plans.values()
             if (parent := audit_parent(graph, plan.path))]

    def shares():
        for cached in (copying._copied_share, copying._near, copying._best_matches):
            cached.cache_clear()
        return [copying.copied_share(child, parent) for child, parent in pairs]

    with_core = shares()
    assert sum(len(share.copied) for share in with_core) > 50
    assert any(copy.score < 100 for share in with_core for copy in share.copied)  # near copies too
    with pure():
        assert shares() == with_core
