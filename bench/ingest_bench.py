"""Ingest benchmarks: HTML main text, publication dates, boilerplate removal, throughput. Prints tables.

    PYTHONPATH=src python bench/ingest_bench.py [--repeat 3]

Gold data: bench/data/html/ and bench/data/boilerplate/ (see bench/data/README_ingest.md). Every system is run on the
same pages in the same run; references (trafilatura alone, justext alone, htmldate alone) sit beside storyline.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.ingest import _outlet_key, _recurring_lines, ingest_raw  # noqa: E402
from storyline.ingest.clean import clean_text  # noqa: E402
from storyline.ingest.html import extract_html  # noqa: E402
from storyline.ingest.readers import RawDoc, parse_text  # noqa: E402

DATA = ROOT / "bench" / "data"


def tokens(text: str) -> list[str]:
    t = unicodedata.normalize("NFKC", text or "").lower()
    return re.findall(r"\w+", t)


def prf(pred: list[str], gold: list[str]) -> tuple[int, int, int]:
    """Bag-of-tokens overlap (clipped counts): (true positives, predicted, gold)."""
    c = Counter(pred) & Counter(gold)
    return sum(c.values()), len(pred), len(gold)


def fmt_prf(tp: int, np_: int, ng: int) -> tuple[float, float, float]:
    p = tp / np_ if np_ else 0.0
    r = tp / ng if ng else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def table(head: list[str], rows: list[list]) -> str:
    out = ["| " + " | ".join(head) + " |", "| " + " | ".join("---" for _ in head) + " |"]
    for r in rows:
        out.append("| " + " | ".join(f"{x:.3f}" if isinstance(x, float) else str(x) for x in r) + " |")
    return "\n".join(out)


# ---- systems for HTML main text -------------------------------------------------------------------------------

def storyline_html(name: str, page: str) -> tuple[str, str | None]:
    raw = extract_html(RawDoc(name, name, html=page, fmt="html"))
    if raw.skip:
        return "", None
    arts = [a for a in ingest_raw([raw]) if a.status != "skipped"]
    return "\n\n".join(a.text for a in arts), (arts[0].published if arts else None)


def trafilatura_alone(page: str) -> str:
    import trafilatura
    return trafilatura.extract(page) or ""


def trafilatura_precise(page: str) -> str:
    """trafilatura with the settings storyline uses, before storyline's cleaning: shows what cleaning adds."""
    import trafilatura
    return trafilatura.extract(page, favor_precision=True, deduplicate=False) or ""


def justext_alone(page: str, **kw) -> str:
    import justext
    paras = justext.justext(page.encode("utf-8"), justext.get_stoplist("English"), **kw)
    return "\n".join(p.text for p in paras if not p.is_boilerplate)


def htmldate_alone(page: str, extensive: bool = False) -> str | None:
    from htmldate import find_date
    try:
        return find_date(page, original_date=True, extensive_search=extensive)
    except Exception:
        return None


def bench_html() -> None:
    pages = sorted((DATA / "html").glob("page*.html"))
    gold_dates = json.loads((DATA / "html" / "dates.json").read_text())
    systems = {"storyline ingest": [0, 0, 0], "trafilatura alone (default)": [0, 0, 0],
               "trafilatura alone (favor_precision, as storyline calls it)": [0, 0, 0],
               "justext alone (English stoplist)": [0, 0, 0],
               "justext alone (English stoplist, length_high=100)": [0, 0, 0]}
    per_page_f1: dict[str, list[float]] = {k: [] for k in systems}
    date_sys = ["storyline ingest", "htmldate alone (extensive_search=False)", "htmldate alone (extensive_search=True)"]
    dates = {k: Counter() for k in date_sys}
    date_misses = []
    for p in pages:
        page = p.read_text(encoding="utf-8")
        gold = tokens(p.with_suffix(".txt").read_text(encoding="utf-8"))
        s_text, s_date = storyline_html(p.name, page)
        outs = {"storyline ingest": s_text, "trafilatura alone (default)": trafilatura_alone(page),
                "trafilatura alone (favor_precision, as storyline calls it)": trafilatura_precise(page),
                "justext alone (English stoplist)": justext_alone(page),
                # Its default needs one 200-character paragraph to anchor the article; many pages have none.
                "justext alone (English stoplist, length_high=100)": justext_alone(page, length_high=100)}
        for k, text in outs.items():
            tp, np_, ng = prf(tokens(text), gold)
            for i, v in enumerate((tp, np_, ng)):
                systems[k][i] += v
            per_page_f1[k].append(fmt_prf(tp, np_, ng)[2])
        g = gold_dates.get(p.name)
        got = dict(zip(date_sys, (s_date, htmldate_alone(page), htmldate_alone(page, True))))
        for k, d in got.items():
            dates[k]["correct" if d == g else ("invented" if g is None else ("missed" if d is None else "wrong"))] += 1
        if s_date != g:
            date_misses.append(f"{p.name}: gold {g}, storyline {s_date}")
    rows = []
    for k, (tp, np_, ng) in systems.items():
        p_, r_, f_ = fmt_prf(tp, np_, ng)
        rows.append([k, p_, r_, f_, sum(per_page_f1[k]) / len(pages), min(per_page_f1[k])])
    print(f"\n### HTML main text ({len(pages)} pages, token-level, micro-averaged)\n")
    print(table(["system", "precision", "recall", "F1", "mean page F1", "worst page F1"], rows))
    print(f"\n### Publication date ({len(pages)} pages, exact day)\n")
    print(table(["system", "correct", "accuracy", "wrong day", "none given (gold has one)", "invented (gold null)"],
                [[k, f"{v['correct']}/{len(pages)}", v["correct"] / len(pages), v["wrong"], v["missed"],
                  v["invented"]] for k, v in dates.items()]))
    for m in date_misses:
        print(f"- miss: {m}")


# ---- boilerplate removal --------------------------------------------------------------------------------------

def bench_boilerplate(show_errors: bool) -> None:
    labels: dict[str, dict[int, dict]] = {}
    for line in (DATA / "boilerplate_labels.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        labels.setdefault(r["file"], {})[r["index"]] = r
    files = sorted(labels)
    raws = [parse_text((DATA / "boilerplate" / f).read_text(encoding="utf-8"), f, f) for f in files]
    recurring = _recurring_lines(raws)
    # Confusion over units: gold (story | caption | boilerplate) x predicted (story | caption | drop).
    conf: Counter = Counter()
    by_kind: Counter = Counter()
    kind_total: Counter = Counter()
    errors = []
    for f, raw in zip(files, raws):
        c = clean_text(raw.text, recurring.get(_outlet_key(raw) or "", None))
        gold = labels[f]
        if len(c.trace) != len(gold):
            raise SystemExit(f"{f}: {len(c.trace)} traced lines, {len(gold)} labelled (header lines eaten?)")
        for i, t in enumerate(c.trace):
            g = gold[i]["label"]
            pred = "drop" if t.startswith("drop:") else t
            conf[(g, pred)] += 1
            if g == "boilerplate":
                kind_total[gold[i]["kind"]] += 1
                by_kind[gold[i]["kind"]] += pred == "drop"
            if (g == "boilerplate") != (pred == "drop") or (g == "caption") != (pred == "caption"):
                errors.append(f"{f}:{i} gold={g}/{gold[i]['kind']} pred={t} | {gold[i]['text'][:90]}")
    golds, preds = ("story", "caption", "boilerplate"), ("story", "caption", "drop")
    tp = conf[("boilerplate", "drop")]
    n_pred = sum(conf[(g, "drop")] for g in golds)
    n_gold = sum(conf[("boilerplate", p)] for p in preds)
    cap_tp = conf[("caption", "caption")]
    cap_pred = sum(conf[(g, "caption")] for g in golds)
    cap_gold = sum(conf[("caption", p)] for p in preds)
    story_gold = sum(conf[("story", p)] for p in preds)
    total = sum(conf.values())
    print(f"\n### Boilerplate removal ({len(files)} plain-text pages, {total} labelled lines)\n")
    bp, br, bf = fmt_prf(tp, n_pred, n_gold)
    cp, cr, cf = fmt_prf(cap_tp, cap_pred, cap_gold)
    print(table(["what", "precision", "recall", "F1", "counts"], [
        ["dropped lines = boilerplate", bp, br, bf, f"{tp} right of {n_pred} dropped; {n_gold} gold"],
        ["captions kept apart (first copy)", cp, cr, cf, f"{cap_tp} right of {cap_pred}; {cap_gold} gold"],
    ]))
    print(f"\nStory lines lost (dropped or taken as caption): "
          f"{conf[('story', 'drop')] + conf[('story', 'caption')]} of {story_gold}; "
          f"boilerplate left in story text: {conf[('boilerplate', 'story')]} of {n_gold}.\n")
    print(table(["gold \\ predicted"] + list(preds), [[g] + [conf[(g, p)] for p in preds] for g in golds]))
    print("\nRecall by boilerplate kind:\n")
    print(table(["kind", "dropped", "of", "recall"],
                [[k, by_kind[k], n, by_kind[k] / n] for k, n in kind_total.most_common()]))
    if show_errors:
        print("\nErrors:")
        for e in errors:
            print("-", e)


# ---- throughput ----------------------------------------------------------------------------------------------

def bench_speed(repeat: int) -> None:
    import trafilatura
    pages = [p.read_text(encoding="utf-8") for p in sorted((DATA / "html").glob("page*.html"))]
    texts = [(DATA / "boilerplate" / f.name).read_text(encoding="utf-8")
             for f in sorted((DATA / "boilerplate").glob("page*.txt"))]
    rows = []
    # Warm-up: language model and trafilatura's first-call setup are not per-article costs.
    ingest_raw([extract_html(RawDoc("w.html", "w.html", html=pages[0], fmt="html"))])
    t0 = time.perf_counter()
    for _ in range(repeat):
        for pg in pages:
            trafilatura.extract(pg, favor_precision=True, deduplicate=False)
    t_traf = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(repeat):
        raws = [extract_html(RawDoc(f"p{i}.html", f"p{i}.html", html=pg, fmt="html")) for i, pg in enumerate(pages)]
        ingest_raw(raws)
    t_sl = time.perf_counter() - t0
    n = repeat * len(pages)
    rows.append(["HTML pages", n, f"{n / t_sl:.1f}", f"{n / t_traf:.1f}", f"{t_traf / t_sl:.0%}"])
    t0 = time.perf_counter()
    for _ in range(repeat * 4):
        ingest_raw([parse_text(t, f"t{i}.txt", f"t{i}.txt") for i, t in enumerate(texts)])
    t_txt = time.perf_counter() - t0
    m = repeat * 4 * len(texts)
    rows.append(["plain-text pages", m, f"{m / t_txt:.1f}", "n/a", "n/a"])
    t17 = Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared")) / "datasets" / "t17" / "bpoil_bbc"
    if t17.is_dir():
        from storyline.ingest import ingest
        t0 = time.perf_counter()
        arts = ingest([t17 / "InputDocs"])
        t_t17 = time.perf_counter() - t0
        rows.append(["Timeline17 bpoil_bbc files (tokenised text, read from disk)", len(arts),
                     f"{len(arts) / t_t17:.1f}", "n/a", "n/a"])
    print(f"\n### Ingest throughput (one process on this machine, {repeat} passes over the pages)\n")
    print(table(["input", "articles", "storyline ingest (articles/s)", "trafilatura.extract alone (articles/s)",
                 "trafilatura's share of ingest time"], rows))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--errors", action="store_true", help="list each boilerplate line scored wrong")
    ap.add_argument("--only", choices=["html", "boilerplate", "speed"])
    a = ap.parse_args()
    if a.only in (None, "html"):
        bench_html()
    if a.only in (None, "boilerplate"):
        bench_boilerplate(a.errors)
    if a.only in (None, "speed"):
        bench_speed(a.repeat)


if __name__ == "__main__":
    main()
