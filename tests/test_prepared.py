"""Data prepared at the first start and read back at the next (audit/base/prepared.py): the spelling
dictionaries in canonical tone placement. What is read back is what would be derived; a changed
dictionary or code, a damaged or foreign file, or a cache that cannot be written is a miss, never
stale data nor an error."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest
import yaml

from audit.base import prepared
from audit.base.normalize import canonical_tones
from audit.text import vocabulary
from audit.text.vocabulary import load_vocabulary

pytestmark = pytest.mark.skipif(vocabulary.hunspell_path() is None, reason="hunspell-vi is not installed")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A cache folder of the test's own, and the vocabulary loaded anew on each call of `load`."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    load_vocabulary.cache_clear()
    yield tmp_path / "cache" / "plan-audit" / "prepared" / "vocabulary.json"
    load_vocabulary.cache_clear()


def load() -> vocabulary.Vocabulary:
    load_vocabulary.cache_clear()
    return load_vocabulary()


def derived(monkeypatch) -> list[int]:
    """Counts the times the vocabulary is derived from the dictionaries (not read back)."""
    calls = []
    prepare = vocabulary._prepare
    monkeypatch.setattr(vocabulary, "_prepare", lambda *texts: calls.append(1) or prepare(*texts))
    return calls


def reference() -> vocabulary.Vocabulary:
    """The vocabulary as it was derived before it was prepared: entry by entry."""
    _, words_path, config_path = vocabulary._source_paths()
    entries = vocabulary.hunspell_path().read_text(encoding="utf-8").split("\n")[1:]
    hunspell = {canonical_tones(e.split("/")[0].strip()).lower() for e in entries if e.strip()}
    lines = words_path.read_text(encoding="utf-8").split("\n")
    words = {canonical_tones(line.strip()).lower() for line in lines if line.strip()}
    productivity = Counter(s for w in words for s in set(w.split(" ")))
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    return vocabulary.Vocabulary(
        syllables=frozenset(hunspell | set(productivity)), words=frozenset(w for w in words if " " in w),
        productivity=productivity, loanwords=frozenset(canonical_tones(w).lower() for w in config["loanwords"]),
        stray=frozenset(config["stray"]), abbreviations=frozenset(config["abbreviations"]), codes=frozenset(config["codes"]),
    )


def test_the_vocabulary_is_derived_once_then_read_back_the_same(cache, monkeypatch):
    calls = derived(monkeypatch)
    first = load()
    assert cache.is_file() and calls == [1]
    assert load() == first == reference() and calls == [1]  # the second start read the file
    assert "thành phố" in first.words and "hòa" in first.syllables and "hoà" not in first.syllables


def test_the_vocabulary_is_the_same_with_and_without_the_compiled_core(cache, monkeypatch):
    from audit.base import core

    with_core = load()
    monkeypatch.setenv(core.PURE_ENV, "1")
    core.core.cache_clear()
    try:
        cache.unlink()
        assert load() == with_core == reference()
    finally:
        monkeypatch.delenv(core.PURE_ENV)
        core.core.cache_clear()


def test_a_changed_dictionary_is_derived_again(cache, monkeypatch, tmp_path):
    assert "zòa" not in load().syllables
    changed = tmp_path / "vi_VN.dic"
    changed.write_text(vocabulary.hunspell_path().read_text(encoding="utf-8") + "zoà/A\n", encoding="utf-8")
    monkeypatch.setattr(vocabulary, "hunspell_path", lambda: changed)
    calls = derived(monkeypatch)
    assert "zòa" in load().syllables and calls == [1]  # in canonical tone placement


def test_changed_code_is_derived_again(cache, monkeypatch):
    load()
    monkeypatch.setattr(vocabulary, "_code", lambda: [b"another tool"])
    calls = derived(monkeypatch)
    load()
    assert calls == [1]


@pytest.mark.parametrize("damage", ["empty", "garbage", "truncated", "edited", "other shape", "a folder"])
def test_a_damaged_prepared_file_is_derived_again_and_replaced(cache, monkeypatch, damage):
    good = load()
    data = cache.read_bytes()
    key = data.split(b"\n", 1)[0].split(b" ")[1].decode()
    if damage == "a folder":
        cache.unlink()
        cache.mkdir()
    elif damage == "other shape":
        prepared.write_prepared("vocabulary", key, {"words": 5, "productivity": {}})
    else:
        cache.write_bytes({"empty": b"", "garbage": b"\xff\xfe\x00 not json", "truncated": data[: len(data) // 2],
                           "edited": data.replace("thành phố".encode(), "thành phổ".encode())}[damage])
    calls = derived(monkeypatch)
    assert load() == good and calls == [1]
    if damage != "a folder":  # a folder in the way stays, and is no error
        assert cache.read_bytes() == data


def test_a_prepared_file_others_may_write_is_not_used(cache, monkeypatch):
    load()
    os.chmod(cache, 0o666)
    calls = derived(monkeypatch)
    load()
    assert calls == [1] and cache.stat().st_mode & 0o777 == 0o600  # replaced by a private one


def test_a_cache_that_cannot_be_written_is_no_error(tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    try:
        assert load() == reference()
    finally:
        load_vocabulary.cache_clear()
    assert not list(Path(tmp_path).glob("**/*.json"))


def test_a_corpus_run_keeps_the_dictionaries_in_its_cache_folder_and_none_without_a_cache(cache, tmp_path):
    from click.testing import CliRunner

    from audit.cli import main
    from audit.engine.checks import spelling as spelling_check
    from tests.conftest import FIXTURES

    plans = tmp_path / "plans"
    plans.mkdir()
    text = (FIXTURES / "2024-xa-kim-khe.md").read_text(encoding="utf-8")
    (plans / "a.md").write_text(text.replace("thành phố", "thành phổ", 1), encoding="utf-8")  # a slip the dictionaries find
    runs = {}
    for options in (["--no-cache"], ["--cache-dir", str(tmp_path / "chosen")]):
        load_vocabulary.cache_clear()
        spelling_check._vocabulary.cache_clear()  # what the spelling rules hold for the process
        result = CliRunner().invoke(main, ["corpus", str(plans), "--format", "json", "--jobs", "1", *options])
        runs[options[0]] = result.output
        assert result.exit_code in (0, 1), result.output
    assert runs["--no-cache"] == runs["--cache-dir"] and "CHINHTA" in runs["--no-cache"]
    assert not cache.parent.exists()  # neither run kept anything in the default folder
    assert (tmp_path / "chosen" / "prepared" / "vocabulary.json").is_file()
    assert prepared.FOLDER_ENV not in os.environ


def test_data_json_cannot_hold_is_not_kept(cache):
    prepared.write_prepared("vocabulary", "k", {"when": __import__("datetime").date(2024, 1, 2)})
    assert not cache.exists() and prepared.read_prepared("vocabulary", "k") is None
