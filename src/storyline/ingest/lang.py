"""Language identification (py3langid: small, offline, fast)."""
from __future__ import annotations


def detect(text: str) -> str | None:
    if not text or len(text.strip()) < 20:
        return None
    import py3langid
    lang, _score = py3langid.classify(text[:5000])
    return lang
