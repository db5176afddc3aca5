"""Writing reports: to stdout, or to a file atomically (temporary file + rename), so a reader of the
file never sees half a report and an interrupted run leaves the old one in place. Rich reports go
to the terminal in colour, or into a file as plain text."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_atomic(path: str | Path, text: str | Iterable[str] | bytes) -> None:
    """Write `text` (or its pieces, one after another, as a long report is made; or the bytes of
    a Word or Excel file) to `path`."""
    path = Path(path)
    try:
        if _special(path):  # /dev/null, a FIFO: written to, never replaced by a rename
            with path.open("w", encoding="utf-8", newline="\n") as handle:
                handle.writelines([text] if isinstance(text, str) else text)
        else:
            _replace_with(path, text)
    except OSError as error:  # the message names the output, not the temporary file beside it
        raise OSError(error.errno, error.strerror, str(path)) from None


def _special(path: Path) -> bool:
    try:
        return not stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _replace_with(path: Path, text: str | Iterable[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _mode(path))  # mkstemp makes the file private; a report is read by others too
        if isinstance(text, bytes):
            with os.fdopen(fd, "wb") as handle:
                handle.write(text)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.writelines([text] if isinstance(text, str) else text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode(path: Path) -> int:
    """The mode of the file being replaced, else what a plain `open` would give a new one."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0o022)  # reading the umask means setting it: put it straight back
        os.umask(umask)
        return 0o666 & ~umask


def emit(text: str | Iterable[str], output: str | None) -> None:
    """`text` (or its pieces) into the file `output`, or to stdout ending with a line break."""
    if output:
        write_atomic(output, text)
        return
    last = ""
    for last in [text] if isinstance(text, str) else text:
        sys.stdout.write(last)
    if not last.endswith("\n"):
        sys.stdout.write("\n")


def make_console():
    """A rich console that never reads document text as markup, colourless off a terminal."""
    from rich.console import Console

    return Console(markup=False, highlight=False, emoji=False, soft_wrap=False, stderr=False)


def emit_rich(draw, output: str | None, width: int = 110) -> None:
    """Call `draw(console)` on the terminal, or on a colourless console whose text goes to `output`."""
    if not output:
        draw(make_console())
        return
    from io import StringIO

    from rich.console import Console

    buffer = StringIO()
    draw(Console(file=buffer, markup=False, highlight=False, emoji=False, width=width, no_color=True))
    emit(buffer.getvalue(), output)
