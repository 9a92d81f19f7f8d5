"""Timeline-summarisation evaluation on the Timeline17 layout, scored with the ``tilse`` package.

Protocol (as in the TLS literature): the outlets of a topic are merged into one corpus; each gold timeline is
scored on its own, asking for as many dates as it has and its average number of sentences per date (rounded), with
the corpus and the candidate days limited to the gold timeline's first..last day. Metrics: alignment-based ROUGE-1
and ROUGE-2 F1 ("align, date-content costs, many-to-one") and date-selection F1.
"""
from __future__ import annotations

import json
import random
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

from . import tls
from .ingest.detok import normalise as detok
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
            for doc in sorted(day.iterdir()):
                rel = str(doc.relative_to(root))
                text = detok(doc.read_text(encoding="utf-8", errors="replace"))
                t["articles"].append(Article(rel, str(doc), text=text, outlet=f.name, published=day.name))
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


def random_baseline(sents, span, n_dates, per_date, seed=0):
    rng = random.Random(seed)
    days = sorted({s.published for s in sents if s.published and span[0] <= s.published <= span[1]})
    pick = sorted(rng.sample(days, min(n_dates, len(days))))
    by_day = defaultdict(list)
    for s in sents:
        by_day[s.published].append(s)
    return [(d, [s.text for s in rng.sample(by_day[d], min(per_date, len(by_day[d])))]) for d in pick]


def mention_baseline(sents, span, n_dates, per_date):
    """The most-mentioned days, each with the first sentences (in corpus order) that mention it."""
    by_day = defaultdict(list)
    for s in sents:
        for d in s.dates:
            if span[0] <= d <= span[1]:
                by_day[d].append(s)
    top = sorted(by_day, key=lambda d: (-len(by_day[d]), d))[:n_dates]
    return sorted((d, [s.text for s in by_day[d][:per_date]]) for d in top)


def evaluate(root: str | Path, only: list[str] | None = None, rouge: str = "original",
             on_timeline=None) -> dict:
    from tilse.evaluation import rouge as trouge

    evaluator = trouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"], rouge_computation=rouge)
    systems = ("storyline", "random", "most-mentioned")
    out: dict = {"topics": {}, "mean": {}, "timelines": {}, "seconds": {}}
    t_sum = t_score = 0.0
    per_tl = {s: [] for s in systems}
    for topic, t in sorted(load_topics(root, only).items()):
        t0 = time.perf_counter()
        sents = tls.sentences(t["articles"])
        t_sum += time.perf_counter() - t0
        rows = {s: [] for s in systems}
        for name, gold in t["timelines"]:
            span = (gold[0][0], gold[-1][0])
            n_dates = len(gold)
            per_date = max(1, round(sum(len(ss) for _d, ss in gold) / n_dates))
            t0 = time.perf_counter()
            inside = [a for a in t["articles"] if span[0] <= date.fromisoformat(a.published) <= span[1]]
            ids = {a.id for a in inside}
            sub = [s for s in sents if s.article in ids]
            ours = tls.summarise(inside, n_dates, per_date, keywords=t["keywords"], span=span, sents=sub,
                                 strict=False)
            t_sum += time.perf_counter() - t0
            preds = {"storyline": [(d, [ln.text for ln in ls]) for d, ls in ours],
                     "random": random_baseline(sub, span, n_dates, per_date),
                     "most-mentioned": mention_baseline(sub, span, n_dates, per_date)}
            t0 = time.perf_counter()
            for s in systems:
                sc = score(preds[s], gold, evaluator)
                rows[s].append(sc)
                per_tl[s].append(sc)
                out["timelines"].setdefault(s, {})[name] = sc | {"dates": n_dates, "per_date": per_date}
            t_score += time.perf_counter() - t0
            if on_timeline:
                on_timeline(topic, name, {s: rows[s][-1] for s in systems})
        out["topics"][topic] = {s: _mean(rows[s]) for s in systems}
    # The mean over all gold timelines, as the TLS papers report it; the mean of topic means beside it.
    out["mean_of_topics"] = {}
    for s in systems:
        out["mean"][s] = _mean(per_tl[s])
        out["mean_of_topics"][s] = _mean([out["topics"][tp][s] for tp in out["topics"]])
    out["seconds"] = {"summarise": round(t_sum, 1), "score": round(t_score, 1)}
    out["rouge"] = rouge
    return out


def _mean(rows: list[dict]) -> dict:
    keys = ("rouge1", "rouge2", "date_f1")
    return {k: (sum(r[k] for r in rows) / len(rows) if rows else 0.0) for k in keys}
