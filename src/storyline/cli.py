"""Command line: ``storyline build PATH... --out DIR`` and friends (Typer + Rich)."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__

app = typer.Typer(add_completion=True, no_args_is_help=True,
                  help="Turn a pile of news articles into a sourced account: timeline, cast, claims, stories.")
err = Console(stderr=True)


def _version(value: bool):
    if value:
        print(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def main_opts(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                           help="Print the version and exit.")):
    pass


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
                                        "'text=story.body,date=meta.published,records=data.items'.")):
    """Build storyline.json, timeline.md and storyline.db in OUT from the articles under PATHS."""
    from .ingest import InputError
    from .pipeline import analyse
    from .ingest import ingest, parse_field_map
    from .output import write_all

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        err.print(f"[red]error:[/red] no such file or directory: {', '.join(missing)}")
        raise typer.Exit(2)
    try:
        fmap = parse_field_map(field_map)
    except ValueError as e:
        err.print(f"[red]error:[/red] --field-map: {e}")
        raise typer.Exit(2)
    t0 = time.perf_counter()
    show = not quiet and not as_json
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err, disable=not show, transient=True) as progress:
            t_read = progress.add_task("reading", total=None)
            articles = ingest(paths, on_file=lambda f: progress.advance(t_read), field_map=fmap)
            n = sum(1 for a in articles if a.status != "skipped")
            t_nlp = progress.add_task("analysing", total=n)
            result = analyse(articles, on_article=lambda a: progress.advance(t_nlp))
            if dates or lines:
                from .timeline import attach
                attach(result, dates, lines)
            written = write_all(result, out)
    except InputError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2)
    except Exception as e:  # a failure, not a usage error: say what and where
        err.print(f"[red]build failed:[/red] {type(e).__name__}: {e}")
        raise typer.Exit(1)
    summary = result.summary()
    summary["seconds"] = round(time.perf_counter() - t0, 2)
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
          quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors on the console.")):
    """Serve the web app (timelines, cast, claims, search, JSON API at /api, OpenAPI at /docs) over a build."""
    if build_from:
        build(build_from, out=out_dir, quiet=quiet, as_json=False, explain_cleaning=False, dates=None, lines=None)
    import uvicorn
    from .web import StoreMissing, create_app
    try:
        web_app = create_app(out_dir)
    except StoreMissing as e:
        err.print(f"[red]error:[/red] {e}", soft_wrap=True)
        raise typer.Exit(2)
    if not quiet:
        err.print(f"storyline: serving [bold]{out_dir}[/bold] at http://{host}:{port}/  (Ctrl-C to stop)")
    uvicorn.run(web_app, host=host, port=port, log_level="warning" if quiet else "info")


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
    if as_json:
        print(json.dumps({"format": fmt, "path": str(path)}))
    elif not quiet:
        err.print(f"wrote {fmt} export: [bold]{path}[/bold]")


from .eval_cli import eval_app  # noqa: E402  (issue 7: benchmark commands live in their own module)
app.add_typer(eval_app, name="eval")


def main():
    app()


if __name__ == "__main__":
    sys.exit(main())
