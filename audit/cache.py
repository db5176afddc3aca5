"""A disk cache of what reading a plan and auditing it produced, so an unchanged corpus re-audits fast.

Entries are keyed by the file's content hash (never its name or date) together with a *salt*: the
tool's version, a hash of its own code and a hash of the rule packs and lexicon. Editing a plan, a
rule, the lexicon or the tool therefore reads as a miss, and the entry is computed again.

    cache = Cache(default_dir())             # $XDG_CACHE_HOME/plan-audit, else ~/.cache/plan-audit
    plan = cache.get(cache.key("plan", digest))
    cache.put(cache.key("plan", digest), plan)

Entries are pickles written atomically (a temporary file renamed into place), so a crash or a
concurrent run never leaves half an entry. An entry that cannot be loaded (truncated, corrupt,
from another Python) is a miss: it is computed and written again, never an error. The cache only
holds what plan-audit wrote there for its user; it is not a place to load files from others.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import tempfile
from functools import lru_cache
from pathlib import Path

FORMAT = "1"  # bump when the layout of entries changes


def default_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "plan-audit"


def digest(data: bytes) -> str:
    """The content hash a file is known by."""
    return hashlib.blake2b(data, digest_size=20).hexdigest()


@lru_cache(maxsize=1)
def salt() -> str:
    """What else an entry depends on: the tool (version and code) and the rules and lexicon it ran with."""
    from importlib.metadata import PackageNotFoundError, version

    from audit.resources import rules_root
    from audit.text.lexicon import lexicon_path

    h = hashlib.blake2b(digest_size=20)
    try:
        h.update(version("plan-audit").encode())
    except PackageNotFoundError:  # run from a source tree without installing
        h.update(b"source")
    code = Path(__file__).resolve().parent
    data = sorted(code.rglob("*.py")) + sorted(Path(rules_root()).rglob("*.yaml")) + [Path(lexicon_path())]
    for path in data:
        h.update(str(path.name).encode())
        h.update(path.read_bytes())
    return f"{FORMAT}-{h.hexdigest()}"


def distrust(root: str | Path) -> bool:
    """Whether the folder `root` may hold entries someone else wrote: it belongs to another user, or
    others may write in it. Loading a pickle runs what it says, so such a cache is not used."""
    try:
        info = Path(root).stat()
    except OSError:
        return False  # not there yet: plan-audit makes it, as the user's own
    other_user = hasattr(os, "getuid") and info.st_uid != os.getuid()
    return other_user or bool(info.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


class Cache:
    """Entries under `root`, one file each, spread over 256 folders by the key's first two digits."""

    def __init__(self, root: str | Path):
        self.root = Path(root)

    @staticmethod
    def key(*parts: str) -> str:
        return hashlib.blake2b("\0".join((salt(), *parts)).encode(), digest_size=20).hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key[2:]}.pickle"

    def get(self, key: str):
        """The value stored under `key`, or None when absent or unreadable."""
        try:
            with open(self._path(key), "rb") as handle:
                return pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception:  # noqa: BLE001 - a damaged entry is a miss; put() replaces it
            return None

    def put(self, key: str, value) -> None:
        """Store `value` under `key` atomically; a cache that cannot be written is skipped, not fatal."""
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as handle:
                    pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError:
            pass
