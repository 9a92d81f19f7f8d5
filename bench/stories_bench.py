"""Stories + event merging + timeline building at scale (issue 7).

Builds N articles from the Timeline17 development corpus (each one an article's opening plus sentences of nearby
articles of the same topic and outlet, so that there are real stories to find), with cheap stand-ins for language
analysis (capitalised names as entities, dated sentences with a reporting or action verb as events). Then times
clustering (hashed vectors; and MiniLM with the embedding step timed apart), merging and timeline sorting, with
peak memory (tracemalloc) at several sizes: a quadratic method would show memory x4 when N doubles.
Reference in the same run: the pre-issue-7 single-link TF-IDF clustering, on the same articles.

    PYTHONPATH=src python bench/stories_bench.py [--n 5000] [--minilm] [--t17 ../shared/datasets/t17]
"""
from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from storyline import stories, tls  # noqa: E402
from storyline.evaluate import load_topics  # noqa: E402
from storyline.model import Article, Event, Mention, Source  # noqa: E402
from storyline.timeline import merge, sort_events  # noqa: E402

NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*\b")
VERBS = {"killed": "attack", "died": "death", "said": "statement", "announced": "announcement",
         "approved": "decision", "resigned": "leave_or_resignation", "arrested": "surrender_or_arrest",
         "sealed": "operation", "declared": "declaration", "protest": "protest"}
STOP = {"The", "A", "An", "In", "On", "It", "He", "She", "But", "And", "They", "This", "That", "Monday", "Tuesday",
        "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May",
        "June", "July", "August", "September", "October", "November", "December"}


def synth(root: Path, n: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    topics = load_topics(root)
    folders = defaultdict(list)
    for t in topics.values():
        for a in t["articles"]:
            folders[a.outlet].append(a)
    pool = [a for arts in folders.values() for a in arts]
    out = []
    for i in range(n):
        a = rng.choice(pool)
        near = [b for b in folders[a.outlet] if abs((tls.date.fromisoformat(b.published) -
                                                     tls.date.fromisoformat(a.published)).days) <= 3]
        lines = a.text.splitlines()[:8]
        for b in rng.sample(near, min(3, len(near))):
            bl = b.text.splitlines()
            lines += rng.sample(bl, min(2, len(bl)))
        out.append(Article(f"syn{i}", f"{a.id}#{i}", text="\n".join(lines), title=lines[0][:80] if lines else None,
                           outlet=a.outlet, published=a.published))
    return out


def analyse_cheaply(arts: list[Article]):
    mentions, events = [], []
    for s in tls.sentences(arts):
        names = [m for m in NAME.finditer(s.text) if m.group(0).split()[0] not in STOP]
        for m in names:
            mentions.append(Mention(s.article, s.start + m.start(), s.start + m.end(), m.group(0), "ORG",
                                    entity="e-" + m.group(0).lower().replace(" ", "_")))
        verb = next((v for v in VERBS if v in s.text), None)
        if verb and s.dates and names:
            events.append(Event(f"ev{len(events)}", s.dates[0].isoformat(), s.text[:120], VERBS[verb],
                                ["e-" + m.group(0).lower().replace(" ", "_") for m in names[:4]], "asserted",
                                [Source(s.article, s.start, s.end, s.text)]))
    return mentions, events


def old_cluster(arts, mentions):
    """The foundation's clustering (TF-IDF + single link over thresholded block products), as the reference."""
    from collections import defaultdict as dd

    from sklearn.feature_extraction.text import TfidfVectorizer
    ents = dd(list)
    for m in mentions:
        ents[m.article].append(m.entity)
    X = TfidfVectorizer(stop_words="english", sublinear_tf=True, max_df=0.9).fit_transform(
        [a.text + " " + " ".join(ents[a.id]) for a in arts])
    parent = list(range(len(arts)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for b0 in range(0, len(arts), 512):
        S = (X[b0:b0 + 512] @ X.T).tocoo()
        for i, j, v in zip(S.row, S.col, S.data):
            if v >= 0.18 and b0 + i != j:
                ri, rj = find(b0 + i), find(j)
                if ri != rj:
                    parent[max(ri, rj)] = min(ri, rj)
    return len({find(i) for i in range(len(arts))})


def purity(groups: list[list[str]], truth: dict[str, str]) -> float:
    """Share of articles whose story's majority topic is their own topic."""
    ok = 0
    for g in groups:
        c = defaultdict(int)
        for a in g:
            c[truth[a]] += 1
        ok += max(c.values())
    return ok / sum(len(g) for g in groups)


def run(arts, mentions, events, kind, vectors=None):
    """Timed without tracing (tracemalloc slows Python code several times), then traced for the peak memory."""
    st, merged, times = _once(arts, mentions, events, kind, vectors)
    tracemalloc.start()
    _once(arts, mentions, events, kind, vectors)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return st, merged, times, peak


def _once(arts, mentions, events, kind, vectors=None):
    t0 = time.perf_counter()
    ix = stories.StoryIndex(kind=kind)
    ix.add(arts, mentions, vectors=vectors)
    st = ix.stories({a.id: a for a in arts})
    t1 = time.perf_counter()
    merged = merge([Event(e.id, e.date, e.summary, e.type, list(e.actors), e.modality, list(e.sources))
                    for e in events], st, arts)
    t2 = time.perf_counter()
    sort_events(merged, {a.id: a for a in arts})
    t3 = time.perf_counter()
    return st, merged, (t1 - t0, t2 - t1, t3 - t2)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--t17", default=os.environ.get("STORYLINE_SHARED", str(Path(__file__).resolve().parents[2] /
                                                                            "shared")) + "/datasets/t17")
    ap.add_argument("--minilm", action="store_true", help="also run with MiniLM embeddings")
    args = ap.parse_args()
    root = Path(args.t17)
    if not root.is_dir():
        sys.exit(f"Timeline17 folder not found: {root}")
    print(f"{'n':>6} {'backend':>8} {'stories':>8} {'purity':>7} {'cluster s':>9} {'merge s':>8} {'sort s':>7} "
          f"{'events':>7} {'merged':>7} {'peak MiB':>9}")
    for n in sorted({args.n // 4, args.n // 2, args.n}):
        arts = synth(root, n)
        truth = {a.id: a.source_path.split("_")[0].split("/")[-1] for a in arts}
        mentions, events = analyse_cheaply(arts)
        backends = [("hashed", None)]
        if args.minilm and n == args.n and stories.backend() == "minilm":
            t0 = time.perf_counter()
            vec = stories.embed([stories._text_of(a) for a in arts], "minilm")
            print(f"  (MiniLM embedding of {n} articles: {time.perf_counter() - t0:.1f} s)")
            backends.append(("minilm", vec))
        for kind, vec in backends:
            st, merged, (tc, tm, ts), peak = run(arts, mentions, events, kind, vec)
            print(f"{n:>6} {kind:>8} {len(st):>8} {purity([s.articles for s in st], truth):>7.3f} {tc:>9.2f} "
                  f"{tm:>8.2f} {ts:>7.2f} {len(events):>7} {len(merged):>7} {peak / 2**20:>9.1f}")
        if n == args.n:
            t0 = time.perf_counter()
            k = old_cluster(arts, mentions)
            print(f"{n:>6} {'ref-old':>8} {k:>8} {'':>7} {time.perf_counter() - t0:>9.2f}   "
                  "(foundation single-link TF-IDF, reference)")


if __name__ == "__main__":
    main()
