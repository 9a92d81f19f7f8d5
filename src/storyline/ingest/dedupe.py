"""Near-duplicate articles (wire copies) with MinHash LSH: sub-linear lookups, no all-pairs comparison."""
from __future__ import annotations

import functools
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


@functools.lru_cache(maxsize=None)
def _bands(threshold: float) -> tuple[int, int]:
    """(bands, rows) of the LSH for ``threshold``. datasketch finds them by numerical integration each time an index
    is made (30 to 130 ms, most of an ingest of a few files: each fuzz case and each update makes one), and they
    depend only on the threshold and NUM_PERM: found once per process and passed back in as ``params``."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


class NearDuplicates:
    """Feed articles in order; each is linked to the first earlier one it nearly copies."""

    def __init__(self, threshold: float = 0.6):
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, params=_bands(threshold))
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
