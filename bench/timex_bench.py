"""Score temporal-expression extraction and normalisation: storyline against dateparser, same gold, same run.

    PYTHONPATH=src python bench/timex_bench.py [--gold bench/data/timex_gold.jsonl] [--by-category] [--parse]
        [--errors SYSTEM]

``storyline`` is ``timex.find`` on bare text (tense from clause cue words); ``storyline+parse`` (--parse) is the
pipeline's call, with tense from the spaCy parse.

Protocol (bench/data/README_timex.md): strict span = exact (start, end); relaxed = overlap, each gold matched at
most once. Value accuracy = exact string equality, on relaxed-matched pairs, and over all determinable gold
expressions (a missed expression counts as wrong). "Invented years" counts predicted values that carry a calendar
year where the gold value has none (unknown year, unresolvable, duration, reference), plus predictions in snippets
without a publication date whose year is not written in the snippet.

dateparser baseline: ``search.search_dates(text, languages=["en"], settings=...)`` with
``RELATIVE_BASE`` = publication date at midnight (today when unknown: dateparser has no "no anchor" mode),
``PREFER_DATES_FROM = "past"``, ``RETURN_AS_TIMEZONE_AWARE = False``. Its matches carry no offsets, so each
found string is located left to right in the snippet. Its value is the returned datetime cut to the granularity
that dateparser itself reports for that string (``DateDataParser.get_date_data(...).period``: day, week, month,
year; a clock time in the string gives ``THH:MM``). It has no durations, sets or references.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import warnings
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

_YEAR = re.compile(r"^(\d{4})")


def load(path: Path) -> list[dict]:
    out = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise SystemExit(f"{path}:{n}: not a JSON line ({e})")
    return out


def run_storyline(rec: dict) -> list[tuple[int, int, str, str]]:
    from storyline import timex
    pub = date.fromisoformat(rec["published"]) if rec["published"] else None
    return [(t.start, t.end, t.type, t.value or "") for t in timex.find(rec["text"], pub)]


def run_storyline_parsed(rec: dict) -> list[tuple[int, int, str, str]]:
    """As the pipeline calls it: tense from the spaCy parse (dating.future_of)."""
    from storyline import nlp, timex
    from storyline.dating import future_of as _future_of
    pub = date.fromisoformat(rec["published"]) if rec["published"] else None
    doc = next(iter(nlp.parse([rec["text"]])))
    return [(t.start, t.end, t.type, t.value or "") for t in timex.find(rec["text"], pub, future_of=_future_of(doc))]


_DP = None


def run_dateparser(rec: dict) -> list[tuple[int, int, str, str]]:
    global _DP
    from dateparser import DateDataParser
    from dateparser.search import search_dates
    pub = datetime.fromisoformat(rec["published"]) if rec["published"] else datetime.now().replace(
        hour=0, minute=0, second=0, microsecond=0)
    settings = {"RELATIVE_BASE": pub, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(rec["text"], languages=["en"], settings=settings) or []
        ddp = DateDataParser(languages=["en"], settings=settings)
        out, pos = [], 0
        for s, dt in found:
            i = rec["text"].find(s, pos)
            if i < 0:
                i = rec["text"].find(s)
            if i < 0:
                continue
            pos = i + len(s)
            period = (ddp.get_date_data(s).period or "day") if s.strip() else "day"
            if re.search(r"\d\s*(?:am|pm|a\.m\.|p\.m\.)|\d:\d\d|noon|midnight", s, re.I):
                v, typ = dt.strftime("%Y-%m-%dT%H:%M"), "TIME"
            elif period == "year":
                v, typ = f"{dt.year}", "DATE"
            elif period == "month":
                v, typ = f"{dt.year}-{dt.month:02d}", "DATE"
            elif period == "week":
                y, w, _ = dt.isocalendar()
                v, typ = f"{y}-W{w:02d}", "DATE"
            else:
                v, typ = dt.date().isoformat(), "DATE"
            # search_dates keeps leading prepositions; the gold convention leaves them out.
            lead = re.match(r"(?i)(?:on|in|at|since|from|by|until|during)\s+", s)
            if lead and lead.end() < len(s):
                i += lead.end()
                s = s[lead.end():]
            out.append((i, i + len(s.rstrip()), typ, v))
    return out


def score(gold: list[dict], system) -> dict:
    c = Counter()
    cat = defaultdict(Counter)
    errors = []
    for rec in gold:
        pred = system(rec)
        gts = rec["timex"]
        c["pred"] += len(pred)
        c["gold"] += len(gts)
        c["det"] += sum(1 for g in gts if g["determinable"])
        # strict
        gs = {(g["start"], g["end"]) for g in gts}
        c["strict_tp"] += len({(p[0], p[1]) for p in pred} & gs)
        # relaxed, greedy by overlap order
        used = set()
        matched_pred = set()
        for g in gts:
            cat[g["category"]]["gold"] += 1
            best = None
            for k, p in enumerate(pred):
                if k in used or p[1] <= g["start"] or p[0] >= g["end"]:
                    continue
                ov = min(p[1], g["end"]) - max(p[0], g["start"])
                if best is None or ov > best[0]:
                    best = (ov, k)
            if best is None:
                if g["determinable"]:
                    errors.append((rec["id"], g["text"], g["value"], "MISSED", rec["text"]))
                continue
            used.add(best[1])
            matched_pred.add(best[1])
            p = pred[best[1]]
            c["rel_tp"] += 1
            cat[g["category"]]["found"] += 1
            c["type_ok"] += p[2] == g["type"]
            ok = p[3] == g["value"]
            c["val_ok"] += ok
            cat[g["category"]]["val_ok"] += ok
            if g["determinable"]:
                c["det_matched"] += 1
                c["det_ok"] += ok
            if not ok:
                errors.append((rec["id"], g["text"], g["value"], p[3], rec["text"]))
            if _YEAR.match(p[3]) and not _YEAR.match(g["value"]):
                c["invented"] += 1
        if rec["published"] is None:
            for k, p in enumerate(pred):
                m = _YEAR.match(p[3])
                if k not in matched_pred and m and m.group(1) not in rec["text"]:
                    c["invented"] += 1
    c["errors"] = errors
    c["cat"] = cat
    return c


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "bench" / "data" / "timex_gold.jsonl")
    ap.add_argument("--by-category", action="store_true")
    ap.add_argument("--errors", choices=["storyline", "dateparser", "storyline+parse"])
    ap.add_argument("--parse", action="store_true", help="also score storyline with tense from the spaCy parse")
    a = ap.parse_args(argv)
    if not a.gold.is_file():
        raise SystemExit(f"{a.gold}: gold file not found")
    gold = load(a.gold)
    res = {"storyline": score(gold, run_storyline), "dateparser": score(gold, run_dateparser)}
    if a.parse:
        res["storyline+parse"] = score(gold, run_storyline_parsed)
    n_gold = sum(len(r["timex"]) for r in gold)
    print(f"{len(gold)} snippets, {n_gold} gold expressions ({res['storyline']['det']} determinable)\n")
    print("| system | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 | type acc | "
          "value acc (matched) | value acc (determinable) | invented years |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, c in res.items():
        sp = prf(c["strict_tp"], c["pred"], c["gold"])
        rp = prf(c["rel_tp"], c["pred"], c["gold"])
        print(f"| {name} | " + " | ".join(f"{x:.3f}" for x in (*sp, *rp)) +
              f" | {c['type_ok'] / max(c['rel_tp'], 1):.3f} | {c['val_ok'] / max(c['rel_tp'], 1):.3f} | "
              f"{c['det_ok'] / max(c['det'], 1):.3f} | {c['invented']} |")
    if a.by_category:
        print("\n| category | gold | storyline found | storyline value ok | dateparser found | dateparser value ok |")
        print("|---|---:|---:|---:|---:|---:|")
        s, d = res["storyline"]["cat"], res["dateparser"]["cat"]
        for k in sorted(s):
            print(f"| {k} | {s[k]['gold']} | {s[k]['found']} | {s[k]['val_ok']} | {d[k]['found']} | "
                  f"{d[k]['val_ok']} |")
    if a.errors:
        print()
        for e in res[a.errors]["errors"]:
            print(" | ".join(map(str, e)))


if __name__ == "__main__":
    main()
