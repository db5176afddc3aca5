"""A disk cache of what reading a plan and auditing it produced, so an unchanged corpus re-audits fast.

Entries are keyed by the file's content hash (never its name or date) together with a *salt*: the
tool's version, a hash of its own code and a hash of the rule packs and lexicon. Editing a plan, a
rule, the lexicon or the tool therefore reads as a miss, and the entry is computed again.

    cache = Cache(default_dir())             # $XDG_CACHE_HOME/plan-audit, else ~/.cache/plan-audit
    plan = cache.get(cache.key("plan", digest), Plan)
    cache.put(cache.key("plan", digest), plan)

Entries are pickles, and loading a pickle runs what it says; so an entry is loaded only when
- every folder on its way (the cache, its subfolder) and the entry itself belong to the user, are not
  symbolic links and no one else may write to them; and
- its HMAC-SHA256, made with a secret key kept in the cache (`.key`, mode 0600) over the entry's name
  and bytes, is right: an entry someone else planted, edited or moved under another name is a miss.
An entry that fails any test, cannot be read, or is not of the type asked for is a miss: computed
and written again, never an error. Folders are made 0700 whatever the umask (a 0775 cache would be
refused on the next run). Entries are written atomically (a temporary file renamed into place), and
`prune` keeps the cache under a size, the least recently used entries (by access time, which a hit
sets) out first.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
import stat
import tempfile
import time
from functools import lru_cache
from pathlib import Path

FORMAT = "2"  # bump when the layout of entries changes (2: signed entries)
KEY_FILE = ".key"
MAGIC = b"plan-audit-cache-2\n"
SIGNATURE = hashlib.sha256().digest_size
# Room for a large corpus's plans and results (10,000 plans take about 300 MB); beyond it the least
# recently used entries go. PLAN_AUDIT_CACHE_MB sets another size.
DEFAULT_MAX_BYTES = 1024 * 1024 * 1024
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def default_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "plan-audit"


def max_bytes() -> int:
    value = os.environ.get("PLAN_AUDIT_CACHE_MB", "")
    return int(value) * 1024 * 1024 if value.isdigit() else DEFAULT_MAX_BYTES


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


def owned_privately(info: os.stat_result) -> bool:
    """Whether a file or folder (its `lstat`) is the user's own, not a link, and no one else may write to it."""
    mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return mine and not stat.S_ISLNK(info.st_mode) and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def distrust(root: str | Path) -> bool:
    """Whether the folder `root` may hold entries someone else wrote: it is a link, belongs to another
    user, or others may write in it. Such a cache is not used (the caller warns)."""
    try:
        info = os.lstat(root)
    except OSError:
        return False  # not there yet: plan-audit makes it, as the user's own
    return not (stat.S_ISDIR(info.st_mode) and owned_privately(info))


class Cache:
    """Entries under `root`, one file each, spread over 256 folders by the key's first two digits."""

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self._secret: bytes | None = None
        self._trusted: set[Path] = set()  # folders already checked in this process

    @staticmethod
    def key(*parts: str) -> str:
        # a file name that is not valid UTF-8 keeps its bytes (as surrogates), so it is a key like any other
        return hashlib.blake2b("\0".join((salt(), *parts)).encode("utf-8", "surrogateescape"), digest_size=20).hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key[2:]}.pickle"

    def get(self, key: str, kind: type | tuple[type, ...] = object):
        """The value stored under `key` if it is a `kind`, or None when absent, untrusted or unreadable."""
        path = self._path(key)
        try:
            if not (self._folder_ok(self.root) and self._folder_ok(path.parent)):
                return None
            data = _read_private(path)
            secret = self._key(create=False)
            if data is None or secret is None or not data.startswith(MAGIC):
                return None
            signature, payload = data[len(MAGIC) : len(MAGIC) + SIGNATURE], data[len(MAGIC) + SIGNATURE :]
            if not hmac.compare_digest(signature, _sign(secret, key, payload)):
                return None
            value = pickle.loads(payload)
            os.utime(path, ns=(time.time_ns(), os.stat(path).st_mtime_ns))  # used now (atime): kept longest by `prune`
        except Exception:  # noqa: BLE001 - a damaged entry is a miss; put() replaces it
            return None
        return value if isinstance(value, kind) else None

    def put(self, key: str, value) -> None:
        """Store `value` under `key` atomically; a cache that cannot be written is skipped, not fatal."""
        path = self._path(key)
        try:
            _make_private_dir(self.root)
            _make_private_dir(path.parent)
            if not (self._folder_ok(self.root) and self._folder_ok(path.parent)):
                return
            secret = self._key(create=True)
            if secret is None:
                return
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")  # mode 0600
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(MAGIC + _sign(secret, key, payload) + payload)
                os.replace(tmp, path)
            except BaseException:
                os.unlink(tmp)
                raise
        except (OSError, pickle.PicklingError):
            pass

    def prune(self, limit: int | None = None) -> int:
        """Remove the least recently used entries until the cache holds at most `limit` bytes
        (default `max_bytes()`); the number removed. Only entries are removed, never the key."""
        limit = max_bytes() if limit is None else limit
        entries = []
        for entry in self.root.glob("??/*.pickle"):
            try:
                info = entry.lstat()
            except OSError:
                continue
            entries.append((info.st_atime, info.st_size, entry))
        total, removed = sum(size for _, size, _ in entries), 0
        for _, size, entry in sorted(entries):
            if total <= limit:
                break
            try:
                entry.unlink()
            except OSError:
                continue
            total, removed = total - size, removed + 1
        return removed

    def _folder_ok(self, folder: Path) -> bool:
        if folder in self._trusted:
            return True
        try:
            info = os.lstat(folder)
        except OSError:
            return False
        if stat.S_ISDIR(info.st_mode) and owned_privately(info):
            self._trusted.add(folder)
            return True
        return False

    def _key(self, create: bool) -> bytes | None:
        """The cache's secret: read from `.key`, made there (0600) the first time an entry is written."""
        if self._secret is None:
            path = self.root / KEY_FILE
            self._secret = _read_private(path)
            if self._secret is None and create:
                self._secret = _make_key(path)
            if self._secret is not None and len(self._secret) < 32:
                self._secret = None  # a truncated key signs nothing
        return self._secret


def _sign(secret: bytes, key: str, payload: bytes) -> bytes:
    return hmac.new(secret, key.encode() + b"\0" + payload, hashlib.sha256).digest()


def _read_private(path: Path) -> bytes | None:
    """The bytes of `path` if it is a regular file of the user's, not a link, that no one else may
    write (nor read, for the key); else None. Checked on the open file, so it cannot be swapped in between."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        readable_by_others = path.name == KEY_FILE and info.st_mode & (stat.S_IRGRP | stat.S_IROTH)
        if not stat.S_ISREG(info.st_mode) or not owned_privately(info) or readable_by_others:
            return None
        return handle.read()


def _make_key(path: Path) -> bytes | None:
    secret = secrets.token_bytes(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
    except FileExistsError:  # another run made it first: use theirs
        time.sleep(0.05)
        return _read_private(path)
    with os.fdopen(fd, "wb") as handle:
        handle.write(secret)
    return secret


def _make_private_dir(folder: Path) -> None:
    """`folder`, made 0700 whatever the umask (mkdir's mode is masked by it, so it is set after)."""
    try:
        os.mkdir(folder, 0o700)
    except FileExistsError:
        return
    except FileNotFoundError:
        folder.parent.mkdir(parents=True, exist_ok=True)
        os.mkdir(folder, 0o700)
    os.chmod(folder, 0o700)
