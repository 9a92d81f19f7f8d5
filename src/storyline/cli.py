"""Command line: ``storyline build PATH... --out DIR`` and friends (Typer + Rich)."""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn
from rich.text import Text
from rich.table import Table

from . import __version__

app = typer.Typer(add_completion=True, no_args_is_help=True,
                  help="Turn a pile of news articles into a sourced account: timeline, cast, claims, stories.")
err = Console(stderr=True)
DEBUG = False       # --debug: show the traceback of a failure (otherwise one line naming the file and reason)
EXIT_LOCKED = 3     # another build holds the output directory
EXIT_INTERRUPTED = 130
_INTERRUPT_SAID = False   # Typer turns a Ctrl-C outside our handlers (e.g. while importing spaCy) into a silent 130


def where(e: BaseException, fallback: str) -> str:
    """The file a failure is about: the one the OS error names, else what the caller was working on."""
    name = getattr(e, "filename", None)
    return str(name) if name else fallback


def reason(e: BaseException) -> str:
    if isinstance(e, OSError) and e.strerror:
        return e.strerror
    return f"{type(e).__name__}: {e}" if str(e) else type(e).__name__


def fail(e: BaseException, fallback: str, code: int = 1, label: str = "error") -> typer.Exit:
    """Print ``FILE: reason`` (and the traceback with --debug); the caller raises the returned Exit."""
    if DEBUG:
        err.print_exception(show_locals=False)
    err.print(f"[red]{label}:[/red] {where(e, fallback)}: {reason(e)}", soft_wrap=True, markup=True,
              highlight=False)
    return typer.Exit(code)


class RateColumn(ProgressColumn):
    """Items per second (rich's own speed columns are for bytes)."""

    def render(self, task) -> Text:
        return Text(f"{task.speed:.1f}/s" if task.speed else "", style="progress.data.speed")


def _version(value: bool):
    if value:
        print(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def main_opts(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                           help="Print the version and exit."),
              debug: bool = typer.Option(False, "--debug", help="Show the full traceback when a command fails.")):
    global DEBUG
    DEBUG = debug


@app.command()
def build(paths: List[Path] = typer.Argument(..., help="Files or directories (searched recursively)."),
          out: Path = typer.Option(Path("out"), "--out", "-o", help="Output directory."),
          quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or table."),
          as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON on stdout."),
          explain_cleaning: bool = typer.Option(False, "--explain-cleaning",
                                                help="List every paragraph that cleaning dropped, with the reason."),
          dates: Optional[int] = typer.Option(None, "--dates", min=1, help="Dates per story timeline (default: "
                                              "sized to the story)."),
          lines: Optional[int] = typer.Option(None, "--lines", min=1, help="Sentences per date (default: sized "
                                              "to the story)."),
          field_map: str = typer.Option("", "--field-map", help="JSON field names of another layout, e.g. "
                                        "'text=story.body,date=meta.published,records=data.items'."),
          backend: str = typer.Option("local", "--backend", help="Where per-article analysis runs: local "
                                      "(a process per core) or ray (Ray actors; pip install 'storyline\\[ray]')."),
          address: Optional[str] = typer.Option(None, "--address", help="Ray cluster address (default: start a "
                                                "local Ray, or join the one RAY_ADDRESS names)."),
          workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1, help="Worker processes or actors "
                                                "(default: every core; one for a small corpus)."),
          update: Optional[Path] = typer.Option(None, "--update", help="Add PATHS to the existing build in this "
                                                "directory: only new articles are analysed; writes whats_new.md.")):
    """Build storyline.json, timeline.md and storyline.db in OUT from the articles under PATHS."""
    out, fmap = _build_args(paths, out, field_map, backend, address, update)
    t0 = time.perf_counter()
    engine = {"backend": backend, "workers": workers, "address": address}
    result, written = _run_build(paths, out, fmap, engine, update, dates, lines,
                                 show=not quiet and not as_json)
    summary = result.summary()
    summary["seconds"] = round(time.perf_counter() - t0, 2)
    _report_build(result, written, summary, as_json, quiet, explain_cleaning)


def _build_args(paths, out, field_map, backend, address, update):
    """Usage errors, each before any work: (the output directory, the parsed --field-map)."""
    from .ingest import parse_field_map

    def usage(message):
        err.print(f"[red]error:[/red] {message}", soft_wrap=True)
        raise typer.Exit(2)

    if backend not in ("local", "ray"):
        usage(f"--backend must be local or ray, not {backend!r}")
    if address and backend != "ray":
        usage("--address needs --backend ray")
    if update is not None:
        out = update
        if not (update / "storyline.json").exists():
            usage(f"--update {update}: no build there to update (run `storyline build PATH... --out {update}` "
                  f"first)")
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        usage(f"no such file or directory: {', '.join(missing)}")
    try:
        return out, parse_field_map(field_map)
    except ValueError as e:
        usage(f"--field-map: {e}")


class _Where:
    """What a build is doing and on which file, for the message of a failure or an interrupt."""
    stage = "reading"
    current = ""


def _run_build(paths, out, fmap, engine, update, dates, lines, show):
    """Read, analyse (or update) and write under the output directory's lock; failures become one-line errors."""
    from .ingest import InputError, ingest
    from .outdir import OutDirLocked, lock
    from .output import write_all
    from .pipeline import analyse

    at = _Where()
    at.current = str(paths[0])

    def reading(f):
        at.current = f
        progress.advance(t_read)

    def analysing(a):
        at.current = a.source_path
        progress.advance(t_nlp)

    try:
        # The lock covers the whole build, so a second build into OUT stops at once, not after its analysis.
        with lock(out, on_stale=lambda pid: err.print(f"storyline: cleared a stale lock of build pid {pid} "
                                                      f"(killed) in {out}")), \
                Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                         TimeElapsedColumn(), console=err, disable=not show, transient=True) as progress:
            t_read = progress.add_task("reading", total=None)
            articles = ingest(paths, on_file=reading, field_map=fmap)
            at.stage, at.current = "analysing", "the first article"
            if update is not None:
                from .update import update as run_update
                t_nlp = progress.add_task("analysing new articles", total=None)
                return run_update(update, articles, on_article=analysing,
                                  on_total=lambda n: progress.update(t_nlp, total=n), **engine)
            # A rebuild into the same OUT reuses the stored analyses of unchanged articles (cache.py).
            t_nlp = progress.add_task("analysing", total=None)
            result = analyse(articles, on_article=analysing,
                             on_total=lambda n: progress.update(t_nlp, total=n), cache_dir=out, **engine)
            if dates or lines:
                from .timeline import attach
                attach(result, dates, lines)
            at.stage, at.current = "writing", str(out)
            return result, write_all(result, out)
    except OutDirLocked as e:
        err.print(f"[red]error:[/red] {e}", soft_wrap=True)
        raise typer.Exit(EXIT_LOCKED)
    except InputError as e:
        err.print(f"[red]error:[/red] {e}", soft_wrap=True)
        raise typer.Exit(2)
    except KeyboardInterrupt:
        # Plain write, not Rich: the interrupt may have landed inside a Rich render, which leaves its buffer open
        # and swallows every later print.
        global _INTERRUPT_SAID
        _INTERRUPT_SAID = True
        os.write(2, (f"storyline: interrupted while {at.stage}; {out} still holds the previous complete build "
                      f"(if any)\n").encode())
        raise typer.Exit(EXIT_INTERRUPTED)
    except Exception as e:  # a failure, not a usage error: say what and where
        after = "" if at.stage == "writing" else f" (while {at.stage}, after {at.current})"
        raise fail(e, str(out) if at.stage == "writing" else at.current, label="build failed" + after)


def _report_build(result, written, summary, as_json, quiet, explain_cleaning):
    """The summary (a table, or JSON on stdout), the skipped files, and with --explain-cleaning what was dropped."""
    if as_json:
        print(json.dumps({"summary": summary, "outputs": {k: str(v) for k, v in written.items()},
                          "skipped": [{"path": a.source_path, "reason": a.reason}
                                      for a in result.articles if a.status == "skipped"]}))
    elif not quiet:
        table = Table(title="storyline build", show_header=False)
        for k, v in summary.items():
            table.add_row(k, str(v))
        for k, v in written.items():
            table.add_row(k, str(v))
        Console().print(table)
        for a in result.articles:
            if a.status == "skipped":
                err.print(f"[yellow]skipped[/yellow] {a.source_path}: {a.reason}")
    if explain_cleaning:
        for a in result.articles:
            for d in a.dropped:
                print(f"{a.source_path}\t{d.reason}\t{d.text}")


@app.command()
def serve(out_dir: Path = typer.Argument(..., help="A build directory (holding storyline.db)."),
          host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; the default keeps it on this machine."),
          port: int = typer.Option(8000, "--port", "-p", help="Port to listen on."),
          build_from: Optional[List[Path]] = typer.Option(None, "--build", "-b",
                                                          help="Build these paths into OUT_DIR first (repeatable)."),
          quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors on the console."),
          token: Optional[str] = typer.Option(None, "--token", envvar="STORYLINE_TOKEN",
                                              help="Access token every request must carry (Bearer header, "
                                                   "?token= link, then a cookie). Env: STORYLINE_TOKEN."),
          user: Optional[str] = typer.Option(None, "--user", envvar="STORYLINE_USER",
                                             help="USER:PASSWORD for HTTP basic auth. Env: STORYLINE_USER."),
          no_auth: bool = typer.Option(False, "--no-auth", help="Serve a non-loopback address without a "
                                       "credential: anyone who reaches the port reads the build."),
          workers: int = typer.Option(1, "--workers", "-w", min=1, max=64,
                                      help="Server processes (each with its own answer cache); more than one "
                                           "helps under many concurrent readers, up to the number of cores.")):
    """Serve the web app (timelines, cast, claims, search, JSON API at /api) over a build.

    Bound to anything but loopback, it needs --token or --user (or an explicit --no-auth)."""
    from .web import SERVE_ENV, Credential, StoreMissing, create_app, serve_env
    credential = None
    if token and user:
        err.print("[red]error:[/red] give --token or --user, not both")
        raise typer.Exit(2)
    if token is not None:
        if len(token) < 8 or not all(c.isascii() and (c.isalnum() or c in "-_.~") for c in token):
            err.print("[red]error:[/red] --token: use at least 8 characters from A-Z a-z 0-9 - _ . ~")
            raise typer.Exit(2)
        credential = Credential(token=token)
    elif user is not None:
        try:
            credential = Credential.parse_user(user)
        except ValueError as e:
            err.print(f"[red]error:[/red] {e}")
            raise typer.Exit(2)
    if credential is None and not _loopback(host):
        if not no_auth:
            err.print(f"[red]error:[/red] --host {host} shares the build beyond this machine: give --token TOKEN "
                      f"or --user USER:PASSWORD (or --no-auth to serve it to anyone who can reach the port)",
                      soft_wrap=True)
            raise typer.Exit(2)
        err.print(f"[yellow]warning:[/yellow] --no-auth: anyone who can reach {host}:{port} reads this build")
    if build_from:
        build(build_from, out=out_dir, quiet=quiet, as_json=False, explain_cleaning=False, field_map="",
              backend="local", address=None, workers=None, update=None, dates=None, lines=None)
    import uvicorn
    try:
        web_app = create_app(out_dir, credential)
    except StoreMissing as e:
        err.print(f"[red]error:[/red] {e}", soft_wrap=True)
        raise typer.Exit(2)
    if not quiet:
        err.print(f"storyline: serving [bold]{out_dir}[/bold] at http://{host}:{port}/  (Ctrl-C to stop)"
                  + (f" with {workers} processes" if workers > 1 else ""))
    log_level = "warning" if quiet else "info"
    try:
        if workers > 1:
            # The app above only checked the build: uvicorn's workers each build their own from the factory.
            os.environ[SERVE_ENV] = serve_env(out_dir, credential)
            uvicorn.run("storyline.web:from_env", factory=True, workers=workers, host=host, port=port,
                        log_level=log_level)
        else:
            uvicorn.run(web_app, host=host, port=port, log_level=log_level)
    except (OSError, SystemExit) as e:   # port in use, address not available
        if isinstance(e, SystemExit) and not e.code:
            raise
        raise fail(e if isinstance(e, OSError) else RuntimeError("could not start the server (see above)"),
                   f"{host}:{port}")


def _loopback(host: str) -> bool:
    import ipaddress
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@app.command("export")
def export_cmd(out_dir: Path = typer.Argument(..., help="A build directory (holding storyline.json)."),
               fmt: str = typer.Option(..., "--format", "-f", help="md | csv | html | timelinejs | json"),
               out: Optional[Path] = typer.Option(None, "--out", "-o",
                                                  help="Where to write (a folder for csv); default inside OUT_DIR."),
               quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing on success."),
               as_json: bool = typer.Option(False, "--json", help="Print {format, path} as JSON on stdout.")):
    """Export a build: Markdown report, CSV tables, one offline HTML file, TimelineJS JSON, or JSON."""
    from .export import ExportError, export
    try:
        path = export(out_dir, fmt, out)
    except ExportError as e:
        err.print(f"[red]error:[/red] {e}", soft_wrap=True)
        raise typer.Exit(2)
    except Exception as e:   # cannot write the target, a broken store: name it
        raise fail(e, str(out or out_dir), label="export failed")
    if as_json:
        print(json.dumps({"format": fmt, "path": str(path)}))
    elif not quiet:
        err.print(f"wrote {fmt} export: [bold]{path}[/bold]")


from .eval_cli import eval_app  # noqa: E402  (issue 7: benchmark commands live in their own module)
app.add_typer(eval_app, name="eval")


def main():
    """Run the CLI: usage errors as Click prints them, Ctrl-C as a message and 130, any other failure as one line
    naming the file and the reason (a traceback only with --debug), never a bare traceback."""
    try:
        code = app(standalone_mode=False)
    except (KeyboardInterrupt, typer.Abort):
        os.write(2, b"storyline: interrupted\n")
        return EXIT_INTERRUPTED
    except typer.TyperException as e:
        if any(c.__name__ == "Abort" for c in type(e).__mro__):   # Click's Abort: Ctrl-C outside a build
            os.write(2, b"storyline: interrupted\n")
            return EXIT_INTERRUPTED
        if hasattr(e, "show"):            # usage errors, as Click prints them
            e.show()
            return getattr(e, "exit_code", 2)
        fail(e, "storyline")
        return 2
    except Exception as e:
        fail(e, " ".join(sys.argv[1:3]) or "storyline", label="failed")
        return 1
    if code == EXIT_INTERRUPTED and not _INTERRUPT_SAID:
        os.write(2, b"storyline: interrupted\n")
    return code if isinstance(code, int) else 0


if __name__ == "__main__":
    sys.exit(main())
