"""Near-duplicate articles (wire copies) with MinHash LSH: sub-linear lookups, no all-pairs comparison."""
from __future__ import annotations

import re

from datasketch import MinHash, MinHashLSH

NUM_PERM = 128


def shingles(text: str, k: int = 5) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def minhash(text: str) -> MinHash:
    m = MinHash(num_perm=NUM_PERM)
    m.update_batch([s.encode("utf-8") for s in shingles(text)])   # vectorised: ~10x faster than update()
    return m


class NearDuplicates:
    """Feed articles in order; each is linked to the first earlier one it nearly copies."""

    def __init__(self, threshold: float = 0.6):
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.hashes: dict[str, MinHash] = {}

    def add(self, key: str, text: str) -> tuple[str | None, float]:
        """Return (key of the article this one copies, estimated Jaccard) or (None, 0)."""
        m = minhash(text)
        best, score = None, 0.0
        for other in self.lsh.query(m):
            j = m.jaccard(self.hashes[other])
            if j >= self.threshold and (j > score or (j == score and other < (best or other))):
                best, score = other, j
        if key not in self.hashes:
            self.lsh.insert(key, m)
            self.hashes[key] = m
        return best, score
