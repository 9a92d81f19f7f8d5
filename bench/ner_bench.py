"""NER quality and speed on the entity gold set (bench/data/entities), storyline's configured pipeline beside bare
spaCy, in one run.

Quality: mention-level precision/recall/F1 of PERSON/ORG/GPE/LOC/FAC spans (for storyline: its mentions after
resolution, i.e. with "the" and possessives trimmed and untagged repeats added) against the gold names of people,
organisations and places (descriptions and ``other`` left out), exact span and any overlap. Speed: words per
second over the same 25 texts (best of three alternating passes after a warm-up), bare ``nlp.pipe`` vs the
configured pipeline plus mentions, profile cues and resolution. Run:

    PYTHONPATH=src python bench/ner_bench.py [--shared /work/shared]
"""
from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import spacy

from resolve_bench import ROOT, load
from storyline import nlp, profile
from storyline.model import Article
from storyline.resolve import resolve

LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC"}


def spans_of(docs, names):
    return {(d, e.start_char, e.end_char) for d, doc in zip(names, docs) for e in doc.ents if e.label_ in LABELS}


def prf(sys_spans, gold_spans, overlap=False):
    if overlap:
        hit_s = sum(any(d == g[0] and s < g[2] and g[1] < e for g in gold_spans) for d, s, e in sys_spans)
        hit_g = sum(any(d == s[0] and s[1] < e and b < s[2] for s in sys_spans) for d, b, e in gold_spans)
    else:
        hit_s = hit_g = len(sys_spans & gold_spans)
    p, r = hit_s / len(sys_spans), hit_g / len(gold_spans)
    return p, r, 2 * p * r / (p + r)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
    args = ap.parse_args()
    gold, texts = load(Path(args.shared))
    gold_spans = {(g["doc"], g["start"], g["end"]) for g in gold if g["kind"] != "description" and g["type"] != "other"}
    names, bodies = list(texts), list(texts.values())
    words = sum(len(t.split()) for t in bodies)
    bare = spacy.load(nlp.MODEL)
    conf = nlp.get_nlp()

    def run_bare():
        return list(bare.pipe(bodies, batch_size=16))

    def run_conf():
        arts = [Article(id=d, source_path=d, text=t) for d, t in texts.items()]
        ments, cues, docs = [], [], []
        for a, doc in zip(arts, conf.pipe(bodies, batch_size=16)):
            m = nlp.mentions(a, doc, nlp.sentences(a, doc))
            ments += m
            cues += profile.cues(a, doc, m)
            docs.append(doc)
        resolve(ments, texts=texts, cues=cues)     # adds untagged repeats of tagged names
        return docs, {(m.article, m.start, m.end) for m in ments if m.label in LABELS and not m.inferred}

    # Warm both up once, then alternate passes so that neither pays for the other's caches or for machine load.
    fns = {"bare spaCy (" + nlp.MODEL + ")": run_bare, "storyline configured": run_conf}
    best, docs = {k: float("inf") for k in fns}, {}
    for k, fn in fns.items():
        docs[k] = fn()
    for _ in range(3):
        for k, fn in fns.items():
            t0 = time.perf_counter()
            docs[k] = fn()
            best[k] = min(best[k], time.perf_counter() - t0)
    rows = []
    for k in fns:
        s = spans_of(docs[k], names) if k.startswith("bare") else docs[k][1]
        rows.append((k, prf(s, gold_spans), prf(s, gold_spans, overlap=True), words / best[k]))
    print(f"{len(gold_spans)} gold name mentions, {len(texts)} documents, {words} words\n")
    print("| pipeline | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 | words/s |")
    print("|---|---|---|---|---|---|---|---|")
    for label, ex, ov, wps in rows:
        print(f"| {label} | " + " | ".join(f"{x:.3f}" for x in (*ex, *ov)) + f" | {wps:,.0f} |")


if __name__ == "__main__":
    main()
