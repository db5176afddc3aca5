"""The workbench's routes (Starlette): pages made on the server from templates, a little script in
static files for the progress bar, and the headers that keep it local.

Security: every page forbids inline script and anything from another origin (Content-Security-Policy);
the Host header must name this server (a page elsewhere cannot reach it by DNS rebinding); every form
carries the session's token (another site cannot post a waiver or an upload); plan text and file names
are escaped by the templates (autoescape); plans and findings are named by their number in the run.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from audit.messages import msg
from audit.model import Plan
from audit.serve import pages
from audit.serve.uploads import MAX_FILE_BYTES, MAX_FILES
from audit.serve.workspace import Workspace

POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
          "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", POLICY.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY"), (b"cache-control", b"no-store")]

# Report downloads: what audit.report.formats knows is offered; this table only names the file and
# its type (a format missing here is offered as "<format>" bytes). A new format is one entry.
DOWNLOADS = {
    "html": ("bao-cao.html", "text/html; charset=utf-8"),
    "markdown": ("bao-cao.md", "text/markdown; charset=utf-8"),
    "json": ("ket-qua.json", "application/json"),
    "sarif": ("ket-qua.sarif", "application/sarif+json"),
    "junit": ("ket-qua.xml", "application/xml"),
    "github": ("ket-qua-github.txt", "text/plain; charset=utf-8"),
    "rich": ("ket-qua.txt", "text/plain; charset=utf-8"),
    "concise": ("ket-qua-gon.txt", "text/plain; charset=utf-8"),
    "docx": ("bao-cao.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ("bao-cao.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "letter": ("cong-van-gop-y.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
}


def _zipped(folder: Path) -> bytes:
    """The files of `folder` as one zip (the folder is removed)."""
    import io
    import shutil
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            archive.write(path, path.relative_to(folder).as_posix())
    shutil.rmtree(folder)
    return buffer.getvalue()


BACK = re.compile(r"/(plan/\d+)?(#f\d+)?")


def offered_formats() -> list[str]:
    from audit.report.formats import FORMATS

    return [fmt for fmt in FORMATS if fmt in DOWNLOADS] + [fmt for fmt in FORMATS if fmt not in DOWNLOADS]


class SecurityHeaders:
    """Adds `HEADERS` to every response."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        async def with_headers(message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(workspace: Workspace, allowed_hosts: list[str] | None = None) -> Starlette:
    lang = workspace.lang
    templates = Environment(loader=PackageLoader("audit.serve", "templates"), autoescape=select_autoescape(default=True),
                            trim_blocks=True, lstrip_blocks=True)
    templates.globals.update(t=lambda key, **values: msg(f"serve.{key}", lang, **values),
                             r=lambda key, **values: msg(f"report.{key}", lang, **values), lang=lang,
                             limits={"mb": MAX_FILE_BYTES >> 20, "files": MAX_FILES})

    def page(name: str, request: Request, **context) -> HTMLResponse:
        with workspace.lock:
            job, result = workspace.job, workspace.result
        body = templates.get_template(name).render(job=job, result=result, token=workspace.token,
                                                   notices=workspace.take_notices(), path=request.url.path, **context)
        return HTMLResponse(body)

    def result_or_404():
        if workspace.result is None:
            raise HTTPException(404)
        return workspace.result

    def home(request: Request) -> HTMLResponse:
        chosen = {key: request.query_params.get(key, "") for key in pages.FILTERS}
        with workspace.lock:
            result = workspace.result
            context = dict(plans=pages.catalogue(result, lang), rows=pages.findings(result, chosen),
                           choices=pages.filter_choices(result)) if result else {}
        return page("index.html", request, chosen=chosen, formats=offered_formats(), waivers=workspace.waivers,
                    waivers_temporary=workspace.waivers.is_relative_to(workspace.folder), **context)

    def status(request: Request) -> JSONResponse:
        with workspace.lock:
            job = workspace.job
        return JSONResponse({"state": job.state, "phase": job.phase, "done": job.done, "total": job.total,
                             "generation": job.generation, "error": job.error})

    def plan(request: Request) -> HTMLResponse:
        number = request.path_params["number"]
        chosen = {key: request.query_params.get(key, "") for key in ("severity", "rule")}
        with workspace.lock:
            result = result_or_404()
            if not 0 <= number < len(result.shown.inputs):
                raise HTTPException(404)
            item = result.shown.inputs[number]
            rows = pages.findings(result, chosen, item.path)
            choices = pages.filter_choices(result)
            index = result.index_of()
        try:
            full = workspace.full_plan(item.path) if item.plan is not None else None
        except LookupError:  # a new audit replaced the result meanwhile
            raise HTTPException(404) from None
        readable = isinstance(full, Plan)
        lines, loose = pages.plan_lines(full, rows) if readable else ([], rows)
        return page("plan.html", request, number=number, item=item, lines=lines, loose=loose, index=index,
                    chosen=chosen, choices=choices, unreadable=None if readable else full)

    def graph(request: Request) -> HTMLResponse:
        with workspace.lock:
            data = pages.hierarchy(result_or_404(), workspace.expected, lang)
        return page("graph.html", request, graph=data)

    def matrix(request: Request) -> HTMLResponse:
        with workspace.lock:
            rows = pages.matrix(result_or_404())
        return page("matrix.html", request, rows=rows)

    async def upload(request: Request) -> Response:
        from audit.serve.uploads import BadUpload, RequestTooLarge, receive

        if not request.headers.get("content-type", "").startswith("multipart/form-data"):
            raise HTTPException(400)
        try:
            outcome = await receive(request.headers["content-type"], request.stream(), workspace.uploads,
                                    workspace.scratch, workspace.room())
        except RequestTooLarge:
            workspace.notice("error", "upload.request_too_big")
            return RedirectResponse("/", 303)
        except BadUpload:
            raise HTTPException(400) from None
        if outcome.fields.get("token") != workspace.token:
            workspace.discard(outcome.stored)
            raise HTTPException(403)
        workspace.report_upload(outcome)
        if outcome.stored:
            workspace.start_audit()
        return RedirectResponse("/", 303)

    async def form(request: Request) -> dict:
        if int(request.headers.get("content-length") or 0) > 65_536:  # a waiver is a few lines
            raise HTTPException(413)
        data = await request.form(max_files=0, max_fields=20)
        if data.get("token") != workspace.token:
            raise HTTPException(403)
        return data

    async def audit(request: Request) -> Response:
        await form(request)
        workspace.start_audit()
        return RedirectResponse("/", 303)

    async def waive(request: Request) -> Response:
        from starlette.concurrency import run_in_threadpool

        from audit.policy.files import ConfigError

        data = await form(request)
        back = str(data.get("back", "/"))
        back = back if BACK.fullmatch(back) else "/"  # only a page of ours: never an open redirect
        try:
            number, generation = int(str(data.get("finding"))), int(str(data.get("generation")))
            expires = dt.date.fromisoformat(str(data["expires"])) if data.get("expires") else None
        except ValueError:
            workspace.notice("error", "waive.bad_form")
            return RedirectResponse(back, 303)
        try:
            finding = await run_in_threadpool(workspace.waive, number, generation, str(data.get("reason", ""))[:500],
                                              expires)
            workspace.notice("ok", "waive.done", rule=finding.rule)
        except ValueError:
            workspace.notice("error", "waive.reason_needed")
        except LookupError:
            workspace.notice("error", "waive.stale")
        except ConfigError as error:
            workspace.notice("error", "waive.file", detail=error.message(lang))
        return RedirectResponse(back, 303)

    def download(request: Request) -> Response:
        from audit.report.formats import write_report

        fmt = request.path_params["fmt"]
        if fmt not in offered_formats():
            raise HTTPException(404)
        name, media = DOWNLOADS.get(fmt, (fmt, "application/octet-stream"))
        target = workspace.scratch / f"report-{fmt}"
        with workspace.lock:
            write_report(result_or_404().shown, fmt, str(target), lang)
        if target.is_dir():  # a file for each plan (Word copies, letters): one zip of them
            data, name, media = _zipped(target), Path(name).stem + ".zip", "application/zip"
        else:
            data = target.read_bytes()
            target.unlink()
        return Response(data, media_type=media, headers={"content-disposition": f'attachment; filename="{name}"'})

    def waivers_file(request: Request) -> Response:
        path: Path = workspace.waivers
        if not path.is_file():
            raise HTTPException(404)
        return Response(path.read_bytes(), media_type="application/yaml; charset=utf-8",
                        headers={"content-disposition": 'attachment; filename="waivers.yaml"'})

    routes = [
        Route("/", home), Route("/status", status), Route("/plan/{number:int}", plan), Route("/graph", graph),
        Route("/matrix", matrix), Route("/upload", upload, methods=["POST"]), Route("/audit", audit, methods=["POST"]),
        Route("/waive", waive, methods=["POST"]), Route("/download/waivers.yaml", waivers_file),
        Route("/download/{fmt}", download),
        Mount("/static", StaticFiles(packages=[("audit.serve", "static")]), name="static"),
    ]
    middleware = [Middleware(SecurityHeaders),
                  Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or ["127.0.0.1", "localhost"])]
    return Starlette(routes=routes, middleware=middleware)
