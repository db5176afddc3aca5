"""The workbench (`plan-audit serve`) running in the test process on a free loopback port, and plain
HTTP requests to it (urllib: nothing but the standard library between the test and the server).

    with running(session(tmp_path, directory=FIXTURES)) as server:
        wait_done(server.url)
        page = get(server.url + "/").text
"""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Answer:
    status: int
    headers: dict
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


@dataclass
class Server:
    url: str
    workspace: object


def session(tmp_path: Path, lang: str = "vi", **options):
    """A workspace with every default rule and a cache of its own under `tmp_path`."""
    from audit.engine.engine import select_rules
    from audit.engine.packs import load_rules
    from audit.serve.workspace import Workspace

    options.setdefault("cache_dir", str(tmp_path / "cache"))
    return Workspace.create(select_rules(load_rules()), lang, **options)


@contextmanager
def running(workspace, start: bool = True):
    """Serve `workspace` on 127.0.0.1 at a free port (the socket is bound first: no race for it);
    its first audit started when `start`. Stops the server and removes the session at the end."""
    import uvicorn

    from audit.serve.app import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(workspace), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    if start:
        workspace.start_audit()
    try:
        yield Server(f"http://127.0.0.1:{sock.getsockname()[1]}", workspace)
    finally:
        server.should_exit = True
        thread.join(15)
        sock.close()
        workspace.close()


def request(url: str, data: bytes | None = None, headers: dict | None = None) -> Answer:
    """GET (or POST `data`) `url`, following redirects; an HTTP error is an answer too."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers or {}), timeout=60) as answer:
            return Answer(answer.status, dict(answer.headers), answer.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, dict(error.headers), error.read())


def get(url: str, **headers: str) -> Answer:
    return request(url, headers=headers)


def post_form(url: str, fields: dict) -> Answer:
    from urllib.parse import urlencode

    return request(url, urlencode(fields).encode(), {"Content-Type": "application/x-www-form-urlencoded"})


def post_files(url: str, fields: dict, files: list[tuple[str, bytes]]) -> Answer:
    """A multipart upload of `files` (name as the client sends it, content) under the field "files"."""
    boundary = "plan-audit-test-boundary-7d1f"
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
             for key, value in fields.items()]
    for name, content in files:
        # as a browser sends it (HTML's multipart/form-data encoding): line breaks and quotes escaped
        quoted = name.replace("\r", "%0D").replace("\n", "%0A").replace('"', "%22")
        head = (f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{quoted}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n")
        parts.append(head.encode("utf-8") + content + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return request(url, body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})


def wait_done(url: str, generation: int = 1, timeout: float = 180) -> dict:
    """The server's /status once audit `generation` has finished."""
    deadline = time.monotonic() + timeout
    while True:
        job = json.loads(get(url + "/status").text)
        if job["state"] in ("done", "failed") and job["generation"] >= generation:
            return job
        assert time.monotonic() < deadline, f"the audit did not finish: {job}"
        time.sleep(0.2)
