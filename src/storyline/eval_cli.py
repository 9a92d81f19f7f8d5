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
            json_out: Optional[Path] = typer.Option(None, "--json", help="Write per-timeline, per-topic and mean "
                                                                        "figures to this file."),
            topic: Optional[List[str]] = typer.Option(None, "--topic", help="Only these topics (repeatable)."),
            rouge: str = typer.Option("original", "--rouge",
                                      help="tilse ROUGE: 'original' (the Perl ROUGE-1.5.5) or 'reimpl' (its Python "
                                           "re-implementation, faster)."),
            quiet: bool = typer.Option(False, "--quiet", "-q", help="No per-timeline lines.")):
    """Timeline summarisation on Timeline17: alignment-based ROUGE-1/2 F1 and date F1 (tilse), with baselines."""
    from .evaluate import EvalError, evaluate

    if rouge not in ("original", "reimpl"):
        err.print(f"[red]error:[/red] --rouge must be 'original' or 'reimpl', not {rouge!r}")
        raise typer.Exit(2)
    t0 = time.perf_counter()

    def progress(tp, name, sc):
        if not quiet:
            err.print(f"{name}: " + "  ".join(f"{s} R1 {v['rouge1']:.3f} R2 {v['rouge2']:.3f} D {v['date_f1']:.3f}"
                                               for s, v in sc.items()), markup=False, highlight=False)
    try:
        res = evaluate(path, only=topic or None, rouge=rouge, on_timeline=progress)
    except EvalError as e:
        err.print(f"[red]error:[/red] {e}", markup=True, highlight=False)
        raise typer.Exit(2)
    res["seconds"]["total"] = round(time.perf_counter() - t0, 1)
    table = Table(title=f"Timeline17 ({res['rouge']} ROUGE): AR-1 F1 / AR-2 F1 / date F1")
    table.add_column("topic")
    systems = list(res["mean"])
    for s in systems:
        table.add_column(s)
    fmt = lambda v: f"{v['rouge1']:.3f} / {v['rouge2']:.3f} / {v['date_f1']:.3f}"
    for tp, row in res["topics"].items():
        table.add_row(tp, *(fmt(row[s]) for s in systems))
    table.add_row("mean (timelines)", *(fmt(res["mean"][s]) for s in systems))
    table.add_row("mean (topics)", *(fmt(res["mean_of_topics"][s]) for s in systems))
    Console().print(table)
    err.print(f"seconds: {res['seconds']}")
    if json_out:
        # Keys `topics` and `mean` carry the system's figures directly; baselines sit beside them.
        out = {"topics": {tp: row["storyline"] for tp, row in res["topics"].items()},
               "mean": res["mean"]["storyline"],
               "mean_of_topics": res["mean_of_topics"]["storyline"],
               "timelines": res["timelines"]["storyline"],
               "baselines": {s: {"topics": {tp: row[s] for tp, row in res["topics"].items()}, "mean": res["mean"][s],
                                 "timelines": res["timelines"][s]} for s in systems if s != "storyline"},
               "rouge": res["rouge"], "seconds": res["seconds"]}
        json_out.write_text(json.dumps(out, indent=1))
