"""Validate the real-article label files (issue 13): schema, enum values, and raw[start:end] == text.

    PYTHONPATH=src python bench/real_check.py [DIR ...] [--shared PATH]
    PYTHONPATH=src python bench/real_check.py --agree DIR_A DIR_B     # agreement on articles both label

Without DIR it checks bench/data/real. The offset check needs the Timeline17 text in ../shared (or
STORYLINE_SHARED); without it only the schema is checked, and the output says so.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT / "bench" / "data" / "real"
TYPES = {"person", "org", "place", "other"}
STANCES = {"asserts", "alleges", "denies", "declines"}
PAIR_KINDS = {"conflict", "update"}
TOP = {"path": str, "labeller": str, "labelled_at": str, "mentions": list, "events": list, "claims": list,
       "pairs": list, "alt": list}
MENTION = {"start": int, "end": int, "text": str, "type": str, "cluster": str}
EVENT = {"start": int, "end": int, "text": str, "what": str, "agent": (str, type(None)), "patient": (str, type(None)),
         "date_text": (str, type(None)), "date": (str, type(None)), "key": bool, "happening": (str, type(None))}
CLAIM = {"start": int, "end": int, "text": str, "speaker_start": (int, type(None)), "speaker_end": (int, type(None)),
         "speaker_text": (str, type(None)), "speaker_cluster": (str, type(None)), "anonymous": bool,
         "anon_description": (str, type(None)), "stance": str, "alt_stance": (str, type(None))}
DATE_SHAPES = (4, 7, 10)   # YYYY, YYYY-MM, YYYY-MM-DD
# Provenance of later passes over the set (README "Cross-article pass"): "added" marks an item a later pass added,
# "happening_added" an event whose happening id a later pass filled in. Optional, so first-pass files stay valid.
ADDED = {"added": str}
EVENT_ADDED = {"added": str, "happening_added": str}
PAIR = {"kind": str, "a": str, "b": str, "note": str}


def shared_root(arg: str | None = None) -> Path:
    return Path(arg or os.environ.get("STORYLINE_SHARED") or ROOT.parent / "shared") / "datasets" / "t17"


def _fields(obj: dict, spec: dict, where: str, optional: dict | None = None) -> list[str]:
    optional = optional or {}
    errs = [f"{where}: missing field {k!r}" for k in spec if k not in obj]
    errs += [f"{where}: field {k!r} has type {type(obj[k]).__name__}" for k, t in {**spec, **optional}.items()
             if k in obj and (isinstance(obj[k], bool) and t is int or not isinstance(obj[k], t))]
    errs += [f"{where}: unknown field {k!r}" for k in obj if k not in spec and k not in optional]
    return errs


def _span(raw: str | None, s: int, e: int, text: str, where: str) -> list[str]:
    if not 0 <= s < e:
        return [f"{where}: bad span [{s}, {e})"]
    if raw is not None and raw[s:e] != text:
        return [f"{where}: raw[{s}:{e}] = {raw[s:e]!r} != {text!r}"]
    return []


def _date(v: str | None) -> bool:
    if v is None:
        return True
    import datetime
    fmt = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}.get(len(v))
    try:
        return fmt is not None and datetime.datetime.strptime(v, fmt) is not None
    except ValueError:
        return False


def check_file(path: Path, t17: Path | None) -> list[str]:
    """Every problem found in one label file (empty when it is valid)."""
    name = path.name
    try:
        d = json.loads(path.read_text("utf-8"))
    except ValueError as exc:
        return [f"{name}: not JSON ({exc})"]
    errs = _fields(d, TOP, name)
    if errs:
        return errs
    folder, _, date, fname = (d["path"].split("/") + ["", "", "", ""])[:4]
    if name != f"{folder}__{date}__{fname.removesuffix('.txt')}.json":
        errs.append(f"{name}: file name does not follow <folder>__<date>__<name>.json for {d['path']}")
    raw = None
    if t17 is not None:
        p = t17 / d["path"]
        if not p.is_file():
            return errs + [f"{name}: article {d['path']} not found under {t17}"]
        raw = p.read_text(encoding="utf-8")
    for i, m in enumerate(d["mentions"]):
        w = f"{name} mentions[{i}]"
        errs += _fields(m, MENTION, w) or _span(raw, m["start"], m["end"], m["text"], w)
        if m.get("type") not in TYPES:
            errs.append(f"{w}: type {m.get('type')!r}")
    spans = [(m["start"], m["end"]) for m in d["mentions"] if isinstance(m.get("start"), int)]
    spans.sort()
    errs += [f"{name}: mentions overlap at {a} and {b}" for a, b in zip(spans, spans[1:]) if b[0] < a[1]]
    for i, e in enumerate(d["events"]):
        w = f"{name} events[{i}]"
        errs += _fields(e, EVENT, w, EVENT_ADDED) or _span(raw, e["start"], e["end"], e["text"], w)
        if not _date(e.get("date")):
            errs.append(f"{w}: date {e.get('date')!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        h = e.get("happening")
        if h is not None and h.count(":") < 2:
            errs.append(f"{w}: happening {h!r} is not <topic>:<date|undated>:<slug>")
    for i, c in enumerate(d["claims"]):
        w = f"{name} claims[{i}]"
        fe = _fields(c, CLAIM, w, ADDED)
        errs += fe
        if fe:
            continue
        errs += _span(raw, c["start"], c["end"], c["text"], w)
        if (c["speaker_start"] is None) != (c["speaker_end"] is None) or \
           (c["speaker_start"] is None) != (c["speaker_text"] is None):
            errs.append(f"{w}: speaker_start/end/text must be all set or all null")
        elif c["speaker_start"] is not None:
            errs += _span(raw, c["speaker_start"], c["speaker_end"], c["speaker_text"], w + " speaker")
        if c["stance"] not in STANCES or c["alt_stance"] not in STANCES | {None}:
            errs.append(f"{w}: stance {c['stance']!r} / alt {c['alt_stance']!r}")
        if c["anonymous"] != (c["anon_description"] is not None):
            errs.append(f"{w}: anonymous and anon_description disagree")
    happenings = {e["happening"] for e in d["events"] if isinstance(e, dict)}
    for i, p in enumerate(d["pairs"]):
        w = f"{name} pairs[{i}]"
        errs += _fields(p, PAIR, w, ADDED)
        if p.get("kind") not in PAIR_KINDS:
            errs.append(f"{w}: kind {p.get('kind')!r}")
        for side in ("a", "b"):
            v = str(p.get(side, ""))
            local = v.isdigit() and int(v) < len(d["claims"])
            if not (local or "#" in v or v in happenings or v.count(":") >= 2):
                errs.append(f"{w}: {side}={v!r} is not a claim index, <file>#<index> or a happening id")
    return errs


def check_dirs(dirs: list[Path], t17: Path | None) -> tuple[int, list[str]]:
    files = sorted(f for d in dirs for f in d.glob("*.json"))
    errs = [e for f in files for e in check_file(f, t17)]
    # A claim referenced across files must exist.
    by_name = {f.name: json.loads(f.read_text("utf-8")) for f in files}
    # A happening id on a pair side stands for every event with that id in any file, so it must name one.
    happenings = {e.get("happening") for d in by_name.values() for e in d.get("events", []) if isinstance(e, dict)}
    for f in files:
        for i, p in enumerate(by_name[f.name].get("pairs", [])):
            for side in ("a", "b"):
                v = str(p.get(side, ""))
                if "#" not in v and not v.isdigit() and v not in happenings:
                    errs.append(f"{f.name} pairs[{i}]: {side}={v!r} is the happening of no event in the given dirs")
                if "#" in v:
                    other, idx = v.split("#", 1)
                    if other not in by_name or not idx.isdigit() or int(idx) >= len(by_name[other]["claims"]):
                        errs.append(f"{f.name} pairs[{i}]: {side}={v!r} points at no claim in the given dirs")
    return len(files), errs


def _f1(a: int, b: int, both: int) -> float:
    return round(2 * both / (a + b), 3) if a + b else 1.0


def greedy_pairs(scored) -> list[tuple[int, int]]:
    """One-to-one matches from (score, i, j) candidates, best score first (real_bench.py uses it too)."""
    ui, uj, out = set(), set(), []
    for _, i, j in sorted(scored, reverse=True):
        if i not in ui and j not in uj:
            ui.add(i)
            uj.add(j)
            out.append((i, j))
    return out


def _pairs(xs: list[dict], ys: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one span matches, largest overlap first."""
    return [(xs[i], ys[j]) for i, j in greedy_pairs(
        (min(x["end"], y["end"]) - max(x["start"], y["start"]), i, j)
        for i, x in enumerate(xs) for j, y in enumerate(ys) if x["start"] < y["end"] and y["start"] < x["end"])]


def agreement(a: dict, b: dict) -> dict:
    """How two labellers' files for the same article agree: spans as F1 of one to the other (exact for mentions,
    overlap for events and claims), and the labels on the matched items as the share that agree."""
    ma = {(m["start"], m["end"]): m for m in a["mentions"]}
    mb = {(m["start"], m["end"]): m for m in b["mentions"]}
    both = ma.keys() & mb.keys()
    same_cluster = sum(1 for k1 in both for k2 in both if k1 < k2 and
                       (ma[k1]["cluster"] == ma[k2]["cluster"]) == (mb[k1]["cluster"] == mb[k2]["cluster"]))
    n_pairs = len(both) * (len(both) - 1) // 2
    ev = _pairs(a["events"], b["events"])
    cl = _pairs(a["claims"], b["claims"])

    def spk(x, y):
        if x["speaker_start"] is None or y["speaker_start"] is None:
            return x["speaker_start"] is None and y["speaker_start"] is None
        return x["speaker_start"] < y["speaker_end"] and y["speaker_start"] < x["speaker_end"]

    return {"mentions_F1": _f1(len(ma), len(mb), len(both)),
            "mention_type_agree": round(sum(ma[k]["type"] == mb[k]["type"] for k in both) / len(both), 3) if both else None,
            "coreference_pairs_agree": round(same_cluster / n_pairs, 3) if n_pairs else None,
            "events_F1": _f1(len(a["events"]), len(b["events"]), len(ev)),
            "event_key_agree": round(sum(x["key"] == y["key"] for x, y in ev) / len(ev), 3) if ev else None,
            "event_date_agree": round(sum(x["date"] == y["date"] for x, y in ev) / len(ev), 3) if ev else None,
            "claims_F1": _f1(len(a["claims"]), len(b["claims"]), len(cl)),
            "speaker_agree": round(sum(spk(x, y) for x, y in cl) / len(cl), 3) if cl else None,
            "stance_agree": round(sum(x["stance"] == y["stance"] for x, y in cl) / len(cl), 3) if cl else None,
            "counts": {"mentions": [len(ma), len(mb)], "events": [len(a["events"]), len(b["events"])],
                       "claims": [len(a["claims"]), len(b["claims"])]}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="*", type=Path, default=[DEFAULT_DIR])
    ap.add_argument("--shared", help="the workspace's shared/ folder (default ../shared or STORYLINE_SHARED)")
    ap.add_argument("--agree", nargs=2, type=Path, metavar=("DIR_A", "DIR_B"),
                    help="instead of checking: inter-labeller agreement on the articles both folders label")
    args = ap.parse_args(argv)
    if args.agree:
        fa = {f.name: f for f in args.agree[0].glob("*.json")}
        for f in sorted(args.agree[1].glob("*.json")):
            if f.name in fa:
                res = agreement(json.loads(fa[f.name].read_text("utf-8")), json.loads(f.read_text("utf-8")))
                print(f.name, json.dumps(res))
        return 0
    t17 = shared_root(args.shared)
    if not t17.is_dir():
        print(f"note: {t17} not found: checking the schema only, not the offsets against the article text")
        t17 = None
    n, errs = check_dirs(args.dirs, t17)
    for e in errs:
        print(e)
    print(f"{n} label files, {len(errs)} problems")
    return 1 if errs or not n else 0


if __name__ == "__main__":
    sys.exit(main())
