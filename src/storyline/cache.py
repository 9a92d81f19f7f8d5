"""The per-article analysis cache: ArticleAnalysis rows kept in the build's store (table ``analysis``).

Key: a hash of what the analysis of one article reads (id, text, title, date and how it was found, headings) and of
the code version (every source and data file of the package, the spaCy model's version, the embedding backend).
Change any of them and the key changes, so a stale analysis is never reused: an edited article, or an upgraded
storyline, is analysed again. Values are the pickled dataclasses, zlib-compressed (they are mostly text spans).
"""
from __future__ import annotations

import functools
import hashlib
import pickle
import sqlite3
import zlib
from pathlib import Path

from .model import Article


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    import spacy
    from . import nlp
    from .stories import EMBED_TOKENS, backend
    h = hashlib.sha1()
    pkg = Path(__file__).resolve().parent
    for p in sorted(pkg.rglob("*")):
        if p.suffix in (".py", ".json") and "__pycache__" not in p.parts:
            h.update(str(p.relative_to(pkg)).encode())
            h.update(p.read_bytes())
    meta = spacy.util.get_package_version(nlp.MODEL) or "?"
    h.update(f"{spacy.__version__}|{nlp.MODEL}|{meta}|{backend()}|{EMBED_TOKENS}".encode())
    return h.hexdigest()[:16]


def key(a: Article) -> str:
    parts = (code_version(), a.id, a.text, a.title or "", a.published or "", a.published_from,
             repr(a.headings))
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def pack(x) -> bytes:
    return zlib.compress(pickle.dumps(x, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(b: bytes):
    return pickle.loads(zlib.decompress(b))


def load(out_dir, keys: set[str]) -> dict[str, bytes]:
    """The cached analyses among ``keys`` from the build in ``out_dir`` (empty when there is none yet)."""
    from . import store
    path = Path(out_dir) / "storyline.db"
    if not path.exists() or not keys:
        return {}
    con = store.connect(path)
    ks, out = sorted(keys), {}
    try:
        for i in range(0, len(ks), 500):
            part = ks[i:i + 500]
            out.update(con.execute(f"SELECT key, blob FROM analysis WHERE key IN ({','.join('?' * len(part))})",
                                   part).fetchall())
    except sqlite3.OperationalError:   # a store written before the cache existed
        return {}
    finally:
        con.close()
    return out
