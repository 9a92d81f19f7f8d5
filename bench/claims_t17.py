"""Stance of plain "said" claims on real news: Timeline17 development articles.

A reporting verb "say" is neutral: the claim it reports is an assertion unless its own words deny the matter at
issue (a negated act of the speaker's own) or accuse someone. Most plain "said" claims in news are assertions, so a
high share of denials or allegations among them shows stance read from stray keywords ("not", "never", "fraud").
No gold labels here: the figure is the share of "said" claims (direct quotes and reported speech separately) that
come out denies / alleges / rejects, and ``--sample N`` prints N of those for a reader to check by hand.

Articles: every k-th of the sorted .htm.txt paths under the dataset (spread over topics and outlets), read through
storyline's own ingest. Skips with a reason when the dataset is absent.

Run: PYTHONPATH=src python bench/claims_t17.py [--n 600] [--sample 20] [--t17 ../shared/datasets/t17]
"""
from __future__ import annotations

import argparse
import os
import random
import sys
from collections import Counter
from pathlib import Path

from storyline import claims as claims_mod
from storyline import nlp
from storyline.ingest import ingest


def main(n: int = 600, sample: int = 0, t17: Path | None = None) -> dict:
    t17 = t17 or Path(os.environ.get("STORYLINE_SHARED", Path(__file__).resolve().parents[2] / "shared")) / \
        "datasets" / "t17"
    files = sorted(t17.glob("*/InputDocs/*/*.htm.txt"))
    if not files:
        print(f"skipped: no Timeline17 articles under {t17}")
        return {}
    step = max(len(files) // n, 1)
    picked = files[::step][:n]
    arts = [a for a in ingest(picked) if a.status == "ingested" and a.text]
    tally: dict[str, Counter] = {"direct": Counter(), "reported": Counter()}
    flagged = []
    for a, doc in zip(arts, nlp.parse(a.text for a in arts)):
        sents = nlp.sentences(a, doc)
        for c in claims_mod.extract(a.id, doc, sents, nlp.mentions(a, doc, sents)):
            if c.verb != "say":
                continue
            tally[c.kind][c.stance] += 1
            if c.stance in ("denies", "alleges", "rejects"):
                flagged.append((a.source_path, c))
    out = {}
    print(f"{len(arts)} articles; claims with the reporting verb 'say':")
    for kind, t in tally.items():
        total = sum(t.values())
        shares = {s: t[s] / total if total else 0.0 for s in ("denies", "alleges", "rejects")}
        out[kind] = {"n": total, **shares}
        print(f"  {kind}: {total}; denies {shares['denies']:.1%} ({t['denies']}), alleges {shares['alleges']:.1%} "
              f"({t['alleges']}), rejects {shares['rejects']:.1%} ({t['rejects']})")
    if sample and flagged:
        random.seed(17)
        for path, c in random.sample(flagged, min(sample, len(flagged))):
            print(f"- {c.stance} | {c.speaker_text!r} | {c.content[:160]!r} | {Path(path).relative_to(t17)}")
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=600)
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--t17", type=Path, default=None)
    args = ap.parse_args()
    main(args.n, args.sample, args.t17)
    sys.exit(0)
