"""Validate the real-article label files (issue 13): schema, enum values, and raw[start:end] == text.

    PYTHONPATH=src python bench/real_check.py [DIR ...] [--shared PATH]

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


def shared_root(arg: str | None = None) -> Path:
    return Path(arg or os.environ.get("STORYLINE_SHARED") or ROOT.parent / "shared") / "datasets" / "t17"


def _fields(obj: dict, spec: dict, where: str) -> list[str]:
    errs = [f"{where}: missing field {k!r}" for k in spec if k not in obj]
    errs += [f"{where}: field {k!r} has type {type(obj[k]).__name__}" for k, t in spec.items()
             if k in obj and (isinstance(obj[k], bool) and t is int or not isinstance(obj[k], t))]
    errs += [f"{where}: unknown field {k!r}" for k in obj if k not in spec]
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
        errs += _fields(e, EVENT, w) or _span(raw, e["start"], e["end"], e["text"], w)
        if not _date(e.get("date")):
            errs.append(f"{w}: date {e.get('date')!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        h = e.get("happening")
        if h is not None and h.count(":") < 2:
            errs.append(f"{w}: happening {h!r} is not <topic>:<date|undated>:<slug>")
    for i, c in enumerate(d["claims"]):
        w = f"{name} claims[{i}]"
        fe = _fields(c, CLAIM, w)
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
        errs += _fields(p, {"kind": str, "a": str, "b": str, "note": str}, w)
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
    for f in files:
        for i, p in enumerate(by_name[f.name].get("pairs", [])):
            for side in ("a", "b"):
                v = str(p.get(side, ""))
                if "#" in v:
                    other, idx = v.split("#", 1)
                    if other not in by_name or not idx.isdigit() or int(idx) >= len(by_name[other]["claims"]):
                        errs.append(f"{f.name} pairs[{i}]: {side}={v!r} points at no claim in the given dirs")
    return len(files), errs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="*", type=Path, default=[DEFAULT_DIR])
    ap.add_argument("--shared", help="the workspace's shared/ folder (default ../shared or STORYLINE_SHARED)")
    args = ap.parse_args(argv)
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
