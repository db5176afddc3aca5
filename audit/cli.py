"""The command line: parse arguments, call the stages, choose a reporter, set the exit code.

Exit codes (CONTRACT.md): 0 nothing at or above --fail-on; 1 findings at or above it;
2 usage error, or no input could be read at all.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager

import click

from audit.read.errors import InputError
from audit.report.formats import FORMATS

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def fail_input(error: InputError) -> None:
    click.echo(f"plan-audit: error: {error}", err=True)
    sys.exit(EXIT_USAGE)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="plan-audit")
def main() -> None:
    """Audit Vietnamese administrative-reform communication plans against the directives they implement."""


@main.command()
@click.argument("file", type=click.Path(dir_okay=True, path_type=str))
@click.option("--format", "fmt", type=click.Choice(["rich", "json"]), default="rich", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to FILE instead of stdout.")
def extract(file: str, fmt: str, output: str | None) -> None:
    """Parse one plan and show what was understood: header, citations, sections, units, concepts."""
    from audit.report.extract import extract_json, extract_rich
    from audit.report.output import emit, emit_rich

    plan = load_parent_or_exit(file)
    if fmt == "json":
        emit(extract_json(plan), output)
    else:
        emit_rich(lambda console: extract_rich(plan, console), output, width=100)


@main.command()
@click.argument("directory", metavar="DIR", type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["rich", "json"]), default="rich", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to FILE instead of stdout.")
@click.option("--expected", type=click.Path(dir_okay=False, path_type=str),
              help="YAML: issuer -> list of subordinate units expected to file a plan citing its plan.")
def graph(directory: str, fmt: str, output: str | None, expected: str | None) -> None:
    """The plan hierarchy under DIR: links, unresolved parents, cycles, duplicates, missing plans."""
    from audit.graph import PlanGraph, load_expected
    from audit.report.graph_report import graph_json, graph_rich
    from audit.report.output import emit, emit_rich

    try:
        expected_units = load_expected(expected) if expected else None
    except ValueError as error:
        click.echo(f"plan-audit: error: {error}", err=True)
        sys.exit(EXIT_USAGE)
    corpus = load_corpus_or_exit(directory)
    for problem in corpus.problems:
        click.echo(f"plan-audit: warning: {problem}", err=True)
    if not corpus.plans:
        click.echo(f"plan-audit: error: {directory}: no plan could be read", err=True)
        sys.exit(EXIT_USAGE)
    plan_graph = PlanGraph(corpus.plans)
    missing = plan_graph.missing_units(expected_units) if expected_units is not None else None
    if fmt == "json":
        emit(graph_json(corpus, plan_graph, missing), output)
    else:
        emit_rich(lambda console: graph_rich(corpus, plan_graph, missing, console), output, width=120)


def load_rules_or_exit(select: tuple[str, ...] = (), ignore: tuple[str, ...] = (), *, every: bool = False):
    """The rules of the packs, selected (`every`: all of them, opt-in ones too, for listing);
    a broken pack or an unknown code is a usage error (exit 2)."""
    from audit.engine.engine import SelectionError, select_rules
    from audit.engine.packs import PackError, load_rules
    from audit.text.lexicon import LexiconError

    try:
        rules = load_rules()
        return rules if every else select_rules(rules, select, ignore)
    except (PackError, SelectionError, LexiconError) as error:
        click.echo(f"plan-audit: error: {error}", err=True)
        sys.exit(EXIT_USAGE)


LANG_OPTION = click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True,
                           help="Language of messages and titles.")


def audit_options(command):
    """The options every auditing command shares: output, failing threshold, rule selection."""
    options = [
        click.option("--format", "fmt", type=click.Choice(FORMATS), default="rich", show_default=True),
        click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to FILE instead of stdout."),
        click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error",
                     show_default=True, help="Exit 1 when a finding is at or above this level."),
        click.option("--select", multiple=True, metavar="CODES",
                     help="Only these rule codes or prefixes (comma-separated, repeatable)."),
        click.option("--ignore", multiple=True, metavar="CODES",
                     help="Skip these rule codes or prefixes (comma-separated, repeatable)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@main.command()
@click.argument("files", metavar="FILE...", nargs=-1, required=True, type=click.Path(path_type=str))
@audit_options
@click.option("--parent", "parent_path", type=click.Path(path_type=str),
              help="Audit the plans against this parent plan (the KETHUA rules).")
@click.option("--corpus", "corpus_dir", type=click.Path(path_type=str),
              help="Find each plan's parent in this folder of plans, by the plan's citation.")
@LANG_OPTION
def check(files: tuple[str, ...], fmt: str, output: str | None, fail_on: str,
          select: tuple[str, ...], ignore: tuple[str, ...], parent_path: str | None,
          corpus_dir: str | None, lang: str) -> None:
    """Audit plans against the rule packs. A file that cannot be read is reported (INPUT001) and the
    others are still audited; exit 2 only when no file could be read."""
    from audit.engine import parents

    rules = load_rules_or_exit(select, ignore)
    if parent_path and corpus_dir:
        click.echo("plan-audit: error: give --parent or --corpus, not both", err=True)
        sys.exit(EXIT_USAGE)
    inputs = parents.load_inputs(files)
    if parent_path:
        inputs = parents.with_parent(inputs, load_parent_or_exit(parent_path))
    elif corpus_dir:
        inputs = parents.with_corpus_parents(inputs, load_corpus_or_exit(corpus_dir).plans)
    report_and_exit(inputs, rules, fmt, output, fail_on, lang)


def load_parent_or_exit(path: str):
    from audit.pipeline import load_plan

    try:
        return load_plan(path)
    except InputError as error:
        fail_input(error)


def load_corpus_or_exit(directory: str):
    from audit.corpus import load_corpus

    try:
        return load_corpus(directory)
    except InputError as error:
        fail_input(error)


def report_and_exit(inputs, rules, fmt: str, output: str | None, fail_on: str, lang: str) -> None:
    """Audit `inputs` (each against its parent, where known), report in `fmt`, and exit with the
    code CONTRACT.md gives: 2 when no input could be read, 1 when a finding reaches `fail_on`."""
    from audit.engine.context import CheckContext
    from audit.engine.parents import audit_inputs

    report_run_and_exit(audit_inputs(inputs, rules, CheckContext(lang=lang)), fmt, output, fail_on, lang)


def report_run_and_exit(run, fmt: str, output: str | None, fail_on: str, lang: str) -> None:
    from audit.engine.engine import fails
    from audit.report.formats import write_report

    write_report(run, fmt, output, lang)
    if not run.read_any:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_FINDINGS if fails(run.findings, fail_on) else EXIT_OK)


@main.command()
@click.argument("directory", metavar="DIR", type=click.Path(path_type=str))
@audit_options
@LANG_OPTION
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
              help="Worker processes (0: one per core for a large corpus). The report is the same for any number.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=str),
              help="Where parsed plans and results are kept between runs [default: $XDG_CACHE_HOME/plan-audit].")
@click.option("--no-cache", is_flag=True, help="Read and audit every plan again; keep nothing.")
def corpus(directory: str, fmt: str, output: str | None, fail_on: str, select: tuple[str, ...],
           ignore: tuple[str, ...], lang: str, jobs: int, cache_dir: str | None, no_cache: bool) -> None:
    """Audit every plan under DIR against its resolved parent and all other rules; coverage matrix."""
    from audit.cache import default_dir
    from audit.engine.context import CheckContext
    from audit.engine.parents import audit_corpus

    rules = load_rules_or_exit(select, ignore)
    try:
        with corpus_progress() as progress:
            run = audit_corpus(directory, rules, CheckContext(lang=lang), jobs=jobs, progress=progress,
                               cache_dir=None if no_cache else cache_dir or default_dir())
    except InputError as error:
        fail_input(error)
    if not run.inputs:
        click.echo(f"plan-audit: error: {directory}: no plan file found", err=True)
        sys.exit(EXIT_USAGE)
    report_run_and_exit(run, fmt, output, fail_on, lang)


@contextmanager
def corpus_progress():
    """A progress callback: a rich bar on stderr when stderr is a terminal, else nothing at all."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("plan-audit", total=None)

        def advance(done: int, total: int, path: str) -> None:
            bar.update(task, completed=done, total=total, description=path)

        yield advance


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
            click.echo(f"plan-audit: error: {error}", err=True)
            sys.exit(EXIT_USAGE)
        return
    all_rules = load_rules_or_exit(every=True)
    if code is None:
        emit_rich(lambda console: reference.rules_table(all_rules, console, lang), output)
        return
    rule = next((r for r in all_rules if r.code == code.upper()), None)
    if rule is None:
        click.echo(f"plan-audit: error: no rule {code} (see `plan-audit rules`)", err=True)
        sys.exit(EXIT_USAGE)
    emit_rich(lambda console: reference.explain_rule(rule, console, lang), output)


if __name__ == "__main__":  # pragma: no cover
    main()
