"""Issue #22, the cache: an entry is loaded only when it is the user's own and signed by the cache's
key; anything else is a miss, never code run, never a crash, never a changed report."""

from __future__ import annotations

import os
import pickle
import stat
from pathlib import Path

import pytest

from audit.cache import KEY_FILE, MAGIC, Cache, distrust

pytestmark = pytest.mark.skipif(not hasattr(os, "getuid"), reason="owners and modes are POSIX")


class Planted:
    """A pickle that runs code when loaded: it leaves a mark."""

    def __reduce__(self):
        return (Path.touch, (Path(os.environ["PLANTED_MARK"]),))


@pytest.fixture
def cache(tmp_path) -> Cache:
    cache = Cache(tmp_path / "cache")
    cache.put("ab0001", {"plan": 1})
    return cache


def entry(cache: Cache, key: str) -> Path:
    return cache.root / key[:2] / f"{key[2:]}.pickle"


def test_an_entry_reads_back_and_is_signed(cache):
    assert Cache(cache.root).get("ab0001") == {"plan": 1}
    assert entry(cache, "ab0001").read_bytes().startswith(MAGIC)


def test_a_planted_pickle_is_a_miss_and_runs_nothing(cache, tmp_path, monkeypatch):
    mark = tmp_path / "ran"
    monkeypatch.setenv("PLANTED_MARK", str(mark))
    for data in (pickle.dumps(Planted()), MAGIC + bytes(32) + pickle.dumps(Planted())):
        entry(cache, "ab0002").write_bytes(data)
        assert Cache(cache.root).get("ab0002") is None
    assert not mark.exists()


def test_an_edited_or_moved_entry_is_a_miss(cache):
    data = entry(cache, "ab0001").read_bytes()
    entry(cache, "ab0001").write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    assert Cache(cache.root).get("ab0001") is None
    entry(cache, "ab0003").write_bytes(data)  # a genuine entry under another key
    assert Cache(cache.root).get("ab0003") is None


def test_an_entry_of_another_type_is_a_miss(cache):
    assert Cache(cache.root).get("ab0001", list) is None
    assert Cache(cache.root).get("ab0001", dict) == {"plan": 1}


@pytest.mark.parametrize("where", ["subfolder", "entry", "key"])
def test_a_folder_entry_or_key_others_may_write_to_is_a_miss(cache, where):
    path = {"subfolder": cache.root / "ab", "entry": entry(cache, "ab0001"), "key": cache.root / KEY_FILE}[where]
    path.chmod(stat.S_IMODE(path.stat().st_mode) | stat.S_IWGRP)
    assert Cache(cache.root).get("ab0001") is None


def test_a_key_others_may_read_is_a_miss(cache):
    (cache.root / KEY_FILE).chmod(0o644)
    assert Cache(cache.root).get("ab0001") is None


@pytest.mark.parametrize("where", ["subfolder", "entry"])
def test_a_symbolic_link_inside_the_cache_is_a_miss(cache, tmp_path, where):
    if where == "entry":
        target = tmp_path / "elsewhere.pickle"
        entry(cache, "ab0001").rename(target)
        entry(cache, "ab0001").symlink_to(target)
    else:
        (cache.root / "ab").rename(tmp_path / "other")
        (cache.root / "ab").symlink_to(tmp_path / "other")
    assert Cache(cache.root).get("ab0001") is None


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_an_entry_of_another_user_is_a_miss(cache):
    os.chown(entry(cache, "ab0001"), 65534, 65534)
    assert Cache(cache.root).get("ab0001") is None


def test_a_cache_made_under_umask_002_is_private_and_trusted_on_the_next_run(tmp_path):
    old = os.umask(0o002)
    try:
        cache = Cache(tmp_path / "new" / "cache")
        cache.put("cd0001", "x")
    finally:
        os.umask(old)
    for path in (cache.root, cache.root / "cd"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o700
    assert stat.S_IMODE((cache.root / KEY_FILE).stat().st_mode) == 0o600
    assert not distrust(cache.root)
    assert Cache(cache.root).get("cd0001") == "x"


def test_a_linked_or_shared_cache_folder_is_distrusted(tmp_path):
    (tmp_path / "real").mkdir(mode=0o700)
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert distrust(tmp_path / "link") and not distrust(tmp_path / "real")
    (tmp_path / "real").chmod(0o777)
    assert distrust(tmp_path / "real")


def test_prune_removes_the_least_recently_used_entries_first(tmp_path):
    cache = Cache(tmp_path / "cache")
    for index in range(6):
        cache.put(f"ef{index:04d}", "x" * 1000)
        os.utime(entry(cache, f"ef{index:04d}"), (1_000_000 + index, 1_000_000 + index))
    assert Cache(cache.root).get("ef0000") == "x" * 1000  # used now: the newest
    size = entry(cache, "ef0001").stat().st_size
    assert cache.prune(limit=3 * size) == 3
    assert sorted(p.stem for p in cache.root.glob("ef/*.pickle")) == ["0000", "0004", "0005"]
    assert (cache.root / KEY_FILE).exists()


def test_the_corpus_command_keeps_the_cache_under_its_size(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from audit.cli import main
    from tests.conftest import FIXTURES

    monkeypatch.setenv("PLAN_AUDIT_CACHE_MB", "0")
    cache = tmp_path / "cache"
    result = CliRunner().invoke(main, ["corpus", str(FIXTURES), "--format", "json", "--cache-dir", str(cache)])
    assert result.exit_code in (0, 1), result.stderr
    assert list(cache.glob("??/*.pickle")) == []
    uncached = CliRunner().invoke(main, ["corpus", str(FIXTURES), "--format", "json", "--no-cache"])
    assert result.stdout == uncached.stdout  # the report is made from the run, not from the pruned cache
