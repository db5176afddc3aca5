"""Starting the workbench: the session, the first audit (of DIR, when given), uvicorn on the
loopback address, and the browser. Ctrl+C (or SIGTERM) stops the server and removes the session folder."""

from __future__ import annotations

import signal
import sys
import threading
import webbrowser
from pathlib import Path

from audit.serve.workspace import Workspace

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def allowed_hosts(host: str) -> list[str]:
    """The Host headers the server answers: its own loopback names, or any when bound to others."""
    return ["127.0.0.1", "localhost", "[::1]"] if host in LOOPBACK else ["*"]


def serve(workspace: Workspace, host: str, port: int, browser: bool) -> None:
    import uvicorn

    from audit.serve.app import create_app

    if workspace.directory is not None:
        workspace.start_audit()
    config = uvicorn.Config(create_app(workspace, allowed_hosts(host)), host=host, port=port, log_level="warning",
                            server_header=False)
    server = uvicorn.Server(config)
    if browser:
        url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
        threading.Timer(1.0, webbrowser.open, (url,)).start()
    # uvicorn stops on SIGTERM too, then raises the signal again: exit through `finally` rather
    # than die by it, so the session folder (uploads among it) is removed either way.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        server.run()
    finally:
        workspace.close()


def session(rules, lang: str, directory: str | None, waivers: str | None, expected: str | None,
            cache_dir: str | None) -> Workspace:
    return Workspace.create(rules, lang, directory=Path(directory) if directory else None,
                            waivers=Path(waivers).resolve() if waivers else None,
                            expected=Path(expected) if expected else None, cache_dir=cache_dir)
