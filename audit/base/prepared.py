"""Data the tool derives from installed files at start-up, kept ready in the user's cache.

Deriving some data costs a tenth of a second at every start (the spelling dictionaries put in
canonical tone placement); the result is written once and read back as JSON, which runs no code.

    key = content_key(FORMAT, dictionary_bytes, code_bytes)   # everything the data depends on
    data = read_prepared("vocabulary", key)                  # None: absent, stale or damaged
    if data is None:
        data = derive()
        write_prepared("vocabulary", key, data)

A file is used only when it holds the same key (the hash of every input and of the code that
derives it: a changed dictionary or tool is a miss), its body matches the digest written with it,
it is a regular file of the user's that no one else may write, and its JSON parses. Anything else
is a miss, never an error; the caller derives the data again and the file is written anew, atomically
(a temporary file renamed into place). A cache that cannot be written is no error either.

The data is kept under the cache folder of the run: `plan-audit corpus --cache-dir DIR` keeps it in
DIR/prepared, and `--no-cache` neither reads nor keeps any (`kept_in`).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

MAGIC = "plan-audit-prepared-1"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
# The run's cache folder ("": none), set by `kept_in`: in the environment, so that the run's worker
# processes keep to it too.
FOLDER_ENV = "PLAN_AUDIT_PREPARED_IN"


def prepared_dir() -> Path | None:
    """Where prepared data is kept: the run's cache folder, else $XDG_CACHE_HOME/plan-audit (else
    ~/.cache/plan-audit), in its subfolder prepared/; None when the run keeps nothing."""
    chosen = os.environ.get(FOLDER_ENV)
    if chosen is not None:
        return Path(chosen) / "prepared" if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "plan-audit" / "prepared"


@contextmanager
def kept_in(cache_dir: str | None) -> Iterator[None]:
    """Prepared data read from and kept in `cache_dir` (None: neither) while the block runs."""
    before = os.environ.get(FOLDER_ENV)
    os.environ[FOLDER_ENV] = cache_dir or ""
    try:
        yield
    finally:
        if before is None:
            del os.environ[FOLDER_ENV]
        else:
            os.environ[FOLDER_ENV] = before


def content_key(*parts: bytes) -> str:
    """One hash of every part, each length-prefixed so that parts cannot run into one another."""
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


def read_prepared(name: str, key: str) -> Any | None:
    """The data stored under `name` for `key`, or None when there is none usable."""
    folder = prepared_dir()
    if folder is None:
        return None
    try:
        fd = os.open(folder / f"{name}.json", os.O_RDONLY | _NOFOLLOW)
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as file:
            if not _private(os.fstat(file.fileno())):
                return None
            head, _, body = file.read().partition(b"\n")
        if head.decode("ascii", "replace") != _head(key, body):
            return None
        return json.loads(body)
    except (OSError, ValueError):  # unreadable, or not JSON (UnicodeDecodeError is a ValueError)
        return None


def write_prepared(name: str, key: str, data: Any) -> None:
    """Store `data` under `name` for `key`, replacing what was there; data JSON cannot hold is not kept."""
    folder = prepared_dir()
    try:
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except (TypeError, ValueError):  # a date or a set: the caller's data stays in memory only
        return
    if folder is None:
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{name}-", dir=folder)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(_head(key, body).encode("ascii") + b"\n" + body)
        os.replace(temporary, folder / f"{name}.json")
    except OSError:
        Path(temporary).unlink(missing_ok=True)


def _head(key: str, body: bytes) -> str:
    return f"{MAGIC} {key} {hashlib.blake2b(body, digest_size=20).hexdigest()}"


def _private(info: os.stat_result) -> bool:
    """A regular file of this user's that group and others cannot write."""
    mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return stat.S_ISREG(info.st_mode) and mine and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
