"""Candidate time expressions for labelling a real-text gold set (protocol in bench/data/timex_real/README.md).

    python bench/timex_real_candidates.py --mirror GIT_DIR --seed 3 --out /tmp/cands.jsonl

Candidates: every HeidelTime DATE/TIME span for the article, from the public news-tls-best repository
(dataset/Timeline17/<folder>/time_annotated/<date>/<id>.txt.timeml, read from a bare git mirror), aligned to the
raw file character by character with whitespace ignored, plus every match of a neutral pattern that HeidelTime did
not cover. Articles are drawn at random with a fixed seed, round-robin over the outlet folders, leaving out those
already in a gold set and those with more than 25 candidates. Nothing from storyline is imported or run: the
candidates must not depend on the system the set will score.
"""
from __future__ import annotations

import argparse
import html
import json
import random
import re
import subprocess
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data" / "timex_real"
T17 = ROOT.parent / "shared" / "datasets" / "t17"

MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
         r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# Deliberately system-neutral and broad: what a reader would stop at, not what any tagger handles.
NEUTRAL = re.compile(
    rf"\b{MONTH}|\b{WEEKDAY}\b|\b(?:1[5-9]\d\d|20\d\d)\b"
    r"|\b\d{1,2}[:.]\d\d(?:\s*(?:am|pm|a\.m\.|p\.m\.))?|\b\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{4}\s*GMT\b"
    r"|\b(?:today|yesterday|tomorrow|tonight)\b"
    r"|\b(?:last|next|this)\s+(?:week|weekend|month|year)\b"
    r"|\b(?:spring|summer|autumn|winter)\b|\b(?:this|last|next|the|in|early|late)\s+fall\b"
    r"|\b(?:\S+\s+){1,2}ago\b|\b(?:now|currently|recently)\b", re.I)
CASED = re.compile(rf"^(?:{MONTH}|{WEEKDAY})")  # month and weekday names only when capitalised ("may", "march")
TIMEX = re.compile(r'<TIMEX3 ([^>]*)>(.*?)</TIMEX3>', re.S)


def timeml_spans(timeml: str) -> tuple[str, list[tuple[int, int, str, str]]]:
    """Plain text of a TimeML document and its DATE/TIME spans (start, end, type, value) in that text."""
    body = timeml.split("<TimeML>", 1)[-1].rsplit("</TimeML>", 1)[0]
    out, spans, pos = [], [], 0
    for m in TIMEX.finditer(body):
        out.append(html.unescape(re.sub(r"<[^>]+>", "", body[pos:m.start()])))
        start = sum(map(len, out))
        inner = html.unescape(re.sub(r"<[^>]+>", "", m.group(2)))
        out.append(inner)
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        if attrs.get("type") in ("DATE", "TIME"):
            spans.append((start, start + len(inner), attrs["type"], attrs.get("value", "")))
        pos = m.end()
    out.append(html.unescape(re.sub(r"<[^>]+>", "", body[pos:])))
    return "".join(out), spans


def align(plain: str, raw: str) -> list[int] | None:
    """Map each non-space character of `plain` to its offset in `raw`; None when the texts differ."""
    a = [i for i, ch in enumerate(plain) if not ch.isspace()]
    b = [i for i, ch in enumerate(raw) if not ch.isspace()]
    if len(a) != len(b) or any(plain[i] != raw[j] for i, j in zip(a, b)):
        return None
    m = [-1] * (len(plain) + 1)
    for i, j in zip(a, b):
        m[i] = j
    return m


def candidates(raw: str, timeml: str) -> list[dict] | None:
    plain, spans = timeml_spans(timeml)
    m = align(plain, raw)
    if m is None:
        return None
    out = []
    for s, e, typ, val in spans:
        chars = [m[i] for i in range(s, e) if m[i] >= 0]
        if chars:
            out.append({"start": chars[0], "end": chars[-1] + 1, "heideltime": val, "ht_type": typ})
    for x in NEUTRAL.finditer(raw):
        if re.match(rf"(?i){MONTH}|{WEEKDAY}", x.group()) and not CASED.match(x.group()):
            continue
        if not any(x.start() < c["end"] and c["start"] < x.end() for c in out):
            out.append({"start": x.start(), "end": x.end(), "heideltime": None, "ht_type": None})
    for c in out:
        c["text"] = raw[c["start"]:c["end"]]
    return sorted(out, key=lambda c: c["start"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mirror", type=Path, required=True, help="bare git dir of news-tls-best")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--articles", type=int, default=30)
    ap.add_argument("--min-ht", type=int, default=300, help="keep drawing until HeidelTime has this many values")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    used = {json.loads(x)["path"] for f in DATA.glob("gold_*.jsonl") for x in f.read_text("utf-8").splitlines()
            if x.strip()}
    pool: dict[str, list[str]] = {}
    for folder in sorted(p.name for p in T17.iterdir() if (p / "InputDocs").is_dir()):
        paths = sorted(str(p.relative_to(T17)) for p in (T17 / folder / "InputDocs").glob("*/*.htm.txt"))
        pool[folder] = [p for p in paths if p not in used]
    rng = random.Random(args.seed)
    for paths in pool.values():
        rng.shuffle(paths)
    picked, n_ht, rows, skipped = [], 0, [], Counter()
    folders = sorted(pool)
    while len(picked) < args.articles or n_ht < args.min_ht:
        progressed = False
        for folder in folders:
            while pool[folder]:
                p = pool[folder].pop()
                parts = p.split("/")
                name = f"dataset/Timeline17/{parts[0]}/time_annotated/{parts[2]}/{parts[3][:-len('.htm.txt')]}.txt.timeml"
                r = subprocess.run(["git", f"--git-dir={args.mirror}", "show", f"HEAD:{name}"],
                                   capture_output=True, text=True)
                if r.returncode:
                    skipped["no timeml"] += 1
                    continue
                raw = (T17 / p).read_text(encoding="utf-8", errors="replace")
                cs = candidates(raw, r.stdout)
                if cs is None:
                    skipped["no alignment"] += 1
                    continue
                if len(cs) > 25:
                    skipped["over 25 candidates"] += 1
                    continue
                picked.append(p)
                n_ht += sum(1 for c in cs if c["heideltime"] and re.match(r"\d", c["heideltime"]))
                rows += [{"path": p, **c} for c in cs]
                progressed = True
                break
        if not progressed:
            break
    args.out.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    print(f"{len(picked)} articles, {len(rows)} candidates, {n_ht} HeidelTime calendar values; skipped {dict(skipped)}")


if __name__ == "__main__":
    main()
