"""The command line: parse arguments, call the stages, choose a reporter, set the exit code.

Exit codes (CONTRACT.md): 0 nothing at or above --fail-on; 1 findings at or above it;
2 usage error, or no input could be read at all, or an output cannot be written (or would replace an
input); 3 an unexpected error (a bug: one line on stderr, the traceback with --debug); 130 interrupted
(Ctrl-C); 141 the reader of standard output went away (`| head`).
"""

from __future__ import annotations

import atexit
import functools
import gc
import sys
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NoReturn

import click

from audit.messages import DEFAULT_LANG, msg
from audit.read.errors import InputError
from audit.report.formats import FORMATS

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 3, 130, 141


def usage_error(text: str) -> NoReturn:
    """Exit 2 with one line on stderr. The prefix stays English in both languages: scripts look for it."""
    click.echo(f"plan-audit: error: {text}", err=True)
    sys.exit(EXIT_USAGE)


def fail(lang: str, key: str, **values: object) -> NoReturn:
    usage_error(msg(key, lang, **values))


def warn(text: str) -> None:
    click.echo(f"plan-audit: warning: {text}", err=True)


def refuse_overwrite(lang: str, outputs, inputs=(), folders=()) -> None:
    """Exit 2 when an output would replace one of the inputs (or a plan under one of `folders`)."""
    from audit.guard import overwritten_input
    from audit.base.normalize import visible_path

    for output in outputs:
        clash = overwritten_input(output, inputs, folders)
        if clash:
            fail(lang, "cli.output_is_input", output=visible_path(str(output)), input=visible_path(clash))


def refuse_overwriting_settings(settings, inputs=(), folders=()) -> None:
    """The report (-o) replaces no input, policy file or baseline; --write-baseline may replace the
    baseline it updates, but no other input."""
    refuse_overwrite(settings.lang, [settings.output], [*inputs, *settings.read_from, settings.baseline_path], folders)
    refuse_overwrite(settings.lang, [settings.write_baseline], [*inputs, *settings.read_from], folders)

# An audit makes millions of short-lived tuples (tokens, matches, spans) and keeps large caches of
# seen lines: with Python's default thresholds (700, 10, 10) the collector runs every few hundred
# allocations and often walks the whole cache, about a tenth of a corpus run's CPU. Collections
# stay on (a plan's models can form cycles), only less often.
GC_THRESHOLDS = (50_000, 20, 20)



# --- the one error policy of every command ----------------------------------------------------------
# Exit 1 means "findings": a crash must never look like one. Whatever a command did not handle ends
# here as one line on stderr and its own exit code; --debug (or PLAN_AUDIT_DEBUG=1) shows the traceback.


class Guarded(click.Group):
    """The command group, with the error policy around every command."""

    def invoke(self, ctx: click.Context):
        try:
            try:
                return super().invoke(ctx)
            finally:
                sys.stdout.flush()  # a full disk or closed pipe behind stdout shows here, not at exit
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("plan-audit: " + msg("cli.interrupted", _lang(ctx)), err=True)
            sys.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:
            _quiet_stdout()
            sys.exit(EXIT_BROKEN_PIPE)
        except Exception as error:  # noqa: BLE001 - the policy: one line and an exit code, never a traceback
            if ctx.params.get("debug"):
                raise
            _quiet_stdout()
            code, key, values = _error_line(error)
            click.echo("plan-audit: error: " + msg(key, _lang(ctx), **values), err=True)
            sys.exit(code)


def _error_line(error: Exception) -> tuple[int, str, dict]:
    """(exit code, message key, values) for an error no command handled."""
    from audit.base.normalize import visible_path

    if isinstance(error, UnicodeEncodeError):  # stdout in an encoding that cannot show Vietnamese
        encoding = getattr(sys.stdout, "encoding", None) or "?"
        return EXIT_USAGE, "cli.stdout_encoding", {"encoding": encoding}
    if isinstance(error, OSError):
        where = visible_path(str(error.filename)) if error.filename else "<stdout>"
        return EXIT_USAGE, "cli.os_error", {"path": where, "reason": error.strerror or error}
    detail = " ".join(f"{type(error).__name__}: {error}".split())[:300]
    return EXIT_INTERNAL, "cli.internal_error", {"detail": detail}


def _lang(ctx: click.Context) -> str:
    return ctx.meta.get("plan-audit.lang") or DEFAULT_LANG


def _remember_lang(ctx: click.Context, _param, lang: str | None) -> str | None:
    """The --lang of the command, kept where the error policy finds it (context meta is shared)."""
    ctx.meta["plan-audit.lang"] = lang
    return lang


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so the exit does not fail again flushing what could not be written."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


LANG_OPTION = click.option("--lang", type=click.Choice(["vi", "en"]), default=DEFAULT_LANG, show_default=True,
                           callback=_remember_lang, help="Language of messages and titles.")


# --- report options: how the report is laid out, not what is audited ---------------------------

REPORT_OPTIONS = [
    click.option("--statistics", is_flag=True,
                 help="Print the number of findings of each rule instead of the report (JSON with --format json)."),
    click.option("--absolute-paths", is_flag=True,
                 help="Show files by their absolute paths (default: relative to the current or audited folder)."),
]


@dataclass(frozen=True)
class Reporting:
    statistics: bool = False
    absolute_paths: bool = False
    expected: dict[str, list[str]] | None = None  # corpus --expected


def expected_or_exit(path: str | None, lang: str) -> dict[str, list[str]] | None:
    """The units expected to file plans (`--expected`); a file that cannot be used is a usage error."""
    from audit.graph import load_expected
    from audit.policy.files import ConfigError

    try:
        return load_expected(path) if path else None
    except ConfigError as error:
        usage_error(error.message(lang))


class _Group(Guarded):
    """The command group, speaking the run's language in click's own messages too (usage errors,
    --help's headings): Vietnamese unless the command line says `--lang en`."""

    def main(self, args=None, *rest, **kwargs):
        speak_click(_argv_lang(sys.argv[1:] if args is None else list(args)))
        return super().main(args, *rest, **kwargs)


def _argv_lang(args: list[str]) -> str:
    """The --lang of a command line not parsed yet (its last, as click takes it), else the default."""
    lang = DEFAULT_LANG
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            lang = args[index + 1]
        elif arg.startswith("--lang="):
            lang = arg.removeprefix("--lang=")
    return lang


def speak_click(lang: str) -> None:
    """Click's messages in `lang`: its modules look up `_` and `ngettext` (gettext) when they speak."""
    import gettext

    from click import core, decorators, exceptions, formatting, parser, types

    from audit.messages import CLICK_VI

    table = CLICK_VI if lang == "vi" else {}

    def translated(message: str) -> str:
        return table.get(message, message)

    def plural(singular: str, many: str, count: int) -> str:
        return translated(singular if count == 1 else many)

    for module in (core, decorators, exceptions, formatting, parser, types):
        module._ = translated if table else gettext.gettext
        if hasattr(module, "ngettext"):
            module.ngettext = plural if table else gettext.ngettext


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="plan-audit")
@click.option("--debug", is_flag=True, envvar="PLAN_AUDIT_DEBUG",
              help="On an unexpected error, show the Python traceback (for a bug report).")
def main(debug: bool) -> None:
    """Audit Vietnamese administrative-reform communication plans against the directives they implement."""
    gc.set_threshold(*GC_THRESHOLDS)
    # At exit Python collects once more, walking every object the run made (the lexicon, the
    # dictionaries, the plans): about 0.06 s of a 0.4 s `check`. Frozen objects are skipped; the exit
    # still frees them. Registered once however many commands a process runs (the tests run many).
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)


@main.command()
@click.argument("file", type=click.Path(dir_okay=True, path_type=str))
@click.option("--format", "fmt", type=click.Choice(["rich", "json"]), default="rich", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to FILE instead of stdout.")
@LANG_OPTION
def extract(file: str, fmt: str, output: str | None, lang: str) -> None:
    """Parse one plan and show what was understood: header, citations, sections, units, concepts."""
    from audit.report.extract import extract_json, extract_rich
    from audit.report.output import emit, emit_rich

    refuse_overwrite(lang, [output], [file])
    plan = load_plan_or_exit(file, lang)
    if fmt == "json":
        emit(extract_json(plan), output)
    else:
        emit_rich(lambda console: extract_rich(plan, console, lang), output, width=100)


@main.command()
@click.argument("directory", metavar="DIR", type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["rich", "json"]), default="rich", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to FILE instead of stdout.")
@click.option("--expected", type=click.Path(dir_okay=False, path_type=str),
              help="YAML: issuer -> list of subordinate units expected to file a plan citing its plan.")
@LANG_OPTION
@REPORT_OPTIONS[1]
def graph(directory: str, fmt: str, output: str | None, expected: str | None, lang: str, absolute_paths: bool) -> None:
    """The plan hierarchy under DIR: links, unresolved parents, cycles, duplicates, missing plans."""
    from audit.graph import PlanGraph, missing_units
    from audit.report.graph_report import graph_json, graph_rich
    from audit.report.output import emit, emit_rich
    from audit.report.paths import PathStyle

    refuse_overwrite(lang, [output], [expected], [directory])
    expected_units = expected_or_exit(expected, lang)
    corpus = PathStyle.of([directory], absolute_paths).corpus(load_corpus_or_exit(directory, lang, outlines=True))
    for problem in corpus.problems:
        warn(problem.message(lang))
    if not corpus.plans:
        fail(lang, "cli.no_plan_read", path=directory)
    plan_graph = PlanGraph(corpus.plans)
    missing = missing_units(plan_graph, expected_units) if expected_units is not None else None
    if fmt == "json":
        emit(graph_json(corpus.root, corpus.problems, plan_graph, missing, lang), output)
    else:
        emit_rich(lambda console: graph_rich(corpus.root, corpus.problems, plan_graph, missing, console, lang), output, width=120)


def load_rules_or_exit():
    """Every rule of the packs, opt-in ones too; a broken pack or lexicon is a usage error (exit 2).
    Pack errors stay in English: they are for pack authors, and name the file and line."""
    from audit.engine.packs import PackError, load_rules
    from audit.text.lexicon import LexiconError

    try:
        return load_rules()
    except (PackError, LexiconError) as error:
        usage_error(str(error))


def select_rules_or_exit(settings):
    """The rules `check` and `corpus` run; a code that names no rule (in --select, --ignore or the
    configuration file, where the message names the file, line and key) is a usage error."""
    from audit.engine.engine import SelectionError, select_rules
    from audit.policy.config import check_codes
    from audit.policy.files import ConfigError

    rules = load_rules_or_exit()
    try:
        check_codes(settings, [rule.code for rule in rules])
        return select_rules(rules, settings.select, settings.ignore)
    except ConfigError as error:
        usage_error(error.message(settings.lang))
    except SelectionError as error:
        fail(settings.lang, "rules.unknown_code", code=error.code)


# Options whose value may come from the configuration file: they default to None (or empty), so an
# option left out lets the file's value through (audit/policy/config.resolve).
SETTING_OPTIONS = ("fmt", "output", "fail_on", "select", "ignore", "lang", "draft", "config", "baseline", "write_baseline",
                   "kind")


def audit_options(command):
    """The options every auditing command shares: output, failing threshold, rule selection, language,
    configuration, baseline. The command receives them as one `settings` (audit/policy/config.Settings):
    each option given on the command line, else the configuration file's value, else the default."""
    options = [
        click.option("--format", "fmt", type=click.Choice(FORMATS),
                     help="Report format; docx, xlsx and letter are files (--output).  "
                          "[default: rich on a terminal, else concise]"),
        click.option("--output", "-o", type=click.Path(), help="Write to FILE instead of stdout "
                     "(docx and letter: a FOLDER, with a document per plan)."),
        click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
                     help="Exit 1 when a finding that is not waived is at or above this level.  [default: error]"),
        click.option("--select", multiple=True, metavar="CODES",
                     help="Only these rule codes or prefixes (comma-separated, repeatable)."),
        click.option("--ignore", multiple=True, metavar="CODES",
                     help="Skip these rule codes or prefixes (comma-separated, repeatable)."),
        click.option("--draft", is_flag=True, default=None,
                     help="The plans are drafts: a blank number, date or signature is info, not a warning."),
        click.option("--lang", type=click.Choice(["vi", "en"]), callback=_remember_lang,
                     help="Language of messages and titles.  [default: vi]"),
        click.option("--kind", type=click.Choice(["auto", "plan"]),
                     help="auto: a document that is no plan (công văn, báo cáo, a fragment) gets one info finding "
                          "(THETHUC011) and no plan rules; plan: audit every document as a plan.  [default: auto]"),
        click.option("--config", type=click.Path(dir_okay=False, path_type=str),
                     help="Configuration file (default: plan-audit.yaml, .plan-audit.yaml or pyproject.toml "
                          "[tool.plan-audit], searched from here upward)."),
        click.option("--baseline", type=click.Path(dir_okay=False, path_type=str),
                     help="Findings in this baseline are waived (reason: baseline); its stale entries are reported."),
        click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=str),
                     help="Write the current findings to this baseline file and exit 0."),
        *REPORT_OPTIONS,
    ]

    @functools.wraps(command)
    def with_settings(**kwargs):
        given = {name: kwargs.pop(name) for name in SETTING_OPTIONS if name in kwargs}
        settings = report_settings(settings_or_exit(given))
        _remember_lang(click.get_current_context(), None, settings.lang)  # the configuration's, if it sets one
        report = Reporting(kwargs.pop("statistics"), kwargs.pop("absolute_paths"))
        return command(settings=settings, report=report, **kwargs)

    for option in reversed(options):
        with_settings = option(with_settings)
    return with_settings


def report_settings(settings):
    """The settings with their format chosen: rich on a terminal, concise into a pipe (unless the
    command line or the configuration file chose one); a file format needs --output."""
    from audit.report.formats import FILE_FORMATS, FOLDER_FORMATS, default_format

    if settings.fmt is None:
        settings = replace(settings, fmt=default_format(settings.output, sys.stdout.isatty()))
    if settings.fmt in FILE_FORMATS and not settings.output:
        fail(settings.lang, "cli.format_needs_output", format=settings.fmt)
    if settings.output and Path(settings.output).is_dir() and settings.fmt not in FOLDER_FORMATS:
        fail(settings.lang, "cli.output_is_dir", path=settings.output)
    return settings


def settings_or_exit(given: dict):
    """The run's settings; a configuration, waiver or baseline file that cannot be used is a usage error."""
    from audit.policy.config import resolve
    from audit.policy.files import ConfigError

    from audit.base.normalize import visible_path

    try:
        settings = resolve(given, FORMATS)
    except ConfigError as error:
        usage_error(error.message(given.get("lang") or DEFAULT_LANG))
    for key, path in settings.passed_over:
        warn(msg(key, settings.lang, path=visible_path(str(path))))
    return settings


@main.command()
@click.argument("files", metavar="FILE...", nargs=-1, required=True, type=click.Path(path_type=str))
@audit_options
@click.option("--parent", "parent_path", type=click.Path(path_type=str),
              help="Audit the plans against this parent plan (the KETHUA rules).")
@click.option("--corpus", "corpus_dir", type=click.Path(path_type=str),
              help="Find each plan's parent in this folder of plans, by the plan's citation.")
def check(files: tuple[str, ...], parent_path: str | None, corpus_dir: str | None, settings, report) -> None:
    """Audit plans against the rule packs. A file that cannot be read is reported (INPUT001) and the
    others are still audited; exit 2 only when no file could be read."""
    from audit import run as parents

    rules = select_rules_or_exit(settings)
    if parent_path and corpus_dir:
        fail(settings.lang, "cli.parent_or_corpus")
    refuse_overwriting_settings(settings, [*files, parent_path], [corpus_dir])
    inputs = parents.load_inputs(files)
    if parent_path:
        inputs = parents.with_parent(inputs, load_plan_or_exit(parent_path, settings.lang))
    elif corpus_dir:
        found = load_corpus_or_exit(corpus_dir, settings.lang, outlines=True)
        inputs = parents.with_corpus_parents(inputs, found.plans, found.whole)
    audited = [*files, *filter(None, (parent_path, corpus_dir))]
    report_and_exit(parents.audit_inputs(inputs, rules, audit_context(settings)), settings, report, audited)


def load_plan_or_exit(path: str, lang: str):
    from audit.pipeline import load_plan

    try:
        return load_plan(path)
    except InputError as error:
        usage_error(error.message(lang))


def load_corpus_or_exit(directory: str, lang: str, outlines: bool = False):
    from audit.corpus import load_corpus

    try:
        return load_corpus(directory, outlines)
    except InputError as error:
        usage_error(error.message(lang))


def audit_context(settings):
    """What every check of the run is given: the language and whether the plans are drafts."""
    from audit.engine.context import CheckContext

    return CheckContext(lang=settings.lang, draft=settings.draft, kind=settings.kind)


def report_and_exit(run, settings, report: Reporting, audited: list[str]) -> None:
    """Report the audited `run` under the project's policy (per-path ignores, waivers, baseline) and
    exit with the code CONTRACT.md gives: 2 when no input could be read, 1 when a finding that is not
    waived reaches `fail_on`. With --write-baseline, write the findings to the baseline instead of a
    report, and exit 0. `audited`: the files and folders named, which paths are shown relative to."""
    from audit.engine.engine import fails
    from audit.policy import apply_policy
    from audit.report.formats import write_report, write_statistics
    from audit.report.paths import PathStyle

    run.findings = apply_policy(run, run.rules, settings)
    if settings.write_baseline and run.read_any:
        write_baseline_and_exit(run, settings)
    if report.statistics:
        write_statistics(run, settings.fmt, settings.output, settings.lang)
    else:
        write_report(run, settings.fmt, settings.output, settings.lang, PathStyle.of(audited, report.absolute_paths),
                     report.expected)
    if not run.read_any:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_FINDINGS if fails(run.findings, settings.fail_on) else EXIT_OK)


def write_baseline_and_exit(run, settings) -> NoReturn:
    """The baseline holds every finding of the plans that no waiver accepts (old baseline entries
    included: the file is written anew), but not the policy's own findings."""
    from audit.engine.packs import POLICY_FAMILY
    from audit.policy.baseline import BASELINE_REASON, baseline_text
    from audit.report.output import write_atomic

    kept = [f for f in run.findings if not f.rule.startswith(POLICY_FAMILY.code)
            and (not f.waived or f.waiver_reason == BASELINE_REASON)]
    write_atomic(settings.write_baseline, baseline_text(kept, settings.write_baseline))
    click.echo("plan-audit: " + msg("cli.baseline_written", settings.lang, count=len(kept), path=settings.write_baseline), err=True)
    sys.exit(EXIT_OK)


@main.command()
@click.argument("directory", metavar="DIR", type=click.Path(path_type=str))
@audit_options
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
              help="Worker processes (0: one per core for a large corpus). The report is the same for any number.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=str),
              help="Where plan outlines and audit results are kept between runs [default: $XDG_CACHE_HOME/plan-audit].")
@click.option("--no-cache", is_flag=True, help="Read and audit every plan again; keep nothing.")
@click.option("--expected", type=click.Path(dir_okay=False, path_type=str),
              help="YAML: issuer -> subordinate units expected to file a plan (listed in --format xlsx when missing).")
def corpus(directory: str, jobs: int, cache_dir: str | None, no_cache: bool, expected: str | None, settings,
           report) -> None:
    """Audit every plan under DIR against its resolved parent and all other rules; coverage matrix."""
    from audit.base.prepared import kept_in
    from audit.cache import default_dir, distrust
    from audit.run import audit_corpus
    from audit.base.normalize import visible_path

    rules = select_rules_or_exit(settings)
    refuse_overwriting_settings(settings, folders=[directory])
    cache_dir = None if no_cache else cache_dir or str(default_dir())
    if cache_dir and distrust(cache_dir):
        warn(msg("cli.cache_distrusted", settings.lang, path=visible_path(cache_dir)))
        cache_dir = None
    report = replace(report, expected=expected_or_exit(expected, settings.lang))
    with kept_in(cache_dir), corpus_progress(settings.lang) as progress:  # the dictionaries prepared there too
        try:
            run = audit_corpus(directory, rules, audit_context(settings), jobs=jobs,
                               progress=progress.reading if progress else None, cache_dir=cache_dir)
        except InputError as error:
            usage_error(error.message(settings.lang))
        if cache_dir:
            from audit.cache import Cache

            Cache(cache_dir).prune()  # least recently used entries out, down to PLAN_AUDIT_CACHE_MB
        if not run.inputs:
            fail(settings.lang, "cli.no_plan_file", path=directory)
        report_and_exit(progress.writing(run) if progress else run, settings, report, [directory])


@contextmanager
def corpus_progress(lang: str):
    """A `Progress` on stderr when stderr is a terminal, else None: nothing at all."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress as Bar

    with Bar(console=Console(stderr=True), transient=True) as bar:
        yield Progress(bar, bar.add_task("plan-audit", total=None), lang)


@dataclass
class Progress:
    """The corpus bar: the files read and audited, then the plans the report has written."""

    bar: object
    task: object
    lang: str

    def reading(self, done: int, total: int, path: str) -> None:
        self.bar.update(self.task, completed=done, total=total, description=path)

    def writing(self, run):
        """`run` with inputs that move the bar as the report reads them (a report may read them in
        more than one pass: the overview, then each plan's part)."""
        from itertools import count

        from audit.report.paths import Mapped

        total, seen, words = len(run.inputs), count(), msg("cli.writing_report", self.lang)

        def read(item):
            self.bar.update(self.task, completed=next(seen) % total + 1, total=total, description=words)
            return item

        return replace(run, inputs=Mapped(run.inputs, read))


@main.command()
@click.argument("code", required=False)
@click.option("--format", "fmt", type=click.Choice(["rich", "markdown"]), default="rich", show_default=True,
              help="markdown: the whole rule reference (docs/rules.md), in both languages.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to FILE instead of stdout.")
@LANG_OPTION
def rules(code: str | None, fmt: str, output: str | None, lang: str) -> None:
    """List the rules (code, severity, title), or explain rule CODE."""
    from audit.report import rules_reference as reference
    from audit.report.output import emit, emit_rich

    if fmt == "markdown":
        from audit.engine.packs import PackError, load_families

        try:
            emit(reference.rules_markdown(load_families()), output)
        except PackError as error:
            usage_error(str(error))
        return
    all_rules = load_rules_or_exit()
    if code is None:
        emit_rich(lambda console: reference.rules_table(all_rules, console, lang), output)
        return
    rule = next((r for r in all_rules if r.code == code.upper()), None)
    if rule is None:
        fail(lang, "cli.no_rule", code=code)
    emit_rich(lambda console: reference.explain_rule(rule, console, lang), output)


@main.command()
@click.argument("directory", metavar="[DIR]", required=False, type=click.Path(file_okay=False, exists=True, path_type=str))
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but the loopback address lets other machines in.")
@click.option("--no-browser", is_flag=True, help="Do not open the page in a browser.")
@click.option("--waivers", type=click.Path(dir_okay=False, path_type=str),
              help="Waivers file to read and add to [default: one in the session's temporary folder].")
@click.option("--expected", type=click.Path(dir_okay=False, exists=True, path_type=str),
              help="YAML: issuer -> subordinate units expected to file a plan (missing plans in the hierarchy).")
@LANG_OPTION
def serve(directory: str | None, port: int, host: str, no_browser: bool, waivers: str | None, expected: str | None,
          lang: str) -> None:
    """A local web workbench: upload plans (or audit DIR), see the hierarchy, the coverage matrix and
    each plan with its findings, waive findings, download reports. Nothing leaves the machine."""
    from audit.cache import default_dir, distrust
    from audit.engine.engine import select_rules
    from audit.serve.server import LOOPBACK, serve as run_server, session

    if host not in LOOPBACK:
        warn(msg("serve.exposed", lang, host=host))
    cache_dir = str(default_dir())
    if distrust(cache_dir):
        warn(msg("cli.cache_distrusted", lang, path=cache_dir))
        cache_dir = None
    workspace = session(select_rules(load_rules_or_exit()), lang, directory, waivers, expected, cache_dir)
    click.echo("plan-audit: " + msg("serve.listening", lang, url=f"http://{host}:{port}/"), err=True)
    run_server(workspace, host, port, not no_browser)


if __name__ == "__main__":  # pragma: no cover
    main()
