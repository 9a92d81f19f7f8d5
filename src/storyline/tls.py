"""Timeline summarisation: pick the dates that matter, then summarise each date from the sentences about it.

The method follows DATEWISE (Gholipour Ghalandari and Ifrim, ACL 2020) without its supervised date ranker:
1. date selection ranks days by a mix of (a) how many articles mention the day (each article once), (b) how many
   articles are published on it and in the few days after it (reporting follows the happening), and (c) the day's
   PageRank in the date-reference graph (an article published on day p that mentions day d draws an edge p -> d);
2. each selected day is summarised from its candidate sentences (those that mention the day, plus the leading
   sentences of articles published on the day that mention no other day) by greedy centroid optimisation over
   TF-IDF vectors, skipping sentences too close to one already chosen (redundancy).
Everything runs on plain sentences and time expressions, without the parser, so a benchmark corpus of thousands of
articles takes seconds. Every line keeps its article id and character span.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import timex
from .model import Article

# Sentences: a line break, or end punctuation followed by space and a capital/quote. A regex, not spaCy, because
# this path must run over thousands of articles in seconds; the full pipeline has its own parser-based sentences.
_SENT = re.compile(r"[^\n]+")
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'`])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
LEAD_SENTS = 8          # leading sentences of an article that speak for its publication day
MIN_WORDS, MAX_WORDS = 5, 50
REDUNDANT = 0.5         # cosine above which a sentence repeats one already chosen
PUB_DAYS = 2            # an article's lead speaks for its publication day and the day before
DAY_VECTOR = True       # keep only the day's sentences near its DATEWISE date vector (day_pool)
WINDOW = None           # if set: a sentence speaks for a day it mentions only when published 0..WINDOW days after
# Weights of the date-ranking signals (mentions, publications on and after the day, date-graph PageRank).
# On the development topics mentions alone ranked best (README, issue 7: the ablation); the other two signals are
# kept for corpora without dense date mentions and can be weighted in by callers.
WEIGHTS = (1.0, 0.0, 0.0)
# What a mention counts: "sentences" (every sentence that names the day), "articles" (each article once: a
# long piece that repeats a date is one voice; the article frequency of the date), "past" (articles once, and only
# those published on or after the day: reports of what happened, not announcements). "articles" ranked best on
# the development topics (README, issue 7); "past" was about level with it.
MENTIONS = "articles"


@dataclass
class Sent:
    article: str
    start: int
    end: int
    text: str
    published: date | None
    index: int                         # position in its article
    dates: list[date] = field(default_factory=list)   # days it mentions


@dataclass
class Line:
    """One summary sentence with its provenance: ``article``'s text[start:end] == text."""
    date: date
    text: str
    article: str
    start: int
    end: int


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _SENT.finditer(text):
        s0 = m.start()
        for part in _SPLIT.split(m.group(0)):
            i = text.find(part, s0)
            j = i + len(part.rstrip())
            if part.strip():
                spans.append((i + len(part) - len(part.lstrip()), j))
            s0 = i + len(part)
    return spans


def _day(value: str) -> date | None:
    if len(value) == 10 and value[4] == "-" and value[7] == "-" and "X" not in value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def sentences(articles: list[Article]) -> list[Sent]:
    """Sentences with the days they mention (time expressions anchored on each article's publication date)."""
    out = []
    for a in articles:
        pub = date.fromisoformat(a.published) if a.published else None
        # Pre-tokenised text puts a space before commas ("April 20 , 2010"); a same-length swap lets the time
        # patterns read it while every offset still points into the original text.
        tx = timex.find(a.text.replace(" ,", ", "), pub)
        spans = split_sentences(a.text)
        k = 0
        for n, (s, e) in enumerate(spans):
            st = Sent(a.id, s, e, a.text[s:e], pub, n)
            while k < len(tx) and tx[k].start < e:
                if tx[k].start >= s and tx[k].type == "DATE":
                    d = _day(tx[k].value or "")
                    if d and d not in st.dates:
                        st.dates.append(d)
                k += 1
            out.append(st)
    return out


def _pagerank(edges: dict[tuple[date, date], float], nodes: set[date], iters: int = 30, damp: float = 0.85):
    out_w: dict[date, float] = defaultdict(float)
    for (p, _d), w in edges.items():
        out_w[p] += w
    pr = {n: 1.0 / len(nodes) for n in nodes}
    for _ in range(iters):
        nxt = {n: (1 - damp) / len(nodes) for n in nodes}
        for (p, d), w in edges.items():
            nxt[d] += damp * pr[p] * w / out_w[p]
        pr = nxt
    return pr


def _norm(c: dict) -> dict:
    top = max(c.values(), default=0) or 1
    return {k: v / top for k, v in c.items()}


def rank_dates(sents: list[Sent], articles: list[Article], span: tuple[date, date] | None = None,
               after_days: int = 2) -> list[tuple[date, float]]:
    """Days ranked by mentions (see MENTIONS), publication volume on and after the day, and date-graph PageRank."""
    mentions: Counter = Counter()
    seen: set[tuple[str, date]] = set()
    edges: dict[tuple[date, date], float] = defaultdict(float)
    for s in sents:
        for d in s.dates:
            if MENTIONS == "sentences":
                mentions[d] += 1
            elif (s.article, d) not in seen and not (MENTIONS == "past" and s.published and s.published < d):
                seen.add((s.article, d))
                mentions[d] += 1
            if s.published and s.published != d:
                edges[(s.published, d)] += 1
    pubs: Counter = Counter(date.fromisoformat(a.published) for a in articles if a.published)
    days = set(mentions) | set(pubs)
    if span:
        days = {d for d in days if span[0] <= d <= span[1]}
    around = {d: sum(pubs.get(d + timedelta(k), 0) for k in range(after_days + 1)) for d in days}
    nodes = days | {p for p, _ in edges} | {d for _, d in edges}
    pr = _pagerank(edges, nodes) if nodes else {}
    m, p, g = _norm({d: mentions[d] for d in days}), _norm(around), _norm({d: pr.get(d, 0) for d in days})
    wm, wp, wg = WEIGHTS
    score = {d: wm * m.get(d, 0) + wp * p.get(d, 0) + wg * g.get(d, 0) for d in days}
    return sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))


def _ok(s: Sent, keywords: list[str] | None) -> bool:
    n = len(s.text.split())
    if n < MIN_WORDS or n > MAX_WORDS:
        return False
    if keywords:
        low = s.text.lower()
        return any(k in low for k in keywords)
    return True


def candidates(sents: list[Sent]) -> tuple[dict[date, list[Sent]], dict[date, list[Sent]]]:
    """Per day, as in DATEWISE's candidate step: the sentences that mention it, and the leading sentences that
    mention no day of the articles published on it or in the PUB_DAYS - 1 days after (reporting follows the
    happening)."""
    ment: dict[date, list[Sent]] = defaultdict(list)
    pub: dict[date, list[Sent]] = defaultdict(list)
    for s in sents:
        if not _ok(s, None):
            continue
        for d in s.dates:
            if WINDOW is None or s.published is None or 0 <= (s.published - d).days <= WINDOW:
                ment[d].append(s)
        if not s.dates and s.published and s.index < LEAD_SENTS:
            for k in range(PUB_DAYS):
                pub[s.published - timedelta(k)].append(s)
    return ment, pub


def _knee(values) -> int:
    """Index of the point of a descending curve farthest from the chord between its ends."""
    import numpy as np

    y = np.asarray(values, dtype=float)
    if len(y) < 3:
        return len(y) - 1
    x = np.arange(len(y), dtype=float)
    dx, dy = x[-1] - x[0], y[-1] - y[0]
    dist = np.abs(dy * (x - x[0]) - dx * (y - y[0])) / (np.hypot(dx, dy) or 1.0)
    return int(np.argmax(dist))


def day_pool(ment: list[Sent], pub: list[Sent], vec) -> list[Sent]:
    """The sentences that speak for a day. DATEWISE's date vector: the words common to the day's mentioning and its
    published sentences, weighted by their mean TF-IDF in both; the sentences closer to it than the knee of the
    sorted similarities are kept (what both views of the day say, without the side remarks)."""
    import numpy as np

    both = ment + pub
    if not ment or not pub or not DAY_VECTOR:
        return both
    cm = np.asarray(vec.transform([s.text for s in ment]).mean(axis=0)).ravel()
    cp = np.asarray(vec.transform([s.text for s in pub]).mean(axis=0)).ravel()
    c = np.where((cm > 0) & (cp > 0), cm + cp, 0.0)
    if not c.any():
        return both
    sims = vec.transform([s.text for s in both]) @ (c / np.linalg.norm(c))
    cut = sorted(sims, reverse=True)[_knee(sorted(sims, reverse=True))]
    kept = [s for s, v in zip(both, sims) if v > 0 and v > cut]
    return kept or both


def summarise(articles: list[Article], n_dates: int, per_date: int = 1, keywords: list[str] | None = None,
              span: tuple[date, date] | None = None, sents: list[Sent] | None = None,
              strict: bool = True) -> list[tuple[date, list[Line]]]:
    """A timeline of ``n_dates`` days with up to ``per_date`` sourced sentences each, in date order.

    ``keywords`` focus the timeline: only sentences that contain one of them (case-insensitive) are used, when any
    do; with ``strict=False`` they are preferred instead: a day none of whose sentences names them is told from
    its other sentences (the benchmark's topic words are a query, not a filter). ``span`` limits the days.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    sents = sentences(articles) if sents is None else sents
    kws = [k.lower() for k in keywords or [] if k.strip()]
    ment, pub = candidates(sents)
    pool = [s for s in sents if _ok(s, None)]
    if not pool:
        return []
    # The focus words, when they name nothing at all, would empty the timeline: then they are ignored.
    if kws and not any(_ok(s, kws) for s in pool):
        kws = []
    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True, token_pattern=r"(?u)\b[A-Za-z][A-Za-z-]+\b")
    vec.fit([s.text for s in pool])
    chosen = []
    for d, _score in rank_dates(sents, articles, span):
        if len(chosen) >= n_dates:
            break
        if span and not span[0] <= d <= span[1]:
            continue
        cs = day_pool(ment.get(d, []), pub.get(d, []), vec)
        if not cs:
            continue
        allowed = [_ok(s, kws) for s in cs] if kws else None
        if allowed is not None and not any(allowed):
            # The focus words outrank the date vector's cut: a day's sentence that names them is not left out.
            named = [s for s in ment.get(d, []) + pub.get(d, []) if _ok(s, kws)]
            if named:
                cs, allowed = named, None
        if allowed is not None and not any(allowed):
            # A day that matters but whose sentences never name the focus words is still told from its own
            # sentences, unless the caller asked for a strict focus.
            if strict:
                continue
            allowed = None
        lines = _centroid_opt(cs, vec, per_date, allowed)
        if lines:
            chosen.append((d, [Line(d, s.text, s.article, s.start, s.end) for s in lines]))
    chosen.sort(key=lambda x: x[0])
    return chosen


def _centroid_opt(cs: list[Sent], vec, k: int, allowed: list[bool] | None = None) -> list[Sent]:
    """Greedy centroid optimisation: add the sentence that brings the summary closest to the centroid of all the
    day's candidates; only ``allowed`` ones are picked. Vectorised over candidates (a day can have thousands)."""
    import numpy as np

    # Near-identical sentences (the same wire copy in several outlets) are candidates once.
    seen, uniq, ok = set(), [], []
    for i, s in enumerate(cs):
        key = " ".join(s.text.lower().split())
        if key not in seen:
            seen.add(key)
            uniq.append(s)
            ok.append(True if allowed is None else allowed[i])
    X = vec.transform([s.text for s in uniq]).tocsr()
    centroid = np.asarray(X.mean(axis=0)).ravel()
    centroid /= np.linalg.norm(centroid) or 1.0
    to_c = X @ centroid
    sq = np.asarray(X.multiply(X).sum(axis=1)).ravel()
    blocked = ~np.asarray(ok, dtype=bool)
    total = np.zeros_like(centroid)
    picked: list[int] = []
    for _ in range(min(k, len(uniq))):
        norms = np.sqrt(total @ total + 2 * (X @ total) + sq)
        with np.errstate(divide="ignore", invalid="ignore"):
            v = (total @ centroid + to_c) / norms
        v[~np.isfinite(v) | blocked] = -np.inf
        best = int(np.argmax(v))
        if v[best] == -np.inf:
            break
        picked.append(best)
        row = X[best].toarray().ravel()
        total = total + row
        blocked[best] = True
        blocked |= (X @ row) > REDUNDANT
    return [uniq[i] for i in picked]


def keyword_focus(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def lines_ok(lines: list[tuple[date, list[Line]]], by_id: dict[str, Article]) -> bool:
    """Every line is the exact text of its source span."""
    return all(by_id[ln.article].text[ln.start:ln.end] == ln.text for _d, ls in lines for ln in ls)

