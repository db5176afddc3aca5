"""Plan files from a multipart upload, stored in the session folder under names we make.

The client's file name is only a suggestion: its folder part is dropped (both "/" and "\\"), control
characters and anything that is not a letter, digit, space or one of "-_.()" become "_", a leading
dot is removed (no hidden files), and a name already taken gets "-2", "-3"... A file is kept only if
its suffix is a plan's, it is not larger than `MAX_FILE_BYTES`, and the session holds fewer than
`MAX_FILES` plans; the request itself may not exceed `MAX_REQUEST_BYTES`. The body is parsed as it
arrives, and parts spill to disk only inside the session's own folder.
"""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

from audit.corpus import PLAN_SUFFIXES

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_FILES = 200
MAX_REQUEST_BYTES = 100 * 1024 * 1024
MAX_NAME = 120
_KEEP = set("-_.() ")


class RequestTooLarge(Exception):
    """The upload's body went past `MAX_REQUEST_BYTES`."""


class BadUpload(Exception):
    """The body is not a multipart form that can be read."""


@dataclass
class Outcome:
    """What became of each file of an upload: stored under a name, or refused with a message key."""

    stored: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (shown name, message key)
    fields: dict[str, str] = field(default_factory=dict)


def safe_name(name: str) -> str:
    """A file name for the session folder from what the client sent: never a path, never hidden."""
    name = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    cleaned = "".join(ch if ch.isalnum() or ch in _KEEP else "_" for ch in name).strip(" .")
    stem, dot, suffix = cleaned.rpartition(".")
    if not dot:
        stem, suffix = cleaned, ""
    stem = stem[: MAX_NAME - len(suffix) - 1].strip(" .") or "ke-hoach"
    return f"{stem}.{suffix}" if suffix else stem


def free_name(folder: Path, name: str) -> Path:
    """`folder/name`, or `folder/stem-2.suffix` and so on when that is taken."""
    target, stem, suffix, number = folder / name, Path(name).stem, Path(name).suffix, 2
    while target.exists():
        target, number = folder / f"{stem}-{number}{suffix}", number + 1
    return target


async def receive(content_type: str, body: AsyncIterator[bytes], folder: Path, scratch: Path, room: int) -> Outcome:
    """Parse the multipart `body`, storing acceptable plan files in `folder` (at most `room` more).
    `scratch` (inside the session) holds parts while they arrive. Raises `RequestTooLarge`, or `BadUpload`."""
    from python_multipart.exceptions import FormParserError
    from python_multipart.multipart import FormParser, parse_options_header

    _, params = parse_options_header(content_type)
    files, outcome = [], Outcome()

    def on_field(item) -> None:
        if item.field_name and item.value is not None:
            outcome.fields[item.field_name.decode("utf-8", "replace")] = item.value.decode("utf-8", "replace")[:1000]

    config = {"UPLOAD_DIR": str(scratch), "MAX_MEMORY_FILE_SIZE": 1024 * 1024, "MAX_BODY_SIZE": MAX_REQUEST_BYTES}
    parser = FormParser("multipart/form-data", on_field, files.append, boundary=params.get(b"boundary"), config=config)
    size = 0
    try:
        async for chunk in body:
            size += len(chunk)
            if size > MAX_REQUEST_BYTES:
                raise RequestTooLarge
            parser.write(chunk)
        parser.finalize()
    except FormParserError as error:
        raise BadUpload from error
    else:
        for item in files:
            _keep(item, folder, outcome, room - len(outcome.stored))
    finally:
        for item in files:
            item.close()
    return outcome


def _keep(item, folder: Path, outcome: Outcome, room: int) -> None:
    raw = (item.file_name or b"").decode("utf-8", "replace")
    if not raw and not item.size:
        return  # the empty part a browser sends when no file was chosen
    name = safe_name(raw)
    problem = ("serve.upload.type" if Path(name).suffix.lower() not in PLAN_SUFFIXES
               else "serve.upload.too_big" if item.size > MAX_FILE_BYTES
               else "serve.upload.too_many" if room <= 0 else None)
    if problem:
        outcome.refused.append((name, problem))
        return
    target = free_name(folder, name)
    item.file_object.seek(0)
    with open(target, "xb") as handle:
        shutil.copyfileobj(item.file_object, handle)
    outcome.stored.append(target.name)
