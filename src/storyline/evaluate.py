"""Timeline-summarisation evaluation on the Timeline17 layout, scored with the ``tilse`` package.

Protocol: by default DATEWISE's input as measured in ../shared/datasets/t17/DATEWISE.md (one outlet folder at a time);
``merged=True`` merges the outlets of a topic into one corpus (the TLS papers' protocol). Each gold timeline is
scored on its own, asking for as many dates as it has and its average number of sentences per date (rounded), with
the corpus and the candidate days limited to the gold timeline's first..last day. Metrics: alignment-based ROUGE-1
and ROUGE-2 F1 ("align, date-content costs, many-to-one") and date-selection F1.
"""
from __future__ import annotations

import json
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

from . import tls
from .model import Article


class EvalError(Exception):
    pass


def load_topics(root: str | Path, only: list[str] | None = None) -> dict[str, dict]:
    """{topic: {"articles": [...], "timelines": [(name, [(date, [sentences])])], "keywords": [...]}}."""
    root = Path(root)
    if not root.is_dir():
        raise EvalError(f"{root}: not a directory")
    folders = sorted(p for p in root.iterdir() if p.is_dir() and (p / "InputDocs").is_dir())
    if not folders:
        raise EvalError(f"{root}: no <topic>_<outlet>/InputDocs folders (expected the Timeline17 layout)")
    topics: dict[str, dict] = defaultdict(lambda: {"articles": [], "timelines": [], "keywords": []})
    for f in folders:
        topic = f.name.split("_")[0]
        if only and topic not in only:
            continue
        t = topics[topic]
        for day in sorted((f / "InputDocs").iterdir()):
            try:
                date.fromisoformat(day.name)
            except ValueError:
                raise EvalError(f"{day}: folder name is not a YYYY-MM-DD date")
        t["articles"] += folder_articles(f, root)
        tl_file = f / "timelines.jsonl"
        if not tl_file.is_file():
            raise EvalError(f"{tl_file}: missing gold timelines")
        for n, line in enumerate(tl_file.read_text(encoding="utf-8").splitlines()):
            if not line.strip():
                continue
            try:
                entries = [(date.fromisoformat(d[:10]), [s.strip() for s in ss]) for d, ss in json.loads(line)]
            except (ValueError, TypeError) as e:
                raise EvalError(f"{tl_file}:{n + 1}: not a list of [date, [sentences]] pairs ({e})")
            # A gold timeline may list a day twice: its entries are one day's summary.
            days: dict[date, list[str]] = defaultdict(list)
            for d, ss in entries:
                days[d] += ss
            t["timelines"].append((f"{f.name}/{n}", sorted(days.items())))
        kw = f / "keywords.json"
        if kw.is_file():
            t["keywords"] += [k for k in json.loads(kw.read_text()) if k not in t["keywords"]]
    return dict(topics)


def folder_articles(folder: Path, root: Path) -> list[Article]:
    """An outlet folder's articles as a build ingests them (detokenised, cleaned of page chrome and reader comments,
    glued stories split, near-copies set aside), so that the timeline scored is the one a build of the folder
    shows. Ids are the paths under the dataset root (``#2`` for the second story split off a page)."""
    from .ingest import ingest
    out = []
    for a in ingest([folder / "InputDocs"]):
        if a.status != "ingested":
            continue
        part = a.id.split("#", 1)[1] if "#" in a.id else ""
        a.id = str(Path(a.source_path).resolve().relative_to(root.resolve())) + (f"#{part}" if part else "")
        a.outlet = folder.name
        a.published = a.published or Path(a.source_path).parent.name   # the day folder, as DATEWISE reads it
        out.append(a)
    return sorted(out, key=lambda a: a.id)


def _tilse(entries):
    from tilse.data.timelines import Timeline
    return Timeline({d: list(ss) for d, ss in entries if ss})


def score(pred: list[tuple[date, list[str]]], gold: list[tuple[date, list[str]]], evaluator) -> dict:
    from tilse.data.timelines import GroundTruth
    from tilse.evaluation import dates as tdates

    p, g = _tilse(pred), GroundTruth([_tilse(gold)])
    if not p.get_dates():
        return {"rouge1": 0.0, "rouge2": 0.0, "date_f1": 0.0}
    r = evaluator.evaluate_align_date_content_costs_many_to_one(p, g)
    return {"rouge1": r["rouge_1"]["f_score"], "rouge2": r["rouge_2"]["f_score"],
            "date_f1": tdates.evaluate_dates(p, g)["f_score"]}


# The parameters ``--cv`` chooses from data, each on the topics other than the one scored: the date-ranking signal
# weights (mentions, publications on and after the day, date-graph PageRank), the mention density discount and the
# spread of the dates over the span. (What a mention counts and the date-vector cut were in this grid before;
# neither moved the figures by more than 0.002, see docs/timeline.md.)
GRID = [{"WEIGHTS": w, "DENSITY": dn, "SPREAD": sp}
        for w in ((1.0, 0.0, 0.0), (1.0, 0.3, 0.3)) for dn in (0.0, 0.25) for sp in (0.0, 0.25)]
DEFAULT_CACHE = Path(".cache") / "tls"     # gitignored; keyed by the hash of each article's text


def _with(cfg: dict):
    """Set tls's module parameters for one configuration; returns the previous values."""
    old = {k: getattr(tls, k) for k in cfg}
    for k, v in cfg.items():
        setattr(tls, k, v)
    return old


def units(topics: dict, merged: bool) -> list[dict]:
    """What is scored: every gold timeline, over the articles of its own outlet folder (DATEWISE's input) or, when
    ``merged``, of all the topic's outlets; clipped to the gold first..last day; length = the gold's distinct
    dates and its rounded mean of sentences per date."""
    out = []
    for topic, t in sorted(topics.items()):
        for name, gold in t["timelines"]:
            folder = name.split("/")[0]
            span = (gold[0][0], gold[-1][0])
            arts = [a for a in t["articles"] if (merged or a.outlet == folder)
                    and span[0] <= date.fromisoformat(a.published) <= span[1]]
            out.append({"topic": topic, "name": name, "folder": folder, "gold": gold, "span": span,
                        "articles": arts, "keywords": t["keywords"], "n_dates": len(gold),
                        "per_date": max(1, round(sum(len(ss) for _d, ss in gold) / len(gold)))})
    return out


def run_unit(u: dict, reading: dict, cfg: dict | None = None) -> list[tuple[date, list[str]]]:
    old = _with(cfg or {})
    try:
        sents = tls.sentences(u["articles"], reading)
        # No focus words: keywords.json holds the folder's topic label ("H1N1", "Finan"), not a reader's query,
        # and a build uses none; scoring with them kept only lines that name "H1N1" (the background explainers).
        tl = tls.summarise(u["articles"], u["n_dates"], u["per_date"], span=u["span"], sents=sents)
    finally:
        _with(old)
    return [(d, [ln.text for ln in ls]) for d, ls in tl]


def evaluate(root: str | Path, only: list[str] | None = None, rouge: str = "original", on_timeline=None,
             merged: bool = False, cv: bool = False, cache: str | Path | None = DEFAULT_CACHE) -> dict:
    """Score storyline's timelines (the ones a build shows, :func:`tls.summarise`) against the gold ones.

    With ``cv``: every configuration of GRID is scored on every timeline; the in-sample figure of a timeline uses
    the configuration best on all topics, the cross-validated one the configuration best on the other topics
    (leave one topic out). Best = highest mean of AR-1 + AR-2 + date F1 over those topics' timelines."""
    from tilse.evaluation import rouge as trouge

    evaluator = trouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"], rouge_computation=rouge)
    t0 = time.perf_counter()
    # ``only`` names topics ("bpoil") or outlet folders ("bpoil_bbc").
    us = units(load_topics(root, sorted({o.split("_")[0] for o in only}) if only else None), merged)
    folders = {o for o in only or [] if "_" in o}
    if folders:
        us = [u for u in us if u["folder"] in folders or u["topic"] not in {f.split("_")[0] for f in folders}]
    reading = tls.read_cached([a for a in {a.id: a for u in us for a in u["articles"]}.values()], cache)
    t_read = time.perf_counter() - t0
    grid = GRID if cv else [{}]
    # The grid is compared with tilse's Python ROUGE (fast); the figures reported use ``rouge``.
    fit_eval = trouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"], rouge_computation="reimpl") \
        if cv else evaluator
    preds: dict[int, dict[str, list]] = {}
    fit: dict[int, dict[str, dict]] = {}
    t_sum = t_score = 0.0
    for i, cfg in enumerate(grid):
        preds[i], fit[i] = {}, {}
        for u in us:
            t1 = time.perf_counter()
            preds[i][u["name"]] = run_unit(u, reading, cfg)
            t_sum += time.perf_counter() - t1
            t1 = time.perf_counter()
            fit[i][u["name"]] = score(preds[i][u["name"]], u["gold"], fit_eval) | {"dates": u["n_dates"],
                                                                                    "per_date": u["per_date"]}
            t_score += time.perf_counter() - t1
            if on_timeline and not cv:
                on_timeline(u["topic"], u["name"], fit[i][u["name"]])
    out: dict = {"timelines": {}, "rouge": rouge, "merged": merged}
    if cv:
        best = lambda names: choose(fit, names)
        final: dict[tuple[int, str], dict] = {}

        def scored(i, u):
            if (i, u["name"]) not in final:
                final[(i, u["name"])] = score(preds[i][u["name"]], u["gold"], evaluator)
            return final[(i, u["name"])]
        ins = best([u["name"] for u in us])
        out["in_sample_config"] = _cfg_str(grid[ins])
        for u in us:
            held = best(others(us, u))
            t1 = time.perf_counter()
            row = {"in_sample": scored(ins, u), "cv": scored(held, u), "cv_config": _cfg_str(grid[held])}
            t_score += time.perf_counter() - t1
            out["timelines"][u["name"]] = row
            if on_timeline:
                on_timeline(u["topic"], u["name"], {"in-sample": row["in_sample"], "cv": row["cv"]})
        out["mean"] = {"in_sample": _mean([r["in_sample"] for r in out["timelines"].values()]),
                       "cv": _mean([r["cv"] for r in out["timelines"].values()])}
    else:
        out["timelines"] = fit[0]
        out["mean"] = _mean(list(fit[0].values()))
    out["seconds"] = {"read": round(t_read, 1), "summarise": round(t_sum, 1), "score": round(t_score, 1)}
    return out


def choose(fit: dict[int, dict[str, dict]], names: list[str]) -> int:
    """The configuration with the highest mean AR-1 + AR-2 + date F1 over the timelines ``names`` (ties: the
    first)."""
    return max(sorted(fit), key=lambda i: (sum(fit[i][n]["rouge1"] + fit[i][n]["rouge2"] + fit[i][n]["date_f1"]
                                               for n in names), -i))


def others(us: list[dict], u: dict) -> list[str]:
    """The timelines a held-out one's parameters are fitted on: those of every other topic."""
    return [v["name"] for v in us if v["topic"] != u["topic"]]


def _cfg_str(cfg: dict) -> str:
    return " ".join(f"{k.lower()}={v}" for k, v in cfg.items()) or "defaults"


# DATEWISE run with its own code on the same timelines and input (../shared/datasets/t17/DATEWISE.md, setting a):
# the figures to beat, shown beside storyline's per folder.
DATEWISE = {"Finan_washingtonpost": (0.1193, 0.0255, 0.7287), "H1N1_bbc": (0.1983, 0.0497, 0.8571),
            "H1N1_guardian": (0.1580, 0.0573, 0.7500), "H1N1_reuters": (0.1108, 0.0319, 0.7333),
            "bpoil_bbc": (0.1923, 0.0687, 0.6042), "bpoil_foxnews": (0.1152, 0.0208, 1.0000),
            "bpoil_guardian": (0.1956, 0.0726, 0.6569), "bpoil_reuters": (0.0587, 0.0163, 0.2500),
            "bpoil_washingtonpost": (0.0546, 0.0106, 0.4167), "haiti_bbc": (0.2468, 0.0900, 0.9091)}


def _mean(rows: list[dict]) -> dict:
    keys = ("rouge1", "rouge2", "date_f1")
    return {k: (sum(r[k] for r in rows) / len(rows) if rows else 0.0) for k in keys}
