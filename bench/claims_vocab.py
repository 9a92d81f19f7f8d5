"""Speech verbs claims.py may lack: the verbs that take a finite "that" clause with a subject, counted over
Timeline17 articles outside the labelled real set (so the check is not read from the gold), less the verbs
claims.py already knows. A vocabulary check to read by hand: most verbs it lists are thought or perception ("know",
"see", "mean"), not speech.

    PYTHONPATH=src python bench/claims_vocab.py [--shared PATH] [--exclude LIST] [--n 250] [--seed 1]

--exclude: a file of article paths (relative to the dataset, one a line) to leave out as well, e.g. a held-out set
being labelled.
"""
from __future__ import annotations

import argparse
import json
import os
import random
from collections import Counter
from pathlib import Path

from storyline import claims, nlp

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", help="the workspace's shared/ folder (default ../shared or STORYLINE_SHARED)")
    ap.add_argument("--exclude", type=Path, help="file of article paths to leave out")
    ap.add_argument("--n", type=int, default=250, help="how many articles to read")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    t17 = Path(args.shared or os.environ.get("STORYLINE_SHARED") or ROOT.parent / "shared") / "datasets" / "t17"
    if not t17.is_dir():
        print(f"skipped: the Timeline17 articles are not at {t17}")
        return 0
    skip = {json.loads(f.read_text("utf-8"))["path"] for f in (ROOT / "bench" / "data" / "real").glob("*.json")}
    if args.exclude:
        skip |= {line.strip() for line in args.exclude.read_text("utf-8").splitlines() if line.strip()}
    files = sorted(str(f.relative_to(t17)) for f in t17.glob("*/InputDocs/*/*.txt"))
    files = [f for f in files if f not in skip]
    random.Random(args.seed).shuffle(files)
    texts = [(t17 / f).read_text("utf-8", errors="replace") for f in files[:args.n]]
    known = claims.SAY | claims.THINK | claims.SPEAK_ON | claims.AS_VERBS
    count, example = Counter(), {}
    for doc in nlp.parse(texts):
        for t in doc:
            lemma = t.lemma_.lower()
            if t.pos_ != "VERB" or lemma in known or not any(c.dep_ == "nsubj" for c in t.children):
                continue
            if any(c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                   for c in t.children):
                count[lemma] += 1
                example.setdefault(lemma, " ".join(t.sent.text.split())[:120])
    print(f"{min(args.n, len(files))} articles; verbs with a that-clause not in claims.py's lists:")
    for lemma, n in count.most_common(40):
        print(f"{n:4d} {lemma:14s} {example[lemma]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
