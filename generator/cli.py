"""The `magazine` command.

Exit status: 0 success, 1 problems in the writer's content, 2 a wrong command line or setting.
A `MagazineError` is printed without a traceback (with one under `-v`). Problems go to stderr,
one per line as `path:line:col: field: message`, then a count.

A new command is a function under `@main.command()` taking `Options`; the group's error
handling and `--root` apply to it.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from . import __version__, publish
from . import build as orchestrator
from .atomic import STORAGE_ERRNOS, write_file
from .clipproblems import failure_message
from .desk import MARKS, Desk, DeskReport
from .errors import ContentError, EditRefused, MagazineError, StorageError, UsageError, inert
from .messages import Message, as_message, catalogue_language
from .model import Status
from .moments import read_moment
from .pending import pending_lines, waiting
from .progress import progress_for
from .scaffold import new_entry
from .schema import SCHEMA_FILE, schema_text
from .site import StoredObject
from .sizes import format_bytes
from .source import load_magazine, load_settings, locate
from .source.config import site_language
from .starter import start_magazine
from .terminal import build_summary, terminal_words, usage_words


@dataclass(frozen=True)
class Options:
    """What every command gets from the group: the magazine folder and verbosity."""

    root: Path
    verbose: bool


pass_options = click.make_pass_decorator(Options)


class _MagazineGroup(click.Group):
    """Turns our errors into a message and an exit status instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            # The parser's own words are English; a magazine in another language hears its own.
            language, words = _language(ctx), _parser_words(exc)
            if words is None or catalogue_language(language) == "en":
                raise
            if exc.ctx is not None:  # the usage line as click says it, then help in words
                hint = Message("click.try_help", command=exc.ctx.command_path).render(language)
                say(f"{exc.ctx.get_usage()}\n{hint}", err=True, lines=True)
            say(f"{terminal_words(language).usage_error}: {words.render(language)}", err=True)
            ctx.exit(exc.exit_code)
        except MagazineError as exc:
            verbose = isinstance(ctx.obj, Options) and ctx.obj.verbose
            report(exc, verbose=verbose, language=_language(ctx))
            ctx.exit(exc.exit_code)
        except OSError as exc:
            # A full or read-only disk surfaces wherever a write happens: one boundary here.
            if exc.errno not in STORAGE_ERRNOS:
                raise
            error = StorageError(exc)
            error.__cause__ = exc
            verbose = isinstance(ctx.obj, Options) and ctx.obj.verbose
            report(error, verbose=verbose, language=_language(ctx))
            ctx.exit(error.exit_code)


def _language(ctx: click.Context) -> str:
    """The magazine's language for a message (`init`: its `--lang`), else English."""
    chosen = ctx.meta.get(_LANGUAGE)  # `magazine init` knows it before there is a mkdocs.yml
    if isinstance(chosen, str):
        return chosen
    return site_language(ctx.obj.root) if isinstance(ctx.obj, Options) else "en"


_LANGUAGE = "magazine.language"


def _parser_words(exc: click.UsageError) -> Message | None:
    """A usage error of click's as a catalogue message, None for one it has no words for."""
    param: click.Parameter | None = getattr(exc, "param", None)
    if isinstance(exc, click.NoSuchOption):
        return usage_words("no_such_option", exc.option_name, sorted(exc.possibilities or ()))
    if param is None or not param.name:
        return None
    option = isinstance(param, click.Option)
    name = param.opts[0] if option else param.name.upper()
    if isinstance(exc, click.MissingParameter):
        return usage_words("missing_option" if option else "missing_argument", name)
    if isinstance(exc, click.BadParameter) and isinstance(param.type, click.Choice):
        return usage_words("choice", name, [str(choice) for choice in param.type.choices])
    return None


def report(error: MagazineError, *, verbose: bool = False, language: str = "en") -> None:
    """Print an error for the writer on stderr, in `language`: every problem, then the count."""
    if verbose:
        say("".join(traceback.format_exception(error)), err=True, lines=True, nl=False)
    if isinstance(error, ContentError):
        for problem in error.problems:
            say(problem.render(language), err=True, lines=True)
        say(error.summary.render(language), err=True)
    else:
        words = terminal_words(language if error.worded else "en")
        prefix = words.usage_error if isinstance(error, UsageError) else words.error
        # A usage error is one line (a refused edit adds its problems, escaped as `check` does);
        # budget, ffmpeg and MkDocs failures list on more lines.
        several = not isinstance(error, UsageError) or isinstance(error, EditRefused)
        say(f"{prefix}: {error.render(language)}", err=True, lines=several)


def say(text: str, *, err: bool = False, lines: bool = False, nl: bool = True) -> None:
    """Print a line (with `lines`, several) for the writer, inert (see `errors.inert`).

    Every command prints through here: a service name, a file name, a server's reason or
    MkDocs' warning about a writer's page can hold escape sequences, and none reaches the
    terminal as one.
    """
    click.echo(inert(text, keep_lines=lines), err=err, nl=nl)


@click.group(cls=_MagazineGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("."),
    show_default="the current folder",
    help="The magazine folder (the one with mkdocs.yml).",
)
@click.option("-v", "--verbose", is_flag=True, help="Show tracebacks with errors.")
@click.version_option(version=__version__, prog_name="magazine")
@click.pass_context
def main(ctx: click.Context, root: Path, verbose: bool) -> None:
    """Turn YAML trial entries of generative AI services into a magazine site."""
    ctx.obj = Options(root=root, verbose=verbose)


@main.command()
@pass_options
def check(options: Options) -> None:
    """Validate mkdocs.yml, the registries and every entry; fetch nothing."""
    magazine = orchestrator.check(options.root)
    for warning in magazine.warnings:
        say(warning.render(magazine.settings.language), err=True, lines=True)
    words = terminal_words(magazine.settings.language)
    found = (magazine.entries, magazine.services, magazine.comparisons)
    forms = (words.entries, words.services, words.comparisons)
    counts = (words.count(len(items), form) for items, form in zip(found, forms, strict=True))
    say(words.check_ok.format(counts=", ".join(counts)))


@main.command()
@click.option("--service", required=True, help="Service key from entries/services.yml.")
@click.option("--prompt", help="The prompt as sent.")
@click.option(
    "--prompt-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read the prompt from a UTF-8 file (or pipe it on stdin).",
)
@click.option("--title", help="Page title (default: the prompt's first words).")
@click.option(
    "--now", "now_text", metavar="TIME", help="Submission time (ISO 8601) instead of now."
)
@click.option("--experiment", metavar="KEY", help="Group it with other entries of this key.")
@click.option("--model", help="Model or version as the service labels it.")
@click.option("--plan", help="The access you had: free, trial, paid, credits, ...")
@click.option("--promised-wait", metavar="DURATION", help="What the service promised: 3h, 2d.")
@click.option(
    "--status",
    type=click.Choice([s.value for s in Status if s is not Status.DELIVERED]),
    default=Status.PENDING.value,
    show_default=True,
    help="Where the attempt stands.",
)
@pass_options
def new(
    options: Options,
    service: str,
    prompt: str | None,
    prompt_file: Path | None,
    title: str | None,
    now_text: str | None,
    experiment: str | None,
    model: str | None,
    plan: str | None,
    promised_wait: str | None,
    status: str,
) -> None:
    """Write a new pending entry for a prompt just sent; print its path."""
    if prompt is not None and prompt_file is not None:
        raise UsageError(Message("usage.prompt_twice"))
    if prompt_file is not None:
        prompt = prompt_file.read_text(encoding="utf-8")
    elif prompt is None:
        if sys.stdin.isatty():
            raise UsageError(Message("usage.prompt_missing"))
        prompt = sys.stdin.read()
    now = _at(options.root, now_text) if now_text else None
    path = new_entry(
        options.root,
        service,
        prompt,
        title=title,
        now=now,
        experiment=experiment,
        model=model,
        plan=plan,
        promised_wait=promised_wait,
        status=Status(status),
    )
    say(path.resolve().relative_to(options.root.resolve()).as_posix())


@main.command()
@click.option(
    "--now",
    "now_text",
    metavar="TIME",
    help="Measure waits up to this time (ISO 8601, or now) instead of each entry's checked_at.",
)
@pass_options
def pending(options: Options, now_text: str | None) -> None:
    """List submissions still waiting, for how long (at least), against the promise."""
    magazine = load_magazine(options.root)
    now = _at(options.root, now_text) if now_text else None
    for line in pending_lines(waiting(magazine, now), magazine):
        say(line)


@main.command()
@click.option(
    "--write",
    "write_to",
    is_flag=False,
    flag_value=f"entries/{SCHEMA_FILE}",
    default=None,
    metavar="[PATH]",
    help=f"Write the schema to PATH, relative to the root (default entries/{SCHEMA_FILE}).",
)
@pass_options
def schema(options: Options, write_to: str | None) -> None:
    """Print the JSON Schema of an entry (for editor completion), or write it."""
    text = schema_text()
    if write_to is None:
        say(text, lines=True, nl=False)
        return
    target = options.root / write_to
    if not target.parent.is_dir():
        raise UsageError(Message("usage.no_folder", folder=str(target.parent), name=target.name))
    write_file(target, text)
    say(Message("cli.wrote", path=write_to).render(site_language(options.root)))


def _site_url(value: str | None) -> str | None:
    """`--site-url` checked as it is parsed: a bad address stops the command before any work."""
    if value is not None:
        orchestrator.check_site_url(value)
    return value


def _at(root: Path, text: str) -> datetime:
    """A time given on the command line (`now`, `지금`, ISO 8601), read in the magazine's zone."""
    try:
        return read_moment(text, load_settings(root).tzinfo)
    except ValueError as exc:
        raise UsageError(as_message(exc) or str(exc)) from None


@main.command()
@click.option("--offline", is_flag=True, help="Use archived copies only; download nothing.")
@click.option("--force", is_flag=True, help="Download again even when the archive has a copy.")
@click.option("-q", "--quiet", is_flag=True, help="No progress output.")
@pass_options
def fetch(options: Options, offline: bool, force: bool, quiet: bool) -> None:
    """Download and archive remote clips; record them in magazine.lock."""
    language = site_language(options.root)
    with progress_for(quiet=quiet, language=language) as progress:
        result = orchestrator.fetch(options.root, offline=offline, force=force, progress=progress)
    words = terminal_words(language)
    for warning in result.warnings:
        say(f"{words.warning}: {warning}", err=True)
    clips = words.count(result.downloaded, words.clips)
    say(words.fetched.format(clips=clips, reused=result.reused, failed=len(result.errors)))
    if result.errors:
        root = options.root.resolve()
        for error in result.errors:
            problem = locate(root, error.entry, error.field, failure_message(error))
            say(problem.render(site_language(root)), err=True, lines=True)
        sys.exit(1)


@main.command()
@click.option(
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to build the site (default: site_dir of mkdocs.yml, normally site/).",
)
@click.option("--offline", is_flag=True, help="Use archived copies of remote clips only.")
@click.option("-q", "--quiet", is_flag=True, help="No progress output.")
@click.option(
    "--site-url",
    metavar="URL",
    callback=lambda _ctx, _param, value: _site_url(value),
    help="The address the site is published at, for this build (overrides site_url).",
)
@pass_options
def build(
    options: Options, site_dir: Path | None, offline: bool, quiet: bool, site_url: str | None
) -> None:
    """Check, fetch, transcode, render and build the site."""
    with progress_for(quiet=quiet, language=site_language(options.root)) as progress:
        report = orchestrator.build(
            options.root, site_dir=site_dir, offline=offline, progress=progress, site_url=site_url
        )
    for line, err in build_summary(report):
        say(line, err=err)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to serve on.")
@click.option("--port", default=8000, show_default=True, help="Port to serve on.")
@click.option("--offline", is_flag=True, help="Use archived copies of remote clips only.")
@click.option(
    "--site", "built", is_flag=True, help="Serve the built site/ as published (no rebuilding)."
)
@pass_options
def serve(options: Options, host: str, port: int, offline: bool, built: bool) -> None:
    """Live preview: saving an entry or a page updates the site in the browser."""
    if built:
        orchestrator.serve_built(options.root, host=host, port=port)
        return
    with progress_for(language=site_language(options.root)) as progress:
        orchestrator.serve(options.root, host=host, port=port, offline=offline, progress=progress)


@main.command()
@click.option("--remote", default="origin", show_default=True, help="Git remote to push to.")
@click.option("--branch", default="gh-pages", show_default=True, help="Branch to publish.")
@click.option("--no-push", is_flag=True, help="Commit to the branch but do not push.")
@click.option("--offline", is_flag=True, help="Use archived copies of remote clips only.")
@click.option(
    "--site-url",
    metavar="URL",
    callback=lambda _ctx, _param, value: _site_url(value),
    help="The address the site is published at, for this build (overrides site_url).",
)
@pass_options
def deploy(
    options: Options, remote: str, branch: str, no_push: bool, offline: bool, site_url: str | None
) -> None:
    """Build the site and publish it on the gh-pages branch (GitHub Pages)."""
    language = site_language(options.root)
    with progress_for(language=language) as progress:
        report = orchestrator.deploy(
            options.root,
            remote=remote,
            branch=branch,
            push=not no_push,
            offline=offline,
            progress=progress,
            site_url=site_url,
        )
    where = branch if no_push else f"{remote}/{branch}"
    say(Message("cli.published", site=str(report.site_dir), where=where).render(language))


@main.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--lang", type=click.Choice(["ko", "en"]), default="ko", show_default=True)
@click.option("--timezone", "zone", default="Asia/Seoul", show_default=True, help="IANA zone.")
@click.option("--title", help="The magazine's name (site_name).")
@pass_options
def init(options: Options, directory: Path | None, lang: str, zone: str, title: str | None) -> None:
    """Start a magazine of your own in DIRECTORY (default: --root) that builds at once."""
    click.get_current_context().meta[_LANGUAGE] = lang
    target = directory if directory is not None else options.root
    for line in start_magazine(target, language=lang, timezone=zone, title=title):
        say(line)


_AT_HELP = "When it happened (ISO 8601, or now; default now, in the magazine's zone)."


@main.command()
@click.argument("entry")
@click.option("--clip", "clips", multiple=True, type=click.Path(path_type=Path), help="A file.")
@click.option("--url", "urls", multiple=True, help="A remote clip's address.")
@click.option("--at", "at_text", metavar="TIME", default="now", help=_AT_HELP)
@pass_options
def deliver(
    options: Options, entry: str, clips: tuple[Path, ...], urls: tuple[str, ...], at_text: str
) -> None:
    """The result of ENTRY arrived: status, delivered_at and its clips (copied next to it)."""
    desk = Desk(options.root)
    found = desk.find(entry)
    _echo(desk.deliver(found, _at(options.root, at_text), clips, urls))


@main.command()
@click.argument("entry")
@click.option("--at", "at_text", metavar="TIME", default="now", help=_AT_HELP)
@pass_options
def checked(options: Options, entry: str, at_text: str) -> None:
    """You looked and ENTRY is still open: checked_at, so the wait line advances."""
    desk = Desk(options.root)
    _echo(desk.checked(desk.find(entry), _at(options.root, at_text)))


@main.command()
@click.argument("entry")
@click.argument("status", type=click.Choice([s.value for s in MARKS]))
@click.option("--at", "at_text", metavar="TIME", default="now", help=_AT_HELP)
@pass_options
def mark(options: Options, entry: str, status: str, at_text: str) -> None:
    """ENTRY was waitlisted, paywalled, failed, refused or abandoned."""
    desk = Desk(options.root)
    _echo(desk.mark(desk.find(entry), Status(status), _at(options.root, at_text)))


@main.command()
@click.argument("entry")
@click.option(
    "--service", "services", multiple=True, metavar="KEY", help="Send to it (default: the same)."
)
@click.option("--at", "at_text", metavar="TIME", default="now", help=_AT_HELP)
@pass_options
def resend(options: Options, entry: str, services: tuple[str, ...], at_text: str) -> None:
    """ENTRY's prompt sent again: a new pending attempt in the same comparison."""
    desk = Desk(options.root)
    _echo(desk.resend(desk.find(entry), services, _at(options.root, at_text)))


def _echo(report: DeskReport) -> None:
    for line in report.lines:
        say(line, lines=True)


@main.group()
def media() -> None:
    """The media on S3-compatible object storage (extra.magazine.media_store)."""


@media.command("push")
@click.option("-q", "--quiet", is_flag=True, help="No progress output.")
@click.option(
    "--if-configured",
    is_flag=True,
    help="Do nothing (exit 0) when mkdocs.yml sets no media_store (for CI workflows).",
)
@pass_options
def media_push(options: Options, quiet: bool, if_configured: bool) -> None:
    """Upload what the last build's pages load from the store, then verify every object."""
    language = site_language(options.root)
    if if_configured and not load_settings(options.root.resolve()).media_store:
        say(Message("push.no_store").render(language))
        return
    with progress_for(quiet=quiet, language=language) as progress:
        report = publish.push(options.root, progress=progress)
    say(publish.push_summary(report, language))


@media.command("gc")
@click.option("--delete", is_flag=True, help="Delete the objects listed (after asking).")
@click.option("--yes", is_flag=True, help="With --delete: do not ask.")
@pass_options
def media_gc(options: Options, delete: bool, yes: bool) -> None:
    """List the store's objects under the prefix that no page loads; delete them on request."""
    language = site_language(options.root)

    def listed(garbage: Sequence[StoredObject]) -> bool:
        for item in garbage:
            say(f"{format_bytes(item.size):>10}  {item.key}")
        asked = Message("gc.confirm", count=len(garbage)).render(language)
        return yes or click.confirm(inert(asked), default=False)

    with progress_for(language=language) as progress:
        garbage, deleted = publish.collect_garbage(
            options.root, delete=delete, confirm=listed, progress=progress
        )
    for item in garbage if not delete or not garbage else ():
        say(f"{format_bytes(item.size):>10}  {item.key}")
    say(publish.garbage_summary(garbage, deleted, delete=delete, language=language))
