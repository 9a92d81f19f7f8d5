"""Entity resolution against the labelled set in bench/data/entities (845 mentions, 25 documents).

Three resolvers in one run, each scored with pairwise precision/recall/F1 and B-cubed over the gold mentions of
people, organisations and places (the 36 ``other`` lines are left out, as the set's README allows):

* storyline on spaCy's mentions (end to end: a gold mention that no system mention overlaps stays a singleton),
* storyline on the gold mention spans (resolution alone: NER errors taken out; labels from the gold type),
* a plain exact-name baseline (same surface string = same entity) on both mention sets.

Description mentions ("the prosecutor") are found by storyline itself from the text in both runs; Part B has no
description labels, so system descriptions there are ignored. Run:

    PYTHONPATH=src python bench/resolve_bench.py [--shared /work/shared] [--errors]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from storyline import nlp, profile
from storyline.model import Article, Mention
from storyline.resolve import resolve

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data" / "entities"
LABEL = {"person": "PERSON", "organization": "ORG", "place": "GPE"}


def load(shared: Path):
    """Gold mentions and the texts of the 25 documents (Timeline17 read in place, never copied)."""
    t17 = shared / "datasets" / "t17"
    gold = [json.loads(line) for line in open(DATA / "mentions_gold.jsonl", encoding="utf-8")]
    texts = {}
    for g in gold:
        if g["doc"] in texts:
            continue
        path = DATA / "docs" / g["doc"] if g["corpus"] == "own" else t17 / g["doc"]
        if not path.is_file():
            sys.exit(f"missing document {path}: pass --shared or set STORYLINE_SHARED to the workspace's shared/")
        texts[g["doc"]] = path.read_text(encoding="utf-8")
    return gold, texts


def analyse(texts: dict[str, str]):
    """spaCy mentions and profile cues per document, as the pipeline makes them."""
    arts = [Article(id=d, source_path=d, text=t) for d, t in texts.items()]
    ments, cues = [], []
    for a, doc in zip(arts, nlp.parse(a.text for a in arts)):
        sents = nlp.sentences(a, doc)
        m = nlp.mentions(a, doc, sents)
        ments += m
        cues += profile.cues(a, doc, m)
    return arts, ments, cues


def gold_mentions(gold):
    """Gold name spans as Mentions (descriptions left to the system), with the sentence index taken from spaCy."""
    out = []
    for g in gold:
        if g["kind"] == "description" or g["type"] == "other":
            continue
        out.append(Mention(g["doc"], g["start"], g["end"], g["text"], LABEL[g["type"]]))
    return out


def align(gold, ments) -> dict[int, str]:
    """Gold index -> system entity: each gold mention takes the system mention that overlaps it most (one-to-one)."""
    by_doc = defaultdict(list)
    for m in ments:
        if m.entity:
            by_doc[m.article].append(m)
    out, used = {}, set()
    for gi, g in enumerate(gold):
        best, best_ov = None, 0
        for m in by_doc[g["doc"]]:
            ov = min(m.end, g["end"]) - max(m.start, g["start"])
            if ov > best_ov and id(m) not in used:
                best, best_ov = m, ov
        if best is not None:
            used.add(id(best))
            out[gi] = best.entity
    return out


def scores(gold, assigned: dict[int, str]) -> dict[str, float]:
    """Pairwise and B-cubed over gold mentions; an unassigned gold mention is its own singleton cluster."""
    sys_of = {i: assigned.get(i, f"_single{i}") for i in range(len(gold))}
    g_of = {i: g["entity"] for i, g in enumerate(gold)}
    tp = fp = fn = 0
    for i, j in combinations(range(len(gold)), 2):
        s, t = sys_of[i] == sys_of[j], g_of[i] == g_of[j]
        tp += s and t
        fp += s and not t
        fn += t and not s
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    sc, gc = defaultdict(set), defaultdict(set)
    for i in range(len(gold)):
        sc[sys_of[i]].add(i)
        gc[g_of[i]].add(i)
    bp = sum(len(sc[sys_of[i]] & gc[g_of[i]]) / len(sc[sys_of[i]]) for i in range(len(gold))) / len(gold)
    br = sum(len(sc[sys_of[i]] & gc[g_of[i]]) / len(gc[g_of[i]]) for i in range(len(gold))) / len(gold)
    f = lambda a, b: 2 * a * b / (a + b) if a + b else 0.0  # noqa: E731
    return {"P": p, "R": r, "F1": f(p, r), "B3 P": bp, "B3 R": br, "B3 F1": f(bp, br)}


def exact_baseline(ments: list[Mention]) -> list[Mention]:
    out = []
    for m in ments:
        out.append(Mention(m.article, m.start, m.end, m.text, m.label, entity="x:" + m.text.strip()))
    return out


def errors(gold, assigned, limit=40):
    """Wrong merges (precision) and missed links (recall), grouped by entity, to read what fails."""
    by_sys, by_gold = defaultdict(list), defaultdict(list)
    for i, g in enumerate(gold):
        if i in assigned:
            by_sys[assigned[i]].append(g)
        by_gold[g["entity"]].append((assigned.get(i), g))
    print("\nwrong merges:")
    for s, gs in by_sys.items():
        keys = {g["entity"] for g in gs}
        if len(keys) > 1:
            print("  ", sorted({(g["entity"], g["text"]) for g in gs})[:limit])
    print("\nsplit gold entities:")
    for k, xs in by_gold.items():
        clusters = defaultdict(set)
        for s, g in xs:
            clusters[s or "-"].add(g["text"] + ("@" + g["doc"][:12]))
        if len(clusters) > 1:
            print("  ", k, [sorted(v)[:6] for v in clusters.values()][:6])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
    ap.add_argument("--errors", action="store_true", help="print wrong merges and split entities")
    args = ap.parse_args()
    gold_all, texts = load(Path(args.shared))
    gold = [g for g in gold_all if g["type"] != "other"]
    arts, sys_m, cues = analyse(texts)
    gold_m = gold_mentions(gold)
    for m in gold_m:   # sentence index from spaCy, so that appositions and descriptions read the same parse
        m.sentence = next((s.sentence for s in sys_m if s.article == m.article and s.start <= m.start < s.end), -1)

    rows = []
    resolve(sys_m, texts=texts, cues=cues)
    a_sys = align(gold, sys_m)
    rows.append(("storyline, spaCy mentions", scores(gold, a_sys)))
    rows.append(("exact name, spaCy mentions", scores(gold, align(gold, exact_baseline(sys_m)))))
    resolve(gold_m, texts=texts, cues=cues)
    a_gold = align(gold, gold_m)
    rows.append(("storyline, gold mentions", scores(gold, a_gold)))
    rows.append(("exact name, gold mentions", scores(gold, align(gold, exact_baseline(gold_m)))))
    # The same figures without the description mentions, which only Part A labels and the baseline never finds.
    names = [g for g in gold if g["kind"] != "description"]
    idx = [i for i, g in enumerate(gold) if g["kind"] != "description"]
    for label, a in (("storyline, spaCy mentions, names only", a_sys),
                     ("storyline, gold mentions, names only", a_gold)):
        rows.append((label, scores(names, {n: a[i] for n, i in enumerate(idx) if i in a})))
    cols = ["P", "R", "F1", "B3 P", "B3 R", "B3 F1"]
    print(f"gold: {len(gold)} mentions of people, organisations and places in {len(texts)} documents\n")
    print(f"| resolver | {' | '.join(cols)} |")
    print("|---|" + "---|" * len(cols))
    for name, s in rows:
        print(f"| {name} | " + " | ".join(f"{s[c]:.3f}" for c in cols) + " |")
    descr = [m for m in gold_m if getattr(m, "inferred", False)]
    own_gold = {(g["doc"], g["start"], g["end"]): g["entity"] for g in gold if g["kind"] == "description"}
    own_descr = [m for m in descr if m.article.startswith("a")]
    hit = [m for m in own_descr if (m.article, m.start, m.end) in own_gold]
    print(f"\ndescriptions linked by storyline in Part A: {len(own_descr)}; on a labelled description span: "
          f"{len(hit)}; labelled: {len(own_gold)}")
    if args.errors:
        print("\n== errors on spaCy mentions ==")
        errors(gold, a_sys)
        print("\n== errors on gold mentions ==")
        errors(gold, a_gold)


if __name__ == "__main__":
    main()
