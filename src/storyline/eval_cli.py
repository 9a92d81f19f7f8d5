"""``storyline eval ...``: benchmark commands, kept apart from the build commands."""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

eval_app = typer.Typer(no_args_is_help=True, help="Evaluate against research benchmarks.")
err = Console(stderr=True)


@eval_app.command("tls")
def tls_cmd(path: Path = typer.Argument(..., help="A Timeline17-layout folder (<topic>_<outlet>/InputDocs/...)."),
            json_out: Optional[Path] = typer.Option(None, "--json", help="Write per-timeline and mean figures here."),
            topic: Optional[List[str]] = typer.Option(None, "--topic", help="Only these topics or outlet folders (repeatable)."),
            rouge: str = typer.Option("original", "--rouge",
                                      help="tilse ROUGE: 'original' (the Perl ROUGE-1.5.5) or 'reimpl' (its Python "
                                           "re-implementation, faster)."),
            merged: bool = typer.Option(False, "--merged", help="Merge the outlets of a topic (default: each gold "
                                                                "timeline over its own outlet folder, as DATEWISE.md)."),
            cv: bool = typer.Option(False, "--cv", help="Leave one topic out: parameters chosen on the other topics; "
                                                        "prints in-sample beside cross-validated figures."),
            cache: Path = typer.Option(Path(".cache/tls"), "--cache", help="Cache of the per-article analysis."),
            quiet: bool = typer.Option(False, "--quiet", "-q", help="No per-timeline lines.")):
    """Timeline summarisation on Timeline17: alignment-based ROUGE-1/2 F1 and date F1 (tilse), beside DATEWISE."""
    from .evaluate import DATEWISE, EvalError, evaluate, _mean

    if rouge not in ("original", "reimpl"):
        err.print(f"[red]error:[/red] --rouge must be 'original' or 'reimpl', not {rouge!r}")
        raise typer.Exit(2)
    t0 = time.perf_counter()
    f3 = lambda v: f"{v['rouge1']:.3f} / {v['rouge2']:.3f} / {v['date_f1']:.3f}"

    def progress(tp, name, sc):
        if not quiet:
            line = "  ".join(f"{k} {f3(v)}" for k, v in sc.items()) if cv else f3(sc)
            err.print(f"{name}: {line}", markup=False, highlight=False)
    try:
        res = evaluate(path, only=topic or None, rouge=rouge, on_timeline=progress, merged=merged, cv=cv,
                       cache=cache)
    except EvalError as e:
        err.print(f"[red]error:[/red] {e}", markup=True, highlight=False)
        raise typer.Exit(2)
    res["seconds"]["total"] = round(time.perf_counter() - t0, 1)
    table = Table(title=f"Timeline17 ({res['rouge']} ROUGE, {'merged outlets' if merged else 'per outlet folder'}):"
                        " AR-1 F1 / AR-2 F1 / date F1")
    table.add_column("timeline")
    cols = ["in-sample", "cross-validated"] if cv else ["storyline"]
    for c in cols:
        table.add_column(c)
    table.add_column("DATEWISE (same input)" if not merged else "DATEWISE (per folder)")
    dw_rows, ours = [], {c: [] for c in cols}
    for name, row in res["timelines"].items():
        folder = name.split("/")[0]
        vals = [row["in_sample"], row["cv"]] if cv else [row]
        dw = DATEWISE.get(folder)
        if dw:
            dw_rows.append(dict(zip(("rouge1", "rouge2", "date_f1"), dw)))
            for c, v in zip(cols, vals):
                ours[c].append(v)
        table.add_row(name, *(f3(v) for v in vals), f3(dw_rows[-1]) if dw else "-")
    if dw_rows:
        table.add_row(f"mean of the {len(dw_rows)} with DATEWISE figures", *(f3(_mean(ours[c])) for c in cols),
                      f3(_mean(dw_rows)))
    Console().print(table)
    if cv:
        err.print(f"in-sample configuration: {res['in_sample_config']}")
    err.print(f"seconds: {res['seconds']}")
    if json_out:
        json_out.write_text(json.dumps(res, indent=1, default=str))
