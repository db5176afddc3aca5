"""One reviewer's session: a private temporary folder, the plans in it, the audit of them running in
a background thread, its result, and the waivers file.

    workspace = Workspace.create(directory=Path("fixtures"), lang="vi", rules=rules, cache_dir=None)
    workspace.start_audit()          # returns at once; workspace.job says how far it got
    workspace.result.findings        # once workspace.job.state == "done": findings under the waivers

The session folder (mode 0700, removed by `close`) holds `plans/`, the folder that is audited: the
uploads in `plans/uploads/` and, when the server was given DIR, a link to it, so an uploaded draft is
audited against its parent in DIR. The audit is the `corpus` command's (`audit_corpus`, its cache
included: a second audit of unchanged files reads every plan and result from the cache). Waivers are
applied as the CLI applies them (`apply_policy`), again after each new waiver, without re-auditing.
"""

from __future__ import annotations

import copy
import secrets
import shutil
import tempfile
import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from pathlib import Path

from audit.engine.engine import Audited, CheckRun
from audit.engine.packs import Rule
from audit.model import Finding, Plan
from audit.read.errors import InputError
from audit.base.normalize import visible

UPLOADS = "uploads"


@dataclass
class Job:
    """How far the current audit got: state idle | running | done | failed; while reading plans,
    `done` of `total` files; then the phase "auditing"."""

    state: str = "idle"
    phase: str = ""
    done: int = 0
    total: int = 0
    error: str | None = None
    generation: int = 0  # how many audits have finished: a page posts it back with a waiver


@dataclass
class Result:
    """A finished audit: the run as audited (`raw`, paths inside the session folder, as the policy
    matches them), the same run as pages and reports show it (`shown`: paths relative to the session's
    plans folder, findings under the waivers), and the real file of each plan by its shown path
    (paths from the client are never used)."""

    raw: CheckRun
    shown: CheckRun
    files: dict[str, Path]
    generation: int
    waiver_error: str | None = None
    plans: OrderedDict = field(default_factory=OrderedDict)  # the last few whole plans read, by path

    @property
    def findings(self) -> list[Finding]:
        return self.shown.findings

    def index_of(self) -> dict[str, int]:
        """Each input's position in the run, by its path: pages name plans by number."""
        return {item.path: index for index, item in enumerate(self.shown.inputs)}


class Shown:
    """Paths under the session's plans folder as a reviewer knows them: "uploads/xa.pdf",
    "fixtures/2024-huyen-phu-lam.md" (the session's temporary folder is nobody's business)."""

    def __init__(self, root: Path) -> None:
        self.prefix = visible(str(root)) + "/"

    def path(self, path: str | None) -> str | None:
        return path.removeprefix(self.prefix) if path else path

    def plan(self, plan: Plan | None) -> Plan | None:
        return plan.model_copy(update={"path": self.path(plan.path)}) if plan else None

    def item(self, item: Audited) -> Audited:
        error = None
        if item.error is not None:
            error = copy.copy(item.error)
            error.path = self.path(error.path)
        return replace(item, path=self.path(item.path), plan=self.plan(item.plan), parent=self.plan(item.parent),
                       error=error)

    def finding(self, finding: Finding) -> Finding:
        return finding.model_copy(update={"path": self.path(finding.path), "parent_path": self.path(finding.parent_path),
                                          "message": finding.message.replace(self.prefix, "")})


class Workspace:
    def __init__(self, folder: Path, rules: list[Rule], lang: str, *, directory: Path | None = None,
                 waivers: Path | None = None, expected: Path | None = None, cache_dir: str | None = None):
        self.folder, self.rules, self.lang = folder, rules, lang
        self.root = folder / "plans"
        self.uploads = self.root / UPLOADS
        self.scratch = folder / "incoming"
        for path in (self.root, self.uploads, self.scratch):
            path.mkdir(mode=0o700, exist_ok=True)
        if directory is not None:
            name = directory.resolve().name or "plans"
            (self.root / (f"{name}-dir" if name == UPLOADS else name)).symlink_to(directory.resolve(), True)
        self.directory, self.expected, self.cache_dir = directory, expected, cache_dir
        self.waivers = waivers or folder / "waivers.yaml"
        self.token = secrets.token_urlsafe(32)  # every form carries it: another site cannot post here
        self.lock = threading.RLock()  # guards job, result and the run's spool (one file, one position)
        self.job = Job()
        self.result: Result | None = None
        self._again = False
        self._notices: list[tuple[str, str]] = []

    @classmethod
    def create(cls, rules: list[Rule], lang: str, **options) -> Workspace:
        return cls(Path(tempfile.mkdtemp(prefix="plan-audit-serve-")), rules, lang, **options)

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def room(self) -> int:
        """How many more plans may be uploaded."""
        from audit.serve.uploads import MAX_FILES

        return MAX_FILES - sum(1 for _ in self.uploads.iterdir())

    def discard(self, names: list[str]) -> None:
        for name in names:
            (self.uploads / name).unlink(missing_ok=True)

    # --- what the next page tells the reviewer once

    def notice(self, kind: str, key: str, **values: object) -> None:
        """A message (audit/messages.py "serve.<key>") for the next page; `kind` "ok" or "error"."""
        from audit.messages import msg

        with self.lock:
            self._notices.append((kind, msg(f"serve.{key}", self.lang, **values)))

    def take_notices(self) -> list[tuple[str, str]]:
        with self.lock:
            notices, self._notices = self._notices, []
            return notices

    def report_upload(self, outcome) -> None:
        if outcome.stored:
            self.notice("ok", "upload.stored", count=len(outcome.stored), names=", ".join(outcome.stored))
        from audit.serve.uploads import MAX_FILE_BYTES, MAX_FILES

        for name, key in outcome.refused:
            self.notice("error", key.removeprefix("serve."), name=name, mb=MAX_FILE_BYTES >> 20, files=MAX_FILES)

    # --- the audit, in a thread

    def start_audit(self) -> None:
        """Audit the session's plans in the background; asked again while one runs, it runs once
        more afterwards (files uploaded meanwhile are not missed)."""
        with self.lock:
            if self.job.state == "running":
                self._again = True
                return
            self.job = replace(self.job, state="running", phase="reading", done=0, total=0, error=None)
        threading.Thread(target=self._audit_loop, name="plan-audit-serve", daemon=True).start()

    def _audit_loop(self) -> None:
        while True:
            self._audit_once()
            with self.lock:
                if not self._again:
                    return
                self._again = False
                self.job = replace(self.job, state="running", phase="reading", done=0, total=0, error=None)

    def _audit_once(self) -> None:
        from audit.corpus import find_plan_files
        from audit.engine.context import CheckContext
        from audit.run import audit_corpus

        def progress(done: int, total: int, path: str) -> None:
            with self.lock:
                self.job = replace(self.job, done=done, total=total, phase="auditing" if done >= total else "reading")

        try:
            shown = Shown(self.root)
            files = {shown.path(visible(str(path))): path for path in find_plan_files(self.root)[0]}
            run = audit_corpus(self.root, self.rules, CheckContext(lang=self.lang), jobs=1, cache_dir=self.cache_dir,
                               progress=progress)
        except InputError as error:
            with self.lock:
                self.job = replace(self.job, state="failed", error=error.message(self.lang))
            return
        with self.lock:
            generation = self.job.generation + 1
            inputs = CheckRun([shown.item(item) for item in run.inputs], [], run.rules)
            self.result = self._waived(Result(run, inputs, files, generation))
            self.job = replace(self.job, state="done", phase="", generation=generation)

    # --- waivers

    def _waived(self, result: Result) -> Result:
        """`result` with its findings under the waivers file (as the CLI's policy applies it)."""
        from audit.policy import apply_policy
        from audit.policy.config import Settings
        from audit.policy.files import ConfigError
        from audit.serve.waivers_file import read_waivers

        raw, shown = result.raw, Shown(self.root)
        try:
            settings = Settings(lang=self.lang, waivers=tuple(read_waivers(self.waivers)))
            findings, error = apply_policy(raw, self.rules, settings), None
        except ConfigError as problem:
            findings, error = raw.findings, problem.message(self.lang)
        run = replace(result.shown, findings=[shown.finding(f) for f in findings])
        return replace(result, shown=run, waiver_error=error)

    def waive(self, number: int, generation: int, reason: str, expires=None) -> Finding:
        """Waive finding `number` of audit `generation` for `reason`: appended to the waivers file,
        then the policy applied again. Raises LookupError for a finding that is not (or no longer)
        there, ValueError for an empty reason, ConfigError for a waivers file that cannot be read."""
        from audit.serve.waivers_file import add_waiver, waiver_for

        if not reason.strip():
            raise ValueError(reason)
        with self.lock:
            result = self.result
            if result is None or result.generation != generation or not 0 <= number < len(result.findings):
                raise LookupError(number)
            finding = result.findings[number]
            if finding.path not in result.files:  # a finding about the waivers file itself
                raise LookupError(number)
            add_waiver(self.waivers, waiver_for(finding, result.files[finding.path], self.waivers, reason, expires))
            self.result = self._waived(result)
            return finding

    # --- one plan's whole text

    def full_plan(self, path: str) -> Plan | InputError:
        """The whole plan of the run's `path`: from the corpus cache, else read again."""
        from audit.cache import Cache, digest
        from audit.corpus import plan_or_error

        with self.lock:
            result = self.result
            if result is None or path not in result.files:
                raise LookupError(path)
            if path in result.plans:
                return result.plans[path]
        real, plan = result.files[path], None  # read outside the lock: the progress keeps answering
        if self.cache_dir:
            cache = Cache(self.cache_dir)
            plan = cache.get(cache.key("plan", digest(real.read_bytes())))
        plan = plan or plan_or_error(real)
        with self.lock:
            result.plans[path] = plan
            if len(result.plans) > 4:
                result.plans.popitem(last=False)
        return plan
