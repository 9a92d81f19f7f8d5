"""Time expressions on real news text: storyline, HeidelTime and dateparser on the same Timeline17 articles.

    PYTHONPATH=src python bench/timex_real_bench.py [--set A|B|...|Z|AA|AB|AC|AD|AE|AF|all|all3|...|all32] [--errors SYSTEM] [--t17 DIR]

Gold: bench/data/timex_real/gold_{A,...,K}.jsonl (protocol in bench/data/timex_real/README.md). Only annotations
are stored (path, offsets in the raw file text, expression, TIMEX3 type and value, HeidelTime's value, note); the
articles are read from ../shared/datasets/t17. Set A is for development; sets B, C and D were labelled
before storyline was run on their articles, and the first score of each is a held-out figure. "all" is A+B, as
the figures before set C were; "all3" is A+B+C; "all4" adds D; "all5" adds E; "all6" adds F; "all7" adds G; "all8" adds H; "all9" adds I; "all10" adds J; "all11" adds K; "all12" adds L; "all13" adds M; "all14" adds N; "all15" adds O; "all16" adds P; "all17" adds Q; "all18" adds R; "all19" adds S; "all20" adds T; "all21" adds U; "all22" adds V; and so on to "all26" (A to Z); after Z the sets are AA, AB, ... ("all27" adds AA, "all28" AB, "all29" AC, "all30" AD).

Scored: expressions with a calendar value (a year, month, day, ISO week or weekend, season, quarter, decade, or a
clock time on a day). Gold "VAGUE" entries (now, recently, centuries, durations, generic seasons) are left out for
every system; "NONE" entries are strings that look temporal but are not. Value precision = predictions with the
gold value / calendar predictions (a prediction overlapping no scored gold is wrong); recall = gold expressions
found with their value / gold expressions; wrong years = predictions overlapping a gold expression whose year
differs from the gold one, also per 500 gold expressions. Parts of day compare as their day ("2010-01-17TAF" as
"2010-01-17"); a decade "198X" as "198".

HeidelTime: its TIMEX3 values for these articles, from the public news-tls-best repository
(dataset/Timeline17/*/time_annotated), stored with the gold. dateparser: ``search_dates`` line by line with
RELATIVE_BASE = publication date, PREFER_DATES_FROM = "past", scored only on gold values it can produce (day,
month, year, ISO week, clock time).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import warnings
from collections import Counter
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT / "bench" / "data" / "timex_real"
T17 = ROOT.parent / "shared" / "datasets" / "t17"

CAL = re.compile(r"^(\d{2,4}|\d{4}-(?:\d\d|W\d\d|SP|SU|FA|WI|Q\d|H\d)(?:-\d\d|-WE)?)(?:T(?:\d\d:\d\d|MO|AF|EV|NI))?$")
DP_FORMS = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d(?:T\d\d:\d\d)?)?|-W\d\d)?$")


# After Z the sets are named AA, AB, ... (all27 = A to AA; all28 adds AB, all29 AC, all30 AD, all31 AE, all32 AF).
LETTERS = [*"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "AA", "AB", "AC", "AD", "AE", "AF"]
# Each set alone, "all" = A+B, and "allN" = the first N sets (all3 = A+B+C ... all17 = A to Q).
SETS = {**{x: [x] for x in LETTERS}, "all": ["A", "B"],
        **{f"all{n}": list(LETTERS[:n]) for n in range(3, len(LETTERS) + 1)}}


def load(which: str) -> list[dict]:
    out = []
    for s in SETS[which]:
        for n, line in enumerate((DATA / f"gold_{s}.jsonl").read_text("utf-8").splitlines(), 1):
            if line.strip():
                out.append(json.loads(line))
    return out


def norm(v: str | None) -> str | None:
    if not v:
        return None
    v = re.sub(r"T(?:MO|AF|EV|NI)$", "", v)
    v = re.sub(r"^(\d{3})X$", r"\1", v)
    return v if CAL.match(v) else None


def year(v: str) -> str:
    return v.split("-")[0]


def storyline_preds(paths: list[str], t17: Path) -> dict[str, list[tuple[int, int, str, str]]]:
    """The pipeline's call: detokenised text, spaCy parse for clause tense, the pipeline's anchor date."""
    from storyline import dating, nlp, timex
    from storyline.ingest import ingest
    from storyline.ingest.detok import detokenise, looks_tokenised
    from storyline.pipeline import anchor_of
    model = nlp.get_nlp()
    out = {}
    for p in paths:
        raw = (t17 / p).read_text(encoding="utf-8", errors="replace")
        text, pos = detokenise(raw) if looks_tokenised(raw) else (raw, list(range(len(raw) + 1)))
        doc = model(text)
        # The pipeline's anchor (the folder date, or a diary page's heading day), from the ingested article; the
        # expressions themselves are found on the raw file's text so that offsets map back to the gold.
        anchor = anchor_of(ingest([str(t17 / p)])[0])
        out[p] = [(pos[t.start], pos[t.end - 1] + 1, t.value or "", t.how)
                  for t in timex.find(text, anchor, future_of=dating.future_of(doc))]
    return out


def dateparser_preds(paths: list[str], t17: Path) -> dict[str, list[tuple[int, int, str, str]]]:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates
    out = {}
    for p in paths:
        raw = (t17 / p).read_text(encoding="utf-8", errors="replace")
        pub = datetime.fromisoformat(p.split("/")[2])
        settings = {"RELATIVE_BASE": pub, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
        ddp = DateDataParser(languages=["en"], settings=settings)
        preds, off = [], 0
        for line in raw.split("\n"):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                found = search_dates(line, languages=["en"], settings=settings) or []
            at = 0
            for s, dt in found:
                i = line.find(s, at)
                if i < 0:
                    continue
                at = i + len(s)
                period = (ddp.get_date_data(s).period or "day") if s.strip() else "day"
                if re.search(r"\d\s*(?:am|pm)|\d:\d\d", s, re.I):
                    v = dt.strftime("%Y-%m-%dT%H:%M")
                elif period == "year":
                    v = str(dt.year)
                elif period == "month":
                    v = f"{dt.year}-{dt.month:02d}"
                elif period == "week":
                    y, w, _ = dt.isocalendar()
                    v = f"{y}-W{w:02d}"
                else:
                    v = dt.date().isoformat()
                preds.append((off + i, off + i + len(s), v, "dateparser"))
            off += len(line) + 1
        out[p] = preds
    return out


def heideltime_preds(gold: list[dict]) -> dict[str, list[tuple[int, int, str, str]]]:
    out: dict[str, list] = {}
    for g in gold:
        out.setdefault(g["path"], [])
        if g.get("heideltime"):
            out[g["path"]].append((g["start"], g["end"], g["heideltime"], "HeidelTime"))
    return out


def score(gold: list[dict], preds: dict, only=None) -> tuple[Counter, list[str]]:
    """only(value) -> whether this system can produce the gold value (dateparser); others are left out."""
    c, errs = Counter(), []
    by_path: dict[str, list[dict]] = {}
    for g in gold:
        by_path.setdefault(g["path"], []).append(g)
    for p, gs in by_path.items():
        scored = [g for g in gs if g["type"] in ("DATE", "TIME") and (only is None or only(norm(g["value"])))]
        left_out = [g for g in gs if g not in scored and g["type"] != "NONE"]
        credited = set()
        c["gold"] += len(scored)
        for s, e, v, how in preds.get(p, []):
            nv = norm(v)
            if nv is None or any(s < g["end"] and g["start"] < e for g in left_out):
                continue
            hits = [g for g in scored if s < g["end"] and g["start"] < e]
            c["pred"] += 1
            ok = [g for g in hits if norm(g["value"]) == nv and id(g) not in credited]
            if ok:
                credited.add(id(ok[0]))
                c["correct"] += 1
                continue
            g = hits[0] if hits else None
            if g and year(norm(g["value"])) != year(nv):
                c["wrong_year"] += 1
            errs.append(f"{p} [{s}:{e}] pred {v} gold {g['value'] if g else 'none'} "
                        f"'{g['text'] if g else ''}' -- {how}")
        c["found"] += len(credited)
        for g in scored:
            if id(g) in credited:
                continue
            over = [(s, e, v) for s, e, v, *_ in preds.get(p, []) if s < g["end"] and g["start"] < e]
            if not over:
                errs.append(f"{p} [{g['start']}:{g['end']}] missed '{g['text']}' gold {g['value']}")
            elif all(norm(v) is None or any(s < x["end"] and x["start"] < e for x in left_out) for s, e, v in over):
                # a prediction with no calendar value, or one also over a VAGUE gold, is not counted above
                errs.append(f"{p} [{g['start']}:{g['end']}] missed '{g['text']}' gold {g['value']} "
                            f"(overlapped only by {', '.join(f'{v} [{s}:{e}]' for s, e, v in over)})")
    return c, errs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", default="B", choices=list(SETS))
    ap.add_argument("--errors", choices=["storyline", "HeidelTime", "dateparser"])
    ap.add_argument("--t17", type=Path, default=T17)
    ap.add_argument("--no-dateparser", action="store_true")
    args = ap.parse_args()
    if not args.t17.is_dir():
        print(f"skipped: Timeline17 articles not found at {args.t17} (only annotations are stored here)")
        return
    gold = load(args.set)
    paths = sorted({g["path"] for g in gold})
    systems = {"storyline": (storyline_preds(paths, args.t17), None),
               "HeidelTime": (heideltime_preds(gold), None)}
    if not args.no_dateparser:
        systems["dateparser"] = (dateparser_preds(paths, args.t17), lambda v: bool(v and DP_FORMS.match(v)))
    print(f"gold set {args.set}: {len(paths)} articles")
    print(f"{'system':12} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'wrong yr':>8} {'per 500':>7}")
    for name, (preds, only) in systems.items():
        c, errs = score(gold, preds, only)
        pr = c["correct"] / c["pred"] if c["pred"] else 0.0
        rc = c["found"] / c["gold"] if c["gold"] else 0.0
        print(f"{name:12} {c['gold']:5d} {c['pred']:5d} {pr:6.3f} {rc:6.3f} {c['wrong_year']:8d} "
              f"{500 * c['wrong_year'] / max(c['gold'], 1):7.1f}")
        if args.errors == name:
            print("\n".join(errs))


if __name__ == "__main__":
    main()
